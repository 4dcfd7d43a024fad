{#-
  total_and_part_links(findings, parts, on): the rows that link each sum finding to its figures,
  the columns of `findings` with figure_id and role: the total (findings.total_id, role total),
  then each part (parts.figure_id, role part) of the parts joined by `on` (SQL over the aliases
  f, the finding, and p, the part). Used by the sum_mismatch rules before dq_finding_rows.
-#}
{% macro total_and_part_links(findings, parts, on) -%}
    select f.*, f.total_id as figure_id, 'total' as role
    from {{ findings }} as f
    union all
    select f.*, p.figure_id, 'part' as role
    from {{ findings }} as f
    join {{ parts }} as p
        on {{ on }}
{%- endmacro %}
