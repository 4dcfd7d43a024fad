{{ config(materialized='incremental', pre_hook="{{ dq_delete_cross_document() }}") }}
{#-
  Every rule's output in one long table: one row per (finding, figure, role), with the rule
  model it comes from (`rule`). A table (both dq marts re-ran every rule of a view, issue 11),
  incremental (macros/dq_incremental.sql): a build after the first deletes the rows of the
  documents in scope (int_dq_scope) and every row of the rules that are not incremental (they
  compare documents with each other), then adds those of the incremental rules about the
  documents in scope and all of the others'.
  The rules are the models tagged `dq_rule` (each one check code of seeds/dq_checks.csv);
  the union is built from the tag when the model runs. dbt needs to know the rules
  before it runs them, hence the depends_on hints below: a tagged rule missing from
  them makes dbt stop with "unable to infer all dependencies", so none is left out silently.
-#}
-- depends_on: {{ ref('int_dq_conflict') }}
-- depends_on: {{ ref('int_dq_rounded_restatement') }}
-- depends_on: {{ ref('int_dq_cross_document') }}
-- depends_on: {{ ref('int_dq_partial_exceeds_year') }}
-- depends_on: {{ ref('int_dq_sum_mismatch') }}
-- depends_on: {{ ref('int_dq_sum_partition') }}
-- depends_on: {{ ref('int_dq_sum_lines') }}
-- depends_on: {{ ref('int_dq_ratio_mismatch') }}
-- depends_on: {{ ref('int_dq_ratio_growth') }}
-- depends_on: {{ ref('int_dq_ratio_share') }}
-- depends_on: {{ ref('int_dq_ratio_percent') }}
-- depends_on: {{ ref('int_dq_ratio_average') }}
-- depends_on: {{ ref('int_dq_titles_volumes') }}
-- depends_on: {{ ref('int_dq_invalid_value') }}
-- depends_on: {{ ref('int_dq_qualifier_conflict') }}
-- depends_on: {{ ref('int_dq_date_mismatch') }}
-- depends_on: {{ ref('int_dq_date_written') }}
-- depends_on: {{ ref('int_dq_implausible') }}
-- depends_on: {{ ref('int_dq_count_mismatch') }}
-- depends_on: {{ ref('int_dq_count_restated') }}
-- depends_on: {{ ref('int_dq_year_over_year') }}
{%- set rules = dq_rules() %}
{%- set incremental_rules = dq_rules(incremental=true) %}
{%- if rules | length == 0 %}
-- parse time (the graph is not known yet): an empty relation of the right shape
select
    null::varchar as finding_id, null::varchar as "check", null::varchar as severity,
    null::varchar as document_id, null::varchar as source_file, null::varchar as library_key,
    null::integer as year, null::varchar as metric, null::varchar as message,
    null::varchar as figure_id, null::varchar as role, null::varchar as rule
where false
{%- else %}
{%- for m in rules %}
select
    finding_id, "check", severity, document_id, source_file, library_key, year, metric, message, figure_id, role,
    cast('{{ m }}' as varchar) as rule
from {{ dq_in_scope(ref(m)) if m in incremental_rules else ref(m) }} as r
{% if not loop.last %}union all{% endif %}
{%- endfor %}
{%- endif %}
