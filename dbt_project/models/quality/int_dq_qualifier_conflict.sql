{{ config(materialized='view', tags=['dq_rule']) }}
{#-
  qualifier_conflict (warn): one figure is written with two qualifiers that cannot both
  hold: a word before the number (约, 近, 不到…) and a word after it (余, 多, 以上, 左右…)
  of a different qualifier (seeds/dq_qualifier_words.csv): 约28.4万余册, 近3000多人.
  The extractor stores one qualifier per figure; this rule reads the words around the
  figure's span in the document text (two characters before it, the span and two after).
-#}
with figures as (
    select f.*, substr(d.text, greatest(f.char_start - 1, 1), least(f.char_start, 2)) as before_text,
           substr(d.text, f.char_start + 1, f.char_end - f.char_start + 2) as after_text,
           substr(d.text, f.char_start + 1, f.char_end - f.char_start + 2) as span_text
    from {{ ref('int_figure_ranges') }} as f
    join {{ ref('stg_nianbao__documents') }} as d using (document_id)
    where f.kind = 'figure' and coalesce(f.is_trusted, true) and f.char_start is not null and f.char_end is not null
),

words as (
    select * from {{ ref('dq_qualifier_words') }}
),

clashes as (
    select
        f.figure_id,
        any_value(b.word) as before_word,
        any_value(a.word) as after_word
    from figures as f
    join words as b on b.position = 'before' and ends_with(f.before_text, b.word)
    join words as a on a.position = 'after' and a.qualifier <> b.qualifier
        and regexp_matches(f.after_text, '^[0-9.,，万亿千百十]*' || a.word)
    group by f.figure_id
)

select
    substr(md5('qualifier_conflict|' || f.figure_id), 1, 16) as finding_id,
    'qualifier_conflict' as "check",
    'warn' as severity,
    f.document_id, f.source_file, f.library_key, f.year, f.metric,
    f.subject_text || ' in ' || coalesce(cast(f.year as varchar), 'an unknown year')
        || ' is written "' || c.before_word || f.span_text
        || '": ' || c.before_word || ' and ' || c.after_word
        || ' are incompatible qualifiers (an approximate or upper bound and a lower bound at once).' as message,
    f.figure_id,
    'subject' as role
from clashes as c
join figures as f using (figure_id)
