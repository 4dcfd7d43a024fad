"""Where things are: the raw folder and the warehouse files, from the environment.

Read at call time (never at import) so tests can point them elsewhere.
`NIANBAO_RAW_DIR` (default `raw/`) and `NIANBAO_WAREHOUSE` (default
`warehouse/nianbao.duckdb`) are the two documented overrides; the working
database the pipeline writes to sits next to the published one, and so does
everything else a run writes (lock, logs, report site, GX results): a run never
writes into the checkout. Every path function takes the published path
(default: `warehouse_path()`), so a Dagster resource pointing elsewhere shares
the same layout.
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


DEFAULT_KEEP_RUNS = 10


def _wh(published: Path | None) -> Path:
    return Path(published) if published is not None else warehouse_path()


def report_dir(published: Path | None = None) -> Path:
    """The quality report readers open: a symlink into the current site (`site_dir`)."""
    return _wh(published).parent / "quality_report"


def data_docs_dir(published: Path | None = None) -> Path:
    """GX Data Docs readers open: a symlink into the current site (`site_dir`)."""
    return _wh(published).parent / "data_docs"


def site_dir(published: Path | None = None) -> Path:
    """One folder per published build (`<run>/quality_report`, `<run>/data_docs`) and
    `current`, the symlink swapped atomically right after the database is published."""
    return _wh(published).parent / "site"


def gx_store_dir(published: Path | None = None) -> Path:
    """The per-warehouse GX context: a copy of the committed suites plus this
    warehouse's validation results (the checkout's `expectations/` is only read)."""
    return _wh(published).parent / "gx"


def lock_path(published: Path | None = None) -> Path:
    """`<warehouse>.lock`: one run per warehouse (`nianbao.runlock`)."""
    p = _wh(published)
    return p.with_name(p.name + ".lock")


def dbt_docs_dir(published: Path | None = None) -> Path:
    """`make docs`: the dbt docs site of the published warehouse (`index.html`, self-contained)."""
    return _wh(published).parent / "dbt_docs"


def dagster_home_dir(published: Path | None = None) -> Path:
    """The Dagster instance of this warehouse (runs, events, sensor cursors) that `make run`
    and `make dev` share, unless `DAGSTER_HOME` names another (`orchestration.home`)."""
    return _wh(published).parent / "dagster_home"


def logs_dir(published: Path | None = None) -> Path:
    """`run-<UTC time>-<pid>.log` per run and `last_run.log`, a symlink to the latest."""
    return _wh(published).parent / "logs"


def keep_runs() -> int:
    """`NIANBAO_KEEP_RUNS` (default 10): how many run logs, report sites and GX
    results per suite are kept next to the warehouse."""
    try:
        return max(1, int(os.environ.get("NIANBAO_KEEP_RUNS") or DEFAULT_KEEP_RUNS))
    except ValueError:
        return DEFAULT_KEEP_RUNS
