-- One row per library (or region) that figures or events are attributed to, with its
-- place in the gazetteer; one unknown member (library_key 'unknown', region '000000').
with libraries as (
    select * from {{ ref('int_libraries_resolved') }}
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
