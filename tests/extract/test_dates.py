"""Tests for nianbao.extract.dates: every Chinese date form the event
extractor relies on, on invented snippets."""

from __future__ import annotations

from datetime import date

import pytest

from nianbao.extract.dates import find_dates, parse_date


@pytest.mark.parametrize(
    "s, expected",
    [
        ("10月18日 县图书馆举行读书节活动。", (date(2021, 10, 18), "day", None)),
        ("3月8号,举办女性阅读沙龙", (date(2021, 3, 8), "day", None)),
        ("2020年8月12日至14日馆长去省馆参加培训", (date(2020, 8, 12), "day", date(2020, 8, 14))),
        ("8月17日至21日,参加业务培训班", (date(2021, 8, 17), "day", date(2021, 8, 21))),
        ("10月27日—10月29日 开展送书下乡", (date(2021, 10, 27), "day", date(2021, 10, 29))),
        ("11月3日-4日, 组织检查", (date(2021, 11, 3), "day", date(2021, 11, 4))),
        ("6月1日到3日举办绘本展", (date(2021, 6, 1), "day", date(2021, 6, 3))),
        ("12月30日至1月2日闭馆盘点", (date(2021, 12, 30), "day", date(2022, 1, 2))),
        ("5月份,我馆两名读者获奖", (date(2021, 5, 1), "month", None)),
        ("12月, 全体同志参加汇编", (date(2021, 12, 1), "month", None)),
        ("4、5月份,更换借阅系统", (date(2021, 4, 1), "month", date(2021, 5, 1))),
        ("9月16日上午9:30,收看讲座", (date(2021, 9, 16), "day", None)),
        ("2019年11月,分馆开放", (date(2019, 11, 1), "month", None)),
        ("没有日期的句子。", (None, None, None)),
        ("共3个月的时间", (None, None, None)),
    ],
)
def test_parse_date(s, expected):
    assert parse_date(s, 2021) == expected


def test_period_is_flagged_not_an_event():
    (d,) = find_dates("5.1-12月,累计报送信息12期", 2020)
    assert d.is_period and d.text == "1-12月"
    assert (d.date, d.end_date, d.precision) == (date(2020, 1, 1), date(2020, 12, 1), "month")
    (d,) = find_dates("上半年(1至6月)到馆人次", 2020)
    assert d.is_period


def test_list_of_months_is_not_a_period():
    (d,) = find_dates("3. 4、5月份,根据部署", 2020)
    assert not d.is_period and d.precision == "month"


def test_spans_and_year_given():
    text = "今年1月5日开馆,2020年3月1日闭馆。"
    ds = find_dates(text, 2021)
    assert [text[d.start : d.end] for d in ds] == ["1月5日", "2020年3月1日"]
    assert [d.year_given for d in ds] == [False, True]
    assert ds[1].date == date(2020, 3, 1)


def test_no_report_year_gives_no_date_but_a_span():
    (d,) = find_dates("7月6日,收到赠书", None)
    assert d.date is None and d.precision == "day" and d.text == "7月6日"


def test_invalid_dates_are_ignored():
    assert find_dates("13月5日", 2020) == []
    assert parse_date("2月30日", 2020) == (None, "day", None)
