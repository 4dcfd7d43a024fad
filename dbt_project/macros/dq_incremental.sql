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

{#- the rule models (tag dq_rule) by name, sorted: all of them, or only the incremental ones
    (`incremental=true`) or only the others (`incremental=false`); empty at parse time -#}
{% macro dq_rules(incremental=none) -%}
    {%- set rules = [] -%}
    {%- if execute -%}
        {%- for node in graph.nodes.values() | sort(attribute='name') -%}
            {%- if node.resource_type == 'model' and 'dq_rule' in node.tags -%}
                {%- set is_incremental_rule = node.config.materialized == 'incremental' -%}
                {%- if incremental is none or incremental == is_incremental_rule -%}
                    {%- do rules.append(node.name) -%}
                {%- endif -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(rules) }}
{%- endmacro %}

{#- the findings of int_dq_all (or int_dq_graded: any relation with the columns `rule` and
    document_id) to compute again in an incremental build: every finding of a rule that is not
    incremental (those compare documents with each other, so any document may change them), and
    those of the incremental rules about the documents in scope -#}
{% macro dq_findings_in_scope(relation) -%}
    {%- if this is not none and is_incremental() -%}
    (select * from {{ relation }}
     where rule not in ({{ dq_quoted(dq_rules(incremental=true)) }})
        or document_id in (select s.document_id from {{ dq_scope_relation() }} as s where s.in_scope))
    {%- else -%}
    {{ relation }}
    {%- endif -%}
{%- endmacro %}

{#- the pre-hook of int_dq_all and int_dq_graded (after the folder's dq_delete_in_scope, which
    deletes the rows of the documents in scope): the rows of the rules that are not incremental
    go too; dq_findings_in_scope computes them again -#}
{% macro dq_delete_cross_document() -%}
    {%- if this is not none and is_incremental() -%}
    delete from {{ this }}
    where rule not in ({{ dq_quoted(dq_rules(incremental=true)) }})
    {%- endif -%}
{%- endmacro %}

{#- 'a', 'b': SQL string literals (none: a name no model has, so `not in` keeps working) -#}
{% macro dq_quoted(names) -%}
    {%- if names | length == 0 -%}''{%- else -%}'{{ names | join("', '") }}'{%- endif -%}
{%- endmacro %}
