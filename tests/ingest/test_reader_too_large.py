"""A file above the byte limit is quarantined as too_large, hashed and counted whole (also
when it grew between the size check and the read), and its bytes are not kept."""

from __future__ import annotations

import hashlib
import os

from nianbao.ingest import reader


def _big(tmp_path, n: int = 5000):
    p = tmp_path / "a.txt"
    p.write_bytes(("图书馆" * n).encode())
    return p


def test_too_large_is_hashed_and_counted_whole(tmp_path):
    p = _big(tmp_path)
    r = reader._read_bytes(p, "a.txt", max_bytes=1000)
    data = p.read_bytes()
    assert (r.status, r.reason) == ("quarantined", "too_large")
    assert (r.bytes, r.document_id) == (len(data), hashlib.sha256(data).hexdigest())


def test_a_file_that_grew_since_its_size_was_read_is_too_large_too(tmp_path, monkeypatch):
    p = _big(tmp_path)
    real = os.fstat

    class Small:
        def __init__(self, st):
            self.st_size = 10
            self.st_mode = st.st_mode

    monkeypatch.setattr(reader.os, "fstat", lambda fd: Small(real(fd)))
    r = reader._read_bytes(p, "a.txt", max_bytes=1000)
    data = p.read_bytes()
    assert (r.status, r.reason) == ("quarantined", "too_large")
    assert (r.bytes, r.document_id) == (len(data), hashlib.sha256(data).hexdigest())


def test_a_file_within_the_limit_is_read(tmp_path):
    p = _big(tmp_path, 10)
    data, sha = reader._read_bytes(p, "a.txt", max_bytes=1000)
    assert data == p.read_bytes() and sha == hashlib.sha256(data).hexdigest()
