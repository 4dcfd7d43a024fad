{{ config(materialized='view', tags=['dq_rule']) }}
{#-
  date_mismatch (warn), from what the extractor stores (figures with their year and
  position in the text):
  * series_break: in one document, three consecutive plain (exact) statements of one
    key (library, metric, scope, segment) whose values rise (or fall) in text order, and whose years
    rise (or fall) around a middle one that does not: "2012年5468万…2011年1.116亿…
    2022年1.177亿" — the middle year is probably a typo.
  Not covered, because the extractor keeps no such data: impossible calendar dates
  (2月30日 is dropped when an event date is parsed) and figures stated for a year after
  the document's own date (a document has no publication date; its report_year is the
  year it is about, and the first year of a multi-year table, so it cannot stand in).
-#}
with figures as (
    select * from {{ ref('int_figure_ranges') }}
    where kind = 'figure' and coalesce(is_trusted, true) and year is not null
        and coalesce(qualifier, 'exact') = 'exact'
),

ordered as (
    select
        *,
        lag(year) over w as prev_year, lead(year) over w as next_year,
        lag(value) over w as prev_value, lead(value) over w as next_value,
        lag(figure_id) over w as prev_id, lead(figure_id) over w as next_id,
        lag(display_text) over w as prev_text, lead(display_text) over w as next_text
    from figures
    window w as (partition by document_id, library_key, metric, scope, segment order by char_start, figure_id)
),

series_break as (
    select
        'series_break' as rule,
        figure_id as key_id,
        document_id, source_file, library_key, year, metric,
        subject_text || ' is stated as ' || prev_text || ' for ' || cast(prev_year as varchar) || ', '
            || display_text || ' for ' || cast(year as varchar) || ' and ' || next_text || ' for '
            || cast(next_year as varchar) || ': the values move one way, but ' || cast(year as varchar)
            || ' breaks the order of the years; it is probably a typo.' as message,
        figure_id, prev_id, next_id
    from ordered
    where prev_year is not null and next_year is not null
        and prev_year <> next_year
        and ((prev_value < value and value < next_value) or (prev_value > value and value > next_value))
        and ((prev_year < next_year and (year < prev_year or year > next_year))
             or (prev_year > next_year and (year > prev_year or year < next_year)))
),

links as (
    select rule, key_id, document_id, source_file, library_key, year, metric, message, figure_id from series_break
    union all
    select rule, key_id, document_id, source_file, library_key, year, metric, message, prev_id from series_break
    union all
    select rule, key_id, document_id, source_file, library_key, year, metric, message, next_id from series_break
)

select
    substr(md5('date_mismatch|' || rule || '|' || key_id), 1, 16) as finding_id,
    'date_mismatch' as "check",
    'warn' as severity,
    document_id, source_file, library_key, year, metric, message,
    figure_id,
    'subject' as role
from links
