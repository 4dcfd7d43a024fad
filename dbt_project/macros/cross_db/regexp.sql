{#-
  Regular expressions across the two targets (issue 12). The patterns are written once,
  in the syntax both engines read (RE2 on DuckDB, ARE on PostgreSQL).
  regexp_test(text, pattern): true when pattern matches somewhere in text (not `similar to`,
    which PostgreSQL reads with SQL wildcards and silently answers false).
  regexp_group(text, pattern, group): the group-th parenthesised group of the first match
    (DuckDB `regexp_extract`; callers test the match first: no match is '' there, null here).
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
    (regexp_match({{ text }}, {{ pattern }}))[{{ group }}]
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
