{{ config(materialized='incremental', tags=['dq_rule']) }}{# by document: macros/dq_incremental.sql #}
{#-
  count_mismatch (warn), stated in prose: a count that refers back to a total stated just
  before it gives another number: "合計1012個,新增場館53個。這1000家場館包括…". The two
  numbers are candidates (raw.candidates: a number with its counter, whether or not it
  became a figure): the total right after a total word, the restatement right after a
  demonstrative (seeds/dq_count_words.csv), both with a counter of places, in one
  paragraph, the restatement at most 60 characters after the total and the nearest total
  before it (a reading in brackets may follow the total word: 合計(jì)1012個).
  Qualified restatements (这1000余家, 这近千家) are left alone, and so are the
  equal ones. Links both candidates.
-#}
-- depends_on: {{ ref('int_dq_scope') }}
with words as (
    select * from {{ ref('dq_count_words') }}
),

counted as (
    select
        c.candidate_id, c.document_id, d.source_file, d.report_year, c.char_start, c.char_end, c.value,
        -- words are read in the simplified copy (same offsets); quoted text from the original
        {{ simplified_text('d') }} as text, d.text as original,
        substr({{ simplified_text('d') }}, greatest(c.char_start - 1, 1), least(c.char_start, 2)) as before_text,
        substr({{ simplified_text('d') }}, c.char_start + 1, c.char_end - c.char_start + 1) as span_text
    from {{ dq_in_scope(ref('stg_nianbao__candidates')) }} as c
    join {{ dq_in_scope(ref('stg_nianbao__documents')) }} as d using (document_id)
    join words as w on w.role = 'counter' and w.word = c.unit
    where c.value is not null and c.char_start is not null and c.char_end is not null
),

-- a total word right before the number (a reading in brackets after it allowed: 合計(jì)1012個)
total_pattern as (
    select '(' || string_agg(word, '|' order by length(word) desc, word) || ')([(][^()0-9]{1,8}[)])?$' as pattern
    from words
    where role = 'total'
),

totals as (
    select c.*
    from counted as c
    cross join total_pattern as p
    where {{ regexp_test("substr(c.text, greatest(c.char_start - 11, 1), least(c.char_start, 12))", "p.pattern") }}
),

restated as (
    select c.*
    from counted as c
    where exists (
        select 1 from words as w
        where w.role = 'restated' and (right(c.before_text, length(w.word)) = w.word)
    )
        -- a plain number: no 余/多/以上 after its digits
        and {{ regexp_test("c.span_text", "'^[0-9]+[^0-9余多]'") }}
        and not {{ regexp_test("substr(c.text, c.char_end + 1, 2)", "'^(余|多|以上|左右)'") }}
),

pairs_ranked as (
    select
        r.candidate_id as restated_id, t.candidate_id as total_id,
        row_number() over (partition by r.candidate_id order by t.char_end desc) as total_rank,
        r.document_id, r.source_file, r.report_year,
        t.value as total_value, r.value as restated_value,
        substr(t.original, t.char_start + 1, t.char_end - t.char_start) as total_text,
        substr(r.original, r.char_start + 1, r.char_end - r.char_start) as restated_text,
        substr(r.original, t.char_end + 1, r.char_start - t.char_end) as between_text
    from restated as r
    join totals as t
        on {{ shortly_before('t', 'r', 60) }}
),

pairs as (
    select * from pairs_ranked
    where total_rank = 1
),

findings as (
    select
        document_id, source_file, cast(null as varchar) as library_key, report_year as year,
        cast(null as varchar) as metric,
        'A total of ' || total_text || ' (' || {{ format_g("total_value", 15) }}
            || ') is referred to a few words later as ' || restated_text
            || ' (' || {{ format_g("restated_value", 15) }} || '): the same count is stated as two numbers.' as message,
        total_id, restated_id
    from pairs
    where total_value <> restated_value
        and not {{ regexp_test("between_text", "'\\n'") }}
)

{{ dq_finding_rows('count_mismatch', 'findings', "'restated|' || total_id || '|' || restated_id",
                   [('total_id', 'subject'), ('restated_id', 'subject')]) }}
