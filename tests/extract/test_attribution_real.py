"""Attribution on invented snippets worded like real reports: canonical library
names, region aggregates, branches, years against the document's date, scope,
period and confidence."""

from __future__ import annotations

import pytest

from nianbao.extract.attribute import canonical_library, is_aggregate, library_key
from tests.support.figures import run


@pytest.mark.parametrize("mention, canonical", [
    ("如皋图书馆", "如皋市图书馆"),
    ("如皋市图书馆", "如皋市图书馆"),
    ("读书节启动仪式在湖南省图书馆", "湖南省图书馆"),
    ("湖南图书馆", "湖南省图书馆"),
    ("杭州市西湖区图书馆", "西湖区图书馆"),
    ("浙江省少年儿童图书馆", "浙江省少儿图书馆"),
    ("溫州市圖書館", "温州市图书馆"),
    ("嘉兴图(tú)书(shū)馆(guǎn)", "嘉兴市图书馆"),
    ("国家图书馆", "国家图书馆"),
    ("XX县图书馆", "XX县图书馆"),
])
def test_library_mentions_resolve_to_one_name(mention, canonical):
    assert canonical_library(mention) == canonical


def test_variants_share_a_key():
    assert library_key("宁波图书馆") == library_key("宁波市图书馆")
    assert library_key("宁波市图书馆") != library_key("宁波市少儿图书馆")


def test_aggregates_name_their_region():
    assert canonical_library("浙江全省公共图书馆") == "浙江省全省公共图书馆"
    assert canonical_library("浙江省各级公共图书馆") == "浙江省全省公共图书馆"
    assert canonical_library("全国公共图书馆") == "全国公共图书馆"
    # no place in the words: the report's own place, climbed to the level the word names
    assert canonical_library("全省公共图书馆", "温州市图书馆") == "浙江省全省公共图书馆"
    assert canonical_library("全市公共图书馆", "鹿城区图书馆") == "温州市全市公共图书馆"
    assert canonical_library("全市公共图书馆", "义乌市图书馆") == "义乌市全市公共图书馆"
    assert canonical_library("浙江省县级以上公共图书馆") == "浙江省县级以上公共图书馆"
    assert is_aggregate("浙江省全省公共图书馆") and not is_aggregate("浙江省图书馆")


def test_branch_keeps_its_main_library():
    assert canonical_library("鄞州区图书馆东湖分馆") == "鄞州区图书馆东湖分馆"
    assert canonical_library("宁波鄞州区图书馆东湖分馆") == "鄞州区图书馆东湖分馆"


# ------------------------------------------------------------------ figures in documents


def _by_value(text):
    _, r = run(text)
    return r, {f.value: f for f in r.figures}


REPORT = "the document"  # a key of the expected fields below: the document's own fields, not a figure's


def _check_fields(text: str, expected: dict) -> None:
    """Each figure of `text` named by its value (REPORT: the document itself) has the fields `expected` gives it."""
    r, f = _by_value(text)
    for value, fields in expected.items():
        target = r if value == REPORT else f[value]
        for name, want in fields.items():
            got = getattr(target, name)
            assert got is None if want is None else got == want, (value, name, got)


# (text, {figure value or REPORT: {field: expected value}}), by the sections of this file
FIELD_CASES = [
    # -- figures in documents: subject and scope
    # the library named after 其中 is another subject, in the same paragraph
    pytest.param("2021年浙江全省公共图书馆共接待读者3100万人次。\n记者在启动仪式上获悉,2021年浙江全省公共图书馆文献外借量达4200万册次。其中,浙江图书馆全年接待读者95万人次。\n", {42_000_000: {"scope": "region", "library_name": "浙江省全省公共图书馆"}, 950_000: {"library_name": "浙江省图书馆", "scope": "library"}}, id="region_aggregate_in_a_news_item_gets_region_scope_and_name"),
    pytest.param("新闻标题\n记者电 去年温州持证读者逐年增加,2022年温州新增注册读者12万。\n", {120_000: {"library_name": "温州市全市公共图书馆", "scope": "region"}}, id="place_as_subject_is_the_region"),
    pytest.param("2021年嘉善县图书馆工作总结\n本馆全年接待读者36万人次,外借图书28万册次。\n", {360_000: {"library_name": None, "scope": "library"}}, id="own_library_figures_keep_no_name_and_library_scope"),
    # the ceremony took place in another library; the figure is still the region's
    pytest.param("读书节启动仪式在杭州图书馆举行。活动发布了全省公共图书馆年度报告:2021年,全省公共图书馆文献外借量达4200万册次。\n", {42_000_000: {"scope": "region"}}, id="location_words_do_not_make_a_subject"),
    pytest.param("2021年海曙区图书馆年报\n1、月湖分馆全年举办各类活动30场。\n", {30: {"library_name": "海曙区图书馆月湖分馆", "scope": "branches"}}, id="branch_named_at_clause_start"),
    pytest.param("2021年海曙区图书馆年报\n本馆总馆和12个镇街分馆共举办各类活动400场次。\n", {400: {"scope": "system"}}, id="system_subject_sets_system_scope"),
    pytest.param("2022年宁波全市公共图书馆共有68家。接待读者1500万人次,文献外借量达900万册次。\n", {15_000_000: {"library_name": "宁波市全市公共图书馆"}, 9_000_000: {"library_name": "宁波市全市公共图书馆", "scope": "region"}}, id="region_aggregate_carries_over_the_paragraph"),
    # -- years
    # the news is written the year after the report's data: 去年 is the report's year
    pytest.param("近日,某市图书馆发布了2021年阅读报告。\n去年,市图书馆新购入纸质图书32万册。\n", {320_000: {"year": 2021}}, id="last_year_in_a_news_item_about_a_released_report"),
    pytest.param("2021年嘉善县图书馆工作总结\n去年本馆接待读者30万人次,今年接待读者36万人次。\n", {300_000: {"year": 2020}, 360_000: {"year": 2021}}, id="last_year_in_a_report_is_the_year_before_its_own"),
    pytest.param("2021年嘉善县图书馆年度报表\n完成2021年图书、2022年报刊采购工作,文献保障能力增强,新增图书2.6万册。\n", {26_000: {"year": 2021}}, id="years_listed_in_an_earlier_clause_do_not_set_the_year"),
    pytest.param("新闻\n2022年新增注册读者近60万,是2018年的2.6倍,累计注册读者达401万。\n", {4_010_000: {"year": 2022}}, id="comparison_year_is_not_the_figures_year"),
    # -- confidence
    pytest.param("2021年某省阅读报告\n国家规划和2035年远景目标纲要提出建设书香社会,在此背景下,全省持证读者达到1200万人。\n", {12_000_000: {"year": 2021}}, id="plan_horizon_year_is_not_the_figures_year"),
    # -- periods, then the findings added after them (names, years, scope)
    pytest.param("2022年嘉善县图书馆工作总结\n截止2022年11月份,我馆馆藏图书达12.9万余册,接待读者28500多人次。\n", {129_000: {"period": "partial"}, 28_500: {"period": "partial"}}, id="to_a_month_of_a_named_year_is_partial"),
    pytest.param("“阅读圈”1-11月工作进度\n新增持证读者508人,累计到馆读者21322人次,全年接待读者30000人次。\n", {508: {"period": "partial"}, 21_322: {"period": "partial"}, 30_000: {"period": "year"}}, id="a_progress_report_title_makes_its_figures_partial"),
    pytest.param("2019年海曙区图书馆(6月)数据统计\n本馆办理图书证207个。\n", {207: {"period": "partial"}}, id="a_monthly_sheet_title_makes_its_figures_partial"),
    pytest.param("读者服务数据 截至目前 藏书量111.9万册 2022年总流通人次17.7万人次\n", {1_119_000: {"period": "partial"}, 177_000: {"period": "year"}}, id="year_named_after_a_to_date_word_is_a_full_year"),
    pytest.param("2019年海曙区图书馆(6月)数据统计\n(1)月湖书院分馆办理图书证84个。\n2、月湖分馆6月共举办各类活动30场;551人。\n其中:讲座:12场;300人。\n", {84: {"library_name": "海曙区图书馆月湖书院分馆"}, 30: {"library_name": "海曙区图书馆月湖书院分馆"}, 12: {"library_name": "海曙区图书馆月湖书院分馆", "scope": "branches"}}, id="short_branch_name_takes_the_full_one_and_continuation_lines_keep_the_branch"),
    pytest.param("全国公共图书馆实际持证读者数超过1亿。\n在此背景下,公共图书馆外借册次达6亿册次。\n", {600_000_000: {"library_name": "全国公共图书馆", "scope": "region"}}, id="unnamed_public_libraries_take_the_region_named_before"),
    pytest.param("2021年全国公共图书馆发展综述\n国家“十四五”规划和2035年远景目标纲要明确提出建设书香社会,在此背景下,2021年全国公共图书馆实际持证读者超1亿人。\n", {100_000_000: {"period": "year"}}, id="plan_words_in_a_programme_name_do_not_make_a_plan"),
    pytest.param("宝鸡市文化和旅游局2021年公共文化服务工作总结\n2021年,市图书馆全年接待读者26.8万人次。\n", {268_000: {"library_name": "宝鸡市图书馆"}}, id="generic_city_library_in_a_bureau_report_is_the_city_library"),
    pytest.param("2021年嘉兴市图书馆年报\n嘉兴市图书馆本馆现有分馆44所。\n", {44: {"library_name": None}}, id="library_word_followed_by_own_and_a_count_is_not_a_branch"),
    pytest.param("首页 > 新闻动态\n读书节活动综述\n发布时间:2023-03-05 10:32:15\n去年全市公共图书馆接待读者1200万人次。\n", {12_000_000: {"year": 2022}}, id="last_year_in_a_news_page_is_the_year_before_its_publication_date"),
    pytest.param("嘉善县图书馆2021年工作总结\n发布时间:2022-01-19\n去年本馆接待读者30万人次。\n", {300_000: {"year": 2020}}, id="a_dated_report_title_wins_over_the_page_date"),
    pytest.param("2022年海曙区图书馆年报\n截至2022年底,海曙区公共图书馆服务体系已有镇街分馆17个。全区公共图书馆文献外借量132万册次。\n", {17: {"library_name": None}, 1_320_000: {"library_name": "海曙区全区公共图书馆", "scope": "region"}}, id="own_places_public_library_service_system_is_the_own_system"),
    pytest.param("某县图书馆简介\n某县图书馆现有藏书25万册。\n", {250_000: {"period": "partial"}}, id="a_stock_held_now_on_an_undated_page_is_partial_but_not_in_an_annual_report-1"),
    pytest.param("某县图书馆2022年工作总结\n本馆现有藏书25万册。\n", {250_000: {"period": "year"}}, id="a_stock_held_now_on_an_undated_page_is_partial_but_not_in_an_annual_report-2"),
    # 全国统一的… is how something is done, 全省第一 a ranking: neither names the figure's subject
    pytest.param("1985年某县图书馆工作\n本馆采用了全国统一的分类法,馆藏图书70366册。\n", {70_366: {"library_name": None, "scope": "library"}}, id="region_words_that_are_not_subjects"),
    pytest.param("综述\n城乡书房总数达114家,全省第一。潍坊市在2025年全年有1457万人走进图书馆。\n", {14_570_000: {"library_name": "潍坊市全市公共图书馆", "scope": "region"}}, id="a_place_opening_a_dated_clause_is_the_subject"),
    pytest.param("南昌市文化工作综述\n南昌市持续推进书香城市建设。\n全市公共图书馆全年接待读者500万人次。\n", {5_000_000: {"library_name": "南昌市全市公共图书馆"}}, id="unplaced_aggregate_takes_the_place_the_text_is_about"),
    # -- data years on pages the extractor was not tuned on
    pytest.param("某城图书馆\n某城图书馆始建于1953年,1994年9月投入使用,占地面积1.2万平米。2008年被评为国家一级图书馆。馆藏文献85万册,年接待读者60万人次。\n", {REPORT: {"report_year": None}, 850_000: {"year": None}, 600_000: {"year": None}}, id="a_profile_page_whose_years_are_all_history_has_no_year"),
    pytest.param("本报讯\n截至10月上旬,某馆今年到馆读者18万人次;2024年前三季度,入藏中文图书3.4万册。\n", {REPORT: {"report_year": 2024}, 34_000: {"year": 2024}}, id="first_three_quarters_of_a_year_is_that_year"),
    pytest.param("读书好去处\n\n03.05.2016  15:20\n\n去年某省图书馆总流通量300万余人次。\n", {3_000_000: {"year": 2015}}, id="a_dateline_dates_the_page_and_its_last_year-1"),
    pytest.param("某馆暑期服务\n2024-09-09 13:14 来源:某某网\n暑假期间某馆接待读者16万人次。\n", {160_000: {"year": 2024}}, id="a_dateline_dates_the_page_and_its_last_year-2"),
    pytest.param("某馆借阅量创新高\n2020/12/13 05:30\n某馆借阅量今年截至11月底就有626万余册。\n", {6_260_000: {"year": 2020}}, id="a_dateline_dates_the_page_and_its_last_year-3"),
    pytest.param("2023年11月23日 星期四\n某馆简介\n某馆是自治区重点建设项目之一。共有藏书69万册,每年接待读者3万余人次。\n", {690_000: {"year": None}, 30_000: {"year": None}}, id="the_day_a_page_was_viewed_is_not_a_year"),
    pytest.param("第三节 图书阅览\n摘要: 本节记述了某县1980年至2011年图书馆的发展历史。\n1980年,某县图书馆成立。2013年,完善功能布局,加强馆内图书资料的收集整理。全年办理读者借阅卡1154张,接待读者4.5万人次。\n", {1154: {"year": 2013}, 45_000: {"year": 2013}}, id="a_span_of_history_years_is_not_the_report_year"),
    pytest.param("发展历史\n2005年,职工编制数增至6人,设有外借室。年借阅人数2万余人,图书年流通量3万余册。\n", {20_000: {"year": 2005}, 30_000: {"year": 2005}}, id="a_year_opening_a_sentence_governs_its_paragraph_but_not_an_honour-1"),
    pytest.param("某馆简介\n某馆始建于1907年。2008年被确定为重点古籍保护单位。馆藏文献720万册。\n", {7_200_000: {"year": None}}, id="a_year_opening_a_sentence_governs_its_paragraph_but_not_an_honour-2"),
    pytest.param("馆藏\n截止1999年底,共有藏书114万余册。2013年,某馆总藏书量近130万册,其中:\n1、纸型文献资源(110余万件册);汉文普通图书70万册、外文图书21万册。\n", {1_100_000: {"year": 2013}, 700_000: {"year": 2013}, 1_140_000: {"year": 1999}}, id="a_list_takes_the_year_of_the_line_that_introduces_it"),
    pytest.param("某体育网\n2026世界杯\n\n发布日期:2026-01-24 02:40\n\n某市在2025年全年有1457万人走进图书馆。\n\n2025年,某市加大书房建设力度。全年新建城乡书房43家。\n", {43: {"year": 2025}, 14_570_000: {"year": 2025}}, id="a_name_with_a_bare_year_is_no_section_heading"),
    pytest.param("某县图书馆简介\n某县图书馆现有藏书20万余册,每年可接待读者30万余人次。\n某县图书馆\n2022年12月\n", {REPORT: {"report_year": 2022}, 200_000: {"year": 2022}}, id="a_signature_date_at_the_end_dates_an_undated_page"),
    pytest.param("某馆简介\n合并前的馆网藏书量约113,000册(2014年3月)。馆藏图书约2万册(截至2019年底)。\n", {113_000: {"year": 2014, "period": "partial"}, 20_000: {"year": 2019, "period": "year"}}, id="a_date_in_brackets_after_a_figure_dates_it"),
    pytest.param("某市民众阅读调查\n某市图书馆调查去年民众的阅读行为,去年一年进馆人次有1459万人次。2011年某市图书馆的借书人口持续增长,2011年文学类借阅量达489万册。\n", {14_590_000: {"year": 2011}}, id="an_undated_news_item_saying_last_year_was_written_the_year_after"),
    pytest.param("某区阅读季启动\n发布时间:2025-04-20 10:00\n截至2024年12月31日,全区有效借阅证达11万张。本届阅读季将为读者带来近200场阅读活动。\n", {200: {"year": 2025, "period": "plan"}}, id="a_plan_in_a_news_item_is_never_before_the_year_it_was_written"),
    pytest.param("跳到内容\n2025-08-05\n头条\n财经\n某县图书馆开馆\n某某传媒 2020-09-07\n开馆两周以来到馆人次达8万人次。\n", {REPORT: {"report_year": 2020}}, id="a_byline_date_wins_over_a_bare_date_of_the_sites_menu"),
    pytest.param("历史沿革\n某区图书馆于1979年1月正式成立。2023年12月被评定为国家一级图书馆,现藏书量近30万册。\n当前信息最后更新时间截止于2025年7月。\n", {300_000: {"year": 2025}}, id="an_honour_year_and_a_directory_pages_information_date"),
    pytest.param("某市图书馆\n某市图书馆分别于1989和1994年被评为文明图书馆\n某市图书馆藏书14万多册,2016年开放时间达到290天,接待读者3.6万多人次。\n", {REPORT: {"report_year": 2016}}, id="a_list_of_honour_years_on_a_short_line_is_not_a_title_year"),
    # a page with Gregorian data years keeps them: 105 is then no year
    pytest.param("首页\n据某市立图书馆统计,105年总借阅册数达782万册,平均每位市民借阅4.15册。市府104年起推动阅读环境优化计划。\n", {REPORT: {"report_year": 2016}, 7_820_000: {"year": 2016}}, id="roc_years_in_prose_on_a_page_with_no_gregorian_year-1"),
    pytest.param("某馆2019年工作总结\n2019年本馆接待读者105万人次。\n", {REPORT: {"report_year": 2019}, 1_050_000: {"year": 2019}}, id="roc_years_in_prose_on_a_page_with_no_gregorian_year-2"),
    # -- library names on unseen pages
    # the own library, not a province's
    pytest.param("阅读调查\n据报道,台(tái)北市立图书馆调查民众的阅读行为,台(tái)北市图书馆去年一年进馆人次有1459万人次。\n", {REPORT: {"library_name": "台北市立图书馆"}, 14_590_000: {"library_name": None}}, id="a_city_run_library_name_with_a_gloss_and_its_short_form_are_the_own_library-1"),
    pytest.param("新馆开幕\n屏东县立总图书馆自开幕后一周以来累计涌入8万人次。\n", {REPORT: {"library_name": "屏东县立总图书馆"}}, id="a_city_run_library_name_with_a_gloss_and_its_short_form_are_the_own_library-2"),
    # -- period against the page's day
    pytest.param("某馆简介\n某馆始建于1953年。各类文献馆藏总量85万多册,设有4个分馆,年接待读者60多万人次。\n", {850_000: {"period": "partial"}, 4: {"period": "partial"}, 600_000: {"period": "year"}}, id="stocks_of_an_undated_profile_are_partial_its_annual_flows_are_not"),
    pytest.param("暑期阅读热\n2024-09-09 13:14 来源:某某网\n暑假期间某市图书馆接待读者16万人次,图书流通量47319册次。\n", {160_000: {"period": "partial"}, 47_319: {"period": "partial"}}, id="figures_of_the_year_a_news_page_was_written_before_december_are_to_date-1"),
    pytest.param("某馆年报\n发布时间:2019-12-27\n2019年某馆接待读者16万人次。\n", {160_000: {"period": "year"}}, id="figures_of_the_year_a_news_page_was_written_before_december_are_to_date-2"),
    pytest.param("某馆工作回顾\n发布时间:2020-01-10\n2019年某馆接待读者16万人次。\n", {160_000: {"period": "year", "year": 2019}}, id="figures_of_the_year_a_news_page_was_written_before_december_are_to_date-3"),
    pytest.param("某县图书馆2022年工作总结\n目前共建成16个图书馆分馆、5个图书流通服务点。\n", {16: {"scope": "system"}, 5: {"scope": "system"}}, id="a_count_of_branches_or_service_points_is_the_systems"),
]


@pytest.mark.parametrize("text, expected", FIELD_CASES)
def test_figure_fields(text, expected):
    _check_fields(text, expected)


def test_county_library_whole_county_network_is_its_own():
    # 全县 in a county library's report: the library's own network, not a region
    _, f = _by_value("2021年嘉善县图书馆工作总结\n全县建成乡镇分馆9个。本馆全年接待读者36万人次。\n")
    assert f[9].library_name is None and f[9].scope != "region"


# ------------------------------------------------------------------ years

def test_count_that_looks_like_a_year_is_not_a_year():
    _, f = _by_value("2021年嘉善县图书馆年报\n馆内藏书10万册,工具书2000余册,每年接待读者2万人次以上。\n")
    assert all(x.year != 2000 for x in f.values())


# ------------------------------------------------------------------ confidence

def test_confidence_is_high_for_explicit_evidence_and_lower_for_guesses():
    _, f = _by_value("2021年嘉善县图书馆工作总结\n2021年本馆全年接待读者36万人次。\n")
    strong = f[360_000].confidence
    _, g = _by_value("某网页\n接待读者:52000\n")
    weak = g[52_000].confidence
    assert 0.9 <= strong <= 1.0
    assert weak < strong - 0.3


def test_confidence_weights_are_data_and_bounded():
    from nianbao.extract.confidence import Evidence, confidence
    from nianbao.extract.lexicon.attribution import CONFIDENCE_WEIGHTS as W
    assert confidence(Evidence()) == W["base"]
    worst = Evidence(bare_number=True, weak_cue=True, year="none", library="none", scope="unknown", period="plan")
    assert confidence(worst) == W["floor"]
    assert confidence(Evidence(year="inferred")) == round(W["base"] - W["inferred_year"], 3)


# ------------------------------------------------------------------ periods

def test_anonymised_library_name_is_the_reports_own():
    _, r = run("县图书馆2022年工作总结.docx\n全面推进公共文化服务高质量发展,XX县图书馆在县委领导下,全年接待读者5.8万人次。\n")
    assert r.library_name == "XX县图书馆"


def test_a_bracket_after_the_previous_number_is_not_this_figures_scope():
    from nianbao.extract.attribute import scope
    assert scope(" (含农家书屋) 2022年接待读者", "visits.in_person") == "library"
    assert scope("藏书量111.9万册(含农家书屋)", "collection.total") == "system"


def test_place_with_a_proper_name_is_a_library_name():
    _, r = run("榆林市星元图书馆2022年年报\n一、读者服务\n全年接待读者23.6万人次。\n")
    assert r.library_name == "榆林市星元图书馆"
    assert canonical_library("2022年,榆林市星元图书馆") == "榆林市星元图书馆"
    # a sentence that happens to end in 图书馆 is not a name
    _, r = run("新闻\n疫情让温州市民访问图书馆的方式发生了变化,全年接待读者23.6万人次。\n")
    assert r.library_name is None


def test_years_of_the_librarys_history_are_not_the_report_year():
    from nianbao.extract.attribute import report_year
    t = "某县图书馆简介\n某县图书馆始建于1952年,1985年迁入新馆。现有藏书10万册,年接待读者3万人次。\n"
    assert report_year(t) is None
    t2 = "某县图书馆简介\n始建于1952年。2021年接待读者3万人次,2021年外借图书5万册。\n"
    assert report_year(t2) == 2021


def test_a_page_with_no_year_in_its_text_takes_its_publication_year():
    _, r = run("首页 > 新闻\n某县图书馆简介\n发布时间:2024-03-05\n某县图书馆现有藏书10万册,年接待读者3万人次。\n")
    assert r.report_year == 2024


def test_services_called_library_and_each_library_of_a_place():
    _, f = _by_value("综述\n信阳市各图书馆开展阅读推广活动524场次。潍坊市数字图书馆访问量达300万次。\n")
    assert f[524].library_name == "信阳市全市公共图书馆" and f[524].scope == "region"
    assert f[3_000_000].library_name != "潍坊市数字图书馆"


# ------------------------------------------------------------------ data years on pages the extractor was not tuned on

def test_a_history_year_in_the_figures_sentence_does_not_date_it():
    r, f = _by_value("新闻\n始建于1962年的某县图书馆有藏书近10万册。前身为1956年设立的阅览室的某镇图书馆藏书3万册。\n")
    assert f[100_000].year != 1962 and f[30_000].year != 1956


# ------------------------------------------------------------------ library names on unseen pages

def test_a_place_that_is_the_tail_of_an_older_place_name_is_not_that_place():
    from nianbao.extract.libraries import place_ending_at
    t = "前身为遵义县"
    assert place_ending_at(t, len(t)) is None          # not 义县 (another province's county)
    t = "浙江宁波市"
    assert place_ending_at(t, len(t))[1].name == "宁波市"


def test_a_digital_library_or_every_library_of_a_city_is_not_the_pages_own():
    r, _ = _by_value("某市数字图书馆上半年服务\n某市数字图书馆总使用量为132万人次。淮安市图书馆上半年接待读者87万人次。\n")
    assert r.library_name == "淮安市图书馆"
    r, _ = _by_value("暑期阅读热\n信阳市各图书馆开展活动524场次。淮安市图书馆暑期接待读者16万人次。\n")
    assert r.library_name != "信阳市各图书馆"


def test_a_library_commissioned_or_an_honour_of_the_nation_is_not_the_subject():
    _, f = _by_value("某馆开馆一年\n拉萨市图书馆委托南京图书馆制作复本,共举办读者活动1000余场。\n")
    assert f[1000].library_name != "南京市图书馆"
    _, g = _by_value("某馆简介\n大连市图书馆被确定为全国首批重点古籍保护单位,年接待读者218万人次。\n")
    assert g[2_180_000].scope != "region"


def test_a_library_name_with_no_known_place_is_a_guess():
    from types import SimpleNamespace

    from nianbao.extract.attribute import _apply_subject
    from nianbao.extract.subjects import LIBRARY, Mention

    def kind(name):
        f = SimpleNamespace(library_name=None, scope="library", metric="collection.total")
        return _apply_subject(f, Mention(0, 6, LIBRARY, name), "sentence")
    assert kind("遵义县图书馆") == "guessed"      # the gazetteer has no such county any more
    assert kind("贵阳市图书馆") == "named"


# ------------------------------------------------------------------ period against the page's day

def test_a_sector_of_the_nation_is_not_the_nations_libraries():
    _, f = _by_value("某馆简介\n开馆初期,有关部门组织全国出版界捐赠图书38万册。共有藏书69万册。\n")
    assert f[690_000].scope != "region"


def test_a_library_the_report_works_with_is_not_the_subject():
    """配合/协助 X图书馆 names a partner; the count after it is the report's own library's."""
    from nianbao.extract import extract_document

    text = ("博罗县图书馆2020年工作总结\n\n一、基本情况\n\n2020年,我馆全年接待读者5万人次。\n\n"
            "完成亲子阅读基地挂牌工作,配合市图书馆推进城乡一体化建设,安装自助借还机,"
            "完成 2 万册图书录入、上架工作;开展“总分馆业务培训”系列活动 12 多场次。")
    figs = [f for f in extract_document(text).figures if f.metric == "activities.events"]
    assert figs and all(f.library_name in (None, "博罗县图书馆") for f in figs), [f.library_name for f in figs]


def test_respectively_gives_each_listed_place_its_own_value():
    from nianbao.extract import extract_document
    t = ("2022年四川省公共图书馆发布年度数据。全省公共图书馆总藏书量8000万册。其中,成都馆藏最多,为2100万册。"
         "绵阳和德阳次之,馆藏分别为700万、650万册。")
    got = {(f.value, f.library_name) for f in extract_document(t).figures if f.metric == "collection.total"}
    assert (7000000, "绵阳市全市公共图书馆") in got
    assert (6500000, "德阳市全市公共图书馆") in got


def test_respectively_after_places_of_location_keeps_the_subject():
    from nianbao.extract import extract_document
    t = "2022年,本馆在绵阳和德阳分别建成服务点3个、2个。"
    libs = {f.library_name for f in extract_document(t).figures}
    assert not any(n and "绵阳" in n for n in libs)


def test_one_value_for_places_counted_as_a_group_goes_to_each():
    from nianbao.extract import extract_document
    t = ("2022年四川省公共图书馆发布年度数据。全省公共图书馆总藏书量8000万册。其中,成都馆藏最多,为2100万册。"
         "此外,绵阳和德阳两市公共图书馆的馆藏也在600万册以上。")
    got = sorted(f.library_name for f in extract_document(t).figures if f.value == 6000000)
    assert got == ["德阳市全市公共图书馆", "绵阳市全市公共图书馆"]
