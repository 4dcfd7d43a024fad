{#-
  same_key(left, right, columns): the join condition that two relations agree on the given key
  columns, a missing value (null) matching a missing one:
  `right.library_key is not distinct from left.library_key and right.year is not distinct from …`.
  Used where the quality rules pair figures of one key (library, year, scope, segment, period).
-#}
{%- macro same_key(left, right, columns) -%}
{%- for column in columns -%}
{{ right }}.{{ column }} is not distinct from {{ left }}.{{ column }}
{%- if not loop.last %}
        and {% endif -%}
{%- endfor -%}
{%- endmacro %}
