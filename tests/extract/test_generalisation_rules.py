"""One test per general rule added while scoring the held-out benchmark."""

import pytest

from nianbao.extract import extract_document
from tests.support.figures import tuples


def figs(text):
    """(metric, value, year, period) of the figures of kind `figure` of `text`, sorted."""
    return sorted((f.metric, f.value, f.year, f.period) for f in extract_document(text).figures if f.kind == "figure")


# (text, its figures as metric=value:year:period items, see tests/support/figures.py)
CASES = [
    pytest.param("某县图书馆2023年年报\n主要业务数据\n指标\t单位\t2023年\n持证读者\t万人\t1.5\n网站访问量\t万次\t20.5\n", "users.registered_total=15000:2023:year visits.online=205000:2023:year", id="scaled_unit_cell_in_a_statistics_table"),
    pytest.param("某县图书馆2022年月度统计\n月份\t进馆人次\n1月\t500\n2月\t400\n合计\t900\n", "visits.in_person=400:2022:partial visits.in_person=500:2022:partial visits.in_person=900:2022:year", id="month_rows_are_partial_figures"),
    pytest.param("某县图书馆2019年度报告\n指标\t本年\t上年\n书刊外借册次\t7600\t7000\n举办活动次数\t96\t88\n", "activities.events=88:2018:year activities.events=96:2019:year circulation.loans=7000:2018:year circulation.loans=7600:2019:year", id="this_year_and_last_year_columns"),
    pytest.param("某县图书馆2021年工作总结\n全年接待读者一万二千余人次。\n", "visits.in_person=12000:2021:year", id="chinese_numeral_with_wan_inside"),
    pytest.param("某县图书馆2023年工作总结及2024年工作计划\n三、2024年工作计划\n明年计划新建分馆3家。\n", "network.branches_added=3:2024:plan", id="next_year_in_a_plan_section_for_the_next_year"),
    pytest.param("某县图书馆2021年工作汇报\n新的一年，我馆力争全年举办活动50场以上。\n", "activities.events=50:2022:plan", id="new_year_wording_is_the_next_year"),
    pytest.param("某区图书馆2021年工作总结\n全年组织馆员业务培训6次，选派18人次参加省市培训。\n", "", id="staff_sent_to_training_is_not_an_activity"),
    pytest.param("某县图书馆2023年工作总结\n全年开展阅读活动120场次，较去年多开展30场。\n", "activities.events=120:2023:year", id="a_change_is_not_a_count_of_events"),
    pytest.param("某省图书馆2022年度决算说明\n2022年度支出总计2.28亿元。政府采购支出总额5630万元。\n", "spending.total=228000000:2022:year", id="procurement_is_not_total_spending"),
    pytest.param("某市立圖書館2019年度服務概況\n登記讀者人數達456萬人。全年入館人次約2,860萬。\n", "users.registered_total=4560000:2019:year visits.in_person=28600000:2019:year", id="traditional_wording_for_registered_readers_and_visits"),
    pytest.param("某市文化和旅游局2021年公共文化服务工作总结\n(一)图书馆。市图书馆全年接待读者26.8万人次。\n(二)文化馆。市文化馆举办各类培训班120期，培训学员6500人次，组织文艺演出86场，观众达12万人次。\n(三)博物馆。市博物馆全年接待观众50.2万人次。\n", "visits.in_person=268000:2021:year", id="other_institutions_in_a_bureau_report_are_not_library_figures"),
    pytest.param("某市图书馆2022年年报\n2022年，我馆全年接待到馆读者\n23.6万人次，外借图书18.2万\n册次。全年举办各类读者活动\n215场。\n", "activities.events=215:2022:year circulation.loans=182000:2022:year visits.in_person=236000:2022:year", id="soft_line_wraps_of_a_pdf_are_joined"),
    pytest.param("某市图书馆2020年工作总结\n“十三五”期间，我馆累计接待读者320万人次。2020年全年接待读者42.6万人次。\n", "visits.in_person=426000:2020:year", id="a_multi_year_cumulative_is_not_a_year_figure"),
    pytest.param("某区图书馆2022年年报\n截至2022年底，全区建成“读书驿站”65家。\n", "network.service_points=65:2022:year", id="a_quoted_facility_name_before_its_count"),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_figures_with_year_and_period(text, expected):
    assert figs(text) == tuples(expected)


def test_statistical_form_lines_with_glued_codes():
    t = ("公共图书馆基本情况统计表(2020年)\n填报单位:某县图书馆\n"
         "101总藏量万册45.6\n102其中:图书万册38.2\n203借书证数个18600\n302举办展览个12\n"
         "401本年支出合计千元3856\n501实际使用房屋建筑面积平方米6200\n502从业人员人28\n")
    got = {(m, v) for m, v, _, _ in figs(t)}
    assert got == {("collection.total", 456000), ("collection.total", 382000), ("users.registered_total", 18600),
                   ("activities.events", 12), ("spending.total", 3856000)}


def test_stock_date_makes_built_a_stock():
    t = "某市图书馆2022年工作总结\n截至2022年底，全市建成乡镇分馆103家，村(社区)服务点1256个。\n"
    got = {(m, v) for m, v, _, _ in figs(t)}
    assert got == {("network.branches", 103), ("network.service_points", 1256)}


def test_a_system_description_is_a_stock():
    t = "某县图书馆2019年工作总结\n全县建成1个总馆、15个乡镇分馆、120个村级服务点，实现了三级全覆盖。\n"
    got = {(m, v) for m, v, _, _ in figs(t)}
    assert got == {("network.branches", 15), ("network.service_points", 120)}


def test_table_caption_with_a_span_of_years_does_not_set_the_prose_year():
    t = ("某省图书馆2023年度报告\n表1 2022—2023年主要业务数据\n指标\t单位\t2022年\t2023年\n"
         "外借册次\t万册次\t3.1\t3.9\n\n三、服务效能\n全年全省公共图书馆接待读者4126万人次。\n")
    assert ("visits.in_person", 41260000, 2023, "year") in figs(t)


def test_a_list_of_parts_after_qizhong():
    t = "某县图书馆2022年工作总结\n外借图书12.5万册，其中少儿图书5.2万册、期刊1.1万册。\n"
    got = [(f.metric, f.value, f.segment) for f in extract_document(t).figures]
    assert got == [("circulation.loans", 125000, "all"), ("circulation.loans", 52000, "minors"),
                   ("circulation.loans", 11000, "periodicals")]
