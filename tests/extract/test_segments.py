"""Segments of activities figures: parts are never filed as the whole (invented snippets)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from nianbao.extract import extract_document
from tests.support.cases import load_cases
from tests.support.figures import check_figures


def _figures(text: str, metric_prefix: str = "activities"):
    result = extract_document(unicodedata.normalize("NFKC", text))
    return [(f.metric, f.value, f.segment) for f in result.figures if f.metric.startswith(metric_prefix)]


CASES = load_cases(Path(__file__).parent / "fixtures" / "cases" / "segments.yaml", "text", "figures")


@pytest.mark.parametrize("text, expected", CASES)
def test_activities_figures_and_their_segments(text, expected):
    check_figures(_figures(text), expected)


def test_words_inside_a_list_of_event_names_do_not_set_the_audience():
    got = _figures("2021年某县图书馆工作总结\n开展“少儿绘本故事会”、“老年智能手机课堂”、“非遗展览”等活动45场次。\n")
    assert len(got) == 1 and got[0][1] == 45 and got[0][2] != "minors"
