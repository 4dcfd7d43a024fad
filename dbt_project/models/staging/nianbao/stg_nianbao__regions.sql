-- One row per administrative unit of the gazetteer (province, prefecture, county).
select
    region_code,
    region_name,
    level,
    province_code,
    province_name,
    prefecture_code,
    prefecture_name
from {{ source('nianbao', 'regions') }}
