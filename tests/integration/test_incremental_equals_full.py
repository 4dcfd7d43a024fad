"""A warehouse kept up to date run after run equals one built from scratch (issue 11).

Runs reuse what they can (files unchanged by size and mtime are not read again,
extractions are cached by content hash and extractor version, an unchanged folder
builds nothing): after a report is added, one changed and one deleted, every mart
must hold the rows a first build of the same folder holds; and again after the deleted
report comes back, the changed one is changed back and another one is moved to a new
name (its content, hence its extraction, unchanged). The one difference by
design: the kept warehouse still lists the deleted file in dim_document (status
'removed'), which a first build never saw.
"""

from __future__ import annotations

import shutil

import duckdb
import pytest

from tests.paths import SEED_REPORTS
from tests.support.cli import run_cli
from tests.support.db import mart_tables

# five CLI runs (≈ 400 s alone on 2 cores, more beside another test worker): above the 600 s default
pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]


def _marts(wh) -> dict[str, list[tuple]]:
    """Every table of the marts schema, its rows sorted (removed files left out of dim_document)."""
    con = duckdb.connect(str(wh), read_only=True)
    try:
        out = {}
        for t in mart_tables(con):
            where = " where status <> 'removed'" if t == "dim_document" else ""
            out[t] = sorted(map(repr, con.execute(f"select * from marts.{t}{where}").fetchall()))
        return out
    finally:
        con.close()


def test_add_change_delete_then_marts_equal_a_first_build(tmp_path):
    raw, kept = tmp_path / "raw", tmp_path / "kept" / "nianbao.duckdb"
    raw.mkdir()
    for p in SEED_REPORTS[:-1]:
        shutil.copy(p, raw / p.name)
    first = run_cli(raw, kept)
    assert first.returncode == 0, first.stderr[-3000:]

    shutil.copy(SEED_REPORTS[-1], raw / SEED_REPORTS[-1].name)  # added
    changed = raw / SEED_REPORTS[0].name
    changed.write_text(changed.read_text(encoding="utf-8").replace("2", "3", 5), encoding="utf-8")  # changed
    (raw / SEED_REPORTS[1].name).unlink()  # deleted
    again = run_cli(raw, kept)
    assert again.returncode == 0, again.stderr[-3000:]
    assert "1 raw file added, 1 raw file removed, 1 raw file changed" in again.stderr
    assert "extracting 2 documents" in again.stderr  # the added and the changed one, not the others

    _assert_marts_of_a_first_build(raw, kept, tmp_path / "fresh" / "nianbao.duckdb")

    shutil.copy(SEED_REPORTS[1], raw / SEED_REPORTS[1].name)  # the deleted report is back
    shutil.copy(SEED_REPORTS[0], changed)  # changed back: the text of the first build
    moved = raw / SEED_REPORTS[2].name
    moved.rename(raw / f"moved_{moved.name}")  # the same bytes under a new name
    third = run_cli(raw, kept)
    assert third.returncode == 0, third.stderr[-3000:]
    assert "extracting 2 documents" in third.stderr  # the two texts pruned when they left; not the moved one
    _assert_marts_of_a_first_build(raw, kept, tmp_path / "fresh2" / "nianbao.duckdb")


def _assert_marts_of_a_first_build(raw, kept, fresh) -> None:
    """Every mart of the kept warehouse `kept` holds the rows of a first build of `raw` into `fresh`."""
    scratch = run_cli(raw, fresh)
    assert scratch.returncode == 0, scratch.stderr[-3000:]
    kept_marts, fresh_marts = _marts(kept), _marts(fresh)
    assert set(kept_marts) == set(fresh_marts) and len(fresh_marts) >= 12
    assert {t: rows for t, rows in kept_marts.items() if rows != fresh_marts[t]} == {}
    assert sum(map(len, fresh_marts.values())) > 100
