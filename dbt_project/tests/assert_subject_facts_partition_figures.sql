-- Every figure of fct_figures lands in exactly one subject fact table (population.*
-- is context only and activities.* figures are the reported totals of fct_activities).
with subject_rows as (
    {%- for fact in ['fct_visits', 'fct_circulation', 'fct_spending', 'fct_registrations', 'fct_collection',
                     'fct_network'] %}
    select figure_id from {{ ref(fact) }}
    union all
    {%- endfor %}
    select activity_id from {{ ref('fct_activities') }}
    where grain = 'reported_total'
),

counted as (
    select figure_id, count(*) as n from subject_rows
    group by figure_id
)

select f.figure_id, f.metric, coalesce(c.n, 0) as n_subject_rows
from {{ ref('fct_figures') }} as f
left join counted as c on c.figure_id = f.figure_id
where coalesce(c.n, 0) <> case when f.subject = 'population' then 0 else 1 end
