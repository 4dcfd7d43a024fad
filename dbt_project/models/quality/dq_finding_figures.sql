-- The figures each finding is about, with their role in it.
select distinct
    finding_id,
    figure_id,
    role
from {{ ref('int_dq_graded') }}
order by finding_id, role, figure_id
