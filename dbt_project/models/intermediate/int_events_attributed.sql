-- Events of loaded documents, attributed to a library (null = the report's own) and a
-- year (the year of event_date, else the report year). library_key is never null.
with attributed as (
    {{ attributed_to_library(ref('stg_nianbao__events'), [
        'activity_id', 'document_id', 'seq', 'table_id', 'table_title', 'table_segment', 'event_date',
        'date_precision', 'end_date', 'title', 'location', 'attendance', 'attendance_unit', 'evidence',
        'char_start', 'char_end']) }}
)

select
    attributed.activity_id,
    attributed.document_id,
    attributed.source_file,
    attributed.library_name,
    attributed.library_key,
    coalesce(cast(extract(year from attributed.event_date) as integer), attributed.report_year) as year,
    attributed.event_date,
    attributed.date_precision,
    attributed.end_date,
    attributed.title,
    attributed.location,
    attributed.attendance,
    attributed.attendance_unit,
    attributed.seq,
    attributed.table_id,
    attributed.table_title,
    attributed.table_segment,
    attributed.evidence,
    attributed.char_start,
    attributed.char_end,
    attributed.report_year,
    attributed.report_library_name
from attributed
