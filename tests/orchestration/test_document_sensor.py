"""The document sensor of the server target (`orchestration/defs/partitions.py`), on a local instance:
it waits while nothing is ingested or a writing step holds the pool, asks for one run per document
not yet extracted (and for each only once), and asks for nothing else meanwhile."""

from __future__ import annotations

import shutil

import pytest
from dagster import DagsterInstance, SensorResult, SkipReason, build_sensor_context

from nianbao import pipeline
from orchestration.defs.partitions import EXTRACT_JOB
from orchestration.defs.pools import WRITER_POOL


@pytest.fixture(scope="module")
def server():
    from orchestration.definitions import definitions_for

    return definitions_for("postgres")


def _evaluate(server, instance):
    sensor = server.resolve_sensor_def("document_sensor")
    return sensor(build_sensor_context(instance=instance, definitions=server))


def test_document_sensor_waits_then_asks_once_per_document(server, settings, seeds_dir, tmp_path):
    (tmp_path / "dagster_home").mkdir()
    with DagsterInstance.local_temp(str(tmp_path / "dagster_home")) as instance:
        skip = _evaluate(server, instance)
        assert isinstance(skip, SkipReason) and "nothing ingested" in skip.skip_message

        for doc in sorted(seeds_dir.glob("*.txt"))[:2]:
            shutil.copy(doc, settings.raw_dir / doc.name)
        pipeline.ingest(settings.raw_dir, settings.working_path(), progress=False)

        # a writing step holds the pool: the working file is not read now
        instance.event_log_storage.set_concurrency_slots(WRITER_POOL, 1)
        instance.event_log_storage.claim_concurrency_slot(WRITER_POOL, "some-run", "raw_documents")
        skip = _evaluate(server, instance)
        assert isinstance(skip, SkipReason) and "pool" in skip.skip_message
        instance.event_log_storage.free_concurrency_slots_for_run("some-run")

        result = _evaluate(server, instance)
        assert isinstance(result, SensorResult)
        keys = sorted(r.partition_key for r in result.run_requests)
        assert len(keys) == 2 and sorted(result.dynamic_partitions_requests[0].partition_keys) == keys
        assert {r.job_name for r in result.run_requests} == {EXTRACT_JOB}
        assert len({r.run_key for r in result.run_requests}) == 2

        # the runs exist (queued): the documents are not asked for again, and no build either
        for request in result.run_requests:
            instance.create_run_for_job(
                server.resolve_job_def(EXTRACT_JOB),
                tags={**request.tags, "dagster/run_key": request.run_key, "dagster/partition": request.partition_key},
            )
        again = _evaluate(server, instance)
        assert isinstance(again, SkipReason) and "in progress" in again.skip_message
