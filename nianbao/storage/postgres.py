"""The PostgreSQL storage: a server warehouse many analysts query at once.

- Raw tables: the Python stages keep writing the local working DuckDB file (it is
  the extraction cache, keyed by content hash); before dbt runs, `prepare_build`
  copies its raw tables into schema `raw` here in bulk (`write_raw`: one
  transaction, COPY), and drops what is left of an earlier build.
- dbt (`--target postgres`, the profile reads `NIANBAO_PG_*`) builds the marts into
  BUILD_SCHEMA (`NIANBAO_MARTS_SCHEMA`, read by the project's `generate_schema_name`).
- `publish` checks the required tables in BUILD_SCHEMA, then in ONE transaction
  renames `marts` to `marts_old`, BUILD_SCHEMA to `marts`, drops `marts_old`, and
  grants READER_ROLE (created NOLOGIN when missing: analysts' logins are made
  members, `grant nianbao_reader to alice`) USAGE on `marts` and SELECT on its
  tables. A reader sees the old marts or the new ones, never a mix.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import psycopg
import sqlalchemy

from nianbao.storage import BUILD, LIVE, Storage

LIVE_SCHEMA = "marts"
BUILD_SCHEMA = "marts_build"
OLD_SCHEMA = "marts_old"
RAW_SCHEMA = "raw"
READER_ROLE = "nianbao_reader"
#: what dbt's profile reads to build the marts into BUILD_SCHEMA
MARTS_SCHEMA_ENV = "NIANBAO_MARTS_SCHEMA"
DBT_TARGET = "postgres"


def pg_ddl(ddl: str) -> str:
    """A raw table's DuckDB DDL (`nianbao.schema.RAW_DDL`) in PostgreSQL's words."""
    return re.sub(r"\bdouble\b", "double precision", ddl)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _qualified(name: str, schema: str) -> str:
    parts = name.split(".")
    if len(parts) == 2 and parts[0] == LIVE_SCHEMA:
        parts[0] = schema
    return ".".join(_quote(p) for p in parts)


class PostgresStorage(Storage):
    target = "postgres"
    errors = (psycopg.Error,)

    def __init__(self, url: str, published: Path, working: Path):
        """`url`: SQLAlchemy URL (`postgresql+psycopg://…`); `published`: the warehouse path
        whose folder holds the run's files (lock, logs, report site); `working`: the local
        working DuckDB file the Python stages write."""
        self.url = url
        self.published, self.working = Path(published), Path(working)
        self.engine = sqlalchemy.create_engine(url, poolclass=sqlalchemy.pool.NullPool)

    def describe(self) -> str:
        return f"{self.engine.url.render_as_string(hide_password=True)} (schema {LIVE_SCHEMA})"

    def marts_schema(self, which: str = LIVE) -> str:
        if which not in (LIVE, BUILD):
            raise ValueError(f"which must be {LIVE!r} or {BUILD!r}, not {which!r}")
        return LIVE_SCHEMA if which == LIVE else BUILD_SCHEMA

    def sql(self, text: str, which: str = LIVE) -> str:
        # psycopg's paramstyle: `?` -> `%s` (a literal `%` doubled)
        return super().sql(text, which).replace("%", "%%").replace("?", "%s")

    @contextmanager
    def _driver(self, autocommit: bool) -> Iterator[Any]:
        raw = self.engine.raw_connection()
        try:
            con = raw.driver_connection
            con.autocommit = autocommit
            yield con
        finally:
            raw.close()

    @contextmanager
    def reader(self, which: str = LIVE) -> Iterator[Any]:
        """A psycopg connection in autocommit (a failed query does not poison the next)
        whose transactions are read-only."""
        with self._driver(autocommit=True) as con:
            con.execute("set default_transaction_read_only = on")
            yield con

    def write_raw(self, frames: Mapping[str, pd.DataFrame]) -> dict[str, int]:
        """Drop and recreate each `raw.<name>` from its DDL, COPY the frame in; one transaction."""
        from nianbao.schema import RAW_DDL

        counts = {}
        with self._driver(autocommit=False) as con:
            with con.transaction():
                con.execute(f"create schema if not exists {RAW_SCHEMA}")
                for name, frame in frames.items():
                    con.execute(f"drop table if exists {RAW_SCHEMA}.{_quote(name)}")
                    con.execute(pg_ddl(RAW_DDL[name]))
                    counts[name] = _copy_frame(con, name, frame)
        return counts

    def write_document(self, document_id: str, frames: Mapping[str, pd.DataFrame]) -> dict[str, int]:
        """Delete one document's rows of each `raw.<name>` (made from its DDL when missing) and COPY
        its frame in; one transaction. The next build's `prepare_build` copies every raw table again."""
        from nianbao.schema import RAW_DDL

        counts = {}
        with self._driver(autocommit=False) as con:
            with con.transaction():
                con.execute(f"create schema if not exists {RAW_SCHEMA}")
                for name, frame in frames.items():
                    con.execute(pg_ddl(RAW_DDL[name]))
                    con.execute(f"delete from {RAW_SCHEMA}.{_quote(name)} where document_id = %s", [document_id])
                    counts[name] = _copy_frame(con, name, frame)
        return counts

    def prepare_build(self) -> None:
        """Copy the working file's raw tables here; drop the leftovers of an earlier build."""
        copy_raw(self.working, self)
        with self._driver(autocommit=False) as con, con.transaction():
            con.execute(f"drop schema if exists {BUILD_SCHEMA} cascade")

    def dbt_args(self) -> list[str]:
        return ["--target", DBT_TARGET]

    def dbt_env(self) -> dict[str, str]:
        return {MARTS_SCHEMA_ENV: BUILD_SCHEMA}

    def publish(self, required_tables: Sequence[str], site: Path | None = None) -> None:
        from nianbao import stopping
        from nianbao.publish import PublishError

        with self._driver(autocommit=False) as con:
            for t in required_tables:
                try:
                    with con.transaction():
                        con.execute(f"select count(*) from {_qualified(t, BUILD_SCHEMA)}").fetchone()
                except self.errors as e:
                    raise PublishError(
                        f"required table {t} missing or unreadable in {BUILD_SCHEMA}: {str(e).splitlines()[0]}"
                    ) from e
            stopping.check()  # the last safe point: a stopped run never publishes
            with con.transaction():
                con.execute(f"drop schema if exists {OLD_SCHEMA} cascade")
                if _has_schema(con, LIVE_SCHEMA):
                    con.execute(f"alter schema {LIVE_SCHEMA} rename to {OLD_SCHEMA}")
                con.execute(f"alter schema {BUILD_SCHEMA} rename to {LIVE_SCHEMA}")
                con.execute(f"drop schema if exists {OLD_SCHEMA} cascade")
                con.execute(
                    f"do $$ begin if not exists (select from pg_roles where rolname = '{READER_ROLE}') "
                    f"then create role {READER_ROLE} nologin; end if; end $$"
                )
                con.execute(f"grant usage on schema {LIVE_SCHEMA} to {READER_ROLE}")
                con.execute(f"grant select on all tables in schema {LIVE_SCHEMA} to {READER_ROLE}")
        if site is not None:
            _swap_site(self.published, Path(site))


def _has_schema(con, name: str) -> bool:
    return con.execute("select 1 from pg_namespace where nspname = %s", [name]).fetchone() is not None


def _swap_site(published: Path, staged: Path) -> None:
    """The staged report/Data Docs of this build become `site/current` (the PostgreSQL
    swap has no file identity to seal: the database is already live)."""
    import os

    from nianbao.publish import _point_current, _site_root, _stamp

    final = _site_root(published) / f"{_stamp()}-{staged.name.split('-', 2)[-1]}"
    os.replace(staged, final)
    _point_current(published, final)


_INT_TYPES = ("integer", "bigint", "smallint")


def _value(v: Any, pg_type: str) -> Any:
    """A pandas cell as the Python value psycopg writes into a column of `pg_type`."""
    if v is None or v is pd.NaT or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
        return None
    if hasattr(v, "item") and not isinstance(v, (str, bytes)):
        v = v.item() if not isinstance(v, pd.Timestamp) else v.to_pydatetime()
    if pg_type in _INT_TYPES:
        return int(v)
    if pg_type == "date" and isinstance(v, datetime):
        return v.date()
    if pg_type.startswith("timestamp") and isinstance(v, date) and not isinstance(v, datetime):
        return datetime(v.year, v.month, v.day)
    if isinstance(v, str) and "\x00" in v:
        return v.replace("\x00", "\ufffd")  # PostgreSQL text cannot hold NUL
    return v


def _copy_frame(con, name: str, frame: pd.DataFrame) -> int:
    """COPY the columns of `frame` that `raw.<name>` has into it; returns the rows written."""
    types = dict(
        con.execute(
            "select column_name, data_type from information_schema.columns where table_schema = %s and table_name = %s",
            [RAW_SCHEMA, name],
        ).fetchall()
    )
    cols = [c for c in frame.columns if c in types]
    return _copy(con, name, frame[cols], [types[c] for c in cols])


def _copy(con, table: str, frame: pd.DataFrame, types: list[str]) -> int:
    cols = ", ".join(_quote(c) for c in frame.columns)
    n = 0
    with con.cursor() as cur, cur.copy(f"copy {RAW_SCHEMA}.{_quote(table)} ({cols}) from stdin") as copy:
        for row in frame.itertuples(index=False, name=None):
            copy.write_row([_value(v, t) for v, t in zip(row, types)])
            n += 1
    return n


def raw_frames(working: Path) -> dict[str, pd.DataFrame]:
    """Every raw table of the working DuckDB file (the columns of its DDL), as frames."""
    import duckdb

    from nianbao.schema import RAW_DDL

    frames = {}
    con = duckdb.connect(str(working), read_only=True)
    try:
        have = {
            r[0]
            for r in con.execute(
                "select table_name from information_schema.tables where table_schema = 'raw'"
            ).fetchall()
        }
        for name in RAW_DDL:
            if name in have:
                frames[name] = con.execute(f'select * from raw."{name}"').df()
    finally:
        con.close()
    return frames


def copy_raw(working: Path, target: PostgresStorage | str) -> dict[str, int]:
    """Copy the raw tables of the DuckDB file `working` into PostgreSQL (a storage or a URL)."""
    storage = target if isinstance(target, PostgresStorage) else PostgresStorage(target, Path(working), Path(working))
    return storage.write_raw(raw_frames(Path(working)))


def url_from_env() -> str:
    """The SQLAlchemy URL the settings' `NIANBAO_PG_*` give."""
    from nianbao.storage import pg_url

    return pg_url()
