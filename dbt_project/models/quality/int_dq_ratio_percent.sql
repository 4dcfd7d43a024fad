{{ config(materialized='view', tags=['dq_rule']) }}
{#-
  ratio_mismatch, for a share stated after a figure: "社会科学类70.63万册次,占77.2%",
  "語言文學類…543萬1,563冊，占總借閱冊數的40.49%". The words right after the figure's span,
  in its clause and with no other number between, are matched against the pattern of
  seeds/dq_share_words.csv (role percent_after): 占 … N%. A share written with a qualifier
  (占…约40%, 近, 超, 40%以上: seeds/dq_qualifier_words.csv) is no exact statement, and a share
  of another scope's total (占全省…的9.77%: the scope words of seeds/dq_doubt_words.csv) or of
  a whole named as another metric (占读者的…, 占馆藏的… after new additions: role whole_word)
  is no share of this whole: all are left alone. The whole is a trusted figure of the same document, library, year, metric, scope
  and period, segment all, larger than the part. The share holds when SOME such whole
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
    select * from {{ ref('int_figure_ranges') }}
    where kind = 'figure' and coalesce(is_trusted, true) and value > 0
),

qualifiers as (
    select * from {{ ref('dq_qualifier_words') }}
),

after_texts as (
    select
        f.*,
        p.pattern,
        substr(d.text, f.char_end + 1, 40) as after_text
    from figures as f
    join {{ ref('stg_nianbao__documents') }} as d
        on d.document_id = f.document_id and d.status = 'loaded'
    cross join pattern as p
    where f.char_end is not null
),

stated as (
    select
        a.*,
        {{ regexp_group("a.after_text", "a.pattern", 1) }} as between_words,
        {{ try_cast_double(regexp_group("a.after_text", "a.pattern", 2)) }} as share,
        {{ regexp_group("a.after_text", "a.pattern", 2) }} as share_text
    from after_texts as a
    where {{ regexp_test("a.after_text", "a.pattern") }}
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
                and w.metric <> s.metric
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
        s.char_start,
        w.figure_id as whole_id, w.value as whole_value, w.display_text as whole_text,
        w.char_start as whole_start,
        100 * s.p_lo / w.p_hi <= s.share + s.share_half_unit + 1e-9
        and 100 * s.p_hi / greatest(w.p_lo, 1e-9) >= s.share - s.share_half_unit - 1e-9 as fits
    from exact_shares as s
    join figures as w
        on w.document_id = s.document_id
        and w.metric = s.metric
        and w.figure_id <> s.figure_id
        and coalesce(w.segment, 'all') = 'all'
        and w.value > s.value
        and {{ same_key('w', 's', ['library_key', 'year', 'scope', 'period']) }}
),

judged as (
    select
        *,
        bool_or(fits) over (partition by part_id) as any_fits,
        row_number() over (
            partition by part_id
            order by (whole_start < char_start) desc, abs(char_start - whole_start), whole_id
        ) as pick
    from pairs
),

findings as (
    select
        document_id, source_file, library_key, year, metric, part_id, whole_id,
        subject_text || ' in ' || coalesce(cast(year as varchar), 'an unknown year') || ': '
            || part_text || ' is said to be ' || share_text || '% of the whole, but '
            || part_text || ' / ' || whole_text || ' = '
            || {{ format_g("100 * part_value / whole_value", 4) }} || '%.' as message
    from judged
    where not any_fits and pick = 1
)

{{ dq_finding_rows('ratio_mismatch', 'findings', "'percent|' || part_id",
                   [('part_id', 'numerator'), ('whole_id', 'denominator')]) }}
