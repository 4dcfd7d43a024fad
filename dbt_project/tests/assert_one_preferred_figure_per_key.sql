-- Exactly one preferred figure per library, year, metric, scope and segment that has a
-- figure other than a plan; none where there are only plans (int_figures_preferred).
select
    library_key, year, metric, scope, segment,
    count(*) filter (where is_preferred) as n_preferred,
    count(*) filter (where period != 'plan') as n_actual
from {{ ref('fct_figures') }}
group by library_key, year, metric, scope, segment
having count(*) filter (where is_preferred)
    != case when count(*) filter (where period != 'plan') > 0 then 1 else 0 end
