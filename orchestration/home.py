"""The Dagster instance `make run` and `make dev` share, so the CLI's runs show in the UI.

`DAGSTER_HOME` when set, else `dagster_home/` next to the warehouse
(`nianbao.config.dagster_home_dir`). The folder is created with a copy of
`orchestration/dagster.yaml` (one run at a time, no telemetry) when it has none.
Finished runs beyond `NIANBAO_KEEP_RUNS` are deleted after each `make run`
(`prune_runs`), like the run logs and report sites, so the folder does not grow.
`python -m orchestration.home` prints the folder (what `make dev` uses).

The instance's SQLite files are written with `synchronous=NORMAL` (`instance()`): Dagster
commits each event on its own (a 2,000-report run stores ~1,000: 312 planned dbt tests,
their results, the materialisations), and in SQLite's WAL mode the default (FULL) waits for
the disk on every commit. NORMAL still never corrupts the file; a power cut may lose the
last events of the run history, never the warehouse (published with its own fsync,
`nianbao.publish`). Dagster also opens and closes a connection per event, and the last
connection to close a WAL database checkpoints it and deletes its WAL (5-6 ms a close on
this machine, 3,900 closes in a +1 run): one idle connection per file is kept open for the
life of the process, so a close is only a close.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from nianbao import config

INSTANCE_SETTINGS = Path(__file__).with_name("dagster.yaml")


def dagster_home(published: Path | None = None) -> Path:
    """The instance folder, ready to use (created, settings copied if missing)."""
    home = config.settings().dagster_home or config.dagster_home_dir(published)
    home.mkdir(parents=True, exist_ok=True)
    settings = home / "dagster.yaml"
    if not settings.exists():
        shutil.copyfile(INSTANCE_SETTINGS, settings)
    return home


_FAST_HOMES: set[str] = set()
#: one idle connection per SQLite file of an instance, open until the process exits
_KEEPERS: dict[str, sqlite3.Connection] = {}


def _commit_without_fsync(dbapi_connection, _record) -> None:
    """SQLAlchemy `connect` hook: `synchronous=NORMAL` on SQLite files inside an instance
    folder of `instance()`, and an idle connection kept open to each (any other database is
    left as it is)."""
    if not isinstance(dbapi_connection, sqlite3.Connection) or not _FAST_HOMES:
        return
    main = next((row[2] for row in dbapi_connection.execute("pragma database_list").fetchall() if row[1] == "main"), "")
    if not any(main.startswith(home) for home in _FAST_HOMES):
        return
    dbapi_connection.execute("pragma synchronous=NORMAL")
    keeper = _KEEPERS.get(main)
    if keeper is None:
        keeper = _KEEPERS[main] = sqlite3.connect(main, check_same_thread=False)
    # a read maps the WAL index (again after a new file was switched to WAL): the keeper counts as open
    keeper.execute("pragma schema_version").fetchone()


def _fast_commits(home: Path) -> None:
    """Commit the events of the instance in `home` without waiting for the disk (module docstring)."""
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    if not event.contains(Engine, "connect", _commit_without_fsync):
        event.listen(Engine, "connect", _commit_without_fsync)
    _FAST_HOMES.add(str(home.resolve()) + "/")


def instance(published: Path | None = None):
    """The persistent DagsterInstance of `dagster_home(published)`."""
    from dagster import DagsterInstance

    home = dagster_home(published)
    _fast_commits(home)
    return DagsterInstance.from_config(str(home))


def prune_runs(instance, keep: int) -> int:
    """Delete all but the newest `keep` finished runs (with their events); returns how many."""
    from dagster import DagsterRunStatus, RunsFilter

    done = [DagsterRunStatus.SUCCESS, DagsterRunStatus.FAILURE, DagsterRunStatus.CANCELED]
    old = instance.get_runs(filters=RunsFilter(statuses=done))[keep:]  # newest first
    root = Path(instance.root_directory)
    for run in old:
        instance.delete_run(run.run_id)
        # the sqlite storage's per-run event file and compute-log folder stay behind, emptied
        (root / "history" / "runs" / f"{run.run_id}.db").unlink(missing_ok=True)
        shutil.rmtree(root / "storage" / run.run_id, ignore_errors=True)
    return len(old)


if __name__ == "__main__":
    print(dagster_home())
