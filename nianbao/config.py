"""Where things are: the raw folder and the warehouse files, from the environment.

Read at call time (never at import) so tests can point them elsewhere.
`NIANBAO_RAW_DIR` (default `raw/`) and `NIANBAO_WAREHOUSE` (default
`warehouse/nianbao.duckdb`) are the two documented overrides; the working
database the pipeline writes to sits next to the published one.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"


def raw_dir() -> Path:
    return Path(os.environ.get("NIANBAO_RAW_DIR") or PROJECT_ROOT / "raw").resolve()


def warehouse_path() -> Path:
    """The published warehouse analysts open read-only."""
    return Path(os.environ.get("NIANBAO_WAREHOUSE") or PROJECT_ROOT / "warehouse" / "nianbao.duckdb").resolve()


def working_path() -> Path:
    """The database the pipeline builds into before publishing (same folder, so
    the final rename is atomic)."""
    p = warehouse_path()
    return p.with_name(p.stem + ".build" + p.suffix)


def report_dir() -> Path:
    """Where the static quality report is written."""
    return warehouse_path().parent / "quality_report"


def data_docs_dir() -> Path:
    """Where Great Expectations Data Docs are built."""
    return warehouse_path().parent / "data_docs"
