{#-
  Numbers across the two targets (issue 12). Doubles are spelled float8 in the models
  (an alias of DOUBLE on DuckDB, of double precision on PostgreSQL; dbt.type_float() is a
  4-byte float on DuckDB) and whole numbers too big for bigint decimal(38, 0).
  round_to(x, n): x rounded half away from zero to n decimals (to a whole number without n),
    a double; PostgreSQL rounds only numeric that way (round(double) rounds half to even).
  format_g(x, digits, sign): printf('%.<digits>g'): x with `digits` significant digits (6
    without), trailing zeros dropped; with sign, a + before a positive x ('%+.3g'). On PostgreSQL the shortest text of the rounded double: the same
    for 1e-4 <= |x| < 10^digits (outside that printf switches to an exponent earlier).
  number_text(x): how a figure reads in a message: x rounded to 6 decimals, 15 significant
    digits ('%.15g'): 1227435, 87.68, 0.5.
  try_cast_integer(x), try_cast_double(x), try_cast_date(x): x (a number or a text) as an
    integer, a double, a date ('YYYY-MM-DD'); null when it is not one (PostgreSQL has no
    try_cast: the text is checked first).
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

{% macro format_g(x, digits=none, sign=false) -%}
    {{ return(adapter.dispatch('format_g', 'nianbao')(x, digits, sign)) }}
{%- endmacro %}

{% macro default__format_g(x, digits, sign) -%}
    printf('%{% if sign %}+{% endif %}{% if digits is not none %}.{{ digits }}{% endif %}g', {{ x }})
{%- endmacro %}

{% macro postgres__format_g(x, digits, sign=false) -%}
    {%- set v = 'cast(cast(' ~ x ~ ' as float8) as numeric)' -%}
    {% if sign %}case when {{ v }} >= 0 then '+' else '' end || {% endif -%}
    case when {{ v }} = 0 then '0' else cast(cast(round({{ v }},
        cast({{ (digits or 6) | int - 1 }} - floor(log(abs({{ v }}))) as integer)) as float8) as text) end
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
    case when cast({{ x }} as text) ~ '^\s*[-+]?[0-9]+([.][0-9]*)?\s*$'
        then cast(round(cast(cast({{ x }} as text) as numeric)) as integer) end
{%- endmacro %}

{% macro try_cast_double(x) -%}
    {{ return(adapter.dispatch('try_cast_double', 'nianbao')(x)) }}
{%- endmacro %}

{% macro default__try_cast_double(x) -%}
    try_cast({{ x }} as double)
{%- endmacro %}

{% macro postgres__try_cast_double(x) -%}
    case when cast({{ x }} as text) ~ '^\s*[-+]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][-+]?[0-9]+)?\s*$'
        then cast(cast({{ x }} as text) as float8) end
{%- endmacro %}

{% macro try_cast_date(x) -%}
    {{ return(adapter.dispatch('try_cast_date', 'nianbao')(x)) }}
{%- endmacro %}

{% macro default__try_cast_date(x) -%}
    try_cast({{ x }} as date)
{%- endmacro %}

{% macro postgres__try_cast_date(x) -%}
    {%- set t = '(' ~ x ~ ')' -%}
    case
        when {{ t }} !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' then null
        when cast(substr({{ t }}, 6, 2) as integer) not between 1 and 12 then null
        when cast(substr({{ t }}, 9, 2) as integer) < 1
            or cast(substr({{ t }}, 9, 2) as integer) > extract(day from make_date(cast(substr({{ t }}, 1, 4) as integer),
                cast(substr({{ t }}, 6, 2) as integer), 1) + interval '1 month' - interval '1 day') then null
        else cast({{ t }} as date)
    end
{%- endmacro %}
