"""The job that builds everything, its daily schedule, and the sensor on the raw folder.

The job's runs take the warehouse's run lock through `WarehouseResource`; the
sensor skips while any run (the CLI included) holds it."""

import hashlib
import os

from dagster import (
    AssetSelection,
    DefaultScheduleStatus,
    DefaultSensorStatus,
    ExecutorDefinition,
    RunRequest,
    SensorEvaluationContext,
    SkipReason,
    define_asset_job,
    in_process_executor,
    schedule,
    sensor,
)

from nianbao import config
from nianbao.runlock import holder

BUILD_JOB = "build_warehouse"


def build_job(selection: AssetSelection | None = None, executor_def: ExecutorDefinition = in_process_executor):
    """The job that builds everything in `selection` (default: all; the server target leaves the
    document partitions out)."""
    return define_asset_job(
        BUILD_JOB,
        selection=selection or AssetSelection.all(),
        executor_def=executor_def,
        description="Ingest raw/, extract, build the dbt models and checks, write the report, publish.",
    )


def daily_schedule(job):
    @schedule(
        job=job,
        cron_schedule="0 3 * * *",
        execution_timezone="Asia/Shanghai",
        default_status=DefaultScheduleStatus.RUNNING,
        name="daily_build",
    )
    def daily_build(_context):
        return RunRequest()

    return daily_build


# DuckDB has one writer: every step runs in this process, in order
build_warehouse = build_job()
daily_build = daily_schedule(build_warehouse)


def _raw_files(raw_dir) -> list[tuple[str, os.stat_result]]:
    """(source_file, stat) of every file a build reads under the raw folder (`nianbao.ingest.scan`:
    the warehouse folder, when it sits inside the raw folder, is never part of it)."""
    from nianbao.ingest.scan import scan_folder

    if not raw_dir.is_dir():
        return []
    out = []
    for entry in scan_folder(raw_dir, exclude=[config.warehouse_path().parent]).entries:
        try:
            out.append((entry.source_file, entry.path.stat()))
        except OSError:  # a dangling link, a file removed meanwhile: ingest reports it
            continue
    return out


def raw_folder_fingerprint(raw_dir) -> str:
    """A hash of every file's path, size and modification time under the raw folder."""
    h = hashlib.sha256()
    for source_file, st in _raw_files(raw_dir):
        line = f"{source_file}\x1f{st.st_size}\x1f{st.st_mtime_ns}\n"
        h.update(line.encode("utf-8", "surrogateescape"))
    return h.hexdigest()[:16]


def changed_since_publish(raw_dir, published) -> bool:
    """True when there is no published warehouse, or a file under the raw folder was
    modified after it was published (a removed file is not seen: the daily build is)."""
    if not published.exists():
        return True
    built = published.stat().st_mtime_ns
    return any(st.st_mtime_ns > built for _, st in _raw_files(raw_dir))


def _raw_folder_sensor(context: SensorEvaluationContext):
    # a run (the CLI, or a Dagster run) holds this warehouse: skip, and look again next time
    # (the cursor is not moved, so the change is still seen once the run is over)
    who = holder(config.lock_path())
    if who:
        return SkipReason(f"a run holds the warehouse lock ({who})")
    fingerprint = raw_folder_fingerprint(config.raw_dir())
    if fingerprint == context.cursor:
        return SkipReason("raw folder unchanged")
    if context.cursor is None and not changed_since_publish(config.raw_dir(), config.warehouse_path()):
        # first evaluation (a new DAGSTER_HOME, the UI just started): remember the folder,
        # do not rebuild a warehouse that is already newer than every raw file
        context.update_cursor(fingerprint)
        return SkipReason("first look at the raw folder: nothing changed since the last publish")
    context.update_cursor(fingerprint)
    return RunRequest(run_key=fingerprint)


def folder_sensor(job, description: str = "Starts a build when files in the raw folder are added, changed or removed."):
    """The raw-folder sensor, starting `job` (the build; on the server target, the ingest)."""
    return sensor(
        job=job,
        minimum_interval_seconds=60,
        default_status=DefaultSensorStatus.RUNNING,
        description=description,
        name="raw_folder_sensor",
    )(_raw_folder_sensor)


raw_folder_sensor = folder_sensor(build_warehouse)
