{{ config(materialized='view', tags=['dq_rule']) }}
{#-
  ratio_mismatch (error): a stated ratio (kind 'ratio': per 10 000 people, per capita,
  a percentage) recomputed as numerator / denominator * scale from figures of the same
  document, library and year with the ratio's metric codes. When a code is stated
  several times, the candidate is chosen by: same segment, same period, same scope,
  then the nearest in the text (char distance to the ratio).
  Flag when the stated value, widened by its rounding (87.68 -> [87.675, 87.685]),
  cannot meet the recomputed value, computed from the inputs' rounding intervals.
-#}
{#- the stated ratio with six decimals, for the number of decimals it was stated with #}
{%- set stated_text = "cast(cast(" ~ round_to('r.value', 6) ~ " as decimal(38, 6)) as varchar)" %}
with figures as (
    select * from {{ ref('int_figure_ranges') }}
    where coalesce(is_trusted, true)
),

ratios as (
    select * from figures
    where kind = 'ratio'
        and ratio_numerator is not null
        and ratio_denominator is not null
        and coalesce(ratio_scale, 0) > 0
),

inputs as (
    select * from figures
    where kind = 'figure'
),

-- the best candidate input for each side of each ratio
inputs_ranked as (
    select
        r.figure_id as ratio_id,
        s.side,
        i.*,
        row_number() over (
            partition by r.figure_id, s.side
            order by (i.segment is not distinct from r.segment) desc,
                     (i.period is not distinct from r.period) desc,
                     (i.scope is not distinct from r.scope) desc,
                     abs(i.char_start - r.char_start), i.figure_id
        ) as input_rank
    from ratios as r
    cross join (values ('numerator'), ('denominator')) as s (side)
    join inputs as i
        on i.document_id = r.document_id
        and i.library_key is not distinct from r.library_key
        and i.year is not distinct from r.year
        and i.metric = case s.side when 'numerator' then r.ratio_numerator else r.ratio_denominator end
),

inputs_chosen as (
    select * from inputs_ranked
    where input_rank = 1
),

numerators as (
    select * from inputs_chosen
    where side = 'numerator'
),

denominators as (
    select * from inputs_chosen
    where side = 'denominator'
),

recomputed as (
    select
        r.*,
        n.figure_id as numerator_id,
        n.value_text as numerator_text,
        n.metric as numerator_metric,
        d.figure_id as denominator_id,
        d.value_text as denominator_text,
        d.metric as denominator_metric,
        n.value / d.value * r.ratio_scale as recomputed_value,
        n.p_lo / d.p_hi * r.ratio_scale as recomputed_lo,
        n.p_hi / nullif(d.p_lo, 0) * r.ratio_scale as recomputed_hi,
        -- decimals of the stated ratio, to show the recomputed value at that precision
        coalesce(length(rtrim({{ stated_text }}, '0')) - strpos({{ stated_text }}, '.'), 0) as stated_decimals
    from ratios as r
    join numerators as n on n.ratio_id = r.figure_id
    join denominators as d on d.ratio_id = r.figure_id
    where d.value <> 0 and d.p_hi > 0
),

findings as (
    select
        document_id,
        source_file,
        library_key,
        year,
        numerator_metric as metric,
        'The ratio ' || metric || ' in ' || coalesce(cast(year as varchar), 'an unknown year')
            || ' is stated as ' || display_text
            || case when ratio_scale = 100 then '%' else '' end
            || ', but recomputed from ' || numerator_metric || ' ' || numerator_text
            || ' and ' || denominator_metric || ' ' || denominator_text
            || ' it is ' || numerator_text || ' / ' || denominator_text
            || case when ratio_scale <> 1 then ' × ' || {{ number_text("ratio_scale") }} else '' end
            || ' = ' || {{ number_text(round_to('recomputed_value', 4)) }}
            || ' (' || {{ number_text(round_to('recomputed_value', 'cast(stated_decimals as integer)')) }}
            || ' at the stated precision).' as message,
        figure_id as ratio_id,
        numerator_id,
        denominator_id
    from recomputed
    where p_hi < recomputed_lo - 1e-9 * greatest(abs(recomputed_value), 1)
       or (recomputed_hi is not null and p_lo > recomputed_hi + 1e-9 * greatest(abs(recomputed_value), 1))
)

{{ dq_finding_rows('ratio_mismatch', 'findings', "ratio_id || '|' || numerator_id || '|' || denominator_id",
                   [('ratio_id', 'stated'), ('numerator_id', 'numerator'), ('denominator_id', 'denominator')]) }}
