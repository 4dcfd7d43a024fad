{{ config(materialized='incremental', tags=['dq_rule']) }}{# by document: macros/dq_incremental.sql #}
{#-
  sum_mismatch: the parts of one list (figures sharing a group_id) against its total.
  * A group with a 'total' member: its 'part' members against that total.
  * A spending list with no total in it (parts spending.*, none spending.total): against
    the spending.total (segment all) of the same document, library, year, scope and
    period, the one nearest in the text when several are stated.
  Every figure is taken with its rounding interval [p_lo, p_hi] (int_figure_ranges:
  exact figures +- half a unit of their stated precision, at_least/approx/range by
  their qualifier), so a sum "holds" when the intervals can meet.
    sum of parts certainly above the total            -> error
    sum certainly below the total, list complete      -> warn
    sum below the total of an incomplete list (等/其他, group_complete false or null)
                                                       -> nothing (the rest is unitemised)
  Which whole a list of parts belongs to can be ambiguous: "活动303场,线下120场次、线上183场次,
  其中培训班92场、讲座68场、展览28场" - the 其中 parts may be those of 183, of 120 or of 303.
  Another figure of the same document, metric, library and year stated in the total's sentence
  (int_figure_sentences) before the parts is another whole they may belong to: when the parts
  fit under it, an excess over the nearest total is no finding. And a complete list short of its
  total by an amount stated as another figure of the same key in that sentence (the 183 of
  303 = 120 + 183) is not short: the rest is stated there.
-#}
with figures as (
    select * from {{ dq_in_scope(ref('int_figure_ranges')) }} as f
    where kind = 'figure' and coalesce(is_trusted, true)
),

parts as (
    select * from figures
    where group_id is not null and group_role = 'part'
),

groups as (
    select
        document_id,
        group_id,
        {{ any_value_ordered("library_key", "figure_id") }} as library_key,
        {{ mode_smallest("year") }} as year,
        {{ mode_smallest("scope") }} as scope,
        {{ mode_smallest("period") }} as period,
        min(char_start) as char_start,
        count(*) as n_parts,
        coalesce(bool_and(group_complete), false) as is_complete,
        bool_and(metric like 'spending.%' and metric <> 'spending.total') as all_spending_items
    from parts
    group by document_id, group_id
),

-- the total stated inside the group
group_totals as (
    select g.document_id, g.group_id, t.figure_id as total_id
    from groups as g
    join figures as t
        on t.document_id = g.document_id
        and t.group_id = g.group_id
        and t.group_role = 'total'
),

-- a spending list with no total: the nearest spending.total of the same key
spending_totals_ranked as (
    select
        g.document_id,
        g.group_id,
        t.figure_id as total_id,
        row_number() over (
            partition by g.document_id, g.group_id
            order by abs(t.char_start - g.char_start), t.figure_id
        ) as total_rank
    from groups as g
    join figures as t
        on t.document_id = g.document_id
        and {{ same_key('g', 't', ['library_key', 'year', 'scope', 'period']) }}
        and t.metric = 'spending.total'
        and coalesce(t.segment, 'all') = 'all'
        and t.group_id is distinct from g.group_id
    where g.all_spending_items
        and g.n_parts >= 2
        and not exists (
            select 1 from group_totals as gt
            where gt.document_id = g.document_id and gt.group_id = g.group_id
        )
),

spending_totals as (
    select document_id, group_id, total_id from spending_totals_ranked
    where total_rank = 1
),

comparisons as (
    select * from group_totals
    union all
    select * from spending_totals
),

sums as (
    select
        c.document_id,
        c.group_id,
        c.total_id,
        sum(p.value) as parts_value,
        sum(p.p_lo) as parts_lo,
        sum(p.p_hi) as parts_hi,
        string_agg(p.value_text, ' + ' order by p.char_start, p.figure_id) as parts_text,
        c.total_id || '|' || string_agg(p.figure_id, ',' order by p.figure_id) as id_basis
    from comparisons as c
    join parts as p
        on p.document_id = c.document_id
        and p.group_id = c.group_id
    group by c.document_id, c.group_id, c.total_id
),

judged as (
    select
        s.*,
        t.value as total_value,
        t.p_lo as total_lo,
        t.p_hi as total_hi,
        t.display_text as total_text,
        t.source_file,
        t.library_key,
        t.year,
        t.metric,
        t.metric_label,
        t.metric like 'spending.%' as is_spending,
        g.is_complete,
        case
            when s.parts_lo > t.p_hi + 1e-6 * greatest(abs(t.value), 1) then 'error'
            when g.is_complete and s.parts_hi < t.p_lo - 1e-6 * greatest(abs(t.value), 1) then 'warn'
        end as severity
    from sums as s
    join figures as t on t.figure_id = s.total_id
    join groups as g on g.document_id = s.document_id and g.group_id = s.group_id
),

sentences as (
    select * from {{ dq_in_scope(ref('int_figure_sentences')) }} as fs
),

-- the other figures of the same document, metric, library and year stated in the total's sentence
-- (neither the total nor a part of its list): other wholes the parts may belong to, or the rest
-- of a complete list stated apart
sentence_figures as (
    select j.id_basis, o.char_start, o.p_lo, o.p_hi
    from judged as j
    join sentences as st on st.figure_id = j.total_id
    join figures as o
        on o.document_id = j.document_id
        and o.metric = j.metric
        and o.figure_id <> j.total_id
        and {{ same_key('o', 'j', ['library_key', 'year']) }}
        and not (o.group_id is not distinct from j.group_id and o.group_role = 'part')
    join sentences as so on so.figure_id = o.figure_id and so.sentence_no = st.sentence_no
    where j.severity is not null
),

explained as (
    select distinct j.id_basis
    from judged as j
    join sentence_figures as o on o.id_basis = j.id_basis
    join groups as g on g.document_id = j.document_id and g.group_id = j.group_id
    where
        -- an excess: another whole before the parts can hold them
        (j.severity = 'error' and o.char_start < g.char_start
            and j.parts_lo <= o.p_hi + 1e-6 * greatest(abs(o.p_hi), 1))
        -- a shortfall: the rest is stated as that figure
        or (j.severity = 'warn' and j.total_lo - j.parts_hi <= o.p_hi + 1e-6 * greatest(abs(o.p_hi), 1)
            and j.total_hi - j.parts_lo >= o.p_lo - 1e-6 * greatest(abs(o.p_lo), 1))
),

findings as (
    select
        id_basis,
        severity,
        document_id,
        source_file,
        library_key,
        year,
        metric,
        'The items listed for ' || lower(substr(metric_label, 1, 1)) || substr(metric_label, 2)
            || ' (' || metric || ') in '
            || coalesce(cast(year as varchar), 'an unknown year') || ' add up to ' || parts_text || ' = '
            || {{ amount_text("parts_value", 'is_spending') }} || ', '
            || case when severity = 'error'
                    then 'more than the stated total of ' || total_text || ' by '
                         || {{ amount_text("(parts_value - total_value)", 'is_spending') }} || '.'
                    else 'less than the stated total of ' || total_text
                         || ' although the list claims to be complete; '
                         || {{ amount_text("(total_value - parts_value)", 'is_spending') }} || ' is not accounted for.'
               end as message,
        document_id as _document_id,
        group_id,
        total_id
    from judged
    where severity is not null
        and id_basis not in (select e.id_basis from explained as e)
),

-- the total, then each part of its list
linked as (
    {{ total_and_part_links('findings', 'parts', 'p.document_id = f.document_id and p.group_id = f.group_id') }}
)

{{ dq_finding_rows('sum_mismatch', 'linked', 'id_basis', [('figure_id', none)], severity='severity') }}
