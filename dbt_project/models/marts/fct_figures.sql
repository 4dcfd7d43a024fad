-- One row per stated figure (kind 'figure') of a loaded document: the long table of
-- metrics.md. A figure stated twice is two rows; figures of a duplicate file appear
-- once (under the loaded twin); stated ratios are not here (int_figures_attributed
-- keeps them for checks). `status` comes from the data-quality checks; `is_preferred`
-- (int_figures_preferred) marks the one figure to use per library, year, metric,
-- scope and segment.
with figures as (
    select * from {{ ref('int_figures_attributed') }}
    where kind = 'figure'
),

-- one status per figure (int_figure_status should give one; if it gives several, the
-- first in its own order of precedence wins: conflicting, invalid, suspicious, reported)
figure_status as (
    select
        figure_id,
        {{ arg_max_of('status', "case status
                when 'conflicting' then 4
                when 'invalid' then 3
                when 'suspicious' then 2
                when 'reported' then 1
                else 0
            end") }} as status
    from {{ ref('int_figure_status') }}
    where figure_id is not null
    group by figure_id
)

select
    figures.figure_id,
    figures.document_id,
    figures.source_file,
    figures.library_key,
    figures.library_name,
    figures.year,
    figures.metric,
    split_part(figures.metric, '.', 1) as subject,
    figures.value,
    figures.value_high,
    figures.qualifier,
    figures.scope,
    figures.segment,
    figures.period,
    figures.unit_raw,
    figures.evidence,
    figures.char_start,
    figures.char_end,
    figures.group_id,
    figures.group_role,
    figures.group_complete,
    figures.table_id,
    coalesce(figure_status.status, 'reported') as status,
    figures.confidence,
    coalesce(preferred.is_preferred, false) as is_preferred,
    preferred.preference_rank,
    preferred.n_candidates
from figures
left join figure_status on figure_status.figure_id = figures.figure_id
left join {{ ref('int_figures_preferred') }} as preferred on preferred.figure_id = figures.figure_id
order by figures.source_file, figures.char_start, figures.figure_id
