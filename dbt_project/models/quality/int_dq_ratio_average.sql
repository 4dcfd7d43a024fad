{{ config(materialized='incremental', tags=['dq_rule']) }}{# by document: macros/dq_incremental.sql #}
{#-
  ratio_mismatch (warn), for an average stated beside its inputs, read from the extractor's
  candidates (every number it saw with its unit, figure or not: an average and a count of
  readers are rarely figures):
  * per_person: an average per person (人均…20.39册次; the words of seeds/dq_share_words.csv,
    role per_person, in its clause before it) after, in the same sentence, exactly one count
    of persons (43.89万读者; units: role person_unit) and exactly one number in the average's
    own unit (965万册次): the average must be the number over the persons, within the
    rounding of the three as written (965万 is 9645000 to 9655000).
  * per_day: a daily average (日均接待读者两千多人; role per_day) the extractor gave a metric,
    times dq_thresholds.min_open_days, is more than every full-year figure of that metric in
    the document (44.8万人次): the year cannot hold the days. An average written with a
    qualifier before it (约, 近: seeds/dq_qualifier_words.csv) is left alone.
  Both are warns: the inputs are numbers of one sentence or of the document that the
  extractor did not always read as the library's figures (a per-capita may be over another
  population; a daily average over the opening days of one service).
-#}
with words as (
    select * from {{ ref('dq_share_words') }}
    where role in ('per_person', 'person_unit', 'per_day')
),

-- the document texts in overlapping chunks (macros/document_chunks.sql): every number's words
-- are read in the chunk of its start, not with substr on the whole text (issue 11)
chunks as (
    {{ rule_chunks() }}
),

numbers as (
    select
        c.candidate_id, c.document_id, c.char_start, c.char_end, c.text, c.value, c.unit, c.metric,
        d.source_file, d.report_year, ch.chunk_text, ch.first_char,
        -- the clause before the number: back to the last , ， ; ； 。 or line break, 15 characters at most
        regexp_replace({{ chunk_substr('ch', 'greatest(c.char_start - 14, 1)', 'least(c.char_start, 15)') }},
                       '^.*[,，;；。\n]', '') as clause_before,
        -- half the unit of its last written digit: 965万 -> 5000, 43.89万 -> 50, 20.39 -> 0.005
        0.5 * c.value / {{ try_cast_double(regexp_group("replace(c.text, ',', '')", "'([0-9]+([.][0-9]+)?)'", 1)) }}
            * power(10, -length({{ regexp_group("replace(c.text, ',', '')", "'[0-9][.]([0-9]+)'", 1) }})) as half_unit
    from {{ dq_in_scope(ref('stg_nianbao__candidates')) }} as c
    join {{ dq_in_scope(ref('stg_nianbao__documents')) }} as d
        on d.document_id = c.document_id and d.status = 'loaded'
    join chunks as ch on {{ chunk_join('ch', 'c.document_id', 'c.char_start') }}
    where c.value > 0 and c.char_start is not null and c.char_end is not null
),

averages as (
    select n.*, w.role as average_kind
    from numbers as n
    join words as w
        on w.role in ('per_person', 'per_day') and strpos(n.clause_before, w.word) > 0
    where not exists (
        select 1 from {{ ref('dq_qualifier_words') }} as q
        where q.position = 'before' and strpos(n.clause_before, q.word) > 0
    )
),

-- the numbers before a per-person average in its sentence (no sentence end between; at most
-- chunk_margin characters before it: a sentence stating an average beside its inputs is short)
sentence_inputs as (
    select
        a.candidate_id as average_id,
        i.*,
        case
            when exists (
                select 1 from words as w
                where w.role = 'person_unit' and w.word = i.unit
            ) then 'persons'
            when i.unit = a.unit then 'total'
        end as side
    from averages as a
    join numbers as i
        on i.document_id = a.document_id
        and i.char_end <= a.char_start
        -- within chunk_margin characters before the average, read in the average's chunk
        and a.char_start - i.char_end <= {{ chunk_margin() }}
        and not {{ regexp_test(chunk_substr('a', 'i.char_end + 1', 'a.char_start - i.char_end'), "'[。！？!?；;\n]'") }}
    where a.average_kind = 'per_person'
),

per_person as (
    select
        a.candidate_id as average_id, a.document_id, a.source_file, a.report_year, a.metric,
        a.text as average_text, a.value as average, a.half_unit as average_half,
        max(case when i.side = 'persons' then i.candidate_id end) as persons_id,
        max(case when i.side = 'persons' then i.text end) as persons_text,
        max(case when i.side = 'persons' then i.value end) as persons,
        max(case when i.side = 'persons' then i.half_unit end) as persons_half,
        max(case when i.side = 'total' then i.candidate_id end) as total_id,
        max(case when i.side = 'total' then i.metric end) as total_metric,
        max(case when i.side = 'total' then i.text end) as total_text,
        max(case when i.side = 'total' then i.value end) as total,
        max(case when i.side = 'total' then i.half_unit end) as total_half
    from averages as a
    join sentence_inputs as i on i.average_id = a.candidate_id
    where a.average_kind = 'per_person'
    group by a.candidate_id, a.document_id, a.source_file, a.report_year, a.metric, a.text, a.value, a.half_unit
    having count(case when i.side = 'persons' then 1 end) = 1
        and count(case when i.side = 'total' then 1 end) = 1
),

per_person_findings as (
    select
        'per_person|' || average_id as key_id,
        document_id, source_file, report_year as year, total_metric as metric,
        cast(null as varchar) as library_key,
        'The average per person is stated as ' || average_text || ', but ' || total_text || ' over '
            || persons_text || ' in the same sentence is ' || {{ format_g("total / persons", 4) }}
            || ' (from ' || {{ format_g("(total - total_half) / (persons + persons_half)", 4) }}
            || ' to ' || {{ format_g("(total + total_half) / (persons - persons_half)", 4) }}
            || ' by the rounding of the two): the three numbers do not fit.' as message,
        average_id, total_id, persons_id
    from per_person
    where persons > persons_half and total > average
        and ((total + total_half) / (persons - persons_half) < average - average_half
             or (total - total_half) / (persons + persons_half) > average + average_half)
),

year_figures as (
    select
        document_id, metric,
        max(p_hi) as year_high,
        {{ arg_max_of('figure_id', 'p_hi') }} as year_id,
        {{ arg_max_of('display_text', 'p_hi') }} as year_text,
        {{ arg_max_of('year', 'p_hi') }} as year,
        {{ arg_max_of('library_key', 'p_hi') }} as library_key
    from {{ dq_in_scope(ref('int_figure_ranges')) }}
    where kind = 'figure' and coalesce(is_trusted, true) and period = 'year'
    group by document_id, metric
),

per_day_findings as (
    select
        'per_day|' || a.candidate_id as key_id,
        a.document_id, a.source_file, y.year, a.metric, y.library_key,
        'A daily average of ' || a.text || ' (' || a.metric || ') over at least '
            || cast(cast(t.min_open_days as integer) as varchar)
            || ' opening days (seeds/dq_thresholds.csv) makes at least '
            || {{ number_text("a.value * t.min_open_days") }}
            || ' a year, but the largest full-year figure of the document for it is ' || y.year_text
            || ': the year cannot hold the days.' as message,
        a.candidate_id as average_id, y.year_id as total_id, cast(null as varchar) as persons_id
    from averages as a
    join year_figures as y on y.document_id = a.document_id and y.metric = a.metric
    cross join {{ ref('int_dq_thresholds') }} as t
    where a.average_kind = 'per_day'
        and a.value * t.min_open_days > y.year_high
),

averages_found as (
    select key_id, document_id, source_file, year, metric, library_key, message, average_id, total_id, persons_id
    from per_person_findings
    union all
    select key_id, document_id, source_file, year, metric, library_key, message, average_id, total_id, persons_id
    from per_day_findings
),

-- one row per linked number: the average (stated), the total (numerator), the persons (denominator)
findings as (
    select
        f.key_id, f.document_id, f.source_file, f.year, f.metric, f.library_key, f.message, r.role,
        case r.role when 'stated' then f.average_id when 'numerator' then f.total_id else f.persons_id end
            as figure_id
    from averages_found as f
    cross join (values ('stated'), ('numerator'), ('denominator')) as r (role)
    where case r.role when 'stated' then f.average_id when 'numerator' then f.total_id else f.persons_id end
        is not null
),

graded as (
    select *, 'warn' as severity
    from findings
)

{{ dq_finding_rows('ratio_mismatch', 'graded', "key_id", [('figure_id', none)], severity='severity') }}
