-- One row per circulation.* figure of fct_figures (grain: figure).
{{ subject_fact('circulation') }}
