"""Running text as real web copies of reports write it: one test per general rule,
each on an INVENTED snippet (no sentence is copied from the development documents)."""

import unicodedata

import pytest

from nianbao.extract import extract_document
from nianbao.extract.normalize import compact, for_matching
from nianbao.extract.numbers import find_quantities
from tests.support.figures import check_figures, tuples


def _doc(text: str):
    return extract_document(unicodedata.normalize("NFKC", text))


def figs(text: str):
    return sorted((f.metric, f.value) for f in _doc(text).figures if f.kind == "figure")


def _all_segments(text: str):
    """(metric, value, segment) of every figure of `text`, of every kind, sorted."""
    return sorted((f.metric, f.value, f.segment) for f in _doc(text).figures)


def _segs(text: str):
    """(metric, value, segment) of the figures of kind `figure` of `text`, sorted."""
    return sorted((f.metric, f.value, f.segment) for f in _doc(text).figures if f.kind == "figure")


# ------------------------------------------------------------------ normalisation


def test_pinyin_fragments_are_read_through_and_spans_stay_in_the_text():
    t = unicodedata.normalize("NFKC", "截至目前,館(guan)內藏(zang)書量達(da)8萬冊(ce),接(jie)待(dai)讀(du)者(zhe)3萬人次。")
    r = extract_document(t)
    got = sorted((f.metric, f.value) for f in r.figures)
    assert got == [("collection.total", 80000), ("visits.in_person", 30000)]
    for f in r.figures:
        assert t[f.char_start:f.char_end].startswith(("8萬冊", "3萬人次"))
        assert "(" in f.evidence   # evidence as written


# (text, its figures as `metric=value` items, see tests/support/figures.py), by the sections of this file
FIGURE_CASES = [
    # -- normalisation
    pytest.param("紙質(zhì)文獻(xiàn)總藏量達(dá)120.5萬冊(cè)。", "collection.total=1205000", id="mojibake_pinyin_inside_traditional_words"),
    # -- cues
    pytest.param("2022年,全县共有58.3万读者走进图书馆。", "visits.in_person=583000", id="readers_walking_into_the_library_are_visits-1"),
    pytest.param("全年进入市图书馆的读者达312456人次。", "visits.in_person=312456", id="readers_walking_into_the_library_are_visits-2"),
    pytest.param("一读者全年借书412册,成为年度借阅达人。", "", id="one_reader_is_not_a_count"),
    pytest.param("2021年,本馆有52310名读者借书,外借图书30.2万册次。", "circulation.borrowers=52310 circulation.loans=302000", id="persons_who_borrowed_are_borrowers"),
    pytest.param("本馆数字资源下载量为8.6万次。", "visits.online=86000", id="download_count_only_when_no_visit_count-1"),
    pytest.param("数字资源访问量达52万人次,下载量达9.1万次。", "visits.online=520000", id="download_count_only_when_no_visit_count-2"),
    pytest.param("全市公共图书馆藏书总量上升为845.2万册。", "collection.total=8452000", id="level_reached_is_not_a_change-1"),
    pytest.param("馆藏总量比上年增长12万册。", "", id="level_reached_is_not_a_change-2"),
    pytest.param("全省新增藏量超5万册的县级图书馆达9家。", "", id="threshold_in_a_noun_phrase_is_not_a_figure"),
    pytest.param("新馆设计藏书容量150万册,阅览座位900个。", "", id="capacity_is_not_holdings"),
    pytest.param("全省群众文化机构共开展各类文化活动3.2万场次。", "", id="other_culture_institutions_are_not_libraries"),
    pytest.param("十年来累计外借图书1200万册次。", "", id="ten_years_running_total_is_not_one_year"),
    pytest.param("近五年来藏书稳步增长,2022年全市总馆藏达650万册。", "collection.total=6500000", id="a_year_after_a_span_states_that_year"),
    pytest.param("馆内每年接待读者3万人次以上。", "visits.in_person=30000", id="every_year_states_a_typical_year_but_norms_do_not-1"),
    pytest.param("每年开展阅读活动不少于12场。", "", id="every_year_states_a_typical_year_but_norms_do_not-2"),
    pytest.param("截至年底,城市书房数量全市共86个。", "network.service_points=86", id="facility_count_after_a_region_word"),
    # -- clauses that lean on the one before
    pytest.param("本馆电子资源点击量逐年攀升,2023年高达86万次。", "visits.online=860000", id="elliptic_clause_takes_the_measure_of_the_clause_before-1"),
    pytest.param("全市进馆人次同比下降12.5%,降到310.2万人次。", "visits.in_person=3102000", id="elliptic_clause_takes_the_measure_of_the_clause_before-2"),
    pytest.param("组织馆员开展“书香进社区”活动,4次前往社区为老人送去图书200余册。", "", id="elliptic_clause_needs_the_number_to_close_it"),
    pytest.param("2023年底全省持证读者达512万人。2015年,这一数据为168万人。", "users.registered_total=1680000 users.registered_total=5120000", id="this_figure_points_back"),
    pytest.param("截至年底,馆藏总量达86万余册,其中图书72万余册,古籍1.2万余册,视听资料5000余件。", "collection.total=5000 collection.total=12000 collection.total=720000 collection.total=860000", id="parts_listed_after_qizhong_take_the_measure_of_the_whole"),
    pytest.param("全年经费支出300万元,其中购书经费60万元,物业费45万元。", "spending.collections=600000 spending.total=3000000", id="money_items_without_a_cue_are_not_parts"),
    pytest.param("两市图书馆馆藏分别为310万、295万册。", "collection.total=2950000 collection.total=3100000", id="next_number_of_a_list"),
    pytest.param("全年外借图书2210人次5630册次。", "circulation.borrowers=2210 circulation.loans=5630", id="glued_values_share_the_cue"),
    pytest.param("开展送书下乡活动,走进东村、西村等14场次。", "activities.events=14", id="event_count_whose_verb_is_in_the_clause_before"),
    pytest.param("“城市书房”是全区推广阅读的新举措,目前已建成18座。", "network.service_points=18", id="stock_reached_is_a_stock_after_the_noun_clause"),
    # -- facilities
    pytest.param("全市实现通借通还的公共图书馆(分馆)、服务点、自助图书馆共412个。", "", id="libraries_and_points_counted_together_are_no_network_figure"),
    # -- page furniture
    pytest.param("首页 新闻动态 2022年全市公共图书馆总流通破千万人次\n正文略。", "visits.in_person=10_000_000", id="breadcrumb_ending_in_a_title_with_a_figure_is_read"),
    pytest.param("当前位置:首页 > 关于我们 > 年度报告\n", "", id="menu_breadcrumb_stays_junk"),
    # -- more wordings
    pytest.param("全年办理读者借阅卡2318张。", "users.new_registrations=2318", id="cards_issued_as_ka"),
    pytest.param("2023年财政拨款支出420万元。其中:基本支出300万元,项目支出120万元。", "spending.total=1_200_000 spending.total=3_000_000 spending.total=4_200_000", id="basic_and_project_spending_only_beside_a_stated_total-1"),
    pytest.param("2023年本馆基本支出300万元。", "", id="basic_and_project_spending_only_beside_a_stated_total-2"),
    pytest.param("本年度机关运行安排经费8万元。", "spending.operations=80000", id="office_running_money_is_operations"),
    pytest.param("市数字图书馆总使用量为52.3万人次。", "visits.online=523000", id="digital_library_use_is_online"),
    pytest.param("该馆收藏文献达120余万册。", "collection.total=1_200_000", id="holdings_worded_as_kept_or_owned-1"),
    pytest.param("作为区域中心馆,拥有超过86万册的丰富馆藏。", "collection.total=860000", id="holdings_worded_as_kept_or_owned-2"),
    pytest.param("本馆现藏书量达45万余册、电子图书藏量约12万册。", "collection.total=450000", id="ebooks_beside_holdings_are_not_holdings-1"),
    pytest.param("馆藏各类文献(含电子书)88.6万册。", "collection.total=886000", id="ebooks_beside_holdings_are_not_holdings-2"),
    pytest.param("目前逾期未归还的图书已达600余册。", "", id="overdue_renewed_planned_and_capacity_words_block-1"),
    pytest.param("全年办证和续证量上升至2.1万张。", "", id="overdue_renewed_planned_and_capacity_words_block-2"),
    pytest.param("新馆规划总藏书量200万册。", "", id="overdue_renewed_planned_and_capacity_words_block-3"),
    pytest.param("日接待读者量可达5000人次以上。", "", id="overdue_renewed_planned_and_capacity_words_block-4"),
    # (the open-shelf books are a stock of the holdings, never loans: realdata convention)
    pytest.param("对开架借阅的6.2万册图书进行了清点。", "collection.total=62000", id="a_cue_modifying_the_counted_noun_is_not_the_measure"),
    pytest.param("在5个街道设立服务点。", "", id="a_verb_between_count_and_facility_noun"),
    pytest.param("全年图书流通12.6万册次。", "circulation.loans=126000", id="circulation_in_item_times_is_loans"),
    pytest.param("全年全省公共图书馆发放借书证312万个。", "users.registered_total=3_120_000", id="cards_issued_in_national_statistics_are_cards_in_force"),
    pytest.param("1990年馆藏图书达5万多册, 读者8万多人次,图书流通9万册次。", "circulation.loans=90000 collection.total=50000 visits.in_person=80000", id="a_clause_of_readers_and_person_times_is_visits"),
    pytest.param("在外借图书中,文学类3.2万册次,占40%;历史类1.1万册次,占14%。", "circulation.loans=11000 circulation.loans=32000", id="parts_after_an_opening_that_names_the_whole"),
    pytest.param("至1990年馆藏图书增加到52000多册。", "collection.total=52000", id="holdings_grown_to_a_level_are_a_stock"),
    pytest.param("建馆五十年来,该馆现有藏书近300万册。", "collection.total=3_000_000", id="a_stock_after_a_multi_year_opening_stands-1"),
    pytest.param("建馆五十年来,该馆累计外借图书900万册次。", "", id="a_stock_after_a_multi_year_opening_stands-2"),
    pytest.param("在42万册古籍藏书中,善本约3万册。", "collection.total=30000 collection.total=420000", id="parts_of_a_whole_stated_inside_the_opening"),
    pytest.param("共有藏书80万余册,其中中文图书9.5万种52万余册,外文图书1.1万种6万余册。", "collection.total=60000 collection.total=520000 collection.total=800000", id="titles_counted_before_volumes_in_a_part"),
    pytest.param("全市共有各类自助图书馆85台。", "network.service_points=85", id="kiosks_counted_by_the_machine_and_breakdowns_in_brackets-1"),
    pytest.param("全区共有服务点40个(街道服务点30个,社区服务点10个)。", "network.service_points=40", id="kiosks_counted_by_the_machine_and_breakdowns_in_brackets-2"),
    pytest.param("全市公共图书馆12家(含8个城市书房)。", "network.service_points=8", id="kiosks_counted_by_the_machine_and_breakdowns_in_brackets-3"),
    pytest.param("全市共有计算机120台。", "", id="kiosks_counted_by_the_machine_and_breakdowns_in_brackets-4"),
    pytest.param("读者借阅热情不减,各分馆合计完成8.2万册次。", "circulation.loans=82000", id="unit_family_names_the_measure_when_no_cue_does-1"),
    pytest.param("各类阅读推广活动走进校园和社区,全县学校和社区合计完成320场次。", "activities.events=320", id="unit_family_names_the_measure_when_no_cue_does-2"),
    pytest.param("外借量比上年增加1.2万册次。", "", id="unit_family_names_the_measure_when_no_cue_does-3"),
    pytest.param("县里将陆续添购2万册新书。", "collection.added=20000", id="books_bought_in_addition_are_added"),
    pytest.param("全年市民进馆借书阅读的人次有320万人次。", "visits.in_person=3_200_000", id="visits_to_borrow_are_visits"),
    pytest.param("因闭馆未能提供读者借阅者约1万册。", "", id="unmet_demand_and_the_rest_of_a_list_are_no_figures-1"),
    pytest.param("其他6家城市书房分别位于各街道。", "", id="unmet_demand_and_the_rest_of_a_list_are_no_figures-2"),
    pytest.param("全年推出5大系列42项阅读活动。", "activities.events=42", id="activities_counted_in_xiang-1"),
    pytest.param("获得省级以上奖项5项。", "", id="activities_counted_in_xiang-2"),
    pytest.param("全年新建城乡书房12家、总数达58家。", "network.service_points=58 network.service_points_added=12", id="stock_after_its_flow_in_a_list"),
    pytest.param("全年超六百万人走进公共文化阅读阵地。", "visits.in_person=6_000_000", id="people_walking_into_reading_places_are_visits"),
    # -- unseen real text (batch-level rules, X6)
    pytest.param("新馆开放一周以来累计接待读者3万人次,借阅人次逾4千人次。", "circulation.borrowers=4000 visits.in_person=30000", id="a_new_librarys_first_week_is_not_a_multi_year_sum-1"),
    pytest.param("新馆建成以来累计接待读者30万人次。", "", id="a_new_librarys_first_week_is_not_a_multi_year_sum-2"),
    pytest.param("该馆在六十年代藏书仅为5万余册,如今藏书已达80万册。", "collection.total=800000", id="a_decade_names_no_year_for_a_figure"),
    pytest.param("全市共有36家春风书房。", "network.service_points=36", id="any_brand_of_study_room_is_a_service_point-1"),
    pytest.param("另建有微书房9个。", "", id="any_brand_of_study_room_is_a_service_point-2"),
    pytest.param("全市共有36家春风书房。春风书房湖滨街道分馆位于城东。", "network.branches=36", id="study_rooms_the_report_names_as_branches_are_branches"),
    pytest.param("现有微型图书馆(以下简称微馆)5座。", "network.service_points=5", id="mini_libraries_with_an_aside_and_the_work_done-1"),
    pytest.param("乡镇服务点建设工作共完成4个。", "network.service_points_added=4", id="mini_libraries_with_an_aside_and_the_work_done-2"),
    pytest.param("去年全市图书馆的使用人次高达900万人次。", "visits.in_person=9_000_000", id="use_counts_of_the_library_and_people_reading_here_are_visits-1"),
    pytest.param("暑假里,超过8万人次的市民在这里读书学习。", "visits.in_person=80000", id="use_counts_of_the_library_and_people_reading_here_are_visits-2"),
    pytest.param("有借阅记录的读者数量为3200人。", "circulation.borrowers=3200", id="readers_with_a_loan_record_are_borrowers"),
    pytest.param("有效读者证2万张(含少儿证5000张)。", "users.registered_total=5000 users.registered_total=20000", id="a_part_in_brackets_after_han"),
    pytest.param("7月到馆人次达5万人次,已超过6月份的4万人次。", "visits.in_person=40000 visits.in_person=50000", id="the_same_measure_compared_with_another_month"),
    pytest.param("近年增建图书分馆,从12座增至20座。", "network.branches=12 network.branches=20", id="a_change_stated_as_two_levels"),
    pytest.param("馆内藏书量达10万册,各类报刊3万册,工具书2000余册。", "collection.total=100000", id="items_listed_beside_a_whole_are_not_its_parts"),
    pytest.param("新馆建成累计接待读者20万人次。持证人数3000人,线上服务约9万人次。", "users.registered_total=3000", id="flows_after_a_cumulative_since_opening_statement_are_the_same_sum-1"),
    pytest.param("新馆建成累计接待读者20万人次。2023年线上服务约9万人次。", "visits.online=90000", id="flows_after_a_cumulative_since_opening_statement_are_the_same_sum-2"),
    pytest.param("新馆开放满月迎3.2万人到馆", "visits.in_person=32000", id="persons_who_came_to_the_library-1"),
    pytest.param("3万人到馆参加活动", "", id="persons_who_came_to_the_library-2"),
    pytest.param("全市人口52万人,人均藏书1.2册。", "population.served=520000", id="the_population_a_library_serves"),
    pytest.param("在广场举行了“世界读书日”宣传活动暨书画作品展,参与人次达5000", "", id="the_attendance_of_one_narrated_event_is_no_total-1"),
    pytest.param("全年举办“悦读”系列活动40场,参与人次达5000。", "activities.attendance=5000 activities.events=40", id="the_attendance_of_one_narrated_event_is_no_total-2"),
    pytest.param("暑期30万余人次赴书香之约", "visits.in_person=300000", id="a_headlines_visitors_going_to_the_librarys_reading"),
    pytest.param("春风书房已在全市建成26家。", "network.service_points=26", id="rooms_already_built_somewhere_are_a_stock"),
    pytest.param("2023年,全市新增8处春风书房,圆满完成了一期50家春风书房的建设目标。", "network.service_points=50 network.service_points_added=8", id="completing_a_target_of_rooms_is_the_stock_reached"),
    pytest.param("截至9月底,全市各城市书房累计接待读者12万余人次,举办阅读活动130场次。", "", id="what_a_network_of_rooms_accumulated_is_no_years_figure-1"),
    pytest.param("截至9月底,本馆累计接待读者12万余人次。", "visits.in_person=120000", id="what_a_network_of_rooms_accumulated_is_no_years_figure-2"),
    pytest.param("全市共有12家春风书房。部分春风书房设在分馆内。", "network.service_points=12", id="rooms_placed_in_a_branch_are_still_rooms"),
    pytest.param("4月23日举办“书香满城”读书节开幕式,参与人数达800人。", "", id="the_attendance_of_one_opening_ceremony_is_no_total"),
    pytest.param("全年开展送书下乡活动20次,送书5000册。", "activities.events=20", id="an_event_kind_named_by_a_blocker_word_is_still_counted"),
    pytest.param("线上服务人次达150万。", "visits.online=1_500_000", id="online_service_person_times_as_a_label"),
    pytest.param("新馆开幕后一周以来累计涌入8万人次。", "visits.in_person=80000", id="people_pouring_in_are_visits"),
    pytest.param("比去年多接待读者2万人次。", "", id="a_comparison_right_before_the_verb_makes_a_change-1"),
    pytest.param("全年接待读者20万人次,比去年多2万人次。", "visits.in_person=200000", id="a_comparison_right_before_the_verb_makes_a_change-2"),
    pytest.param("目前全区共有分馆15个,另有5个分馆正在建设。", "network.branches=15", id="facilities_under_construction_are_no_stock"),
    pytest.param("“十四五”期间累计新建分馆20个。", "", id="facilities_added_over_several_years_are_no_years_flow-1"),
    pytest.param("2023年新建分馆3个。", "network.branches_added=3", id="facilities_added_over_several_years_are_no_years_flow-2"),
    pytest.param("圖書館共有分館42座、智慧圖書館5座。", "network.branches=42 network.service_points=5", id="smart_libraries_are_service_points"),
    pytest.param("馆藏图书35万册、20万册电子图书。", "collection.total=350000", id="e_books_named_after_the_number_are_beside_the_holdings"),
    pytest.param("受疫情影响,到馆人次从2019年的30万降至2020年的12万。", "visits.in_person=120000 visits.in_person=300000", id="two_bare_levels_with_their_scale"),
    pytest.param("新华书店书房3家。", "", id="a_bookshops_rooms_are_not_the_librarys"),
    # -- held-out batches 5/6: general wordings
    pytest.param("本馆2026年收支预算总数120.3万元,比2025年收支预算总数减少4.2万元。", "spending.total=1203000", id="a_budget_compared_with_last_years_is_a_change"),
    pytest.param("为9个图书网点轮流调换图书。", "network.service_points=9", id="book_outlets_and_points_outside_the_building_are_service_points-1"),
    pytest.param("共设服务窗口6个,其中馆内4个、馆外2个。", "network.service_points=2", id="book_outlets_and_points_outside_the_building_are_service_points-2"),
    pytest.param("本年,图书馆在消防大队、某景区游客中心设立了3个流通服务点。", "network.service_points_added=3", id="another_institution_as_the_place_where_the_library_built_points-1"),
    pytest.param("县文化馆在游客中心设立了3个服务点。", "", id="another_institution_as_the_place_where_the_library_built_points-2"),
    pytest.param("组织少年文学社活动季,文学社20场,书友会8场。", "activities.events=8 activities.events=20", id="a_reading_clubs_meetings_are_events"),
    pytest.param("本年通过政府采购购置32000元的图书、报刊9800元、12000元的木质书架。", "spending.collections=9800 spending.collections=32000", id="books_bought_through_procurement_and_their_newspapers_are_collections_spending-1"),
    pytest.param("政府采购支出合计20万元。", "", id="books_bought_through_procurement_and_their_newspapers_are_collections_spending-2"),
    pytest.param("全区15所学校的图书室均藏书在2000册以上。", "", id="what_each_of_several_units_has_is_not_a_total-1"),
    pytest.param("全年举办活动30场,均有读者1000人次参加。", "activities.attendance=1000 activities.events=30", id="what_each_of_several_units_has_is_not_a_total-2"),
]


@pytest.mark.parametrize("text, expected", FIGURE_CASES)
def test_figures_of_a_text(text, expected):
    assert figs(text) == tuples(expected)


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
    got = figs("本年财政拨款收入512万元,其中期刊订购费8.2万元,信息化硬件采购经费15万元,软件采购经费6万元。")
    assert ("spending.collections", 82000) in got
    assert ("spending.digital", 150000) in got and ("spending.digital", 60000) in got


# ------------------------------------------------------------------ clauses that lean on the one before


def test_parts_never_exceed_their_whole():
    got = figs("全年举办读者活动80场,其中线上活动30场,亲子活动50场,发布推文60场。")
    assert ("activities.events", 60) not in got and ("activities.events", 80) in got


# ------------------------------------------------------------------ facilities


def test_flow_after_a_coverage_clause():
    got = _doc("在实现乡镇分馆全覆盖基础上,2023年建成非遗主题分馆和红色主题分馆2个。").figures
    assert [(f.metric, f.value) for f in got] == [("network.branches_added", 2)]


def test_stock_date_does_not_reach_across_an_unpunctuated_run():
    t = ("数据一览 截至目前 全县总藏书量60.2万册 2023年总流通人次12.1万人次 全年外借图书8.5万册次 "
         "新建3个城市书房 新增5个图书流通点")
    got = sorted((f.metric, f.value) for f in _doc(t).figures)
    assert ("network.service_points_added", 3) in got and ("network.service_points_added", 5) in got


# ------------------------------------------------------------------ page furniture


# ------------------------------------------------------------------ more wordings


def test_bare_scale_after_a_qualifier():
    q = find_quantities("普通文献馆藏已超千万册")[0]
    assert (q.value, q.qualifier, q.unit) == (10_000_000, "at_least", "册")
    assert find_quantities("走进千家万户", bare=True) == []


def test_parts_in_copies_of_a_holdings_total():
    got = figs("总藏量85万余册(件),其中图书60万册,报刊12万份。")
    assert ("collection.total", 120000) in got


def test_items_counted_as_xiang():
    assert figs("全馆共有书籍 85 万册和多媒体资料 12 万项。全年共外借资料 310 万项。")[0] == ("circulation.loans", 3_100_000)
    assert figs("全年完成重点工作12项。") == []


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
    got = figs("联合机关、学校、医院和旅游景区等建成基层阅读空间120个。")
    assert [v for m, v in got if m.startswith("network.service_points")] == [120]


def test_a_construction_target_with_bu_shao_yu_is_a_plan():
    assert _one("年内完成不少于10个“城市书房”建设。", "network.service_points_added") == [(10, "plan", "all")]
    assert figs("每年开展活动不少于6次。") == []


def test_year_to_date_and_forecast_clauses_continue_the_measure():
    t = "图书借阅量去年为50万册,今年截至10月底就有45万册,预估全年将达60万册。"
    loans = sorted(_one(t, "circulation.loans"))
    assert [v for v, _, _ in loans] == [450000, 500000, 600000]
    assert dict((v, p) for v, p, _ in loans)[600000] == "plan"


def test_a_numbered_list_after_qizhong_lists_parts():
    t = "全馆总藏书量近80万册,其中:\n1、纸质文献(60余万册);中文图书40万册、外文图书5万册、电子图书30万册。"
    assert sorted(v for m, v in figs(t) if m == "collection.total") == [50000, 400000, 600000, 800000]


def test_a_part_may_carry_a_note_in_brackets_and_a_title_count():
    t = "共有藏书50万余册,其中中文图书30万册,民文图书(维、哈等文字)1万种6万余册。"
    assert sorted(v for m, v in figs(t) if m == "collection.total") == [60000, 300000, 500000]


def test_open_shelf_and_current_holdings():
    assert [(v, s) for v, _, s in _one("实行开架管理,开架文献数量达20万册。", "collection.total")] == [(200000, "open_shelf")]
    assert figs("馆内现有纸质文献资源 12万册。") == [("collection.total", 120000)]


def test_one_statement_about_two_places_is_one_figure_for_each():
    fs = [f for f in _doc("此外,东阳和西林两市公共图书馆的馆藏也在500万册以上。").figures if f.kind == "figure"]
    assert [(f.metric, f.value) for f in fs] == [("collection.total", 5_000_000)] * 2
    assert len({f.library_name for f in fs}) == 2


def test_a_headline_round_figure_without_unit():
    assert _one("全年外借图书破千万,创历史新高。", "circulation.loans") == [(10_000_000, "year", "all")]
    assert figs("获奖作品破千万。") == []


def test_a_budget_disclosures_money_is_a_plan():
    t = "2023年县图书馆部门预算公开说明\n\n一、收支预算\n2023年财政拨款收入120.5万元,其中基本支出100万元。"
    got = sorted((f.metric, f.value, f.period) for f in _doc(t).figures if f.kind == "figure")
    assert ("spending.total", 1_205_000, "plan") in got
    assert all(p == "plan" for m, _, p in got if m.startswith("spending"))
    t2 = "2023年县图书馆部门决算公开说明\n\n2023年财政拨款收入120.5万元。"
    assert [(f.metric, f.period) for f in _doc(t2).figures] == [("spending.total", "year")]


def test_a_budgets_appropriation_and_expenditure_total():
    t = ("2024年县图书馆预算情况说明\n\n(一)收入预算:2024年年初预算数300万元,其中:一般公共预算拨款300万元。\n\n"
         "(二)支出预算:2024年年初预算数300万元,其中:一般公共支出250万元。")
    got = [(f.metric, f.value, f.period) for f in _doc(t).figures if f.kind == "figure"]
    assert got == [("spending.total", 3_000_000, "plan")] * 2


def test_rooms_to_be_built_by_a_year_end_are_the_stock_aimed_at():
    t = "据悉,2026年底,全市将建成标准化春风书房70家。"
    assert [(f.metric, f.value, f.period) for f in _doc(t).figures] == [("network.service_points", 70, "plan")]
    assert figs("计划明年新建春风书房5家。") == [("network.service_points_added", 5)]


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
    got = figs("全年推出5大系列102场活动,直接普惠读者超百万,影响广泛。")
    assert ("activities.attendance", 1_000_000) in got


def test_network_figures_still_read_the_in_ils_segment():
    fs = [f for f in _doc("将12家农家书屋纳入通借通还。").figures if f.metric.startswith("network")]
    assert [f.segment for f in fs] == ["in_ils"]


def test_seasons_holidays_and_short_spans_since_opening_are_partial():
    for t in ("暑期共接待读者12万人次。", "春节期间举办阅读活动20场。", "新馆开放一周以来接待读者5万人次。"):
        assert [f.period for f in _doc(t).figures] == ["partial"], t
    assert [f.period for f in _doc("全年接待读者12万人次。").figures] == ["year"]


def test_parts_of_the_holdings_named_by_their_material_are_segments():
    got = {v: s for v, _, s in _one("馆藏文献56万册,其中古籍1.2万册,地方文献8000余册,视听文献3000件。",
                                     "collection.total")}
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
    pytest.param(_all_segments, "今年安排28万元图书购置经费,其中:\n1、采购少儿类图书6万元。\n2、添置各类绘本3万元。", "spending.collections=30000:picture_books spending.collections=60000:minors spending.collections=280000:all", id="money_spent_buying_books_is_collections_spending"),
    pytest.param(_all_segments, "全年事业经费80万元,其中免费开放经费15万元;文化信息资源共享工程运行经费6万元。", "spending.digital=60000:all spending.total=150000:free_opening spending.total=800000:all", id="free_opening_grant_and_sharing_project_money"),
    pytest.param(_all_segments, "全年购进盲文图书35册,購回新書3000冊,收集地方文献12种60册。", "collection.added=35:braille collection.added=60:local_documents collection.added=3000:all", id="more_wordings_of_books_added"),
    # -- figures of the kind `figure` only
    pytest.param(_segs, "全年购进新书3000册;向社会征集地方文献及乡土资料8种60余册。", "collection.added=60:local_documents collection.added=3000:all ...", id="local_documents_named_with_a_kindred_material_are_a_part"),
    pytest.param(_segs, "3月,举办《小熊回家》和《月亮船》故事会3场次。", "activities.events=3:storytelling", id="storytelling_sessions_are_their_own_part"),
    pytest.param(_segs, "全年以“书香满城”和“快乐阅读”等为主题,举办了系列阅读活动共40场次。", "activities.events=40:all", id="quoted_names_given_as_themes_do_not_make_the_count_a_part"),
    pytest.param(_segs, "全年共有20000名读者借书。按年龄看,“90后”读者借阅人次最多,达5600人次;“00后”读者借阅人次居次,达4100人次。", "circulation.borrowers=20000:all circulation.borrowers=5600:born_1990s circulation.borrowers=4100:born_2000s ...", id="figures_of_a_birth_cohort_are_a_part"),
    pytest.param(_segs, "全年外借图书30万册。馆里推出送书上门的“书香快递”,该服务的图书外借量达到1.2万册。", "circulation.loans=300000:all circulation.loans=12000:delivery ...", id="loans_through_a_named_service_are_a_part-1"),
    pytest.param(_segs, "试点开通预约借书服务,完成订单900单,借出图书2100册。", "circulation.loans=2100:reservations ...", id="loans_through_a_named_service_are_a_part-2"),
    pytest.param(_segs, "开通预约借书服务后,全馆全年共外借图书30万册。", "circulation.loans=300000:all", id="a_whole_after_a_named_service_stays_the_whole"),
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
    assert got == [("activities.attendance", 800), ("activities.events", 4), ("activities.events", 12),
                   ("activities.events", 36)]
    assert figs("有30名志愿者参加了活动。") == []


def test_books_acquired_by_means_that_include_donations_are_added():
    got = [(f.metric, f.value, f.segment) for f in _doc("通过接受捐赠、购买等方式收藏地方文献8种25册。").figures]
    assert got == [("collection.added", 25, "local_documents")]
    assert figs("向社区书屋捐赠图书500册。") == []


def test_spending_named_as_what_it_is_is_not_a_budget_part():
    """项目支出即购书经费N元: the figure is the book fund itself, not the project part of a budget."""
    from nianbao.extract import extract_document

    text = "2020年,本馆总支出200万元,其中项目支出即购书经费70万元。"
    figs = [f for f in extract_document(text).figures if f.metric == "spending.collections"]
    assert figs and all(f.segment == "all" for f in figs), [(f.metric, f.segment) for f in figs]
