{{ config(materialized='view') }}
-- Every check's output in one long table: one row per (finding, figure, role).
{%- set checks = ['int_dq_conflict', 'int_dq_partial_exceeds_year', 'int_dq_sum_mismatch',
                  'int_dq_ratio_mismatch', 'int_dq_invalid_value', 'int_dq_implausible',
                  'int_dq_count_mismatch'] %}
{% for m in checks %}
select finding_id, "check", severity, document_id, source_file, library_key, year, metric, message, figure_id, role
from {{ ref(m) }}
{% if not loop.last %}union all{% endif %}
{%- endfor %}
