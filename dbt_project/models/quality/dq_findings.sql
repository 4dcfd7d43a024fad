-- One row per data-quality finding (contract: shared/spec/quality.md).
select distinct
    finding_id,
    "check",
    severity,
    document_id,
    source_file,
    library_key,
    cast(year as integer) as year,
    metric,
    message
from {{ ref('int_dq_graded') }}
order by source_file, "check", metric, finding_id
