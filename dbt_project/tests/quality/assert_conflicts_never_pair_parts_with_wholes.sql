-- The candidates of one conflict share library, year, metric, scope, segment and period:
-- a part (another segment) is never in a conflict with its whole.
select ff.finding_id
from {{ ref('dq_finding_figures') }} as ff
join {{ ref('dq_findings') }} as f using (finding_id)
join {{ ref('int_figure_ranges') }} as r using (figure_id)
where f."check" = 'conflict'
group by ff.finding_id
having count(distinct concat_ws('|', r.document_id, r.library_key, r.year, r.metric, r.scope, r.segment, r.period)) > 1
