{#-
  series_item(lo, hi): the integers lo..hi, one row each, as a set-returning select item
  (DuckDB `unnest(range(lo, hi + 1))`, PostgreSQL `generate_series(lo, hi)`).
-#}
{% macro series_item(lo, hi) -%}
    {{ return(adapter.dispatch('series_item', 'nianbao')(lo, hi)) }}
{%- endmacro %}

{% macro default__series_item(lo, hi) -%}
    unnest(range(cast({{ lo }} as bigint), cast({{ hi }} as bigint) + 1))
{%- endmacro %}

{% macro postgres__series_item(lo, hi) -%}
    generate_series(cast({{ lo }} as bigint), cast({{ hi }} as bigint))
{%- endmacro %}
