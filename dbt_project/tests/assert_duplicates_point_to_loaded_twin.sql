{{ config(severity='warn') }}
-- A duplicate points (duplicate_of) to a loaded file with the same content hash.
select dup.source_file, dup.duplicate_of, twin.status as twin_status
from {{ ref('dim_document') }} as dup
left join {{ ref('dim_document') }} as twin on twin.source_file = dup.duplicate_of
where dup.status = 'duplicate'
  and (twin.status is distinct from 'loaded' or twin.document_id <> dup.document_id)
