-- One row per year that appears in the figures, the events or as a report year.
with figure_years as (
    select year, count(*) as n_figures
    from {{ ref('fct_figures') }}
    where year is not null
    group by year
),

event_years as (
    select year, count(*) as n_events
    from {{ ref('int_events_attributed') }}
    where year is not null
    group by year
),

report_years as (
    select report_year as year, count(*) as n_reports
    from {{ ref('int_documents_loaded') }}
    where report_year is not null
    group by report_year
),

years as (
    select year from figure_years
    union
    select year from event_years
    union
    select year from report_years
)

select
    cast(years.year as integer) as year,
    report_years.year is not null as is_report_year,
    cast(coalesce(report_years.n_reports, 0) as integer) as n_reports,
    cast(coalesce(figure_years.n_figures, 0) as integer) as n_figures,
    cast(coalesce(event_years.n_events, 0) as integer) as n_events
from years
left join figure_years on figure_years.year = years.year
left join event_years on event_years.year = years.year
left join report_years on report_years.year = years.year
order by years.year
