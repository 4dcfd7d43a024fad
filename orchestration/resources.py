"""Resources in one place: where the warehouse lives and how dbt is invoked.

Empty fields fall back to `nianbao.config.settings()` (NIANBAO_RAW_DIR,
NIANBAO_WAREHOUSE) when a run asks for them, never at import time.
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dagster import ConfigurableResource, InitResourceContext
from dagster_dbt import DbtCliResource, DbtProject

from nianbao import config
from nianbao.runlock import run_lock

DBT_PROJECT = DbtProject(project_dir=config.DBT_PROJECT_DIR, profiles_dir=config.DBT_PROJECT_DIR)


class WarehouseResource(ConfigurableResource):
    """The raw folder, the working database and the published warehouse.

    Empty fields fall back to the environment / defaults of `nianbao.config`.
    A run that uses it holds the warehouse's run lock (`nianbao.runlock`) from
    start to end: a second run on the same warehouse fails at once naming the
    holder (the `make run` CLI takes the same lock first, re-entrantly).
    With `hold_run_lock` off (the server target: steps in separate processes,
    runs side by side) the steps that write wait for the instance's writer pool
    instead (`orchestration/defs/pools.py`).
    """

    raw_dir: str = ""
    warehouse: str = ""
    hold_run_lock: bool = True

    @contextmanager
    def yield_for_execution(self, context: InitResourceContext) -> Iterator[WarehouseResource]:
        if not self.hold_run_lock:
            yield self
            return
        with run_lock(config.lock_path(self.published_path())):
            yield self

    def raw_path(self) -> Path:
        return Path(self.raw_dir).resolve() if self.raw_dir else config.raw_dir()

    def published_path(self) -> Path:
        return Path(self.warehouse).resolve() if self.warehouse else config.warehouse_path()

    def working_path(self) -> Path:
        return config.working_path(self.published_path())

    def storage(self):
        """The warehouse database of the settings' target (`nianbao.storage`: DuckDB or PostgreSQL)."""
        from nianbao.storage import open_storage

        return open_storage(self.published_path(), self.working_path())

    def report_dir(self) -> Path:
        return config.report_dir(self.published_path())

    def data_docs_dir(self) -> Path:
        return config.data_docs_dir(self.published_path())

    def gx_store_dir(self) -> Path:
        return config.gx_store_dir(self.published_path())

    @contextmanager
    def dbt_environment(self) -> Iterator[Path]:
        """Point dbt's profile (env NIANBAO_WORKING_DB) at this working database;
        yield a temporary folder for dbt's target and logs (removed afterwards,
        so nothing accumulates in the checkout).

        dbt-duckdb reads the profile's path as a URL (a `#` starts a fragment)
        and names the catalog after it: a folder path with anything but letters,
        digits, `_`, `-`, `.` and `/` is reached through a symlink of the folder
        in the temporary folder, so the WAL still lands next to the database."""
        working = self.working_path()
        tmp = Path(tempfile.mkdtemp(prefix="nianbao-dbt-"))
        db_path = working
        if not _PLAIN_PATH.match(str(working.parent)):
            (tmp / "wh").symlink_to(working.parent, target_is_directory=True)
            db_path = tmp / "wh" / working.name
        try:
            with config.environment(NIANBAO_WORKING_DB=str(db_path), **self.storage().dbt_env()):
                yield tmp / "target"
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


_PLAIN_PATH = re.compile(r"^[\w./-]+$", re.ASCII)


def build_resources(hold_run_lock: bool = True) -> dict:
    """The resources of the definitions (`hold_run_lock`: `WarehouseResource.hold_run_lock`)."""
    return {
        "warehouse": WarehouseResource(hold_run_lock=hold_run_lock),
        # the dbt of this environment, whether or not .venv/bin is on PATH
        "dbt": DbtCliResource(project_dir=DBT_PROJECT, dbt_executable=str(Path(sys.executable).parent / "dbt")),
    }
