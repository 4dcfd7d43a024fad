"""A failure inside the extractor is never swallowed: `extract_document` raises, and the
pipeline quarantines the document as `extraction_error` with the message."""

from __future__ import annotations

import duckdb
import pytest

import nianbao.extract as extract
from nianbao import pipeline, warehouse
from nianbao.schema import stable_id
from tests.dbt_support import make_document

TEXT = "某县图书馆2021年工作总结\n全年接待读者12万人次,举办讲座30场。\n"


def _boom(*args, **kwargs):
    raise RuntimeError("events module exploded")


def flaky_extract(text, source_file=None):
    """The extractor, failing on bad.txt (run in the sandbox child by `pipeline.extract`)."""
    if source_file == "bad.txt":
        raise ValueError("cannot read this table")
    return extract.extract_document(text, source_file)


def test_extract_document_raises_when_a_part_fails(monkeypatch):
    assert extract.extract_document(TEXT).figures  # works untouched
    monkeypatch.setattr(extract, "extract_events", _boom)
    with pytest.raises(RuntimeError, match="exploded"):
        extract.extract_document(TEXT)


def test_tables_failure_is_not_swallowed(monkeypatch):
    import nianbao.extract.tables as tables

    monkeypatch.setattr(tables, "find_tables", _boom)
    with pytest.raises(RuntimeError):
        extract.extract_document(TEXT)


def test_pipeline_quarantines_the_document_with_the_message(monkeypatch, tmp_path):
    db = tmp_path / "working.duckdb"
    good = make_document("good.txt", TEXT, document_id=stable_id("good"))
    bad = make_document("bad.txt", TEXT.replace("12万", "13万"), document_id=stable_id("bad"))
    with warehouse.connect(db) as con:
        warehouse.sync_documents(con, [good, bad])
    # the sandbox child imports the patched function by name (a fresh interpreter: a patch of
    # extract_document itself would not reach it)
    monkeypatch.setattr(pipeline, "_extract_one", flaky_extract)
    summary = pipeline.extract(db, progress=False)
    assert summary.extracted == 1
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = dict(
            (r[0], r[1:])
            for r in con.execute("select source_file, status, reason, detail from raw.documents").fetchall()
        )
        n_cand = con.execute(
            "select count(*) from raw.candidates where document_id = ?", [good.document_id]
        ).fetchone()[0]
    finally:
        con.close()
    assert rows["good.txt"][0] == "loaded"
    status, reason, detail = rows["bad.txt"]
    assert (status, reason) == ("quarantined", "extraction_error")
    assert "ValueError" in detail and "cannot read this table" in detail
    assert n_cand > 0  # the good document's candidates are stored


def test_no_two_figures_share_a_figure_id_on_realdev():
    """figure_id is unique per document (dbt's unique test on staging would stop the build)."""
    from nianbao.extract import extract_document
    from nianbao.schema import figure_id
    from tests.paths import SHARED

    for path in sorted((SHARED / "realdev" / "docs").glob("*.txt")):
        figs = extract_document(path.read_text(encoding="utf-8")).figures
        ids = [figure_id("d", f) for f in figs]
        assert len(ids) == len(set(ids)), path.name
