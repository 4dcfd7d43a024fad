{{ config(materialized='view') }}
{#-
  One status per figure (both kinds), read by fct_figures:
    conflicting  candidate of a conflict finding
    invalid      subject of an invalid_value finding
    suspicious   in any other error or warn finding (info findings do not count): a warn finding, a part/total of a sum mismatch,
                 a stated/numerator/denominator of a ratio mismatch, a partial-period
                 figure above its full year
    reported     no finding
  The first that applies wins, in that order.
-#}
with links as (
    select ff.figure_id, ff.role, f."check"
    from {{ ref('dq_finding_figures') }} as ff
    join {{ ref('dq_findings') }} as f using (finding_id)
    -- info findings (a rounded restatement, a year-over-year screen) cast no doubt on a figure
    where f.severity <> 'info'
),

flags as (
    select
        figure_id,
        bool_or("check" = 'conflict' and role = 'candidate') as is_conflicting,
        bool_or("check" = 'invalid_value') as is_invalid,
        true as is_suspicious
    from links
    group by figure_id
)

select
    fig.figure_id,
    case
        when flags.is_conflicting then 'conflicting'
        when flags.is_invalid then 'invalid'
        when flags.is_suspicious then 'suspicious'
        else 'reported'
    end as status
from (select distinct figure_id from {{ ref('int_figures_attributed') }}) as fig
left join flags using (figure_id)
