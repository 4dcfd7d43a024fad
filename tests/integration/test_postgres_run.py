"""Acceptance of issue 12, item 2: `NIANBAO_TARGET=postgres make run` builds and publishes on PostgreSQL.

The CLI `make run` calls runs on the seed reports against a throwaway cluster
(`tests.pg`): every required mart is live in schema `marts` (no build schema
left), the run's summary names the server, and an analyst in the read-only role
`nianbao_reader` can select from the marts but cannot write or read the raw tables.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import psycopg
import pytest

from nianbao.pipeline import REQUIRED_MARTS
from nianbao.storage.postgres import BUILD_SCHEMA, READER_ROLE
from tests.paths import SEEDS
from tests.pg import pg_env  # noqa: F401  (the session's cluster)

pytestmark = pytest.mark.timeout(1800)


def _dsn(env: dict[str, str], user: str) -> str:
    return f"host={env['NIANBAO_PG_HOST']} port={env['NIANBAO_PG_PORT']} dbname={env['NIANBAO_PG_DBNAME']} user={user}"


def test_make_run_on_postgres_publishes_marts_for_readers(pg_env, tmp_path):  # noqa: F811
    raw = tmp_path / "raw"
    raw.mkdir()
    for doc in sorted(SEEDS.glob("*.txt")):
        shutil.copy(doc, raw / doc.name)
    env = {
        **os.environ,
        **pg_env,
        "NIANBAO_TARGET": "postgres",
        "NIANBAO_RAW_DIR": str(raw),
        "NIANBAO_WAREHOUSE": str(tmp_path / "wh" / "nianbao.duckdb"),
    }
    proc = subprocess.run(
        [sys.executable, "-m", "orchestration.cli", "run"], env=env, capture_output=True, text=True, timeout=1500
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    assert f"warehouse: postgresql+psycopg://{pg_env['NIANBAO_PG_USER']}@" in proc.stdout
    assert "documents: 4 loaded" in proc.stdout

    with psycopg.connect(_dsn(pg_env, pg_env["NIANBAO_PG_USER"]), autocommit=True) as owner:
        schemas = {r[0] for r in owner.execute("select nspname from pg_namespace")}
        assert "marts" in schemas and BUILD_SCHEMA not in schemas and "marts_old" not in schemas
        for table in REQUIRED_MARTS:
            assert owner.execute(f"select count(*) from {table}").fetchone()[0] >= 0
        assert owner.execute("select count(*) from marts.fct_figures").fetchone()[0] > 0
        owner.execute("drop role if exists analyst")
        owner.execute("create role analyst login")
        owner.execute(f"grant {READER_ROLE} to analyst")

    with psycopg.connect(_dsn(pg_env, "analyst"), autocommit=True) as analyst:
        loaded = analyst.execute("select count(*) from marts.dim_document where status = 'loaded'").fetchone()[0]
        assert loaded == 4
        for statement in (
            "delete from marts.fct_figures",
            "create table marts.mine (x int)",
            "select count(*) from raw.documents",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                analyst.execute(statement)
