{#-
  shortly_before(earlier, later, max_chars): the join condition that the span of `earlier`
  ends, in the same document, at most max_chars characters before the span of `later` starts
  (a number and the one a few words after it).
-#}
{%- macro shortly_before(earlier, later, max_chars) -%}
{{ earlier }}.document_id = {{ later }}.document_id
        and {{ earlier }}.char_end <= {{ later }}.char_start
        and {{ later }}.char_start - {{ earlier }}.char_end <= {{ max_chars }}
{%- endmacro %}
