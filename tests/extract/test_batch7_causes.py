"""General causes the held-out batch 7 first read exposed (issue 8), on invented sentences:
library-name boundaries (a one-character or function-word lead before a bare 市图书馆 is no
place), since-opening and first-weeks figures, year-on-year differences, daily rates,
去年 in a dated news item, 万 with no unit after it, holdings breakdowns."""

from __future__ import annotations

from pathlib import Path

import pytest

from nianbao.extract import attribute as at
from nianbao.extract import extract_document, matching_text
from nianbao.extract.libraries import generic_level, generic_library
from tests.support.cases import load_cases
from tests.support.figures import check_figures


def _own(text: str) -> str | None:
    return at.library_name(matching_text(text))


# ------------------------------------------------------------------ 1. library-name boundaries


def test_one_character_lead_is_not_a_place():
    assert generic_level("据市图书馆") == "市"
    assert generic_level("而市圖書館") == "市"
    assert generic_level("市图书馆") == "市"
    # a one-character county is a county (no function word before 县)
    assert generic_level("沛县图书馆") is None
    assert generic_level("柳州市图书馆") is None


def test_function_word_before_county_level_is_not_a_place():
    assert generic_level("在县图书馆") == "县"
    assert generic_level("据区图书馆") == "区"


def test_bare_city_library_takes_the_place_the_page_names():
    text = (
        "首页 新闻 本地\n柳州晚报 >> 文化 >> 正文\n读者盈门\n2019-02-11 08:00 柳州晚报\n"
        "本报讯 据市图书馆统计,2018年共接待读者120000人次。\n"
    )
    assert _own(text) == "柳州市图书馆"


def test_bare_city_library_of_a_county_page_is_its_prefecture():
    text = "灵川县融媒体中心讯\n而市图书馆去年接待读者5万人次。\n"
    assert _own(text) == "桂林市图书馆"


def test_bare_library_with_no_place_stays_unnamed():
    assert _own("本报讯 据市图书馆统计,去年共接待读者8万人次。\n") is None


def test_placed_name_in_the_body_beats_a_lead_character_name():
    text = "“一百天”对一座新馆很重要,而市图书馆迎来了这一天。\n柳州市图书馆开馆后的第100天,共接待读者30万人次。\n"
    assert _own(text) == "柳州市图书馆"


def test_short_placed_name_on_the_headline_beats_an_unknown_place():
    text = "柳州图书馆开馆满月 读者突破10万人次\n据了解,城纳市图书馆自开馆以来,已办理借阅证1万多个。\n"
    got = _own(text)
    assert got == "柳州图书馆"
    assert at.canonical_library(got) == "柳州市图书馆"


def test_short_name_in_a_body_paragraph_is_not_the_own_library():
    body = (
        "疫情之下,读者走进桂林图书馆的次数少了很多,全年进馆人次比上年下降了三成,"
        "但移动端访问量同比增长了将近一半,线上活动也吸引了大量读者参与。\n"
    )
    assert _own("进馆人次下降 线上访问增长\n" + body) is None
    assert _own("桂林图书馆进馆人次下降\n" + body) == "桂林图书馆"


def test_generic_library_picks_the_most_named_place():
    text = "桂林日报\n来源:桂林日报 桂林\n广西新闻\n"
    assert generic_library("市", text) == "桂林市图书馆"
    assert generic_library("县", text) is None


# ------------------------------------------------------------------ 2. period of a new library's first days


def _figs(text: str) -> list:
    return [f for f in extract_document(text).figures if f.kind == "figure"]


def _pairs(text: str) -> list[tuple[str, float]]:
    """(metric, value) of the figures of kind `figure` of `text`, in the order of the text."""
    return [(f.metric, f.value) for f in _figs(text)]


def test_first_hundred_days_of_a_new_library_are_partial():
    text = "新馆迎来开馆后的第100天\n在这100天里,图书馆共接待读者42万人次,办理借阅证2.1万个。\n"
    figs = _figs(text)
    assert {f.metric for f in figs} >= {"visits.in_person", "users.new_registrations"}
    assert all(f.period == "partial" for f in figs)


def test_first_month_headline_makes_the_figures_partial():
    figs = _figs("图书馆开馆满月 到馆读者突破9万人次\n一个月来,读者共借出图书3万多册。\n")
    assert figs and all(f.period == "partial" for f in figs)


def test_annual_report_mentioning_an_opening_later_stays_year():
    text = (
        "2019年度工作总结\n2019年全年接待读者42万人次。\n借阅图书12万册次。\n"
        "分馆于5月开馆,开馆后的第100天举办了读者见面会。\n"
    )
    figs = _figs(text)
    assert figs and all(f.period == "year" for f in figs)


def test_first_anniversary_sums_are_not_a_year():
    text = (
        "新馆启用一周年 小读者最爱这些书\n"
        "2023年9月1日,新馆正式启用。\n"
        "截至2024年8月31日,图书馆累计接待读者近80万人次,累计新办证6500人。\n"
    )
    assert not [f for f in _figs(text) if f.value in (800000, 6500)]


def test_first_anniversary_figure_without_a_sum_word_stays():
    text = "新馆开馆一周年\n开馆至今,图书馆到馆读者5.2万余人次,共计办证1800张。\n"
    assert {f.value for f in _figs(text)} >= {52000, 1800}


def test_a_year_in_an_anniversary_text_is_kept():
    text = "新馆启用一周年\n2024年全年累计接待读者60万人次。\n"
    assert [f.value for f in _figs(text)] == [600000]


# ------------------------------------------------------------------ 2. differences and daily rates


def test_money_changed_by_is_not_money_spent():
    text = (
        "2021年度部门决算说明\n本年支出总计500.12万元。主要原因一是人员经费增加20.5万元,二是项目支出净增加31.4万元。\n"
    )
    vals = {f.value for f in _figs(text)}
    assert 5001200 in vals
    assert not vals & {205000, 314000}
    reasons = {c.value: c.reason for c in extract_document(text).candidates}
    assert reasons[205000] == reasons[314000] == "change"


def test_money_raised_to_a_level_stays():
    text = "2021年工作总结\n全年购书经费增加到80万元。\n"
    assert 800000 in {f.value for f in _figs(text)}


def test_a_daily_level_is_a_rate_not_a_total():
    text = "2010年5月6日讯\n免费开放首日办证800张。此前图书馆日办证量是30张左右。\n"
    vals = {f.value for f in _figs(text)}
    assert 800 in vals and 30 not in vals


def test_service_windows_are_not_cards():
    text = "2010年5月6日讯\n免费开放首日办证800张,办证处从原来2个窗口临时增加到了4个。\n"
    vals = {f.value for f in _figs(text)}
    assert 800 in vals and not vals & {2, 4}


# ------------------------------------------------------------------ 3. 去年 in a dated news item


def test_last_year_in_a_news_item_is_the_year_before_its_date():
    text = (
        "文化新闻\n去年市图书馆接待读者20多万人次\n2019-01-20 08:30    晚报   记者 王五\n"
        "本报讯 据市图书馆统计,2018年共接待读者201234人次。\n"
        "去年,市图书馆开展讲座活动36场。\n"
    )
    years = {f.value: f.year for f in _figs(text)}
    assert years[201234] == 2018
    assert years[36] == 2018
    assert years[200000] == 2018


def test_a_short_dated_title_still_dates_a_report():
    text = "2018年度工作总结\n去年同期相比,全年接待读者30万人次。\n"
    assert {f.year for f in _figs(text)} == {2018}


# ------------------------------------------------------------------ 4. 万 with no unit, uses, holdings breakdowns


def test_scaled_number_passed_with_no_unit_takes_the_clause_cue():
    figs = _figs("2020年图书馆利用人次突破1500万,创历年新高\n")
    assert [(f.metric, f.value, f.qualifier) for f in figs] == [("visits.in_person", 15000000, "at_least")]


def test_scaled_number_with_no_unit_and_no_passing_word_is_not_read():
    assert not [f for f in _figs("2002年全县人口仅43万。\n") if f.value == 430000]


CASES = load_cases(Path(__file__).parent / "fixtures" / "cases" / "batch7_causes.yaml", "text", "figures")


@pytest.mark.parametrize("text, expected", CASES)
def test_figures_in_the_order_of_the_text(text, expected):
    check_figures(_pairs(text), expected)


def test_holdings_breakdown_inside_the_whole():
    text = (
        "2022年全国公共图书馆统计\n在5000.5万册的图书总藏量中,有图书4000万册(含盲文图书10万册)、"
        "古籍200万册(含善本20万册)、报刊300万册、视听文献100万册、缩微制品50万册、其他350.5万册。\n"
    )
    vals = sorted(f.value for f in _figs(text) if f.metric == "collection.total")
    assert vals == sorted([50005000, 40000000, 100000, 2000000, 200000, 3000000, 1000000, 500000, 3505000])


def test_the_busiest_day_is_a_record_not_a_total():
    text = "2020年工作总结\n全年接待读者52万人次,最多的一天接待读者1.2万余人次。\n"
    vals = {f.value for f in _figs(text)}
    assert 520000 in vals and 12000 not in vals


def test_yearly_additions_listed_respectively_take_the_span_years_in_order():
    text = (
        "馆藏发展研究\n某馆2005-2007年逐年增加的馆藏量分别为:61200册(件)、70350册(件)、80400册(件),"
        "至2007年累积增加馆藏量211950册(件)。\n"
    )
    figs = _figs(text)
    assert sorted((f.year, f.metric, f.value) for f in figs) == [
        (2005, "collection.added", 61200),
        (2006, "collection.added", 70350),
        (2007, "collection.added", 80400),
    ]


def test_a_compared_years_level_in_brackets_is_that_years_figure():
    text = "2022年统计\n全国公共图书馆总藏量13.5亿册,比2021年(12.6亿册)增长7.1%。\n"
    got = sorted((f.year, f.value) for f in _figs(text) if f.metric == "collection.total")
    assert got == [(2021, 1260000000), (2022, 1350000000)]


def test_a_publisher_named_after_a_library_is_not_the_documents_library():
    text = "2022年全国公共图书馆总藏书13.6亿册\n本报讯 近日,由文化和旅游部编、国家图书馆出版社出版的统计年鉴发行。\n"
    assert _own(text) is None


def test_a_lending_total_with_returns_among_its_parts_is_not_loans():
    text = "2019年工作总结\n全年借阅图书30万余册次,其中借书18万册次,还回12万册次。\n"
    loans = sorted(f.value for f in _figs(text) if f.metric == "circulation.loans")
    assert loans == [180000]


def test_a_month_is_a_duration_not_a_count():
    from nianbao.extract.numbers import find_quantities

    assert not [q for q in find_quantities("一个月的大书房时间,3个月来", bare=True) if q.unit == "个"]
    assert [q.value for q in find_quantities("新建3个小区书屋、5个工作站", bare=True)] == [3, 5]
    assert not _figs("2019年讯\n“一个月的大书房时间,读者很满意。”\n")
