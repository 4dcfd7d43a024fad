"""Small DuckDB files written by tests (a path and the statements that fill it), and what a built
warehouse holds."""

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


def mart_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The names of the tables of the marts schema of the open warehouse `con`, sorted."""
    sql = "select table_name from information_schema.tables where table_schema = 'marts' order by 1"
    return [r[0] for r in con.execute(sql).fetchall()]
