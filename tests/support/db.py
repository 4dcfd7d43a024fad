"""Small DuckDB files written by tests: a path and the statements that fill it."""

from __future__ import annotations

from pathlib import Path

import duckdb


def duckdb_file(path: Path, *statements: str) -> Path:
    """Create the DuckDB file `path`, run `statements` on it in order, close it; returns `path`."""
    con = duckdb.connect(str(path))
    try:
        for sql in statements:
            con.execute(sql)
    finally:
        con.close()
    return path
