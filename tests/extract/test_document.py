"""Document level: library name, report year, web-page junk, traditional characters."""

from __future__ import annotations

from tests.support.figures import figs, run


def test_library_and_year_from_title():
    _, r = run("2020年金山县图书馆年报\n2020年是极不寻常的一年。全年接待读者5万人次。")
    assert (r.library_name, r.report_year) == ("金山县图书馆", 2020)


def test_year_with_spaces_and_city_prefix():
    _, r = run("\n\n河源市某城区图书馆\n\n某城区图书馆 2019 年年报\n\n2019 年，我馆...")
    assert r.report_year == 2019
    assert r.library_name.endswith("图书馆")


def test_web_page_junk_sets_no_year_and_no_figures():
    t = (
        "首页 / 工作动态\n\n工作动态\n\n2022-08-26\n发布时间：2022-08-26 浏览次数：1234\n"
        "2020年某县图书馆工作年报\n\n全年接待读者5万人次。\n【打印】【关闭】 阅读量：3456\n"
    )
    text, r = run(t)
    assert r.report_year == 2020
    assert [(f.metric, f.value) for f in r.figures] == [("visits.in_person", 50000)]


def test_traditional_characters_spans_into_original():
    t = "某某縣圖書館2021年度工作報告\n全年接待讀者12萬人次，外借圖書8.5萬冊次，新增館藏圖書6000冊。"
    text, r = run(t)
    assert r.report_year == 2021
    assert r.library_name == "某某縣圖書館"
    got = sorted((f.metric, f.value) for f in r.figures)
    assert got == [("circulation.loans", 85000), ("collection.added", 6000), ("visits.in_person", 120000)]
    f = [f for f in r.figures if f.metric == "visits.in_person"][0]
    assert text[f.char_start : f.char_end] == "12萬人次"
    assert "讀者" in f.evidence


def test_full_width_digits_normalised():
    assert figs("２０２０年某县图书馆年报\n全年接待读者１２，３４５人次。") == [("visits.in_person", 12345, 2020)]


def test_multi_report_document_section_years():
    t = (
        "1.2020年某市图书馆年度总结\n全年接待读者20万人次。\n\n"
        "6.某市图书馆下一年度（2021年）工作计划\n2021年工作计划\n上半年，建成4家分馆，共举办7场展览，服务6万余人次。"
    )
    got = sorted(figs(t))
    assert ("network.branches_added", 4, 2021) in got
    assert ("activities.events", 7, 2021) in got
    assert ("activities.attendance", 60000, 2021) in got
    assert ("visits.in_person", 200000, 2020) in got


def test_events_are_passed_through():
    _, r = run("2020年某县图书馆年报\n4月23日，举办读书日活动。")
    assert isinstance(r.events, list)
