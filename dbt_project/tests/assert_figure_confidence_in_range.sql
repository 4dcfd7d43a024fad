-- Every figure's confidence is a share: 0 <= confidence <= 1 (fails on any row returned).
select figure_id, confidence
from {{ ref('fct_figures') }}
where confidence is null or confidence < 0 or confidence > 1
