{{ config(materialized='incremental', tags=['dq_rule']) }}{# by document: macros/dq_incremental.sql #}
{#-
  ratio_mismatch, for a share stated after a figure: "社会科学类70.63万册次,占77.2%",
  "語言文學類…543萬1,563冊，占總借閱冊數的40.49%". The words right after the figure's span,
  in its clause and with no other number between, are matched against the pattern of
  seeds/dq_share_words.csv (role percent_after): 占 … N%. A share written with a qualifier
  (占…约40%, 近, 超, 40%以上: seeds/dq_qualifier_words.csv) is no exact statement, and a share
  of another scope's total (占全省…的9.77%: the scope words of seeds/dq_doubt_words.csv) or of
  a whole named as another metric (占读者的…, 占馆藏的… after new additions: role whole_word)
  is no share of this whole: all are left alone. A part whose kind is a share of another
  metric's whole (book money of the budget: 买书钱5万元,比例占1.4% of 363万元; role whole_of) is
  compared with wholes of that metric. The whole is a trusted figure of the same document, library, year, metric
  and scope, segment all, larger than the part, of any period (a budget's plan and its book
  money's part of the year are both read: more wholes can only fit more shares); when the
  part has no such whole, a whole of the same document, year and metric given to another
  library or scope (the extractor attributed one of the two elsewhere:
  80后持证读者100.57万人,占持证读者总数的35.65% after 累计持证读者297万人). The finding is an
  error only between one library's (scope library) full-year figures of its own; otherwise a
  warn that says why. The share holds when SOME such whole
  gives part / whole within the rounding of the three numbers (the stated share to its
  decimals, the figures by their ranges [p_lo, p_hi]): a misread whole cannot make a
  finding. Otherwise one finding (severity error, graded by int_dq_graded) shows the
  whole nearest before the part in the text (the largest when none precedes).
-#}
with pattern as (
    select word as pattern from {{ ref('dq_share_words') }}
    where role = 'percent_after'
),

figures as (
    select * from {{ dq_in_scope(ref('int_figure_ranges')) }}
    where kind = 'figure' and coalesce(is_trusted, true) and value > 0
),

qualifiers as (
    select * from {{ ref('dq_qualifier_words') }}
),

-- the document texts in overlapping chunks (macros/document_chunks.sql): the 40 characters after
-- each figure are read in the chunk of its start, not with substr on the whole text (issue 11);
-- a figure's span, a number with its unit, is far shorter than the 64 characters allowed
chunks as (
    {{ rule_chunks() }}
),

after_texts as (
    select
        f.*,
        p.pattern,
        {{ chunk_substr('ch', 'f.char_end + 1', 40) }} as after_text
    from figures as f
    join {{ dq_in_scope(ref('stg_nianbao__documents')) }} as d
        on d.document_id = f.document_id and d.status = 'loaded'
    join chunks as ch on {{ chunk_join('ch', 'f.document_id', 'f.char_start') }}
    cross join pattern as p
    where f.char_end is not null and f.char_start is not null and f.char_end - f.char_start <= 64
),

stated as (
    select
        a.*,
        -- the metric of the share's whole: the part's own, or the one a part of its kind is a
        -- share of (book money 占…% is a share of the budget: seeds/dq_share_words.csv, role whole_of)
        coalesce((select min(o.metric) from {{ ref('dq_share_words') }} as o
                  where o.role = 'whole_of' and o.word = a.metric), a.metric) as whole_metric,
        {{ regexp_group("a.after_text", "a.pattern", 1) }} as between_words,
        {{ try_cast_double(regexp_group("a.after_text", "a.pattern", 2)) }} as share,
        {{ regexp_group("a.after_text", "a.pattern", 2) }} as share_text
    from after_texts as a
    where {{ regexp_test_seeded("a.after_text", "a.pattern", "dq_share_words", "word") }}
),

exact_shares as (
    select
        s.*,
        -- half a unit of the share's last decimal: 77.2 -> 0.05, 44 -> 0.5
        0.5 * power(10, -(case when strpos(s.share_text, '.') > 0
            then length(s.share_text) - strpos(s.share_text, '.') else 0 end)) as share_half_unit,
        substr(s.after_text, strpos(s.after_text, s.share_text) + length(s.share_text) + 1, 3) as after_share
    from stated as s
    where s.share > 0 and s.share < 100
        -- a share of a whole named as another metric (占馆藏的3% after new additions, 占读者的35%
        -- after loans: seeds/dq_share_words.csv, role whole_word) is no share of this whole
        and not exists (
            select 1 from {{ ref('dq_share_words') }} as w
            where w.role = 'whole_word' and strpos(s.between_words, w.word) > 0
                and w.metric <> s.whole_metric
        )
        -- a share of another scope's total (占全省纸质文献总藏量的9.77%) is no share of this whole
        and not exists (
            select 1 from {{ ref('dq_doubt_words') }} as w
            where w.kind = 'scope' and {{ regexp_test("s.between_words", "w.pattern") }}
        )
        and not exists (
            select 1 from qualifiers as q
            where (q.position = 'before' and strpos(s.between_words, q.word) > 0)
                or (q.position = 'after'
                    and strpos(substr(s.after_text, strpos(s.after_text, s.share_text) + length(s.share_text) + 1, 3),
                               q.word) = 1)
        )
),

pairs as (
    select
        s.figure_id as part_id, s.document_id, s.source_file, s.library_key, s.year, s.metric,
        s.subject_text, s.display_text as part_text, s.value as part_value, s.share, s.share_text,
        s.share_half_unit, s.char_start,
        w.figure_id as whole_id, w.value as whole_value, w.display_text as whole_text,
        w.char_start as whole_start,
        s.period, s.scope, w.period as whole_period, w.scope as whole_scope,
        ({{ same_key('w', 's', ['library_key', 'scope']) }}) as same_owner,
        100 * s.p_lo / w.p_hi <= s.share + s.share_half_unit + 1e-9
        and 100 * s.p_hi / greatest(w.p_lo, 1e-9) >= s.share - s.share_half_unit - 1e-9 as fits
    from exact_shares as s
    join figures as w
        on w.document_id = s.document_id
        and w.metric = s.whole_metric
        and w.figure_id <> s.figure_id
        and coalesce(w.segment, 'all') = 'all'
        and w.value > s.value
        and w.year is not distinct from s.year
),

-- the wholes of the part's own library and scope; only when it has none, the document's
-- other wholes of its metric and year (the extractor gave the part or the whole to
-- another library: a warn)
owned as (
    select
        *,
        bool_or(same_owner) over (partition by part_id) as has_own_whole
    from pairs
),

judged as (
    select
        *,
        bool_or(fits) over (partition by part_id) as any_fits,
        row_number() over (
            partition by part_id
            order by (whole_period is not distinct from period) desc, (whole_start < char_start) desc,
                abs(char_start - whole_start), whole_id
        ) as pick
    from owned
    where same_owner or not has_own_whole
),

findings as (
    select
        document_id, source_file, library_key, year, metric, part_id, whole_id,
        subject_text || ' in ' || coalesce(cast(year as varchar), 'an unknown year') || ': '
            || part_text || ' is said to be ' || share_text || '% of the whole, but '
            || part_text || ' / ' || whole_text || ' = '
            || {{ format_g("100 * part_value / whole_value", 4) }} || '%, outside what the rounding of '
            || share_text || '% (± ' || {{ format_g("share_half_unit") }} || ') and of the two figures allows.'
            || case
                when not same_owner then ' A warn, not an error: the extractor gave the whole '
                    || whole_text || ' to another library or scope than the part.'
                when coalesce(period, '') <> 'year' or coalesce(whole_period, '') <> 'year'
                    then ' A warn, not an error: the figures are not both full-year figures (period '
                    || coalesce(period, 'unknown') || ' and ' || coalesce(whole_period, 'unknown') || ').'
                when coalesce(scope, '') <> 'library' or coalesce(whole_scope, '') <> 'library'
                    then ' A warn, not an error: the figures are not one library''s (scope '
                    || coalesce(scope, 'unknown') || ').'
                else ''
            end as message,
        case
            when same_owner and period = 'year' and whole_period = 'year'
                and scope = 'library' and whole_scope = 'library' then 'error'
            else 'warn'
        end as severity
    from judged
    where not any_fits and pick = 1
)

{{ dq_finding_rows('ratio_mismatch', 'findings', "'percent|' || part_id",
                   [('part_id', 'numerator'), ('whole_id', 'denominator')], severity='severity') }}
