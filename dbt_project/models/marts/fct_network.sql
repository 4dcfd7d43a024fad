-- One row per network.* figure of fct_figures (grain: figure).
{{ subject_fact('network') }}
