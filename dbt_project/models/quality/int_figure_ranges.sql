{{ config(materialized='view') }}
{#-
  Per figure, whether the rules may compare it (is_trusted: confidence at or above
  dq_thresholds.min_confidence), the sentence it sits in (sentence_no), and two intervals:
  * [lo, hi] / [lo, hi): the range its qualifier implies (metrics.md), used by the
    conflict, partial-period, implausible and count checks.
      exact    -> [v, v]
      at_least -> [v, v + step), step = one unit of v's last significant digit
                  (60 -> 10, 212000 -> 1000, 10000 -> 10000, 1354275 -> 1, 1.5 -> 0.1)
      approx   -> [0.9 v, 1.1 v]
      at_most  -> [0, v]
      range    -> [v, value_high]
  * [p_lo, p_hi]: the same, except that an exact figure is widened by the rounding of
    its stated precision (half a unit of its last significant digit), used by the
    sum and ratio checks. An exact figure written in base units (unit_raw 元, 人次, 册...)
    is exact; one written in a scaled unit (unit_raw with 万/亿/千) is rounded to its
    last significant digit (754.55万元 = 7545500 -> +-50 yuan; 25万元 = 250000 -> +-5000);
    with no unit_raw, a value ending in 3+ zeros is taken as rounded. Stated ratios are
    rounded to their decimals (87.68 -> +-0.005; 3 -> +-0.5).
-#}
-- built after int_dq_scope, so that every rule reading these figures is too (macros/dq_incremental.sql)
-- depends_on: {{ ref('int_dq_scope') }}

with figures as (
    select * from {{ ref('int_figures_attributed') }}
),

labels as (
    select * from {{ ref('int_dq_metric_labels') }}
),

sentences as (
    select figure_id, sentence_no from {{ ref('int_figure_sentences') }}
),

thresholds as (
    select * from {{ ref('int_dq_thresholds') }}
),

digits as (
    select
        *,
        value is not null and value = trunc(value) as is_integer,
        -- trailing zeros of an integer value (0 for 0)
        case when value is not null and value = trunc(value) and value <> 0 then
            length(cast(cast(abs(value) as decimal(38, 0)) as varchar))
            - length(rtrim(cast(cast(abs(value) as decimal(38, 0)) as varchar), '0'))
        end as trailing_zeros,
        -- decimals of a non-integer value
        case when value is not null and value <> trunc(value) then
            length(rtrim(cast(cast({{ round_to('abs(value)', 6) }} as decimal(38, 6)) as varchar), '0'))
            - strpos(cast(cast({{ round_to('abs(value)', 6) }} as decimal(38, 6)) as varchar), '.')
        end as decimals
    from figures
),

steps as (
    select
        *,
        case when is_integer then power(10, coalesce(trailing_zeros, 0))
             else power(10, -coalesce(decimals, 0)) end as last_digit_step,
        case
            when kind = 'ratio' then
                case when is_integer then 1.0 else power(10, -coalesce(decimals, 0)) end
            when not is_integer then power(10, -coalesce(decimals, 0))
            when {{ regexp_test("coalesce(unit_raw, '')", "'[万亿千]'") }}
                 or (coalesce(unit_raw, '') = '' and coalesce(trailing_zeros, 0) >= 3)
                then power(10, coalesce(trailing_zeros, 0))
            else 0.0
        end as rounding_unit
    from digits
),

ranges as (
    select
        *,
        case qualifier
            when 'at_least' then value
            when 'approx' then value * 9 / 10
            when 'at_most' then least(0.0, value)
            else value
        end as lo,
        case qualifier
            when 'at_least' then value + last_digit_step
            when 'approx' then value * 11 / 10
            when 'range' then coalesce(value_high, value)
            else value
        end as hi,
        coalesce(qualifier, 'exact') <> 'at_least' as hi_closed
    from steps
)

select
    ranges.figure_id, document_id, source_file, kind, ranges.metric, value, value_high, qualifier,
    scope, segment, period, year, library_name, library_key, unit_raw, evidence,
    char_start, char_end, group_id, group_role, group_complete,
    ratio_numerator, ratio_denominator, ratio_scale, table_id,
    ranges.confidence,
    -- compared by the rules only when the extractor is sure enough of the attribution
    -- (dq_thresholds.min_confidence; an unknown confidence counts as 1, as in staging)
    coalesce(ranges.confidence, 1.0) >= coalesce(thresholds.min_confidence, 0.0) as is_trusted,
    sentences.sentence_no,
    lo,
    hi,
    hi_closed,
    last_digit_step,
    rounding_unit,
    case when coalesce(qualifier, 'exact') = 'exact' then value - rounding_unit / 2 else lo end as p_lo,
    case when coalesce(qualifier, 'exact') = 'exact' then value + rounding_unit / 2 else hi end as p_hi,
    {{ number_text("value") }} as value_text,
    coalesce(labels.label, ranges.metric) as metric_label,
    coalesce(labels.is_plural, true) as is_plural,
    coalesce(labels.is_flow, false) as is_flow,
    -- "New library cards (users.new_registrations, segment minors)": the key in words
    coalesce(labels.label, ranges.metric) || ' (' || ranges.metric
        || case when coalesce(segment, 'all') <> 'all' then ', segment ' || segment else '' end
        || case when coalesce(scope, 'library') <> 'library' then ', scope ' || scope else '' end
        || case when coalesce(period, 'year') <> 'year' then ', period ' || period else '' end
        || ')' as subject_text,
    -- how the figure reads in a message: 22454 / ≥ 206000 (20.6万余) / about 150000 / ≤ 200 / 2–3;
    -- spending in yuan with its 万元 reading
    case coalesce(qualifier, 'exact')
        when 'at_least' then '≥ ' || {{ number_text("value") }}
        when 'approx' then 'about ' || {{ number_text("value") }}
        when 'at_most' then '≤ ' || {{ number_text("value") }}
        when 'range' then {{ number_text("value") }} || '–' || coalesce({{ number_text("value_high") }}, '?')
        else {{ number_text("value") }}
    end
    || case
        when kind = 'figure' and ranges.metric like 'spending.%'
            then ' yuan (' || {{ number_text("value / 10000") }} || '万元'
                 || case qualifier when 'at_least' then '余' else '' end || ')'
        when qualifier = 'at_least' and value >= 10000
            then ' (' || {{ number_text("value / 10000") }} || '万余)'
        when qualifier = 'at_least'
            then ' (' || {{ number_text("value") }} || '余)'
        when qualifier = 'approx' and value >= 10000
            then ' (约' || {{ number_text("value / 10000") }} || '万)'
        else ''
    end as display_text
from ranges
left join labels on labels.metric = ranges.metric
left join sentences on sentences.figure_id = ranges.figure_id
left join thresholds on true
