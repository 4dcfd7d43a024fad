"""The Dagster instance `make run` and `make dev` share, so the CLI's runs show in the UI.

`DAGSTER_HOME` when set, else `dagster_home/` next to the warehouse
(`nianbao.config.dagster_home_dir`). The folder is created with a copy of
`orchestration/dagster.yaml` (one run at a time, no telemetry) when it has none.
Finished runs beyond `NIANBAO_KEEP_RUNS` are deleted after each `make run`
(`prune_runs`), like the run logs and report sites, so the folder does not grow.
`python -m orchestration.home` prints the folder (what `make dev` uses).
"""

from __future__ import annotations

import shutil
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


def instance(published: Path | None = None):
    """The persistent DagsterInstance of `dagster_home(published)`."""
    from dagster import DagsterInstance

    return DagsterInstance.from_config(str(dagster_home(published)))


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
