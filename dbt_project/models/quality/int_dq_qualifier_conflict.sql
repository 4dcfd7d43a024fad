{{ config(materialized='incremental', tags=['dq_rule']) }}{# by document: macros/dq_incremental.sql #}
{#-
  qualifier_conflict (warn): a number is written with two qualifiers that cannot both
  hold: a word before it (约, 近, 不到…) and a word right after its digits (余, 多,
  以上, 左右…) of a different qualifier (seeds/dq_qualifier_words.csv): 约28.4万余册,
  近3000多人. The extractor stores one qualifier per figure, so this rule reads the
  words around each span in the document text (two characters before it, its digits
  and what follows). It reads every figure, trusted or not (the writing is the finding,
  not the figure's attribution: 近10万余册 is a clash whatever the extractor made of it),
  and also the numbers the extractor
  kept as candidates without making them figures (raw.candidates, with a unit): the
  writing is contradictory whatever the number counts. Such a finding links the
  candidate's id (no metric; library and year of the document).
-#}
with spans as (
    select
        figure_id as span_id, document_id, source_file, library_key, year, metric,
        char_start, char_end,
        subject_text || ' in ' || coalesce(cast(year as varchar), 'an unknown year') as subject
    from {{ dq_in_scope(ref('int_figure_ranges')) }}
    where kind = 'figure'
    union all
    select
        c.candidate_id as span_id, c.document_id, d.source_file, null as library_key, d.report_year as year,
        null as metric, c.char_start, c.char_end,
        'A number that is not a figure (' || coalesce(c.reason, c.fate) || ')' as subject
    from {{ dq_in_scope(ref('stg_nianbao__candidates')) }} as c
    join {{ dq_in_scope(ref('stg_nianbao__documents')) }} as d using (document_id)
    where c.fate <> 'figure' and c.unit is not null
),

-- the document texts in overlapping chunks, and the characters around each span read in the
-- chunk of its start (macros/document_chunks.sql: substr on a whole text costs its length)
chunks as (
    {{ rule_chunks() }}
),

texts as (
    select
        s.*,
        {{ chunk_substr('ch', 'greatest(s.char_start - 1, 1)', 'least(s.char_start, 2)') }} as before_text,
        {{ chunk_substr('ch', 'greatest(s.char_start - 11, 1)', 'least(s.char_start, 12)') }} as clause_before,
        {{ chunk_substr('ch', 's.char_start + 1', 's.char_end - s.char_start + 2') }} as after_text,
        {{ chunk_substr('ch', 's.char_start + 1', 's.char_end - s.char_start') }} as span_text
    from spans as s
    join chunks as ch on {{ chunk_join('ch', 's.document_id', 's.char_start') }}
    where s.char_start is not null and s.char_end is not null
),

words as (
    select * from {{ ref('dq_qualifier_words') }}
),

-- the words before the number: right before it, or a word of two characters or more (大约, 将近)
-- earlier in its clause with no number or punctuation between (大约新增图书10多万册); lead: the
-- characters from the word to the number. Read with string functions over the clause's tail (its
-- last characters with no digit or punctuation, one constant pattern): a pattern built per row from
-- each seed word is compiled again for every row (the rule took minutes at 2,000 reports)
tails as (
    select
        t.span_id, t.before_text,
        {{ regexp_group("t.clause_before", "'([^0-9,，。；;！？!?、：:\n]{0,11})$'", 1) }} as clause_tail
    from texts as t
),

leads as (
    select t.span_id, b.word, b.qualifier, length(b.word) as lead
    from tails as t
    join words as b on b.position = 'before' and right(t.before_text, length(b.word)) = b.word
    union all
    -- rest: the characters between the word's last occurrence in the tail and the number (1 to 8)
    select r.span_id, r.word, r.qualifier, length(r.word) + r.rest as lead
    from (
        select
            t.span_id, b.word, b.qualifier,
            strpos(reverse(t.clause_tail), reverse(b.word)) - 1 as rest
        from tails as t
        join words as b
            on b.position = 'before' and length(b.word) >= 2
            and strpos(t.clause_tail, b.word) > 0
    ) as r
    where r.rest between 1 and 8
),

clashes as (
    select
        t.span_id,
        min(b.word) as before_word,
        max(b.lead) as lead,
        min(a.word) as after_word
    from texts as t
    join leads as b on b.span_id = t.span_id
    join words as a on a.position = 'after' and a.qualifier <> b.qualifier
        -- the word right after the number's digits (no seed word starts with one of them)
        and left(regexp_replace(t.after_text, '^[0-9.,，万萬亿億千百十]*', ''), length(a.word)) = a.word
    group by t.span_id
),

findings as (
    select
        t.span_id, t.document_id, t.source_file, t.library_key, t.year, t.metric,
        -- the words are read in the simplified copy (the chunks); the quote is the original text
        t.subject || ' is written "'
            || coalesce((
                select min(substr(d.text, t.char_start + 1 - c.lead, c.lead + t.char_end - t.char_start))
                from {{ ref('stg_nianbao__documents') }} as d
                where d.document_id = t.document_id and d.text is not null
            ), c.before_word || t.span_text)
            || '": ' || c.before_word || ' and ' || c.after_word
            || ' are incompatible qualifiers (an approximate or upper bound and a lower bound at once).' as message
    from clashes as c
    join texts as t using (span_id)
)

{{ dq_finding_rows('qualifier_conflict', 'findings', 'span_id', [('span_id', 'subject')]) }}
