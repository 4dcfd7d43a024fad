"""Segments of activities figures: parts are never filed as the whole (invented snippets)."""

from __future__ import annotations

import unicodedata

import pytest

from nianbao.extract import extract_document
from tests.support.figures import check_figures


def figures(text: str, metric_prefix: str = "activities"):
    result = extract_document(unicodedata.normalize("NFKC", text))
    return [(f.metric, f.value, f.segment) for f in result.figures if f.metric.startswith(metric_prefix)]


CASES = [
    pytest.param("2021年某县图书馆工作总结\n本馆积极开展面向少年儿童的阅读推广。截止年底，共开展相关主题活动45场，活动参与人数约2000人次。\n", "activities.events=45:minors activities.attendance=2000:minors ...", id="a_pointer_to_the_previous_sentence_takes_its_subset"),
    pytest.param("2021年某县图书馆工作总结\n服务品牌：“悦读童年”“书香家庭”等品牌深受欢迎，共举办活动32场次。\n", "activities.events=32:named_programmes", id="a_count_of_named_programmes_is_a_part"),
    pytest.param("2021年某县图书馆工作总结\n全年共举办读者活动120次，其中线上活动40次，共有3.2万人次参与各类活动。\n", "activities.events=120:all activities.events=40:online activities.attendance=32000:all ...", id="each_kind_words_make_the_whole"),
    pytest.param("2021年某县图书馆工作总结\n开展“基层馆员业务培训”系列活动12场次。\n", "activities.events=12:staff_training", id="a_single_quoted_subject_still_sets_the_segment"),
    pytest.param("2021年某县图书馆工作总结\n共开展线上活动50场，线上讲座26场。\n", "activities.events=50:online activities.events=26:online_lectures ...", id="online_lectures_are_not_all_online_activities"),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_activities_figures_and_their_segments(text, expected):
    check_figures(figures(text), expected)


def test_words_inside_a_list_of_event_names_do_not_set_the_audience():
    got = figures("2021年某县图书馆工作总结\n开展“少儿绘本故事会”、“老年智能手机课堂”、“非遗展览”等活动45场次。\n")
    assert len(got) == 1 and got[0][1] == 45 and got[0][2] != "minors"

