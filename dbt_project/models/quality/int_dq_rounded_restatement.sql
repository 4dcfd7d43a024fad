{{ config(materialized='view', tags=['dq_rule']) }}
{#-
  rounded_restatement (info): two plain figures of one key in one document (different
  sentences) whose ranges do not overlap, but the coarser one is the finer one rounded
  to its stated precision (1.18亿 vs 1.177亿; 13.6亿 vs 135959.18万): a headline that
  rounds the body's figure, not a contradiction. One finding per key, only when no
  pair of the key is a real conflict (then the conflict finding lists every statement).
-#}
{%- set restated -%}
c.value_text || ' and ' || f.value_text
    || ' (' || f.value_text || ' rounded to the precision of ' || c.value_text
    || ', ' || {{ number_text("c.rounding_unit") }} || ', is '
    || {{ number_text(round_to('f.value / c.rounding_unit') ~ ' * c.rounding_unit') }} || ')'
{%- endset %}
with figures as (
    select * from {{ ref('int_figure_ranges') }}
),

pairs as (
    select * from {{ ref('int_figure_pairs') }}
    where same_document and is_disjoint and not same_sentence
),

keyed_pairs as (
    select
        p.*,
        md5(concat_ws('|', a.document_id, coalesce(a.library_key, ''), coalesce(cast(a.year as varchar), ''),
                      a.metric, coalesce(a.scope, ''), coalesce(a.segment, ''), coalesce(a.period, ''))) as key_id
    from pairs as p
    join figures as a on a.figure_id = p.a_id
),

rounding_keys as (
    select key_id
    from keyed_pairs
    group by key_id
    having bool_and(is_rounding)
),

-- each rounding pair: the coarse figure (larger rounding unit) and the fine one
rounded as (
    select
        k.key_id,
        case when a.rounding_unit > b.rounding_unit then a.figure_id else b.figure_id end as coarse_id,
        case when a.rounding_unit > b.rounding_unit then b.figure_id else a.figure_id end as fine_id
    from keyed_pairs as k
    join rounding_keys using (key_id)
    join figures as a on a.figure_id = k.a_id
    join figures as b on b.figure_id = k.b_id
),

described as (
    select
        r.key_id,
        {{ first_values('c', ['document_id', 'library_key', 'year', 'metric'], 'c.figure_id') }},
        min(c.source_file) as source_file,
        {{ subject_in_year(any_value_ordered("c.subject_text", "c.figure_id"),
                           any_value_ordered("c.year", "c.figure_id"),
                           any_value_ordered("c.is_plural", "c.figure_id")) }}
            || ' stated as '
            || string_agg(distinct {{ restated }}, '; ' order by {{ restated }})
            || ': a rounded restatement, not a contradiction.' as message,
        string_agg(distinct r.coarse_id || '>' || r.fine_id, ',' order by r.coarse_id || '>' || r.fine_id) as id_basis
    from rounded as r
    join figures as c on c.figure_id = r.coarse_id
    join figures as f on f.figure_id = r.fine_id
    group by r.key_id
),

links as (
    select distinct key_id, coarse_id as figure_id from rounded
    union
    select distinct key_id, fine_id from rounded
),

linked as (
    select d.*, l.figure_id
    from described as d
    join links as l using (key_id)
)

{{ dq_finding_rows('rounded_restatement', 'linked', 'id_basis', [('figure_id', 'candidate')]) }}
