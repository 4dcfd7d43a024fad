-- One row per users.* figure of fct_figures (grain: figure): registrations, registered and active readers.
{{ subject_fact('users') }}
