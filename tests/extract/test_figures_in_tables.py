"""Figures stated in tables (tables found by nianbao.extract.tables)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.cases import load_cases
from tests.support.figures import check_figures, run, with_fields

Y = "2021年某某县图书馆年度工作报告\n"
CASES = load_cases(Path(__file__).parent / "fixtures" / "cases" / "figures_in_tables.yaml", "text", "fields", "figures")


@pytest.mark.parametrize("text, fields, figures", CASES)
def test_table_figures(text, fields, figures):
    """Every figure a table gives (fixtures/cases/figures_in_tables.yaml), with the fields a case names."""
    _, r = run(text)
    check_figures(with_fields(r.figures, fields), figures)


def test_statistical_form_one_column_per_year():
    t = Y + (
        "表1  主要业务数据统计表\n指标\t2020年\t2021年\n总流通人次\t250000\t285000\n"
        "书刊文献外借册次\t140000\t153000\n新增藏量(册)\t8000\t9500\n举办读者活动(场次)\t120\t156\n"
        "电话\t12345\t67890\n\n"
    )
    _, r = run(t)
    check_figures(
        with_fields(r.figures, "year"),
        "activities.events=120:2020 activities.events=156:2021 circulation.loans=140000:2020 "
        "circulation.loans=153000:2021 collection.added=8000:2020 collection.added=9500:2021 "
        "visits.in_person=250000:2020 visits.in_person=285000:2021",
    )
    assert all(f.table_id for f in r.figures)
    f = [f for f in r.figures if f.value == 285000][0]
    assert f.evidence == "总流通人次"


def test_spending_table_unit_in_title_pipe_layout():
    t = Y + (
        "2021年经费支出情况（单位：万元）\n| 项目 | 金额 |\n|---|---|\n| 人员经费 | 180.5 |\n"
        "| 公用经费 | 60 |\n| 购书经费 | 30 |\n| 合计 | 270.5 |\n\n"
    )
    text, r = run(t)
    check_figures(
        with_fields(r.figures),
        "spending.collections=300000 spending.operations=600000 spending.staff=1805000 spending.total=2705000",
    )
    for f in r.figures:
        assert text[f.char_start : f.char_end].strip() in ("180.5", "60", "30", "270.5")
    parts = [f for f in r.figures if f.group_role == "part"]
    assert len(parts) == 3 and all(f.group_complete for f in parts)
