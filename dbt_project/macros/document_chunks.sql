{#-
  Reading a few characters around a position of a document without substr() on the whole
  text: substr on a long UTF-8 text walks it from its start, so a rule reading the words
  around each of 300,000 numbers spent a minute at 2,000 reports (issue 11). The text is cut
  once into overlapping chunks; a rule joins each number to the chunk of its position and
  reads there:
    chunks as ({{ document_chunks(ref('stg_nianbao__documents')) }}),   -- a nested with: fine in a CTE
    … join chunks as ch on {{ chunk_join('ch', 'c.document_id', 'c.char_start') }}
    {{ chunk_substr('ch', 'c.char_start + 1', 2) }}   -- = substr(d.text, c.char_start + 1, 2)
  Chunk k starts at character k × chunk_step − chunk_margin (0-based, not before 0) and holds
  chunk_step + 2 × chunk_margin characters, so the characters from chunk_margin before
  position p to chunk_margin after it are in chunk floor(p / chunk_step). lines_before: the
  line breaks of the text before the chunk's step (chunk_no × chunk_step), for line numbers.
  The chunks are cut from the simplified copy of the text (stg_nianbao__documents.text_simplified,
  same length as text): a word read there is read whether the report writes it traditional or not;
  evidence shown to readers is taken from the figures and candidates (the original).
-#}
{% macro chunk_step() %}256{% endmacro %}
{% macro chunk_margin() %}128{% endmacro %}

{#- the chunks of the texts of `documents` (stg_nianbao__documents or a unit test's rows) -#}
{% macro document_chunks(documents) -%}
    with texts as (
        -- once per document: a duplicate file has the same document_id and the same text. The
        -- simplified copy (text_simplified: traditional characters made simplified, same length,
        -- so every offset is the same): the rules read words written in simplified characters
        select distinct document_id, coalesce(text_simplified, text) as text
        from {{ documents }}
        where text is not null
    ),

    numbered as (
        select
            document_id,
            text,
            {{ series_item(0, "floor(length(text) / " ~ chunk_step() ~ ".0)") }} as chunk_no
        from texts
    ),

    cut as (
        select
            document_id,
            chunk_no,
            cast(greatest(chunk_no * {{ chunk_step() }} - {{ chunk_margin() }}, 0) as integer) as first_char,
            substr(
                text,
                cast(greatest(chunk_no * {{ chunk_step() }} - {{ chunk_margin() }}, 0) + 1 as integer),
                {{ chunk_step() }} + 2 * {{ chunk_margin() }}
            ) as chunk_text
        from numbered
    ),

    -- the line breaks of each chunk's step (its characters chunk_no × chunk_step onwards)
    stepped as (
        select
            *,
            length({{ chunk_substr('cut', 'chunk_no * ' ~ chunk_step() ~ ' + 1', chunk_step()) }})
            - length(replace({{ chunk_substr('cut', 'chunk_no * ' ~ chunk_step() ~ ' + 1', chunk_step()) }}, chr(10), ''))
                as step_breaks
        from cut
    )

    select
        document_id,
        chunk_no,
        first_char,
        chunk_text,
        -- the line breaks of the text before character chunk_no × chunk_step
        coalesce(sum(step_breaks) over (
            partition by document_id order by chunk_no rows between unbounded preceding and 1 preceding
        ), 0) as lines_before
    from stepped
{%- endmacro %}

{#- the chunk holding 0-based position `position` of the document -#}
{% macro chunk_join(chunk, document_id, position) -%}
    {{ chunk }}.document_id = {{ document_id }}
    and {{ chunk }}.chunk_no = cast(floor(greatest({{ position }}, 0) / {{ chunk_step() }}.0) as bigint)
{%- endmacro %}

{#- substr(document text, start, length) with start 1-based in the document, read in the chunk -#}
{% macro chunk_substr(chunk, start, length) -%}
    substr({{ chunk }}.chunk_text, cast(({{ start }}) - {{ chunk }}.first_char as integer), cast({{ length }} as integer))
{%- endmacro %}

{#- the simplified copy of a document's text (`d` a stg_nianbao__documents row), for rules that read words
    (a unit test's rows may give only text) -#}
{% macro simplified_text(d) -%}
    coalesce({{ d }}.text_simplified, {{ d }}.text)
{%- endmacro %}
