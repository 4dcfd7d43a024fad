{{ config(materialized='incremental', tags=['dq_rule']) }}{# by document: macros/dq_incremental.sql #}
{#-
  ratio_mismatch (error), for a share stated in words: "每5名到馆读者中就有1名会选择图书外借"
  (1 in 5). The phrase is matched in the document text (每N名X中就有M名Y, pattern in
  seeds/dq_share_words.csv, row 'phrase'); the words of X and of Y name the denominator
  and numerator metrics (the other rows of that seed: 到馆 -> visits.in_person, 外借 ->
  circulation.borrowers); a phrase whose X or Y names no metric, or more than one, is
  left alone. Inputs: trusted whole (segment all) full-year figures of the document
  with those metrics, of one library and year. "1 in N" is read as N to the nearest
  whole number: it holds when M × denominator / numerator is within 0.5 of N for SOME
  pair of the statements of the two metrics (a misread part cannot make a finding);
  otherwise an error finding shows the pair of the largest statements (the wholes).
-#}
with words as (
    select * from {{ ref('dq_share_words') }}
),

phrase as (
    select word as pattern from words
    where role = 'phrase'
),

metric_words as (
    select word, metric from words
    where role = 'metric'
),

phrases as (
    select
        d.document_id, d.source_file, {{ simplified_text('d') }} as text,
        {{ regexp_all_matches(simplified_text('d'), "p.pattern") }} as written,
        p.pattern
    from {{ dq_in_scope(ref('stg_nianbao__documents')) }} as d
    cross join phrase as p
),

parsed as (
    select distinct
        document_id, source_file, written,
        strpos(text, written) - 1 as char_start,
        {{ try_cast_double(regexp_group("written", "pattern", 1)) }} as n,
        {{ try_cast_double(regexp_group("written", "pattern", 3)) }} as m,
        {{ regexp_group("written", "pattern", 2) }} as whole_words,
        {{ regexp_group("written", "pattern", 4) }} as part_words
    from phrases
),

named as (
    select
        p.*,
        (select min(w.metric) from metric_words as w
        where strpos(p.whole_words, w.word) > 0) as denominator_metric,
        (select count(distinct w.metric) from metric_words as w
        where strpos(p.whole_words, w.word) > 0) as n_denominator_metrics,
        (select min(w.metric) from metric_words as w
        where strpos(p.part_words, w.word) > 0) as numerator_metric,
        (select count(distinct w.metric) from metric_words as w
        where strpos(p.part_words, w.word) > 0) as n_numerator_metrics
    from parsed as p
    where p.n > 0 and p.m > 0 and p.m < p.n
),

figures as (
    select * from {{ dq_in_scope(ref('int_figure_ranges')) }}
    where kind = 'figure' and coalesce(is_trusted, true)
        and segment = 'all' and period = 'year' and value > 0
),

pairs as (
    select
        s.document_id, s.source_file, s.written, s.char_start, s.n, s.m,
        num.figure_id as numerator_id, num.value as numerator_value, num.display_text as numerator_text,
        num.subject_text as numerator_subject, num.metric as numerator_metric,
        den.figure_id as denominator_id, den.value as denominator_value, den.display_text as denominator_text,
        den.subject_text as denominator_subject,
        num.library_key, num.year,
        s.m * den.value / num.value as implied_n
    from named as s
    join figures as num
        on num.document_id = s.document_id and num.metric = s.numerator_metric
    join figures as den
        on den.document_id = s.document_id and den.metric = s.denominator_metric
        and den.library_key is not distinct from num.library_key
        and den.year = num.year
    where s.n_denominator_metrics = 1 and s.n_numerator_metrics = 1
        and s.numerator_metric <> s.denominator_metric
),

judged as (
    select
        *,
        bool_or(abs(implied_n - n) < 0.5) over (partition by document_id, char_start) as any_fits,
        row_number() over (
            partition by document_id, char_start
            order by numerator_value desc, denominator_value desc, numerator_id asc, denominator_id asc
        ) as pick
    from pairs
),

findings as (
    select
        document_id, source_file, library_key, year, numerator_metric as metric,
        '"' || written || '" states 1 in ' || {{ format_g(round_to("n / m", "6"), 15) }}
            || ', but ' || numerator_subject || ' ' || numerator_text
            || ' out of ' || lower(substr(denominator_subject, 1, 1)) || substr(denominator_subject, 2)
            || ' ' || denominator_text
            || ' in ' || cast(year as varchar)
            || ' is 1 in ' || {{ format_g("denominator_value / numerator_value", 3) }}
            || ' (' || {{ format_g("100 * numerator_value / denominator_value", 3) }} || '%).' as message,
        char_start, numerator_id, denominator_id
    from judged
    where not any_fits and pick = 1
)

{{ dq_finding_rows('ratio_mismatch', 'findings', "'share|' || document_id || '|' || cast(char_start as varchar)",
                   [('numerator_id', 'numerator'), ('denominator_id', 'denominator')]) }}
