-- Every event_key of fct_activities has exactly one event that is not a duplicate, and
-- is_preferred is its complement on events.
select event_key, count(*) filter (where not is_duplicate) as n_kept
from {{ ref('fct_activities') }}
where grain = 'event'
group by event_key
having count(*) filter (where not is_duplicate) != 1 or bool_or(is_preferred = is_duplicate)
