"""The year of a figure comes from evidence that governs it (issue 8), in this order: a year word in
its own clause or sentence; the year of its paragraph or section heading; relative words (去年/今年)
against the document's own date; the document's year when a title line or the page's own date dates
the document; otherwise no year. Invented sentences, one per kind of evidence.

An undated page (no dated title, no date of its own) has no report year, so a figure the evidence
leaves blank stays blank where the evaluator and the warehouse fill a blank year with the report year."""

from __future__ import annotations

import math

from nianbao.extract import extract_document


def _years(text: str) -> tuple[int | None, dict[float, int | None]]:
    r = extract_document(text)
    return r.report_year, {f.value: f.year for f in r.figures if f.kind == "figure"}


# ---------------------------------------------------------------- 1. the figure's own clause or sentence


def test_a_year_word_in_the_figures_own_sentence_dates_it():
    ry, years = _years("某县图书馆简介\n某县图书馆位于县城中心。2019年全馆接待读者12万人次。\n")
    assert years == {120000: 2019}
    assert ry is None  # (nothing dates the page itself)


def test_a_year_later_in_the_figures_own_sentence_or_clause_dates_it():
    _, years = _years("某县图书馆简介\n现有藏书10万册,2014年完成电子编目5万册。\n")
    assert years[100000] == 2014
    _, years = _years("某县图书馆简介\n注册读者5万人 (2021年数据)\n2022年新增藏书3000册。\n")
    assert years == {50000: 2021, 3000: 2022}


def test_a_history_year_in_the_figures_own_sentence_does_not_date_it():
    ry, years = _years("某县图书馆简介\n某县图书馆始建于1978年,现有藏书15万册,设读者座位200个。\n")
    assert ry is None and years[150000] is None


# ---------------------------------------------------------------- 2. its paragraph or section heading


def test_a_year_opening_the_paragraph_dates_its_later_sentences():
    ry, years = _years("某县图书馆简介\n2020年,某县图书馆各项工作稳步推进。全馆外借图书8万册次,新增读者证1500个。\n")
    assert years == {80000: 2020, 1500: 2020}
    assert ry is None


def test_a_section_headings_year_dates_the_figures_below_it():
    _, years = _years("某县图书馆\n一、2021年工作情况\n全馆接待读者20万人次,外借图书6万册次。\n")
    assert years == {200000: 2021, 60000: 2021}


# ---------------------------------------------------------------- 3. relative words against the page's date


def test_last_year_and_this_year_count_from_the_pages_own_date():
    ry, years = _years(
        "某市图书馆服务火热\n发布时间:2023-03-02 10:12\n去年全馆接待读者30万人次,今年已接待读者5万人次。\n"
    )
    assert ry == 2023
    assert years == {300000: 2022, 50000: 2023}


# ---------------------------------------------------------------- 4. the document's own year


def test_a_title_line_naming_the_reports_year_dates_its_figures():
    ry, years = _years("某县图书馆2021年工作总结\n全年外借图书5万册次,新增藏书3000册。\n")
    assert ry == 2021 and years == {50000: 2021, 3000: 2021}


def test_the_pages_own_publication_date_dates_its_figures():
    ry, years = _years(
        "某馆举办读书分享会\n发布时间:2024-06-03 09:30 来源:某县融媒体中心\n该馆现有馆藏图书20万册,年接待读者8万人次。\n"
    )
    assert ry == 2024 and years == {200000: 2024, 80000: 2024}


# ---------------------------------------------------------------- 5. no evidence: no year


def test_a_year_the_undated_body_states_later_dates_no_figure_before_it():
    ry, years = _years("某县图书馆简介\n目前某县图书馆有藏书8万册,馆外流动点12个。2012年新增藏书2000册。\n")
    assert ry is None
    assert years == {80000: None, 12: None, 2000: 2012}


def test_a_building_year_dates_no_later_figure_of_an_undated_page():
    ry, years = _years("某县图书馆\n某县图书馆于2008年建成新馆,面积5000平方米。馆藏图书10万册,每年接待读者3万人次。\n")
    assert ry is None and years == {100000: None, 30000: None}


def test_the_evaluator_leaves_an_undated_figure_blank():
    from nianbao.evaluation import extract_texts

    text = "某县图书馆简介\n目前某县图书馆有藏书8万册。2012年新增藏书2000册。\n"
    got = extract_texts({"a.txt": text}).figures.set_index("value")["year"].to_dict()
    assert got[2000] == 2012
    assert got[80000] is None or math.isnan(got[80000])


def test_a_headline_figure_takes_the_year_of_the_body_it_sums_up():
    # (the page's first line sums up the body below it; the same figure later in a sentence would keep its own year)
    r = extract_document("某市图书馆暑假接待读者16万人次\n记者获悉,2019年暑假期间,某市图书馆共接待读者16万人次。\n")
    assert r.report_year is None
    assert [f.year for f in r.figures if f.kind == "figure"] == [2019, 2019]


def test_a_lead_told_before_the_undated_bodys_year_takes_that_year():
    # (realdev's convention: a lead that restates the body, with no to-date word, is of the year the body
    # states; only a stock held today — 目前/现有 — told before it stays blank)
    r = extract_document(
        "导读\n某省公共图书馆持证读者超500万,这是一个新起点。\n“2021年底,某省公共图书馆持证读者达512万。”\n"
    )
    assert r.report_year is None
    assert [f.year for f in r.figures if f.kind == "figure" and f.metric == "users.registered_total"] == [2021, 2021]
