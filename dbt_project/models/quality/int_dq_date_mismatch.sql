{{ config(materialized='view', tags=['dq_rule']) }}
{#-
  date_mismatch (warn), from what the extractor stores (figures with their year and
  position in the text):
  * series_break: in one document, three consecutive plain (exact) statements of one
    key (library, metric, scope, segment) whose values rise (or fall) in text order, and whose years
    rise (or fall) around a middle one that does not: "2012年5468万…2011年1.116亿…
    2022年1.177亿" — the middle year is probably a typo.
  * impossible_date: a month the extractor kept as a date candidate (raw.candidates,
    reason 'date') followed by a day that month never has: 2月30日, 4月31日, 13月2日
    (the finding links the candidate's id; February is allowed 29 days).
  Not covered, because the extractor keeps no such data: dates written in Chinese
  numerals (二月三十日) and figures stated for a year after
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

-- impossible calendar dates: a month the extractor kept as a date candidate (2月) followed
-- by a day (30日) that month never has (February counted with 29 days)
impossible_date as (
    select
        'impossible_date' as rule,
        c.candidate_id as key_id,
        c.document_id, d.source_file, cast(null as varchar) as library_key, d.report_year as year, cast(null as varchar) as metric,
        try_cast(c.value as integer) as month,
        try_cast(regexp_extract(substr(d.text, c.char_end + 2, 3), '^([0-9]{1,2})日', 1) as integer) as day,
        c.candidate_id as figure_id
    from {{ ref('stg_nianbao__candidates') }} as c
    join {{ ref('stg_nianbao__documents') }} as d using (document_id)
    where c.reason = 'date' and c.unit = '月' and c.value is not null
        and substr(d.text, c.char_end + 1, 1) = '月'
        and regexp_matches(substr(d.text, c.char_end + 2, 3), '^[0-9]{1,2}日')
),

impossible as (
    select
        *,
        'The date ' || cast(month as varchar) || '月' || cast(day as varchar) || '日 does not exist: '
            || case when month not between 1 and 12 then 'there is no month ' || cast(month as varchar)
                    else cast(month as varchar) || '月 has at most '
                         || cast([31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month] as varchar) || ' days' end
            || '.' as message
    from impossible_date
    where month not between 1 and 12
        or day < 1
        or day > [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month]
),

links as (
    select rule, key_id, document_id, source_file, library_key, year, metric, message, figure_id from series_break
    union all
    select rule, key_id, document_id, source_file, library_key, year, metric, message, prev_id from series_break
    union all
    select rule, key_id, document_id, source_file, library_key, year, metric, message, next_id from series_break
    union all
    select rule, key_id, document_id, source_file, library_key, year, metric, message, figure_id from impossible
)

select
    substr(md5('date_mismatch|' || rule || '|' || key_id), 1, 16) as finding_id,
    'date_mismatch' as "check",
    'warn' as severity,
    document_id, source_file, library_key, year, metric, message,
    figure_id,
    'subject' as role
from links
