-- Every figure of fct_figures lands in exactly one subject fact table (population.*
-- is context only and activities.* figures are the reported totals of fct_activities).
with subject_rows as (
    select figure_id from {{ ref('fct_visits') }}
    union all select figure_id from {{ ref('fct_circulation') }}
    union all select figure_id from {{ ref('fct_spending') }}
    union all select figure_id from {{ ref('fct_registrations') }}
    union all select figure_id from {{ ref('fct_collection') }}
    union all select figure_id from {{ ref('fct_network') }}
    union all select activity_id from {{ ref('fct_activities') }} where grain = 'reported_total'
),

counted as (
    select figure_id, count(*) as n from subject_rows group by figure_id
)

select f.figure_id, f.metric, coalesce(c.n, 0) as n_subject_rows
from {{ ref('fct_figures') }} as f
left join counted as c on c.figure_id = f.figure_id
where coalesce(c.n, 0) <> case when f.subject = 'population' then 0 else 1 end
