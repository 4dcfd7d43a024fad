"""The dbt project as Dagster assets; dbt tests (source tests too) become asset checks."""


from dagster import AssetExecutionContext
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, dbt_assets

from nianbao.pipeline import say
from orchestration.resources import DBT_PROJECT, WarehouseResource

TRANSLATOR = DagsterDbtTranslator(settings=DagsterDbtTranslatorSettings(enable_source_tests_as_checks=True))


@dbt_assets(manifest=DBT_PROJECT.manifest_path, project=DBT_PROJECT, dagster_dbt_translator=TRANSLATOR, name="nianbao_dbt")
def nianbao_dbt(context: AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource):
    with warehouse.dbt_environment():
        say("building dbt models (staging → intermediate → marts → quality)")
        invocation = dbt.cli(["build"], context=context, raise_on_error=True)
        yield from invocation.stream()
        n = sum(1 for r in invocation.get_artifact("run_results.json").get("results", []) if r.get("unique_id", "").startswith("model."))
        say(f"built {n} dbt models")
