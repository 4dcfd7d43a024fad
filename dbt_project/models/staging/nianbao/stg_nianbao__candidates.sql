-- One row per number written in an extracted document and its fate: 'figure', or
-- 'rejected' with the reason (why was this number not a figure?).
select
    md5(document_id || ':' || cast(char_start as varchar) || ':' || cast(char_end as varchar)) as candidate_id,
    document_id,
    cast(char_start as integer) as char_start,
    cast(char_end as integer) as char_end,
    text,
    cast(value as float8) as value,
    nullif(trim(unit), '') as unit,
    fate,
    reason,
    metric
from {{ source('nianbao', 'candidates') }}
