{#-
  The per-document rules as incremental tables (issue 11): a rule whose findings about a
  document read only that document (its text, its numbers, its figures) is
  `materialized='incremental'` and reads its inputs through `dq_in_scope(ref(...))`. A first
  build (or `--full-refresh`) computes every document; a later build computes only the
  documents of `int_dq_scope` (those whose inputs changed since the last build, added or
  removed) after deleting their old rows (`dq_delete_in_scope`, the pre-hook of the quality
  folder in dbt_project.yml). A change of the code (models, macros, seeds, the extractor) is not
  a change of the inputs: the pipeline then builds with `--full-refresh`
  (orchestration/defs/dbt_state.py).
-#}

{#- int_dq_scope, by name: not a ref (ordering comes from int_figure_ranges' depends_on) -#}
{% macro dq_scope_relation() -%}
    {{ this.incorporate(path={'identifier': 'int_dq_scope'}) }}
{%- endmacro %}

{#- `relation` (a ref with a document_id column), only the documents in scope when incremental -#}
{% macro dq_in_scope(relation) -%}
    {%- if this is not none and is_incremental() -%}{#- a unit test has no `this` -#}
    (select * from {{ relation }}
     where document_id in (select s.document_id from {{ dq_scope_relation() }} as s where s.in_scope))
    {%- else -%}
    {{ relation }}
    {%- endif -%}
{%- endmacro %}

{#- the pre-hook: an incremental rule's rows of the documents in scope go, before new ones come -#}
{% macro dq_delete_in_scope() -%}
    {%- if this is not none and model.config.materialized == 'incremental' and is_incremental() -%}
    delete from {{ this }}
    where document_id in (select s.document_id from {{ dq_scope_relation() }} as s where s.in_scope)
    {%- endif -%}
{%- endmacro %}

{#- the text chunks a rule reads (macros/document_chunks.sql): the table int_document_chunks,
    cut once per build (its documents in scope when the rule is incremental); in a unit test,
    cut from the test's rows of stg_nianbao__documents (its input for int_document_chunks is
    left empty) -#}
{% macro rule_chunks() -%}
    {%- set table = ref('int_document_chunks') -%}
    {%- set documents = ref('stg_nianbao__documents') -%}
    {%- if this is none -%}
    {{ document_chunks(documents) }}
    {%- else -%}
    select * from {{ dq_in_scope(table) }}
    {%- endif -%}
{%- endmacro %}
