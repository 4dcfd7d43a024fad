{{ config(materialized='incremental', pre_hook="{{ dq_delete_cross_document() }}") }}
{#-
  Read by both dq marts; incremental like int_dq_all (macros/dq_incremental.sql): a build
  after the first grades again the findings of the documents in scope and those of the rules
  that are not incremental (a finding of an incremental rule rests on figures of its own
  document only, so no other document's change regrades it).
  The findings of every rule (int_dq_all) with their final severity: an `error` stays an
  error only when every figure it rests on is soundly attributed; otherwise it is a `warn`
  (quality.md: "An error is a contradiction that a librarian reading both sentences would
  agree cannot all be true. When in doubt, warn."). On unseen real reports almost every
  false error came from an extractor attribution error (a part read as the whole, a region
  total given to a library, a per-capita ratio read as a count), which a rule at severity
  error turns into a false alarm. A linked figure casts doubt when
  * its extractor confidence is below dq_thresholds.min_error_confidence (a part of a sum
    needs only min_confidence, which every compared figure has: list items rarely name
    their metric);
  * its context carries a word of doubt for its role (int_dq_figure_doubts,
    seeds/dq_doubt_words.csv: 其中, 人均, 累计, 全省…);
  * it is a conflict candidate that is not one named library's (scope library) full-year
    figure: a region's, a system's or an unknown library's figure, or a partial period, or
    its sentence names a year (2001年) and not its own;
  * the candidates of a conflict are written in different units (人 and 人次, 册 and 件);
  * a conflict candidate's evidence names a province or prefecture not followed by a library
    word (去年四川2600万读者…): a region's figure attributed to a library;
  * its number is glued to another number or to a scale its value left out: a digit right
    before or after its span, or 万/亿/千 right after it (a statistical form written without
    spaces, 图书1713万册: the form's code 17 and the value 13万册; 总藏量…14.5万册 read as 14.5).
    However the extractor split such a run of digits, its reading is a guess (batch 11's first
    read: three false errors on one form, at full confidence).
  Linked ids that are not figures (a number the extractor kept as a candidate, a date
  span) cast no doubt. The message of a downgraded finding says why, after the rule's own.
-#}
with findings as (
    select * from {{ dq_findings_in_scope(ref('int_dq_all')) }} as a
),

figures as (
    select * from {{ ref('int_figure_ranges') }}
),

thresholds as (
    select * from {{ ref('int_dq_thresholds') }}
),

doubts as (
    select * from {{ ref('int_dq_figure_doubts') }}
),

doubts_words as (
    select pattern from {{ ref('dq_doubt_words') }}
    where kind = 'room'
),

-- provinces and prefectures by their short names (四川省 -> 四川), 2 characters or more
region_names as (
    select distinct
        regexp_replace(region_name, '(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|地区|自治州|盟)$', '') as short_name
    from {{ ref('stg_nianbao__regions') }}
    where level in ('province', 'prefecture')
),

-- a candidate whose evidence names a province or prefecture not followed by a library word
-- (去年四川2600万读者走进图书馆, not 四川省图书馆…): the region's figure, whatever the extractor
-- attributed it to
regional as (
    select fi.finding_id, fi.figure_id, min(r.short_name) as region
    from findings as fi
    join figures as f on f.figure_id = fi.figure_id
    join region_names as r
        on length(r.short_name) >= 2 and strpos(f.evidence, r.short_name) > 0
        and strpos(substr(f.evidence, strpos(f.evidence, r.short_name) + length(r.short_name), 5), '馆') = 0
    where fi.severity = 'error' and fi.role = 'candidate'
    group by fi.finding_id, fi.figure_id
),

-- a conflict candidate whose sentence names a room or department before it (…阅览室,全年接待读者8 359人次:
-- seeds/dq_doubt_words.csv, kind room): the room's figure, a part of the library's
rooms as (
    select fi.finding_id, fi.figure_id, min(w.pattern) as room
    from findings as fi
    join figures as f on f.figure_id = fi.figure_id
    join {{ ref('stg_nianbao__documents') }} as d on d.document_id = f.document_id
    join doubts_words as w
        on strpos(
            {{ regexp_group("substr(" ~ simplified_text('d')
                            ~ ", greatest(f.char_start - 80, 0) + 1, least(f.char_start, 80))",
                            "'([^。！？!?\n]*)$'", 1) }},
            w.pattern
        ) > 0
    where fi.severity = 'error' and fi.role = 'candidate' and f.char_start > 0
    group by fi.finding_id, fi.figure_id
),

-- a linked figure whose number is glued to another number, or to a scale left out of its value
glued as (
    select fi.finding_id, min(f.value_text) as value_text
    from findings as fi
    join figures as f on f.figure_id = fi.figure_id
    join {{ ref('stg_nianbao__documents') }} as d on d.document_id = f.document_id and d.status = 'loaded'
    where fi.severity = 'error' and f.char_start > 0 and f.char_end is not null
        -- a digit before a span that starts with a digit, or a digit or scale after one ending in a digit
        and (({{ regexp_test("substr(" ~ simplified_text('d') ~ ", f.char_start, 2)", "'^[0-9]{2}$'") }})
             or ({{ regexp_test("substr(" ~ simplified_text('d') ~ ", f.char_end, 2)", "'^[0-9][0-9万亿千]$'") }}))
    group by fi.finding_id
),

reasons as (
    select
        fi.finding_id,
        fi.figure_id,
        case
            when fi.role <> 'part' and coalesce(f.confidence, 1.0) < t.min_error_confidence
                then 'the figure ' || f.value_text || ' rests on weak evidence (extractor confidence '
                     || {{ format_g('f.confidence', 3) }} || ' < ' || {{ format_g('t.min_error_confidence', 3) }} || ')'
            when d.kind is not null
                then 'the figure ' || f.value_text || ' may not be the whole year''s figure of the library ('
                     || d.kind || ': ' || d.pattern || ')'
            when fi.role = 'candidate' and coalesce(f.scope, 'library') <> 'library'
                then 'the figure ' || f.value_text || ' is not one library''s (scope ' || f.scope || ')'
            when fi.role = 'candidate' and coalesce(f.period, 'year') <> 'year'
                then 'the figure ' || f.value_text || ' is not a full year''s (period ' || f.period || ')'
            when fi.role = 'candidate' and coalesce(f.library_key, 'unknown') = 'unknown'
                then 'the figure ' || f.value_text || ' names no library'
            when fi.role = 'candidate' and f.year is not null
                 and {{ regexp_test("coalesce(f.evidence, '')", "'(19|20)[0-9]{2}年'") }}
                 and strpos(f.evidence, cast(f.year as varchar) || '年') = 0
                then 'the sentence of the figure ' || f.value_text || ' names another year than '
                     || cast(f.year as varchar)
        end as reason
    from findings as fi
    join figures as f on f.figure_id = fi.figure_id
    cross join thresholds as t
    left join doubts as d on d.figure_id = fi.figure_id and d.role = fi.role
    where fi.severity = 'error'
),

-- conflict candidates written in different units (人 and 人次, 册 and 件; 万/亿/千 aside) may
-- count different things (persons and visits): no contradiction a librarian would sign
units as (
    select
        fi.finding_id,
        count(distinct replace(replace(replace(f.unit_raw, '万', ''), '亿', ''), '千', '')) as n_units,
        string_agg(distinct f.unit_raw, ', ' order by f.unit_raw) as unit_list
    from findings as fi
    join figures as f on f.figure_id = fi.figure_id
    where fi.severity = 'error' and fi.role = 'candidate'
        and coalesce(replace(replace(replace(f.unit_raw, '万', ''), '亿', ''), '千', ''), '') <> ''
    group by fi.finding_id
),

doubted as (
    select finding_id, min(reason) as reason
    from (
        select finding_id, reason from reasons
        where reason is not null
        union all
        select finding_id, 'a sentence names the region ' || region || ', not a library' as reason
        from regional
        union all
        select finding_id, 'the sentence of a figure names ' || room || ': it may be that part''s figure' as reason
        from rooms
        union all
        select finding_id, 'the figures are written in different units (' || unit_list || ')' as reason
        from units
        where n_units > 1
        union all
        select finding_id, 'the number ' || value_text || ' is written glued to another number or to a scale'
            || ' (a form''s code and value written together?): its reading is uncertain' as reason
        from glued
    ) as r
    group by finding_id
)

select
    fi.finding_id,
    fi."check",
    case when d.finding_id is not null then 'warn' else fi.severity end as severity,
    fi.document_id,
    fi.source_file,
    fi.library_key,
    fi.year,
    fi.metric,
    fi.message
    || case when d.finding_id is not null
        then ' A warn, not an error: ' || d.reason || '.' else '' end as message,
    fi.figure_id,
    fi.role,
    fi.rule
from findings as fi
left join doubted as d using (finding_id)
