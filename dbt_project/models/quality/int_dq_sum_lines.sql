{{ config(materialized='incremental', tags=['dq_rule']) }}{# by document: macros/dq_incremental.sql #}
{#-
  sum_mismatch (warn), for a table written one cell a line (a transcribed statistics table):
  a line that is a label and one number with its unit (內地人 39,134人), and a total line whose
  label is a table-total word (計 67,281人: seeds/dq_count_words.csv, role table_total). The
  parts of a total are the label-and-number lines right above it (no other line between, back
  to a heading, a blank line or the previous total), at least two, all in the total's unit;
  the numbers are the extractor's candidates (figures or not: such cells rarely name a metric).
  Whole numbers only (a cell with decimals is an average, not a part). A finding when the
  parts do not add up to the total: more (the total is short) or less (the 計 claims the list
  is complete). A warn: the cells were not read as figures, so the table's layout is all
  that says they are parts of that total.
-#}
{% set newline = "chr(10)" %}
{#- the text of the number's chunk from the chunk's step (chunk_no × chunk_step) to the number -#}
{% set step_start = 'cells.chunk_no * ' ~ chunk_step() %}
{% set before_in_step = chunk_substr('cells', step_start ~ ' + 1', 'cells.char_start - ' ~ step_start) %}
{#- the 64 characters before the number -#}
{% set line_before = chunk_substr('cells', 'greatest(cells.char_start - 63, 1)', 'least(cells.char_start, 64)') %}
-- the document texts in overlapping chunks (macros/document_chunks.sql): a number's line is read
-- in the chunk of its start, not with substr on the whole text (issue 11: 43 s at 2,000 reports)
with chunks as (
    {{ rule_chunks() }}
),

cells as (
    -- a number with nothing but blanks after it on its line (read 40 characters on), and a line
    -- break in the 64 characters after it or the text's end
    select
        c.candidate_id, c.document_id, c.char_start, c.char_end, d.source_file, d.report_year,
        c.text as cell_text, c.value, c.unit, ch.chunk_no, ch.first_char, ch.chunk_text, ch.lines_before
    from {{ dq_in_scope(ref('stg_nianbao__candidates')) }} as c
    join {{ dq_in_scope(ref('stg_nianbao__documents')) }} as d
        on d.document_id = c.document_id and d.status = 'loaded'
    join chunks as ch on {{ chunk_join('ch', 'c.document_id', 'c.char_start') }}
    where c.char_start is not null and c.char_end is not null and c.value is not null
        and c.unit is not null and c.value = floor(c.value)
        and trim(split_part({{ chunk_substr('ch', 'c.char_end + 1', 40) }}, {{ newline }}, 1)) = ''
        and (strpos({{ chunk_substr('ch', 'c.char_end + 1', 64) }}, {{ newline }}) > 0
             or c.char_end >= ch.first_char + length(ch.chunk_text))
),

lined as (
    -- its line: the number of line breaks before it (those before its chunk's step, and those of
    -- the chunk before it), and its label (the line before it, reversed; 64 characters at most)
    select
        cells.candidate_id, cells.document_id, cells.source_file, cells.report_year, cells.cell_text,
        cells.value, cells.unit, cells.char_start,
        cells.lines_before
        + length({{ before_in_step }}) - length(replace({{ before_in_step }}, {{ newline }}, '')) as line_no,
        trim(split_part(reverse({{ line_before }}), {{ newline }}, 1)) as label_reversed
    from cells
),

total_words as (
    select distinct word from {{ ref('dq_count_words') }}
    where role = 'table_total'
),

table_cells as (
    select
        c.*,
        reverse(c.label_reversed) as label,
        w.word is not null as is_total
    from lined as c
    left join total_words as w on w.word = reverse(c.label_reversed)
    where length(c.label_reversed) between 1 and 12
        and not {{ regexp_test("c.label_reversed", "'[0-9]'") }}
),

-- runs of consecutive table lines (gaps and islands over the line numbers)
islands as (
    select
        *,
        line_no - row_number() over (partition by document_id order by line_no, candidate_id) as island
    from table_cells
),

parts as (
    select
        t.candidate_id as total_id, t.document_id, t.source_file, t.report_year, t.label as total_label,
        t.char_start as total_start,
        t.cell_text as total_text, t.value as total, t.unit as total_unit,
        p.candidate_id as part_id, p.cell_text as part_text, p.value, p.unit, p.line_no
    from islands as t
    join islands as p
        on p.document_id = t.document_id and p.island = t.island
        and p.line_no < t.line_no and not p.is_total
        and not exists (
            select 1 from islands as o
            where o.document_id = t.document_id and o.island = t.island and o.is_total
                and o.line_no > p.line_no and o.line_no < t.line_no
        )
    where t.is_total
),

sums as (
    select
        total_id, document_id, source_file, report_year, total_label, total_start, total_text, total,
        sum(value) as parts_sum,
        string_agg(part_text, ' + ' order by line_no) as parts_text
    from parts
    group by total_id, document_id, source_file, report_year, total_label, total_start, total_text, total
    having count(*) >= 2 and count(case when unit <> total_unit then 1 end) = 0
),

findings as (
    select
        s.total_id as key_id, s.document_id, s.source_file, s.report_year as year,
        cast(null as varchar) as library_key, cast(null as varchar) as metric,
        'The table lines ' || s.parts_text || ' add up to ' || {{ number_text("s.parts_sum") }}
            || ', but their total line says '
            -- the label as the original text writes it (it was read in the simplified copy)
            || coalesce((
                select min(reverse(trim(split_part(
                    reverse(substr(d.text, greatest(s.total_start - 63, 1), least(s.total_start, 64))),
                    {{ newline }}, 1
                ))))
                from {{ ref('stg_nianbao__documents') }} as d
                where d.document_id = s.document_id and d.text is not null
            ), s.total_label) || ' ' || s.total_text || ' ('
            || case when s.parts_sum > s.total then 'short by ' else 'more by ' end
            || {{ number_text("abs(s.parts_sum - s.total)") }}
            || '). A warn: the cells were not read as figures; the table''s lines tie them to the total.'
            as message,
        s.total_id as figure_id, 'total' as role
    from sums as s
    where s.parts_sum <> s.total
),

linked as (
    select * from findings
    union all
    select
        f.key_id, f.document_id, f.source_file, f.year, f.library_key, f.metric, f.message,
        p.part_id as figure_id, 'part' as role
    from findings as f
    join parts as p on p.total_id = f.key_id
),

graded as (
    select *, 'warn' as severity
    from linked
)

{{ dq_finding_rows('sum_mismatch', 'graded', "'lines|' || key_id", [('figure_id', none)], severity='severity') }}
