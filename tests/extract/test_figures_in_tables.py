"""Figures stated in tables (tables found by nianbao.extract.tables)."""

from __future__ import annotations

from tests.support.figures import run

Y = "2021年某某县图书馆年度工作报告\n"


def test_statistical_form_one_column_per_year():
    t = Y + (
        "表1  主要业务数据统计表\n指标\t2020年\t2021年\n总流通人次\t250000\t285000\n"
        "书刊文献外借册次\t140000\t153000\n新增藏量(册)\t8000\t9500\n举办读者活动(场次)\t120\t156\n"
        "电话\t12345\t67890\n\n"
    )
    _, r = run(t)
    got = sorted((f.metric, f.year, f.value) for f in r.figures)
    assert got == [
        ("activities.events", 2020, 120),
        ("activities.events", 2021, 156),
        ("circulation.loans", 2020, 140000),
        ("circulation.loans", 2021, 153000),
        ("collection.added", 2020, 8000),
        ("collection.added", 2021, 9500),
        ("visits.in_person", 2020, 250000),
        ("visits.in_person", 2021, 285000),
    ]
    assert all(f.table_id for f in r.figures)
    f = [f for f in r.figures if f.value == 285000][0]
    assert f.evidence == "总流通人次"


def test_spending_table_unit_in_title_pipe_layout():
    t = Y + (
        "2021年经费支出情况（单位：万元）\n| 项目 | 金额 |\n|---|---|\n| 人员经费 | 180.5 |\n"
        "| 公用经费 | 60 |\n| 购书经费 | 30 |\n| 合计 | 270.5 |\n\n"
    )
    text, r = run(t)
    got = sorted((f.metric, f.value) for f in r.figures)
    assert got == [
        ("spending.collections", 300000),
        ("spending.operations", 600000),
        ("spending.staff", 1805000),
        ("spending.total", 2705000),
    ]
    for f in r.figures:
        assert text[f.char_start : f.char_end].strip() in ("180.5", "60", "30", "270.5")
    parts = [f for f in r.figures if f.group_role == "part"]
    assert len(parts) == 3 and all(f.group_complete for f in parts)


def test_labels_then_values_on_one_line():
    t = (
        Y
        + "2021年度经费使用情况（万元）\n人员支出\t公用经费\t数字化建设和网络维护\t购书经费\t古籍修复\t301.45\t120.8\t30\t65\t6\t\n"
    )
    _, r = run(t)
    got = sorted((f.metric, f.value) for f in r.figures)
    assert got == [
        ("spending.collections", 650000),
        ("spending.digital", 300000),
        ("spending.operations", 1208000),
        ("spending.preservation", 60000),
        ("spending.staff", 3014500),
    ]


def test_one_cell_per_line_side_by_side_service_table():
    rows = [
        ("1", "用户修改口令", "4", "4", "续借图书", "912"),
        ("2", "网络续借", "321", "5", "还书处理", "187654"),
        ("3", "图书流通统计", "12", "6", "普通借书", "213456"),
        ("7", "办理新证", "19876", "8", "读者借阅排行榜", "9"),
    ]
    body = "\n".join("\n".join("\t" + c for c in r) + "\n" for r in rows)
    t = Y + "\t2021年图书馆服务量统计\n\n\t序号\n\t名   称\n\t数量\n\t序号\n\t名   称\n\t数量\n\n" + body + "\n"
    _, r = run(t)
    got = sorted((f.metric, f.value) for f in r.figures)
    assert got == [
        ("circulation.loans", 213456),
        ("circulation.renewals", 912),
        ("circulation.returns", 187654),
        ("users.new_registrations", 19876),
    ]


def test_event_tables_give_no_figures():
    t = Y + (
        "2021年未成年人活动一览表\n\t序号\n\t时间\n\t活动主题\n\t地点\n\t人数\n\n"
        "\t1\n\t1月1日\n\t庆元旦\n\t三楼活动室\n\t39\n\n\t2\n\t1月5日\n\t故事会\n\t三楼活动室\n\t20\n\n"
    )
    _, r = run(t)
    assert r.figures == []


def test_statistical_form_with_code_and_unit_columns():
    t = (
        "2019年某市图书馆年报\n表1 公共图书馆基本情况\n项目\t代码\t单位\t指标\n"
        "二、藏量\t16\t册、件\t500001\n五、本年新增藏量\t32\t册、件\t10002\n十七、本年支出合计\t61\t千元\t12000\n"
        "在支出合计中:工资福利支出\t65\t千元\t6000\n其中:新增藏量购置费\t75\t千元\t3000\n"
        "总流通人次\t40\t万人次\t36.5\n书刊文献外借册次\t41\t万册次\t22.1\n一、从业人员\t11\t人\t49\n阅览室座席\t12\t个\t800\n\n"
    )
    _, r = run(t)
    got = sorted((f.metric, f.value, f.year) for f in r.figures)
    assert got == [
        ("circulation.loans", 221000, 2019),
        ("collection.added", 10002, 2019),
        ("collection.total", 500001, 2019),
        ("spending.collections", 3000000, 2019),
        ("spending.staff", 6000000, 2019),
        ("spending.total", 12000000, 2019),
        ("visits.in_person", 365000, 2019),
    ]


def test_metrics_in_header_total_row_and_year_rows():
    t = (
        "2021年某县图书馆年报\n2021年各月服务情况统计表\n月份\t进馆人次\t外借册次\t新办证(张)\n"
        "1月\t12000\t8000\t100\n2月\t11000\t7000\t90\n合计\t23000\t15000\t190\n\n"
        "各年度服务数据对比\n年度\t进馆人次\t外借册次\n2019年\t200000\t150000\n2020年\t120000\t90000\n\n"
    )
    _, r = run(t)
    # the 合计 and year rows are full-year figures; the month rows are figures too, but partial
    # (the spec: period `partial` covers a month)
    got = sorted((f.metric, f.year, f.value) for f in r.figures if f.period == "year")
    assert got == [
        ("circulation.loans", 2019, 150000),
        ("circulation.loans", 2020, 90000),
        ("circulation.loans", 2021, 15000),
        ("users.new_registrations", 2021, 190),
        ("visits.in_person", 2019, 200000),
        ("visits.in_person", 2020, 120000),
        ("visits.in_person", 2021, 23000),
    ]
    months = sorted((f.metric, f.year, f.value) for f in r.figures if f.period == "partial")
    assert months == [
        ("circulation.loans", 2021, 7000),
        ("circulation.loans", 2021, 8000),
        ("users.new_registrations", 2021, 90),
        ("users.new_registrations", 2021, 100),
        ("visits.in_person", 2021, 11000),
        ("visits.in_person", 2021, 12000),
    ]


def test_prose_inside_a_table_cell_is_still_read():
    t = (
        Y
        + "工作情况一览表\n项目\t完成情况\n读者服务\t全年接待读者28.5万人次，外借图书15.3万册次，比去年有较大提高。\n\n"
    )
    _, r = run(t)
    got = sorted((f.metric, f.value) for f in r.figures)
    assert got == [("circulation.loans", 153000), ("visits.in_person", 285000)]
