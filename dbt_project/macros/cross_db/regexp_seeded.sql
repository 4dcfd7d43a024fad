{#-
  regexp_test_seeded(text, pattern, seed, column='pattern'): regexp_test(text, pattern) where
  pattern is a column holding a seed's patterns (a join of texts with the words of
  seeds/dq_*.csv), fast. A regular expression that is a column is compiled again for every
  row (DuckDB), which made the rules that join every figure's context with a seed's
  patterns take minutes at 2,000 reports; this writes each pattern the seed holds as a
  constant, compiled once:
    case <pattern> when '<p1>' then regexp_test(text, '<p1>') … else regexp_test(text, <pattern>) end
  The answer is the same row by row: a pattern the seed table does not hold (a unit test's
  given rows, a parse before the seed is loaded) takes the else branch; a unit test, whose graph
  holds no nodes, reads the column as before. The seed is read at
  run time (run_query), from the relation of the seed's own node, not through ref(), which a
  unit test replaces by its given rows.
-#}
{% macro regexp_test_seeded(text, pattern, seed, column='pattern') -%}
    {%- set patterns = [] -%}
    {%- if execute -%}
        {%- set node = (graph.get('nodes') or {}).get('seed.' ~ project_name ~ '.' ~ seed) -%}
        {%- set relation = adapter.get_relation(node.database, node.schema, node.alias) if node else none -%}
        {%- if relation is not none -%}
            {%- set patterns = run_query(
                'select distinct ' ~ column ~ ' from ' ~ relation ~ ' where ' ~ column ~ ' is not null'
            ).columns[0].values() -%}
        {%- endif -%}
    {%- endif -%}
    {%- if patterns | length == 0 -%}
        {{ regexp_test(text, pattern) }}
    {%- else -%}
        case {{ pattern }}
        {%- for p in patterns %}
            when {{ sql_literal(p) }} then {{ regexp_test(text, sql_literal(p)) }}
        {%- endfor %}
            else {{ regexp_test(text, pattern) }}
        end
    {%- endif -%}
{%- endmacro %}

{#- sql_literal(s): s as a SQL string literal (standard quoting: '' for ', no backslash escapes). -#}
{% macro sql_literal(s) -%}
    '{{ s | replace("'", "''") }}'
{%- endmacro %}
