{{ config(materialized='incremental') }}{# by document: macros/dq_incremental.sql #}
{#-
  The sentence each figure sits in: sentence_no counts the sentence ends (。！？!? and
  line breaks; not ；, which separates the items of one enumeration) in the document text before the figure, so two figures with the same
  document_id and sentence_no are stated in one sentence (or one table line). Null when
  the figure's span is not inside the stored text (then no two figures share a sentence).
  Each loaded document is split once into its sentences (their first character and length);
  a figure is in the sentence whose characters, or the end after them, hold its first
  character. (Counting the ends in the text before every figure was quadratic in the
  length of a document: 63 s of a 2,000-report build, issue 11.) By document: a build after
  the first computes only the documents of int_dq_scope. (A table: each rule reading a view
  of it ran its regexps again, issue 11.)
-#}
-- depends_on: {{ ref('int_dq_scope') }}
with documents as (
    -- the loaded document only: a duplicate file has the same document_id (and the same text)
    select document_id, text
    from {{ dq_in_scope(ref('stg_nianbao__documents')) }} as d
    where status = 'loaded'
),

-- the pieces between the ends, numbered from 1 (unnested in the select list, in step with
-- their subscripts: DuckDB and PostgreSQL alike; a lateral `unnest ... with ordinality` took
-- 100 s for 2,000 documents on DuckDB)
pieces as (
    select
        document_id,
        unnest(parts) as part,
        generate_subscripts(parts, 1) as part_no
    from (
        select
            document_id,
            regexp_split_to_array(text, '[。！？!?\n]') as parts
        from documents
    ) as split_text
),

-- sentence k (from 0) covers characters first_char .. first_char + n_chars (0-based): its
-- text and the end that follows it
sentences as (
    select
        document_id,
        cast(part_no - 1 as integer) as sentence_no,
        sum(length(part) + 1) over (
            partition by document_id order by part_no rows between unbounded preceding and current row
        ) - length(part) - 1 as first_char,
        length(part) as n_chars
    from pieces
)

select
    f.figure_id,
    f.document_id,
    case when f.char_end <= length(d.text) then s.sentence_no end as sentence_no
from {{ dq_in_scope(ref('int_figures_attributed')) }} as f
inner join documents as d on d.document_id = f.document_id
left join sentences as s
    on
        s.document_id = f.document_id
        and greatest(f.char_start, 0) between s.first_char and s.first_char + s.n_chars
where f.char_start is not null
