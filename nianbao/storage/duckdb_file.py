"""The DuckDB storage (the default): the working file is the build, the published file is live.

Publishing is `nianbao.publish.publish` (checkpoint, copy in the storage format
DuckDB 1.x reads, validate, atomic rename); readers open a file read-only.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd

from nianbao.storage import BUILD, LIVE, Storage


class DuckDBStorage(Storage):
    target = "duckdb"
    errors = (duckdb.Error,)

    def __init__(self, published: Path, working: Path):
        self.published, self.working = Path(published), Path(working)

    def path(self, which: str = LIVE) -> Path:
        if which not in (LIVE, BUILD):
            raise ValueError(f"which must be {LIVE!r} or {BUILD!r}, not {which!r}")
        return self.published if which == LIVE else self.working

    def describe(self) -> str:
        return str(self.published)

    def marts_schema(self, which: str = LIVE) -> str:
        return "marts"

    @contextmanager
    def reader(self, which: str = LIVE) -> Iterator[duckdb.DuckDBPyConnection]:
        con = duckdb.connect(str(self.path(which)), read_only=True)
        try:
            yield con
        finally:
            con.close()

    def write_raw(self, frames: Mapping[str, pd.DataFrame]) -> dict[str, int]:
        from nianbao import warehouse

        with warehouse.connect(self.working) as con:
            con.execute("begin")
            for name, frame in frames.items():
                con.execute(f'delete from raw."{name}"')
                if len(frame):
                    con.register("_incoming", frame)
                    cols = ", ".join(f'"{c}"' for c in frame.columns)
                    con.execute(f'insert into raw."{name}" ({cols}) select {cols} from _incoming')
                    con.unregister("_incoming")
            con.execute("commit")
        return {name: len(frame) for name, frame in frames.items()}

    def publish(self, required_tables: Sequence[str], site: Path | None = None) -> None:
        from nianbao.publish import publish

        publish(self.working, self.published, required_tables=list(required_tables), site=site)
