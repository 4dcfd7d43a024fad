-- All figures (both kinds) of loaded documents, attributed to a library and a year:
-- a null library_name is the report's own library, a null year the report year.
-- Figures of duplicates appear once (under the loaded twin's source_file); figures of
-- quarantined or removed files never appear. library_key is never null ('unknown').
with attributed as (
    {{ attributed_to_library(ref('stg_nianbao__figures'), [
        'figure_id', 'document_id', 'kind', 'metric', 'value', 'value_high', 'qualifier', 'scope',
        'segment', 'period', 'year', 'unit_raw', 'evidence', 'char_start', 'char_end', 'group_id',
        'group_role', 'group_complete', 'ratio_numerator', 'ratio_denominator', 'ratio_scale',
        'table_id', 'confidence']) }}
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
    attributed.library_name,
    attributed.library_key,
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
    attributed.confidence,
    attributed.report_year,
    attributed.report_library_name,
    attributed.stated_library_name is null
        or attributed.stated_library_name = attributed.report_library_name as is_report_library
from attributed
