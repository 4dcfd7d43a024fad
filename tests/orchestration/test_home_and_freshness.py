"""The Dagster instance `make run` and `make dev` share (orchestration.home), and the
freshness policy of the marts (orchestration.defs.freshness)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from dagster import AssetKey, job, op

from nianbao import config
from orchestration import home
from orchestration.defs.automation import daily_build
from orchestration.defs.freshness import MART_FRESHNESS, deadline_cron


@pytest.fixture
def warehouse(tmp_path, monkeypatch):
    published = tmp_path / "wh dir" / "nianbao.duckdb"
    published.parent.mkdir()
    monkeypatch.setenv("NIANBAO_WAREHOUSE", str(published))
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    return published


@pytest.fixture
def stand_in_build(monkeypatch):
    """The build job replaced by a stand-in of one op that does nothing (the real one is tested end to end)."""
    from orchestration import definitions

    @op
    def nothing():
        return None

    @job(name="stand_in_build")
    def stand_in():
        nothing()

    monkeypatch.setattr(definitions.defs, "resolve_job_def", lambda name: stand_in)
    return stand_in


def test_home_is_beside_the_warehouse_with_the_instance_settings(warehouse):
    path = home.dagster_home()
    assert path == config.dagster_home_dir(warehouse) == warehouse.parent / "dagster_home"
    assert (path / "dagster.yaml").read_text() == home.INSTANCE_SETTINGS.read_text()
    (path / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")  # an operator's own settings stay
    assert home.dagster_home() == path and "concurrency" not in (path / "dagster.yaml").read_text()


def test_dagster_home_in_the_environment_wins(warehouse, tmp_path, monkeypatch):
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "mine"))
    assert home.dagster_home() == (tmp_path / "mine").resolve()
    assert not config.dagster_home_dir(warehouse).exists()


def test_a_cli_run_is_recorded_in_the_shared_instance(warehouse, stand_in_build, capsys):
    """`make run` (orchestration.cli) executes in the persistent instance `make dev` opens,
    so its runs show in the UI (a stand-in job: the real one is tested end to end)."""
    from orchestration import cli

    assert cli._run_locked(warehouse) == 1  # nothing published by the stand-in
    with home.instance(warehouse) as instance:
        runs = instance.get_runs()
    assert [r.job_name for r in runs] == ["stand_in_build"]
    assert runs[0].is_success


def test_deadline_is_the_schedule_plus_the_grace():
    assert deadline_cron("0 3 * * *", timedelta(hours=1)) == "0 4 * * *"
    assert deadline_cron("30 23 * * *", timedelta(hours=2)) == "30 1 * * *"


def test_every_mart_and_only_the_marts_carry_the_daily_freshness_policy():
    from orchestration.definitions import defs

    graph = defs.resolve_asset_graph()
    fresh = {k for k in graph.get_all_asset_keys() if graph.get(k).freshness_policy is not None}
    marts = {k for k in graph.get_all_asset_keys() if k.path[0] == "marts"}
    assert fresh == marts and AssetKey(["marts", "fct_figures"]) in fresh
    assert AssetKey(["marts", "dq_findings"]) in fresh  # the quality marts are read too
    policy = graph.get(AssetKey(["marts", "mart_library_year"])).freshness_policy
    assert policy == MART_FRESHNESS
    assert policy.timezone == daily_build.execution_timezone
    assert policy.deadline_cron == deadline_cron(daily_build.cron_schedule, timedelta(hours=1))
    assert policy.lower_bound_delta == timedelta(hours=24)


def test_finished_runs_beyond_keep_runs_are_deleted(warehouse, stand_in_build, monkeypatch):
    """Each `make run` keeps the newest NIANBAO_KEEP_RUNS finished runs in the instance."""
    from orchestration import cli

    monkeypatch.setenv("NIANBAO_KEEP_RUNS", "2")
    for _ in range(3):
        cli._run_locked(warehouse)
    with home.instance(warehouse) as instance:
        runs = instance.get_runs()
        assert len(runs) == 2
        kept = {r.run_id for r in runs}
        assert all(instance.get_records_for_run(run_id).records for run_id in kept)
    assert len(list((home.dagster_home() / "history" / "runs").glob("*-*.db"))) <= 2


def test_the_instance_commits_without_waiting_for_the_disk_and_other_sqlite_files_are_untouched(warehouse, tmp_path):
    """Dagster commits every event on its own: the instance's SQLite files are written with
    synchronous=NORMAL (1), each with one idle connection kept open (closing the last connection
    would checkpoint the file); another SQLite database opened through SQLAlchemy keeps FULL (2)
    and no kept connection."""
    import sqlite3

    from sqlalchemy import create_engine, event
    from sqlalchemy.engine import Engine

    seen: dict[str, int] = {}

    def spy(dbapi_connection, _record):  # registered after the instance's hook: sees its setting
        if isinstance(dbapi_connection, sqlite3.Connection):
            path = next(row[2] for row in dbapi_connection.execute("pragma database_list") if row[1] == "main")
            seen[path] = dbapi_connection.execute("pragma synchronous").fetchone()[0]

    instance = home.instance()
    event.listen(Engine, "connect", spy)
    try:
        assert instance.get_runs() == []  # opens the run storage
        other = create_engine(f"sqlite:///{tmp_path / 'other.db'}")
        with other.connect():
            pass
        other.dispose()
    finally:
        event.remove(Engine, "connect", spy)
    ours = {p: v for p, v in seen.items() if p.startswith(str(home.dagster_home().resolve()))}
    assert ours and set(ours.values()) == {1}
    assert seen[str((tmp_path / "other.db").resolve())] == 2
    assert set(ours) <= set(home._KEEPERS) and str((tmp_path / "other.db").resolve()) not in home._KEEPERS
    wal = [p for p in ours if home._KEEPERS[p].execute("pragma journal_mode").fetchone()[0] == "wal"]
    assert wal and all(Path(p + "-wal").exists() for p in wal)  # not checkpointed away by every close
