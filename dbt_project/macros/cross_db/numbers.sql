{#-
  Numbers across the two targets (issue 12). Doubles are spelled float8 in the models
  (an alias of DOUBLE on DuckDB, of double precision on PostgreSQL; dbt.type_float() is a
  4-byte float on DuckDB) and whole numbers too big for bigint decimal(38, 0).
  round_to(x, n): x rounded half away from zero to n decimals (to a whole number without n),
    a double; PostgreSQL rounds only numeric that way (round(double) rounds half to even).
  format_g(x, digits): printf('%.<digits>g'): x with `digits` significant digits (6 without),
    trailing zeros dropped. On PostgreSQL the shortest text of the rounded double: the same
    for 1e-4 <= |x| < 10^digits (outside that printf switches to an exponent earlier).
  number_text(x): how a figure reads in a message: x rounded to 6 decimals, 15 significant
    digits ('%.15g'): 1227435, 87.68, 0.5.
  try_cast_integer(x): x as an integer, null when DuckDB cannot cast it.
-#}
{% macro round_to(x, n=none) -%}
    {{ return(adapter.dispatch('round_to', 'nianbao')(x, n)) }}
{%- endmacro %}

{% macro default__round_to(x, n) -%}
    round({{ x }}{% if n is not none %}, {{ n }}{% endif %})
{%- endmacro %}

{% macro postgres__round_to(x, n) -%}
    cast(round(cast({{ x }} as numeric){% if n is not none %}, {{ n }}{% endif %}) as float8)
{%- endmacro %}

{% macro format_g(x, digits=none) -%}
    {{ return(adapter.dispatch('format_g', 'nianbao')(x, digits)) }}
{%- endmacro %}

{% macro default__format_g(x, digits) -%}
    printf('%{% if digits is not none %}.{{ digits }}{% endif %}g', {{ x }})
{%- endmacro %}

{% macro postgres__format_g(x, digits) -%}
    {%- set v = 'cast(cast(' ~ x ~ ' as float8) as numeric)' -%}
    case when {{ v }} = 0 then '0' else cast(cast(round({{ v }},
        cast({{ (digits or 6) - 1 }} - floor(log(abs({{ v }}))) as integer)) as float8) as text) end
{%- endmacro %}

{% macro number_text(x) -%}
    {{ return(adapter.dispatch('number_text', 'nianbao')(x)) }}
{%- endmacro %}

{% macro default__number_text(x) -%}
    printf('%.15g', round(cast({{ x }} as double), 6))
{%- endmacro %}

{% macro postgres__number_text(x) -%}
    {{ postgres__format_g(postgres__round_to('cast(' ~ x ~ ' as float8)', 6), 15) }}
{%- endmacro %}

{% macro try_cast_integer(x) -%}
    {{ return(adapter.dispatch('try_cast_integer', 'nianbao')(x)) }}
{%- endmacro %}

{% macro default__try_cast_integer(x) -%}
    try_cast({{ x }} as integer)
{%- endmacro %}

{% macro postgres__try_cast_integer(x) -%}
    cast({{ x }} as integer)
{%- endmacro %}
