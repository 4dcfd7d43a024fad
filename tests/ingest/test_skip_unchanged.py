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


def test_unchanged_files_keep_their_rows(tmp_path, monkeypatch):
    """An unchanged file's row is not written again (its text is not re-inserted): only its
    last_seen_at moves; a changed file's row is replaced; the table equals a fresh read."""
    raw, working = tmp_path / "raw", tmp_path / "wh" / "nianbao.build.duckdb"
    raw.mkdir()
    for i in range(3):
        (raw / f"r{i}.txt").write_text(REPORT.format(n=20 + i), encoding="utf-8")
    _run(raw, working)
    with warehouse.connect(working) as con:
        before = dict(con.execute("select source_file, (first_seen_at, last_seen_at) from raw.documents").fetchall())

    inserted: list[str] = []
    real = warehouse._insert

    def recording(con, table, frame):
        if table == "raw.documents":
            inserted.extend(frame["source_file"])
        return real(con, table, frame)

    monkeypatch.setattr(warehouse, "_insert", recording)
    (raw / "r1.txt").write_text(REPORT.format(n=4321), encoding="utf-8")
    (raw / "r3.txt").write_text(REPORT.format(n=99), encoding="utf-8")
    _run(raw, working)
    assert sorted(inserted) == ["r1.txt", "r3.txt"]
    with warehouse.connect(working) as con:
        after = dict(con.execute("select source_file, (first_seen_at, last_seen_at) from raw.documents").fetchall())
    for f in ("r0.txt", "r2.txt"):
        assert after[f][0] == before[f][0]  # first seen: kept
        assert after[f][1] > before[f][1]  # seen again in this run
    monkeypatch.setattr(warehouse, "_insert", real)
    fresh = tmp_path / "fresh" / "nianbao.build.duckdb"
    _run(raw, fresh)
    assert _documents(working) == _documents(fresh)


def test_records_read_back_without_text_get_it_again(tmp_path):
    """A loaded record read back without its text (`unchanged_files(texts=False)`) that is
    not kept as stored gets its stored text again; a kept one stays without."""
    from dataclasses import replace

    raw, working = tmp_path / "raw", tmp_path / "wh" / "nianbao.build.duckdb"
    raw.mkdir()
    for i in range(2):
        (raw / f"r{i}.txt").write_text(REPORT.format(n=30 + i), encoding="utf-8")
    _run(raw, working)
    with warehouse.connect(working) as con:
        stats = dict(con.execute("select source_file, (bytes, mtime_ns) from raw.file_stats").fetchall())
        stats = {k: tuple(v.values()) if isinstance(v, dict) else tuple(v) for k, v in stats.items()}
        full = warehouse.unchanged_files(con, stats, pipeline.extractor_version())
        bare = warehouse.unchanged_files(con, stats, pipeline.extractor_version(), texts=False)
        assert sorted(bare) == sorted(full) == ["r0.txt", "r1.txt"]
        assert all(r.text is None for r in bare.values()) and all(r.text for r in full.values())
        back = warehouse.with_texts(con, [bare["r0.txt"], bare["r1.txt"]], skip={"r1.txt"})
    assert back[0] == full["r0.txt"]
    assert back[1] == bare["r1.txt"] and back[1] != replace(full["r1.txt"])


def test_ingest_lists_the_raw_folder_once(tmp_path, monkeypatch):
    """The checks before reading (an empty folder…) and the reading share one listing."""
    from nianbao.ingest import scan as scan_mod

    raw, working = tmp_path / "raw", tmp_path / "wh" / "nianbao.build.duckdb"
    raw.mkdir()
    (raw / "a.txt").write_text(REPORT.format(n=5), encoding="utf-8")
    calls = []
    real = scan_mod.scan_folder
    monkeypatch.setattr(scan_mod, "scan_folder", lambda *a, **k: calls.append(a) or real(*a, **k))
    monkeypatch.delenv("NIANBAO_ALLOW_EMPTY", raising=False)
    summary = pipeline.ingest(raw, working, progress=False)
    assert summary.seen == 1 and len(calls) == 1


def test_escaped_names_with_and_without_the_fast_path():
    """Plain names are kept; a backslash, a control character or a non-UTF-8 byte is escaped."""
    from nianbao.ingest.scan import escape_name, unescape_name

    assert escape_name("年报/2020 年.txt") == "年报/2020 年.txt"
    assert escape_name("a\\b.txt") == "a\\\\b.txt"
    assert escape_name("a\tb\x7f.txt") == "a\\x09b\\x7f.txt"
    odd = os.fsdecode(b"\xb0\xa1.txt")
    assert escape_name(odd) == "\\xb0\\xa1.txt" and unescape_name(escape_name(odd)) == b"\xb0\xa1.txt"
