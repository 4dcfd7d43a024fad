-- One row per loaded document (content hash) with the file it was loaded from and
-- the report's own library and year. Duplicates share the document_id of their
-- loaded twin and are not listed; removed and quarantined files contribute nothing.
with loaded_files as (
    select
        document_id,
        source_file,
        library_name,
        report_year,
        row_number() over (partition by document_id order by source_file) as file_rank
    from {{ ref('stg_nianbao__documents') }}
    where status = 'loaded'
),

loaded as (
    select document_id, source_file, library_name, report_year
    from loaded_files
    where file_rank = 1
),

extractions as (
    select * from {{ ref('stg_nianbao__extractions') }}
)

select
    loaded.document_id,
    loaded.source_file,
    coalesce(extractions.library_name, loaded.library_name) as report_library_name,
    coalesce(extractions.report_year, loaded.report_year) as report_year,
    extractions.extractor_version,
    extractions.document_id is not null as is_extracted
from loaded
left join extractions on extractions.document_id = loaded.document_id
