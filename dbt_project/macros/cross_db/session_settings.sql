{#-
  session_settings(): what every model runs first (dbt_project.yml pre-hook); nothing on DuckDB.
  PostgreSQL: no JIT compilation. The quality rules are views over views; planned as one
  query (int_dq_all), JIT compiles for minutes what runs in seconds (265 s against 11 s
  on the seeds, PostgreSQL 15).
-#}
{% macro session_settings() -%}
    {{ return(adapter.dispatch('session_settings', 'nianbao')()) }}
{%- endmacro %}

{% macro default__session_settings() -%}
{%- endmacro %}

{% macro postgres__session_settings() -%}
    set jit = off
{%- endmacro %}
