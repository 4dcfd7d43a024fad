{{ config(materialized='view', tags=['dq_rule']) }}
{#-
  conflict (error; warn when every smaller figure may be a part, see maybe_part): trusted figures that agree on document, library, year, metric, scope,
  segment and period but whose qualifier ranges (int_figure_ranges) do not overlap, in
  two different sentences, where rounding cannot explain the difference (pairs that
  rounding explains are rounded_restatement; see int_figure_pairs).
  A key whose largest plain value is the sum of its other values is a whole with its
  parts, not a conflict.
  One finding per such key; every figure of the key is linked as a candidate
  (the compatible ones too: the reader needs all statements to decide). The message lists the
  statements and says why its widest such pair cannot both hold: their difference, and that
  rounding at the stated precision or the ranges of their qualifiers cannot explain it.
  Parts never meet their whole here: a different segment is a different key.
  A key stated with more than dq_thresholds.max_conflict_values distinct values (a table of
  towns' budgets, five branches' holdings given to one library) is several subjects' figures,
  not one figure stated twice: no finding.
-#}
with figures as (
    select * from {{ ref('int_figure_ranges') }}
    where kind = 'figure' and coalesce(is_trusted, true)
),

keyed as (
    select
        *,
        md5(concat_ws('|', document_id, coalesce(library_key, ''), coalesce(cast(year as varchar), ''),
                      metric, coalesce(scope, ''), coalesce(segment, ''), coalesce(period, ''))) as conflict_key
    from figures
),

-- pairs of one document whose ranges do not overlap, stated in different sentences,
-- and that rounding cannot explain (int_figure_pairs)
disjoint_pairs as (
    select a.conflict_key, p.a_id, p.b_id
    from {{ ref('int_figure_pairs') }} as p
    join keyed as a on a.figure_id = p.a_id
    where p.same_document and p.is_disjoint and not p.same_sentence and not p.is_rounding
),

-- a whole stated with its parts under one key (总藏量4912.44万, 纸质2661.60万, 电子2250.84万):
-- the largest plain value equals the sum of the other distinct values (two or more) within
-- their rounding. Parts are never a conflict with their whole.
distinct_values as (
    select
        conflict_key, value, max(rounding_unit) as rounding_unit,
        bool_and(coalesce(qualifier, 'exact') = 'exact') as is_exact
    from keyed
    group by conflict_key, value
),

whole_of_parts_keys as (
    select w.conflict_key
    from distinct_values as w
    join distinct_values as p on p.conflict_key = w.conflict_key and p.value < w.value
    group by w.conflict_key, w.value, w.rounding_unit, w.is_exact
    having count(*) >= 2
        and w.is_exact and bool_and(p.is_exact)
        and w.value = (
            select max(m.value) from distinct_values as m
            where m.conflict_key = w.conflict_key
        )
        and abs(sum(p.value) - w.value)
        <= (coalesce(w.rounding_unit, 0) + sum(coalesce(p.rounding_unit, 0))) / 2 + 1e-6 * w.value
),

-- a figure that may be a part of a larger one of its metric: its sentence names a part
-- (其中, 新购: seeds/dq_part_words.csv) or lists another value of the same metric (parts whose
-- segments were not told apart: 汉文图书…册，外文图书…册). quality.md: when in doubt, warn.
part_words as (
    select word from {{ ref('dq_part_words') }}
),

maybe_part as (
    select f.figure_id
    from figures as f
    where exists (select 1 from part_words as w
    where strpos(f.evidence, w.word) > 0)
        or exists (
            select 1 from figures as o
            where o.document_id = f.document_id and o.sentence_no = f.sentence_no
                and o.metric = f.metric and o.figure_id <> f.figure_id and o.value <> f.value
        )
),

-- a key is an error when one of its disjoint pairs has a smaller figure that is no possible part
conflicting_keys as (
    select
        d.conflict_key,
        bool_or(m.figure_id is null) as is_certain
    from disjoint_pairs as d
    join keyed as a on a.figure_id = d.a_id
    join keyed as b on b.figure_id = d.b_id
    left join maybe_part as m on m.figure_id = case when a.value <= b.value then a.figure_id else b.figure_id end
    where d.conflict_key not in (select conflict_key from whole_of_parts_keys)
        and d.conflict_key not in (
            select v.conflict_key
            from distinct_values as v
            cross join {{ ref('int_dq_thresholds') }} as t
            group by v.conflict_key, t.max_conflict_values
            having count(*) > coalesce(t.max_conflict_values, count(*))
        )
    group by d.conflict_key
),

candidates as (
    select keyed.*
    from keyed
    join conflicting_keys using (conflict_key)
),

-- why the key is a contradiction: its widest disjoint pair that rounding cannot explain
-- (macros/dq_pair_reason.sql), "22454 and 2988 differ by 19466 (86.7 % of the larger), and both
-- are exact numbers: no rounding explains the difference"
reasons as (
    select
        d.conflict_key,
        {{ pair_reason('big', 'small') }} as reason,
        row_number() over (
            partition by d.conflict_key
            order by abs(big.value - small.value) desc, big.figure_id asc, small.figure_id asc
        ) as rn
    from disjoint_pairs as d
    join keyed as a on a.figure_id = d.a_id
    join keyed as b on b.figure_id = d.b_id
    join keyed as big on big.figure_id = case when a.value >= b.value then a.figure_id else b.figure_id end
    join keyed as small on small.figure_id = case when a.value >= b.value then b.figure_id else a.figure_id end
    where d.conflict_key in (select k.conflict_key from conflicting_keys as k)
),

-- the distinct statements of a key, largest first: "22454, 10119, 3274 and 2988"
listed as (
    {{ value_list('candidates', ['conflict_key'], mention_repeats=true) }}
),

findings as (
    select
        c.conflict_key,
        case when bool_or(k.is_certain) then 'error' else 'warn' end as severity,
        {{ first_values('c', ['document_id', 'library_key', 'year', 'metric'], 'c.figure_id') }},
        min(c.source_file) as source_file,
        {{ subject_in_year(any_value_ordered("c.subject_text", "c.figure_id"),
                           any_value_ordered("c.year", "c.figure_id"),
                           any_value_ordered("c.is_plural", "c.figure_id")) }}
            || ' stated as ' || {{ any_value_ordered("l.value_list") }} || ' in different sentences: '
            || {{ any_value_ordered("r.reason") }}
            || '; one figure of one library, year and key cannot be both.' as message,
        string_agg(c.figure_id, ',' order by c.figure_id) as id_basis
    from candidates as c
    join listed as l using (conflict_key)
    join conflicting_keys as k using (conflict_key)
    join reasons as r on r.conflict_key = c.conflict_key and r.rn = 1
    group by c.conflict_key
),

linked as (
    select f.*, c.figure_id
    from findings as f
    join candidates as c using (conflict_key)
)

{{ dq_finding_rows('conflict', 'linked', 'id_basis', [('figure_id', 'candidate')], severity='severity') }}
