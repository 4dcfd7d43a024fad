"""Generalising rules from the causes of the batch-10 first-read errors (tests/extract/FIRST_READ.md,
last row), each on invented sentences: the year of an undated profile page's figures, cue words
outside the lexicon, budgets in a news item, and weak evidence better rejected than emitted. A case
lists figures the text must give (`metric=value`; `metric=value:2018:partial:minors` also checks the
year (`none`: no year), the period and the segment) and figures or values it must not give; each
keeps a figure of the same text, so a rule that drops everything fails. The cases are checked the
way session 4's are (test_generalising_session4.test_generalising_case)."""

from __future__ import annotations

from pathlib import Path

import pytest

from nianbao.extract import extract_document
from tests.extract.test_generalising_session4 import test_generalising_case as check_case
from tests.support.cases import load_cases

_YAML = Path(__file__).parent / "fixtures" / "cases" / "generalising_session5.yaml"
CASES = load_cases(_YAML, "text", "present", "absent", "absent_values")


@pytest.mark.parametrize("text, present, absent, absent_values", CASES)
def test_session5_case(text, present, absent, absent_values):
    check_case(text, present, absent, absent_values)


def test_a_sentence_going_into_a_library_names_no_library():
    text = (
        "春节假期市民读书忙\n2019-02-19 08:08:09 来源:某网\n"
        "春节期间,余姚市走进市图书馆看书的市民越来越多。\n"
        "2018年,余姚市图书馆采购新书3.8万册,纸质图书总藏量达到31.7万册。\n"
    )
    res = extract_document(text.replace("某网", "某新闻网"))
    assert res.library_name == "余姚市图书馆"


def test_a_name_with_its_level_first_is_the_pages_library():
    text = "某地图书馆沿革\n昭和十年(1936年)\n市立嘉义图书馆\n藏书册数\n和汉书 5,100册\n洋书 60册\n计 5,160册\n"
    res = extract_document(text)
    assert res.library_name == "市立嘉义图书馆"
    assert {(f.metric, f.value, f.year) for f in res.figures} >= {("collection.total", 5160, 1935)}


# a region word that is not the subject: a network the library joined (加入了全省…网), a national
# programme's name (全国文化共享工程); the figures after it stay the library's own
OWN_SCOPE_CASES = [
    (
        "某志·文化\n【某省图书馆】\n截至1998年底该馆藏书180万册。该馆加入了全省科技信息网,并联通互联网。"
        "1998年全年接待读者31万人次,图书流通29万册次。\n",
        [("visits.in_person", 310000), ("circulation.loans", 290000)],
    ),
    (
        "本馆简介\n某县图书馆建筑面积1200平方米,建有全国文化共享工程县级支中心一个,"
        "内设少儿阅览室、电子阅览室,藏书量9.1万册。\n",
        [("collection.total", 91000)],
    ),
]


@pytest.mark.parametrize("text, keys", OWN_SCOPE_CASES)
def test_a_region_word_that_is_not_the_subject_leaves_the_library_scope(text, keys):
    scopes = {(f.metric, f.value): f.scope for f in extract_document(text).figures}
    assert [scopes.get(k) for k in keys] == ["library"] * len(keys), scopes


def test_a_place_that_founded_a_library_names_the_pages_library():
    text = "县志·文化\n一、图书馆\n桦南县于1950年始建图书馆。当时购置图书900余册。1982年接待读者5万多人次。\n"
    res = extract_document(text)
    assert res.library_name == "桦南县图书馆"
    assert [f.scope for f in res.figures if f.metric == "visits.in_person"] == ["library"]
