"""The Dagster definitions load and contain the expected assets, checks, schedule and sensor.

A snapshot (snapshots/definitions.json) catches accidental changes; refresh it
with `UPDATE_SNAPSHOTS=1 make test` after an intended change.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

SNAPSHOT = Path(__file__).parent / "snapshots" / "definitions.json"


@pytest.fixture(scope="module")
def defs():
    from orchestration.definitions import defs

    return defs


def describe(defs) -> dict:
    graph = defs.resolve_asset_graph()
    return {
        "assets": sorted("/".join(k.path) for k in graph.get_all_asset_keys()),
        "asset_checks": sorted(f"{'/'.join(k.asset_key.path)}:{k.name}" for k in graph.asset_check_keys),
        "jobs": sorted(j.name for j in defs.resolve_all_job_defs() if not j.name.startswith("__")),
        "schedules": sorted(s.name for s in defs.schedules),
        "sensors": sorted(s.name for s in defs.sensors),
        "groups": {
            g: sorted("/".join(k.path) for k in graph.get_all_asset_keys() if graph.get(k).group_name == g)
            for g in sorted({graph.get(k).group_name for k in graph.get_all_asset_keys()})
        },
    }


def test_definitions_contain_the_pipeline(defs):
    d = describe(defs)
    for key in [
        "gazetteer",
        "raw_documents",
        "raw_extractions",
        "raw_figures",
        "raw_events",
        "raw_libraries",
        "quality_report",
        "warehouse_snapshot",
        "marts/fct_figures",
        "marts/fct_visits",
        "marts/fct_circulation",
        "marts/fct_activities",
        "marts/fct_spending",
        "marts/dim_library",
        "marts/dim_region",
        "marts/dim_year",
        "marts/dim_document",
        "marts/dq_findings",
        "marts/dq_finding_figures",
        "marts/library_year_summary",
    ]:
        assert key in d["assets"], key
    assert d["schedules"] == ["daily_build"]
    assert d["sensors"] == ["raw_folder_sensor"]
    assert "build_warehouse" in d["jobs"]
    checks = d["asset_checks"]
    for code in [
        "conflict",
        "partial_exceeds_year",
        "sum_mismatch",
        "ratio_mismatch",
        "invalid_value",
        "implausible",
        "count_mismatch",
    ]:
        assert f"marts/dq_findings:dq_{code}" in checks
    assert "warehouse_snapshot:great_expectations" in checks
    # dbt tests surface as asset checks on the marts
    assert any(c.startswith("marts/fct_figures:") and "not_null" in c for c in checks)


def test_dbt_sources_map_to_the_python_assets(defs):
    graph = defs.resolve_asset_graph()
    staging = [k for k in graph.get_all_asset_keys() if k.path[0] == "staging"]
    assert staging, "no staging models"
    upstream = set()
    for key in staging:
        upstream |= {tuple(p.path) for p in graph.get(key).parent_keys}
    for key in ["raw_documents", "raw_extractions", "raw_figures", "raw_events", "raw_libraries", "gazetteer"]:
        assert (key,) in upstream, key


def test_job_runs_in_process(defs):
    job = defs.resolve_job_def("build_warehouse")
    assert job.executor_def.name == "in_process"


def test_definitions_snapshot(defs):
    current = describe(defs)
    if os.environ.get("UPDATE_SNAPSHOTS") or not SNAPSHOT.exists():
        SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
        SNAPSHOT.write_text(json.dumps(current, indent=1, ensure_ascii=False) + "\n")
    assert current == json.loads(SNAPSHOT.read_text()), "definitions changed: review, then UPDATE_SNAPSHOTS=1"


def test_sensor_fires_on_change_only(tmp_path, monkeypatch):
    from dagster import RunRequest, SkipReason, build_sensor_context

    from orchestration.defs.automation import raw_folder_sensor

    monkeypatch.setenv("NIANBAO_RAW_DIR", str(tmp_path))
    (tmp_path / "a.txt").write_text("x")
    first = raw_folder_sensor(build_sensor_context())
    assert isinstance(first, RunRequest)
    unchanged = raw_folder_sensor(build_sensor_context(cursor=first.run_key))
    assert isinstance(unchanged, SkipReason)
    (tmp_path / "b.txt").write_text("y")
    added = raw_folder_sensor(build_sensor_context(cursor=first.run_key))
    assert isinstance(added, RunRequest) and added.run_key != first.run_key


def test_dq_check_severity():
    from dagster import AssetCheckSeverity

    from orchestration.defs.quality import dq_check_result

    assert dq_check_result("conflict", {}).passed
    failed = dq_check_result("conflict", {"error": 3})
    assert not failed.passed and failed.severity == AssetCheckSeverity.ERROR
    assert failed.metadata["error_findings"].value == 3
    warned = dq_check_result("implausible", {"warn": 1})
    assert not warned.passed and warned.severity == AssetCheckSeverity.WARN


def test_dev_instance_runs_one_build_at_a_time(tmp_path):
    """`make dev` copies orchestration/dagster.yaml into DAGSTER_HOME: one run at a time (one DuckDB writer)."""
    import shutil

    from dagster import DagsterInstance

    from nianbao.config import PROJECT_ROOT

    shutil.copy(PROJECT_ROOT / "orchestration" / "dagster.yaml", tmp_path / "dagster.yaml")
    with DagsterInstance.from_config(str(tmp_path)) as instance:
        assert instance.get_concurrency_config().run_queue_config.max_concurrent_runs == 1


def test_sensor_fingerprint_survives_odd_names_and_ignores_the_warehouse(tmp_path, monkeypatch):
    """A GBK-encoded file name does not crash the sensor, and a warehouse folder inside the
    raw folder (its logs, report, database) never re-triggers a build."""
    import os

    from orchestration.defs.automation import raw_folder_fingerprint

    raw = tmp_path / "raw"
    (raw / "warehouse").mkdir(parents=True)
    monkeypatch.setenv("NIANBAO_RAW_DIR", str(raw))
    monkeypatch.setenv("NIANBAO_WAREHOUSE", str(raw / "warehouse" / "nianbao.duckdb"))
    with open(os.path.join(os.fsencode(raw), "图书馆年报.txt".encode("gbk")), "wb") as fh:
        fh.write("2020年接待读者1万人次。".encode("gbk"))
    before = raw_folder_fingerprint(raw)
    (raw / "warehouse" / "last_run.log").write_text("a new log line")
    (raw / "warehouse" / "nianbao.duckdb").write_bytes(b"x")
    assert raw_folder_fingerprint(raw) == before
    (raw / "b.txt").write_text("新增读者证100张")
    assert raw_folder_fingerprint(raw) != before
