-- One row per extracted document (content hash): the report's own library and year.
select
    document_id,
    extractor_version,
    nullif(trim(library_name), '') as library_name,
    cast(report_year as integer) as report_year,
    cast(n_figures as integer) as n_figures,
    cast(n_events as integer) as n_events,
    extracted_at
from {{ source('nianbao', 'extractions') }}
