-- One row per file seen in the raw folder (any status), as written by ingest.
select
    document_id,
    source_file,
    status,
    reason,
    detail,
    lower(format) as format,
    encoding,
    cast(bytes as bigint) as bytes,
    cast(chars as bigint) as chars,
    text,
    -- the text with traditional characters made simplified, same length and offsets (what the
    -- word rules of the checks read; stored only when it differs from text)
    case when text is not null then coalesce(text_simplified, text) end as text_simplified,
    duplicate_of,
    nullif(trim(library_name), '') as library_name,
    cast(report_year as integer) as report_year,
    first_seen_at,
    last_seen_at,
    coalesce(is_link, false) as is_link,
    link_target
from {{ source('nianbao', 'documents') }}
