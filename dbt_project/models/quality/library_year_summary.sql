{#-
  One row per library and year: the headline figures (segment all, scope library,
  period year), how many statements each had, whether they conflict, and the
  library-year's findings by severity.
  Representative value: the value stated most often; on a tie, the largest.
-#}
{%- set headlines = [
    ('visits', 'visits.in_person'),
    ('loans', 'circulation.loans'),
    ('registrations', 'users.new_registrations'),
    ('events', 'activities.events'),
    ('attendance', 'activities.attendance'),
    ('spending', 'spending.total'),
] -%}
with figures as (
    select * from {{ ref('int_figure_ranges') }}
    where kind = 'figure' and library_key is not null and year is not null
),

library_years as (
    select
        library_key,
        year,
        {{ mode_smallest("library_name") }} as library_name,
        count(distinct document_id) as n_documents,
        count(*) as n_figures
    from figures
    group by library_key, year
),

headline as (
    select
        f.*,
        h.headline
    from figures as f
    join (values
        {%- for name, code in headlines %}
        ('{{ name }}', '{{ code }}'){% if not loop.last %},{% endif %}
        {%- endfor %}
    ) as h (headline, metric) on h.metric = f.metric
    where coalesce(f.segment, 'all') = 'all' and f.scope = 'library' and f.period = 'year'
),

conflicting_figures as (
    select distinct ff.figure_id
    from {{ ref('dq_finding_figures') }} as ff
    join {{ ref('dq_findings') }} as df using (finding_id)
    where df."check" = 'conflict'
),

value_counts as (
    select library_key, year, headline, value, count(*) as times
    from headline
    group by library_key, year, headline, value
),

representative as (
    select library_key, year, headline, value
    from (
        select
            *,
            row_number() over (partition by library_key, year, headline order by times desc, value desc) as value_rank
        from value_counts
    ) as ranked_values
    where value_rank = 1
),

headline_stats as (
    select
        h.library_key,
        h.year,
        h.headline,
        count(*) as n_candidates,
        bool_or(c.figure_id is not null) as has_conflict
    from headline as h
    left join conflicting_figures as c using (figure_id)
    group by h.library_key, h.year, h.headline
),

finding_counts as (
    select
        library_key,
        year,
        count(*) filter (where severity = 'error') as n_errors,
        count(*) filter (where severity = 'warn') as n_warnings,
        count(*) filter (where severity = 'info') as n_infos,
        count(*) as n_findings
    from {{ ref('dq_findings') }}
    where library_key is not null and year is not null
    group by library_key, year
)

select
    ly.library_key,
    ly.library_name,
    cast(ly.year as integer) as year,
    ly.n_documents,
    ly.n_figures,
    {%- for name, code in headlines %}
    max(case when r.headline = '{{ name }}' then r.value end) as {{ name }},
    coalesce(max(case when s.headline = '{{ name }}' then s.n_candidates end), 0) as {{ name }}_candidates,
    coalesce(bool_or(case when s.headline = '{{ name }}' then s.has_conflict end), false) as {{ name }}_conflict,
    {%- endfor %}
    coalesce({{ any_value_ordered("fc.n_errors") }}, 0) as n_errors,
    coalesce({{ any_value_ordered("fc.n_warnings") }}, 0) as n_warnings,
    coalesce({{ any_value_ordered("fc.n_infos") }}, 0) as n_infos,
    coalesce({{ any_value_ordered("fc.n_findings") }}, 0) as n_findings
from library_years as ly
left join representative as r using (library_key, year)
left join headline_stats as s using (library_key, year)
left join finding_counts as fc using (library_key, year)
group by ly.library_key, ly.library_name, ly.year, ly.n_documents, ly.n_figures
order by ly.library_key, ly.year
