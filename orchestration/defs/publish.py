"""The quality report, the GX Data Docs and the atomic publish of the working database.

The report and Data Docs of a build are written into a staging folder
(`nianbao.publish.stage_site`) and swapped in by the publish, right after the
database: readers never see a half-written report, nor one of an unpublished build.
"""

from datetime import UTC, datetime

from dagster import AssetExecutionContext, AssetKey, MaterializeResult, asset

from nianbao import pipeline, stopping
from nianbao import publish as publishing
from orchestration.resources import WarehouseResource

MART_KEYS = [AssetKey(["marts", t.split(".", 1)[1]]) for t in pipeline.REQUIRED_MARTS]
GX_RESULTS = "gx_results.json"


def _run_id(context: AssetExecutionContext) -> str:
    return context.run_id.split("-")[0]


@asset(group_name="publish", deps=MART_KEYS,
       description="Static HTML quality report (one page per library-year, charts) and GX Data Docs of the "
                   "build, staged next to the warehouse; the publish swaps them in with the database.")
def quality_report(context: AssetExecutionContext, warehouse: WarehouseResource) -> MaterializeResult:
    from nianbao.expectations import save_results, validate_marts
    from nianbao.report import build_report

    stopping.check()
    published = warehouse.published_path()
    site = publishing.stage_site(published, _run_id(context))
    run = {"published": str(published), "id": _run_id(context),
           "time": datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")}
    # pages of library-years unchanged since the published build are linked from its report, not rendered
    index = build_report(warehouse.working_path(), site / "quality_report", run=run, previous=warehouse.report_dir())
    results = validate_marts(warehouse.working_path(), site / "data_docs",
                             store_dir=warehouse.gx_store_dir(),
                             banner=f"nianbao: published {run['published']} · {run['time']} · run {run['id']}")
    save_results(results, site / GX_RESULTS)
    pipeline.say(f"quality report staged: {index}")
    return MaterializeResult(metadata={"staged": str(site)})


@asset(group_name="publish", deps=[*MART_KEYS, quality_report],
       description="The published warehouse analysts open read-only: the working build, validated and renamed into "
                   "place atomically, then its report and Data Docs swapped in.")
def warehouse_snapshot(context: AssetExecutionContext, warehouse: WarehouseResource) -> MaterializeResult:
    published = warehouse.published_path()
    site = publishing.staging_path(published, _run_id(context))
    try:
        publishing.publish(warehouse.working_path(), published, required_tables=pipeline.REQUIRED_MARTS,
                           site=site if site.is_dir() else None)
    except BaseException:
        publishing.discard_site(published)  # the staged report of a build that was not published
        raise
    pipeline.say(f"published {published}")
    return MaterializeResult(metadata={"path": str(published), "report": str(warehouse.report_dir() / "index.html")})
