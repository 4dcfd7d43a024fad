{{ config(materialized='incremental', tags=['dq_rule']) }}{# by document: macros/dq_incremental.sql #}
{#-
  ratio_mismatch (error), for a stated growth: "2022年总馆藏达1.177亿册,较2012年翻了2.15倍",
  "总藏量达4912.44万册,同比增长7%". The growth is a number the extractor keeps as a candidate
  (not a figure) followed by % or 倍, with a growth or fall verb right before it
  (seeds/dq_growth_words.csv: 增长, 翻了, 下降…; a qualifier in between, 增长超过315%,
  leaves it alone). It is about the nearest figure before it in the same sentence (the
  current figure, trusted), against the base year the words between them name (较2012年,
  or 同比 / 较上年: the year before). The base is the trusted figure of the same
  document, library, metric, scope, segment and period for that year, nearest in the text.
  Stated factor: N% -> 1 ± N/100; N倍 -> 1 + N (增长了N倍, 翻了N倍: N times *more*);
  widened by half a unit of the stated number's last digit. Recomputed factor: the
  current figure's rounding interval over the base's (int_figure_ranges p_lo / p_hi).
  A finding when the two intervals do not meet; it links the growth candidate (stated),
  the current figure (numerator) and the base (denominator).
-#}
{%- set span_text = chunk_substr('ch', 'c.char_start + 1', 'c.char_end - c.char_start + 1') %}
{%- set growth_pattern = "'^([0-9]+([.][0-9]+)?)[ ]*(%|％|倍)'" %}
with words as (
    select * from {{ ref('dq_growth_words') }}
),

-- the words of each role as one regular-expression alternation
alternations as (
    select
        string_agg(case when role in ('more', 'less') then word end, '|' order by word) as verbs,
        -- longest first, so that a longer word wins over a word it starts with
        string_agg(
            case when role in ('more', 'less') then word end, '|' order by length(word) desc, word
        ) as verbs_longest,
        string_agg(case when role = 'base_year' then word end, '|' order by length(word) desc, word) as base_years,
        string_agg(
            case when role = 'previous_year' then word end, '|' order by length(word) desc, word
        ) as previous_years
    from words
),

patterns as (
    select
        '(' || verbs || ')了?$' as verb_pattern,
        -- what may stand between the current figure and the growth number: punctuation,
        -- the base (较2012年 / 同比), 相比, the verb; any other word (a noun naming another
        -- measure) or number leaves the growth alone
        '^[ ,，、]*((' || base_years || ')(19|20)[0-9]{2}年|' || previous_years
            || ')?(相比)?[ ,，、]*(' || verbs_longest || ')了?$' as between_pattern
    from alternations
),

figures as (
    select * from {{ dq_in_scope(ref('int_figure_ranges')) }}
    where kind = 'figure'
),

-- the document texts in overlapping chunks (macros/document_chunks.sql: substr on a whole text
-- costs its length, for each of some 250,000 numbers at 2,000 reports)
chunks as (
    {{ rule_chunks() }}
),

-- numbers followed by % or 倍 that are not figures, with the words right before them
growth_numbers as (
    select
        c.candidate_id, c.document_id, c.char_start, c.char_end, d.source_file, {{ simplified_text('d') }} as text,
        {{ regexp_group(span_text, growth_pattern, 1) }} as number_text,
        {{ regexp_group(span_text, growth_pattern, 3) }} as unit,
        {{ chunk_substr('ch', 'greatest(c.char_start - 5, 1)', 'least(c.char_start, 6)') }} as before_text
    from {{ dq_in_scope(ref('stg_nianbao__candidates')) }} as c
    join {{ dq_in_scope(ref('stg_nianbao__documents')) }} as d using (document_id)
    join chunks as ch on {{ chunk_join('ch', 'c.document_id', 'c.char_start') }}
    where c.fate <> 'figure' and c.char_start is not null and c.char_end is not null
),

stated as (
    select
        g.*,
        w.role as reading,
        w.word as verb,
        cast(g.number_text as float8) as n,
        -- half a unit of the stated number's last digit
        0.5 * power(10, -(case when strpos(g.number_text, '.') > 0
                               then length(g.number_text) - strpos(g.number_text, '.') else 0 end)) as half_step,
        p.between_pattern
    from growth_numbers as g
    cross join patterns as p
    join words as w
        on w.role in ('more', 'less')
        and w.word = {{ regexp_group("g.before_text", "p.verb_pattern", 1) }}
    where g.number_text <> ''
        and not (g.unit = '倍' and w.role = 'less')
),

factors as (
    select
        *,
        case when unit = '倍' then 1 + n
             when reading = 'more' then 1 + n / 100
             else 1 - n / 100 end as stated_factor,
        case when unit = '倍' then 1 + n - half_step
             when reading = 'more' then 1 + (n - half_step) / 100
             else 1 - (n + half_step) / 100 end as stated_lo,
        case when unit = '倍' then 1 + n + half_step
             when reading = 'more' then 1 + (n + half_step) / 100
             else 1 - (n - half_step) / 100 end as stated_hi
    from stated
),

-- the figure right before the growth number, in the same sentence
current_figure_ranked as (
    select
        s.*,
        row_number() over (partition by s.candidate_id order by f.char_end desc, f.figure_id asc) as current_rank,
        f.figure_id as current_id,
        f.is_trusted as current_trusted,
        f.library_key, f.year, f.metric, f.scope, f.segment, f.period,
        f.value as current_value, f.p_lo as current_lo, f.p_hi as current_hi,
        f.display_text as current_text, f.subject_text, f.is_plural,
        substr(s.text, f.char_end + 1, s.char_start - f.char_end) as between_text
    from factors as s
    join figures as f
        on {{ shortly_before('f', 's', 40) }}
),

current_figure as (
    select * from current_figure_ranked
    where current_rank = 1
),

based as (
    select
        *,
        -- 较2012年: that year; 同比 / 较上年 (no year written): the year before
        case when {{ regexp_test("between_text", "'(19|20)[0-9]{2}年'") }}
                 then {{ try_cast_integer(regexp_group("between_text", "'((19|20)[0-9]{2})年'", 1)) }}
             when {{ regexp_group("between_text", "between_pattern", 1) }} <> '' then year - 1
        end as base_year
    from current_figure
    where coalesce(current_trusted, true)
        and {{ regexp_test("between_text", "between_pattern") }}
),

with_base_ranked as (
    select
        b.*,
        row_number() over (
            partition by b.candidate_id order by abs(f.char_start - b.char_start), f.figure_id
        ) as base_rank,
        f.figure_id as base_id,
        f.value as base_value, f.p_lo as base_lo, f.p_hi as base_hi,
        f.display_text as base_text,
        b.current_lo / f.p_hi as recomputed_lo,
        b.current_hi / nullif(f.p_lo, 0) as recomputed_hi,
        b.current_value / f.value as recomputed
    from based as b
    join figures as f
        on f.document_id = b.document_id
        and f.metric = b.metric
        and {{ same_key('b', 'f', ['library_key', 'scope', 'segment', 'period']) }}
        and f.year = b.base_year
        and coalesce(f.is_trusted, true)
        and f.value > 0 and f.p_hi > 0
    where b.base_year is not null and b.base_year <> b.year
),

with_base as (
    select * from with_base_ranked
    where base_rank = 1
),

findings as (
    select
        document_id, source_file, library_key, year, metric,
        subject_text || ' in ' || cast(year as varchar) || case when is_plural then ' are' else ' is' end
            || ' stated as ' || current_text
            || ', "' || verb || number_text || unit || '" against ' || cast(base_year as varchar) || '''s '
            || base_text || ': that makes it ' || {{ format_g(round_to("stated_factor", "6"), 15) }}
            || ' times the base, but ' || current_text || ' / ' || base_text || ' = '
            || {{ format_g("recomputed", 4) }} || ' times'
            || case when unit = '倍' then ' (' || verb || {{ format_g("recomputed - 1", 3) }} || '倍 read literally)'
                    else ' (' || {{ format_g("(recomputed - 1) * 100", 3, sign=true) }} || '%)' end
            || '.' as message,
        candidate_id, current_id, base_id
    from with_base
    where stated_hi < recomputed_lo - 1e-9
        or (recomputed_hi is not null and stated_lo > recomputed_hi + 1e-9)
)

{{ dq_finding_rows('ratio_mismatch', 'findings', "'growth|' || candidate_id || '|' || current_id || '|' || base_id",
                   [('candidate_id', 'stated'), ('current_id', 'numerator'), ('base_id', 'denominator')]) }}
