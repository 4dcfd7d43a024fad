{{ config(materialized='view', tags=['dq_rule']) }}
{#-
  invalid_value (error):
  * a count (every figure metric except spending.*, which is money) that is fractional
    or negative: persons, visits, events, items and units come in whole numbers;
  * a percentage (a stated ratio with scale 100) above 100.
  One finding per figure, linked as subject.
-#}
with figures as (
    select * from {{ ref('int_figure_ranges') }}
    where coalesce(is_trusted, true)
),

invalid as (
    select
        *,
        case
            when kind = 'figure' and metric not like 'spending.%' and value < 0
                then 'a count cannot be negative'
            when kind = 'figure' and metric not like 'spending.%'
                 and (value <> trunc(value) or (value_high is not null and value_high <> trunc(value_high)))
                then 'a count of persons, events or items cannot be fractional'
            when kind = 'ratio' and ratio_scale = 100 and value > 100
                then 'a share cannot be above 100%'
        end as reason
    from figures
),

findings as (
    select
        figure_id,
        document_id,
        source_file,
        library_key,
        year,
        metric,
        case when kind = 'ratio'
            then 'The percentage ' || metric || ' in ' || coalesce(cast(year as varchar), 'an unknown year')
                 || ' is stated as ' || value_text || '%, but ' || reason || '.'
            else {{ subject_in_year('subject_text', 'year', 'is_plural') }}
                 || ' stated as ' || display_text || ', but ' || reason || '.'
        end as message
    from invalid
    where reason is not null
)

{{ dq_finding_rows('invalid_value', 'findings', 'figure_id') }}
