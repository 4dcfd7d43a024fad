{{ config(materialized='view', tags=['dq_rule']) }}
{#-
  cross_document (warn): two documents state incompatible values for the same named
  library, year, metric, scope, segment and period (a library's own report against a
  provincial bulletin or a news item): trusted figures whose qualifier ranges do not
  overlap and that rounding cannot explain (int_figure_pairs). One finding per key and
  pair of documents; the figures of the key in both documents are linked as candidates,
  so the reader sees both evidences. The finding is filed under the first document (by
  file name); the message names both files and says why the closest two statements cannot
  both hold (macros/dq_pair_reason.sql). Two documents that agree on one statement of the key
  (302 in both) do not contradict each other, whatever else one of them states.
-#}
with figures as (
    select * from {{ ref('int_figure_ranges') }}
),

-- every pair of statements of one key across two documents, the documents in file-name order
cross_pairs as (
    select
        case when a.source_file <= b.source_file then a.document_id else b.document_id end as doc1,
        case when a.source_file <= b.source_file then b.document_id else a.document_id end as doc2,
        a.library_key, a.year, a.metric, a.scope, a.segment, a.period,
        p.a_id, p.b_id, p.is_disjoint and not p.is_rounding as is_apart
    from {{ ref('int_figure_pairs') }} as p
    join figures as a on a.figure_id = p.a_id
    join figures as b on b.figure_id = p.b_id
    where not p.same_document
),

-- two documents contradict each other on a key when no statement of one is compatible with a
-- statement of the other: when they agree on one value (302 in both), another value one of them
-- also states (235) is that document's own matter, not a disagreement between the documents
doc_pairs as (
    select doc1, doc2, library_key, year, metric, scope, segment, period
    from cross_pairs
    group by doc1, doc2, library_key, year, metric, scope, segment, period
    having bool_and(is_apart)
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

-- why the two documents disagree: their closest pair of statements, which is still apart
-- (macros/dq_pair_reason.sql)
reasons as (
    select
        md5(concat_ws('|', cp.doc1, cp.doc2, cp.library_key, coalesce(cast(cp.year as varchar), ''), cp.metric,
                      coalesce(cp.scope, ''), coalesce(cp.segment, ''), coalesce(cp.period, ''))) as pair_key,
        {{ pair_reason('big', 'small', ' (the closest statements of the two)') }} as reason,
        row_number() over (
            partition by cp.doc1, cp.doc2, cp.library_key, cp.year, cp.metric, cp.scope, cp.segment, cp.period
            order by abs(big.value - small.value), big.figure_id, small.figure_id
        ) as rn
    from cross_pairs as cp
    join doc_pairs as dp
        on dp.doc1 = cp.doc1 and dp.doc2 = cp.doc2 and dp.metric = cp.metric
        and {{ same_key('dp', 'cp', ['library_key', 'year', 'scope', 'segment', 'period']) }}
    join figures as a on a.figure_id = cp.a_id
    join figures as b on b.figure_id = cp.b_id
    join figures as big on big.figure_id = case when a.value >= b.value then a.figure_id else b.figure_id end
    join figures as small on small.figure_id = case when a.value >= b.value then b.figure_id else a.figure_id end
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
            || {{ any_value_ordered("t.text") }} || ': ' || {{ any_value_ordered("r.reason") }}
            || '; the two documents cannot both be right.' as message,
        string_agg(c.figure_id, ',' order by c.figure_id) as id_basis
    from candidates as c
    join documents_text as t using (pair_key)
    join reasons as r on r.pair_key = c.pair_key and r.rn = 1
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
