{{ config(materialized='view') }}
{#-
  Why a figure may be misattributed, for int_dq_graded (an error only when attribution
  is sound; quality.md: when in doubt, warn). One row per figure (both kinds) and per
  finding role it casts doubt in:
  * the context: the figure's evidence and the start of its clause in the document text
    (up to dq_thresholds.doubt_window_chars characters before the figure, cut at
    ，；。！？ and line breaks, so a neighbour's words are not read);
  * a doubt: a pattern of seeds/dq_doubt_words.csv found in that context, for the roles
    the seed row names (其中 marks a conflict candidate as a possible part, but not the
    part of a sum; 人均 marks every role): `kind` says which (part, share, per_unit,
    cumulative, person, scope).
  Only figures with a doubt appear.
-#}
with figures as (
    select * from {{ ref('int_figure_ranges') }}
),

thresholds as (
    select * from {{ ref('int_dq_thresholds') }}
),

windows as (
    select
        f.figure_id,
        f.evidence,
        case when f.char_start is not null and f.char_start > 0 then
            substr(
                {{ simplified_text('d') }},
                greatest(f.char_start - cast(t.doubt_window_chars as integer), 0) + 1,
                f.char_start - greatest(f.char_start - cast(t.doubt_window_chars as integer), 0)
            )
        end as before_text
    from figures as f
    left join {{ ref('stg_nianbao__documents') }} as d
        on d.document_id = f.document_id and d.status = 'loaded'
    cross join thresholds as t
),

contexts as (
    select
        figure_id,
        coalesce(evidence, '') || ' | '
        || coalesce({{ regexp_group("before_text", "'([^。！？!?\\n，,；;]*)$'", 1) }}, '') as context
    from windows
),

words as (
    select * from {{ ref('dq_doubt_words') }}
),

roles as (
    select r.role
    from (values ('candidate'), ('subject'), ('total'), ('part'), ('numerator'), ('denominator')) as r (role)
)

select
    c.figure_id,
    r.role,
    min(w.kind) as kind,
    min(w.pattern) as pattern
from contexts as c
join words as w on {{ regexp_test_seeded("c.context", "w.pattern", "dq_doubt_words") }}
join roles as r on strpos(' ' || w.roles || ' ', ' ' || r.role || ' ') > 0
group by c.figure_id, r.role
