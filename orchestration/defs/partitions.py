"""Documents as dynamic partitions (the server target, `NIANBAO_TARGET=postgres`).

- DOCUMENTS: one partition per loaded document, keyed by its document id (the
  sha256 of its bytes: a changed file is a new partition).
- `document_extraction`: one document per partition, three ops
  (`nianbao.document_extraction`): reading its text and storing its figures
  (working file, then PostgreSQL's `raw` through the storage seam) claim the
  writer pool; the extraction between them does not, so the partitions of runs
  in progress side by side extract at once.
- `document_sensor`: adds a partition for every loaded document the extractor
  has not extracted yet and requests its run (`extract_documents`; run key: the
  document and extractor version, so each is asked once). When none is left to
  ask for, none is in progress, and a partition was materialised since the last
  build it requested, it requests the (unpartitioned) build: its extract step
  finds the documents extracted (and extracts any whose run failed), then dbt,
  GX, the report and the publish.
"""

import duckdb
from dagster import (
    AssetKey,
    AssetSelection,
    DefaultSensorStatus,
    DynamicPartitionsDefinition,
    OpExecutionContext,
    RunRequest,
    RunsFilter,
    SensorEvaluationContext,
    SensorResult,
    SkipReason,
    define_asset_job,
    graph_asset,
    op,
    sensor,
)
from dagster._core.storage.dagster_run import NOT_FINISHED_STATUSES
from dagster._core.storage.tags import RUN_KEY_TAG

from nianbao import document_extraction as one
from orchestration.defs.pools import WRITER_POOL
from orchestration.resources import WarehouseResource

DOCUMENTS = DynamicPartitionsDefinition(name="documents")
EXTRACT_JOB = "extract_documents"
ASSET = "document_extraction"


@op(pool=WRITER_POOL, description="The partition's document and its text, from the working file.")
def read_document(context: OpExecutionContext, warehouse: WarehouseResource):
    document = one.read_document(warehouse.working_path(), context.partition_key)
    if document is None:
        context.log.info(f"document {context.partition_key} is not loaded, or already extracted")
    return document


@op(description="Figures, events and candidates of one document, extracted in a sandbox child.")
def extract_document(context: OpExecutionContext, document):
    if document is None:
        return None
    outcome = one.extract_text(document.text, document.source_file)
    if isinstance(outcome, one.Failed):
        context.log.warning(f"quarantined {document.source_file}: {outcome.reason} ({outcome.detail})")
    return outcome


@op(pool=WRITER_POOL, description="One document's extraction into the working file and the warehouse's raw tables.")
def store_document(context: OpExecutionContext, warehouse: WarehouseResource, outcome) -> dict:
    if outcome is None:
        return {}
    rows = one.store_document(warehouse.storage(), warehouse.working_path(), context.partition_key, outcome)
    context.add_output_metadata({f"rows_{t}": n for t, n in rows.items()})
    return rows


@graph_asset(
    name=ASSET,
    partitions_def=DOCUMENTS,
    group_name="ingest",
    description="One document's figures, events and candidates (a partition per document, server target).",
)
def document_extraction():
    return store_document(extract_document(read_document()))


extract_documents = define_asset_job(
    EXTRACT_JOB,
    selection=AssetSelection.assets(ASSET),
    description="Extract one document (a partition of `documents`).",
)


def _not_finished(context: SensorEvaluationContext, job_name: str) -> bool:
    return bool(context.instance.get_run_ids(RunsFilter(job_name=job_name, statuses=NOT_FINISHED_STATUSES), limit=1))


def _documents_to_extract(context: SensorEvaluationContext) -> list[str] | SkipReason:
    """The loaded documents not yet extracted (from the working file), or why they cannot be read now."""
    from nianbao import config, warehouse
    from nianbao.pipeline import extractor_version

    info = context.instance.event_log_storage.get_concurrency_info(WRITER_POOL)
    if info.active_slot_count:
        return SkipReason("a step holds the writer pool (the working file is being written)")
    working = config.working_path()
    if not working.exists():
        return SkipReason("nothing ingested yet")
    try:
        with warehouse.connect(working, read_only=True) as con:
            return warehouse.document_ids_to_extract(con, extractor_version())
    except duckdb.Error as exc:  # a writer outside Dagster (`make run`) holds it
        return SkipReason(f"the working file cannot be read now: {str(exc).splitlines()[0]}")


def _not_asked(context: SensorEvaluationContext, keys: dict[str, str]) -> list[str]:
    """The documents of `keys` (run key -> document) no extraction run was requested for."""
    asked = (
        {
            run.tags.get(RUN_KEY_TAG)
            for run in context.instance.get_runs(RunsFilter(job_name=EXTRACT_JOB, tags={RUN_KEY_TAG: list(keys)}))
        }
        if keys
        else set()
    )
    return [d for k, d in keys.items() if k not in asked]


def document_sensor(build_job):
    """The sensor starting the document partitions' runs, then `build_job`."""

    @sensor(
        jobs=[extract_documents, build_job],
        minimum_interval_seconds=30,
        name="document_sensor",
        default_status=DefaultSensorStatus.RUNNING,
        description="A partition and an extraction run per new document; then the build of the marts.",
    )
    def _sensor(context: SensorEvaluationContext):
        from nianbao.pipeline import extractor_version

        todo = _documents_to_extract(context)
        if isinstance(todo, SkipReason):
            return todo
        version = extractor_version()
        ask = _not_asked(context, {f"{d}@{version}": d for d in todo})
        if ask:
            known = set(context.instance.get_dynamic_partitions(DOCUMENTS.name))
            new = [d for d in ask if d not in known]
            return SensorResult(
                dynamic_partitions_requests=[DOCUMENTS.build_add_request(new)] if new else [],
                run_requests=[RunRequest(job_name=EXTRACT_JOB, partition_key=d, run_key=f"{d}@{version}") for d in ask],
            )
        if _not_finished(context, EXTRACT_JOB) or _not_finished(context, build_job.name):
            return SkipReason("document runs or a build in progress")
        latest = context.instance.fetch_materializations(AssetKey(ASSET), limit=1).records
        if not latest or str(latest[0].storage_id) == context.cursor:
            return SkipReason("no document extracted since the last build")
        context.update_cursor(str(latest[0].storage_id))
        return RunRequest(job_name=build_job.name)

    return _sensor
