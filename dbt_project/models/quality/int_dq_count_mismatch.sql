{{ config(materialized='view', tags=['dq_rule']) }}
{#-
  count_mismatch (warn): an event table (rows of int_events_attributed sharing a
  table_id) lists N events, and the same document states activities.events for the
  same library, year and segment (the table's table_segment), period 'year', but no
  stated figure of that key is compatible with N (N outside every stated range).
  When one stated figure matches the table, the others are conflicts, not this.
  The stated figures are linked as subjects.
-#}
with events as (
    select * from {{ ref('int_events_attributed') }}
    where table_id is not null
),

event_tables as (
    select
        document_id,
        table_id,
        {{ any_value_ordered("source_file") }} as source_file,
        {{ mode_smallest("library_key") }} as library_key,
        {{ mode_smallest("year") }} as year,
        coalesce({{ mode_smallest("table_segment") }}, 'all') as segment,
        coalesce({{ mode_smallest("table_title") }}, table_id) as table_title,
        count(*) as n_rows
    from events
    group by document_id, table_id
),

stated as (
    select
        t.document_id,
        t.table_id,
        f.figure_id,
        f.value,
        f.display_text,
        f.subject_text,
        f.is_plural,
        f.metric,
        t.n_rows >= f.lo and (t.n_rows < f.hi or (t.n_rows = f.hi and f.hi_closed)) as matches_table
    from event_tables as t
    join {{ ref('int_figure_ranges') }} as f
        on f.document_id = t.document_id
        and f.library_key is not distinct from t.library_key
        and f.year = t.year
        and coalesce(f.segment, 'all') = t.segment
        and f.period = 'year'
        and f.metric = 'activities.events'
        and f.kind = 'figure'
        and coalesce(f.is_trusted, true)
),

mismatched_tables as (
    select document_id, table_id
    from stated
    group by document_id, table_id
    having not bool_or(matches_table)
),

stated_in_mismatched as (
    select stated.*
    from stated
    join mismatched_tables using (document_id, table_id)
),

listed as (
    {{ value_list('stated_in_mismatched', ['document_id', 'table_id']) }}
),

-- per table: the subject of its stated counts and their figure ids
stated_subjects as (
    select
        document_id,
        table_id,
        {{ any_value_ordered("subject_text", "figure_id") }} as subject_text,
        string_agg(figure_id, ',' order by figure_id) as figure_ids
    from stated
    group by document_id, table_id
),

findings as (
    select
        t.document_id || '|' || t.table_id || '|' || s.figure_ids as id_basis,
        t.document_id,
        t.source_file,
        t.library_key,
        t.year,
        'activities.events' as metric,
        'The table “' || t.table_title || '” lists ' || t.n_rows || ' events, but '
            || lower(substr(s.subject_text, 1, 1)) || substr(s.subject_text, 2)
            || ' in ' || coalesce(cast(t.year as varchar), 'an unknown year')
            || ' are stated as ' || l.value_list || ': a stated count of events should equal the '
            || t.n_rows || ' rows of the table that lists them.' as message,
        t.table_id
    from event_tables as t
    join listed as l using (document_id, table_id)
    join stated_subjects as s using (document_id, table_id)
),

linked as (
    select f.*, s.figure_id
    from findings as f
    join stated as s using (document_id, table_id)
)

{{ dq_finding_rows('count_mismatch', 'linked', 'id_basis') }}
