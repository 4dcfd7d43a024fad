{#-
  Pieces of the findings' messages and keys, shared by the quality rules.
  subject_in_year(subject, year, is_plural): "Reader activities (activities.events) in 2020 are"
    (an unknown year when year is null; "is" for a singular subject).
  first_values(alias, columns, order_by): inside a grouped select, each column of alias taken from
    the group's first row in order_by's order, under its own name (a finding's key from its first
    figure).
-#}
{%- macro subject_in_year(subject, year, is_plural) -%}
{{ subject }}
            || ' in ' || coalesce(cast({{ year }} as varchar), 'an unknown year')
            || case when {{ is_plural }} then ' are' else ' is' end
{%- endmacro %}

{%- macro first_values(alias, columns, order_by) -%}
{%- for column in columns -%}
{{ any_value_ordered(alias ~ '.' ~ column, order_by) }} as {{ column }}
{%- if not loop.last %},
        {% endif -%}
{%- endfor -%}
{%- endmacro %}
