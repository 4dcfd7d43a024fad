"""Tests for nianbao.extract.tables.find_tables: one invented snippet per table
shape (short, in the style of real reports), plus the seed report 002."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nianbao.extract.tables import find_tables
from nianbao.ingest import read_text
from tests.paths import SEEDS
from tests.support.cases import load_cases

CASES = Path(__file__).parent / "fixtures" / "cases" / "tables.yaml"


def _texts(row):
    return [c.text for c in row]


def _assert_spans(text, tables):
    for t in tables:
        for row in [t.header, *t.rows]:
            for c in row:
                assert text[c.start : c.end] == c.text, (c, text[c.start : c.end])
        if t.title_span:
            assert text[t.title_span[0] : t.title_span[1]] == t.title
        assert 0 <= t.start <= t.end <= len(text)


def _one_table(text, **expected):
    """The one table of `text`: each field named in `expected` has its value, in that order (header,
    preamble and rows compared as cell texts), and its spans hold (_assert_spans)."""
    (t,) = find_tables(text)
    for name, want in expected.items():
        got = getattr(t, name)
        if name in ("header", "preamble"):
            got = _texts(got)
        elif name == "rows":
            got = [_texts(r) for r in got]
        assert got == want, name
    _assert_spans(text, [t])
    return t


CELL_PER_LINE = (
    "二、读者活动\n"
    "全年举办各类活动多场,具体如下。\n"
    "\t2020年读者活动一览表\n"
    "\n"
    "\t序号\n\t日期\n\t活动名称\n\t参与人数\n"
    "\n"
    "\t1\n\t3月5日\n\t学雷锋志愿服务\n\t45人\n"
    "\n"
    "\t2\n\t4月23日\n\t[bookmark: OLE_LINK3]世界读书日诵读会\n\t\n"
    "\n"
    "\n"
    "以上活动均按防疫要求开展。\n"
)


def test_cell_per_line():
    ts = find_tables(CELL_PER_LINE)
    assert len(ts) == 1
    t = ts[0]
    assert t.table_id == "t0"
    assert t.title == "2020年读者活动一览表"
    assert _texts(t.header) == ["序号", "日期", "活动名称", "参与人数"]
    assert [_texts(r) for r in t.rows] == [
        ["1", "3月5日", "学雷锋志愿服务", "45人"],
        ["2", "4月23日", "世界读书日诵读会", ""],  # artefact stripped, empty cell kept
    ]
    assert t.unit_hint is None
    _assert_spans(CELL_PER_LINE, ts)
    assert CELL_PER_LINE[t.end :].lstrip().startswith("以上")


@pytest.mark.parametrize("text, expected", load_cases(CASES, "text", "expected"))
def test_one_table(text, expected):
    """One table shape a snippet (fixtures/cases/tables.yaml) shows, found as one table."""
    _one_table(text, **expected)


def test_year_columns():
    text = "近两年主要业务指标对比\n指标\t2019年\t2020年\n进馆人次\t125000\t98000\n外借册次\t230000\t205000\n"
    (t,) = find_tables(text)
    assert t.title == "近两年主要业务指标对比"
    assert _texts(t.header) == ["指标", "2019年", "2020年"]
    assert t.col_index("2020") == 2
    assert _texts(t.rows[1]) == ["外借册次", "230000", "205000"]


def test_monthly_sheet():
    months = [f"{m}月" for m in range(1, 13)]
    vals = [str(1000 + m) for m in range(1, 13)]
    text = "2020年各月到馆人次统计(人次)\n月份\t" + "\t".join(months) + "\n到馆人次\t" + "\t".join(vals) + "\n"
    (t,) = find_tables(text)
    assert t.unit_hint == "人次"
    assert _texts(t.header) == ["月份", *months]
    assert _texts(t.rows[0]) == ["到馆人次", *vals]
    _assert_spans(text, [t])


def test_two_tables_ids_and_no_table_in_prose():
    text = (
        "今年共开展活动30场。没有表格的段落。\n\n"
        "表1 甲\n名称\t数量\n甲\t1\n\n正文。\n\n"
        "表2 乙\n| 名称 | 数量 |\n| 乙 | 2 |\n"
    )
    ts = find_tables(text)
    assert [t.table_id for t in ts] == ["t0", "t1"]
    assert [t.title for t in ts] == ["表1 甲", "表2 乙"]
    assert find_tables("只有正文。\n第二段,没有表格。\n") == []


def test_seed_002_tables():
    if not SEEDS.is_dir():
        pytest.fail(f"shared seeds missing: {SEEDS} (needed for the acceptance tests)")
    text = read_text(SEEDS / "002_570b70e7632cace6.txt")
    ts = find_tables(text)
    _assert_spans(text, ts)
    by_title = {}
    for t in ts:
        by_title.setdefault(t.title, []).append(t)
    svc = by_title["2020年图书馆服务量统计"]
    assert [len(t.rows) for t in svc] == [83, 81]
    assert _texts(svc[0].rows[41]) == ["42", "普通借书", "205829"]
    assert _texts(svc[0].rows[42]) == ["43", "续借图书", "803"]
    acts = by_title["如皋市图书馆2020年各类读者活动统计表"][0]
    assert acts.header_texts == ["序号", "时间", "主题", "活动地点", "人数"]
    assert len(acts.rows) == 53
    minors = by_title["2020年未成年人活动一览表"][0]
    assert len(minors.rows) == 13
    money = by_title["2020年度经费使用情况(万元)"][0]
    assert money.unit_hint == "万元" and len(money.header) == 5


def test_cell_per_line_without_blank_separators():
    text = "活动安排表\n\t序号\n\t时间\n\t内容\n\t1\n\t5月4日\n\t青年诗会\n\t2\n\t6月1日\n\t童话剧\n\n正文。\n"
    (t,) = find_tables(text)
    assert t.title == "活动安排表"
    assert _texts(t.header) == ["序号", "时间", "内容"]
    assert [_texts(r) for r in t.rows] == [["1", "5月4日", "青年诗会"], ["2", "6月1日", "童话剧"]]


def test_stray_tab_line_is_not_a_table():
    assert find_tables("主讲人:\t王老师\n讲座很成功。\n") == []


def test_crlf_and_empty_text():
    assert find_tables("") == []
    text = "统计表\r\n名称\t数量\r\n甲\t1\r\n乙\t2\r\n"
    (t,) = find_tables(text)
    assert [_texts(r) for r in t.rows] == [["甲", "1"], ["乙", "2"]]
    _assert_spans(text, [t])


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(["\t", "\n", "|", "序号", "时间", "1", "5月4日", "表", " ", "abc", "12.5", "\r"]), max_size=60
    )
)
def test_random_text_never_crashes_and_spans_hold(parts):
    text = "".join(parts)
    _assert_spans(text, find_tables(text))


def test_tab_indented_prose_is_not_a_table():
    para = "今年我馆继续深化总分馆制建设,完善服务网络,推进通借通还,全年新增分馆三家,服务点五处,读者满意度进一步提升。"
    text = f"\t{para}\n\t{para}\n\n\t{para}\n\t{para}\n"
    assert find_tables(text) == []
