"""Generalising rules from the causes of first-read errors (tests/extract/FIRST_READ.md), each on
invented sentences in several phrasings: families of cue words a writer may use for one measure,
chronicle years, and the weak evidence where a number is better rejected than emitted. A case lists
figures the text must give (`metric=value`; `metric=value:2018:partial:minors` also checks the year (`none`: no year), the period and the segment) and
figures or values it must not give; each keeps a figure of the same text, so a rule that drops
everything fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from nianbao.extract import extract_document
from tests.support.cases import load_cases
from tests.support.figures import by_metric_value, tuples

CASES = load_cases(
    Path(__file__).parent / "fixtures" / "cases" / "generalising_session4.yaml",
    "text",
    "present",
    "absent",
    "absent_values",
)


PERIODS = ("year", "partial", "plan")


_figs = by_metric_value  # (metric, value) -> figure: tests/support/figures.py


@pytest.mark.parametrize("text, present, absent, absent_values", CASES)
def test_generalising_case(text, present, absent, absent_values):
    figs = _figs(text)
    for metric, value, *extra in tuples(present):
        assert (metric, value) in figs, ((metric, value), sorted(figs))
        f = figs[(metric, value)]
        for want in extra:
            if want in PERIODS:
                assert f.period == want, ((metric, value), f.period)
            elif isinstance(want, str) and want != "none":  # a segment
                assert f.segment == want, ((metric, value), f.segment)
            else:  # a year (`none`: the text gives the figure no year)
                assert f.year == (None if want == "none" else want), ((metric, value), f.year)
    for key in tuples(absent):
        assert key[:2] not in figs, (key, sorted(figs))
    for v in absent_values:
        assert not [k for k in figs if k[1] == v], (v, sorted(figs))


def test_a_banners_public_libraries_are_a_region_and_the_own_library_is_not():
    figs = _figs("某旗图书馆2023年工作总结\n2023年,全旗公共图书馆接待读者12万人次,本馆外借图书5万册次。\n")
    assert figs[("visits.in_person", 120000)].scope == "region"
    assert figs[("circulation.loans", 50000)].scope == "library"


def test_a_yearbook_table_of_a_titled_place_is_that_places_libraries():
    text = (
        "某某统计年鉴2023\n公共图书馆情况\n项目\t2021年\t2022年\t2023年\n"
        "总藏量(万册)\t350\t380\t410\n总流通人次(万人次)\t200\t180\t260\n"
    )
    text = text.replace("某某", "杭州")  # (a real place: the gazetteer must know it)
    figs = _figs(text)
    f = figs[("collection.total", 4100000)]
    assert (f.year, f.scope, f.library_name) == (2023, "region", "杭州市全市公共图书馆")
    two = _figs(text.replace("杭州统计年鉴2023", "杭州宁波统计年鉴2023"))  # two places: no guess
    assert two[("collection.total", 4100000)].library_name is None


def test_regions_ranked_by_a_measure_are_each_their_own_libraries():
    figs = _figs(
        "全国公共图书馆2021年发展统计\n2021年,各地区公共图书馆外借册次最多的是山东省(5230万册次),"
        "其次是河南省(4170万册次)。\n"
    )
    assert (figs[("circulation.loans", 52300000)].scope, figs[("circulation.loans", 52300000)].library_name) == (
        "region",
        "山东省全省公共图书馆",
    )
    assert figs[("circulation.loans", 41700000)].library_name == "河南省全省公共图书馆"


def test_a_templates_masked_year_gives_the_report_no_year_but_a_title_still_does():
    masked = "图书馆工作总结范文\n2021-07-14 来源:某网\n20__年,区图书馆外借图书5万册次。\n"
    assert extract_document(masked).report_year is None
    titled = "某区图书馆2020年工作总结\n20__年,区图书馆外借图书5万册次。\n"
    assert extract_document(titled).report_year == 2020
