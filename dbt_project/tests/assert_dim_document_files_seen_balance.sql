-- Files seen = loaded + duplicate + quarantined, always: dim_document has exactly one row
-- per file of raw.documents that is not 'removed', and no other status.
with seen as (
    select count(*) as n from {{ ref('stg_nianbao__documents') }} where status <> 'removed'
),

by_status as (
    select
        count(*) as n_rows,
        count(*) filter (where status = 'loaded') as n_loaded,
        count(*) filter (where status = 'duplicate') as n_duplicate,
        count(*) filter (where status = 'quarantined') as n_quarantined
    from {{ ref('dim_document') }}
)

select seen.n as files_seen, by_status.*
from seen, by_status
where seen.n <> by_status.n_rows
   or by_status.n_rows <> by_status.n_loaded + by_status.n_duplicate + by_status.n_quarantined
