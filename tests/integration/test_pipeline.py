"""End to end: `python -m orchestration.cli run` (what `make run` calls) into a temporary warehouse.

Three runs on one temporary raw folder: the seeds plus awkward files; the same
input again (nothing rebuilt: the published file byte-identical); then a file removed and a
file changed (their old figures gone).
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import duckdb
import pytest

from tests.paths import SEED_REPORTS
from tests.support.cli import q, run_cli

pytestmark = pytest.mark.slow

MARTS = [
    "fct_figures",
    "fct_visits",
    "fct_circulation",
    "fct_activities",
    "fct_spending",
    "dim_library",
    "dim_region",
    "dim_year",
    "dim_document",
    "dq_findings",
    "dq_finding_figures",
    "library_year_summary",
]


def mart_fingerprints(wh: Path) -> dict[str, str]:
    out = {}
    con = duckdb.connect(str(wh), read_only=True)
    try:
        for t in MARTS:
            rows = con.execute(f"select * from marts.{t}").fetchall()
            out[t] = hashlib.sha256(repr(sorted(map(repr, rows))).encode()).hexdigest()
    finally:
        con.close()
    return out


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    base = tmp_path_factory.mktemp("e2e")
    raw, wh = base / "raw", base / "warehouse" / "nianbao.duckdb"
    raw.mkdir()
    for p in SEED_REPORTS:
        shutil.copy(p, raw / p.name)
    (raw / "empty.txt").write_bytes(b"")
    (raw / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    shutil.copy(SEED_REPORTS[0], raw / "copy of first.txt")
    first = run_cli(raw, wh)
    first_marts = mart_fingerprints(wh) if first.returncode == 0 else None
    first_sha = hashlib.sha256(wh.read_bytes()).hexdigest() if first.returncode == 0 else None
    second = run_cli(raw, wh)
    second_marts = mart_fingerprints(wh) if second.returncode == 0 else None
    second_sha = hashlib.sha256(wh.read_bytes()).hexdigest() if second.returncode == 0 else None
    return {
        "raw": raw,
        "wh": wh,
        "first": first,
        "second": second,
        "first_marts": first_marts,
        "second_marts": second_marts,
        "first_sha": first_sha,
        "second_sha": second_sha,
    }


def test_first_run_publishes_every_mart(runs):
    assert runs["first"].returncode == 0, runs["first"].stderr[-4000:]
    tables = {
        r[0] for r in q(runs["wh"], "select table_name from information_schema.tables where table_schema='marts'")
    }
    assert set(MARTS) <= tables
    assert "quality report:" in runs["first"].stdout
    assert (runs["wh"].parent / "quality_report" / "index.html").exists()


def test_every_file_is_accounted_for(runs):
    rows = dict(q(runs["wh"], "select source_file, status || coalesce(':' || reason, '') from marts.dim_document"))
    assert rows["empty.txt"] == "quarantined:empty"
    assert rows["picture.png"].startswith("quarantined:")
    assert rows["copy of first.txt"] == "duplicate" or rows[SEED_REPORTS[0].name] == "duplicate"
    assert sum(1 for v in rows.values() if v == "loaded") == len(SEED_REPORTS)
    assert len(rows) == len(SEED_REPORTS) + 3


def test_figures_have_provenance_and_base_units(runs):
    wh = runs["wh"]
    n, files = q(wh, "select count(*), count(distinct source_file) from marts.fct_figures")[0]
    assert n > 50 and files == len(SEED_REPORTS)
    bad = q(
        wh, "select count(*) from marts.fct_figures where char_end <= char_start or evidence is null or metric is null"
    )[0][0]
    assert bad == 0
    # 754.55万元 in a report is stored in yuan
    assert q(wh, "select count(*) from marts.fct_figures where metric='spending.total' and value = 7545500")[0][0] >= 1


def test_events_and_region_dimension(runs):
    wh = runs["wh"]
    assert q(wh, "select count(*) from marts.fct_activities where grain='event'")[0][0] >= 66
    assert q(wh, "select count(*) from marts.fct_activities where grain='reported_total'")[0][0] >= 1
    codes = {r[0] for r in q(wh, "select region_code from marts.dim_library where region_code is not null")}
    assert "320682" in codes  # a county-level library resolved to its administrative code
    levels = {r[0] for r in q(wh, "select distinct level from marts.dim_region")}
    assert {"province", "prefecture", "county"} <= levels


def test_findings_quote_evidence(runs):
    wh = runs["wh"]
    checks = {r[0] for r in q(wh, 'select distinct "check" from marts.dq_findings')}
    assert "conflict" in checks
    linked = q(wh, "select count(*) from marts.dq_finding_figures ff join marts.fct_figures f using (figure_id)")[0][0]
    assert linked > 0


def test_second_run_reextracts_nothing_and_marts_are_identical(runs):
    assert runs["second"].returncode == 0, runs["second"].stderr[-4000:]
    # nothing changed: the run says so and builds nothing (nianbao/fingerprint.py)
    assert "nothing changed since the published build" in runs["second"].stderr
    assert "extracting" not in runs["second"].stderr and "building dbt" not in runs["second"].stderr
    assert runs["first_marts"] == runs["second_marts"]
    assert runs["first_sha"] == runs["second_sha"]  # the published file byte-identical


def test_changed_and_removed_files(runs):
    raw, wh = runs["raw"], runs["wh"]
    removed, changed = SEED_REPORTS[1].name, SEED_REPORTS[3].name
    before = q(wh, f"select count(*) from marts.fct_figures where source_file = '{removed}'")[0][0]
    assert before > 0
    (raw / removed).unlink()
    (raw / changed).write_text("2021年某县图书馆年报\n全年接待读者12345人次。\n", encoding="utf-8")
    third = run_cli(raw, wh)
    assert third.returncode == 0, third.stderr[-4000:]
    assert "extracting 1 documents" in third.stderr
    assert q(wh, f"select count(*) from marts.fct_figures where source_file = '{removed}'")[0][0] == 0
    assert q(wh, f"select status from marts.dim_document where source_file = '{removed}'")[0][0] == "removed"
    values = {r[0] for r in q(wh, f"select value from marts.fct_figures where source_file = '{changed}'")}
    assert values == {12345}
