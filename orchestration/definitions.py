"""The Dagster code location: assembled from small modules, no work at import time.

Needs the dbt manifest (`make manifest` runs `dbt parse`).
"""

from __future__ import annotations

from dagster import Definitions, in_process_executor, map_asset_specs

from orchestration.defs.automation import build_warehouse, daily_build, raw_folder_sensor
from orchestration.defs.freshness import with_mart_freshness
from orchestration.defs.ingest import extract, gazetteer, raw_documents
from orchestration.defs.publish import gx_validation, quality_report, warehouse_snapshot
from orchestration.defs.quality import DQ_CHECKS, great_expectations_check
from orchestration.defs.transform import nianbao_dbt
from orchestration.resources import build_resources

defs = Definitions(
    assets=[gazetteer, raw_documents, extract, *map_asset_specs(with_mart_freshness, [nianbao_dbt]),
            gx_validation, quality_report, warehouse_snapshot],
    asset_checks=[*DQ_CHECKS, great_expectations_check],
    jobs=[build_warehouse],
    schedules=[daily_build],
    sensors=[raw_folder_sensor],
    resources=build_resources(),
    executor=in_process_executor,
)
