"""One test per general rule added while scoring the held-out benchmark."""

from pathlib import Path

import pytest

from nianbao.extract import extract_document
from tests.support.cases import load_cases
from tests.support.figures import tuples


def _figs(text):
    """(metric, value, year, period) of the figures of kind `figure` of `text`, sorted."""
    return sorted((f.metric, f.value, f.year, f.period) for f in extract_document(text).figures if f.kind == "figure")


CASES = load_cases(Path(__file__).parent / "fixtures" / "cases" / "generalisation_rules.yaml", "text", "figures")


@pytest.mark.parametrize("text, expected", CASES)
def test_figures_with_year_and_period(text, expected):
    assert _figs(text) == tuples(expected)


def test_statistical_form_lines_with_glued_codes():
    t = (
        "公共图书馆基本情况统计表(2020年)\n填报单位:某县图书馆\n"
        "101总藏量万册45.6\n102其中:图书万册38.2\n203借书证数个18600\n302举办展览个12\n"
        "401本年支出合计千元3856\n501实际使用房屋建筑面积平方米6200\n502从业人员人28\n"
    )
    got = {(m, v) for m, v, _, _ in _figs(t)}
    assert got == {
        ("collection.total", 456000),
        ("collection.total", 382000),
        ("users.registered_total", 18600),
        ("activities.events", 12),
        ("spending.total", 3856000),
    }


def test_stock_date_makes_built_a_stock():
    t = "某市图书馆2022年工作总结\n截至2022年底，全市建成乡镇分馆103家，村(社区)服务点1256个。\n"
    got = {(m, v) for m, v, _, _ in _figs(t)}
    assert got == {("network.branches", 103), ("network.service_points", 1256)}


def test_a_system_description_is_a_stock():
    t = "某县图书馆2019年工作总结\n全县建成1个总馆、15个乡镇分馆、120个村级服务点，实现了三级全覆盖。\n"
    got = {(m, v) for m, v, _, _ in _figs(t)}
    assert got == {("network.branches", 15), ("network.service_points", 120)}


def test_table_caption_with_a_span_of_years_does_not_set_the_prose_year():
    t = (
        "某省图书馆2023年度报告\n表1 2022—2023年主要业务数据\n指标\t单位\t2022年\t2023年\n"
        "外借册次\t万册次\t3.1\t3.9\n\n三、服务效能\n全年全省公共图书馆接待读者4126万人次。\n"
    )
    assert ("visits.in_person", 41260000, 2023, "year") in _figs(t)


def test_a_list_of_parts_after_qizhong():
    t = "某县图书馆2022年工作总结\n外借图书12.5万册，其中少儿图书5.2万册、期刊1.1万册。\n"
    got = [(f.metric, f.value, f.segment) for f in extract_document(t).figures]
    assert got == [
        ("circulation.loans", 125000, "all"),
        ("circulation.loans", 52000, "minors"),
        ("circulation.loans", 11000, "periodicals"),
    ]
