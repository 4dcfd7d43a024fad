-- Every file of raw.documents has exactly one row in dim_document, and the files in the
-- raw folder now (status other than 'removed') = loaded + duplicate + quarantined.
with raw_files as (
    select
        count(*) as n_all,
        count(*) filter (where status <> 'removed') as n_seen
    from {{ ref('stg_nianbao__documents') }}
),

by_status as (
    select
        count(*) as n_rows,
        count(*) filter (where status = 'loaded') as n_loaded,
        count(*) filter (where status = 'duplicate') as n_duplicate,
        count(*) filter (where status = 'quarantined') as n_quarantined,
        count(*) filter (where status = 'removed') as n_removed
    from {{ ref('dim_document') }}
)

select raw_files.*, by_status.*
from raw_files, by_status
where raw_files.n_all <> by_status.n_rows
   or raw_files.n_seen <> by_status.n_loaded + by_status.n_duplicate + by_status.n_quarantined
   or by_status.n_rows <> by_status.n_loaded + by_status.n_duplicate + by_status.n_quarantined + by_status.n_removed
