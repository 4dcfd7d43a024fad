"""End to end through the CLI (`python -m orchestration.cli run`): the raw-folder defects of issue 13.

One raw folder holds the seeds plus: a symbolic link to a "secret" report
outside the folder, a link to a folder outside, a link inside to a seed, a
link loop, a report whose file name is GBK bytes (not UTF-8), and the
warehouse itself (`raw/warehouse/nianbao.duckdb`). It is built twice. Then
the same published warehouse meets an empty raw folder and a mistyped path.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import duckdb
import pytest

from nianbao.ingest.scan import escape_name, unescape_name
from tests.paths import SEED_REPORTS
from tests.support.cli import q, run_cli

pytestmark = pytest.mark.slow

SECRET_TOKEN = "口令XYZZY-7731"
SECRET = f"2020年某市图书馆年报\n全年接待读者876543人次，外借图书765432册次。{SECRET_TOKEN}\n"
GBK_NAME = "图书馆年报.txt".encode("gbk")
GBK_REPORT = "2021年某县图书馆年报\n全年接待读者23456人次。\n"


def every_cell(wh: Path):
    """Every value of every table and view in the file, as text."""
    con = duckdb.connect(str(wh), read_only=True)
    try:
        tables = con.execute("select table_schema, table_name from information_schema.tables").fetchall()
        for schema, table in tables:
            for row in con.execute(f'select * from "{schema}"."{table}"').fetchall():
                for cell in row:
                    yield f"{schema}.{table}", "" if cell is None else str(cell)
    finally:
        con.close()


def sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("adversarial")
    raw, outside = base / "raw", base / "outside"
    raw.mkdir()
    outside.mkdir()
    wh = raw / "warehouse" / "nianbao.duckdb"
    for p in SEED_REPORTS:
        shutil.copy(p, raw / p.name)
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    os.symlink(outside / "secret.txt", raw / "leak.txt")
    os.symlink(outside, raw / "outside-folder")
    os.symlink(SEED_REPORTS[0].name, raw / "link-to-seed.txt")
    os.symlink("loop-b", raw / "loop-a")
    os.symlink("loop-a", raw / "loop-b")
    with open(os.path.join(os.fsencode(raw), GBK_NAME), "wb") as f:
        f.write(GBK_REPORT.encode("gbk"))
    first = run_cli(raw, wh)
    first_figures = q(wh, "select count(*) from marts.fct_figures")[0][0] if first.returncode == 0 else None
    # one report gains a trailing newline (same figures): the second run builds again, with the
    # warehouse folder of the first run inside the raw folder (an unchanged run would build nothing)
    with open(raw / SEED_REPORTS[-1].name, "a", encoding="utf-8") as f:
        f.write("\n")
    second = run_cli(raw, wh)
    return {"base": base, "raw": raw, "wh": wh, "first": first, "second": second, "first_figures": first_figures}


def test_both_runs_publish(built):
    assert built["first"].returncode == 0, built["first"].stderr[-3000:]
    assert built["second"].returncode == 0, built["second"].stderr[-3000:]


def test_link_outside_leaks_nothing(built):
    wh = built["wh"]
    assert built["first"].returncode == 0, built["first"].stderr[-3000:]
    leaks = {table for table, cell in every_cell(wh) if SECRET_TOKEN in cell}
    assert not leaks, f"the secret is in {leaks}"
    assert q(wh, "select count(*) from marts.fct_figures where value in (876543, 765432)")[0][0] == 0
    rows = {
        r[0]: r[1:] for r in q(wh, "select source_file, status, reason, is_link, link_target from marts.dim_document")
    }
    assert rows["leak.txt"] == ("quarantined", "outside_raw_folder", True, None)
    assert rows["outside-folder"] == ("quarantined", "outside_raw_folder", True, None)
    assert rows["link-to-seed.txt"] == ("duplicate", None, True, SEED_REPORTS[0].name)
    assert rows[SEED_REPORTS[0].name] == ("loaded", None, False, None)
    assert rows["loop-a"][:2] == ("quarantined", "unreadable")


def test_gbk_file_name_is_loaded_under_an_escaped_name(built):
    wh = built["wh"]
    assert built["first"].returncode == 0, built["first"].stderr[-3000:]
    name = escape_name(os.fsdecode(GBK_NAME))
    assert unescape_name(name) == GBK_NAME
    assert q(wh, f"select status from marts.dim_document where source_file = '{name}'") == [("loaded",)]
    assert q(wh, f"select value from marts.fct_figures where source_file = '{name}'") == [(23456.0,)]


def test_warehouse_inside_raw_is_never_ingested(built):
    wh = built["wh"]
    assert built["second"].returncode == 0, built["second"].stderr[-3000:]
    assert q(wh, "select count(*) from marts.fct_figures")[0][0] == built["first_figures"] > 50
    assert q(wh, "select count(*) from marts.dim_document where source_file like 'warehouse/%'")[0][0] == 0
    skipped = [line for line in built["second"].stderr.splitlines() if "skip" in line and "warehouse/" in line]
    assert len(skipped) == 1, built["second"].stderr[-3000:]


def test_details_hold_no_host_paths(built):
    wh = built["wh"]
    details = [r[0] for r in q(wh, "select detail from marts.dim_document where detail is not null")]
    assert details
    assert not [d for d in details if str(built["base"]) in d or str(Path.home()) + "/" in d]


def test_empty_or_missing_raw_folder_keeps_the_published_warehouse(built, tmp_path):
    wh = built["wh"]
    assert built["second"].returncode == 0, built["second"].stderr[-3000:]
    before = sha(wh)
    empty = tmp_path / "empty-raw"
    empty.mkdir()
    refused = run_cli(empty, wh)
    assert refused.returncode != 0
    last = refused.stderr.strip().splitlines()[-1]
    assert str(empty) in last and "--allow-empty" in last, refused.stderr[-2000:]
    assert "Traceback" not in refused.stderr
    assert sha(wh) == before
    missing = tmp_path / "no-such-folder"
    typo = run_cli(missing, wh)
    assert typo.returncode != 0 and "Traceback" not in typo.stderr
    assert str(missing) in typo.stderr.strip().splitlines()[-1], typo.stderr[-2000:]
    assert sha(wh) == before


def test_allow_empty_publishes_an_empty_warehouse(built, tmp_path):
    assert built["second"].returncode == 0, built["second"].stderr[-3000:]
    wh = tmp_path / "wh" / "nianbao.duckdb"
    wh.parent.mkdir()
    shutil.copy(built["wh"], wh)  # a non-empty published warehouse (no working file beside it)
    empty = tmp_path / "empty-raw"
    empty.mkdir()
    done = run_cli(empty, wh, "--allow-empty")
    assert done.returncode == 0, done.stderr[-3000:]
    assert q(wh, "select count(*) from marts.fct_figures")[0][0] == 0
