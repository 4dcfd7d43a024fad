"""Running text as real web copies of reports write it: one test per general rule,
each on an INVENTED snippet (no sentence is copied from the development documents)."""

import unicodedata
from pathlib import Path

import pytest

from nianbao.extract import extract_document
from nianbao.extract.normalize import compact, for_matching
from nianbao.extract.numbers import find_quantities
from tests.support.cases import load_cases
from tests.support.figures import check_figures, tuples


def _doc(text: str):
    return extract_document(unicodedata.normalize("NFKC", text))


def _figs(text: str):
    return sorted((f.metric, f.value) for f in _doc(text).figures if f.kind == "figure")


def _all_segments(text: str):
    """(metric, value, segment) of every figure of `text`, of every kind, sorted."""
    return sorted((f.metric, f.value, f.segment) for f in _doc(text).figures)


def _segs(text: str):
    """(metric, value, segment) of the figures of kind `figure` of `text`, sorted."""
    return sorted((f.metric, f.value, f.segment) for f in _doc(text).figures if f.kind == "figure")


# ------------------------------------------------------------------ normalisation


def test_pinyin_fragments_are_read_through_and_spans_stay_in_the_text():
    t = unicodedata.normalize(
        "NFKC", "截至目前,館(guan)內藏(zang)書量達(da)8萬冊(ce),接(jie)待(dai)讀(du)者(zhe)3萬人次。"
    )
    r = extract_document(t)
    got = sorted((f.metric, f.value) for f in r.figures)
    assert got == [("collection.total", 80000), ("visits.in_person", 30000)]
    for f in r.figures:
        assert t[f.char_start : f.char_end].startswith(("8萬冊", "3萬人次"))
        assert "(" in f.evidence  # evidence as written


FIGURE_CASES = load_cases(Path(__file__).parent / "fixtures" / "cases" / "real_text_prose.yaml", "text", "figures")


@pytest.mark.parametrize("text, expected", FIGURE_CASES)
def test_figures_of_a_text(text, expected):
    assert _figs(text) == tuples(expected)


def test_compaction_keeps_an_index_back_into_the_original():
    t = "圖(tu)書館(guan)藏書,,共5萬冊"
    c = compact(for_matching(t))
    assert c.text == "图书馆藏书,共5万册"
    i = c.text.index("5")
    assert t[c.orig(i)] == "5" and c.orig_end(len(c.text)) == len(t)
    assert compact("没有拼音的文本。") is None


# ------------------------------------------------------------------ numbers


def test_po_yi_is_at_least_a_hundred_million():
    q = find_quantities("全省总流通破亿人次")[0]
    assert (q.value, q.qualifier, q.unit) == (100_000_000, "at_least", "人次")


def test_listed_number_takes_the_unit_of_the_next():
    qs = find_quantities("两馆藏书分别为310万、295万册", bare=True)
    assert [(q.value, q.unit) for q in qs] == [(3_100_000, "册"), (2_950_000, "册")]


def test_unit_with_bracketed_alternative():
    q = find_quantities("浏览量为320.5万篇(册)次")[0]
    assert (q.value, q.unit) == (3_205_000, "篇次")


# ------------------------------------------------------------------ cues


def test_spending_items_for_periodicals_and_it():
    got = _figs("本年财政拨款收入512万元,其中期刊订购费8.2万元,信息化硬件采购经费15万元,软件采购经费6万元。")
    assert ("spending.collections", 82000) in got
    assert ("spending.digital", 150000) in got and ("spending.digital", 60000) in got


# ------------------------------------------------------------------ clauses that lean on the one before


def test_parts_never_exceed_their_whole():
    got = _figs("全年举办读者活动80场,其中线上活动30场,亲子活动50场,发布推文60场。")
    assert ("activities.events", 60) not in got and ("activities.events", 80) in got


# ------------------------------------------------------------------ facilities


def test_flow_after_a_coverage_clause():
    got = _doc("在实现乡镇分馆全覆盖基础上,2023年建成非遗主题分馆和红色主题分馆2个。").figures
    assert [(f.metric, f.value) for f in got] == [("network.branches_added", 2)]


def test_stock_date_does_not_reach_across_an_unpunctuated_run():
    t = (
        "数据一览 截至目前 全县总藏书量60.2万册 2023年总流通人次12.1万人次 全年外借图书8.5万册次 "
        "新建3个城市书房 新增5个图书流通点"
    )
    got = sorted((f.metric, f.value) for f in _doc(t).figures)
    assert ("network.service_points_added", 3) in got and ("network.service_points_added", 5) in got


# ------------------------------------------------------------------ more wordings


def test_bare_scale_after_a_qualifier():
    q = find_quantities("普通文献馆藏已超千万册")[0]
    assert (q.value, q.qualifier, q.unit) == (10_000_000, "at_least", "册")
    assert find_quantities("走进千家万户", bare=True) == []


def test_parts_in_copies_of_a_holdings_total():
    got = _figs("总藏量85万余册(件),其中图书60万册,报刊12万份。")
    assert ("collection.total", 120000) in got


def test_items_counted_as_xiang():
    assert _figs("全馆共有书籍 85 万册和多媒体资料 12 万项。全年共外借资料 310 万项。")[0] == (
        "circulation.loans",
        3_100_000,
    )
    assert _figs("全年完成重点工作12项。") == []


def test_bare_value_continues_a_bare_figure_for_another_year():
    got = sorted((f.metric, f.value, f.year) for f in _doc("2022年本馆进馆人次为36万,2021年为29万。").figures)
    assert got == [("visits.in_person", 290000, 2021), ("visits.in_person", 360000, 2022)]


def test_attendance_summed_over_listed_event_kinds_is_the_whole():
    fs = _doc("举办公益讲座30场,展览12场,培训班9期,共吸引1.6万人次参加。").figures
    att = [f for f in fs if f.metric == "activities.attendance"]
    assert [(f.value, f.segment) for f in att] == [(16000, "all")]


def test_readers_as_unit_only_when_glued_to_the_number():
    assert [q.unit for q in find_quantities("2019\t读者活动", bare=True)] == [None]


# ------------------------------------------------------------------ unseen real text (batch-level rules, X6)


def _one(text: str, metric: str):
    return [(f.value, f.period, f.segment) for f in _doc(text).figures if f.kind == "figure" and f.metric == metric]


def test_partners_listed_with_deng_are_not_the_subject():
    got = _figs("联合机关、学校、医院和旅游景区等建成基层阅读空间120个。")
    assert [v for m, v in got if m.startswith("network.service_points")] == [120]


def test_a_construction_target_with_bu_shao_yu_is_a_plan():
    assert _one("年内完成不少于10个“城市书房”建设。", "network.service_points_added") == [(10, "plan", "all")]
    assert _figs("每年开展活动不少于6次。") == []


def test_year_to_date_and_forecast_clauses_continue_the_measure():
    t = "图书借阅量去年为50万册,今年截至10月底就有45万册,预估全年将达60万册。"
    loans = sorted(_one(t, "circulation.loans"))
    assert [v for v, _, _ in loans] == [450000, 500000, 600000]
    assert dict((v, p) for v, p, _ in loans)[600000] == "plan"


def test_a_numbered_list_after_qizhong_lists_parts():
    t = "全馆总藏书量近80万册,其中:\n1、纸质文献(60余万册);中文图书40万册、外文图书5万册、电子图书30万册。"
    assert sorted(v for m, v in _figs(t) if m == "collection.total") == [50000, 400000, 600000, 800000]


def test_a_part_may_carry_a_note_in_brackets_and_a_title_count():
    t = "共有藏书50万余册,其中中文图书30万册,民文图书(维、哈等文字)1万种6万余册。"
    assert sorted(v for m, v in _figs(t) if m == "collection.total") == [60000, 300000, 500000]


def test_open_shelf_and_current_holdings():
    assert [(v, s) for v, _, s in _one("实行开架管理,开架文献数量达20万册。", "collection.total")] == [
        (200000, "open_shelf")
    ]
    assert _figs("馆内现有纸质文献资源 12万册。") == [("collection.total", 120000)]


def test_one_statement_about_two_places_is_one_figure_for_each():
    fs = [f for f in _doc("此外,东阳和西林两市公共图书馆的馆藏也在500万册以上。").figures if f.kind == "figure"]
    assert [(f.metric, f.value) for f in fs] == [("collection.total", 5_000_000)] * 2
    assert len({f.library_name for f in fs}) == 2


def test_a_headline_round_figure_without_unit():
    assert _one("全年外借图书破千万,创历史新高。", "circulation.loans") == [(10_000_000, "year", "all")]
    assert _figs("获奖作品破千万。") == []


def test_a_budget_disclosures_money_is_a_plan():
    t = "2023年县图书馆部门预算公开说明\n\n一、收支预算\n2023年财政拨款收入120.5万元,其中基本支出100万元。"
    got = sorted((f.metric, f.value, f.period) for f in _doc(t).figures if f.kind == "figure")
    assert ("spending.total", 1_205_000, "plan") in got
    assert all(p == "plan" for m, _, p in got if m.startswith("spending"))
    t2 = "2023年县图书馆部门决算公开说明\n\n2023年财政拨款收入120.5万元。"
    assert [(f.metric, f.period) for f in _doc(t2).figures] == [("spending.total", "year")]


def test_a_budgets_appropriation_and_expenditure_total():
    t = (
        "2024年县图书馆预算情况说明\n\n(一)收入预算:2024年年初预算数300万元,其中:一般公共预算拨款300万元。\n\n"
        "(二)支出预算:2024年年初预算数300万元,其中:一般公共支出250万元。"
    )
    got = [(f.metric, f.value, f.period) for f in _doc(t).figures if f.kind == "figure"]
    assert got == [("spending.total", 3_000_000, "plan")] * 2


def test_rooms_to_be_built_by_a_year_end_are_the_stock_aimed_at():
    t = "据悉,2026年底,全市将建成标准化春风书房70家。"
    assert [(f.metric, f.value, f.period) for f in _doc(t).figures] == [("network.service_points", 70, "plan")]
    assert _figs("计划明年新建春风书房5家。") == [("network.service_points_added", 5)]


def test_two_levels_with_their_years():
    got = sorted((f.metric, f.value, f.year) for f in _doc("馆藏图书由2020年的30万册增加到2023年的42万册。").figures)
    assert got == [("collection.total", 300000, 2020), ("collection.total", 420000, 2023)]


def test_a_target_with_the_minimum_after_the_noun():
    got = [(f.metric, f.value, f.qualifier, f.period) for f in _doc("到2025年,力争新增城市书房不少于10家。").figures]
    assert got == [("network.service_points_added", 10, "at_least", "plan")]


def test_offline_events_are_a_segment():
    got = _one("全年共举办各类活动120场,其中线上活动30场,线下活动90场。", "activities.events")
    assert sorted(s for _, _, s in got) == ["all", "offline", "online"]


def test_approx_before_a_linking_verb():
    got = [(f.metric, f.value, f.qualifier) for f in _doc("去年到馆读者约为25万人次。").figures]
    assert got == [("visits.in_person", 250000, "approx")]


def test_people_named_before_a_round_figure_are_its_unit():
    got = _figs("全年推出5大系列102场活动,直接普惠读者超百万,影响广泛。")
    assert ("activities.attendance", 1_000_000) in got


def test_network_figures_still_read_the_in_ils_segment():
    fs = [f for f in _doc("将12家农家书屋纳入通借通还。").figures if f.metric.startswith("network")]
    assert [f.segment for f in fs] == ["in_ils"]


def test_seasons_holidays_and_short_spans_since_opening_are_partial():
    for t in ("暑期共接待读者12万人次。", "春节期间举办阅读活动20场。", "新馆开放一周以来接待读者5万人次。"):
        assert [f.period for f in _doc(t).figures] == ["partial"], t
    assert [f.period for f in _doc("全年接待读者12万人次。").figures] == ["year"]


def test_parts_of_the_holdings_named_by_their_material_are_segments():
    got = {
        v: s for v, _, s in _one("馆藏文献56万册,其中古籍1.2万册,地方文献8000余册,视听文献3000件。", "collection.total")
    }
    assert got == {560000: "all", 12000: "ancient_books", 8000: "local_documents", 3000: "audiovisual"}
    assert [f.segment for f in _doc("开展古籍修复体验活动10场。").figures] == ["all"]


def test_budget_parts_are_basic_and_project_segments():
    t = "2024年县图书馆部门预算公开说明\n\n2024年财政拨款支出300万元,其中:基本支出250万元,项目支出50万元。"
    got = sorted((f.value, f.segment) for f in _doc(t).figures if f.metric == "spending.total")
    assert got == [(500000, "project"), (2_500_000, "basic"), (3_000_000, "all")]


def test_a_minimum_makes_a_plan_only_in_its_own_clause():
    got = [(f.metric, f.period) for f in _doc("全年共开展活动不少于120场,接待读者30万人次。").figures]
    assert got == [("visits.in_person", "year")]


# ------------------------------------------------------------------ held-out batches 5/6: general wordings


# (read, text, expected): `read` turns the text into sorted (metric, value, segment) triples
SEGMENT_CASES = [
    # -- every figure, of every kind
    pytest.param(
        _all_segments,
        "今年安排28万元图书购置经费,其中:\n1、采购少儿类图书6万元。\n2、添置各类绘本3万元。",
        "spending.collections=30000:picture_books spending.collections=60000:minors spending.collections=280000:all",
        id="money_spent_buying_books_is_collections_spending",
    ),
    pytest.param(
        _all_segments,
        "全年事业经费80万元,其中免费开放经费15万元;文化信息资源共享工程运行经费6万元。",
        "spending.digital=60000:all spending.total=150000:free_opening spending.total=800000:all",
        id="free_opening_grant_and_sharing_project_money",
    ),
    pytest.param(
        _all_segments,
        "全年购进盲文图书35册,購回新書3000冊,收集地方文献12种60册。",
        "collection.added=35:braille collection.added=60:local_documents collection.added=3000:all",
        id="more_wordings_of_books_added",
    ),
    # -- figures of the kind `figure` only
    pytest.param(
        _segs,
        "全年购进新书3000册;向社会征集地方文献及乡土资料8种60余册。",
        "collection.added=60:local_documents collection.added=3000:all ...",
        id="local_documents_named_with_a_kindred_material_are_a_part",
    ),
    pytest.param(
        _segs,
        "3月,举办《小熊回家》和《月亮船》故事会3场次。",
        "activities.events=3:storytelling",
        id="storytelling_sessions_are_their_own_part",
    ),
    pytest.param(
        _segs,
        "全年以“书香满城”和“快乐阅读”等为主题,举办了系列阅读活动共40场次。",
        "activities.events=40:all",
        id="quoted_names_given_as_themes_do_not_make_the_count_a_part",
    ),
    pytest.param(
        _segs,
        "全年共有20000名读者借书。按年龄看,“90后”读者借阅人次最多,达5600人次;“00后”读者借阅人次居次,达4100人次。",
        "circulation.borrowers=20000:all circulation.borrowers=5600:born_1990s circulation.borrowers=4100:born_2000s ...",
        id="figures_of_a_birth_cohort_are_a_part",
    ),
    pytest.param(
        _segs,
        "全年外借图书30万册。馆里推出送书上门的“书香快递”,该服务的图书外借量达到1.2万册。",
        "circulation.loans=300000:all circulation.loans=12000:delivery ...",
        id="loans_through_a_named_service_are_a_part-1",
    ),
    pytest.param(
        _segs,
        "试点开通预约借书服务,完成订单900单,借出图书2100册。",
        "circulation.loans=2100:reservations ...",
        id="loans_through_a_named_service_are_a_part-2",
    ),
    pytest.param(
        _segs,
        "开通预约借书服务后,全馆全年共外借图书30万册。",
        "circulation.loans=300000:all",
        id="a_whole_after_a_named_service_stays_the_whole",
    ),
]


@pytest.mark.parametrize("read, text, expected", SEGMENT_CASES)
def test_segments_of_the_figures(read, text, expected):
    check_figures(read(text), expected)


def test_a_years_budget_is_planned_total_spending():
    for t in ("县图书馆2024年财政预算指标88.5万元。", "本馆2026年收支预算总数120.3万元。"):
        got = [(f.metric, f.period) for f in _doc(t).figures]
        assert got == [("spending.total", "plan")], t


def test_class_sessions_and_picture_shows_are_events_and_kinds_of_persons_attend():
    t = "全年举办亲子课堂36期,共800余名儿童在家长陪同下参加了活动。寒假开设书法小课堂12节,举办摄影展4期。"
    got = sorted((f.metric, f.value) for f in _doc(t).figures)
    assert got == [
        ("activities.attendance", 800),
        ("activities.events", 4),
        ("activities.events", 12),
        ("activities.events", 36),
    ]
    assert _figs("有30名志愿者参加了活动。") == []


def test_books_acquired_by_means_that_include_donations_are_added():
    got = [(f.metric, f.value, f.segment) for f in _doc("通过接受捐赠、购买等方式收藏地方文献8种25册。").figures]
    assert got == [("collection.added", 25, "local_documents")]
    assert _figs("向社区书屋捐赠图书500册。") == []


def test_spending_named_as_what_it_is_is_not_a_budget_part():
    """项目支出即购书经费N元: the figure is the book fund itself, not the project part of a budget."""
    from nianbao.extract import extract_document

    text = "2020年,本馆总支出200万元,其中项目支出即购书经费70万元。"
    figs = [f for f in extract_document(text).figures if f.metric == "spending.collections"]
    assert figs and all(f.segment == "all" for f in figs), [(f.metric, f.segment) for f in figs]
