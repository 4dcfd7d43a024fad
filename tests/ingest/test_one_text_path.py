"""One text path: the pipeline (raw.documents.text), `nianbao.ingest.read_text` (the benchmark, the
tests), and the evaluation's readers (`read_raw_texts` for --direct, `read_texts` for gold sets and the
extractor benchmark) give the same text for every seed report, in any encoding or format."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from nianbao import evaluation, pipeline
from nianbao.config import PROJECT_ROOT
from nianbao.ingest import read_text

SEED_REPORTS = sorted((PROJECT_ROOT / "raw").glob("*.txt"))


def _raw_folder(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for p in SEED_REPORTS:
        shutil.copy(p, raw / p.name)
    first = SEED_REPORTS[0].read_text(encoding="utf-8")
    # the same report as GB18030 and as an HTML page: what a plain UTF-8 read would get wrong
    (raw / "as_gb18030.txt").write_bytes(("＊" + first).encode("gb18030"))
    (raw / "as_page.html").write_text(f"<html><body><p>{first[:400]}</p></body></html>", encoding="utf-8")
    return raw


def test_pipeline_evaluation_and_bench_read_the_same_text(tmp_path):
    assert SEED_REPORTS, "no seed reports in raw/"
    raw = _raw_folder(tmp_path)
    working = tmp_path / "wh" / "nianbao.build.duckdb"
    working.parent.mkdir()
    pipeline.ingest(raw, working, progress=False)
    with duckdb.connect(str(working), read_only=True) as con:
        stored = dict(con.execute("select source_file, text from raw.documents where status = 'loaded'").fetchall())

    assert set(stored) == {p.name for p in raw.iterdir()}
    assert stored["as_gb18030.txt"].startswith("*")  # decoded and NFKC-normalised, not mojibake
    for name, text in stored.items():
        assert read_text(raw / name) == text, name
    assert evaluation.read_raw_texts(raw) == stored
    assert evaluation.read_texts(raw) == stored


def test_read_text_says_why_a_file_is_not_readable(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(ValueError, match="empty.txt"):
        read_text(empty)
