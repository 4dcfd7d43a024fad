-- The per-file counts of dim_document add up to the fact tables: figures are counted
-- once (on the loaded file, never on its duplicates).
with documents as (
    select sum(n_figures) as n_figures, sum(n_events) as n_events from {{ ref('dim_document') }}
),

figures as (
    select count(*) as n from {{ ref('fct_figures') }}
),

events as (
    select count(*) as n from {{ ref('fct_activities') }}
    where grain = 'event'
)

select documents.*, figures.n as fct_figures_rows, events.n as event_rows
from documents, figures, events
where documents.n_figures <> figures.n or documents.n_events <> events.n
