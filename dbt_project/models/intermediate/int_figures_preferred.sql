{#-
  Which figure to use: one preferred figure per library, year, metric, scope and
  segment (the "preference key"), chosen among the figures of fct_figures (kind 'figure').
  The rule, first difference wins (documented in _int_figures_preferred.yml):
    1. period: the full year over a part of the year; a plan (a target) is never preferred
    2. a possible value over one an invalid_value finding names
    3. a table cell over prose
    4. the most precise: qualifier exact, then at_least/at_most, then approx, then range;
       then the fewest trailing zeros (474500 over 470000)
    5. the higher confidence
    6. tie-break: source_file, char_start, figure_id (same input → same choice)
  Every figure keeps its row; conflicts stay visible through fct_figures.status and
  n_values here.
-#}
with figures as (
    select * from {{ ref('int_figures_attributed') }}
    where kind = 'figure'
),

-- figures an invalid_value finding names (their status may say conflicting: conflict
-- wins there, but an impossible value is never the one to use)
invalid as (
    select distinct ff.figure_id, true as is_invalid
    from {{ ref('dq_finding_figures') }} as ff
    join {{ ref('dq_findings') }} as f using (finding_id)
    where f."check" = 'invalid_value'
),

scored as (
    select
        figures.figure_id,
        figures.library_key,
        figures.year,
        figures.metric,
        figures.scope,
        figures.segment,
        figures.period,
        figures.value,
        case figures.period when 'year' then 0 when 'partial' then 1 else 2 end as period_rank,
        case when coalesce(invalid.is_invalid, false) then 1 else 0 end as invalid_rank,
        case when figures.table_id is not null then 0 else 1 end as source_rank,
        case figures.qualifier
            when 'exact' then 0
            when 'at_least' then 1
            when 'at_most' then 1
            when 'approx' then 2
            else 3
        end as qualifier_rank,
        -- trailing zeros of a whole value (a rounded figure is less precise); 0 for fractions
        case
            when figures.value is null or figures.value = 0 or figures.value != {{ round_to('figures.value') }} then 0
            else length(cast(cast(abs(figures.value) as decimal(38, 0)) as varchar))
                - length(rtrim(cast(cast(abs(figures.value) as decimal(38, 0)) as varchar), '0'))
        end as trailing_zeros,
        coalesce(figures.confidence, 0) as confidence,
        figures.source_file,
        figures.char_start
    from figures
    left join invalid using (figure_id)
),

-- distinct full-year values per key (a grouped count: PostgreSQL has no distinct window aggregate)
year_values as (
    select library_key, year, metric, scope, segment, count(distinct value) as n_year_values
    from scored
    where period = 'year'
    group by library_key, year, metric, scope, segment
),

ranked as (
    select
        scored.*,
        coalesce(year_values.n_year_values, 0) as n_year_values,
        row_number() over (
            partition by scored.library_key, scored.year, scored.metric, scored.scope, scored.segment
            order by period_rank asc, invalid_rank asc, source_rank asc, qualifier_rank asc, trailing_zeros asc,
                confidence desc, source_file asc, char_start asc, figure_id asc
        ) as preference_rank,
        count(*) filter (where period != 'plan') over (
            partition by scored.library_key, scored.year, scored.metric, scored.scope, scored.segment
        ) as n_candidates
    from scored
    left join year_values
        on year_values.library_key = scored.library_key
        and year_values.year is not distinct from scored.year
        and year_values.metric = scored.metric
        and year_values.scope is not distinct from scored.scope
        and year_values.segment is not distinct from scored.segment
)

select
    figure_id,
    cast(preference_rank as integer) as preference_rank,
    preference_rank = 1 and period != 'plan' as is_preferred,
    cast(n_candidates as integer) as n_candidates,
    cast(n_year_values as integer) as n_year_values
from ranked
