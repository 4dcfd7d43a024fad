-- The indicator vocabulary: one row per metric code, with its 中文 label, subject,
-- base unit and whether it is a flow (summable over periods) or a stock (a level).
select
    cast(metric as varchar) as metric,
    cast(label_zh as varchar) as label_zh,
    cast(label_en as varchar) as label_en,
    cast(subject as varchar) as subject,
    cast(base_unit as varchar) as base_unit,
    cast(case when is_flow then 'flow' else 'stock' end as varchar) as flow_or_stock
from {{ ref('metrics') }}
order by metric
