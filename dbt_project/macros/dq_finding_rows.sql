{#-
  dq_finding_rows(check, findings, id_basis, figures, severity):
  the rows every data-quality rule model (tag dq_rule) returns, the columns of int_dq_all:
  one row per (finding, figure, role).
  * check: the rule's code in seeds/dq_checks.csv;
  * findings: the relation (a CTE) with one row per finding, or per finding and figure, and the
    columns document_id, source_file, library_key, year, metric, message and those named below;
  * id_basis: SQL text over its columns that tells the findings of the check apart; the
    finding_id is the first 16 hex digits of md5('<check>|' || id_basis);
  * figures: the columns holding the linked figure ids and the role of each,
    [('total_id', 'total'), ('part_id', 'part')], one union all branch each (a role of none:
    the relation's own `role` column);
  * severity: the column holding the severity the rule decides, for the checks whose seed row
    allows more than one ("error|warn"); otherwise the seed's (its first: "error" of "error|warn",
    which int_dq_graded may lower to warn). Either way a severity
    the seed does not allow for the check (or a check missing from the seed) comes out null,
    which the not_null test of dq_findings.severity reports.
-#}
{%- macro dq_finding_rows(check, findings, id_basis, figures=[('figure_id', 'subject')], severity=none) -%}
{%- for figure_column, role in figures %}
select
    substr(md5('{{ check }}|' || {{ id_basis }}), 1, 16) as finding_id,
    '{{ check }}' as "check",
    {% if severity -%}
    case when strpos('|' || dq_check.severity || '|', '|' || f.{{ severity }} || '|') > 0
            then f.{{ severity }} end
    {%- else -%}
    split_part(dq_check.severity, '|', 1)
    {%- endif %} as severity,
    f.document_id,
    f.source_file,
    f.library_key,
    f.year,
    f.metric,
    f.message,
    f.{{ figure_column }} as figure_id,
    {% if role is none %}f.role{% else %}'{{ role }}' as role{% endif %}
from {{ findings }} as f
left join {{ ref('dq_checks') }} as dq_check on dq_check."check" = '{{ check }}'
{%- if not loop.last %}
union all
{%- endif %}
{%- endfor %}
{%- endmacro -%}
