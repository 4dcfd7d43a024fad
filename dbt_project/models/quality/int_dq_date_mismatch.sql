{{ config(materialized='incremental', tags=['dq_rule']) }}{# by document: macros/dq_incremental.sql #}
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
  * own_dates: the dates a document gives itself (seeds/dq_document_dates.csv: a page's
    time stamp 2023-04-24, a form's 报出日期 2020/5/8, a 年月日 date alone on a header
    line) in its first document_header_chars characters (seeds/dq_thresholds.csv) are
    more than a day apart: "2021年9月29日 星期三 … 时间:2023-04-24" (site chrome vs the
    article), "发布时间:2020-01-10 … 实际报出日期2020/5/8" (published before it was
    reported). Links the date candidates (raw.candidates at the date's first character).
  * after_own_date: a document with one own date states full-year figures for a later
    year than that date's (a report dated 2021-09-29 cannot state 2022's totals).
  Not covered: dates written in Chinese numerals (二月三十日).
-#}
with figures as (
    select * from {{ dq_in_scope(ref('int_figure_ranges')) }}
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
        {{ document_finding_columns('impossible_date', 'c.candidate_id', 'd') }},
        {{ try_cast_integer("c.value") }} as month,
        {{ try_cast_integer(regexp_group("substr(d.text, c.char_end + 2, 3)", "'^([0-9]{1,2})日'", 1)) }} as day,
        c.candidate_id as figure_id
    from {{ dq_in_scope(ref('stg_nianbao__candidates')) }} as c
    join {{ dq_in_scope(ref('stg_nianbao__documents')) }} as d using (document_id)
    where c.reason = 'date' and c.unit = '月' and c.value is not null
        and substr(d.text, c.char_end + 1, 1) = '月'
        and {{ regexp_test("substr(d.text, c.char_end + 2, 3)", "'^[0-9]{1,2}日'") }}
),

impossible as (
    select
        *,
        'The date ' || cast(month as varchar) || '月' || cast(day as varchar) || '日 does not exist: '
            || case when month not between 1 and 12 then 'there is no month ' || cast(month as varchar)
                    else cast(month as varchar) || '月 has at most '
                         || cast((array[31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])[month] as varchar)
                         || ' days' end
            || '.' as message
    from impossible_date
    where month not between 1 and 12
        or day < 1
        or day > (array[31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])[month]
),

-- the dates a document gives itself: the patterns of seeds/dq_document_dates.csv, matched
-- in its first document_header_chars characters
own_date_text as (
    select
        d.document_id, d.source_file, d.report_year, {{ simplified_text('d') }} as text,
        trim({{ regexp_all_matches("substr(" ~ simplified_text('d') ~ ", 1, cast(t.document_header_chars as integer))",
                                   "p.pattern") }})
            as written
    from {{ dq_in_scope(ref('stg_nianbao__documents')) }} as d
    cross join {{ ref('dq_document_dates') }} as p
    cross join {{ ref('int_dq_thresholds') }} as t
),

{% set written_year = regexp_group("o.written", "'^[^0-9]*((19|20)[0-9]{2})'", 1) %}
{% set written_month = regexp_group("o.written", "'^[^0-9]*(19|20)[0-9]{2}[^0-9]+([0-9]{1,2})'", 2) %}
{% set written_day = regexp_group("o.written", "'^[^0-9]*(19|20)[0-9]{2}[^0-9]+[0-9]{1,2}[^0-9]+([0-9]{1,2})'", 2) %}
{% set written_date = written_year ~ " || '-' || lpad(" ~ written_month ~ ", 2, '0') || '-' || lpad("
    ~ written_day ~ ", 2, '0')" %}
own_dates as (
    select distinct
        o.document_id, o.source_file, o.report_year, o.written,
        strpos(o.text, o.written) - 1 as char_start,
        {{ try_cast_date(written_date) }} as own_date
    from own_date_text as o
),

own_dates_linked as (
    select
        o.document_id, o.source_file, o.report_year, o.written, o.char_start, o.own_date,
        min(coalesce(c.candidate_id, 'date:' || o.document_id || ':' || cast(o.char_start as varchar))) as figure_id
    from own_dates as o
    left join {{ dq_in_scope(ref('stg_nianbao__candidates')) }} as c
        on c.document_id = o.document_id and c.char_start = o.char_start
    where o.own_date is not null
    group by o.document_id, o.source_file, o.report_year, o.written, o.char_start, o.own_date
),

own_date_span as (
    select
        document_id,
        min(own_date) as first_date,
        max(own_date) as last_date,
        string_agg(written, ', ' order by char_start, written) as dates_written
    from own_dates_linked
    group by document_id
),

own_dates_apart as (
    select
        {{ document_finding_columns('own_dates', 's.document_id', 'o') }},
        'The document gives itself dates ' || cast((s.last_date - s.first_date) as varchar)
            || ' days apart in its first lines (' || s.dates_written
            || '): they cannot all be its date; one is wrong or belongs to something else.' as message,
        o.figure_id
    from own_date_span as s
    join own_dates_linked as o using (document_id)
    where (s.last_date - s.first_date) > 1
),

after_own_date as (
    select
        'after_own_date' as rule,
        f.document_id || '|' || cast(f.year as varchar) as key_id,
        f.document_id, f.source_file, cast(null as varchar) as library_key, f.year, cast(null as varchar) as metric,
        'The document is dated ' || cast(s.first_date as varchar) || ' (' || s.dates_written
            || ') but states full-year figures for ' || cast(f.year as varchar)
            || ', a year that had not ended then.' as message,
        f.figure_id
    from {{ dq_in_scope(ref('int_figure_ranges')) }} as f
    join own_date_span as s using (document_id)
    where (s.last_date - s.first_date) <= 1
        and f.kind = 'figure' and coalesce(f.is_trusted, true)
        and f.period = 'year'
        and f.year > extract(year from s.first_date)
),

links as (
    select rule, key_id, document_id, source_file, library_key, year, metric, message, figure_id from own_dates_apart
    union all
    select rule, key_id, document_id, source_file, library_key, year, metric, message, figure_id from after_own_date
    union all
    select rule, key_id, document_id, source_file, library_key, year, metric, message, figure_id from series_break
    union all
    select rule, key_id, document_id, source_file, library_key, year, metric, message, prev_id from series_break
    union all
    select rule, key_id, document_id, source_file, library_key, year, metric, message, next_id from series_break
    union all
    select rule, key_id, document_id, source_file, library_key, year, metric, message, figure_id from impossible
)

{{ dq_finding_rows('date_mismatch', 'links', "rule || '|' || key_id") }}
