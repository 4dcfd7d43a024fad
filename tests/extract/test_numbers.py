"""numbers.py: parsing written numbers, qualifiers, ranges; finding number+unit."""

from __future__ import annotations

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nianbao.extract.numbers import find_quantities, parse_number


@pytest.mark.parametrize(
    "s, value, high, qual",
    [
        ("47000", 47000, None, "exact"),
        ("1,234", 1234, None, "exact"),
        ("12,345,678", 12345678, None, "exact"),
        ("10489.5", 10489.5, None, "exact"),
        ("21.2万余", 212000, None, "at_least"),
        ("1.5万", 15000, None, "exact"),
        ("3.2亿", 320000000, None, "exact"),
        ("6.9370万", 69370, None, "exact"),
        ("万余", 10000, None, "at_least"),
        ("千余", 1000, None, "at_least"),
        ("一万二千", 12000, None, "exact"),
        ("两千余", 2000, None, "at_least"),
        ("三十多", 30, None, "at_least"),
        ("十二", 12, None, "exact"),
        ("一", 1, None, "exact"),
        ("60余", 60, None, "at_least"),
        ("超5200", 5200, None, "at_least"),
        ("逾300", 300, None, "at_least"),
        ("突破1万", 10000, None, "at_least"),
        ("300以上", 300, None, "at_least"),
        ("约850", 850, None, "approx"),
        ("大约40", 40, None, "approx"),
        ("500左右", 500, None, "approx"),
        ("近200", 200, None, "at_most"),
        ("不到50", 50, None, "at_most"),
        ("不足30", 30, None, "at_most"),
        ("100以下", 100, None, "at_most"),
        ("2-3", 2, 3, "range"),
        ("2至3", 2, 3, "range"),
        ("2~3", 2, 3, "range"),
        ("2-3万", 20000, 30000, "range"),
    ],
)
def test_parse_number(s, value, high, qual):
    p = parse_number(s)
    assert p is not None
    assert p.value == pytest.approx(value)
    assert (p.value_high is None) == (high is None)
    if high is not None:
        assert p.value_high == pytest.approx(high)
    assert p.qualifier == qual


@pytest.mark.parametrize(
    "text, value, unit, scale_unit",
    [
        ("接待读者21.2万余人次,", 212000, "人次", "万人次"),
        ("支出总计754.55万元", 7545500, "元", "万元"),
        ("经费3千元", 3000, "元", "千元"),
        ("投入1.2亿元", 120000000, "元", "亿元"),
        ("外借书籍万余册", 10000, "册", "万册"),
        ("一所漂流小书屋", 1, "所", "所"),
        ("新增数字资源2TB", 2, "TB", "TB"),
        ("占比30%", 30, "%", "%"),
    ],
)
def test_find_quantities_units(text, value, unit, scale_unit):
    qs = find_quantities(text)
    assert len(qs) == 1
    q = qs[0]
    assert q.value == pytest.approx(value) and q.unit == unit and q.scale_unit == scale_unit
    assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    "text",
    [
        "Z39图书编目",
        "第25个世界读书日",
        "122020年",
        "2022-08-26",
        "晚7点",
        "19:30开讲",
        "4.23世界读书日",
        "84消毒液",
        "打卡21天",
        "130平方米",
        "建党100周年",
        "15分钟文化圈",
    ],
)
def test_not_quantities(text):
    assert find_quantities(text) == []


def test_range_span_and_unit():
    q = find_quantities("计划再建成2-3家城市书房")[0]
    assert (q.value, q.value_high, q.qualifier, q.unit) == (2, 3, "range", "家")


@given(st.integers(min_value=0, max_value=10**12))
@settings(max_examples=200, deadline=None)
def test_arabic_roundtrip(n):
    assert parse_number(str(n)).value == n
    assert parse_number(f"{n:,}").value == n


@given(st.integers(min_value=0, max_value=99_999_999))
@settings(max_examples=200, deadline=None)
def test_chinese_numeral_roundtrip(n):
    cn = cn2an.an2cn(str(n))
    assert parse_number(cn).value == n


@given(st.integers(min_value=1, max_value=99999), st.integers(min_value=0, max_value=4), st.sampled_from(["万", "亿"]))
@settings(max_examples=200, deadline=None)
def test_scaled_roundtrip(mant, decimals, scale):
    x = mant / 10**decimals
    s = f"{x:.{decimals}f}{scale}"
    mult = 10_000 if scale == "万" else 100_000_000
    assert parse_number(s).value == pytest.approx(x * mult, rel=1e-9)
    assert parse_number(s + "余").qualifier == "at_least"
    assert parse_number("约" + s).qualifier == "approx"
