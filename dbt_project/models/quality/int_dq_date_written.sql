{{ config(materialized='incremental', tags=['dq_rule']) }}{# by document: macros/dq_incremental.sql #}
{#-
  date_mismatch (warn), for years as the text writes them (figures or not):
  * five_digit_year: a year written with five digits (20014年, 2005年--20014): the pattern of
    seeds/dq_written_dates.csv (row five_digit_year) matched in the document text.
  * era_year: an era year with the Gregorian year the text gives it in parentheses
    (昭和九年(1935年)) that the era table (seeds/dq_era_years.csv: 昭和元年 = 1926) does not
    give: 昭和九年 is 1934. The era year is read in Chinese numerals up to 九十九 or in digits.
  * lone_year: a year (the extractor's candidates written as four digits before 年, 1982年, in text order) more than
    dq_thresholds.lone_year_gap years before, or after, both the year written before it and
    the year written after it (…1982年…1683年…1947年): a misprint of the series it sits in.
  One finding per document and words (per year candidate for lone_year), linking the year
  candidate (lone_year) or the place of the words ('date:<document>:<offset>').
-#}
-- depends_on: {{ ref('int_dq_scope') }}
with documents as (
    -- the simplified copy (same offsets): era names and words as the seeds write them
    select document_id, source_file, report_year, coalesce(text_simplified, text) as text
    from {{ dq_in_scope(ref('stg_nianbao__documents')) }}
    where status = 'loaded'
),

patterns as (
    select name, pattern from {{ ref('dq_written_dates') }}
),

five_digit as (
    select distinct
        d.document_id, d.source_file, d.report_year, d.text,
        {{ regexp_all_matches("d.text", "p.pattern") }} as written,
        p.pattern
    from documents as d
    join patterns as p on p.name = 'five_digit_year'
),

five_digit_years as (
    select
        'five_digit_year' as rule,
        document_id, source_file, report_year as year,
        strpos(text, {{ regexp_group("written", "pattern", 2) }}) as char_start,
        {{ regexp_group("written", "pattern", 2) }} as words
    from five_digit
),

era_text as (
    select distinct
        d.document_id, d.source_file, d.report_year, d.text, e.era, e.first_year,
        {{ regexp_all_matches("d.text", "e.era || p.pattern") }} as written,
        e.era || p.pattern as pattern
    from documents as d
    cross join {{ ref('dq_era_years') }} as e
    join patterns as p on p.name = 'era_year'
    where strpos(d.text, e.era) > 0
),

{#- the era year in digits or in Chinese numerals: 元, 九, 十三, 二十, 二十二 #}
{% set digit = "(strpos('〇一二三四五六七八九', {c}) - 1)" %}
{% set era_numeral = "replace(replace(" ~ regexp_group("written", "pattern", 1) ~ ", '零', '〇'), '两', '二')" %}
era_parsed as (
    select
        document_id, source_file, report_year, text, era, first_year, written,
        {{ era_numeral }} as numeral,
        {{ try_cast_integer(regexp_group("written", "pattern", 2)) }} as stated_year
    from era_text
),

era_years as (
    select
        *,
        case
            when numeral = '元' then 1
            when {{ regexp_test("numeral", "'^[0-9]+$'") }} then {{ try_cast_integer("numeral") }}
            when strpos(numeral, '十') = 0 and length(numeral) = 1 then {{ digit.format(c="numeral") }}
            when strpos(numeral, '十') > 0 and length(numeral) <= 3
                then case when strpos(numeral, '十') = 1 then 1
                          else {{ digit.format(c="substr(numeral, 1, 1)") }} end * 10
                    + case when strpos(numeral, '十') = length(numeral) then 0
                           else {{ digit.format(c="substr(numeral, length(numeral), 1)") }} end
        end as era_number
    from era_parsed
),

era_mismatches as (
    select
        'era_year' as rule,
        document_id, source_file, report_year as year,
        strpos(text, written) as char_start,
        trim(written) || '年)' as words,
        era, first_year, era_number, stated_year,
        first_year + era_number - 1 as era_gregorian
    from era_years
    where era_number >= 1 and stated_year is not null
        and first_year + era_number - 1 <> stated_year
),

years as (
    select
        c.candidate_id, c.document_id, d.source_file, d.report_year,
        cast(c.value as integer) as written_year,
        lag(cast(c.value as integer)) over w as prev_year,
        lead(cast(c.value as integer)) over w as next_year
    from {{ dq_in_scope(ref('stg_nianbao__candidates')) }} as c
    join documents as d using (document_id)
    where c.unit = '年' and {{ regexp_test("c.text", "'^[0-9]{4}$'") }} and c.value between 1000 and 2999
    window w as (partition by c.document_id order by c.char_start, c.candidate_id)
),

lone_years as (
    select y.*, t.lone_year_gap
    from years as y
    cross join {{ ref('int_dq_thresholds') }} as t
    where y.prev_year is not null and y.next_year is not null
        and ((y.written_year < y.prev_year - t.lone_year_gap and y.written_year < y.next_year - t.lone_year_gap)
             or (y.written_year > y.prev_year + t.lone_year_gap and y.written_year > y.next_year + t.lone_year_gap))
),

findings as (
    select
        f.rule || '|' || f.document_id || '|' || f.words as key_id,
        f.document_id, f.source_file, f.year,
        cast(null as varchar) as library_key, cast(null as varchar) as metric,
        '"' || f.words || '" writes a year with five digits: no year has five, so it is a typo.' as message,
        'date:' || f.document_id || ':' || cast(f.char_start - 1 as varchar) as figure_id
    from five_digit_years as f
    union all
    select
        e.rule || '|' || e.document_id || '|' || e.words as key_id,
        e.document_id, e.source_file, e.year,
        null as library_key, null as metric,
        '"' || e.words || '" gives the year ' || cast(e.stated_year as varchar) || ', but ' || e.era
            || ' year ' || cast(e.era_number as varchar) || ' is ' || cast(e.era_gregorian as varchar)
            || ' (' || e.era || ' year 1 = ' || cast(e.first_year as varchar)
            || ', seeds/dq_era_years.csv): one of the two years is wrong.' as message,
        'date:' || e.document_id || ':' || cast(e.char_start - 1 as varchar) as figure_id
    from era_mismatches as e
    union all
    select
        'lone_year|' || candidate_id as key_id,
        document_id, source_file, report_year as year,
        null as library_key, null as metric,
        'The year ' || cast(written_year as varchar) || ' is written between ' || cast(prev_year as varchar)
            || ' and ' || cast(next_year as varchar)
            || ', more than ' || cast(cast(lone_year_gap as integer) as varchar)
            || ' years away from both: it breaks the series of years it sits in and is probably a typo.' as message,
        candidate_id as figure_id
    from lone_years
)

{{ dq_finding_rows('date_mismatch', 'findings', "key_id") }}
