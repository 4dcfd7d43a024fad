-- fct_figures holds only kind 'figure' rows of loaded files: no stated ratio, nothing
-- from a duplicate, quarantined or removed file.
select f.figure_id, f.source_file, d.status, a.kind
from {{ ref('fct_figures') }} as f
left join {{ ref('dim_document') }} as d on d.source_file = f.source_file
left join {{ ref('int_figures_attributed') }} as a on a.figure_id = f.figure_id
where d.status is distinct from 'loaded'
   or a.kind is distinct from 'figure'
