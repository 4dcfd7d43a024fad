-- Every event row of fct_activities has a date or a title (else it says nothing).
select activity_id, source_file, evidence
from {{ ref('fct_activities') }}
where grain = 'event'
  and event_date is null
  and (title is null or trim(title) = '')
