"""Library names and the library a figure is given (issue 8, session 7: library agreement on matched
figures), each mechanism on short invented sentences: where a name starts and ends, branch names in
lists, sites one paragraph each, and a page's own network under a name the gazetteer cannot place."""

from __future__ import annotations

from nianbao.extract import extract_document
from nianbao.extract.libraries import canonical_library
from nianbao.extract.normalize import for_matching
from nianbao.extract.subjects import LIBRARY, OWN, REGION, default_subject, mentions


def _libraries(text: str) -> dict[tuple[str, float], str | None]:
    res = extract_document(text)
    return {
        (f.metric, f.value): canonical_library(f.library_name or res.library_name)
        for f in res.figures
        if f.kind == "figure"
    }


# ---------------------------------------------------------------- name boundaries


def test_a_count_before_a_name_is_no_part_of_it():
    # (台北县29个乡镇市图书馆预算…: the measure word 个 is the count's)
    assert not canonical_library("个乡镇市图书馆").startswith("个")
    assert canonical_library("3座乡镇图书馆") == "乡镇图书馆"


def test_a_level_written_twice_is_the_first_level():
    # (某县市图书馆历年统计表: the county's library, which later became the city's)
    assert canonical_library("甲乙县市图书馆") == "甲乙县图书馆"


def test_words_after_the_library_that_are_a_phrase_are_no_branch():
    assert canonical_library("海淀区图书馆已设立之分馆") == "海淀区图书馆"
    assert canonical_library("海淀区图书馆及其分馆") == "海淀区图书馆"
    # a branch's own name stays a branch
    assert canonical_library("海淀区图书馆清河分馆") == "海淀区图书馆清河分馆"


def test_a_phrase_about_the_branches_is_not_a_branch_of_the_page():
    text = "海淀区图书馆2020年工作简介\n目前,已设立之分馆有:甲、乙、丙3所分馆。\n据统计,本馆及其分馆、24小时图书馆全年接待读者93万人次。\n"
    ms = mentions(for_matching(text), "海淀区图书馆")
    assert not [m for m in ms if m.kind == LIBRARY and m.name and ("之" in m.name or "及其" in m.name)]
    libs = _libraries(text)
    assert libs[("visits.in_person", 930000)] == "海淀区图书馆"


# ---------------------------------------------------------------- short place names


def test_a_city_run_library_the_gazetteer_cannot_place_owns_its_city_wide_figures():
    text = "甲乙市立图书馆统计\n根据107年甲乙市图书馆使用统计,107年全市馆藏册数约713万册,总借阅册数1055万册。\n"
    ms = mentions(for_matching(text), "甲乙市立图书馆")
    whole = [m for m in ms if for_matching(text)[m.start : m.end] == "全市"]
    assert whole and all(m.kind == OWN for m in whole)
    # a placed library's 全市 is still its city's libraries
    ms = mentions(for_matching("绵阳市图书馆统计\n2019年全市馆藏册数约713万册。\n"), "绵阳市图书馆")
    assert [m.kind for m in ms if m.name and "全市" in m.name] == [REGION]


# ---------------------------------------------------------------- sites listed one paragraph each


def test_a_library_heading_its_paragraph_is_the_subject_of_that_paragraph():
    text = (
        "某地发行图书馆邮票\n"
        "邮票图案分别表现甲乙公园图书馆、丙丁图书馆、戊己图书馆。\n"
        "甲乙公园图书馆位于某公园内,于1999年落成启用,共藏书约16000册。\n"
        "丙丁图书馆位于海边街,于2016年开幕,馆藏约有20000册藏书。\n"
        "戊己图书馆位于中央公园地库。馆内提供阅览座位约413个,藏书约80273册。\n"
    )
    libs = _libraries(text)
    assert libs[("collection.total", 16000)] == canonical_library("甲乙公园图书馆")
    assert libs[("collection.total", 20000)] == canonical_library("丙丁图书馆")
    # 馆内 in a paragraph headed by a library's name is that library
    assert libs[("collection.total", 80273)] == canonical_library("戊己图书馆")


def test_a_paragraph_not_headed_by_a_library_keeps_its_own_markers():
    text = "戊己图书馆2019年年报\n本馆位于中央公园。\n2019年馆内藏书约80273册。\n"
    ms = mentions(for_matching(text), "戊己图书馆")
    assert all(m.kind == OWN for m in ms if for_matching(text)[m.start : m.end] == "馆内")


# ---------------------------------------------------------------- places renamed, places inside names


def test_a_county_written_with_its_old_level_word_is_the_place_it_is_now():
    # (某山县图书馆 in an old text, 某山区 in the gazetteer: one library)
    assert canonical_library("海淀县图书馆") == canonical_library("北京市海淀区图书馆")
    assert canonical_library("萧山市图书馆") == canonical_library("萧山区图书馆")
    # a prefecture's short name with 县 is an old county the gazetteer does not hold: kept as written
    assert canonical_library("绵阳县图书馆") == "绵阳县图书馆"
    # a county the gazetteer holds, written as the city it became, is newer than the gazetteer: as written
    assert canonical_library("海安市图书馆") == "海安市图书馆"


def test_a_whole_county_word_inside_a_county_name_is_no_aggregate():
    assert canonical_library("天全县图书馆") == "天全县图书馆"
    assert canonical_library("全县公共图书馆") == "全县公共图书馆"


# ---------------------------------------------------------------- aggregates of regions that are no province


def test_a_region_that_is_no_province_names_its_aggregate_with_its_own_level_word():
    # (a province-level city, an autonomous region, a special administrative region: not 全省)
    assert canonical_library("上海市公共图书馆") == canonical_library("上海市全市公共图书馆")
    assert canonical_library("广西壮族自治区公共图书馆") == canonical_library("广西全区公共图书馆")
    assert "全省" not in canonical_library("香港公共图书馆")
    assert canonical_library("四川省公共图书馆") == canonical_library("四川全省公共图书馆")


# ---------------------------------------------------------------- abbreviations of the document's own places


def test_a_prefecture_abbreviated_as_the_text_names_it_in_full_is_that_prefecture():
    # (某州图书馆 on a page that names the autonomous prefecture in full: that prefecture's library, not a
    # county-level place of another province whose name the abbreviation also is)
    text = (
        "巴州图书馆寒假阅读忙\n"
        "1月20日,巴音郭楞蒙古自治州图书馆举办亲子阅读会,小读者早早排队。\n"
        "寒假以来,巴州图书馆接待读者3000余人次,外借图书5000册次。\n"
    )
    ms = mentions(for_matching(text), canonical_library("巴州图书馆"))
    assert {m.name for m in ms if m.kind == LIBRARY} == {"巴音郭楞蒙古自治州图书馆"}
    libs = _libraries(text)
    assert libs[("circulation.loans", 5000)] == "巴音郭楞蒙古自治州图书馆"
    # the abbreviation of a prefecture the text does not name is not resolved to it
    ms = mentions(for_matching("巴州图书馆寒假阅读忙\n寒假以来,巴州图书馆接待读者3000余人次。\n"), None)
    assert "巴音郭楞蒙古自治州图书馆" not in {m.name for m in ms}


# ---------------------------------------------------------------- parts of a breakdown


def test_a_part_named_before_its_own_figure_does_not_carry_past_a_semicolon():
    text = (
        "某某县图书馆五一假期服务简报\n"
        "五一假期,本馆共接待到馆读者26047人次,总馆15723人次,城市书房7118人次、东城分馆3206人次;"
        "文献累计借阅8398册次,总馆外借5895册次。\n"
    )
    own = "某某县图书馆"
    libs = _libraries(text)
    assert libs[("circulation.loans", 8398)] == canonical_library(own)
    assert libs[("visits.in_person", 7118)] == own + "城市书房"
    # the site named as a part has its own figure
    ms = mentions(for_matching(text), own)
    assert [m.name for m in ms if m.scope == "service_points"] == [own + "城市书房"]


# ---------------------------------------------------------------- the page's subject


def test_the_own_library_on_a_headline_is_the_page_subject_over_a_region_in_site_chrome_above():
    text = (
        "报社公告: 江西全省旅游招商引资实现首季开门红【投票】读者满意度调查候选学校公示名单及投票结果\n"
        "当前位置首页旅游资讯\n"
        "江西省图书馆成“避暑胜地” 既能“蹭凉”又能“充电”\n"
        "7月25日,记者走访发现,前来看书的市民很多。\n"
        "据工作人员介绍,从7月1日至24日,到馆人次达89713人次。\n"
    )
    ms_default = default_subject(for_matching(text), "江西省图书馆")
    assert ms_default is not None and ms_default.kind == OWN
    # with no headline naming it, a region opening the page is still the page's subject
    text = "2020年四川全省公共图书馆共接待读者2600万人次\n四川省图书馆发布统计。\n"
    assert default_subject(for_matching(text), "四川省图书馆").kind == REGION
