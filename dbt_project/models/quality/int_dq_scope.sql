{{ config(materialized='table') }}
{#-
  The documents the incremental rules compute in this build (macros/dq_incremental.sql): one
  row per document with the digest of what a per-document rule reads of it (its rows in
  stg_nianbao__documents, but for the text and the times it was seen, and its figures as
  attributed: library, year, confidence…; its text and its numbers are those of its
  document_id, the content's hash). in_scope: the document is new, its digest changed since
  the last build, or it is gone (a row with no digest, so its old findings are deleted).
  A first build (no table yet) or --full-refresh: every document. The last build's digests
  are read from this table itself before it is replaced.
-#}
{%- set old = adapter.get_relation(database=this.database, schema=this.schema, identifier=this.identifier)
    if execute else none %}
{%- set incremental = old is not none and not flags.FULL_REFRESH %}
with documents as (
    select
        document_id, source_file, status, reason, format, encoding, bytes, chars,
        duplicate_of, library_name, report_year, is_link, link_target
    from {{ ref('stg_nianbao__documents') }}
    where document_id is not null
),

document_digests as (
    select d.document_id, {{ rows_digest('d') }} as digest
    from documents as d
    group by d.document_id
),

figures as (
    select * from {{ ref('int_figures_attributed') }}
),

figure_digests as (
    select f.document_id, {{ rows_digest('f') }} as digest
    from figures as f
    group by f.document_id
),

current_inputs as (
    select d.document_id, d.digest || '/' || coalesce(f.digest, '') as input_digest
    from document_digests as d
    left join figure_digests as f on f.document_id = d.document_id
)

{% if incremental %}
select
    c.document_id,
    c.input_digest,
    (o.document_id is null or o.input_digest <> c.input_digest) as in_scope
from current_inputs as c
left join {{ old }} as o on o.document_id = c.document_id and o.input_digest is not null
union all
select o.document_id, null as input_digest, true as in_scope
from {{ old }} as o
where o.input_digest is not null
    and not exists (
        select 1 from current_inputs as c
        where c.document_id = o.document_id
    )
{% else %}
select document_id, input_digest, true as in_scope
from current_inputs
{% endif %}
