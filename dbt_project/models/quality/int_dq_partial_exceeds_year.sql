{{ config(materialized='view', tags=['dq_rule']) }}
{#-
  partial_exceeds_year (error): a figure of a flow metric stated for part of a year
  (period 'partial': 截止目前, 上半年, 今年以来) is certainly larger than a full-year
  figure (period 'year') of the same document, library, year, metric, scope and segment.
  "Certainly larger": the partial range lies entirely above the full-year range.
  Stocks (collection.total, users.registered_total, users.active, network.branches,
  network.service_points, population.served) are not flows and are never compared.
  One finding per partial figure, linking it and the full-year figures it exceeds.
-#}
with figures as (
    select * from {{ ref('int_figure_ranges') }}
    where kind = 'figure' and is_flow and coalesce(is_trusted, true)
),

exceeded as (
    select
        p.figure_id as partial_id,
        y.figure_id as year_id,
        y.value as year_value,
        y.display_text as year_text
    from figures as p
    join figures as y
        on y.document_id = p.document_id
        and y.library_key is not distinct from p.library_key
        and y.year = p.year
        and y.metric = p.metric
        and y.scope is not distinct from p.scope
        and y.segment is not distinct from p.segment
        and y.period = 'year'
    where p.period = 'partial'
        and (p.lo > y.hi or (p.lo = y.hi and not y.hi_closed))
),

listed as (
    {{ value_list('exceeded', ['partial_id'], 'year_value', 'year_text') }}
),

-- the largest full-year figure each partial figure exceeds
largest as (
    select
        partial_id,
        max(year_value) as year_value,
        {{ arg_max_of("year_text", "year_value") }} as year_text
    from exceeded
    group by partial_id
),

-- what tells the findings apart: the partial figure and the full-year figures it exceeds
ids as (
    select partial_id, partial_id || '|' || string_agg(year_id, ',' order by year_id) as id_basis
    from exceeded
    group by partial_id
),

findings as (
    select
        p.figure_id as partial_id,
        ids.id_basis,
        p.document_id,
        p.source_file,
        p.library_key,
        p.year,
        p.metric,
        p.metric_label || ' (' || p.metric
            || case when coalesce(p.segment, 'all') <> 'all' then ', segment ' || p.segment else '' end
            || case when coalesce(p.scope, 'library') <> 'library' then ', scope ' || p.scope else '' end
            || ') for part of ' || coalesce(cast(p.year as varchar), 'the year')
            || case when p.is_plural then ' are' else ' is' end
            || ' stated as ' || p.display_text
            || ', more than the full-year ' || case when l.n > 1 then 'figures ' else 'figure ' end
            || l.value_list
            || ': a flow counted over part of the year cannot exceed the same count over the whole year ('
            || p.display_text || ' is above the largest full-year figure, ' || m.year_text || ', by '
            || {{ number_text("p.lo - m.year_value") }}
            || case when coalesce(p.qualifier, 'exact') = 'exact' then '' else ' or more' end || ').' as message
    from figures as p
    join listed as l on l.partial_id = p.figure_id
    join ids on ids.partial_id = p.figure_id
    join largest as m on m.partial_id = p.figure_id
),

links as (
    select partial_id, partial_id as figure_id from exceeded
    union
    select partial_id, year_id as figure_id from exceeded
),

linked as (
    select f.*, links.figure_id
    from findings as f
    join links using (partial_id)
)

{{ dq_finding_rows('partial_exceeds_year', 'linked', 'id_basis') }}
