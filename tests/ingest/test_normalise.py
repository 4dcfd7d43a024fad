"""normalise: the document text in NFKC."""

from __future__ import annotations

import unicodedata

from nianbao.ingest.normalise import normalise
from tests.ingest.corpus import FULLWIDTH, PARAGRAPH


def test_fullwidth_digits_and_punctuation():
    src = "全年接待读者２１．２万余人次，外借图书５．６万册次。"
    assert normalise(src) == "全年接待读者21.2万余人次,外借图书5.6万册次。"


def test_text_already_normalised_is_returned_as_it_is():
    src = "2020年读者21.2万人次"
    assert normalise(src) is src


def test_expansions_and_combining_marks():
    assert normalise("面积１２００㎡，约½层，第⑩项。\n下一行２０２０年") == "面积1200m2,约1⁄2层,第10项。\n下一行2020年"
    assert normalise("Cafe\u0301 ２０") == "Café 20"


def test_paragraph_equals_nfkc():
    src = PARAGRAPH.translate(FULLWIDTH)
    assert normalise(src) == unicodedata.normalize("NFKC", PARAGRAPH)
