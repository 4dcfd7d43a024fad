-- One row per library (or region) name used by loaded documents — the report's own
-- library and the libraries figures and events are about — resolved to a region
-- through raw.libraries (names only used by removed documents are left out), plus
-- one explicit unknown member (library_key 'unknown')
-- for figures and events whose library is not known. Names with one canonical name
-- (如皋图书馆, 如皋市图书馆) share one library_key.
with documents as (
    select * from {{ ref('int_documents_loaded') }}
),

names as (
    select report_library_name as library_name from documents
    union
    select coalesce(f.library_name, d.report_library_name)
    from {{ ref('stg_nianbao__figures') }} as f
    inner join documents as d on d.document_id = f.document_id
    union
    select coalesce(e.library_name, d.report_library_name)
    from {{ ref('stg_nianbao__events') }} as e
    inner join documents as d on d.document_id = e.document_id
),

resolved as (
    select
        names.library_name,
        coalesce(libraries.canonical_name, names.library_name) as canonical_name,
        regions.region_code,
        coalesce(
            libraries.kind,
            case
                when {{ regexp_test('names.library_name', "'各级|全省|全市|全县|全区|全州|全盟'") }}
                    then 'region'
                else 'library'
            end
        ) as kind
    from names
    left join {{ ref('stg_nianbao__libraries') }} as libraries
        on libraries.library_name = names.library_name
    left join {{ ref('stg_nianbao__regions') }} as regions
        on regions.region_code = libraries.region_code
    where names.library_name is not null
)

select
    {{ library_key('canonical_name', 'region_code') }} as library_key,
    library_name,
    canonical_name,
    kind,
    region_code
from resolved

union all

select
    'unknown' as library_key,
    cast(null as varchar) as library_name,
    cast(null as varchar) as canonical_name,
    'unknown' as kind,
    cast(null as varchar) as region_code
