"""read_folder over the generated awkward-file corpus, and read_document edge cases."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from nianbao.ingest import read_document, read_folder, summarise
from nianbao.ingest import reader as reader_mod
from nianbao.schema import DOCUMENT_STATUSES, QUARANTINE_REASONS
from tests.ingest.corpus import PARAGRAPH, N, build_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("raw")
    expected = build_corpus(root)
    t0 = time.monotonic()
    records = read_folder(root, progress=False)
    return root, expected, records, time.monotonic() - t0


def test_every_file_accounted_for(corpus):
    root, expected, records, _ = corpus
    assert [r.source_file for r in records] == sorted(expected)
    counts = summarise(records)
    assert counts["seen"] == len(expected) == counts["loaded"] + counts["duplicate"] + counts["quarantined"]
    for r in records:
        assert r.status in DOCUMENT_STATUSES
        if r.status == "quarantined":
            assert r.reason in QUARANTINE_REASONS and r.detail and "\n" not in r.detail
            assert r.text is None
        else:
            assert r.reason is None
        if r.status == "loaded":
            assert r.text and r.chars == len(r.text)
        assert r.library_name is None and r.report_year is None


def test_each_file_as_expected(corpus):
    _, expected, records, _ = corpus
    problems = []
    for r in records:
        e = expected[r.source_file]
        want = e["status"] if isinstance(e["status"], set) else {e["status"]}
        if r.status not in want:
            problems.append(f"{r.source_file}: {r.status}/{r.reason} ({r.detail}), want {want}")
            continue
        if r.status == "quarantined" and r.reason not in e["reasons"]:
            problems.append(f"{r.source_file}: reason {r.reason} ({r.detail}), want {e['reasons']}")
        if r.status == "loaded" and "text" in e and r.text != e["text"]:
            problems.append(f"{r.source_file}: text differs: {r.text[:80]!r}")
        if r.status == "duplicate" and r.duplicate_of != e["duplicate_of"]:
            problems.append(f"{r.source_file}: duplicate_of {r.duplicate_of}")
    assert not problems, "\n".join(problems)


def test_encodings_detected(corpus):
    _, _, records, _ = corpus
    enc = {r.source_file: r.encoding for r in records}
    assert enc["enc/gb18030.txt"] == "gb18030"
    assert enc["enc/gbk.txt"] == "gb18030"  # GBK read with its superset
    assert enc["enc/big5.txt"].startswith("big5")
    assert enc["enc/utf16le_bom.txt"] == "utf-16-le-bom"
    assert enc["enc/utf16be_bom.txt"] == "utf-16-be-bom"
    assert enc["enc/utf8_bom.txt"] == "utf-8-sig"


def test_duplicates_and_ids(corpus):
    root, _, records, _ = corpus
    import hashlib

    by = {r.source_file: r for r in records}
    first = by["enc/a_utf8.txt"]
    assert first.status == "loaded"
    assert first.document_id == hashlib.sha256((root / "enc/a_utf8.txt").read_bytes()).hexdigest()
    for name in ("names/copy of a_utf8.txt", "zz/another copy.txt"):
        d = by[name]
        assert (d.status, d.duplicate_of, d.document_id, d.text) == (
            "duplicate",
            "enc/a_utf8.txt",
            first.document_id,
            None,
        )
    # same bytes as a quarantined .docx: the .txt is parsed on its own and loads
    assert by["docs/same_bytes_as_text.docx"].reason == "undecodable"
    assert by["names/with space 年报 📚.txt"].status == "loaded"
    # two empty files: both quarantined 'empty', neither is a 'duplicate'
    assert by["zz/empty copy.txt"].reason == "empty"


def test_too_large_not_parsed(corpus):
    _, _, records, elapsed = corpus
    big = next(r for r in records if r.source_file == "awkward/big_50mb.txt")
    assert big.reason == "too_large" and big.bytes == 50_000_000 and len(big.document_id) == 64
    assert elapsed < 60, f"the corpus took {elapsed:.1f}s"


def test_truncated_tail_is_reported(corpus):
    _, _, records, _ = corpus
    r = next(r for r in records if r.source_file == "enc/truncated_utf8.txt")
    assert r.status == "loaded" and "replaced" in r.detail


def test_formats(corpus):
    _, _, records, _ = corpus
    fmt = {r.source_file: r.format for r in records}
    assert fmt["docs/report.docx"] == "docx" and fmt["docs/report.pdf"] == "pdf"
    assert fmt["docs/page_gbk.html"] == "html" and fmt["enc/a_utf8.txt"] == "txt"


def test_unreadable_file(tmp_path, monkeypatch):
    p = tmp_path / "locked.txt"
    p.write_text("读者21.2万人次", encoding="utf-8")
    real_open = open

    def fake_open(file, *a, **k):
        if Path(file) == p:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *a, **k)

    monkeypatch.setattr(reader_mod, "open", fake_open, raising=False)
    r = read_document(p, "locked.txt")
    assert (r.status, r.reason, r.document_id) == ("quarantined", "unreadable", "")
    assert "permission denied" in r.detail.lower()
    (tmp_path / "ok.txt").write_text("外借5.6万册次\n", encoding="utf-8")
    recs = read_folder(tmp_path, progress=False)
    assert [(x.source_file, x.status) for x in recs] == [("locked.txt", "quarantined"), ("ok.txt", "loaded")]


def test_missing_file_never_raises(tmp_path):
    r = read_document(tmp_path / "nope.txt", "nope.txt")
    assert (r.status, r.reason) == ("quarantined", "unreadable")
    r = read_document(tmp_path, "a-folder")
    assert (r.status, r.reason) == ("quarantined", "unreadable")


def test_max_bytes(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(PARAGRAPH.encode() * 10)
    r = read_document(p, "a.txt", max_bytes=1000)
    assert r.reason == "too_large" and r.bytes == p.stat().st_size
    assert read_document(p, "a.txt").status == "loaded"


@pytest.mark.timeout(60)
def test_timeout_kills_parser_and_recovers(tmp_path):
    p = tmp_path / "long.html"
    p.write_bytes(b"<html><body>" + b"<div>" * 50_000 + "文本".encode() + b"</div>" * 50_000 + b"</body></html>")
    t0 = time.monotonic()
    r = read_document(p, "long.html", timeout_s=0.05)
    assert (r.status, r.reason) == ("quarantined", "timeout"), r
    assert time.monotonic() - t0 < 10
    ok = tmp_path / "ok.txt"
    ok.write_bytes(PARAGRAPH.encode("gbk"))
    r2 = read_document(ok, "ok.txt")
    assert r2.status == "loaded" and r2.text == N(PARAGRAPH)


def test_progress_bar_on_stderr(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("读者21.2万人次\n", encoding="utf-8")
    read_folder(tmp_path, progress=True)
    out, err = capsys.readouterr()
    assert out == "" and "ingest" in err


@pytest.mark.timeout(60)
def test_fifo_does_not_block(tmp_path):
    import os

    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "a.txt").write_text("读者21.2万人次\n", encoding="utf-8")
    recs = read_folder(tmp_path, progress=False)
    assert [(r.source_file, r.status, r.reason) for r in recs] == [
        ("a.txt", "loaded", None),
        ("pipe", "quarantined", "unreadable"),
    ]
