-- One row per collection.* figure of fct_figures (grain: figure).
{{ subject_fact('collection') }}
