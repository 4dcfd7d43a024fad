{#-
  One wide row per library and year: the preferred headline figures (fct_figures
  where is_preferred, period year, segment all; scope library, else system when the
  report states only the system's figure), the scope and status of each, and the
  number of distinct events listed. A null value: no full-year total was stated.
  The headline list below is the one place naming these columns.
-#}
{%- set headlines = [
    ('visits', 'visits.in_person'),
    ('online_visits', 'visits.online'),
    ('loans', 'circulation.loans'),
    ('new_registrations', 'users.new_registrations'),
    ('registered_readers', 'users.registered_total'),
    ('collection', 'collection.total'),
    ('events', 'activities.events'),
    ('attendance', 'activities.attendance'),
    ('spending', 'spending.total'),
    ('branches', 'network.branches'),
    ('service_points', 'network.service_points'),
] -%}
with figures as (
    select * from {{ ref('fct_figures') }}
    where library_key is not null and year is not null
),

events as (
    select * from {{ ref('fct_activities') }}
    where grain = 'event' and library_key is not null and year is not null
),

-- every library-year with a figure or a listed event
library_years as (
    select
        library_key,
        year,
        {{ mode_smallest('library_name') }} as library_name,
        count(distinct document_id) as n_documents,
        count(*) filter (where grain = 'figure') as n_figures,
        count(*) filter (where status = 'conflicting') as n_conflicting,
        count(*) filter (where grain = 'event' and not is_duplicate) as n_listed_events
    from (
        select 'figure' as grain, library_key, year, library_name, document_id, status,
            false as is_duplicate
        from figures
        union all
        select 'event' as grain, library_key, year, library_name, document_id, null as status, is_duplicate
        from events
    ) as rows_of_year
    group by library_key, year
),

-- the preferred full-year total of each headline metric: scope library, else system
headline_ranked as (
    select
        metric,
        library_key,
        year,
        value,
        scope,
        status,
        row_number() over (
            partition by library_key, year, metric
            order by case scope when 'library' then 0 else 1 end
        ) as scope_rank
    from figures
    where is_preferred and period = 'year' and segment = 'all' and scope in ('library', 'system')
),

headline as (
    select metric, library_key, year, value, scope, status
    from headline_ranked
    where scope_rank = 1
)

select
    ly.library_key,
    ly.library_name,
    cast(ly.year as integer) as year,
    cast(ly.n_documents as integer) as n_documents,
    cast(ly.n_figures as integer) as n_figures,
    cast(ly.n_conflicting as integer) as n_conflicting,
    cast(ly.n_listed_events as integer) as n_listed_events,
    {%- for name, code in headlines %}
    max(h.value) filter (where h.metric = '{{ code }}') as {{ name }},
    max(h.scope) filter (where h.metric = '{{ code }}') as {{ name }}_scope,
    max(h.status) filter (where h.metric = '{{ code }}') as {{ name }}_status{% if not loop.last %},{% endif %}
    {%- endfor %}
from library_years as ly
left join headline as h using (library_key, year)
group by ly.library_key, ly.library_name, ly.year, ly.n_documents, ly.n_figures,
    ly.n_conflicting, ly.n_listed_events
order by ly.library_key, ly.year
