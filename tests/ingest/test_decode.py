"""decode_bytes: BOMs, legacy Chinese encodings, binary sniffing, damaged tails."""

from __future__ import annotations

import pytest

from nianbao.ingest.decode import decode_bytes
from tests.ingest.corpus import PARAGRAPH, PARAGRAPH_TRAD, png_bytes, random_bytes, zip_bytes

CLEAN = PARAGRAPH


@pytest.mark.parametrize(
    "data, encoding",
    [
        (CLEAN.encode("utf-8"), "utf-8"),
        (CLEAN.encode("gb18030"), "gb18030"),
        (CLEAN.encode("gbk"), "gb18030"),
        (b"\xef\xbb\xbf" + CLEAN.encode("utf-8"), "utf-8-sig"),
        (b"\xff\xfe" + CLEAN.encode("utf-16-le"), "utf-16-le-bom"),
        (b"\xfe\xff" + CLEAN.encode("utf-16-be"), "utf-16-be-bom"),
        (CLEAN.replace("\n", "\r\n").encode("gbk"), "gb18030"),
        (CLEAN.replace("\n", "\r").encode("utf-8"), "utf-8"),
    ],
)
def test_encodings_roundtrip(data, encoding):
    d = decode_bytes(data)
    assert d.ok and d.encoding == encoding and d.text == CLEAN


def test_big5():
    d = decode_bytes(PARAGRAPH_TRAD.encode("big5"))
    assert d.ok and d.encoding.startswith("big5") and d.text == PARAGRAPH_TRAD


@pytest.mark.parametrize(
    "text, enc",
    [
        ("全年接待读者21.2万余人次", "gbk"),
        ("图书馆", "gbk"),
        ("年报", "gbk"),
        ("全年接待讀者", "big5"),
        ("圖書館年報", "big5"),
        ("乾县图书馆2020年工作总结", "gb18030"),
    ],
)
def test_short_chinese_strings(text, enc):
    """Short texts are ambiguous for any detector; Chinese readings win ties."""
    assert decode_bytes(text.encode(enc)).text == text


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b"  \r\n\t\n", "empty"),
        ("\u3000\u3000\n".encode("gbk"), "empty"),
        (b"\xff\xfe" + " \n".encode("utf-16-le"), "empty"),
        (png_bytes(), "binary"),
        (random_bytes(5000), "binary"),
        (zip_bytes({"a": b"b"}), "binary"),
        (b"abc\x00def" * 10, "binary"),
        (b"\x7fELF\x02\x01\x01" + bytes(100), "binary"),
    ],
)
def test_quarantine(data, reason):
    d = decode_bytes(data)
    assert d.reason == reason and d.text is None and d.detail


def test_truncated_tail_replaced():
    body = CLEAN.rstrip("\n")
    for enc in ("utf-8", "gb18030", "big5"):
        src = PARAGRAPH_TRAD.rstrip("\n") if enc == "big5" else body
        d = decode_bytes(src.encode(enc)[:-1])
        assert d.ok, (enc, d)
        assert d.text == src[:-1] + "\ufffd" and "replaced" in d.detail


def test_heavily_damaged_is_undecodable():
    raw = bytearray(CLEAN.encode("utf-8"))
    for i in range(0, len(raw), 7):
        raw[i] = 0xFF
    assert decode_bytes(bytes(raw)).reason == "undecodable"


def test_numbers_and_long_lines_fast():
    import time

    t0 = time.monotonic()
    d = decode_bytes(("1" * 10_000 + "人次").encode())
    d2 = decode_bytes((CLEAN.replace("\n", "") * 3000).encode("gb18030"))
    assert d.ok and d2.ok and d2.encoding == "gb18030"
    assert time.monotonic() - t0 < 10
