"""The real CLI (`python -m orchestration.cli run`, what `make run` calls) on a temporary raw folder
and warehouse, for the end-to-end tests: the seed input, the run, and read-only queries."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb

from nianbao.config import PROJECT_ROOT
from tests.paths import SEED_REPORTS

CLI = [sys.executable, "-m", "orchestration.cli", "run"]


def env_for(raw: Path, wh: Path, **extra: str) -> dict:
    """The environment of a run reading `raw` and publishing `wh`, plus `extra` variables."""
    return dict(os.environ, NIANBAO_RAW_DIR=str(raw), NIANBAO_WAREHOUSE=str(wh), **extra)


def run_cli(raw: Path, wh: Path, *args: str, **extra: str) -> subprocess.CompletedProcess:
    """One CLI run to its end (at most 15 minutes), output captured as text."""
    return subprocess.run(
        [*CLI, *args], cwd=PROJECT_ROOT, env=env_for(raw, wh, **extra), capture_output=True, text=True, timeout=900
    )


def q(wh: Path, sql: str) -> list[tuple]:
    """The rows of `sql` on the published warehouse, opened read-only."""
    con = duckdb.connect(str(wh), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def seeded_warehouse(tmp_path: Path, **extra: str) -> tuple[Path, Path]:
    """A raw folder holding the seeds under `tmp_path` and a warehouse built from it by one
    successful run; returns (raw, warehouse)."""
    raw, wh = tmp_path / "raw", tmp_path / "wh" / "nianbao.duckdb"
    raw.mkdir()
    for p in SEED_REPORTS:
        shutil.copy(p, raw / p.name)
    first = run_cli(raw, wh, **extra)
    assert first.returncode == 0, first.stderr[-3000:]
    return raw, wh
