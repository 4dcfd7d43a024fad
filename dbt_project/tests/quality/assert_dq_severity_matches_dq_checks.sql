-- Every finding has a severity its check allows (seeds/dq_checks.csv: one severity, or
-- several separated by | as in `error|warn`).
select f.finding_id, f."check", f.severity, c.severity as allowed
from {{ ref('dq_findings') }} as f
join {{ ref('dq_checks') }} as c on c."check" = f."check"
where '|' || c.severity || '|' not like '%|' || f.severity || '|%'
