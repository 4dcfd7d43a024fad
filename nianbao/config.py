"""Every setting in one place: the frozen `Settings`, read from the environment.

`settings()` returns the `Settings` of the current environment: every
`NIANBAO_*` variable (and `DAGSTER_HOME`) parsed once into a frozen dataclass,
rebuilt only when one of those variables changes (so a test's
`monkeypatch.setenv` is seen, and nothing is read at import time). Each field
names its variable, default and meaning in its metadata: the README's
configuration table is checked against them (`tests/test_settings.py`).

Everything a run writes sits next to the published warehouse (working build,
lock, logs, report site, GX results, Dagster instance): a run never writes into
the checkout. Every path function takes the published path (default: the
settings' warehouse), so a Dagster resource pointing elsewhere shares the same
layout.

This is the only module that touches `os.environ`: child processes get their
environment from `child_env`, and the few variables a run hands to dbt or to
its own later stages are set with `environment` (restored afterwards).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"

DEFAULT_KEEP_RUNS = 10
# seconds dbt is given to exit after a stop request (SIGTERM/SIGINT) is forwarded to it as SIGINT,
# before it is killed: it builds in the working copy, which a stopped run never publishes
DBT_STOP_GRACE_SECONDS = 5


def _setting(env: str, default, meaning: str):
    """A Settings field read from variable `env` (`default` when unset or empty)."""
    return field(default=default, metadata={"env": env, "meaning": meaning})


@dataclass(frozen=True)
class Settings:
    """The run's settings; build with `settings()` (or `Settings.from_env(mapping)` in tests)."""

    raw_dir: Path = _setting(
        "NIANBAO_RAW_DIR", PROJECT_ROOT / "raw", "the folder of reports to ingest (sub-folders included)"
    )
    warehouse: Path = _setting(
        "NIANBAO_WAREHOUSE",
        PROJECT_ROOT / "warehouse" / "nianbao.duckdb",
        "the published warehouse; everything a run writes sits beside it",
    )
    doc_timeout_s: float = _setting(
        "NIANBAO_DOC_TIMEOUT", 120.0, "seconds one document may take to extract before it is quarantined"
    )
    extract_workers: int = _setting(
        "NIANBAO_EXTRACT_WORKERS", 0, "worker processes extracting documents side by side (0: the cores)"
    )
    log_level: str = _setting("NIANBAO_LOG_LEVEL", "ERROR", "Dagster's log level for `nianbao run`")
    verbose: bool = _setting("NIANBAO_VERBOSE", False, "show dbt's full output on screen instead of the run log")
    allow_empty: bool = _setting(
        "NIANBAO_ALLOW_EMPTY", False, "an empty raw folder may replace a published warehouse that has documents"
    )
    keep_runs: int = _setting(
        "NIANBAO_KEEP_RUNS", DEFAULT_KEEP_RUNS, "run logs, sites, GX results and Dagster runs kept"
    )
    ingest_memory_mb: int = _setting(
        "NIANBAO_INGEST_MEMORY_MB", 4096, "address-space cap of the sandbox child (0: none)"
    )
    ingest_debug: bool = _setting("NIANBAO_INGEST_DEBUG", False, "the sandbox child's stderr goes to the screen")
    lock_wait_s: float = _setting(
        "NIANBAO_LOCK_WAIT", 300.0, "seconds a run waits for a leftover process holding the working database"
    )
    gold_dir: Path = _setting(
        "NIANBAO_GOLD_DIR", PROJECT_ROOT.parent / "shared" / "seeds", "the folder holding gold.csv for `eval`"
    )
    dagster_home: Path | None = _setting(
        "DAGSTER_HOME", None, "the Dagster instance folder (default: dagster_home/ beside the warehouse)"
    )
    working_db: Path | None = _setting(
        "NIANBAO_WORKING_DB", None, "internal: the working database dbt builds into (set by the run)"
    )
    docs_db: Path | None = _setting(
        "NIANBAO_DOCS_DB", None, "internal: the published file `nianbao docs` reads (set by it)"
    )
    target: str = _setting(
        "NIANBAO_TARGET", "duckdb", "the warehouse database: duckdb (a file) or postgres (a server, NIANBAO_PG_*)"
    )
    pg_host: str = _setting("NIANBAO_PG_HOST", "127.0.0.1", "PostgreSQL host (NIANBAO_TARGET=postgres)")
    pg_port: int = _setting("NIANBAO_PG_PORT", 5432, "PostgreSQL port")
    pg_user: str = _setting("NIANBAO_PG_USER", "nianbao", "PostgreSQL user that builds and publishes")
    pg_password: str = _setting("NIANBAO_PG_PASSWORD", "", "its password")
    pg_dbname: str = _setting("NIANBAO_PG_DBNAME", "nianbao", "PostgreSQL database")
    marts_schema: str = _setting(
        "NIANBAO_MARTS_SCHEMA", "marts", "internal: the schema dbt builds the marts into (set by the run)"
    )

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Settings:
        """Parse `env` (unset or empty variables take the field's default; a malformed
        number falls back to the default too, so a typo never stops a run)."""
        values = {}
        for f in dataclasses.fields(cls):
            text = (env.get(f.metadata["env"]) or "").strip()
            if text:
                values[f.name] = _parse(text, f.default)
        return cls(**values)

    def working_path(self) -> Path:
        return working_path(self.warehouse)


def _parse(text: str, default):
    if isinstance(default, bool):
        return text not in ("0", "false", "no")
    if isinstance(default, int | float):
        try:
            value = float(text) if isinstance(default, float) else int(text)
        except ValueError:
            return default
        return value if value >= 0 else default
    if isinstance(default, str):
        return text
    return Path(text).resolve()


#: every variable Settings reads, in field order
VARIABLES: tuple[str, ...] = tuple(f.metadata["env"] for f in dataclasses.fields(Settings))


def settings() -> Settings:
    """The Settings of the current environment (built once per distinct set of values)."""
    return _settings_of(tuple((name, os.environ.get(name)) for name in VARIABLES))


@lru_cache(maxsize=16)
def _settings_of(snapshot: tuple[tuple[str, str | None], ...]) -> Settings:
    return Settings.from_env({k: v for k, v in snapshot if v is not None})


def child_env(**overrides: str) -> dict[str, str]:
    """The environment for a child process: this one's, with `overrides`."""
    return {**os.environ, **overrides}


@contextmanager
def environment(**values: str) -> Iterator[None]:
    """Set variables for this process (and its children) within the block, then restore them.

    For what a run hands to a tool reading its own environment (dbt's profile:
    NIANBAO_WORKING_DB) or to a later stage of the same run (NIANBAO_ALLOW_EMPTY)."""
    previous = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in previous.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def storage_target() -> str:
    """`NIANBAO_TARGET`: `duckdb` (default) or `postgres` (`nianbao.storage`)."""
    return settings().target


def pg_url() -> str:
    """The SQLAlchemy URL (psycopg 3) of the PostgreSQL warehouse, from `NIANBAO_PG_*`."""
    from sqlalchemy import URL

    s = settings()
    return URL.create(
        "postgresql+psycopg",
        username=s.pg_user,
        password=s.pg_password or None,
        host=s.pg_host,
        port=s.pg_port,
        database=s.pg_dbname,
    ).render_as_string(hide_password=False)


# ---------------------------------------------------------------- paths


def raw_dir() -> Path:
    return settings().raw_dir


def warehouse_path() -> Path:
    """The published warehouse analysts open read-only."""
    return settings().warehouse


def _wh(published: Path | None) -> Path:
    return Path(published) if published is not None else warehouse_path()


def working_path(published: Path | None = None) -> Path:
    """The database the pipeline builds into before publishing (same folder, so
    the final rename is atomic): `x.duckdb` -> `x.build.duckdb`."""
    p = _wh(published)
    return p.with_name(p.stem + ".build" + p.suffix)


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
    """`NIANBAO_KEEP_RUNS` (default 10, at least 1): how many run logs, report sites and
    GX results per suite are kept next to the warehouse."""
    return max(1, settings().keep_runs)
