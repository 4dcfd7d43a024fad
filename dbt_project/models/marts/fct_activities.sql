-- Activities at two grains, told apart by `grain`:
--   'event'          one row per event listed in a report (int_events_attributed);
--   'reported_total' one row per activities.* figure of fct_figures (events held,
--                    attendance), activity_id = figure_id.
-- Event-only columns are null on reported totals and figure-only columns on events.
with events as (
    select
        'event' as grain,
        activity_id,
        document_id,
        source_file,
        library_key,
        year,
        cast(null as varchar) as metric,
        cast(null as double) as value,
        cast(null as double) as value_high,
        cast(null as varchar) as qualifier,
        cast(null as varchar) as scope,
        cast(null as varchar) as segment,
        cast(null as varchar) as period,
        cast(null as varchar) as unit_raw,
        cast(null as varchar) as status,
        event_date,
        date_precision,
        end_date,
        title,
        location,
        attendance,
        attendance_unit,
        table_title,
        table_segment,
        seq,
        evidence,
        char_start,
        char_end
    from {{ ref('int_events_attributed') }}
),

reported_totals as (
    select
        'reported_total' as grain,
        figure_id as activity_id,
        document_id,
        source_file,
        library_key,
        year,
        metric,
        value,
        value_high,
        qualifier,
        scope,
        segment,
        period,
        unit_raw,
        status,
        cast(null as date) as event_date,
        cast(null as varchar) as date_precision,
        cast(null as date) as end_date,
        cast(null as varchar) as title,
        cast(null as varchar) as location,
        cast(null as double) as attendance,
        cast(null as varchar) as attendance_unit,
        cast(null as varchar) as table_title,
        cast(null as varchar) as table_segment,
        cast(null as integer) as seq,
        evidence,
        char_start,
        char_end
    from {{ ref('fct_figures') }}
    where starts_with(metric, 'activities.')
)

select * from (
    select * from events
    union all
    select * from reported_totals
)
order by source_file, grain, char_start, activity_id
