"""Resources in one place: where the warehouse lives and how dbt is invoked.

Paths are read from the environment when a run asks for them
(NIANBAO_RAW_DIR, NIANBAO_WAREHOUSE), never at import time.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from dagster import ConfigurableResource
from dagster_dbt import DbtCliResource, DbtProject

from nianbao import config

DBT_PROJECT = DbtProject(project_dir=config.DBT_PROJECT_DIR, profiles_dir=config.DBT_PROJECT_DIR)


class WarehouseResource(ConfigurableResource):
    """The raw folder, the working database and the published warehouse.

    Empty fields fall back to the environment / defaults of `nianbao.config`.
    """

    raw_dir: str = ""
    warehouse: str = ""

    def raw_path(self) -> Path:
        return Path(self.raw_dir).resolve() if self.raw_dir else config.raw_dir()

    def published_path(self) -> Path:
        return Path(self.warehouse).resolve() if self.warehouse else config.warehouse_path()

    def working_path(self) -> Path:
        p = self.published_path()
        return p.with_name(p.stem + ".build" + p.suffix)

    def report_dir(self) -> Path:
        return self.published_path().parent / "quality_report"

    def data_docs_dir(self) -> Path:
        return self.published_path().parent / "data_docs"

    @contextmanager
    def dbt_environment(self) -> Iterator[None]:
        """Point dbt's profile (env NIANBAO_WORKING_DB) at this working database."""
        previous = os.environ.get("NIANBAO_WORKING_DB")
        os.environ["NIANBAO_WORKING_DB"] = str(self.working_path())
        try:
            yield
        finally:
            if previous is None:
                os.environ.pop("NIANBAO_WORKING_DB", None)
            else:
                os.environ["NIANBAO_WORKING_DB"] = previous


def build_resources() -> dict:
    return {
        "warehouse": WarehouseResource(),
        # the dbt of this environment, whether or not .venv/bin is on PATH
        "dbt": DbtCliResource(project_dir=DBT_PROJECT, dbt_executable=str(Path(sys.executable).parent / "dbt")),
    }
