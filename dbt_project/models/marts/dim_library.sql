-- One row per library (or region) that figures or events are attributed to, with its
-- place in the gazetteer; one unknown member (library_key 'unknown', region '000000').
with names as (
    select * from {{ ref('int_libraries_resolved') }}
),

-- names with one canonical name are one library (one row per library_key)
libraries as (
    select
        library_key,
        min(canonical_name) as library_name,
        min(kind) as kind,
        min(region_code) as region_code,
        count(library_name) as n_names
    from names
    group by library_key
),

regions as (
    select * from {{ ref('dim_region') }}
)

select
    libraries.library_key,
    libraries.library_name,
    libraries.kind,
    coalesce(libraries.region_code, '000000') as region_code,
    regions.region_name,
    regions.level as region_level,
    regions.prefecture_code,
    regions.prefecture_name,
    regions.province_code,
    regions.province_name
from libraries
left join regions on regions.region_code = coalesce(libraries.region_code, '000000')
order by libraries.library_key
