{{ config(materialized='view', tags=['dq_rule']) }}
{#-
  sum_mismatch, for parts told apart only by their segment: figures of one document,
  library, year, metric, scope and period whose segments belong to one partition of
  seeds/dq_partition_segments.csv (the main classes of 中图法: a book is in one class;
  minors and adults) cannot add up to more than the whole (segment all) of that key:
  哲学类1.48万 + 社会科学类70.63万 + 文学艺术类40.19万 + … = 131.79万 > 全年外借94.2万.
  At least two segments of the partition (a segment within another one stated for the key,
  seeds/dq_segment_within.csv: 文学类 in 文学艺术类, is not counted); a segment stated twice counts with its smallest
  statement, the whole with its largest, every figure with its rounding ([p_lo, p_hi]), so
  the sum is certainly above. Parts that sit in a list of the extractor (group_id) are
  the list's (int_dq_sum_mismatch) and are not read here. A sum below the whole says
  nothing (the list need not be complete). Severity error, graded by int_dq_graded.
-#}
with figures as (
    select * from {{ ref('int_figure_ranges') }}
    where kind = 'figure' and coalesce(is_trusted, true)
),

partitions as (
    select * from {{ ref('dq_partition_segments') }}
),

-- each segment of a partition once per key: its smallest statement
segment_parts as (
    select
        f.document_id, f.library_key, f.year, f.metric, f.scope, f.period, p.partition, f.segment,
        min(f.p_lo) as p_lo,
        min(f.value) as value,
        {{ any_value_ordered("f.figure_id", "f.value") }} as figure_id,
        {{ any_value_ordered("f.display_text", "f.value") }} as display_text,
        min(f.char_start) as char_start
    from figures as f
    join partitions as p on p.segment = f.segment
    where f.group_id is null
    group by f.document_id, f.library_key, f.year, f.metric, f.scope, f.period, p.partition, f.segment
),

-- a segment within another one stated for the same key (文学类 within 文学艺术类) is a part of
-- that part, not one more class
counted_parts as (
    select sp.*
    from segment_parts as sp
    where not exists (
        select 1
        from {{ ref('dq_segment_within') }} as w
        join segment_parts as o on o.segment = w.within
        where w.segment = sp.segment
            and o.document_id = sp.document_id and o.metric = sp.metric
            and {{ same_key('o', 'sp', ['library_key', 'year', 'scope', 'period']) }}
    )
),

sums as (
    select
        document_id, library_key, year, metric, scope, period, partition,
        count(*) as n_parts,
        sum(p_lo) as parts_lo,
        sum(value) as parts_value,
        string_agg(display_text, ' + ' order by char_start, figure_id) as parts_text,
        string_agg(figure_id, ',' order by figure_id) as part_ids
    from counted_parts
    group by document_id, library_key, year, metric, scope, period, partition
    having count(*) >= 2
),

-- the largest statement of the whole
wholes as (
    select
        s.*,
        w.figure_id as total_id, w.value as total_value, w.p_hi as total_hi, w.display_text as total_text,
        w.source_file, w.subject_text, w.is_plural,
        row_number() over (
            partition by s.document_id, s.library_key, s.year, s.metric, s.scope, s.period, s.partition
            order by w.p_hi desc, w.figure_id asc
        ) as pick
    from sums as s
    join figures as w
        on w.document_id = s.document_id
        and w.metric = s.metric
        and coalesce(w.segment, 'all') = 'all'
        and {{ same_key('s', 'w', ['library_key', 'year', 'scope', 'period']) }}
),

findings as (
    select
        w.total_id || '|' || w.part_ids as id_basis,
        w.document_id, w.source_file, w.library_key, w.year, w.metric, w.total_id, w.partition,
        {{ subject_in_year('w.subject_text', 'w.year', 'w.is_plural') }}
            || ' stated as ' || w.total_text || ', but its parts by ' || replace(w.partition, '_', ' ')
            || ' add up to ' || w.parts_text || ' = ' || {{ number_text('w.parts_value') }}
            || ', more by ' || {{ number_text('w.parts_value - w.total_value') }}
            || ' (each item or reader counts in one of them only).' as message
    from wholes as w
    where w.pick = 1 and w.parts_lo > w.total_hi + 1e-6 * greatest(abs(w.total_value), 1)
),

{% set part_of_finding -%}
    p.document_id = f.document_id and p.metric = f.metric and p.partition = f.partition
        and {{ same_key('p', 'f', ['library_key', 'year']) }}
        and strpos(',' || split_part(f.id_basis, '|', 2) || ',', ',' || p.figure_id || ',') > 0
{%- endset %}
linked as (
    {{ total_and_part_links('findings', 'counted_parts', part_of_finding) }}
)

{{ dq_finding_rows('sum_mismatch', 'linked', "'partition|' || id_basis", [('figure_id', none)]) }}
