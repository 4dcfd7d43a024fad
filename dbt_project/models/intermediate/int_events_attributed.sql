-- Events of loaded documents, attributed to a library (null = the report's own) and a
-- year (the year of event_date, else the report year). library_key is never null.
with documents as (
    select * from {{ ref('int_documents_loaded') }}
),

events as (
    select * from {{ ref('stg_nianbao__events') }}
),

libraries as (
    select library_key, library_name from {{ ref('int_libraries_resolved') }}
    where library_name is not null
),

attributed as (
    select
        events.*,
        documents.source_file,
        documents.report_year,
        documents.report_library_name,
        coalesce(events.library_name, documents.report_library_name) as attributed_library_name
    from events
    inner join documents on documents.document_id = events.document_id
)

select
    attributed.activity_id,
    attributed.document_id,
    attributed.source_file,
    attributed.attributed_library_name as library_name,
    coalesce(libraries.library_key, 'unknown') as library_key,
    coalesce(cast(year(attributed.event_date) as integer), attributed.report_year) as year,
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
left join libraries on libraries.library_name = attributed.attributed_library_name
