-- One row per library (or region) name used in the figures, with its resolved region code.
select
    library_name,
    nullif(trim(region_code), '') as region_code,
    nullif(trim(kind), '') as kind,
    coalesce(nullif(trim(canonical_name), ''), library_name) as canonical_name
from {{ source('nianbao', 'libraries') }}
