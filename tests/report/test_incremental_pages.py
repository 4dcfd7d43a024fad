"""Library-year pages are written only when their figures or findings changed since the
previous (published) report: unchanged pages are hard links of the previous ones (same
inode, not rewritten), changed ones are new files, gone ones disappear; the previous
report is never modified."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import duckdb

from nianbao.report import build_report
from nianbao.report.pages import PAGES_MANIFEST
from tests.report.invented_marts import write_db

RUGAO, JINHU = "ly/rugao-2020.html", "ly/jinhu-2020.html"


def _run(i: int) -> dict:
    return {"published": "/wh/nianbao.duckdb", "time": f"2026-01-0{i} 00:00:00 UTC", "id": f"it{i}"}


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _manifest(site: Path) -> dict:
    return json.loads((site / PAGES_MANIFEST).read_text(encoding="utf-8"))


def _sql(db: Path, sql: str) -> None:
    con = duckdb.connect(str(db))
    try:
        cat = con.execute("select current_database()").fetchone()[0]
        con.execute(f'use "{cat}".marts')
        con.execute(sql)
    finally:
        con.close()


def test_unchanged_pages_are_reused_changed_ones_rewritten(tmp_path):
    db = write_db(tmp_path / "marts.duckdb")
    one, two, three = (tmp_path / f"site{i}" / "quality_report" for i in (1, 2, 3))
    build_report(db, one, run=_run(1))
    assert _manifest(one)["written"] == 2 and _manifest(one)["reused"] == 0
    assert "page written by run it1" in (one / RUGAO).read_text(encoding="utf-8")

    # same marts: every page comes from the previous report, the index is new
    build_report(db, two, run=_run(2), previous=one)
    assert (_manifest(two)["written"], _manifest(two)["reused"]) == (0, 2)
    for page in (RUGAO, JINHU):
        assert (two / page).stat().st_ino == (one / page).stat().st_ino, page
    assert "run it2" in (two / "index.html").read_text(encoding="utf-8")
    fresh = build_report(db, tmp_path / "fresh" / "quality_report", run=_run(2)).parent
    assert (two / JINHU).read_text(encoding="utf-8") != (fresh / JINHU).read_text(encoding="utf-8")  # older header
    before = _digest(two)

    # one figure of 如皋 changes: its page is rendered again, 金湖's is not
    _sql(db, "update fct_figures set value = 22455 where figure_id = 'f01'")
    build_report(db, three, run=_run(3), previous=two)
    assert (_manifest(three)["written"], _manifest(three)["reused"]) == (1, 1)
    assert (three / JINHU).stat().st_ino == (two / JINHU).stat().st_ino
    assert (three / RUGAO).stat().st_ino != (two / RUGAO).stat().st_ino
    page = (three / RUGAO).read_text(encoding="utf-8")
    assert "22,455" in page and "page written by run it3" in page
    assert _digest(two) == before, "the previous report was modified"

    # the pages equal those of a report built from scratch on the same marts, but for the run header
    scratch = build_report(db, tmp_path / "scratch" / "quality_report", run=_run(3)).parent
    assert (three / RUGAO).read_bytes() == (scratch / RUGAO).read_bytes()


def test_findings_change_rewrites_and_a_gone_library_year_is_removed_in_place(tmp_path):
    db = write_db(tmp_path / "marts.duckdb")
    site = tmp_path / "site"
    build_report(db, site, run=_run(1))
    jinhu_inode = (site / JINHU).stat().st_ino
    _sql(db, "update dq_findings set message = message || '（复核）' where library_key = 'rugao'")
    build_report(db, site, run=_run(2))  # into the same folder: unchanged pages are left as they are
    assert (_manifest(site)["written"], _manifest(site)["reused"]) == (1, 1)
    assert (site / JINHU).stat().st_ino == jinhu_inode
    assert "（复核）" in (site / RUGAO).read_text(encoding="utf-8")

    for table in ("fct_figures", "dq_findings", "library_year_summary"):
        _sql(db, f"delete from {table} where library_key = 'jinhu'")
    build_report(db, site, run=_run(3))
    assert not (site / JINHU).exists()
    assert sorted(_manifest(site)["pages"]) == [RUGAO]


def test_other_templates_render_every_page_again(tmp_path, monkeypatch):
    from nianbao.report import pages

    db = write_db(tmp_path / "marts.duckdb")
    one, two = tmp_path / "one", tmp_path / "two"
    build_report(db, one, run=_run(1))
    monkeypatch.setattr(pages, "render_version", lambda: "another version of the templates")
    build_report(db, two, run=_run(2), previous=one)
    assert (_manifest(two)["written"], _manifest(two)["reused"]) == (2, 0)
    assert (two / RUGAO).stat().st_ino != (one / RUGAO).stat().st_ino
