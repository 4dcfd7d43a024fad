{{ config(materialized='table') }}{# a table: each rule reading it re-ran a view's regexps (issue 11) #}
{#-
  The sentence each figure sits in: sentence_no counts the sentence ends (。！？!? and
  line breaks; not ；, which separates the items of one enumeration) in the document text before the figure, so two figures with the same
  document_id and sentence_no are stated in one sentence (or one table line). Null when
  the figure's span is not inside the stored text (then no two figures share a sentence).
-#}
select
    f.figure_id,
    case when f.char_end <= length(d.text) then
        length(regexp_replace(substr(d.text, 1, greatest(f.char_start, 0)), '[^。！？!?\n]', '', 'g'))
    end as sentence_no
from {{ ref('int_figures_attributed') }} as f
-- the loaded document only: a duplicate file has the same document_id (and the same text)
join {{ ref('stg_nianbao__documents') }} as d
    on d.document_id = f.document_id and d.status = 'loaded'
where f.char_start is not null
