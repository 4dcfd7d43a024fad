"""General gaps of issue 8 (years written other ways, tables whose rows are libraries,
statistical tables with units in a header, noise inside sentences), on invented text."""

import unicodedata
from pathlib import Path

import pytest

from nianbao.extract import extract_document, matching_text
from nianbao.extract.normalize import arabic_years
from tests.support.cases import load_cases
from tests.support.figures import check_figures, tuples


def _figs(text):
    """(metric, value, year) of the figures of kind `figure` of `text` (NFKC), sorted."""
    text = unicodedata.normalize("NFKC", text)
    return sorted((f.metric, f.value, f.year) for f in extract_document(text).figures if f.kind == "figure")


def _rows(text):
    text = unicodedata.normalize("NFKC", text)
    return sorted(
        (f.library_name or "", f.metric, f.value, f.scope) for f in extract_document(text).figures if f.kind == "figure"
    )


CASES = Path(__file__).parent / "fixtures" / "cases"


@pytest.mark.parametrize("text, expected", load_cases(CASES / "general_gaps.yaml", "text", "figures"))
def test_figures_with_their_years(text, expected):
    assert _figs(text) == tuples(expected)


@pytest.mark.parametrize("text, rows, count", load_cases(CASES / "library_tables.yaml", "text", "rows", "count"))
def test_library_table_rows(text, rows, count):
    got = [(metric, value, library, scope) for library, metric, value, scope in _rows(text)]
    check_figures(got, rows)
    assert count is None or len(got) == count, got
    assert not [g for g in got if g[3] == "region"], got  # a table of libraries, not the caption's area


# ------------------------------------------------------------------ years


def test_arabic_years_keeps_the_length():
    for s in ("二〇一九年", "民国二十五年,", "民国三十年", "民國25年", "民国三年", "一二三四五"):
        assert len(arabic_years(s)) == len(s)
    assert arabic_years("二〇一九年") == "2019年"
    assert arabic_years("民国三十年") == "1941年"
    assert arabic_years("一二三四五") == "一二三四五"  # not followed by 年: not a year


def test_a_late_roc_year_is_not_rewritten():
    assert arabic_years("民國108年") == "民國108年"


def test_matching_text_has_the_same_length():
    t = "二〇二一年、民国二十五年及19年"
    assert len(matching_text(t)) == len(t)


def test_two_digit_year_in_a_title_is_the_report_year():
    r = extract_document("某市图书馆20年度工作报告\n全年接待读者30万人次，举办活动120场。\n")
    assert r.report_year == 2020
    assert {f.year for f in r.figures if f.kind == "figure"} == {2020}


def test_apostrophe_year_and_durations_are_told_apart():
    t = "某县图书馆工作总结（2021）\n’19全年到馆读者20万人次。建馆60年来共接待读者300万人次。今年举办活动80场。\n"
    got = _figs(t)
    assert ("visits.in_person", 200000, 2019) in got
    assert ("activities.events", 80, 2021) in got
    assert not any(y in (2060, 1960) for _, _, y in got)


# ------------------------------------------------------------------ tables whose rows are libraries


def test_rows_named_after_libraries_go_to_those_libraries():
    t = (
        "2022年南通市各公共图书馆主要业务指标\n馆名\t总藏量(万册)\t到馆人次(万人次)\n"
        "如皋市图书馆\t120.5\t80.2\n海安市图书馆\t30.2\t25.0\n启东市少儿图书馆\t15.8\t12.1\n"
    )
    got = _rows(t)
    assert ("海安市图书馆", "collection.total", 302000, "library") in got
    assert ("启东市少儿图书馆", "visits.in_person", 121000, "library") in got
    assert len(got) == 6
    # the first row is read as the document's own library (blank) or by its name, never another's
    assert {f[0] for f in got if f[2] == 1205000} <= {"", "如皋市图书馆"}


# ------------------------------------------------------------------ statistical tables, units in a header


# ------------------------------------------------------------------ spam inside sentences


def test_spam_evidence_keeps_the_text_as_written():
    t = "某县图书馆2022年工作总结\n外借图书8.6万www.abc123.com册次。\n"
    f = next(f for f in extract_document(t).figures if f.kind == "figure")
    assert t[f.char_start : f.char_end] == "8.6万www.abc123.com册次"


def test_an_ordinary_bracket_is_not_spam():
    from nianbao.extract.normalize import compact

    assert compact("全年接待读者(含少儿读者)12万人次") is None


def test_mixed_wan_notation_with_zero_or_grouped_digits():
    from nianbao.extract.numbers import parse_number

    assert parse_number("8万零500").value == 80500
    assert parse_number("505万9,547").value == 5059547
    t = "某县图书馆2019年年报\n全年外借图书8万零500册次。\n"
    assert _figs(t) == [("circulation.loans", 80500, 2019)]


def test_a_year_mixing_chinese_numerals_and_a_zero_digit():
    assert arabic_years("二0二一年") == "2021年"
    assert arabic_years("十二〇二一年") == "十二〇二一年"  # part of a longer numeral: left alone
