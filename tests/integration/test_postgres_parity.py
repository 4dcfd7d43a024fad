"""One dbt project, two targets (issue 12): the seeds built on DuckDB and on PostgreSQL give
the same marts.

The raw tables are made once by the normal Python stages (ingest, extract, gazetteer) in a
temporary DuckDB file; dbt builds that file (target `working`), the raw tables are copied
into a throwaway PostgreSQL cluster (tests/pg.py) through the storage seam's raw writer,
and dbt builds them there (`--target postgres`). Every dbt node (models, seeds, data tests,
unit tests) must pass on both, and every mart must hold the same rows (sorted; doubles
compared at 9 significant digits). Two quick static checks keep new SQL portable: no
DuckDB-only spelling outside dbt_project/macros/cross_db/, and no unit test name longer than
PostgreSQL's 63-character relation names.
"""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import subprocess
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest
import yaml

from nianbao import pipeline
from nianbao.config import DBT_PROJECT_DIR, PROJECT_ROOT
from tests.dbt_support import DBT
from tests.pg import pg_env  # noqa: F401  (the session fixture)
from tests.support.db import mart_tables

pytestmark = pytest.mark.slow

SEEDS = sorted((PROJECT_ROOT / "raw").glob("*.txt"))

#: DuckDB-only spellings and what to write instead (macros/cross_db/, or portable SQL)
DUCKDB_ONLY = {
    r"\bqualify\b": "a row_number() column and a where on it",
    r"\*\s*exclude\b": "the columns by name",
    r"\bby\s+name\b": "one column list for both sides",
    r"\bgroup\s+by\s+all\b": "the grouped columns by name",
    r"\bsimilar\s+to\b": "regexp_test()",
    r"\bhugeint\b": "decimal(38, 0)",
    r"\bas\s+double\b": "float8",
    r"(?<![\w.])(regexp_matches|regexp_extract|regexp_extract_all|printf|any_value|mode|arg_max|arg_min|try_cast|"
    r"ends_with|strftime|date_diff|year|list|list_\w+|string_split)\(": "a macro of macros/cross_db/",
    r"\w\[\d*:?\d*\]": "substr()",
}


def _dbt_build(env: dict[str, str], out: Path, *args: str) -> tuple[subprocess.CompletedProcess, dict]:
    """`dbt build` with its own target/log folders; the process and its run_results.json."""
    cmd = [
        DBT,
        "build",
        *args,
        "--project-dir",
        str(DBT_PROJECT_DIR),
        "--profiles-dir",
        str(DBT_PROJECT_DIR),
        "--target-path",
        str(out / "target"),
        "--log-path",
        str(out / "logs"),
    ]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=1200)
    results_file = out / "target" / "run_results.json"
    results = json.loads(results_file.read_text()) if results_file.exists() else {"results": []}
    return proc, results


def _pg_url(settings: dict[str, str]) -> str:
    s = settings
    auth = s["NIANBAO_PG_USER"] + (f":{s['NIANBAO_PG_PASSWORD']}" if s["NIANBAO_PG_PASSWORD"] else "")
    return f"postgresql+psycopg://{auth}@{s['NIANBAO_PG_HOST']}:{s['NIANBAO_PG_PORT']}/{s['NIANBAO_PG_DBNAME']}"


def _pg_connect(settings: dict[str, str]):
    import psycopg

    return psycopg.connect(
        host=settings["NIANBAO_PG_HOST"],
        port=int(settings["NIANBAO_PG_PORT"]),
        user=settings["NIANBAO_PG_USER"],
        password=settings["NIANBAO_PG_PASSWORD"] or None,
        dbname=settings["NIANBAO_PG_DBNAME"],
        autocommit=True,
    )


def _cell(v):
    """A value as compared across the engines: doubles at 9 significant digits."""
    if isinstance(v, Decimal):
        v = float(v)
    if isinstance(v, float):
        return None if math.isnan(v) else float(f"{v:.9g}")
    if isinstance(v, datetime | date):
        return v.isoformat()
    return v


def _rows(cursor_rows) -> list[tuple]:
    return sorted((tuple(_cell(v) for v in row) for row in cursor_rows), key=repr)


@pytest.fixture(scope="module")
def builds(tmp_path_factory, pg_env):  # noqa: F811
    base = tmp_path_factory.mktemp("parity")
    raw = base / "raw"
    raw.mkdir()
    for p in SEEDS:
        shutil.copy(p, raw / p.name)
    working = base / "working.duckdb"
    pipeline.ingest(raw, working, progress=False)
    pipeline.extract(working, progress=False)
    pipeline.load_gazetteer(working)

    clean = {k: v for k, v in os.environ.items() if not k.startswith("NIANBAO_")}
    clean["DBT_SEND_ANONYMOUS_USAGE_STATS"] = "false"
    duck_proc, duck_results = _dbt_build(dict(clean, NIANBAO_WORKING_DB=str(working)), base / "duckdb")

    from nianbao.storage.postgres import copy_raw

    copied = copy_raw(working, _pg_url(pg_env))
    pg_proc, pg_results = _dbt_build(dict(clean, **pg_env), base / "postgres", "--target", "postgres")
    return {
        "working": working,
        "duck": (duck_proc, duck_results),
        "pg": (pg_proc, pg_results),
        "copied": copied,
        "pg_env": pg_env,
    }


def _statuses(results: dict) -> dict[str, int]:
    out: dict[str, int] = {}
    for r in results["results"]:
        out[r["status"]] = out.get(r["status"], 0) + 1
    return out


def _failures(results: dict) -> list[str]:
    return [
        f"{r['unique_id']}: {r['status']}: {(r.get('message') or '')[:300]}"
        for r in results["results"]
        if r["status"] not in ("success", "pass")
    ]


def test_raw_tables_reach_postgres(builds):
    assert builds["copied"]["documents"] == len(SEEDS)
    assert builds["copied"]["figures"] > 0 and builds["copied"]["events"] > 0


@pytest.mark.parametrize("target", ["duck", "pg"])
def test_every_dbt_node_passes(builds, target):
    proc, results = builds[target]
    assert proc.returncode == 0, proc.stdout[-6000:]
    assert not _failures(results), "\n".join(_failures(results))
    kinds = {r["unique_id"].split(".")[0] for r in results["results"]}
    assert {"model", "seed", "test", "unit_test"} <= kinds


def test_both_targets_run_the_same_nodes(builds):
    duck = {r["unique_id"] for r in builds["duck"][1]["results"]}
    pg = {r["unique_id"] for r in builds["pg"][1]["results"]}
    assert duck == pg and len(duck) > 100


def test_every_mart_has_identical_rows(builds):
    con = duckdb.connect(str(builds["working"]), read_only=True)
    try:
        marts = mart_tables(con)
        duck = {}
        for t in marts:
            cur = con.execute(f'select * from marts."{t}"')
            duck[t] = ([d[0] for d in cur.description], _rows(cur.fetchall()))
    finally:
        con.close()
    assert {"fct_figures", "fct_activities", "dq_findings", "mart_library_year"} <= set(marts)

    differences = []
    with _pg_connect(builds["pg_env"]) as pg:
        for t in marts:
            cur = pg.execute(f'select * from marts."{t}"')
            columns, rows = [d.name for d in cur.description], _rows(cur.fetchall())
            want_columns, want_rows = duck[t]
            if columns != want_columns:
                differences.append(f"{t}: columns {columns} != {want_columns}")
            elif rows != want_rows:
                only_duck = [r for r in want_rows if r not in rows][:3]
                only_pg = [r for r in rows if r not in want_rows][:3]
                differences.append(
                    f"{t}: {len(want_rows)} rows on DuckDB, {len(rows)} on PostgreSQL; "
                    f"DuckDB only {only_duck}; PostgreSQL only {only_pg}"
                )
    assert not differences, "\n".join(differences)


def _sql_code(text: str) -> str:
    """SQL without jinja comments, string literals and -- comments (what the patterns scan)."""
    text = re.sub(r"\{#.*?#\}", " ", text, flags=re.S)
    text = re.sub(r"'(?:[^']|'')*'", "''", text)
    text = re.sub(r'"[^"\n]*"', '""', text)
    return re.sub(r"--[^\n]*", " ", text)


def test_sql_has_no_duckdb_only_spelling():
    found = []
    for path in sorted(DBT_PROJECT_DIR.glob("**/*.sql")):
        rel = path.relative_to(DBT_PROJECT_DIR)
        if rel.parts[0] in ("target", "logs", "dbt_packages") or rel.parts[:2] == ("macros", "cross_db"):
            continue
        code = _sql_code(path.read_text(encoding="utf-8"))
        for pattern, instead in DUCKDB_ONLY.items():
            for m in re.finditer(pattern, code, flags=re.I):
                found.append(f"{rel}: {m.group(0)!r} (PostgreSQL cannot run it; write {instead})")
    assert not found, "\n".join(found)


def test_unit_test_names_fit_postgres_relation_names():
    too_long = []
    for path in sorted(DBT_PROJECT_DIR.glob("models/**/*.yml")):
        for test in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("unit_tests") or []:
            if len(test["name"]) > 63:
                too_long.append(f"{path.name}: {test['name']} ({len(test['name'])} characters)")
    assert not too_long, "\n".join(too_long)
