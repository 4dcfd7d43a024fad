"""The year of a figure on undated pages and news items (issue 8, session 8). Invented sentences.

1. An undated page whose years are all history (founding, moves, a span since the opening, an infobox's
   history field): a stock or a flow told with a now-word (现有, 现已达, 现累计, 年均, 年接待) takes no year.
2. A news item dated by its page date or its own year (a report's edition, the N-th World Book Day): its
   stocks held today and its generic yearly figures take that year.
3. A bracket after a figure naming its year and measure (…(2017年借阅量)) dates it."""

from __future__ import annotations

from nianbao.extract import extract_document


def _years(text: str) -> dict[float, int | None]:
    return {f.value: f.year for f in extract_document(text).figures if f.kind == "figure"}


# ---------------------------------------------------------------- 1. history years only


def test_a_span_since_the_opening_dates_no_yearly_rate_nor_a_stock_after_it():
    years = _years(
        "某县图书馆\n某县图书馆于1985年动工修建,1988年建成。自1990年5月1日接待读者以来,年均接待读者3.1万余人次,"
        "流通书刊6万余册。现有馆藏图书21万册。\n"
    )
    assert years == {31000: None, 60000: None, 210000: None}


def test_an_infobox_history_field_is_no_heading_over_the_text_below():
    years = _years(
        "某省图书馆\n建立1911年\n时代1936年\n评定时间2013年5月\n"
        "某省图书馆馆藏总量现已达320万余册。现累计有持证读者9万余人,年接待读者80余万人次。\n"
    )
    assert years == {3200000: None, 90000: None, 800000: None}


def test_building_money_makes_no_data_year():
    years = _years(
        "某县图书馆简介\n2011年5月至2012年9月县政府斥巨资3000余万元修建了文化中心。"
        "2012年10月县图书馆搬迁至该中心。馆藏总量18000册,其中图书16000册。\n"
    )
    assert years == {18000: None, 16000: None}


def test_a_figure_before_the_undated_bodys_data_year_still_takes_it():
    # (realdev's convention is kept: a lead with no now-word takes the year the body states)
    r = extract_document(
        "导读\n某省公共图书馆持证读者超500万,这是一个新起点。\n“2021年底,某省公共图书馆持证读者达512万。”\n"
    )
    assert [f.year for f in r.figures if f.metric == "users.registered_total"] == [2021, 2021]


# ---------------------------------------------------------------- 2. a news item's own year


def test_a_date_line_with_the_sites_section_label_dates_the_page():
    years = _years(
        "某市图书馆读者证怎么办理\n2022-03-05生活\n某市图书馆筹建于1960年,1986年新馆落成开放。现有藏书30.5万册。\n"
    )
    assert years[305000] == 2022


def test_a_reports_edition_year_dates_the_news_of_its_release():
    years = _years(
        "日前,《某某图书馆影响力指数报告(2025版)》已正式发布。\n某市图书馆位列第88名。\n"
        "现有纸质文献150余万册,其中古籍3200册。\n2025年数字资源浏览量达300万次。\n"
    )
    assert years[1500000] == 2025 and years[3200] == 2025


def test_the_nth_world_book_day_dates_a_news_item():
    years = _years(
        "4月23日是第27个“世界读书日”。连日来,市图书馆策划了系列活动。\n"
        "近年来,市图书馆每年举办各类活动约400场次,服务读者超过20万人次。目前,该馆纸质图书馆藏近80万册。\n"
    )
    assert years == {400: 2022, 200000: 2022, 800000: 2022}


# ---------------------------------------------------------------- 3. a bracket naming the year and measure


def test_a_bracket_naming_the_year_and_the_measure_dates_the_figure():
    years = _years("某市图书馆\n建立1904年\n年流通量1,234,567(2017年借阅量)\n")
    assert years[1234567] == 2017
