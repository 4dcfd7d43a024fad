-- library_year_summary has one row per library_key and year.
select library_key, year, count(*) as n
from {{ ref('library_year_summary') }}
group by library_key, year
having count(*) > 1
