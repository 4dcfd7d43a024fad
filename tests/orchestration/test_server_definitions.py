"""The definitions of each target (issue 12, item 3): `orchestration.definitions.definitions_for`.

On the server target (`postgres`): documents are dynamic partitions of the
`document_extraction` asset, every job runs on the multiprocess executor, every
step that writes is in the writer pool (and no reader is), the build leaves the
partitions out, the raw-folder sensor starts the ingest and the document sensor
the partitions' runs and the build, and runs do not take the file run lock. The
DuckDB target (the default) keeps one in-process run, no pool, no partitions.
"""

from __future__ import annotations

import pytest
from dagster import AssetKey, DynamicPartitionsDefinition

from orchestration.defs.partitions import DOCUMENTS, EXTRACT_JOB
from orchestration.defs.pools import WRITER_POOL

WRITERS = ["raw_documents", "gazetteer", "raw_figures", "marts/fct_figures", "warehouse_snapshot"]
READERS = ["gx_validation", "quality_report"]


@pytest.fixture(scope="module")
def server():
    from orchestration.definitions import definitions_for

    return definitions_for("postgres")


@pytest.fixture(scope="module")
def local():
    from orchestration.definitions import definitions_for

    return definitions_for("duckdb")


def _pools(defs, key: str) -> set[str]:
    """The pools of the ops computing asset `key` (a graph-backed asset has several)."""
    node = defs.resolve_assets_def(AssetKey(key.split("/"))).node_def
    ops = node.iterate_op_defs() if hasattr(node, "iterate_op_defs") else [node]
    return {op.pool for op in ops}


def test_documents_are_dynamic_partitions_on_the_server(server):
    asset = server.resolve_assets_def("document_extraction")
    assert isinstance(asset.partitions_def, DynamicPartitionsDefinition)
    assert asset.partitions_def.name == DOCUMENTS.name
    job = server.resolve_job_def(EXTRACT_JOB)
    assert job.partitions_def == DOCUMENTS
    assert [k.to_user_string() for k in job.asset_layer.selected_asset_keys] == ["document_extraction"]
    # reading the text and storing the figures wait for the pool, the extraction itself does not
    ops = {op.name: op.pool for op in asset.node_def.iterate_op_defs()}
    assert ops == {"read_document": WRITER_POOL, "extract_document": None, "store_document": WRITER_POOL}


def test_server_jobs_run_on_the_multiprocess_executor(server):
    jobs = {j.name: j for j in server.resolve_all_job_defs() if not j.name.startswith("__")}
    assert set(jobs) == {"build_warehouse", "ingest_documents", EXTRACT_JOB}
    assert {j.executor_def.name for j in jobs.values()} == {"multiprocess"}
    build = {k.to_user_string() for k in jobs["build_warehouse"].asset_layer.selected_asset_keys}
    assert "document_extraction" not in build and {"raw_figures", "marts/fct_figures", "warehouse_snapshot"} <= build
    assert server.resources["warehouse"].hold_run_lock is False


def test_every_writer_is_in_the_pool_and_no_reader(server):
    for key in WRITERS:
        assert _pools(server, key) == {WRITER_POOL}, key
    for key in READERS:
        assert _pools(server, key) == {None}, key


def test_server_sensors_start_the_ingest_then_the_partitions_then_the_build(server):
    sensors = {s.name: s for s in server.sensors}
    assert set(sensors) == {"raw_folder_sensor", "document_sensor"}
    assert sensors["raw_folder_sensor"].job_name == "ingest_documents"
    assert {j.name for j in sensors["document_sensor"].jobs} == {EXTRACT_JOB, "build_warehouse"}
    assert [s.job_name for s in server.schedules] == ["build_warehouse"]


def test_duckdb_target_keeps_one_in_process_run(local, monkeypatch):
    assert local.resolve_job_def("build_warehouse").executor_def.name == "in_process"
    keys = {k.to_user_string() for k in local.resolve_asset_graph().get_all_asset_keys()}
    assert "document_extraction" not in keys
    for key in WRITERS + READERS:
        assert _pools(local, key) == {None}, key
    assert local.resources["warehouse"].hold_run_lock is True
    assert [s.job_name for s in local.sensors] == ["build_warehouse"]
