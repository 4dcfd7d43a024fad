-- One row per visits.* figure of fct_figures (grain: figure).
{{ subject_fact('visits') }}
