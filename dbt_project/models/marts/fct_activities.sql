-- Activities at two grains, told apart by `grain`:
--   'event'          one row per event listed in a report (int_events_attributed);
--   'reported_total' one row per activities.* figure of fct_figures (events held,
--                    attendance), activity_id = figure_id.
-- `union all by name` leaves event-only columns null on reported totals and
-- figure-only columns null on events; the contract fixes names, order and types.
with events as (
    select
        'event' as grain,
        activity_id,
        document_id,
        source_file,
        library_key,
        year,
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
        evidence,
        char_start,
        char_end
    from {{ ref('fct_figures') }}
    where starts_with(metric, 'activities.')
)

select * from (
    select * from events
    union all by name
    select * from reported_totals
)
order by source_file, grain, char_start, activity_id
