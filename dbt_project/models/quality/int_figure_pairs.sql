{{ config(materialized='view') }}
{#-
  Every pair of trusted figures (kind 'figure', is_trusted) that agree on library, year,
  metric, scope, segment and period (full year or plan: a partial period does not say
  which part of the year), in one document or across documents, with what the
  comparison rules need to know about the pair:
  * same_document, same_sentence: two different values of one key inside one sentence
    (or one table line) are never a contradiction: the writer is enumerating different
    things (a whole and its 其中 part, 分别 A、B of two libraries);
  * is_disjoint: their qualifier ranges share no point (metrics.md; an at_least range
    is open at hi: 205829 vs [206000, 207000) is disjoint, 60 vs [50, 60) too);
  * is_rounding: both are plain numbers (exact) and the coarser one is the finer one
    rounded to the coarser one's stated precision (rounding_unit): 1.18亿 vs 1.177亿,
    13.6亿 vs 135959.18万; not 2600万 vs 2685.9万 (2685.9万 rounds to 2700万).
  Across documents only a named library is compared ('unknown' is not one library).
-#}
with figures as (
    select * from {{ ref('int_figure_ranges') }}
    where kind = 'figure' and coalesce(is_trusted, true)
        -- 'partial' says only that the period is less than the year, not which part:
        -- two partial figures (6月, 11月, 上半年) are not statements of one quantity
        and coalesce(period, 'year') <> 'partial'
),

pairs as (
    select
        a.figure_id as a_id,
        b.figure_id as b_id,
        a.document_id as a_document_id,
        b.document_id as b_document_id,
        a.document_id = b.document_id as same_document,
        coalesce(a.document_id = b.document_id and a.sentence_no = b.sentence_no, false) as same_sentence,
        not(
            greatest(a.lo, b.lo) < least(a.hi, b.hi)
            or (greatest(a.lo, b.lo) = least(a.hi, b.hi)
                and (a.hi > greatest(a.lo, b.lo) or a.hi_closed)
                and (b.hi > greatest(a.lo, b.lo) or b.hi_closed))
        ) as is_disjoint,
        coalesce(a.qualifier, 'exact') = 'exact' and coalesce(b.qualifier, 'exact') = 'exact'
            and a.value <> b.value
            and (
                (a.rounding_unit > coalesce(b.rounding_unit, 0)
                 and abs({{ round_to('b.value / a.rounding_unit') }} * a.rounding_unit - a.value)
                 < 1e-6 * greatest(abs(a.value), 1))
                or (b.rounding_unit > coalesce(a.rounding_unit, 0)
                 and abs({{ round_to('a.value / b.rounding_unit') }} * b.rounding_unit - b.value)
                 < 1e-6 * greatest(abs(b.value), 1))
            ) as is_rounding
    from figures as a
    join figures as b
        on a.figure_id < b.figure_id
        and a.metric = b.metric
        and {{ same_key('b', 'a', ['library_key', 'year', 'scope', 'segment', 'period']) }}
        and (a.document_id = b.document_id or coalesce(a.library_key, 'unknown') <> 'unknown')
)

select * from pairs
