-- All figures (both kinds) of loaded documents, attributed to a library and a year:
-- a null library_name is the report's own library, a null year the report year.
-- Figures of duplicates appear once (under the loaded twin's source_file); figures of
-- quarantined or removed files never appear. library_key is never null ('unknown').
with documents as (
    select * from {{ ref('int_documents_loaded') }}
),

figures as (
    select * from {{ ref('stg_nianbao__figures') }}
),

libraries as (
    select library_key, library_name from {{ ref('int_libraries_resolved') }}
    where library_name is not null
),

attributed as (
    select
        figures.*,
        documents.source_file,
        documents.report_year,
        documents.report_library_name,
        coalesce(figures.library_name, documents.report_library_name) as attributed_library_name
    from figures
    inner join documents on documents.document_id = figures.document_id
)

select
    attributed.figure_id,
    attributed.document_id,
    attributed.source_file,
    attributed.kind,
    attributed.metric,
    attributed.value,
    attributed.value_high,
    attributed.qualifier,
    attributed.scope,
    attributed.segment,
    attributed.period,
    coalesce(attributed.year, attributed.report_year) as year,
    attributed.attributed_library_name as library_name,
    coalesce(libraries.library_key, 'unknown') as library_key,
    attributed.unit_raw,
    attributed.evidence,
    attributed.char_start,
    attributed.char_end,
    attributed.group_id,
    attributed.group_role,
    attributed.group_complete,
    attributed.ratio_numerator,
    attributed.ratio_denominator,
    attributed.ratio_scale,
    attributed.table_id,
    attributed.report_year,
    attributed.report_library_name,
    attributed.library_name is null
        or attributed.library_name = attributed.report_library_name as is_report_library
from attributed
left join libraries on libraries.library_name = attributed.attributed_library_name
