-- A figure has one role in a finding, and every finding links at least one figure.
select finding_id, figure_id, count(*) as n
from {{ ref('dq_finding_figures') }}
group by finding_id, figure_id
having count(*) > 1
union all
select f.finding_id, null as figure_id, 0 as n
from {{ ref('dq_findings') }} as f
left join {{ ref('dq_finding_figures') }} as ff using (finding_id)
where ff.finding_id is null
