{#-
  attributed_to_library(relation, columns): the rows of `relation` (a staging model with
  document_id and library_name) that come from loaded documents: its `columns` (named,
  not `*`: the same SQL runs on DuckDB and PostgreSQL), with source_file, report_year, report_library_name, and
    library_name         the stated library, or the report's own when none is stated;
    stated_library_name  the library named in the text (null: the report's own);
    library_key          from int_libraries_resolved, 'unknown' when unresolved (never null).
  The one place where figures and events are attributed to a library.
-#}
{%- macro attributed_to_library(relation, columns) -%}
select
    {%- for column in columns %}
    src.{{ column }},
    {%- endfor %}
    documents.source_file,
    documents.report_year,
    documents.report_library_name,
    coalesce(src.library_name, documents.report_library_name) as library_name,
    src.library_name as stated_library_name,
    coalesce(libraries.library_key, 'unknown') as library_key
from {{ relation }} as src
inner join {{ ref('int_documents_loaded') }} as documents
    on documents.document_id = src.document_id
left join {{ ref('int_libraries_resolved') }} as libraries
    on libraries.library_name = coalesce(src.library_name, documents.report_library_name)
{%- endmacro %}
