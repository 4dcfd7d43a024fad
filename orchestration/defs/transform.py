"""The dbt project as Dagster assets; dbt tests (source tests too) become asset checks.

dbt runs as a subprocess with its target folder outside the checkout; when the
run is interrupted, dbt is stopped (SIGINT, then killed) before the step ends.
A production build runs the models, seeds and data tests, not the unit tests
(`BUILD_ARGS`): those test the SQL on fixed inputs, not the data, so they run in
`make test`/CI (tests/dbt/test_marts.py builds with every unit test and checks
each one passed), not in every run."""

from dagster import AssetExecutionContext
from dagster_dbt import DagsterDbtTranslatorSettings, DbtCliResource, dbt_assets

from nianbao import config, stopping
from nianbao.pipeline import say
from nianbao.storage import BUILD
from orchestration.defs.dbt_layers import LayeredTranslator, with_table_metadata
from orchestration.defs.dbt_state import code_digest, code_version, full_refresh_needed, partial_parse, state_dir
from orchestration.resources import DBT_PROJECT, WarehouseResource

# asset groups by layer (staging, intermediate, marts, quality): orchestration/defs/dbt_layers.py
TRANSLATOR = LayeredTranslator(settings=DagsterDbtTranslatorSettings(enable_source_tests_as_checks=True))
#: the dbt command of a run: everything but the unit tests (~9 s of dbt's time at 100 reports)
BUILD_ARGS = ("build", "--exclude-resource-type", "unit_test")


@dbt_assets(
    manifest=DBT_PROJECT.manifest_path, project=DBT_PROJECT, dagster_dbt_translator=TRANSLATOR, name="nianbao_dbt"
)
def nianbao_dbt(context: AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource):
    # dbt's target and logs go to a temporary folder (removed afterwards), never into the checkout;
    # dbt's parse state is kept beside the warehouse between runs (partial parsing: defs/dbt_state.py)
    state = state_dir(warehouse.published_path())
    code = code_digest()
    refresh = full_refresh_needed(state, code)
    with (
        warehouse.dbt_environment() as target_path,
        partial_parse(target_path, state),
        code_version(state, code, record=not context.is_subset),
    ):
        say(
            "building dbt models (staging → intermediate → marts → quality)"
            + (", the incremental ones from scratch" if refresh else "")
        )
        storage = warehouse.storage()
        storage.prepare_build()  # PostgreSQL: the raw tables copied in, an empty build schema
        invocation = dbt.cli(
            [*BUILD_ARGS, *(["--full-refresh"] if refresh else []), *storage.dbt_args()],
            context=context,
            raise_on_error=True,
            target_path=target_path,
        )
        # a stop request: dagster-dbt forwards SIGINT and waits this long (its default is 25 s)
        invocation.termination_timeout_seconds = config.DBT_STOP_GRACE_SECONDS
        events = []  # held until dbt exits: the row counts need the file dbt writes
        try:
            # a signal while dagster-dbt set up its adapter handle (seconds, in `dbt.cli`) is swallowed by
            # dagster-dbt's bare `except:` there, and dbt would then run to the end: the wake-up pipe still
            # holds it, so stop here (the `finally` below kills the dbt just started)
            stopping.check()
            try:
                for event in invocation.stream():
                    events.append(event)
            except Exception:
                yield from events  # what was built before the failure is still recorded
                raise
        finally:
            # interrupted (SIGTERM/SIGINT): dagster-dbt forwards SIGINT to dbt and waits a while;
            # a dbt that is still alive after that is killed, so no writer outlives the run
            if invocation.process.poll() is None:
                invocation.process.kill()
                invocation.process.wait()
        yield from with_table_metadata(events, invocation.manifest, storage.view(BUILD))
        run_results = invocation.get_artifact("run_results.json").get("results", [])
        n = sum(1 for r in run_results if r.get("unique_id", "").startswith("model."))
        say(f"built {n} dbt models")
    stopping.check()
