"""The published file is written in PUBLISHED_STORAGE_VERSION (DuckDB 1.x clients open it);
the working file keeps DuckDB's own format; tables, views and comments come across."""

from __future__ import annotations

from pathlib import Path

import duckdb

from nianbao.publish import PUBLISHED_STORAGE_VERSION, copy_database, publish

# the storage version number in the main header (bytes 12-20, after the 8-byte checksum
# and the "DUCK" magic) for each storage format; DuckDB 1.x reads 64 up to its own number
HEADER_VERSION = {"v1.0.0": 64, "v1.1.0": 64, "v1.2.0": 65, "v1.3.0": 66, "v1.4.0": 67, "v1.5.0": 68}


def header_version(db: Path) -> int:
    head = db.read_bytes()[:20]
    assert head[8:12] == b"DUCK", head
    return int.from_bytes(head[12:20], "little")


def make_working(db: Path) -> None:
    con = duckdb.connect(str(db))
    con.execute("create schema marts")
    con.execute("create table marts.fct_figures as select range as figure_id, range * 1.5 as value from range(1000)")
    con.execute("comment on table marts.fct_figures is 'one row per stated figure'")
    con.execute("comment on column marts.fct_figures.value is 'value in base units'")
    con.execute("create view marts.big as select * from marts.fct_figures where value > 100")
    con.close()


def test_published_file_has_the_1x_header_and_everything(tmp_path):
    working, published = tmp_path / "nianbao.build.duckdb", tmp_path / "wh" / "nianbao.duckdb"
    make_working(working)
    assert header_version(working) > 68  # DuckDB 2's own format: what 1.x clients refuse
    publish(working, published, ["marts.fct_figures"])
    assert header_version(published) == HEADER_VERSION[PUBLISHED_STORAGE_VERSION]
    assert header_version(published) <= 64  # the lowest: DuckDB 1.0 and every later 1.x
    con = duckdb.connect(str(published), read_only=True)
    try:
        assert con.execute("select count(*), sum(value) from marts.fct_figures").fetchone() == (1000, 749250.0)
        assert con.execute("select count(*) from marts.big").fetchone() == (933,)
        comments = con.execute(
            "select comment from duckdb_columns() where table_name = 'fct_figures' and column_name = 'value'"
        ).fetchall()
        assert comments == [("value in base units",)]
        assert con.execute("select comment from duckdb_tables() where table_name = 'fct_figures'").fetchall() == [
            ("one row per stated figure",)
        ]
    finally:
        con.close()


def test_copy_database_takes_another_version(tmp_path):
    working = tmp_path / "w.duckdb"
    make_working(working)
    copy_database(working, tmp_path / "v13.duckdb", "v1.3.0")
    assert header_version(tmp_path / "v13.duckdb") == 66
