"""Word lists for the boundaries of library names (session 7): where a name starts and ends,
which words after 图书馆 are a branch's name, which sites a paragraph is about.

Rules as data: used by `nianbao/extract/libraries.py` and `nianbao/extract/subjects.py`.
"""

from __future__ import annotations

import re

# words that make the text between 图书馆 and 分馆 a phrase, not a branch's name
# (已设立之分馆, 广图及其分馆, 下属各分馆)
BRANCH_PHRASE = re.compile(r"[之及其已的等各共]|设立|建成|所属|下属|全部|所有")

# a count of libraries before the name (29个乡镇市图书馆, 3所图书馆): the measure word and the
# number are no part of a name
COUNT_LEAD = re.compile(r"^[\d０-９.]*[个座家所间处]")

# the place's level written twice (某县市图书馆: the county's library, later the city's): the
# first level word names it
DOUBLED_LEVEL = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?P<first>[县])(?:市|区)$")

# a library named at the head of a paragraph and described by it (某某公园图书馆位于…, 某某图书馆
# 于2016年开幕): the subject of that paragraph, even without a place the gazetteer knows
HEAD_LIBRARY = re.compile(
    r"(?:^|(?<=\n))[ \t\u3000]*(?:\d+[、.]|[(（]\d+[)）])?[ \t\u3000]*"
    r"(?P<name>(?![该本我此这其新旧老原市省县区])[\u4e00-\u9fff]{2,10}?图书馆)"
    r"(?=位于|坐落|地处|始建|建于|创建于|成立于|于(?:\d|[一二]〇|[一二]零))"
)

# a page's own library run by a level (某市立图书馆, 某县立图书馆) that the gazetteer cannot place:
# its 全市 / 全县 is its own network, not a region whose place is unknown
OWN_RUN_BY_LEVEL = re.compile(r"(?P<lvl>[市县])立总?图书馆$")

# the words that point back to a library named before them (该馆, 馆内): in a paragraph headed by a
# library's name they are that library, not the page's own
ANAPHORIC_OWN = re.compile(r"该馆|馆内|该图书馆")

# county-level words a district may still be written with (a county or county-level city made a
# district: 某山县 / 某山市 for 某山区); districts are not made counties again
RENAMED_LEVELS = "县市旗"
RENAMED_TO = "区"

# the level words an aggregate is named with (全省, 全市…): a place whose name ends with one names its
# aggregate with it (上海市全市公共图书馆, not 全省 for a province-level city; 某某特别行政区 → 全区)
AGG_LEVEL_WORDS = "省市区县州盟旗"

# the level word a prefecture is abbreviated with: its short name + 州 (某南布依族苗族自治州 → 某南州),
# or for a long short name its first one or two characters + 州 (某音某楞蒙古自治州 → 某州)
ABBREVIATED_LEVEL = "州"
LONG_SHORT_NAME = 4

# a site of the page's library named as one part of a breakdown, right before its own figure
# (…、城市书房7118人次、…): that site (<馆名>城市书房)
SITE_PART = re.compile(r"(?:(?<=[,;:、，；：(（])|(?<=^))(?P<name>城市书房|城市阅读空间)(?=\d)", re.M)
# a part named right before its own figure (城区分馆3206人次) is the subject of that figure only: not of
# a clause after a semicolon (…;文献累计借阅8398册次: the whole again)
PART_FIGURE_AFTER = re.compile(r"\d")
CLAUSE_BREAK = re.compile(r"[;；]")

# the page's own library named on a short line among its first lines (a headline) makes it the page's
# subject, even when a line of site chrome above names a region first
OWN_HEADLINE_LINES = 4
OWN_HEADLINE_MAX_CHARS = 40
