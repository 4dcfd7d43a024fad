{{ config(materialized='incremental') }}{# by document: macros/dq_incremental.sql #}
{#-
  The texts cut into overlapping chunks once per build (macros/document_chunks.sql), for the
  rules that read the words around a number (rule_chunks): each of them cut every text again
  when the chunks were a CTE of theirs (issue 11). By document: a build after the first cuts
  only the documents of int_dq_scope.
-#}
-- depends_on: {{ ref('int_dq_scope') }}
{{ document_chunks(dq_in_scope(ref('stg_nianbao__documents'))) }}
