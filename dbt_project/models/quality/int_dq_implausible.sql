{{ config(materialized='view', tags=['dq_rule']) }}
{#-
  implausible (warn): relations that should hold between two figures of the same
  document, library, year, scope and period (the full year, or a plan; not 'partial',
  which does not say which part of the year) fail. Each rule names the figure that
  should be the smaller one (`small`), the one that should be the larger one (`big`)
  and a bound: flagged when small's range lies entirely above bound × big's range, for
  every statement of big of that key (one that fits means the others are misread).
  * borrowers_above_visits: borrowers (circulation.borrowers, 外借人次) ≤ 1 × in-person
    visits (visits.in_person), both segment 'all';
  * events_above_attendance: activities (activities.events) ≤ 1 × attendance
    (activities.attendance), same segment: each activity has at least one participant;
  * items_per_borrowing_visit: loans (circulation.loans, 外借册次) ≤ max_items_per_borrowing_visit
    × borrowers (外借人次), segment 'all';
  * attendance_per_event: attendance ≤ max_attendance_per_event × activities, same segment;
  * part_above_whole: a part (segment other than 'all') ≤ 1 × the whole (segment 'all')
    of the same metric.
  The bounds and their sources are in seeds/dq_thresholds.csv. One finding per key and
  rule; the figures of the failing pairs are linked as subjects.
-#}
{#- which segments a rule compares: both the whole ('all'), the same one, a part with its whole #}
{%- set segment_pairs = {
    'both_all': "coalesce(small.segment, 'all') = 'all' and coalesce(big.segment, 'all') = 'all'",
    'same': 'small.segment is not distinct from big.segment',
    'part_of_all': "coalesce(small.segment, 'all') <> 'all' and coalesce(big.segment, 'all') = 'all'",
} -%}
{#- code, small metric, big metric, segments, bound, why -#}
{%- set rules = [
    ('borrowers_above_visits', "'circulation.borrowers'", "'visits.in_person'", 'both_all', '1',
     "every loan to a reader normally needs a visit, so this needs an explanation"),
    ('events_above_attendance', "'activities.events'", "'activities.attendance'", 'same', '1',
     "each activity should have at least one participant"),
    ('items_per_borrowing_visit', "'circulation.loans'", "'circulation.borrowers'", 'both_all',
     't.max_items_per_borrowing_visit', "more items per borrowing visit than the documented bound"),
    ('attendance_per_event', "'activities.attendance'", "'activities.events'", 'same',
     't.max_attendance_per_event', "more participants per activity than the documented bound"),
    ('part_above_whole', 'big.metric', 'small.metric', 'part_of_all', '1', "a part cannot be larger than its whole"),
] -%}
with figures as (
    select * from {{ ref('int_figure_ranges') }}
    where kind = 'figure' and coalesce(is_trusted, true)
        -- two partial-period figures need not cover the same part of the year
        and coalesce(period, 'year') <> 'partial'
),

thresholds as (
    select * from {{ ref('int_dq_thresholds') }}
),

-- pairs of `small` and `big` statements; fails: small lies entirely above bound × big
pairs as (
{%- for code, small_metric, big_metric, segments, bound, why in rules %}
    select
        '{{ code }}' as rule,
        '{{ why }}' as why,
        {{ bound }} as bound,
        small.document_id, small.source_file, small.library_key, small.year,
        small.figure_id as small_id, small.value as small_value, small.display_text as small_text,
        small.subject_text as small_subject, small.metric as small_metric, small.is_plural as small_plural,
        big.figure_id as big_id, big.value as big_value, big.display_text as big_text,
        big.subject_text as big_subject, big.metric as big_metric,
        coalesce(
            small.lo > big.hi * {{ bound }} or (small.lo = big.hi * {{ bound }} and not big.hi_closed), false
        ) as fails,
        md5(concat_ws('|', '{{ code }}', small.document_id, coalesce(small.library_key, ''),
                      coalesce(cast(small.year as varchar), ''), coalesce(small.scope, ''),
                      coalesce(small.segment, ''), coalesce(small.period, ''), small.metric)) as rule_key
    from figures as small
    join figures as big
        on big.document_id = small.document_id
        and {{ same_key('small', 'big', ['library_key', 'year', 'scope', 'period']) }}
    {%- if 't.' in bound %}
    cross join thresholds as t
    {%- endif %}
    where small.metric = {{ small_metric }}
        and big.metric = {{ big_metric }}
        and {{ segment_pairs[segments] }}
        and {{ bound }} is not null
    {%- if not loop.last %}
    union all
    {%- endif %}
{%- endfor %}
),

-- a relation that holds against some statement of the larger figure is no finding: the
-- other statement is a misread one (a month's visits read as the year's), not a contradiction
failing as (
    select p.*
    from pairs as p
    where p.fails
        and not exists (
            select 1 from pairs as q
            where q.rule = p.rule and q.small_id = p.small_id and not q.fails
        )
),

small_list as (
    select rule_key, string_agg(distinct small_text, ' and ' order by small_text) as small_list from failing
    group by rule_key
),

big_list as (
    select rule_key, string_agg(distinct big_text, ' and ' order by big_text) as big_list from failing
    group by rule_key
),

{#- what a finding says is taken from its first failing pair (by figure ids) #}
{% set first = "f.small_id, f.big_id" %}
{% set bound = any_value_ordered("f.bound", first) %}
{% set big_subject = any_value_ordered("f.big_subject", first) %}
findings as (
    select
        f.rule_key,
        {{ first_values('f', ['document_id', 'source_file', 'library_key', 'year'], first) }},
        {{ any_value_ordered("f.small_metric", first) }} as metric,
        {{ subject_in_year(any_value_ordered("f.small_subject", first), any_value_ordered("f.year", first),
                           any_value_ordered("f.small_plural", first)) }}
            || ' stated as ' || {{ any_value_ordered("s.small_list") }} || ', more than '
            || case when {{ bound }} = 1 then 'the '
                    else {{ format_g(bound) }} || ' × the ' end
            || lower(substr({{ big_subject }}, 1, 1)) || substr({{ big_subject }}, 2)
            || ' stated as ' || {{ any_value_ordered("b.big_list") }}
            || case when {{ bound }} <> 1
                    then ' (' || {{ format_g("max(f.small_value) / nullif(min(f.big_value), 0)", 3) }}
                         || ' to 1, above the bound ' || {{ format_g(bound) }} || ' of seeds/dq_thresholds.csv)'
                    else '' end
            || ': ' || {{ any_value_ordered("f.why", first) }} || '.' as message
    from failing as f
    join small_list as s using (rule_key)
    join big_list as b using (rule_key)
    group by f.rule_key
),

links as (
    select distinct rule_key, small_id as figure_id from failing
    union
    select distinct rule_key, big_id as figure_id from failing
),

ids as (
    select rule_key, string_agg(figure_id, ',' order by figure_id) as id_basis
    from links
    group by rule_key
),

linked as (
    select f.*, ids.id_basis, links.figure_id
    from findings as f
    join ids using (rule_key)
    join links using (rule_key)
)

{{ dq_finding_rows('implausible', 'linked', 'id_basis') }}
