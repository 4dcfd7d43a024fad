{{ config(materialized='view') }}
-- Plain-English names of the metric codes, used to word the finding messages,
-- from the one list of codes (seeds/metrics.csv).
-- is_flow: a count over a period (a partial period cannot exceed the full year);
-- stocks (holdings, registered readers, branches, service points, population) are not.
select metric, label_en as label, is_plural, is_flow
from {{ ref('metrics') }}
