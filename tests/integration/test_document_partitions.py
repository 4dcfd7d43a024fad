"""Documents as dynamic partitions on the server target (issue 12, item 3).

Against a throwaway PostgreSQL cluster (`tests.pg`): two seed reports are ingested
into the working file; the document sensor adds one partition per document and
requests one extraction run each; materialising the two partitions puts each
document's figures into PostgreSQL's `raw.figures` (through the storage seam) and
into the working file (the extraction cache), so the build's extract step has
nothing left to extract; then the sensor asks for the build. The Dagster instance
itself lives on the same cluster (dagster-postgres, orchestration/dagster_server.yaml),
with the writer pool's limit of 1.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import psycopg
import pytest
import yaml
from dagster import (
    DagsterEventType,
    DagsterInstance,
    RunRequest,
    SensorResult,
    SkipReason,
    build_sensor_context,
    execute_job,
    materialize,
    reconstructable,
)

from nianbao import pipeline, warehouse
from orchestration.definitions import server_definitions
from orchestration.defs.partitions import ASSET, DOCUMENTS, EXTRACT_JOB, document_extraction
from orchestration.defs.pools import WRITER_POOL
from orchestration.resources import WarehouseResource
from tests.paths import SEEDS
from tests.pg import pg_env  # noqa: F401  (the session's cluster)

SERVER_YAML = Path(__file__).resolve().parents[2] / "orchestration" / "dagster_server.yaml"
pytestmark = pytest.mark.timeout(900)


def _dsn(env: dict[str, str]) -> str:
    return (
        f"host={env['NIANBAO_PG_HOST']} port={env['NIANBAO_PG_PORT']} "
        f"dbname={env['NIANBAO_PG_DBNAME']} user={env['NIANBAO_PG_USER']}"
    )


@pytest.fixture
def server(pg_env, settings, tmp_path, monkeypatch):  # noqa: F811
    """The server target on the throwaway cluster: two seed reports ingested into the working file,
    a Dagster instance from orchestration/dagster_server.yaml whose storage is a database of its own."""
    for name, value in {**pg_env, "NIANBAO_TARGET": "postgres"}.items():
        monkeypatch.setenv(name, value)
    with psycopg.connect(_dsn(pg_env), autocommit=True) as con:
        con.execute("drop schema if exists raw cascade")
        con.execute("drop database if exists dagster_test")
        con.execute("create database dagster_test")
    for name, value in {
        "DAGSTER_PG_HOST": pg_env["NIANBAO_PG_HOST"],
        "DAGSTER_PG_PORT": pg_env["NIANBAO_PG_PORT"],
        "DAGSTER_PG_USER": pg_env["NIANBAO_PG_USER"],
        "DAGSTER_PG_PASSWORD": "",
        "DAGSTER_PG_DB": "dagster_test",
    }.items():
        monkeypatch.setenv(name, value)
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(SERVER_YAML, home / "dagster.yaml")
    docs = sorted(SEEDS.glob("*.txt"))[:2]
    for doc in docs:
        shutil.copy(doc, settings.raw_dir / doc.name)
    pipeline.ingest(settings.raw_dir, settings.working_path(), progress=False)
    with DagsterInstance.from_config(str(home)) as instance:
        yield instance, settings


def _loaded(working: Path) -> dict[str, str]:
    with warehouse.connect(working, read_only=True) as con:
        return dict(
            con.execute("select document_id, source_file from raw.documents where status = 'loaded'").fetchall()
        )


def test_two_document_partitions_land_in_postgres_raw(server, pg_env):  # noqa: F811
    instance, settings = server
    assert instance.get_concurrency_config().pool_config.default_pool_limit == 1
    assert type(instance.run_storage).__name__ == "PostgresRunStorage"
    documents = _loaded(settings.working_path())
    assert len(documents) == 2
    defs = server_definitions()

    # the sensor: a partition per document not yet extracted, one run request each
    sensor = defs.resolve_sensor_def("document_sensor")
    result = sensor(build_sensor_context(instance=instance, definitions=defs))
    assert isinstance(result, SensorResult)
    [added] = result.dynamic_partitions_requests
    assert sorted(added.partition_keys) == sorted(documents)
    assert sorted(r.partition_key for r in result.run_requests) == sorted(documents)
    assert {r.job_name for r in result.run_requests} == {EXTRACT_JOB}
    instance.add_dynamic_partitions(DOCUMENTS.name, list(added.partition_keys))

    for document_id in sorted(documents):
        out = materialize(
            [document_extraction],
            partition_key=document_id,
            instance=instance,
            resources={"warehouse": WarehouseResource(hold_run_lock=False)},
        )
        assert out.success
    # the writer pool's slots were claimed and given back
    info = instance.event_log_storage.get_concurrency_info(WRITER_POOL)
    assert info.slot_count == 1 and info.active_slot_count == 0

    with psycopg.connect(_dsn(pg_env), autocommit=True) as con:
        in_pg = dict(con.execute("select document_id, count(*) from raw.figures group by 1").fetchall())
        extracted = {r[0] for r in con.execute("select document_id from raw.extractions")}
    assert set(in_pg) == set(documents) and all(n > 0 for n in in_pg.values())
    assert extracted == set(documents)
    with warehouse.connect(settings.working_path(), read_only=True) as con:
        in_file = dict(con.execute("select document_id, count(*) from raw.figures group by 1").fetchall())
        assert warehouse.document_ids_to_extract(con, pipeline.extractor_version()) == []
    assert in_file == in_pg  # the extraction cache and the server's raw hold the same rows

    # nothing left to extract, no document run in progress: the sensor asks for the build
    context = build_sensor_context(instance=instance, definitions=defs, cursor=None)
    result = sensor(context)
    assert isinstance(result, RunRequest) and result.job_name == "build_warehouse"
    # and only once for these extractions
    again = sensor(build_sensor_context(instance=instance, definitions=defs, cursor=context.cursor))
    assert isinstance(again, SkipReason)


def test_server_instance_template_names_postgres_storage_and_pools():
    settings = yaml.safe_load(SERVER_YAML.read_text())
    assert set(settings["storage"]) == {"postgres"}
    assert settings["concurrency"]["pools"] == {"default_limit": 1, "granularity": "op"}
    assert settings["concurrency"]["runs"]["max_concurrent_runs"] > 1
    assert settings["run_monitoring"]["enabled"] and settings["run_monitoring"]["free_slots_after_run_end_seconds"] > 0


def server_extract_job():
    """The server target's partitioned job, as the multiprocess executor's step processes rebuild it."""
    return server_definitions().resolve_job_def(EXTRACT_JOB)


def test_partition_runs_on_the_multiprocess_executor(server, pg_env):  # noqa: F811
    instance, settings = server
    document_id = sorted(_loaded(settings.working_path()))[0]  # one: every step process loads the definitions
    instance.add_dynamic_partitions(DOCUMENTS.name, [document_id])
    with execute_job(
        reconstructable(server_extract_job), instance=instance, tags={"dagster/partition": document_id}
    ) as result:
        assert result.success
        starts = [e for e in result.all_events if e.event_type == DagsterEventType.STEP_START]
    assert {e.step_key for e in starts} == {
        f"{ASSET}.{op}" for op in ("read_document", "extract_document", "store_document")
    }
    assert os.getpid() not in {e.pid for e in starts}  # each step in a process of its own
    with psycopg.connect(_dsn(pg_env), autocommit=True) as con:
        in_pg = {r[0] for r in con.execute("select distinct document_id from raw.figures")}
    assert in_pg == {document_id}
