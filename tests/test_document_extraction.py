"""One document extracted on its own (`nianbao.document_extraction`, what a document partition runs):
read from the working file, extracted in a sandbox child, stored; a hanging document costs only its
own time limit and is quarantined (`timeout`), as in `pipeline.extract`."""

from __future__ import annotations

import shutil
import time

from nianbao import document_extraction as one
from nianbao import pipeline, warehouse
from nianbao.storage import open_storage

LIMIT_S = 2.0


def hangs(text, source_file=None):
    """An extractor that never returns (run in the sandbox child by reference)."""
    time.sleep(600)


def _ingest_one(settings, seeds_dir) -> str:
    doc = sorted(seeds_dir.glob("*.txt"))[0]
    shutil.copy(doc, settings.raw_dir / doc.name)
    pipeline.ingest(settings.raw_dir, settings.working_path(), progress=False)
    with warehouse.connect(settings.working_path(), read_only=True) as con:
        [(document_id,)] = con.execute("select document_id from raw.documents where status = 'loaded'").fetchall()
    return document_id


def test_read_extract_store_one_document(settings, seeds_dir):
    document_id = _ingest_one(settings, seeds_dir)
    working = settings.working_path()
    document = one.read_document(working, document_id)
    assert document is not None and document.document_id == document_id and document.text
    outcome = one.extract_text(document.text, document.source_file)
    assert not isinstance(outcome, one.Failed) and outcome.figures
    rows = one.store_document(open_storage(settings.warehouse, working), working, document_id, outcome)
    assert rows["figures"] == len(outcome.figures) and rows["extractions"] == 1
    with warehouse.connect(working, read_only=True) as con:
        assert con.execute("select count(*) from raw.figures where document_id = ?", [document_id]).fetchone()[
            0
        ] == len(outcome.figures)
    # extracted by this extractor version: nothing left to read for its partition
    assert one.read_document(working, document_id) is None
    assert one.read_document(working, "0" * 64) is None


def test_a_hanging_document_costs_its_time_limit_and_is_quarantined(settings, seeds_dir, monkeypatch):
    document_id = _ingest_one(settings, seeds_dir)
    working = settings.working_path()
    document = one.read_document(working, document_id)
    monkeypatch.setattr(pipeline, "_extract_one", hangs)
    started = time.monotonic()
    outcome = one.extract_text(document.text, document.source_file, timeout=LIMIT_S)
    elapsed = time.monotonic() - started
    assert isinstance(outcome, one.Failed) and outcome.reason == "timeout"
    assert LIMIT_S <= elapsed < LIMIT_S + 30  # the limit, plus starting the child; never the 600 s
    rows = one.store_document(open_storage(settings.warehouse, working), working, document_id, outcome)
    assert rows == {table: 0 for table in warehouse.EXTRACTED_TABLES}
    with warehouse.connect(working, read_only=True) as con:
        assert con.execute(
            "select status, reason from raw.documents where document_id = ?", [document_id]
        ).fetchall() == [("quarantined", "timeout")]
