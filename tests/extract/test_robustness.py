"""The extractor never crashes and keeps its spans inside the text, whatever the input."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nianbao.extract import extract_document

ALPHABET = list("0123456789.,:;-~%年月日万亿千百十一二两三余多约近超共计其中等\n\t 。，、：；（）()“”") + list(
    "接待读者人次外借册次馆藏图书新增分馆服务点场活动参与元经费支出持证办证家个处张份每人均去年今年明年计划截止目前"
)


@given(st.text(alphabet=ALPHABET, max_size=400))
@settings(max_examples=150, deadline=None)
def test_never_crashes_and_spans_are_inside(text):
    r = extract_document(text)
    for f in r.figures:
        assert 0 <= f.char_start < f.char_end <= len(text)
        assert f.value == f.value  # not NaN


def test_empty_and_whitespace():
    for t in ("", " ", "\n\n\t", "。。。", "2020"):
        r = extract_document(t)
        assert r.figures == []
