{#-
  Aggregates DuckDB has and PostgreSQL spells differently (issue 12: one project, two targets).
  any_value_ordered(expr, order_by): the first non-null expr in order_by's order (any non-null
    one without order_by); DuckDB `any_value(expr order by ...)`.
  mode_smallest(expr): the most frequent non-null value, the smallest on a tie
    (DuckDB `mode(expr order by expr)`, PostgreSQL `mode() within group`).
  arg_max_of(expr, by): expr of the row with the largest `by` (DuckDB `arg_max`).
-#}
{% macro any_value_ordered(expr, order_by=none) -%}
    {{ return(adapter.dispatch('any_value_ordered', 'nianbao')(expr, order_by)) }}
{%- endmacro %}

{% macro default__any_value_ordered(expr, order_by) -%}
    any_value({{ expr }}{% if order_by %} order by {{ order_by }}{% endif %})
{%- endmacro %}

{% macro postgres__any_value_ordered(expr, order_by) -%}
    (array_agg({{ expr }}{% if order_by %} order by {{ order_by }}{% endif %}) filter (where {{ expr }} is not null))[1]
{%- endmacro %}

{% macro mode_smallest(expr) -%}
    {{ return(adapter.dispatch('mode_smallest', 'nianbao')(expr)) }}
{%- endmacro %}

{% macro default__mode_smallest(expr) -%}
    mode({{ expr }} order by {{ expr }})
{%- endmacro %}

{% macro postgres__mode_smallest(expr) -%}
    mode() within group (order by {{ expr }})
{%- endmacro %}

{% macro arg_max_of(expr, by) -%}
    {{ return(adapter.dispatch('arg_max_of', 'nianbao')(expr, by)) }}
{%- endmacro %}

{% macro default__arg_max_of(expr, by) -%}
    arg_max({{ expr }}, {{ by }})
{%- endmacro %}

{% macro postgres__arg_max_of(expr, by) -%}
    (array_agg({{ expr }} order by {{ by }} desc nulls last) filter (where {{ by }} is not null))[1]
{%- endmacro %}

{#- rows_digest(alias): an order-independent digest of the rows of `alias` in a group (a change
    of any column of any row changes it); int_dq_scope -#}
{% macro rows_digest(alias) -%}
    {{ return(adapter.dispatch('rows_digest', 'nianbao')(alias)) }}
{%- endmacro %}

{% macro default__rows_digest(alias) -%}
    cast(bit_xor(hash({{ alias }})) as varchar)
{%- endmacro %}

{% macro postgres__rows_digest(alias) -%}
    md5(string_agg(md5(cast({{ alias }} as text)), '' order by md5(cast({{ alias }} as text))))
{%- endmacro %}
