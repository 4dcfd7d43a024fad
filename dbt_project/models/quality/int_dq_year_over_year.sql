{{ config(materialized='view', tags=['dq_rule']) }}
{#-
  year_over_year (info): a library's figure changes by more than yoy_factor
  (seeds/dq_thresholds.csv, with its source) from the previous year in the warehouse,
  in either direction (above factor × or below 1 / factor × the previous year).
  Per library (a named one across documents, an unnamed one inside its document), metric, scope and segment, full-year figures only (period 'year'); each
  year is represented by its most trusted figure (highest confidence, then the first
  stated: file, position), from any document. Only consecutive years are compared.
  Both figures are linked as subjects.
-#}
with figures as (
    select * from {{ ref('int_figure_ranges') }}
    where kind = 'figure'
        and coalesce(is_trusted, true)
        and coalesce(period, 'year') = 'year'
        and year is not null
        and value > 0
),

thresholds as (
    select * from {{ ref('int_dq_thresholds') }}
),

-- a library is one entity across documents when it is named; an unnamed one ('unknown')
-- only inside one document (a multi-year table of one report)
entities as (
    select
        *,
        case when coalesce(library_key, 'unknown') = 'unknown' then 'unknown|' || document_id
             else library_key end as entity
    from figures
),

yearly_ranked as (
    select
        *,
        row_number() over (
            partition by entity, metric, scope, segment, year
            order by coalesce(confidence, 1.0) desc, source_file asc, char_start asc, figure_id asc
        ) as year_rank
    from entities
),

yearly as (
    select * from yearly_ranked
    where year_rank = 1
),

jumps as (
    select
        cur.figure_id as cur_id,
        prev.figure_id as prev_id,
        cur.document_id,
        cur.source_file,
        cur.library_key,
        cur.year,
        cur.metric,
        cur.value / prev.value as factor,
        t.yoy_factor,
        cur.subject_text || ' of ' || coalesce(cur.library_name, 'the report''s library')
            || case when cur.is_plural then ' are ' else ' is ' end
            || cur.display_text || ' in ' || cast(cur.year as varchar) || ' (' || cur.source_file || ')'
            || ' against ' || prev.display_text || ' in ' || cast(prev.year as varchar)
            || ' (' || prev.source_file || '): '
            || case when cur.value >= prev.value
                    then {{ format_g("cur.value / prev.value", 3) }} || ' times'
                    else '1/' || {{ format_g("prev.value / cur.value", 3) }} end
            || ' the previous year, beyond the factor ' || {{ format_g("t.yoy_factor") }}
            || ' of the year-over-year screen (seeds/dq_thresholds.csv).' as message
    from yearly as cur
    join yearly as prev
        on prev.entity = cur.entity
        and prev.metric = cur.metric
        and prev.scope is not distinct from cur.scope
        and prev.segment is not distinct from cur.segment
        and prev.year = cur.year - 1
    cross join thresholds as t
    where cur.value > prev.value * t.yoy_factor
        or cur.value * t.yoy_factor < prev.value
)

{{ dq_finding_rows('year_over_year', 'jumps', "prev_id || '|' || cur_id",
                   [('prev_id', 'subject'), ('cur_id', 'subject')]) }}
