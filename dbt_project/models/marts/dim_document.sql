-- One row per file ever seen in the raw folder: loaded, duplicate or quarantined (the
-- files there now: files seen = loaded + duplicate + quarantined), and removed (a file
-- that disappeared since an earlier run; none of its figures or events remain).
-- Figures and events are counted on the loaded file only (a duplicate's count is 0,
-- its figures are its twin's), so sum(n_figures) = rows of fct_figures.
-- No timestamps and no text: an unchanged input gives an identical table.
with documents as (
    select * from {{ ref('stg_nianbao__documents') }}
),

extractions as (
    select * from {{ ref('stg_nianbao__extractions') }}
),

figure_counts as (
    select
        source_file,
        count(*) filter (where kind = 'figure') as n_figures,
        count(*) filter (where kind = 'ratio') as n_ratios
    from {{ ref('int_figures_attributed') }}
    group by source_file
),

event_counts as (
    select source_file, count(*) as n_events
    from {{ ref('int_events_attributed') }}
    group by source_file
)

select
    documents.document_id,
    documents.source_file,
    documents.status,
    documents.reason,
    documents.detail,
    documents.format,
    documents.encoding,
    documents.bytes,
    documents.chars,
    coalesce(extractions.library_name, documents.library_name) as library_name,
    coalesce(extractions.report_year, documents.report_year) as report_year,
    documents.duplicate_of,
    documents.is_link,
    documents.link_target,
    cast(coalesce(figure_counts.n_figures, 0) as integer) as n_figures,
    cast(coalesce(figure_counts.n_ratios, 0) as integer) as n_ratios,
    cast(coalesce(event_counts.n_events, 0) as integer) as n_events
from documents
left join extractions
    on extractions.document_id = documents.document_id
    and documents.status in ('loaded', 'duplicate')
left join figure_counts on figure_counts.source_file = documents.source_file
left join event_counts on event_counts.source_file = documents.source_file
order by documents.source_file
