"""The Dagster code location: assembled from small modules, no work at import time.

Two sets of definitions, chosen by the settings' target (`NIANBAO_TARGET`, read
once when the code location loads; `definitions_for(target)` builds either):

- `duckdb` (the default): one in-process run at a time, every step in order
  (DuckDB has one writing process); the build runs on a schedule and when the
  raw folder changes.
- `postgres` (the server target, docs/deployment.md): the multiprocess executor;
  every writing step in the writer pool (`orchestration/defs/pools.py`, limit 1 in
  the instance settings); documents as dynamic partitions
  (`orchestration/defs/partitions.py`): the raw-folder sensor starts the ingest,
  the document sensor one extraction run per new document, then the build.

Needs the dbt manifest (`make manifest` runs `dbt parse`).
"""

from __future__ import annotations

from dagster import (
    AssetSelection,
    Definitions,
    define_asset_job,
    in_process_executor,
    map_asset_specs,
    multiprocess_executor,
)

from nianbao import config
from orchestration.defs.automation import (
    build_job,
    build_warehouse,
    daily_build,
    daily_schedule,
    folder_sensor,
    raw_folder_sensor,
)
from orchestration.defs.freshness import with_mart_freshness
from orchestration.defs.ingest import extract, gazetteer, raw_documents
from orchestration.defs.partitions import ASSET, document_extraction, document_sensor, extract_documents
from orchestration.defs.pools import with_pool
from orchestration.defs.publish import gx_validation, quality_report, warehouse_snapshot
from orchestration.defs.quality import DQ_CHECKS, great_expectations_check
from orchestration.defs.transform import nianbao_dbt
from orchestration.resources import build_resources

INGEST_JOB = "ingest_documents"


def _pipeline():
    """(the assets that write, the assets that read) of the unpartitioned pipeline."""
    writers = [
        raw_documents,
        gazetteer,
        extract,
        *map_asset_specs(with_mart_freshness, [nianbao_dbt]),
        warehouse_snapshot,
    ]
    return writers, [gx_validation, quality_report]


def duckdb_definitions() -> Definitions:
    writers, readers = _pipeline()
    return Definitions(
        assets=[*writers, *readers],
        asset_checks=[*DQ_CHECKS, great_expectations_check],
        jobs=[build_warehouse],
        schedules=[daily_build],
        sensors=[raw_folder_sensor],
        resources=build_resources(),
        executor=in_process_executor,
    )


def server_definitions() -> Definitions:
    writers, readers = _pipeline()
    build = build_job(AssetSelection.all() - AssetSelection.assets(ASSET), executor_def=multiprocess_executor)
    ingest = define_asset_job(
        INGEST_JOB,
        selection=AssetSelection.assets(raw_documents, gazetteer),
        executor_def=multiprocess_executor,
        description="Read the raw folder into raw.documents (the document sensor follows).",
    )
    return Definitions(
        assets=[*(with_pool(a) for a in writers), *readers, document_extraction],
        asset_checks=[*DQ_CHECKS, great_expectations_check],
        jobs=[build, ingest, extract_documents],
        schedules=[daily_schedule(build)],
        sensors=[
            folder_sensor(ingest, "Starts the ingest when files in the raw folder are added, changed or removed."),
            document_sensor(build),
        ],
        resources=build_resources(hold_run_lock=False),  # runs side by side: the writer pool keeps them apart
        executor=multiprocess_executor,
    )


def definitions_for(target: str) -> Definitions:
    """The definitions of `target` (`duckdb` or `postgres`)."""
    return server_definitions() if target == "postgres" else duckdb_definitions()


defs = definitions_for(config.storage_target())
