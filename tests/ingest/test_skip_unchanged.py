"""Ingest skips files unchanged since the last run (same size and modification time,
text extracted with the current version): they are not opened or hashed again, and
raw.documents is what a full read gives. A changed size or mtime is read again."""

from __future__ import annotations

import os

import pytest

from nianbao import pipeline, warehouse
from nianbao.ingest import reader as reader_mod

REPORT = "某某市图书馆2020年工作总结\n全年接待读者{n}万人次,外借图书3.2万册次。\n"


@pytest.fixture
def counted_reads(monkeypatch):
    """The source_file of every file ingest reads (opens and hashes)."""
    reads: list[str] = []
    real = reader_mod._read_bytes

    def counting(path, source_file, *a, **k):
        reads.append(source_file)
        return real(path, source_file, *a, **k)

    monkeypatch.setattr(reader_mod, "_read_bytes", counting)
    return reads


def _documents(working):
    with warehouse.connect(working) as con:
        return con.execute(
            "select * exclude (first_seen_at, last_seen_at) from raw.documents order by source_file"
        ).fetchall()


def _run(raw, working):
    pipeline.ingest(raw, working, progress=False)
    pipeline.extract(working, progress=False)


def test_unchanged_files_are_not_read_again(tmp_path, counted_reads):
    raw, working = tmp_path / "raw", tmp_path / "wh" / "nianbao.build.duckdb"
    raw.mkdir()
    for i in range(3):
        (raw / f"r{i}.txt").write_text(REPORT.format(n=10 + i), encoding="utf-8")
    (raw / "twin.txt").write_text(REPORT.format(n=10), encoding="utf-8")  # same bytes as r0.txt
    _run(raw, working)
    assert sorted(counted_reads) == ["r0.txt", "r1.txt", "r2.txt", "twin.txt"]
    first = _documents(working)

    counted_reads.clear()
    _run(raw, working)
    assert counted_reads == ["twin.txt"]  # the duplicate is not loaded: read as before
    assert _documents(working) == first

    # a new size, a new mtime with the same size: read again; the rest is not
    (raw / "r1.txt").write_text(REPORT.format(n=1234), encoding="utf-8")
    st = os.stat(raw / "r2.txt")
    os.utime(raw / "r2.txt", ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    counted_reads.clear()
    _run(raw, working)
    assert sorted(counted_reads) == ["r1.txt", "r2.txt", "twin.txt"]
    fresh = tmp_path / "fresh" / "nianbao.build.duckdb"
    _run(raw, fresh)
    assert _documents(working) == _documents(fresh)


def test_a_new_extractor_version_reads_everything(tmp_path, counted_reads, monkeypatch):
    raw, working = tmp_path / "raw", tmp_path / "wh" / "nianbao.build.duckdb"
    raw.mkdir()
    (raw / "a.txt").write_text(REPORT.format(n=7), encoding="utf-8")
    _run(raw, working)
    counted_reads.clear()
    monkeypatch.setattr(pipeline, "extractor_version", lambda: "another-version")
    pipeline.ingest(raw, working, progress=False)
    assert counted_reads == ["a.txt"]
