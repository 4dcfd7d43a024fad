"""The quality report and the atomic publish of the working database."""


from dagster import AssetKey, MaterializeResult, asset

from nianbao import pipeline
from orchestration.resources import WarehouseResource

MART_KEYS = [AssetKey(["marts", t.split(".", 1)[1]]) for t in pipeline.REQUIRED_MARTS]


@asset(group_name="publish", deps=MART_KEYS,
       description="Static HTML quality report (one page per library-year, charts) written next to the warehouse.")
def quality_report(warehouse: WarehouseResource) -> MaterializeResult:
    from nianbao.report import build_report

    index = build_report(warehouse.working_path(), warehouse.report_dir())
    pipeline.say(f"quality report: {index}")
    return MaterializeResult(metadata={"index": str(index)})


@asset(group_name="publish", deps=[*MART_KEYS, quality_report],
       description="The published warehouse analysts open read-only: the working build, validated and renamed into place atomically.")
def warehouse_snapshot(warehouse: WarehouseResource) -> MaterializeResult:
    pipeline.publish(warehouse.working_path(), warehouse.published_path())
    return MaterializeResult(metadata={"path": str(warehouse.published_path())})
