{{ config(materialized='incremental', tags=['dq_rule']) }}{# by document: macros/dq_incremental.sql #}
{#-
  implausible, titles and volumes: a count of titles written right before a count of
  volumes of the same thing (新增馆藏46576种,29043册; units in seeds/dq_title_units.csv)
  cannot be larger: every title is at least one volume. Both numbers are read from the
  extractor's candidates (every number it saw with its unit, figure or not, since a
  count of titles is no metric): a titles number whose span ends where the volumes
  number begins, with only the titles unit and one separator (, ， 、) between. One finding
  per pair, linking both numbers (role subject: the volumes number as the figure it
  became, with its metric, library and year, when it became one). A warn, as every implausible finding.
-#}
with units as (
    select * from {{ ref('dq_title_units') }}
),

-- only the numbers written with a titles or a volumes unit, without the document's text: every
-- number of every document with its text (a CTE read twice, so materialised) took minutes and
-- gigabytes at 2,000 reports
numbers as (
    select c.candidate_id, c.document_id, c.value, c.text, c.char_start, c.char_end, u.role
    from {{ dq_in_scope(ref('stg_nianbao__candidates')) }} as c
    join units as u on u.unit = c.unit
    where c.char_start is not null and c.char_end is not null and c.value is not null
),

adjacent as (
    select
        t.candidate_id as titles_id, v.candidate_id as volumes_id, t.document_id,
        t.value as titles, v.value as volumes,
        t.text as titles_text, v.text as volumes_text,
        t.char_end as titles_end,
        v.char_start as volumes_start,
        v.char_end as volumes_end
    from numbers as t
    join numbers as v
        on v.document_id = t.document_id
        and v.char_start > t.char_end
        and v.char_start - t.char_end <= 3
    where t.role = 'titles' and v.role = 'volumes'
),

pairs as (
    select
        a.*, d.source_file, d.report_year,
        substr(d.text, a.titles_end + 1, a.volumes_start - a.titles_end) as between_text,
        -- the words between, read in the simplified copy (same offsets)
        substr({{ simplified_text('d') }}, a.titles_end + 1, a.volumes_start - a.titles_end) as between_words
    from adjacent as a
    join {{ dq_in_scope(ref('stg_nianbao__documents')) }} as d
        on d.document_id = a.document_id and d.status = 'loaded'
),

findings as (
    select
        p.*,
        f.library_key,
        coalesce(f.year, p.report_year) as year,
        f.metric,
        -- the volumes number as the figure it became, when it became one
        coalesce(f.figure_id, p.volumes_id) as volumes_link,
        '"' || p.titles_text || p.between_text || p.volumes_text
            || '" states more titles (' || {{ number_text('p.titles') }}
            || ') than volumes (' || {{ number_text('p.volumes') }}
            || '): every title is at least one volume, so one of the two numbers is wrong.' as message
    from pairs as p
    left join {{ dq_in_scope(ref('int_figure_ranges')) }} as f
        on f.document_id = p.document_id and f.kind = 'figure'
        and f.char_start = p.volumes_start and f.char_end = p.volumes_end
    where {{ regexp_test("p.between_words", "'^种[,，、]?$'") }}
        and p.titles > p.volumes
)

{{ dq_finding_rows('implausible', 'findings', "'titles|' || titles_id || '|' || volumes_id",
                   [('titles_id', 'subject'), ('volumes_link', 'subject')]) }}
