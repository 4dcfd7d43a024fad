"""Validation, the quality report, the GX Data Docs and the atomic publish of the working database.

`gx_validation` runs the Great Expectations suites on the working build before
anything is published: a failing suite fails the step, so the publish never runs
and the last published warehouse stays, with one line saying which suites failed.
The report and Data Docs of a build are written into a staging folder
(`nianbao.publish.stage_site`) and swapped in by the publish, right after the
database: readers never see a half-written report, nor one of an unpublished build.
"""

import shutil
from datetime import UTC, datetime
from pathlib import Path

from dagster import AssetExecutionContext, AssetKey, Failure, MaterializeResult, asset

from nianbao import pipeline, stopping
from nianbao import publish as publishing
from nianbao.storage import BUILD, View
from orchestration.defs.quality import gx_gate_message
from orchestration.resources import WarehouseResource

MART_KEYS = [AssetKey(["marts", t.split(".", 1)[1]]) for t in pipeline.REQUIRED_MARTS]
GX_RESULTS = "gx_results.json"


def _run_id(context: AssetExecutionContext) -> str:
    return context.run_id.split("-")[0]


def _run(context: AssetExecutionContext, warehouse: WarehouseResource) -> dict:
    """What the report header and the Data Docs banner say about this build."""
    return {
        "published": str(warehouse.published_path()),
        "id": _run_id(context),
        "time": datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC"),
    }


def _on_the_build(context: AssetExecutionContext, warehouse: WarehouseResource, site_of) -> tuple[dict, Path, View]:
    """What a step on the working build starts from, once no stop is asked for: this build
    (`_run`), its staged site (`site_of(published, run id)`: created, or only named) and the
    build to read (the working DuckDB file, or PostgreSQL's build schema)."""
    stopping.check()
    run = _run(context, warehouse)
    site = site_of(warehouse.published_path(), run["id"])
    return run, site, warehouse.storage().view(BUILD)


@asset(
    group_name="publish",
    deps=MART_KEYS,
    description="Great Expectations suites (expectations/) validated on the working build, Data Docs staged; "
    "blocking: a failing suite stops the run before the publish, the last warehouse stays.",
)
def gx_validation(context: AssetExecutionContext, warehouse: WarehouseResource) -> MaterializeResult:
    from nianbao.expectations import save_results, validate_marts

    run, site, build = _on_the_build(context, warehouse, publishing.stage_site)
    results = validate_marts(
        build,
        site / "data_docs",
        store_dir=warehouse.gx_store_dir(),
        banner=f"nianbao: published {run['published']} · {run['time']} · run {run['id']}",
    )
    save_results(results, site / GX_RESULTS)
    metadata = {"suites": len(results), "suites_failed": sum(not r.success for r in results)}
    if message := gx_gate_message(results):
        raise Failure(description=message, metadata=metadata)
    return MaterializeResult(metadata=metadata)


@asset(
    group_name="publish",
    deps=[*MART_KEYS, gx_validation],
    description="Static HTML quality report (one page per library-year, charts) of the validated build, "
    "staged next to the warehouse with its Data Docs; the publish swaps them in with the database.",
)
def quality_report(context: AssetExecutionContext, warehouse: WarehouseResource) -> MaterializeResult:
    from nianbao.report import build_report

    run, site, build = _on_the_build(context, warehouse, publishing.staging_path)
    out = site / "quality_report"
    if out.exists():
        shutil.rmtree(out)  # a step retried in the same run starts over
    # pages of library-years unchanged since the published build are linked from its report, not rendered
    index = build_report(build, out, run=run, previous=warehouse.report_dir())
    pipeline.say(f"quality report staged: {index}")
    return MaterializeResult(metadata={"staged": str(site)})


@asset(
    group_name="publish",
    deps=[*MART_KEYS, gx_validation, quality_report],
    description="The published warehouse analysts open read-only: the working build, validated and renamed into "
    "place atomically, then its report and Data Docs swapped in.",
)
def warehouse_snapshot(context: AssetExecutionContext, warehouse: WarehouseResource) -> MaterializeResult:
    published = warehouse.published_path()
    site = publishing.staging_path(published, _run_id(context))
    storage = warehouse.storage()
    try:
        storage.publish(pipeline.REQUIRED_MARTS, site=site if site.is_dir() else None)
    except BaseException:
        publishing.discard_site(published)  # the staged report of a build that was not published
        raise
    pipeline.say(f"published {storage.describe()}")
    return MaterializeResult(
        metadata={"path": storage.describe(), "report": str(warehouse.report_dir() / "index.html")}
    )
