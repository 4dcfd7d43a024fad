"""The storage seam on PostgreSQL (`nianbao.storage.postgres`), on a throwaway cluster (`tests.pg`):
bulk raw writes, the build -> live swap in one transaction, and the read-only role."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import psycopg
import pytest

from nianbao.publish import PublishError
from nianbao.storage import BUILD, LIVE, open_storage
from nianbao.storage.postgres import BUILD_SCHEMA, READER_ROLE, PostgresStorage
from tests.pg import pg_env  # noqa: F401  (the session's cluster)


@pytest.fixture
def storage(pg_env, monkeypatch, tmp_path):  # noqa: F811
    for k, v in pg_env.items():
        monkeypatch.setenv(k, v)
    monkeypatch.setenv("NIANBAO_TARGET", "postgres")
    s = open_storage(tmp_path / "wh" / "nianbao.duckdb")
    assert isinstance(s, PostgresStorage)
    with s._driver(autocommit=True) as con:
        for schema in ("marts", BUILD_SCHEMA, "raw"):
            con.execute(f"drop schema if exists {schema} cascade")
    return s


def _build(s: PostgresStorage, value: int) -> None:
    with s._driver(autocommit=True) as con:
        con.execute(f"create schema if not exists {BUILD_SCHEMA}")
        con.execute(f"create table {BUILD_SCHEMA}.t as select {value} as n, '图书馆'::text as s")


def test_write_raw_types_and_replaces(storage):
    frame = pd.DataFrame(
        {
            "document_id": ["d1", "d2"],
            "extractor_version": ["v", "v"],
            "report_year": [2023.0, float("nan")],  # integer column with a missing value: a float in pandas
            "n_figures": [3, 4],
            "extracted_at": [pd.Timestamp("2024-05-01 08:00"), pd.NaT],
            "library_name": ["某馆\x00", None],
        }
    )
    assert storage.write_raw({"extractions": frame}) == {"extractions": 2}
    rows = storage.rows(
        "select document_id, report_year, n_figures, extracted_at, library_name from raw.extractions order by 1"
    )
    assert rows == [("d1", 2023, 3, datetime(2024, 5, 1, 8, 0), "某馆\ufffd"), ("d2", None, 4, None, None)]
    storage.write_raw({"extractions": frame.iloc[:1]})
    assert storage.rows("select count(*) from raw.extractions where document_id like ?", ["d%"]) == [(1,)]


def test_publish_swaps_the_build_in_and_the_reader_role_only_reads(storage, pg_env):  # noqa: F811
    storage.write_raw({"regions": pd.DataFrame({"region_code": ["1"], "region_name": ["甲"]})})
    _build(storage, 1)
    assert storage.mart_tables(BUILD) == ["t"] and storage.mart_tables(LIVE) == []
    storage.publish(["marts.t"])
    assert storage.rows("select n, s from {marts}.t") == [(1, "图书馆")]
    assert storage.mart_tables(BUILD) == []  # renamed, not copied

    _build(storage, 2)
    storage.publish(["marts.t"])
    assert storage.rows("select n from {marts}.t") == [(2,)]
    schemas = {r[0] for r in storage.rows("select nspname from pg_namespace")}
    assert "marts_old" not in schemas and BUILD_SCHEMA not in schemas

    with storage._driver(autocommit=True) as con:
        con.execute("drop role if exists analyst")
        con.execute("create role analyst login")
        con.execute(f"grant {READER_ROLE} to analyst")
    dsn = f"host={pg_env['NIANBAO_PG_HOST']} port={pg_env['NIANBAO_PG_PORT']} dbname={pg_env['NIANBAO_PG_DBNAME']}"
    with psycopg.connect(dsn + " user=analyst", autocommit=True) as analyst:
        assert analyst.execute("select n from marts.t").fetchall() == [(2,)]
        for statement in (
            "insert into marts.t values (3, 'x')",
            "create table marts.mine (x int)",
            "drop table marts.t",
            "select * from raw.regions",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                analyst.execute(statement)


def test_a_build_missing_a_required_table_is_not_published(storage):
    _build(storage, 1)
    storage.publish(["marts.t"])
    _build(storage, 5)
    with pytest.raises(PublishError, match="marts.missing"):
        storage.publish(["marts.t", "marts.missing"])
    assert storage.rows("select n from {marts}.t") == [(1,)]  # the live marts are untouched


def test_readers_cannot_write(storage):
    _build(storage, 1)
    with storage.reader(BUILD) as con, pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
        con.execute(f"insert into {BUILD_SCHEMA}.t values (2, 'y')")
