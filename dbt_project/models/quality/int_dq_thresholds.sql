{{ config(materialized='view') }}
-- The settings of the data-quality rules as one row (from seeds/dq_thresholds.csv, where
-- each has its meaning and source). Rules cross join this row.
select
    max(case when threshold = 'min_confidence' then value end) as min_confidence,
    max(case when threshold = 'yoy_factor' then value end) as yoy_factor,
    max(case when threshold = 'max_items_per_borrowing_visit' then value end) as max_items_per_borrowing_visit,
    max(case when threshold = 'max_attendance_per_event' then value end) as max_attendance_per_event,
    max(case when threshold = 'document_header_chars' then value end) as document_header_chars,
    max(case when threshold = 'min_error_confidence' then value end) as min_error_confidence,
    max(case when threshold = 'doubt_window_chars' then value end) as doubt_window_chars,
    max(case when threshold = 'lone_year_gap' then value end) as lone_year_gap,
    max(case when threshold = 'min_open_days' then value end) as min_open_days,
    max(case when threshold = 'max_conflict_values' then value end) as max_conflict_values
from {{ ref('dq_thresholds') }}
