"""Extraction on N worker processes (`nianbao.pipeline.extract`, `nianbao.sandbox.Pool`): a document
that hangs costs only its own time limit and the others all load; the stored rows do not depend on
the number of workers."""

from __future__ import annotations

import os
import time
from pathlib import Path

import duckdb
import pytest

from nianbao import pipeline, warehouse
from nianbao.schema import DocumentRecord, stable_id

#: the test-only hook below sleeps on a document holding this line (never in production parsing)
HANG = "〔this document hangs the extractor〕"
LIMIT_S = 6.0
#: where the hook notes when each hang began (a test variable, inherited by the sandbox children)
STAMPS_ENV = "NIANBAO_TEST_HANG_STAMPS"
TABLES = ["raw.extractions", "raw.figures", "raw.candidates", "raw.events", "raw.libraries"]


def hanging_extract(text, source_file=None):
    """The extractor, hanging on a document that holds `HANG` (run in a sandbox child by `pipeline.extract`,
    which imports it by name: patched in as `pipeline._extract_one`)."""
    if HANG in text:
        stamps = os.environ.get(STAMPS_ENV)
        if stamps:  # when the hang began, for the test to see that two hangs overlapped
            (Path(stamps) / f"{source_file}.start").write_text(repr(time.time()))
        time.sleep(3600)
    from nianbao.extract import extract_document

    return extract_document(text, source_file)


def _documents(realdev_dir, n: int, hanging: int) -> list[DocumentRecord]:
    paths = sorted((realdev_dir / "docs").glob("*.txt"))[:n]
    assert len(paths) == n
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in paths]
    texts += [(f"hangs_{i}.txt", texts[i][1] + f"\n{HANG}\n") for i in range(hanging)]
    return [
        DocumentRecord(
            document_id=stable_id(name),
            source_file=name,
            status="loaded",
            text=text,
            chars=len(text),
            bytes=len(text.encode()),
        )
        for name, text in texts
    ]


def _load(db, docs) -> None:
    with warehouse.connect(db) as con:
        warehouse.sync_documents(con, docs)


def _stored(db) -> dict[str, list[tuple]]:
    """Every row of the extraction tables in storage order, time columns left out."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table in TABLES:
            cols = [c for c, typ, *_ in con.execute(f"describe {table}").fetchall() if "TIMESTAMP" not in typ]
            out[table] = con.execute(f"select {', '.join(cols)} from {table} order by rowid").fetchall()
        return out
    finally:
        con.close()


@pytest.fixture
def hanging_hook(monkeypatch, tmp_path):
    stamps = tmp_path / "hang_starts"
    stamps.mkdir()
    monkeypatch.setenv(STAMPS_ENV, str(stamps))
    monkeypatch.setattr(pipeline, "_extract_one", hanging_extract)
    monkeypatch.setenv("NIANBAO_DOC_TIMEOUT", str(LIMIT_S))


def test_two_hanging_documents_on_two_workers_cost_one_time_limit(realdev_dir, hanging_hook, tmp_path):
    db = tmp_path / "working.duckdb"
    docs = _documents(realdev_dir, 6, hanging=2)
    _load(db, docs)
    summary = pipeline.extract(db, progress=False, workers=2)
    # both hang side by side, each on its own worker: the second began before the first's limit ran
    # out (on one worker it could only begin after the first was killed). Judged from when the hangs
    # began, not from the wall time, which start-up on a loaded machine stretches.
    starts = sorted(float(p.read_text()) for p in (tmp_path / "hang_starts").glob("*.start"))
    assert len(starts) == 2, starts
    assert starts[1] - starts[0] < LIMIT_S, starts
    assert summary.extracted == 6
    assert sorted(summary.failed) == [("hangs_0.txt", "timeout"), ("hangs_1.txt", "timeout")]
    con = duckdb.connect(str(db), read_only=True)
    try:
        status = dict(
            (r[0], r[1:]) for r in con.execute("select source_file, status, reason from raw.documents").fetchall()
        )
        per_doc = dict(con.execute("select document_id, count(*) from raw.candidates group by 1").fetchall())
    finally:
        con.close()
    for d in docs:
        if d.source_file.startswith("hangs_"):
            assert status[d.source_file] == ("quarantined", "timeout")
            assert d.document_id not in per_doc
        else:
            assert status[d.source_file] == ("loaded", None)
            assert per_doc.get(d.document_id, 0) > 0, d.source_file


def test_the_stored_rows_do_not_depend_on_the_number_of_workers(realdev_dir, tmp_path):
    docs = _documents(realdev_dir, 12, hanging=0)
    stored = {}
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.duckdb"
        _load(db, docs)
        summary = pipeline.extract(db, progress=False, workers=workers)
        assert summary.extracted == 12 and not summary.failed
        stored[workers] = _stored(db)
    assert all(stored[1][t] for t in ("raw.extractions", "raw.figures", "raw.candidates"))
    for table in TABLES:
        assert stored[2][table] == stored[1][table], table


def test_the_number_of_workers_is_a_setting_bounded_by_the_documents(monkeypatch):
    monkeypatch.setenv("NIANBAO_EXTRACT_WORKERS", "3")
    assert pipeline.extract_workers() == 3
    assert pipeline.extract_workers(todo=2) == 2
    assert pipeline.extract_workers(todo=0) == 1
    monkeypatch.setenv("NIANBAO_EXTRACT_WORKERS", "0")
    assert pipeline.extract_workers() == pipeline.usable_cores() >= 1
