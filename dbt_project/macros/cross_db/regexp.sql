{#-
  Regular expressions across the two targets (issue 12). The patterns are written once,
  in the syntax both engines read (RE2 on DuckDB, ARE on PostgreSQL).
  regexp_test(text, pattern): true when pattern matches somewhere in text (not `similar to`,
    which PostgreSQL reads with SQL wildcards and silently answers false).
  regexp_group(text, pattern, group): the group-th parenthesised group of the first match,
    '' when there is none (DuckDB `regexp_extract`), null for a null text.
  regexp_all_matches(text, pattern): every match, one row each (a set-returning select item:
    DuckDB `unnest(regexp_extract_all(...))`).
  strip_punctuation(text): text without white space, punctuation and symbols (DuckDB
    \p{P}\p{S}; PostgreSQL [:punct:], which under a UTF-8 locale covers both).
-#}
{% macro regexp_test(text, pattern) -%}
    {{ return(adapter.dispatch('regexp_test', 'nianbao')(text, pattern)) }}
{%- endmacro %}

{% macro default__regexp_test(text, pattern) -%}
    regexp_matches({{ text }}, {{ pattern }})
{%- endmacro %}

{% macro postgres__regexp_test(text, pattern) -%}
    (({{ text }}) ~ ({{ pattern }}))
{%- endmacro %}

{% macro regexp_group(text, pattern, group) -%}
    {{ return(adapter.dispatch('regexp_group', 'nianbao')(text, pattern, group)) }}
{%- endmacro %}

{% macro default__regexp_group(text, pattern, group) -%}
    regexp_extract({{ text }}, {{ pattern }}, {{ group }})
{%- endmacro %}

{% macro postgres__regexp_group(text, pattern, group) -%}
    case when ({{ text }}) is not null then coalesce((regexp_match({{ text }}, {{ pattern }}))[{{ group }}], '') end
{%- endmacro %}

{% macro regexp_all_matches(text, pattern) -%}
    {{ return(adapter.dispatch('regexp_all_matches', 'nianbao')(text, pattern)) }}
{%- endmacro %}

{% macro default__regexp_all_matches(text, pattern) -%}
    unnest(regexp_extract_all({{ text }}, {{ pattern }}))
{%- endmacro %}

{#- the whole match as group 1: the pattern in parentheses, after its embedded options ((?m)) -#}
{% macro postgres__regexp_all_matches(text, pattern) -%}
    (regexp_matches({{ text }}, regexp_replace({{ pattern }}, '^(\(\?[a-z]+\))?(.*)$', '\1(\2)'), 'g'))[1]
{%- endmacro %}

{% macro strip_punctuation(text) -%}
    {{ return(adapter.dispatch('strip_punctuation', 'nianbao')(text)) }}
{%- endmacro %}

{% macro default__strip_punctuation(text) -%}
    regexp_replace({{ text }}, '[\s\p{P}\p{S}]', '', 'g')
{%- endmacro %}

{% macro postgres__strip_punctuation(text) -%}
    regexp_replace({{ text }}, '[[:space:][:punct:]]', '', 'g')
{%- endmacro %}
