"""sqlfluff only (dbt_project/.sqlfluff, library_path): a stand-in for dbt's `adapter`.

The jinja templater has no adapter, so `adapter.dispatch('name', 'nianbao')(args)` (the
cross-database macros of macros/cross_db/) renders here as a plain call `name(args)`:
valid SQL for the linter, which never runs it.
"""


def dispatch(macro_name, macro_namespace=None):
    def call(*args, **kwargs):
        parts = [str(a) for a in (*args, *kwargs.values()) if a is not None]
        return f"{macro_name}({', '.join(parts)})"

    return call
