{#-
  Reading a few characters around a position of a document without substr() on the whole
  text: substr on a long UTF-8 text walks it from its start, so a rule reading the words
  around each of 300,000 numbers spent a minute at 2,000 reports (issue 11). The text is cut
  once into overlapping chunks; a rule joins each number to the chunk of its position and
  reads there:
    chunks as ({{ document_chunks(ref('stg_nianbao__documents')) }}),
    … join chunks as ch on {{ chunk_join('ch', 'c.document_id', 'c.char_start') }}
    {{ chunk_substr('ch', 'c.char_start + 1', 2) }}   -- = substr(d.text, c.char_start + 1, 2)
  Chunk k starts at character k × chunk_step − chunk_margin (0-based, not before 0) and holds
  chunk_step + 2 × chunk_margin characters, so the characters from chunk_margin before
  position p to chunk_margin after it are in chunk floor(p / chunk_step).
-#}
{% macro chunk_step() %}256{% endmacro %}
{% macro chunk_margin() %}128{% endmacro %}

{#- the chunks of the texts of `documents` (stg_nianbao__documents or a unit test's rows) -#}
{% macro document_chunks(documents) -%}
    select
        document_id,
        chunk_no,
        cast(greatest(chunk_no * {{ chunk_step() }} - {{ chunk_margin() }}, 0) as integer) as first_char,
        substr(
            text,
            cast(greatest(chunk_no * {{ chunk_step() }} - {{ chunk_margin() }}, 0) + 1 as integer),
            {{ chunk_step() }} + 2 * {{ chunk_margin() }}
        ) as chunk_text
    from (
        select
            document_id,
            text,
            {{ series_item(0, "floor(length(text) / " ~ chunk_step() ~ ".0)") }} as chunk_no
        from (
            -- once per document: a duplicate file has the same document_id and the same text
            select distinct document_id, text
            from {{ documents }}
            where text is not null
        ) as texts
    ) as numbered
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
