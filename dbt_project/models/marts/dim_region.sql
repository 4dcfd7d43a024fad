-- One row per administrative unit of the gazetteer (province → prefecture → county)
-- plus the unknown member '000000' for libraries whose region is not resolved.
with regions as (
    select * from {{ ref('stg_nianbao__regions') }}
)

select
    region_code,
    region_name,
    level,
    case level
        when 'county' then coalesce(prefecture_code, province_code)
        when 'prefecture' then province_code
    end as parent_code,
    case level
        when 'county' then coalesce(prefecture_name, province_name)
        when 'prefecture' then province_name
    end as parent_name,
    province_code,
    province_name,
    prefecture_code,
    prefecture_name
from regions

union all

select
    '000000' as region_code,
    'unknown' as region_name,
    'unknown' as level,
    cast(null as varchar) as parent_code,
    cast(null as varchar) as parent_name,
    cast(null as varchar) as province_code,
    cast(null as varchar) as province_name,
    cast(null as varchar) as prefecture_code,
    cast(null as varchar) as prefecture_name

order by region_code
