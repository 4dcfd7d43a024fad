-- One row per spending.* figure of fct_figures (grain: figure).
{{ subject_fact('spending') }}
