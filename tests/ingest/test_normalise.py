"""normalise: NFKC with a map back to the original offsets."""

from __future__ import annotations

import unicodedata

from nianbao.ingest.normalise import normalise
from tests.ingest.corpus import FULLWIDTH, PARAGRAPH


def test_fullwidth_digits_and_punctuation():
    src = "全年接待读者２１．２万余人次，外借图书５．６万册次。"
    nt = normalise(src)
    assert nt.text == "全年接待读者21.2万余人次,外借图书5.6万册次。"
    assert nt.text == unicodedata.normalize("NFKC", src)
    i = nt.text.index("21.2")
    assert nt.original_span(i, i + 4) == (i, i + 4)
    assert src[slice(*nt.original_span(i, i + 4))] == "２１．２"


def test_identity_fast_path():
    nt = normalise("2020年读者21.2万人次")
    assert nt.text == "2020年读者21.2万人次" and nt.pieces == []
    assert nt.to_original(5) == 5 and nt.to_original(len(nt.text)) == len(nt.text)


def test_expansions_map_back():
    src = "面积１２００㎡，约½层，第⑩项。\n下一行２０２０年"
    nt = normalise(src)
    assert nt.text == unicodedata.normalize("NFKC", src)
    for i, ch in enumerate(nt.text):
        o = nt.to_original(i)
        assert unicodedata.normalize("NFKC", src[o]) .find(ch) >= 0 or ch == src[o]
    j = nt.text.index("m2")
    assert src[slice(*nt.original_span(j, j + 2))] == "㎡"
    k = nt.text.index("2020")
    assert src[slice(*nt.original_span(k, k + 4))] == "２０２０"
    assert nt.to_original(len(nt.text)) == len(src)


def test_combining_marks_compose():
    src = "Cafe\u0301 ２０"
    nt = normalise(src)
    assert nt.text == unicodedata.normalize("NFKC", src) == "Café 20"
    assert nt.original_span(3, 4) == (3, 5)


def test_paragraph_equals_nfkc():
    src = PARAGRAPH.translate(FULLWIDTH)
    nt = normalise(src)
    assert nt.text == unicodedata.normalize("NFKC", src) == unicodedata.normalize("NFKC", PARAGRAPH)
    for i in range(len(nt.text)):
        assert unicodedata.normalize("NFKC", src[nt.to_original(i)]) == nt.text[i]
