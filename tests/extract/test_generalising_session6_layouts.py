"""Generalising rules from the causes of the batch-11 first-read misses (tests/extract/FIRST_READ.md,
last row): layouts and numbers. Each test is an invented example (no text copied from a gold
document) and keeps a figure the text must give, so a rule that drops everything fails."""

from __future__ import annotations

from nianbao.extract import extract_document
from nianbao.extract.tables import find_tables
from tests.support.figures import by_metric_value

_figs = by_metric_value  # (metric, value) -> figure: tests/support/figures.py


# a pipe form whose unit stands in its own column, whose item numbers (1 / ① / empty) stand in a
# 序号 column, and where a row with an empty number was wrapped: ``|`` alone on a line, then the row
PIPE_FORM = (
    "某县图书馆2022年业务统计表\n"
    "| 序号 | 项目 | 单位 | 数量 |\n"
    "| 1 | 藏量 | 册、件 | 52,300 |\n"
    "| ① | 图书 | 册 | 48,100 |\n"
    "|\n"
    "| 其中:盲文图书 | 册 | 120 |\n"
    "| ② | 古籍 | 册 | 200 |\n"
    "|\n"
    "| 其中:善本 | 册 | 0 |\n"
    "| ③ | 视听文献 | 件、套 | 4,000 |\n"
    "| ④ | 其他 | 册 | 0 |\n"
    "| 2 | 总流通人次 | 人次 | 96,500 |\n"
    "| 3 | 为读者举办各种活动 | — | — |\n"
    "| ① | 举办展览 | 个 | 12 |\n"
    "|\n"
    "| 参观人次 | 人次 | 3,400 |\n"
    "| ② | 举办培训班 | 个 | 9 |\n"
    "|\n"
    "| 参加人次 | 人次 | 410 |\n"
)


def test_a_lone_pipe_line_is_a_wrapped_empty_first_cell_and_the_table_goes_on():
    (tb,) = find_tables(PIPE_FORM)
    assert len(tb.rows) == 13
    sub = tb.rows[2]
    assert [c.text for c in sub] == ["", "其中:盲文图书", "册", "120"]


def test_a_row_number_column_nests_parts_under_their_whole():
    figs = _figs(PIPE_FORM)
    assert figs[("collection.total", 52300)].segment == "all"
    assert figs[("collection.total", 48100)].segment == "books"
    assert figs[("collection.total", 120)].segment == "braille"
    # 古籍 is also a cue of holdings: under 藏量 it is a part
    assert figs[("collection.total", 200)].segment == "ancient_books"
    assert figs[("collection.total", 4000)].segment == "audiovisual"
    assert ("visits.in_person", 96500) in figs


def test_a_zero_in_a_form_is_no_figure():
    figs = _figs(PIPE_FORM)
    assert not [k for k in figs if k[1] == 0]


def test_the_attendance_row_under_an_events_row_is_those_events_attendance():
    figs = _figs(PIPE_FORM)
    assert figs[("activities.events", 12)].segment == "exhibitions"
    assert figs[("activities.attendance", 3400)].segment == "exhibitions"
    assert figs[("activities.attendance", 410)].segment == "trainings"


def test_a_bare_attendance_row_with_no_events_row_above_is_not_read_as_attendance():
    text = (
        "某馆统计表\n| 序号 | 项目 | 单位 | 数量 |\n| 1 | 总流通人次 | 人次 | 8,800 |\n| 2 | 参观人次 | 人次 | 700 |\n"
    )
    figs = _figs(text)
    assert ("visits.in_person", 8800) in figs
    assert ("activities.attendance", 700) not in figs


def test_plain_digit_row_numbers_nest_by_their_sequence():
    # the pipeline reads NFKC text, where ① is 1: a 1 after a numbered row opens a list of items
    import unicodedata

    figs = _figs(unicodedata.normalize("NFKC", PIPE_FORM))
    assert figs[("collection.total", 48100)].segment == "books"
    assert figs[("collection.total", 200)].segment == "ancient_books"
    assert figs[("activities.attendance", 3400)].segment == "exhibitions"


def test_row_levels_follow_the_sequence():
    from nianbao.extract.table_figures import _row_levels

    assert _row_levels(["1", "2", "3"]) == ["一、", "一、", "一、"]
    assert _row_levels(["1", "1", "2", "2"]) == ["一、", "1、", "1、", "一、"]
    assert _row_levels(["1", "1", "2", "3", "2"]) == ["一、", "1、", "1、", "1、", "一、"]
    assert _row_levels(["①", "(2)", "一", ""]) == ["1、", "1、", "一、", ""]


# a statistical form printed two rows a line (left and right halves), codes glued to values; the
# codes run on in each half (21, 22, 23 … / 61, 62 …), which tells where a code ends and a value
# starts even when a unit follows the value (图书2234万册 = code 22, 34 万册)
GLUED_FORM = (
    "公共图书馆基本情况年报\n"
    "项     目代码单位指标项     目代码单位指标\n"
    "11\n"
    "一、从业人员 人     1、财政补贴收入61千元2,050\n"
    "二、总藏量21册、件36.2万册    2、其他收入62千元40\n"
    "  1、图书2234万册    十五、本年支出合计63千元2,090\n"
    "    其中:盲文图书23650册   其中:基本支出64千元1,300\n"
    "  2、古籍2412500册十六、购书专项经费65千元210\n"
    "    其中:善本25830册\n"
    "  3、报刊26315\n"
)


def test_a_glued_form_code_is_read_from_the_running_numbering():
    figs = _figs(GLUED_FORM)
    assert figs[("collection.total", 362000)].segment == "all"
    assert figs[("collection.total", 340000)].segment == "books"
    assert figs[("collection.total", 650)].segment == "braille"
    assert figs[("collection.total", 12500)].segment == "ancient_books"
    assert figs[("collection.total", 830)].segment == "rare_books"
    assert figs[("collection.total", 315)].segment == "periodicals"
    # 册 glued to the right-hand row's item number (12500册十六、) is the left value's unit
    assert figs[("spending.total", 2090000)].segment == "all"
    assert figs[("spending.total", 1300000)].segment == "basic"
    assert ("spending.collections", 210000) in figs
    # no value read with its code still on it (36.2 / 2234 / 23650 / 2412500)
    for wrong in (36.2, 2234, 23650, 2412500, 25830, 26315):
        assert not [k for k in figs if k[1] == wrong], wrong


# a spending self-evaluation: the total in the section's first paragraph, its parts under item
# headings below, amounts in yuan with cents, book purchases named after the amount (…元买图书)
SELF_EVALUATION = (
    "某县图书馆2022年部门整体支出绩效自评报告\n"
    "(二)部门绩效目标的设立情况\n绩效目标与部门预算相匹配,加强预算管理,运用预算系统,预算执行良好。\n"
    "(三)部门整体收支情况\n"
    "2022年收入820000.50元,其中:财政拨款收入800000.00元,其他收入20000.50元。\n"
    "1、基本支出\n"
    "基本支出600000.00元,其中工资福利支出550000.00元。\n"
    "2、项目支出\n"
    "(1)免费开放项目支出150000.00元,主要用于办公费支出30000.00元,其他资本性支出25000.00元买图书。\n"
    "(2)2022年阅读推广专项资金项目50000.00元,用于活动开展。\n"
    "(四)部门预算管理制度建设情况\n"
    "另:基本支出12000.00元为上年结转。\n"
)


def test_budget_parts_under_item_headings_count_beside_the_sections_total():
    figs = _figs(SELF_EVALUATION)
    assert ("spending.total", 800000) in figs
    assert figs[("spending.total", 600000)].segment == "basic"
    assert ("spending.total", 150000) in figs
    assert ("spending.total", 50000) in figs
    assert ("spending.staff", 550000) in figs
    # a part in a later section, with no total of its own, stays out
    assert ("spending.total", 12000) not in figs


def test_money_then_buy_books_is_book_money():
    figs = _figs(SELF_EVALUATION)
    assert ("spending.collections", 25000) in figs
    assert ("spending.total", 30000) not in figs


def test_a_self_evaluation_reports_spending_not_a_plan():
    figs = _figs(SELF_EVALUATION)
    assert figs[("spending.total", 800000)].period == "year"


def test_per_site_and_per_area_visits_after_the_whole_are_its_parts():
    text = (
        "某市图书馆国庆假期服务情况\n2022-10-08\n"
        "据统计,国庆假期,某市图书馆共接待到馆读者18000人次,新城总馆11000人次(成人区7000人次,少儿区4000人次),"
        "城市书房5000人次、城北分馆2000人次;外借图书6000册次。\n"
    )
    figs = _figs(text)
    for v in (18000, 11000, 7000, 4000, 5000, 2000):
        assert ("visits.in_person", v) in figs, v
    assert figs[("visits.in_person", 4000)].segment == "minors"
    assert ("circulation.loans", 6000) in figs


def test_a_site_word_alone_after_another_measure_is_no_visit_part():
    # the same unit, but no whole of that unit before it in the sentence
    figs = _figs("某馆2022年工作总结\n2022年外借图书6000册次,城北分馆2000人次。\n")
    assert ("circulation.loans", 6000) in figs
    assert ("visits.in_person", 2000) not in figs


def test_holdings_by_kind_with_title_counts_set_apart_by_semicolons():
    text = (
        "某县图书馆免费开放\n2011-08-20\n"
        "目前这个图书馆可供读者借阅的图书——即馆藏图书8万余册,其中文学类0.5万种4.1万册;报纸类20种1.2万份;"
        "期刊类150种2.1万册;古籍文献特藏类3000余册。\n"
    )
    figs = _figs(text)
    assert figs[("collection.total", 80000)].segment == "all"
    assert ("collection.total", 41000) in figs
    assert figs[("collection.total", 12000)].segment == "newspapers"
    assert figs[("collection.total", 21000)].segment == "periodicals"
    assert figs[("collection.total", 3000)].segment == "ancient_books"
    # the counts of titles are no holdings
    assert not [k for k in figs if k[1] in (5000, 20, 150)]


def test_what_a_library_can_hold_is_still_no_holdings():
    figs = _figs("某县图书馆简介\n新馆可供存放图书30万册,现有藏书12万册。\n")
    assert ("collection.total", 120000) in figs
    assert ("collection.total", 300000) not in figs


def test_cue_words_of_session6():
    text = (
        "某市图书馆2021年工作总结\n"
        "2021年,总馆之使用人次为806,500人次。全年共办理联合读者卡3100个。\n"
        "全年组织开展了系列阅读活动,5200人参与。\n"
    )
    figs = _figs(text)
    assert ("visits.in_person", 806500) in figs
    assert ("users.new_registrations", 3100) in figs
    assert ("activities.attendance", 5200) in figs


def test_persons_then_a_verb_with_an_object_are_no_attendance():
    figs = _figs("某馆2021年工作总结\n2021年接待读者9万人次,300人参与志愿服务工作。\n")
    assert ("visits.in_person", 90000) in figs
    assert ("activities.attendance", 300) not in figs


def test_a_century_is_no_count_and_a_decades_items_are_still_counted():
    figs = _figs("某藏书楼简介\n该馆专门收藏18世纪至1940年代的外文古籍及特藏约3万件,供研究人员使用。\n")
    assert ("collection.total", 30000) in figs
    assert not [k for k in figs if k[1] == 18]


def test_a_decade_as_the_time_of_a_figure_still_blocks():
    figs = _figs("某县图书馆简介\n50年代藏书仅为9万余册。现有藏书20万册。\n")
    assert ("collection.total", 200000) in figs
    assert ("collection.total", 90000) not in figs


def test_audiovisual_items_named_after_their_count_are_holdings():
    figs = _figs("某分馆简介\n现有馆藏图书约为30000册及2500件影音资料,另有报纸40种。\n")
    assert ("collection.total", 30000) in figs
    assert ("collection.total", 2500) in figs
    assert ("collection.total", 40) not in figs


def test_branches_already_set_up_are_the_stock():
    figs = _figs(
        "某市图书馆概况\n2019年,除总馆外,已设立之分馆有:东区、西区、南区、北区5所分馆。全年外借图书30万册次。\n"
    )
    assert ("network.branches", 5) in figs
    assert ("network.branches_added", 5) not in figs


def test_an_unnamed_single_month_is_a_peak_not_the_years_loans():
    figs = _figs("某馆2023年阅读报告\n2023年,全馆图书流通量达120万册次,单月流通量突破15万册次。\n")
    assert ("circulation.loans", 1200000) in figs
    assert ("circulation.loans", 150000) not in figs


def test_a_row_that_lost_its_empty_number_cell_stands_under_its_heads():
    pipe = (
        "某馆2022年统计表\n| 序号 | 项目 | 单位 | 数量 |\n| 1 | 藏量 | 册 | 52,300 |\n"
        "| 其中:少儿文献 | 册 | 10,200 |\n| 2 | 总流通人次 | 人次 | 96,500 |\n"
    )
    tab = "某馆2022年统计表\n序号\t项目\t单位\t数量\n1\t藏量\t册\t52,300\n\t其中:少儿文献\t册\t10,200\n2\t总流通人次\t人次\t96,500\n"
    for text in (pipe, tab):
        figs = _figs(text)
        assert figs[("collection.total", 10200)].segment == "minors"
        assert ("visits.in_person", 96500) in figs


def test_units_in_a_column_a_head_row_or_a_caption_scale_the_values():
    cases = [
        (
            "某馆2022年统计表\n项目\t单位\t数量\n总藏量\t万册\t5.23\n总流通人次\t人次\t96,500\n",
            ("collection.total", 52300),
        ),
        (
            "某馆2022年统计表\n| 指标 | 总藏量 | 总流通人次 |\n| 单位 | 万册 | 万人次 |\n| 2022年 | 5.23 | 9.65 |\n",
            ("visits.in_person", 96500),
        ),
        (
            "某馆2022年经费支出情况表\n单位：万元\n| 项目 | 金额 |\n| 支出合计 | 320.5 |\n| 购书经费 | 60 |\n",
            ("spending.collections", 600000),
        ),
        (
            "某馆2022年统计表\n| 序号 | 项目 | 计量单位 | 2022年 |\n| 1 | 总藏量 | 千册 | 523 |\n| 2 | 总流通人次 | 千人次 | 96.5 |\n",
            ("visits.in_person", 96500),
        ),
    ]
    for text, key in cases:
        assert key in _figs(text), (text, key)


def test_a_pinyin_gloss_inside_a_number_keeps_its_unit_and_qualifier():
    from nianbao.extract.numbers import find_quantities

    (q,) = find_quantities("馆藏图书12万(wàn)余册(cè)", bare=True)
    assert (q.value, q.unit, q.qualifier) == (120000, "册", "at_least")
    figs = _figs("某县图书馆简介\n2019年,该馆馆藏图书12万(wàn)余册(cè),接待读者3.5万(wàn)人次(cì)。\n")
    assert figs[("collection.total", 120000)].qualifier == "at_least"
    assert ("visits.in_person", 35000) in figs


def test_readers_served_person_times_with_a_scaled_number_are_visits():
    figs = _figs("某市图书馆\n2016年,读者服务人次80余万,书刊外借60万册次。\n")
    assert figs[("visits.in_person", 800000)].qualifier == "at_least"
    assert ("circulation.loans", 600000) in figs
    assert ("visits.in_person", 300000) not in _figs("某市图书馆\n2016年,线上读者服务人次30万,书刊外借60万册次。\n")


def test_rows_per_area_and_per_service_point_of_a_holiday_table():
    text = (
        "某市图书馆春节假期服务统计表\n| 区域 | 接待读者(人次) | 外借图书(册次) |\n| 总馆 | 12000 | 4000 |\n"
        "| 成人区 | 8000 | 2500 |\n| 少儿区 | 4000 | 1500 |\n| 城市书房 | 3000 | 900 |\n| 城东分馆 | 1000 | 300 |\n"
        "| 合计 | 16000 | 5200 |\n"
    )
    figs = _figs(text)
    assert figs[("visits.in_person", 16000)].scope == "system"
    assert figs[("visits.in_person", 12000)].scope == "library"
    assert figs[("visits.in_person", 4000)].segment == "minors"
    assert figs[("visits.in_person", 8000)].segment == "adults"
    assert figs[("visits.in_person", 3000)].scope == "service_points"
    assert figs[("visits.in_person", 1000)].scope == "branches"
    assert ("circulation.loans", 900) in figs


def test_row_numbers_in_chinese_brackets_are_items():
    text = (
        "某馆2022年统计表\n| 序号 | 项目 | 单位 | 数量 |\n| 一 | 藏量 | 册 | 52,300 |\n| (一) | 图书 | 册 | 48,000 |\n"
        "| (二) | 报刊 | 件 | 4,300 |\n| 二 | 总流通人次 | 人次 | 96,500 |\n"
    )
    figs = _figs(text)
    assert figs[("collection.total", 48000)].segment == "books"
    assert figs[("collection.total", 4300)].segment == "periodicals"


def test_a_space_aligned_form_with_row_numbers_and_a_unit_column():
    text = (
        "某馆2022年业务统计表\n序号  项目              单位     数量\n1     藏量              册、件   52,300\n"
        "1     图书              册       48,100\n      其中:盲文图书     册       120\n"
        "2     视听文献          件、套   4,000\n2     总流通人次        人次     96,500\n"
    )
    figs = _figs(text)
    assert figs[("collection.total", 52300)].segment == "all"
    assert figs[("collection.total", 48100)].segment == "books"
    assert figs[("collection.total", 120)].segment == "braille"
    assert figs[("collection.total", 4000)].segment == "audiovisual"
    assert ("visits.in_person", 96500) in figs


def test_budget_parts_under_sub_sections_of_the_totals_section():
    text = (
        "某区图书馆2022年部门整体支出绩效自评报告\n"
        "一、部门整体收支情况\n"
        "2022年财政拨款收入500000.00元。\n"
        "(一)基本支出\n"
        "基本支出350000.00元,其中工资福利支出300000.00元。\n"
        "(二)项目支出\n"
        "项目支出150000.00元,用于免费开放。\n"
        "二、部门预算管理\n"
        "基本支出20000.00元为结转资金。\n"
    )
    figs = _figs(text)
    assert figs[("spending.total", 350000)].segment == "basic"
    assert ("spending.total", 150000) in figs
    assert ("spending.total", 20000) not in figs


def test_holdings_parts_by_kind_get_their_own_segment_never_the_wholes():
    text = (
        "某馆概况\n截至2022年底,馆藏文献总量50万册(件),其中古籍1.2万册、善本300册、影音资料2000件、"
        "西文图书5000册、期刊200种3000册。\n"
    )
    figs = _figs(text)
    assert figs[("collection.total", 500000)].segment == "all"
    want = {
        12000: "ancient_books",
        300: "rare_books",
        2000: "audiovisual",
        5000: "foreign_languages",
        3000: "periodicals",
    }
    for v, seg in want.items():
        assert figs[("collection.total", v)].segment == seg, v
    assert ("collection.total", 200) not in figs  # titles


def test_a_round_the_clock_study_rooms_visits_after_the_whole():
    text = (
        "某市图书馆端午假期\n2023-06-25\n端午假期,某市图书馆接待读者1.5万人次,其中少儿馆0.6万人次、"
        "24小时城市书房0.3万人次。\n"
    )
    figs = _figs(text)
    assert ("visits.in_person", 3000) in figs
    assert figs[("visits.in_person", 6000)].segment == "minors"


def test_a_nav_menu_word_is_no_self_evaluation_title():
    from nianbao.extract.lexicon import SPENT_TITLE

    assert SPENT_TITLE.search("某县图书馆2023年部门整体支出绩效自评报告")
    assert not SPENT_TITLE.search("预算公开 | 决算公开 | 绩效评价")


def test_site_parts_in_the_sentence_after_their_whole():
    text = (
        "某市图书馆国庆\n2023-10-08\n国庆假期,某市图书馆累计接待到馆读者18000人次。"
        "总馆12000人次(少儿区4000人次),城东分馆6000人次。\n"
    )
    figs = _figs(text)
    for v in (18000, 12000, 4000, 6000):
        assert ("visits.in_person", v) in figs, v
    # a material in the next sentence is listed beside the whole, not in it
    assert ("collection.total", 30000) not in _figs("某馆2022年工作总结\n2022年馆藏图书50万册。期刊3万册。\n")


def test_a_forms_row_codes_are_rejected_as_codes():
    res = extract_document(GLUED_FORM)
    by_text = {c.text: c for c in res.candidates}
    # the code of a row whose value is missing (一、从业人员 人), and codes glued to their unit
    assert by_text["21册"].reason == "code"
    assert by_text["61千元"].reason == "code"
    assert by_text["2,090"].fate == "figure"


def test_each_numbered_project_is_its_own_part_and_its_books_too():
    text = (
        "某县图书馆2022年部门整体支出绩效自评报告\n"
        "(三)部门整体收支情况\n"
        "2022年财政拨款收入300000.00元。\n"
        "1、基本支出\n基本支出200000.00元。\n"
        "2、项目支出\n"
        "(1)免费开放项目支出60000.00元,主要用于办公费支出10000.00元,其他资本性支出20000.00元买图书。\n"
        "(2)阅读推广专项资金项目30000.00元,其他资本性支出15000.00元买图书。\n"
        "(3)其他就业补助支出10000.00元,用于公益性岗位人员补助。\n"
    )
    figs = _figs(text)
    assert figs[("spending.total", 60000)].segment == "project_1"
    assert figs[("spending.total", 30000)].segment == "project_2"
    assert figs[("spending.total", 10000)].segment == "project_3"
    # the books bought in two projects are two parts, never one figure stated twice
    assert figs[("spending.collections", 20000)].segment == "project_1"
    assert figs[("spending.collections", 15000)].segment == "project_2"
    # an item's later amounts (办公费) are no project
    assert len([f for f in extract_document(text).figures if f.value == 10000]) == 1


def test_audiovisual_items_after_their_count_are_the_audiovisual_part():
    figs = _figs("某分馆简介\n馆藏约有30000册藏书、2500件影音资料。另一分馆藏书约6万册及1800件的视听资料。\n")
    assert figs[("collection.total", 30000)].segment != "audiovisual"
    assert figs[("collection.total", 2500)].segment == "audiovisual"
    assert figs[("collection.total", 1800)].segment == "audiovisual"


def test_site_parts_take_their_own_scope_and_a_breakdown_in_brackets_is_not_the_wholes_segment():
    text = (
        "某市图书馆五一\n2023-05-04\n五一假期,某市图书馆共接待到馆读者9000人次,新城总馆6000人次(成人区4000人次,"
        "少儿区2000人次),城市书房2000人次、城北分馆1000人次。\n"
    )
    figs = _figs(text)
    assert figs[("visits.in_person", 6000)].segment == "all"
    assert figs[("visits.in_person", 4000)].segment == "adults"
    # (two figures of 2000: the children's area and the study room)
    scopes = sorted(f.scope for f in extract_document(text).figures if f.value == 2000)
    assert scopes == ["library", "service_points"]
    assert figs[("visits.in_person", 1000)].scope == "branches"


# ---- batch 12 (issue 8, H48): metrics decided by the unit family and the clause's words


def test_a_count_per_person_or_per_day_written_with_a_slash_is_a_limit_not_a_figure():
    text = (
        "某市图书馆新规\n2021-03-02\n2020年某市图书馆外借图书120万册次。"
        "新规实施后,“将借阅量从目前的10册次/人提升至12册次/人,高峰时段接待300人次/天。”\n"
    )
    figs = _figs(text)
    assert ("circulation.loans", 1200000) in figs
    assert not [k for k in figs if k[1] in (10, 12, 300)]
    # 人/次 is person-times written with a slash, a total
    assert ("visits.in_person", 50000) in _figs("某县图书馆2020年工作总结\n2020年共接待读者5万人/次。\n")


def test_a_peak_dated_by_its_full_date_makes_that_days_count_no_total():
    text = (
        "某市图书馆年报\n2021年,某市图书馆全年接待读者320万人次,日接待量最高峰出现在2021年5月2日,"
        "当天入馆人数达2.6万人次。\n"
    )
    figs = _figs(text)
    assert ("visits.in_person", 3200000) in figs
    assert ("visits.in_person", 26000) not in figs


def test_a_verb_of_having_then_a_material_before_volumes_is_the_holdings():
    figs = _figs("某县图书馆简介\n2022年,某县图书馆位于城区,拥有图书52000册,报刊120种。\n")
    assert ("collection.total", 52000) in figs
    figs = _figs("某省图书馆简介\n2022年,某省图书馆藏有文献资源300多万册、件,其中纸质图书90万多册。\n")
    assert figs[("collection.total", 3000000)].segment == "all"
    assert figs[("collection.total", 900000)].segment == "books"
    # a library counted is no material (拥有图书馆12个)
    assert not [k for k in _figs("某县简介\n2022年,全县拥有图书馆12个,藏书30万册。\n") if k[1] == 12]


def test_study_rooms_book_nests_and_book_drift_sites_counted_are_service_points():
    text = (
        "某区阅读网络\n2022年,某区共设有10个图书分馆、60个阅读服务点、20个滨河图书漂流基地和30个滨河书斋。"
        "城区还有8处24小时自助图书馆及40处共享书巢。\n"
    )
    figs = _figs(text)
    assert ("network.branches", 10) in figs
    for n in (60, 20, 30, 8, 40):
        assert ("network.service_points", n) in figs, n


def test_card_holders_named_as_persons_are_the_registered_readers():
    figs = _figs("某县图书馆简介\n2022年,该县图书馆有效持卡者6200人,全年接待读者5万人次。\n")
    assert ("users.registered_total", 6200) in figs


def test_persons_coming_to_the_library_to_borrow_are_its_visits():
    text = (
        "某州图书馆暑期\n2021-08-10\n暑期以来,图书馆进馆借阅人数达3000余人次,借阅图书近8000册次。"
        "开馆首日就有1200多人次前往图书馆借阅图书。\n"
    )
    figs = _figs(text)
    assert ("visits.in_person", 3000) in figs
    assert ("circulation.borrowers", 3000) not in figs
    assert ("visits.in_person", 1200) in figs


def test_a_material_read_in_the_library_counted_in_item_times_is_in_library_use():
    figs = _figs("某县图书馆2022年工作总结\n2022年,有效借阅21000人次,图书流通15万册次,期刊阅览4000多册次。\n")
    assert ("circulation.loans", 150000) in figs
    assert ("circulation.in_library_use", 4000) in figs
    assert ("circulation.loans", 4000) not in figs


def test_a_named_delivery_service_is_no_gift_its_loans_are_the_librarys():
    text = "某市图书馆2020年年报\n2020年,某市图书馆外借文献900万册次。“送书上门”外借文献达2.1万册次,惠及读者。\n"
    figs = _figs(text)
    assert figs[("circulation.loans", 21000)].segment == "delivery"
    # books given away are still no loans (向农家书屋送书3000册)
    assert not [k for k in _figs("某县图书馆年报\n2020年,向学校赠送图书3000册。\n") if k[1] == 3000]


def test_books_bought_named_after_their_count_are_the_additions():
    figs = _figs("某州图书馆暑期\n2021年暑期,图书馆购进了1500余册新书,新增3000册图书。\n")
    assert ("collection.added", 1500) in figs
    assert ("collection.added", 3000) in figs
    assert ("collection.total", 1500) not in figs


def test_facilities_all_built_are_the_stock_not_the_years_flow():
    figs = _figs("某县图书馆简介\n2022年,全县城区6个城市书房全部建成运营,并免费开放。\n")
    assert ("network.service_points", 6) in figs
    assert ("network.service_points_added", 6) not in figs
    # (built this year: a flow)
    assert ("network.service_points_added", 3) in _figs("某县图书馆年报\n2022年,3个城市书房建成开放。\n")


def test_persons_glued_to_kou_are_a_population():
    figs = _figs("某市图书馆新馆\n2007年,作为一座拥有300多万人口的城市,某市图书馆藏书仅30万册。\n")
    assert ("population.served", 3000000) in figs
    # (a class bound of places is no population)
    assert not [k for k in _figs("某省评估\n2007年,在50万人口以上的城市中,某市图书馆排名第三。\n") if k[1] == 500000]


def test_holdings_listed_with_seats_and_a_daily_capacity_are_a_buildings_design():
    text = (
        "某省图书馆新馆\n2015年新馆建筑面积5万平方米,藏书规模为300万册、阅览座位2000个、日均接待读者能力5000人次。"
        "2015年馆藏120万册。\n"
    )
    figs = _figs(text)
    assert ("collection.total", 3000000) not in figs
    assert ("collection.total", 1200000) in figs
    # (the holdings of a profile listed with its seats stay)
    assert ("collection.total", 500000) in _figs("某县图书馆简介\n2022年,现有藏书50万册、阅览座位800个。\n")


def test_a_count_at_a_time_of_the_day_is_no_total():
    text = (
        "某市图书馆春节\n2019-02-06\n春节期间,某市图书馆共接待读者3万人次。上午10点多,市图书馆的借阅人数就达到300多人次。"
        "开放时间为上午9点至下午5点,全年接待读者80万人次。\n"
    )
    figs = _figs(text)
    assert ("visits.in_person", 30000) in figs
    assert not [k for k in figs if k[1] == 300]
    assert ("visits.in_person", 800000) in figs


def test_visitors_as_the_object_of_the_librarys_clause_do_not_make_its_figures_anothers():
    text = (
        "某镇图书馆\n2024-05-14\n由于地处景区,某镇图书馆也成为不少游客的打卡地,2023年到馆读者60余万人次。"
        "2023年,某景区接待游客300万人次。\n"
    )
    figs = _figs(text)
    assert ("visits.in_person", 600000) in figs
    assert ("visits.in_person", 3000000) not in figs


def test_a_library_listed_with_its_own_count_does_not_make_the_next_counts_a_mixed_total():
    text = "某市公共图书馆系统简介\n2022年,该系统辖下包括1所中心图书馆、40所分馆、6所流动图书馆。\n"
    figs = _figs(text)
    assert ("network.branches", 40) in figs
    assert ("network.service_points", 6) in figs
    # (libraries and points named first, then one count of them all: no figure)
    figs = _figs("某市图书馆年报\n2022年,全市公共图书馆(分馆)、服务点、自助图书馆共500个。\n")
    assert not [k for k in figs if k[1] == 500]


def test_one_librarys_holdings_told_in_passing_are_no_threshold():
    text = "某市图书馆暑期\n2017年暑期,纸质馆藏近6万册的市少儿图书馆更是迎来借阅高峰。\n"
    assert ("collection.total", 60000) in _figs(text)
    # (a class of libraries by a bound, counted: a threshold)
    figs = _figs("某省图书馆事业\n2017年,全省藏书超10万册的图书馆达22家,藏书5万册以上的图书馆有40家。\n")
    assert not [k for k in figs if k[1] in (100000, 50000)]


def test_outlets_set_up_at_a_list_of_hosts_are_the_networks_stock():
    text = "某区图书馆简介\n2022年,该馆在福利院、残联、部队、学校、社区等单位设立了60个馆外服务点。\n"
    figs = _figs(text)
    assert ("network.service_points", 60) in figs
    assert ("network.service_points_added", 60) not in figs
    # (new ones set up there this year: a flow)
    text = "某区图书馆年报\n2022年,该馆在学校、社区、医院等单位新设8个服务点。\n"
    assert ("network.service_points_added", 8) in _figs(text)


def test_libraries_of_places_named_as_branches_later_in_the_clause_are_branches():
    text = "某县图书馆\n2022年,某县形成了以县图书馆为总馆,全县18个乡镇(街道)图书馆、城市书房为分馆的总分馆服务体系。\n"
    assert ("network.branches", 18) in _figs(text)
    # (libraries counted with no such naming are no figure)
    assert not [k for k in _figs("某县概况\n2022年,全县有18个乡镇图书馆。\n") if k[1] == 18]
