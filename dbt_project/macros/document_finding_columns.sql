{#-
  document_finding_columns(rule, key_id, document): the leading columns of a finding about a
  document as a whole (no library, no metric): the rule's name, its key, the document (joined
  `using (document_id)`), its source file and report year (columns of the relation aliased
  `document`). Used by the date_mismatch rules read from a document's own dates.
-#}
{% macro document_finding_columns(rule, key_id, document) -%}
    '{{ rule }}' as rule,
    {{ key_id }} as key_id,
    document_id, {{ document }}.source_file, cast(null as varchar) as library_key,
    {{ document }}.report_year as year, cast(null as varchar) as metric
{%- endmacro %}
