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
        and f.library_key is not distinct from dp.library_key
        and f.year is not distinct from dp.year
        and f.metric = dp.metric
        and f.scope is not distinct from dp.scope
        and f.segment is not distinct from dp.segment
        and f.period is not distinct from dp.period
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

findings as (
    select
        c.pair_key,
        {{ any_value_ordered("c.doc1", "c.figure_id") }} as document_id,
        {{ any_value_ordered("c.library_key", "c.figure_id") }} as library_key,
        {{ any_value_ordered("c.year", "c.figure_id") }} as year,
        {{ any_value_ordered("c.metric", "c.figure_id") }} as metric,
        {{ any_value_ordered("c.subject_text", "c.figure_id") }} || ' of ' || coalesce({{ any_value_ordered("c.library_name", "c.figure_id") }}, {{ any_value_ordered("c.library_key", "c.figure_id") }})
            || ' in ' || coalesce(cast({{ any_value_ordered("c.year", "c.figure_id") }} as varchar), 'an unknown year')
            || case when {{ any_value_ordered("c.is_plural", "c.figure_id") }} then ' are' else ' is' end || ' stated as '
            || {{ any_value_ordered("t.text") }} || ': the two documents cannot both be right.' as message,
        'cross_document|' || string_agg(c.figure_id, ',' order by c.figure_id) as id_basis
    from candidates as c
    join documents_text as t using (pair_key)
    group by c.pair_key
)

select
    substr(md5(f.id_basis), 1, 16) as finding_id,
    'cross_document' as "check",
    'warn' as severity,
    f.document_id,
    d.source_file,
    f.library_key,
    f.year,
    f.metric,
    f.message,
    c.figure_id,
    'candidate' as role
from findings as f
join candidates as c using (pair_key)
join (select distinct document_id, source_file from figures) as d on d.document_id = f.document_id
