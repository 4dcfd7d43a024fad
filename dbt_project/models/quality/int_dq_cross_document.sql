{{ config(materialized='view', tags=['dq_rule']) }}
{#-
  cross_document (warn): two documents state incompatible values for the same named
  library, year, metric, scope, segment and period (a library's own report against a
  provincial bulletin or a news item): trusted figures whose qualifier ranges do not
  overlap and that rounding cannot explain (int_figure_pairs). One finding per key and
  pair of documents; the figures of the key in both documents are linked as candidates,
  so the reader sees both evidences. The finding is filed under the first document (by
  file name); the message names both files.
-#}
with figures as (
    select * from {{ ref('int_figure_ranges') }}
),

doc_pairs as (
    select distinct
        case when a.source_file <= b.source_file then a.document_id else b.document_id end as doc1,
        case when a.source_file <= b.source_file then b.document_id else a.document_id end as doc2,
        a.library_key, a.year, a.metric, a.scope, a.segment, a.period
    from {{ ref('int_figure_pairs') }} as p
    join figures as a on a.figure_id = p.a_id
    join figures as b on b.figure_id = p.b_id
    where not p.same_document and p.is_disjoint and not p.is_rounding
),

candidates as (
    select
        md5(concat_ws('|', dp.doc1, dp.doc2, dp.library_key, coalesce(cast(dp.year as varchar), ''), dp.metric,
                      coalesce(dp.scope, ''), coalesce(dp.segment, ''), coalesce(dp.period, ''))) as pair_key,
        dp.doc1,
        f.*
    from doc_pairs as dp
    join figures as f
        on f.document_id in (dp.doc1, dp.doc2)
        and f.kind = 'figure'
        and coalesce(f.is_trusted, true)
        and f.metric = dp.metric
        and {{ same_key('dp', 'f', ['library_key', 'year', 'scope', 'segment', 'period']) }}
),

-- per document: "1227435 (h011.txt)"
per_document as (
    select pair_key, source_file, document_id = doc1 as is_first,
           string_agg(distinct display_text, ' and ' order by display_text) as values_text
    from candidates
    group by pair_key, source_file, document_id, doc1
),

documents_text as (
    select pair_key,
           string_agg(values_text || ' in ' || source_file, ', but ' order by not is_first, source_file) as text
    from per_document
    group by pair_key
),

{#- "Visits (visits.in_person) of <library>": the subject with the library's name (or key) #}
{% set library_subject = any_value_ordered("c.subject_text", "c.figure_id") ~ " || ' of ' || coalesce("
    ~ any_value_ordered("c.library_name", "c.figure_id") ~ ", " ~ any_value_ordered("c.library_key", "c.figure_id") ~ ")" %}
findings as (
    select
        c.pair_key,
        {{ any_value_ordered("c.doc1", "c.figure_id") }} as document_id,
        {{ first_values('c', ['library_key', 'year', 'metric'], 'c.figure_id') }},
        {{ subject_in_year(library_subject, any_value_ordered("c.year", "c.figure_id"),
                           any_value_ordered("c.is_plural", "c.figure_id")) }}
            || ' stated as '
            || {{ any_value_ordered("t.text") }} || ': the two documents cannot both be right.' as message,
        string_agg(c.figure_id, ',' order by c.figure_id) as id_basis
    from candidates as c
    join documents_text as t using (pair_key)
    group by c.pair_key
),

document_files as (
    select distinct document_id, source_file from figures
),

linked as (
    select f.*, d.source_file, c.figure_id
    from findings as f
    join candidates as c using (pair_key)
    join document_files as d on d.document_id = f.document_id
)

{{ dq_finding_rows('cross_document', 'linked', 'id_basis', [('figure_id', 'candidate')]) }}
