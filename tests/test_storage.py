"""The storage seam on DuckDB (`nianbao.storage`): the default target behaves as before the seam."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from nianbao.publish import PublishError
from nianbao.storage import BUILD, LIVE, as_view, open_storage, read, source_name
from nianbao.storage.duckdb_file import DuckDBStorage


def _build(working, rows=((1, "a"), (2, "b"))):
    con = duckdb.connect(str(working))
    con.execute("create schema if not exists marts")
    con.execute(
        "create or replace table marts.t as select * from (values "
        + ", ".join(f"({n}, '{s}')" for n, s in rows)
        + ") v(n, s)"
    )
    con.close()


def test_settings_choose_the_target(monkeypatch, tmp_path):
    monkeypatch.delenv("NIANBAO_TARGET", raising=False)
    s = open_storage(tmp_path / "w.duckdb")
    assert isinstance(s, DuckDBStorage) and s.working == tmp_path / "w.build.duckdb"
    monkeypatch.setenv("NIANBAO_TARGET", "oracle")
    with pytest.raises(ValueError, match="duckdb, postgres"):
        open_storage(tmp_path / "w.duckdb")


def test_write_raw_replaces_the_rows_of_each_table(tmp_path):
    s = DuckDBStorage(tmp_path / "w.duckdb", tmp_path / "w.build.duckdb")
    regions = pd.DataFrame({"region_code": ["1", "2"], "region_name": ["甲", "乙"], "level": ["province"] * 2})
    assert s.write_raw({"regions": regions}) == {"regions": 2}
    assert s.write_raw({"regions": regions.iloc[1:]}) == {"regions": 1}
    assert s.rows("select region_code, region_name from raw.regions", which=BUILD) == [("2", "乙")]


def test_readers_see_the_build_then_the_published_file(tmp_path):
    s = DuckDBStorage(tmp_path / "w.duckdb", tmp_path / "w.build.duckdb")
    _build(s.working)
    assert s.mart_tables(BUILD) == ["t"]
    assert s.rows("select n, s from {marts}.t where n > ? order by n", [1], BUILD) == [(2, "b")]
    with pytest.raises(PublishError):
        s.publish(["marts.t", "marts.missing"])
    assert not s.published.exists()
    s.publish(["marts.t"])
    assert s.frame("select * from {marts}.t order by n", which=LIVE)["s"].tolist() == ["a", "b"]
    assert s.describe() == str(s.published)


def test_a_file_path_is_a_source_as_before(tmp_path):
    db = tmp_path / "m.duckdb"
    _build(db, rows=((7, "x"),))
    with read(db) as (con, marts):
        assert marts == "marts" and con.execute(f"select n from {marts}.t").fetchall() == [(7,)]
    assert as_view(db).rows("select s from {marts}.t") == [("x",)]
    assert source_name(db) == "m.duckdb"
