{#- A subject fact table: the rows of fct_figures whose metric starts with `<prefix>.`,
    with the measure name (the part after the dot) as its own column. -#}
{% macro subject_fact(prefix) -%}
select
    figure_id, document_id, source_file, library_key, library_name, year,
    metric, substr(metric, {{ prefix | length + 2 }}) as measure,
    value, value_high, qualifier, scope, segment, period, unit_raw,
    status, is_preferred, confidence, evidence
from {{ ref('fct_figures') }}
where starts_with(metric, '{{ prefix }}.')
order by library_key, year, metric, figure_id
{%- endmacro %}
