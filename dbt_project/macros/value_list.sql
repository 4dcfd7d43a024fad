{#-
  value_list(source, keys, value_col, text_col, mention_repeats):
  one row per key with n (how many distinct statements) and value_list, the distinct
  stated values as one English list, largest first: "22454, 10119, 3274 and 2988".
  With mention_repeats, a value stated more than once says so: "205829 (stated twice)".
  Used by the findings messages of the quality rules.
-#}
{%- macro value_list(source, keys, value_col='value', text_col='display_text', mention_repeats=false) -%}
{%- set key_list = keys | join(', ') -%}
select
    {{ key_list }},
    count(*) as n,
    string_agg(
        case when rn = 1 then '' when rn = n_all then ' and ' else ', ' end || {{ text_col }}
        {%- if mention_repeats %}
        || case when times = 2 then ' (stated twice)'
                when times > 2 then ' (stated ' || times || ' times)'
                else '' end
        {%- endif %},
        '' order by rn
    ) as value_list
from (
    select
        *,
        row_number() over (partition by {{ key_list }} order by {{ value_col }} desc, {{ text_col }}) as rn,
        count(*) over (partition by {{ key_list }}) as n_all
    from (
        select {{ key_list }}, {{ value_col }}, {{ text_col }}, count(*) as times
        from {{ source }}
        group by {{ key_list }}, {{ value_col }}, {{ text_col }}
    ) as distinct_values
) as numbered
group by {{ key_list }}
{%- endmacro %}
