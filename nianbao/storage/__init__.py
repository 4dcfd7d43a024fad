"""The storage seam: one small interface between the Python stages and the warehouse database.

The stages (raw writer, mart readers: report, GX, checks, CLI summary; publishing)
talk to a `Storage`, never to a database driver. Two implementations:

- `DuckDBStorage` (`nianbao.storage.duckdb_file`, the default): today's behaviour. The
  build is the working file beside the published one; publishing copies and renames
  it atomically (`nianbao.publish`).
- `PostgresStorage` (`nianbao.storage.postgres`): a server warehouse. The raw tables
  the Python stages made (in the local working DuckDB file, which stays the
  extraction cache) are bulk-copied into schema `raw`; dbt builds the marts into
  `marts_build`; publishing renames `marts_build` to `marts` in one transaction and
  grants the read-only role `nianbao_reader` USAGE/SELECT on it.

`open_storage()` picks one from the settings (`NIANBAO_TARGET=duckdb|postgres`,
`NIANBAO_PG_*`). SQL given to `rows`/`frame` uses `?` placeholders and writes the
marts schema as `{marts}` (`marts` on DuckDB; `marts` or `marts_build` on PostgreSQL).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import pandas as pd

#: which database a reader opens: the last published one, or the build of this run
LIVE, BUILD = "live", "build"
TARGETS = ("duckdb", "postgres")
MARTS_PLACEHOLDER = "{marts}"


class Storage(ABC):
    """Where raw tables are written, marts are read and builds are published."""

    target: ClassVar[str]
    #: the driver's errors (what a reader catches when one query of many may fail)
    errors: ClassVar[tuple[type[BaseException], ...]] = ()

    @abstractmethod
    def write_raw(self, frames: Mapping[str, pd.DataFrame]) -> dict[str, int]:
        """Replace each table `raw.<name>` with the rows of its frame, all in one transaction.
        Returns rows written per table."""

    @abstractmethod
    def reader(self, which: str = LIVE) -> AbstractContextManager[Any]:
        """A read-only DB-API connection (`.execute(sql, params)` → cursor) on the live
        warehouse or on this run's build; always closed."""

    @abstractmethod
    def marts_schema(self, which: str = LIVE) -> str:
        """The schema holding the marts in `which`."""

    @abstractmethod
    def publish(self, required_tables: Sequence[str], site: Path | None = None) -> None:
        """Make the build live, atomically, after checking `required_tables` (`marts.<t>`)
        exist and scan; then swap in the staged report `site`. Raises
        `nianbao.publish.PublishError` (nothing changed) when a check fails."""

    @abstractmethod
    def describe(self) -> str:
        """Where the live warehouse is, for people (never a password)."""

    def dbt_args(self) -> list[str]:
        """Extra `dbt build` arguments for this storage (its profile target)."""
        return []

    def dbt_env(self) -> dict[str, str]:
        """Variables dbt's profile reads for this storage."""
        return {}

    def prepare_build(self) -> None:
        """Before dbt runs: make the raw tables and an empty build place ready (DuckDB: they are)."""
        return None

    def write_document(self, document_id: str, frames: Mapping[str, pd.DataFrame]) -> dict[str, int]:
        """Replace one document's rows of each `raw.<name>` with its frame, in one transaction (a
        document extracted on its own: `nianbao.document_extraction`). DuckDB: nothing to do, the
        working file the extraction was stored into is the raw store. Returns rows written per table."""
        return {}

    def sql(self, text: str, which: str = LIVE) -> str:
        """`text` with `{marts}` replaced by the marts schema of `which`, in the driver's paramstyle."""
        return text.replace(MARTS_PLACEHOLDER, self.marts_schema(which))

    def rows(self, text: str, params: Sequence[Any] = (), which: str = LIVE) -> list[tuple]:
        with self.reader(which) as con:
            return [tuple(r) for r in con.execute(self.sql(text, which), list(params)).fetchall()]

    def frame(self, text: str, params: Sequence[Any] = (), which: str = LIVE) -> pd.DataFrame:
        with self.reader(which) as con:
            return _frame(con.execute(self.sql(text, which), list(params)))

    def view(self, which: str = LIVE) -> View:
        """The live warehouse or this run's build, for readers that take a source (`read`)."""
        return View(self, which)

    def mart_tables(self, which: str = LIVE) -> list[str]:
        """The tables of the marts schema, sorted."""
        return [
            r[0]
            for r in self.rows(
                "select table_name from information_schema.tables where table_schema = ? "
                "and table_catalog = current_database() order by 1",
                [self.marts_schema(which)],
                which,
            )
        ]


@dataclass(frozen=True)
class View:
    """One database of a storage (LIVE or BUILD), as the source a reader opens."""

    storage: Storage
    which: str = LIVE

    @property
    def name(self) -> str:
        return f"{self.storage.target}:{self.storage.marts_schema(self.which)}"

    def rows(self, text: str, params: Sequence[Any] = ()) -> list[tuple]:
        return self.storage.rows(text, params, self.which)

    def frame(self, text: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        return self.storage.frame(text, params, self.which)


def as_view(source: Path | str | View) -> View:
    """`source` as a View: a DuckDB file (what readers took before the seam) is read as it is."""
    if isinstance(source, View):
        return source
    from nianbao.storage.duckdb_file import DuckDBStorage

    return DuckDBStorage(Path(source), Path(source)).view(LIVE)


@contextmanager
def read(source: Path | str | View) -> Iterator[tuple[Any, str]]:
    """(read-only DB-API connection, marts schema) of `source`: a DuckDB file (what the
    readers took before the seam: tests and the CLIs pass one) or a `View` of a storage."""
    if isinstance(source, View):
        with source.storage.reader(source.which) as con:
            yield con, source.storage.marts_schema(source.which)
        return
    import duckdb

    con = duckdb.connect(str(source), read_only=True)
    try:
        yield con, "marts"
    finally:
        con.close()


def errors_of(source: Path | str | View) -> tuple[type[BaseException], ...]:
    """The driver errors a query on `source` may raise."""
    if isinstance(source, View):
        return source.storage.errors
    import duckdb

    return (duckdb.Error,)


def source_name(source: Path | str | View) -> str:
    """What a report calls its source: the file name, or `postgres:marts_build`."""
    return source.name if isinstance(source, View) else Path(source).name


def frame_of(cursor) -> pd.DataFrame:
    """The result of `cursor` as a DataFrame (DuckDB's own conversion when it is DuckDB's)."""
    return cursor.df() if hasattr(cursor, "df") else _frame(cursor)


def _frame(cursor) -> pd.DataFrame:
    cols = [d[0] for d in cursor.description]
    return pd.DataFrame(cursor.fetchall(), columns=cols)


def open_storage(published: Path | None = None, working: Path | None = None, target: str | None = None) -> Storage:
    """The storage of the settings' target (or `target`) for the warehouse `published`
    (its working build `working`; both default to the settings')."""
    from nianbao import config

    target = target or storage_target()
    published = Path(published) if published is not None else config.warehouse_path()
    working = Path(working) if working is not None else config.working_path(published)
    if target == "duckdb":
        from nianbao.storage.duckdb_file import DuckDBStorage

        return DuckDBStorage(published, working)
    if target == "postgres":
        from nianbao.storage.postgres import PostgresStorage

        return PostgresStorage(pg_url(), published, working)
    raise ValueError(f"NIANBAO_TARGET must be one of {', '.join(TARGETS)}, not {target!r}")


def storage_target() -> str:
    """`NIANBAO_TARGET` (default `duckdb`)."""
    from nianbao import config

    return config.storage_target()


def pg_url() -> str:
    """The SQLAlchemy URL of the PostgreSQL warehouse from `NIANBAO_PG_*`."""
    from nianbao import config

    return config.pg_url()
