{{ config(materialized='view') }}
{#-
  implausible (warn): relations that should hold between two different metrics of the
  same document, library, year, scope and period:
  * borrowers (circulation.borrowers, 外借人次) <= in-person visits (visits.in_person),
    both segment 'all': flagged when a borrowers range lies entirely above a visits range;
  * activity attendance (activities.attendance) >= events (activities.events), same
    segment: flagged when an attendance range lies entirely below an events range.
  One finding per key and rule; the figures of the failing pairs are linked as subjects.
-#}
{%- set rules = [
    {'code': 'borrowers_above_visits', 'big': 'circulation.borrowers', 'small': 'visits.in_person',
     'segment_all': true, 'relation': 'more than'},
    {'code': 'events_above_attendance', 'big': 'activities.events', 'small': 'activities.attendance',
     'segment_all': false, 'relation': 'more than'},
] -%}
with figures as (
    select * from {{ ref('int_figure_ranges') }}
    where kind = 'figure'
),

-- pairs where the figure that should be the smaller one is certainly larger
failing as (
{%- for r in rules %}
    select
        '{{ r.code }}' as rule,
        big.document_id, big.source_file, big.library_key, big.year,
        big.figure_id as big_id, big.value as big_value, big.display_text as big_text,
        big.subject_text as big_subject, big.metric as big_metric,
        small.figure_id as small_id, small.value as small_value, small.display_text as small_text,
        small.subject_text as small_subject, small.metric as small_metric,
        md5(concat_ws('|', '{{ r.code }}', big.document_id, coalesce(big.library_key, ''),
                      coalesce(cast(big.year as varchar), ''), coalesce(big.scope, ''),
                      coalesce(big.segment, ''), coalesce(big.period, ''))) as rule_key
    from figures as big
    join figures as small
        on small.document_id = big.document_id
        and small.library_key is not distinct from big.library_key
        and small.year is not distinct from big.year
        and small.scope is not distinct from big.scope
        and small.period is not distinct from big.period
        and small.segment is not distinct from big.segment
    where big.metric = '{{ r.big }}'
        and small.metric = '{{ r.small }}'
        {%- if r.segment_all %}
        and coalesce(big.segment, 'all') = 'all'
        {%- endif %}
        and (big.lo > small.hi or (big.lo = small.hi and not small.hi_closed))
    {%- if not loop.last %}
    union all
    {%- endif %}
{%- endfor %}
),

big_values as (
    select distinct rule_key, big_value, big_text from failing
),

small_values as (
    select distinct rule_key, small_value, small_text from failing
),

big_list as (
    select rule_key, string_agg(big_text, ' and ' order by big_value desc) as big_list
    from big_values group by rule_key
),

small_list as (
    select rule_key, string_agg(small_text, ' and ' order by small_value) as small_list
    from small_values group by rule_key
),

findings as (
    select
        f.rule_key,
        'implausible' as "check",
        'warn' as severity,
        any_value(f.document_id) as document_id,
        any_value(f.source_file) as source_file,
        any_value(f.library_key) as library_key,
        any_value(f.year) as year,
        case any_value(f.rule) when 'borrowers_above_visits' then any_value(f.big_metric)
                               else any_value(f.small_metric) end as metric,
        case any_value(f.rule)
            when 'borrowers_above_visits' then
                any_value(f.big_subject) || ' in ' || coalesce(cast(any_value(f.year) as varchar), 'an unknown year')
                || ' are stated as ' || any_value(b.big_list) || ', more than the '
                || lower(any_value(f.small_subject)[1]) || any_value(f.small_subject)[2:]
                || ' stated as ' || any_value(s.small_list)
                || '; every loan to a reader normally needs a visit, so this needs an explanation.'
            else
                any_value(f.small_subject) || ' in ' || coalesce(cast(any_value(f.year) as varchar), 'an unknown year')
                || ' is stated as ' || any_value(s.small_list) || ', fewer than the '
                || lower(any_value(f.big_subject)[1]) || any_value(f.big_subject)[2:]
                || ' stated as ' || any_value(b.big_list) || '; each activity should have at least one participant.'
        end as message
    from failing as f
    join big_list as b using (rule_key)
    join small_list as s using (rule_key)
    group by f.rule_key
),

links as (
    select distinct rule_key, big_id as figure_id from failing
    union
    select distinct rule_key, small_id as figure_id from failing
),

ids as (
    select rule_key, substr(md5('implausible|' || string_agg(figure_id, ',' order by figure_id)), 1, 16) as finding_id
    from links group by rule_key
)

select
    ids.finding_id, f."check", f.severity, f.document_id, f.source_file, f.library_key, f.year, f.metric, f.message,
    links.figure_id,
    'subject' as role
from findings as f
join ids using (rule_key)
join links using (rule_key)
