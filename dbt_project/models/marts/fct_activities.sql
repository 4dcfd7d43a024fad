-- Activities at two grains, told apart by `grain`:
--   'event'          one row per event listed in a report (int_events_attributed);
--   'reported_total' one row per activities.* figure of fct_figures (events held,
--                    attendance), activity_id = figure_id.
-- Events listed twice in one report (two tables, a table and a sentence) share an
-- event_key: the same document, date and normalised title (spaces, punctuation and
-- symbols removed, lower case; an untitled event is its own key). The first mention
-- (by position) has is_duplicate false; count events with `where grain = 'event' and
-- not is_duplicate`. Reported totals carry is_preferred from fct_figures.
-- The union leaves event-only columns null on reported totals and figure-only columns
-- null on events (one column list below); the contract fixes names, order and types.
{%- set event_columns = [
    'grain', 'activity_id', 'document_id', 'source_file', 'library_key', 'library_name', 'year',
    'event_date', 'date_precision', 'end_date', 'title', 'location', 'attendance', 'attendance_unit',
    'table_title', 'table_segment', 'seq', 'evidence', 'char_start', 'char_end', 'event_key',
    'is_duplicate', 'is_preferred'] %}
{%- set figure_columns = [
    'grain', 'activity_id', 'document_id', 'source_file', 'library_key', 'library_name', 'year',
    'metric', 'value', 'value_high', 'qualifier', 'scope', 'segment', 'period', 'unit_raw', 'status',
    'evidence', 'char_start', 'char_end', 'is_preferred'] %}
{%- set column_types = {
    'event_date': 'date', 'date_precision': 'varchar', 'end_date': 'date', 'title': 'varchar',
    'location': 'varchar', 'attendance': 'float8', 'attendance_unit': 'varchar', 'table_title': 'varchar',
    'table_segment': 'varchar', 'seq': 'integer', 'event_key': 'varchar', 'is_duplicate': 'boolean',
    'metric': 'varchar', 'value': 'float8', 'value_high': 'float8', 'qualifier': 'varchar',
    'scope': 'varchar', 'segment': 'varchar', 'period': 'varchar', 'unit_raw': 'varchar',
    'status': 'varchar'} %}
{%- set all_columns = event_columns + (figure_columns | reject('in', event_columns) | list) %}
with normalised as (
    select
        *,
        lower({{ strip_punctuation("coalesce(title, '')") }}) as title_key
    from {{ ref('int_events_attributed') }}
),

-- an event without a title is never merged with another one
keyed_events as (
    select
        *,
        md5(concat_ws('|', document_id, coalesce(cast(event_date as varchar), ''),
            case when title_key = '' then 'untitled:' || activity_id else title_key end)) as event_key
    from normalised
),

events as (
    select
        'event' as grain,
        activity_id,
        document_id,
        source_file,
        library_key,
        library_name,
        year,
        event_date,
        date_precision,
        end_date,
        title,
        location,
        attendance,
        attendance_unit,
        table_title,
        table_segment,
        seq,
        evidence,
        char_start,
        char_end,
        substr(event_key, 1, 16) as event_key,
        row_number() over (
            partition by event_key order by char_start, activity_id
        ) > 1 as is_duplicate,
        row_number() over (
            partition by event_key order by char_start, activity_id
        ) = 1 as is_preferred
    from keyed_events
),

reported_totals as (
    select
        'reported_total' as grain,
        figure_id as activity_id,
        document_id,
        source_file,
        library_key,
        library_name,
        year,
        metric,
        value,
        value_high,
        qualifier,
        scope,
        segment,
        period,
        unit_raw,
        status,
        evidence,
        char_start,
        char_end,
        is_preferred
    from {{ ref('fct_figures') }}
    where starts_with(metric, 'activities.')
),

unioned as (
    {%- for part, columns in [('events', event_columns), ('reported_totals', figure_columns)] %}
    select
        {%- for column in all_columns %}
        {% if column in columns %}{{ column }}
        {%- else %}cast(null as {{ column_types[column] }}) as {{ column }}{% endif %}
        {%- if not loop.last %},{% endif %}
        {%- endfor %}
    from {{ part }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
)

select * from unioned
order by source_file, grain, char_start, activity_id
