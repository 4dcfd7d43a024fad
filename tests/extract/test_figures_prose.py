"""Figures in running text: invented snippets in the style of real reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.cases import load_cases
from tests.support.figures import check_figures, figs, one, run, tuples, with_fields

Y = "2020年某某县图书馆工作总结\n"


def _fields(text: str, *names: str) -> list[tuple]:
    """The named fields of every figure of `Y + text`, one tuple a figure, sorted."""
    _, r = run(Y + text)
    return sorted(tuple(getattr(f, n) for n in names) for f in r.figures)


@pytest.mark.parametrize(
    "sentence, metric, value",
    [
        ("全年接待读者28.5万人次。", "visits.in_person", 285000),
        ("全年进馆人次达１２００００人次。", "visits.in_person", 120000),  # full-width, NFKC
        ("数字资源访问量达56万次。", "visits.online", 560000),
        ("数字阅读点击量34.6万人次。", "visits.online", 346000),
        ("外借图书15.3万册次。", "circulation.loans", 153000),
        ("全年借阅人次为4.9万人次。", "circulation.borrowers", 49000),
        ("普通还书量为187,654册次。", "circulation.returns", 187654),
        ("续借图书912册次。", "circulation.renewals", 912),
        ("阅览册次8.3万册。", "circulation.in_library_use", 83000),
        ("新办读者证3200个。", "users.new_registrations", 3200),
        ("新增办理读者证6698份。", "users.new_registrations", 6698),
        ("持证读者累计达2.1万人。", "users.registered_total", 21000),
        ("活跃读者约1.5万人。", "users.active", 15000),
        ("服务人口数量为1354275人。", "population.served", 1354275),
        ("馆藏总量达35.6万册。", "collection.total", 356000),
        ("全年新增图书1.2万册。", "collection.added", 12000),
        ("全年共举办各类读者活动156场次。", "activities.events", 156),
        ("举办讲座三十余场。", "activities.events", 30),
        ("共有12369人次参与各类活动。", "activities.attendance", 12369),
        ("全年财政拨款总额为350万元。", "spending.total", 3500000),
        ("人员经费210.5万元。", "spending.staff", 2105000),
        ("公用经费22.24万元。", "spending.operations", 222400),
        ("购书经费700000元。", "spending.collections", 700000),
        ("数字化建设经费3千元。", "spending.digital", 3000),
        ("古籍修复5万元。", "spending.preservation", 50000),
        ("目前全县共有分馆18个。", "network.branches", 18),
        ("全县共建成图书流通点126个。", "network.service_points", 126),
        ("全年新建分馆五个。", "network.branches_added", 5),
        ("今年新增城市书房3家。", "network.service_points_added", 3),
        # Chinese and mixed numerals in context
        ("举办讲座二十场。", "activities.events", 20),
        ("接待读者十二万人次。", "visits.in_person", 120000),
        ("新增分馆两个。", "network.branches_added", 2),
        ("全县共有服务点一百二十个。", "network.service_points", 120),
        ("外借图书三万余册次。", "circulation.loans", 30000),
        ("办证一千二百张。", "users.new_registrations", 1200),
        ("外借图书2万5千册。", "circulation.loans", 25000),
        ("接待读者3万5000人次。", "visits.in_person", 35000),
        ("累计发放读者证3.2万张。", "users.registered_total", 32000),
        ("图书采购经费45万元。", "spending.collections", 450000),
        ("读者流通5.8万人次。", "visits.in_person", 58000),
    ],
)
def test_one_figure_per_pattern(sentence, metric, value):
    assert figs(Y + sentence) == [(metric, value, 2020)]


def test_label_value_lines_and_bare_numbers():
    t = Y + "区图书馆进馆人次：52000 人，阅览册次：71230 册，外借人次：38600，外借册次 61234，办证数：702 张。"
    assert sorted(figs(t)) == sorted(
        [
            ("visits.in_person", 52000, 2020),
            ("circulation.in_library_use", 71230, 2020),
            ("circulation.borrowers", 38600, 2020),
            ("circulation.loans", 61234, 2020),
            ("users.new_registrations", 702, 2020),
        ]
    )


@pytest.mark.parametrize(
    "text, qual, value, high",
    [
        ("接待读者21.2万余人次。", "at_least", 212000, None),
        ("开展活动30多场。", "at_least", 30, None),
        ("借阅量超5200册次。", "at_least", 5200, None),
        ("接待读者逾10万人次。", "at_least", 100000, None),
        ("接待读者突破10万人次。", "at_least", 100000, None),
        ("接待读者10万人次以上。", "at_least", 100000, None),
        ("活动参与人数约850人次。", "approx", 850, None),
        ("活动参与人数850人次左右。", "approx", 850, None),
        ("接待读者近10万人次。", "at_most", 100000, None),
        ("接待读者不足10万人次。", "at_most", 100000, None),
        ("计划新建2至3个城市书房。", "range", 2, 3),
        ("计划新建2-3家分馆。", "range", 2, 3),
    ],
)
def test_qualifiers_and_ranges(text, qual, value, high):
    _, r = run(Y + text)
    assert len(r.figures) == 1
    f = r.figures[0]
    assert (f.qualifier, f.value, f.value_high) == (qual, value, high)


def test_span_points_at_number_and_unit():
    t, f = one(Y + "全年接待读者21.2万余人次，外借图书15.3万册次。", "visits.in_person")
    assert t[f.char_start : f.char_end] == "21.2万余人次"
    assert f.unit_raw == "万人次"
    assert "接待读者" in f.evidence


def test_fraction_kept():
    _, f = one(Y + "读者活动总人次为9876.5人。", "activities.attendance")
    assert f.value == 9876.5


# sentences of a report that state no figure (after the title line Y)
NOT_FIGURES = [
    "共入户调查332户，跟踪监测重点人员3人，捐赠84消毒液55箱。",
    "采用相关宣传稿件125篇，用稿120多篇。",
    "发布微信56次，报送舆情信息12期。",
    "联系电话：0513-87654321，邮编226500。",
    "为8户医护人员子女赠送图书100余册。",
    "为41家机关单位订购新书2067册。",
    "每年开展送书上门活动不少于6次。",
    "12月27日上午，我馆在多功能厅举行少儿故事会一场。",
    "第25个世界读书日，打卡21天。",
    "我馆同志积极参加线上、线下各种业务培训12次，累计144人次。",
    "完成23万册图书录入、上架工作。",
    "数字资源新增2TB。",
    "退役军人阅读书屋面积130平方米。",
    # more wordings that name no figure
    "开展主题党日活动12次。",
    "组织党员志愿服务活动20场。",
    "接待读者咨询3000人次。",
    "推动分馆服务走进千家万户。",
    "每月开展至少1次少儿阅读实践活动。",
    # from real reports
    "评选出星级农家书屋71家。",
    "完成向全区87家农家书屋配书工作，共配送图书2871册。",
    "为15个流通点轮换图书3000册。",
    "开展消防演练活动2次。",
    "今日访问量:33 总访问量:133,161",
    # rates and individual records
    "月均10万多人次入馆。",
    "平均每月有10228人次进入图书馆。",
    "图书借阅冠军全年借书327册。",
    "借阅第一名的读者是一位老年读者,全年借阅图书986册。",
    "每5名到馆读者中就有1名会选择图书外借。",
]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_not_figures(text):
    assert figs(Y + text) == []


DATED_FIGURES = load_cases(Path(__file__).parent / "fixtures" / "cases" / "figures_prose.yaml", "text", "figures")


@pytest.mark.parametrize("text, expected", DATED_FIGURES)
def test_figures_with_their_years(text, expected):
    assert sorted(figs(Y + text)) == tuples(expected)


def test_years_from_text_and_relative_words():
    t = Y + ("在去年已建成6家城市书房的基础上，今年新建成2家。2017年来，共开展活动40余场。明年计划新建分馆3家。")
    got = sorted(figs(t))
    assert ("network.service_points", 6, 2019) in got
    assert ("activities.events", 40, 2017) in got
    assert ("network.branches_added", 3, 2021) in got


def test_periods():
    t = Y + "截止目前，共开展活动70余场。上半年接待读者8万人次。截止2020年底，共设分馆38家。力争明年接待读者30万人次。"
    _, r = run(t)
    per = {f.metric: (f.period, f.year) for f in r.figures}
    assert per["activities.events"] == ("partial", 2020)
    assert per["network.branches"] == ("year", 2020)
    vis = sorted((f.value, f.period, f.year) for f in r.figures if f.metric == "visits.in_person")
    assert vis == [(80000, "partial", 2020), (300000, "plan", 2021)]


def test_plan_section_heading_sets_year_and_period():
    t = Y + "全年接待读者20万人次。\n二、2021年工作计划\n接待读者30万人次，新建分馆2家。"
    _, r = run(t)
    check_figures(
        with_fields(r.figures, "year period"),
        "network.branches_added=2:2021:plan visits.in_person=200000:2020:year visits.in_person=300000:2021:plan",
    )


def test_scopes_library_branches_system_service_points():
    t = Y + (
        "2020年本馆文献外借量为13.99万册次；直属分馆外借量为22.13万册次；馆外服务点文献借阅量为1.05万册次；"
        "全馆总分馆体系内文献总量达228.03万册。"
    )
    _, r = run(t)
    sc = sorted((f.metric, f.scope) for f in r.figures)
    assert sc == [
        ("circulation.loans", "branches"),
        ("circulation.loans", "library"),
        ("circulation.loans", "service_points"),
        ("collection.total", "system"),
    ]


def test_region_aggregate_vs_own_library():
    t = Y + "2020年，全省公共图书馆共接待读者3500万人次。本馆全年接待读者120万人次。"
    _, r = run(t)
    got = sorted((f.value, f.scope, f.library_name) for f in r.figures)
    assert got[0][:2] == (1200000, "library") and got[0][2] is None
    assert got[1][:2] == (35000000, "region") and got[1][2].startswith("全省")


def test_sentence_about_another_library():
    _, f = one(Y + "兴平市图书馆全年接待读者5万人次。", "visits.in_person")
    assert f.library_name == "兴平市图书馆"


def test_network_flows_and_stocks():
    t = Y + (
        "今年以来，我馆共新增甲银行、乙社区3家分馆，以及丙驿站2处流动服务点。"
        "截止2020年底，我馆在全市共设分馆42家，馆外图书流动服务点17处。"
    )
    got = sorted((m, v) for m, v, _ in figs(t))
    check_figures(
        got, "network.branches=42 network.branches_added=3 network.service_points=17 network.service_points_added=2"
    )


def test_elliptic_part_inherits_metric():
    got = _fields("办理新证3120张，免押35张，分馆4870张。", "metric", "value", "scope")
    assert got == [("users.new_registrations", 3120, "library"), ("users.new_registrations", 4870, "branches")]


def test_segments():
    t = (
        "全年共举办各类读者活动72次，其中参与联盟活动5次，自主活动67次。"
        "共开展线上活动17场。少儿活动参与人数约920人次。期刊外借量为7.06万册次。"
    )
    assert _fields(t, "value", "segment") == [
        (5, "alliance"),
        (17, "online"),
        (67, "self_organized"),
        (72, "all"),
        (920, "minors"),
        (70600, "periodicals"),
    ]


def test_groups_total_and_parts():
    t = Y + "本年支出总计612.4万元，其中：人员经费401.3万元，公用经费35.6万元。"
    _, r = run(t)
    roles = {f.metric: (f.group_role, f.group_complete) for f in r.figures}
    assert roles["spending.total"] == ("total", False)
    assert roles["spending.staff"] == ("part", False)
    assert len({f.group_id for f in r.figures}) == 1


def test_stated_ratio_is_kind_ratio():
    t = Y + "年每万人参加读者活动人次为65.21人。人均藏书0.8册。"
    _, r = run(t)
    assert [f for f in r.figures if f.kind == "figure"] == []
    rat = {f.value: f for f in r.figures}
    assert rat[65.21].ratio_scale == 10000 and rat[65.21].ratio_numerator == "activities.attendance"
    assert rat[0.8].ratio_scale == 1


def test_excerpt_cut_mid_sentence():
    # an excerpt that starts and ends in the middle of sentences
    t = "万人次，外借图书3万册次，办证\n业务辅导共计 60 多人次。开展“总分馆业务培训”系列活动 20 多场次"
    got = sorted((m, v) for m, v, _ in figs(t))
    assert ("circulation.loans", 30000) in got
    assert ("activities.events", 20) in got


def test_part_clause_with_segment():
    assert _fields("全年接待读者25万人次，其中少儿读者8万人次。", "value", "segment") == [
        (80000, "minors"),
        (250000, "all"),
    ]


def test_more_real_world_wordings():
    t = Y + (
        "一年来共接待读者一万人次，阅览图书16800册次。年购入图书近6000余册。2020年度事业经费达100多万元。"
        "书刊借阅8.8万余册次，注册借阅读者总数达3.2万人。新书采购2600余册。"
    )
    check_figures(
        sorted((m, v) for m, v, _ in figs(t)),
        "circulation.in_library_use=16800 circulation.loans=88000 collection.added=2600 collection.added=6000 "
        "spending.total=1000000 users.registered_total=32000 visits.in_person=10000",
    )


def test_region_sentence_carries_to_later_clauses():
    got = _fields(
        "2020年全省公共图书馆共206家，纸质文献总藏量达4456.2万册，2020年新增268.6万册。", "metric", "value", "scope"
    )
    assert got == [("collection.added", 2686000, "region"), ("collection.total", 44562000, "region")]


def test_month_is_partial_and_full_range_is_year():
    _, r = run(Y + "1-10月接待读者8万人次。1-12月外借图书5万册次。")
    per = {f.metric: f.period for f in r.figures}
    assert per == {"visits.in_person": "partial", "circulation.loans": "year"}


def test_sum_of_parts_makes_a_system_total():
    t = Y + (
        "2020年本馆文献外借量为10万册次；2020年直属分馆外借量为20万册次；"
        "2020年馆外服务点文献借阅量为1万册次；2020文献年外借量为31万册次。"
    )
    _, r = run(t)
    tot = [f for f in r.figures if f.value == 310000][0]
    assert (tot.scope, tot.group_role, tot.group_complete) == ("system", "total", True)
    assert sum(1 for f in r.figures if f.group_id == tot.group_id and f.group_role == "part") == 3


def test_mislabelled_plan_section_is_a_half_year_summary():
    t = (
        Y + "全年接待读者20万人次。\n\n6.下一年度（2021年）工作计划\n现将2021年上半年工作简要总结如下：\n"
        "今年随着疫情缓和，每月开展少儿阅读实践活动，共开展9场，参与380余人次。"
    )
    _, r = run(t)
    got = sorted((f.metric, f.value, f.year, f.period, f.segment) for f in r.figures)
    assert ("activities.events", 9, 2021, "partial", "minors") in got
    assert ("activities.attendance", 380, 2021, "partial", "minors") in got


def test_period_carried_from_paragraph_opening():
    _, r = run(Y + "截止目前，我馆共开展活动70余场。馆藏图书新增1.3万余册次，图书借阅18.2万余册次。")
    assert {f.period for f in r.figures} == {"partial"}


@pytest.mark.parametrize(
    "text, metric, value, unit",
    [
        ("入藏古籍善本等文献1200件。", "collection.added", 1200, "件"),
        ("截至年底共建成流通点12处。", "network.service_points", 12, "处"),
        ("新增办理读者证500份。", "users.new_registrations", 500, "份"),
        ("全年财政拨款总额1.2亿元。", "spending.total", 120000000, "亿元"),
        ("购书经费350千元。", "spending.collections", 350000, "千元"),
        ("续借图书2000次。", "circulation.renewals", 2000, "次"),
    ],
)
def test_more_units(text, metric, value, unit):
    t, f = one(Y + text, metric)
    assert (f.value, f.unit_raw) == (value, unit)


def test_facility_count_of_another_noun_is_not_a_network_figure():
    assert figs(Y + "分馆覆盖全县12个乡镇。") == []
    assert figs(Y + "全县分馆数量达到20个。") == [("network.branches", 20, 2020)]


def test_enumeration_ending_in_deng_is_an_incomplete_list_of_parts():
    _, r = run(Y + "举办少儿活动40场、讲座12场、展览8场等。")
    assert len(r.figures) == 3
    assert {(f.group_role, f.group_complete) for f in r.figures} == {("part", False)}
    assert len({f.group_id for f in r.figures}) == 1


def test_bare_label_value_ratio_is_a_ratio():
    _, r = run(Y + "人均藏书:0.8\n")
    assert [(f.kind, f.value) for f in r.figures] == [("ratio", 0.8)]
