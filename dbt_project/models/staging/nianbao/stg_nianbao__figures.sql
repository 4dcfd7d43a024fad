-- One row per stated figure or stated ratio of an extracted document.
select
    -- what was stated
    figure_id, document_id, kind, metric,
    cast(value as float8) as value, cast(value_high as float8) as value_high,
    qualifier, scope, segment, period, cast(year as integer) as year,
    nullif(trim(library_name), '') as library_name,
    -- where it was stated
    unit_raw, evidence, cast(char_start as integer) as char_start, cast(char_end as integer) as char_end,
    -- the group, ratio or table it belongs to
    group_id, group_role, group_complete,
    ratio_numerator, ratio_denominator, cast(ratio_scale as float8) as ratio_scale,
    table_id,
    cast(coalesce(confidence, 1.0) as float8) as confidence
from {{ source('nianbao', 'figures') }}
