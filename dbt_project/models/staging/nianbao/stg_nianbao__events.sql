-- One row per event listed in an extracted document (event-table row or dated sentence).
select
    activity_id,
    document_id,
    cast(seq as integer) as seq,
    table_id,
    table_title,
    table_segment,
    cast(event_date as date) as event_date,
    date_precision,
    cast(end_date as date) as end_date,
    title,
    location,
    cast(attendance as float8) as attendance,
    attendance_unit,
    nullif(trim(library_name), '') as library_name,
    evidence,
    cast(char_start as integer) as char_start,
    cast(char_end as integer) as char_end
from {{ source('nianbao', 'events') }}
