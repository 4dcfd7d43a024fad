"""Parts listed after their whole keep their part's segment (issues 8 and 9).

Invented sentences: a holdings total followed by its parts by material, by language, loans by
subject class, a bracketed 其中 group that must not swallow the figures after the bracket, and
village bookrooms that are not the library's new service points.
"""

import pytest

from nianbao.extract import extract_document


def _figs(text: str, metric: str) -> dict[float, object]:
    return {f.value: f for f in extract_document(text).figures if f.metric == metric}


# (text, metric, {value: segment}): each value's figure of that metric has that segment
SEGMENT_CASES = {
    "material_parts_after_a_holdings_total": (
        "2020年工作总结\n2020年,本馆总藏书量52.4万册(件),其中古籍1.2万册,图书40.1万册,"
        "报刊9.6万份,缩微制品320件,其他1.05万件。",
        "collection.total",
        {
            524000: "all",
            12000: "ancient_books",
            401000: "books",
            96000: "periodicals",
            320: "microforms",
            10500: "other",
        },
    ),
    "language_parts_in_a_list_with_glosses_and_title_counts": (
        "2018年工作总结\n截止2018年底,共有藏书86万余册,其中汉文图书12.1万种60万余册,"
        "民文图书(维、哈等文)0.9万种8万余册,外文图书(英、日文)1.2万种7万余册,中文期刊连续种数3100种、3万余册,"
        "中文报纸连续种数210种、5万余册。",
        "collection.total",
        {
            860000: "all",
            600000: "chinese_books",
            80000: "minority_languages",
            70000: "foreign_languages",
            30000: "periodicals",
            50000: "newspapers",
        },
    ),
    "items_of_a_list_separated_by_enumeration_commas": (
        "2016年,本馆总藏书量近90万册,其中:\n1、纸型文献资源(80余万件册);汉文普通图书50万册、民文图书9万册、"
        "外文图书16万册。",
        "collection.total",
        {900000: "all", 500000: "chinese_books", 90000: "minority_languages", 160000: "foreign_languages"},
    ),
    # 图书、报刊 counted together as one figure: the whole year's additions, not periodicals
    "two_words_counted_together_are_no_part": (
        "2021年工作总结\n2021年,年增图书、报刊3400余册,办理借书证500个。",
        "collection.added",
        {3400: "all"},
    ),
    "loans_by_subject_class": (
        "2019年工作总结\n全年书刊外借共63.5万册次。在外借书刊中,哲学类1.2万册次,社会科学类30.4万册次,"
        "自然科学类9.9万册次,综合性书刊2.1万册次。",
        "circulation.loans",
        {635000: "all", 12000: "philosophy", 304000: "social_sciences", 99000: "natural_sciences", 21000: "general"},
    ),
    "subject_class_named_before_its_loans": (
        "2017年工作总结\n2017年全馆外借图书达520万册,2017年文学类借阅量高达1873420册。",
        "circulation.loans",
        {5200000: "all", 1873420: "literature"},
    ),
    "a_department_counted_on_its_own_is_a_part": (
        "2015年工作总结\n一年来共接待读者2.1万人次,电子阅览室接待读者8650人次。",
        "visits.in_person",
        {21000: "all", 8650: "e_reading_room"},
    ),
}


@pytest.mark.parametrize("text, metric, segments", SEGMENT_CASES.values(), ids=SEGMENT_CASES.keys())
def test_each_listed_value_has_its_segment(text, metric, segments):
    figs = _figs(text, metric)
    for value, segment in segments.items():
        assert figs[value].segment == segment, value


def test_a_part_word_alone_is_no_part_without_a_whole_before_it():
    figs = _figs("2022年工作总结\n图书31万册。", "collection.total")
    assert all(f.segment == "all" for f in figs.values())


def test_bracketed_qizhong_group_ends_at_the_bracket():
    text = (
        "2019年工作总结\n2019年举办公益讲座20场(其中“周末讲堂”15场)吸引听众900人次,"
        "组织各类阅读推广活动48场,举办图片展5期。"
    )
    figs = _figs(text, "activities.events")
    total, part = figs[20], figs[15]
    assert total.group_role == "total" and part.group_role == "part" and part.group_id == total.group_id
    assert figs[48].group_id != total.group_id
    assert figs[5].group_id != total.group_id


def test_village_bookrooms_are_not_new_service_points():
    text = (
        "2015年工作总结\n乡镇基层服务点建设工作共完成4个。图书馆抽调业务骨干两人负责全县15个点农家书屋建设工作,"
        "配送图书到位。"
    )
    figs = _figs(text, "network.service_points_added")
    assert 4 in figs
    assert 15 not in figs


def test_a_moment_of_national_history_dates_its_figure():
    text = (
        "2010年工作总结\n截止2010年底,本馆共有藏书64万余册。本馆成立于三十年代,至解放时藏书仅一万二千余册,后因故损失。"
    )
    figs = _figs(text, "collection.total")
    assert figs[640000].year == 2010
    assert figs[12000].year == 1949


def test_a_clause_with_no_subject_counts_the_part_named_before_it():
    text = "2016年工作总结\n2016年,本馆成人馆藏书籍90万余册,流通量有50万余册次;少儿部藏书15万余册,但其流通量竟高达40万余册次。"
    loans = _figs(text, "circulation.loans")
    assert loans[500000].segment == "adults"
    assert loans[400000].segment == "minors"
    # a clause with its own subject keeps its own segment (none here: the whole)
    whole = _figs("2016年工作总结\n2016年,本馆成人馆藏书籍90万余册,全馆外借图书60万册次。", "circulation.loans")
    assert whole[600000].segment == "all"
