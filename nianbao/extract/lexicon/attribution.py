"""Attribution rules as data: library-name parts, aggregates, document dates and
the confidence weights.

No library, place or file names here: places come from the gazetteer
(`nianbao.gazetteer`, cpca's code list); these are the *words* around them.
"""

from __future__ import annotations

import re

# ------------------------------------------------------------------ library names

# the institution word that ends a library name
INSTITUTION = "图书馆"
# words allowed between a place and 图书馆 (东城区第一图书馆, 四川省少年儿童图书馆,
# 广东省立中山图书馆); normalised on output (少年儿童 → 少儿)
NAME_MIDDLE = re.compile(r"少年儿童|少儿|儿童|第[一二三四五六七八九十\d]{1,3}|[省市县区]立|中心|人民")
MIDDLE_CANON = {"少年儿童": "少儿"}
# a library with no place that is a name of its own (not a generic 市图书馆)
NAMED_WITHOUT_PLACE = re.compile(r"^(?:国家|首都)图书馆$")
# level words: the generic libraries 省图书馆/市图书馆/区图书馆 and what they are relative to
LEVEL_CHARS = {"省": 3, "自治区": 3, "市": 2, "州": 2, "盟": 2, "地区": 2, "区": 1, "县": 1, "旗": 1}
GENERIC_LEVEL = re.compile(r"^(?:本|我|该)?(省|市|区|县|旗)(?:级)?(少儿|少年儿童)?图书馆$")
# pinyin or other latin glosses inserted after characters: 图书馆(guǎn)
LATIN_GLOSS = re.compile(r"\([A-Za-zÀ-ɏ\u0300-\u036f\s]{1,12}\)|（[A-Za-zÀ-ɏ\u0300-\u036f\s]{1,12}）")
# a branch: <main library><branch name>分馆 (the branch name is short)
BRANCH = re.compile(r"^(?P<main>.*?图书馆)(?P<branch>[\u4e00-\u9fff]{1,12}?分馆)$")
# gazetteer names: suffixes dropped to get the short form people write (如皋 for 如皋市)
PLACE_SUFFIX = re.compile(r"(?:壮族|回族|维吾尔)?自治区$|特别行政区$|(?:(?<=..)(?:[\u4e00-\u9fff]{1,4}?族)+)?自治[州县旗]$|"
                          r"地区$|林区$|[省市县区旗盟州]$")
MIN_SHORT_PLACE = 2

# ------------------------------------------------------------------ aggregates

# a region-wide aggregate: 全省公共图书馆, 四川全省各级公共图书馆, 全市共有…, 全国公共图书馆
AGG_WORD = re.compile(r"全(省|市|区|县|州|盟|国)")
AGGREGATE = re.compile(
    r"(?P<all>全(?:省|市|区|县|州|盟|国))(?:范围内)?(?:的)?(?:各级|各类|各地|所有|县级以上)?(?:公共)?(?:图书馆|图书馆系统)|"
    r"(?P<qual>各级|各地|县级以上|市属|区属|县属|市级|省级)?公共图书馆"
)
# qualifiers kept in the aggregate's name (a different population than 全省)
AGG_KEEP = ("县级以上", "市属", "区属", "县属")
# the level word of an aggregate, from the place's level
AGG_LEVEL = {"province": "省", "prefecture": "市", "county": None}
NATIONAL = "全国公共图书馆"
# 全省 / 全市 climb from a smaller place to the one the word names
AGG_UP = {"省": "province", "市": "prefecture", "州": "prefecture", "盟": "prefecture"}
# a region-wide count without the word 图书馆 (全市共有…, 全区各级馆…)
REGION_CUE = re.compile(r"全(?:省|市|区|县|州|盟|国)(?:共有|共|范围内|各级|各类|公共|图书馆)|(?:省|市|区|县)域内")

# ------------------------------------------------------------------ document dates

# the date a page was published / a report was written (web-page chrome, signatures)
PUB_DATE = re.compile(
    r"(?:发布|发表|更新|发文|印发|上传|撰写|落款|日期|时间)(?:时间|日期)?\s*[:：]?\s*"
    r"(?P<y>(?:19|20)\d\d)\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})"
)
# a bare date line (2022-12-05, 2019年12月27日): the page's date when near the top
DATE_LINE = re.compile(r"^\s*(?P<y>(?:19|20)\d\d)\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")
# any full date in running text
ANY_DATE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})(?!\d)")
# months up to which a text written early in year Y still reports on year Y-1 (annual reports,
# reading reports published in spring)
EARLY_MONTHS = 6

# ------------------------------------------------------------------ confidence

CONFIDENCE_WEIGHTS = {
    # start from a perfect score and take off for each weak piece of evidence
    "base": 1.0,
    # the number
    "bare_number": 0.20,        # no unit written (label:value lines, table cells without a unit)
    # the metric cue
    "weak_cue": 0.15,           # the metric came from a context word (参与, 服务…), an ellipsis or a share
    # the year
    "inferred_year": 0.10,      # no year word in the sentence: the section's or the report's year
    "relative_year": 0.05,      # 去年/今年 resolved against the document's date
    "no_year": 0.35,            # no year at all
    # the library
    "guessed_library": 0.15,    # the report's own library was not found in its title lines
    "no_library": 0.30,         # no library and no region could be named
    "generic_library": 0.10,    # 市图书馆/省图书馆 resolved by level against the report's own
    # scope / period
    "unknown_scope": 0.20,
    "partial_period": 0.05,     # a month or a to-date figure: easy to compare with the wrong thing
    "plan_period": 0.10,
    # floor: never below this
    "floor": 0.05,
}
