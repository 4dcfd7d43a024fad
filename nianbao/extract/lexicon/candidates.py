"""Why a number is not a figure: the rejection reasons of candidates, as data.

Every number of a document is a candidate (`nianbao.extract.candidates`). One
that did not become a figure gets the first reason of `REASON_RULES` whose
test matches the text around it; a number no rule explains gets `no_unit`
(a bare number) or `unknown_metric` (a counted number with no cue we know).
A rule is a set of regular expressions, all optional, all of which must match:

  number  the number as written (digits, Chinese numerals, 万/亿, range)
  unit    the unit written right after it (年, 人次, 万元 ...; '' when bare)
  left    the text of its clause before the number (ends at the number)
  right   the text after the number (and its unit) up to the clause end
  line    the whole line the number sits on
  line_left  the line up to the number
  before  the two characters right before the number
  after   the characters right after the number (unit included)

Rules describe wording, never a report: no library, place or file names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import (
    DELTA,
    FRACTIONAL_COUNT_UNITS,
    FRACTIONAL_TOTAL_LEFT,
    INDIVIDUAL,
    MULTI_YEAR,
    OTHER_INSTITUTION,
    PER_UNIT_RIGHT,
    RATE_WORDS,
    RATIO,
    SINCE_YEAR,
)


@dataclass
class ReasonRule:
    reason: str
    number: str | None = None
    unit: str | None = None
    left: str | None = None
    right: str | None = None
    line: str | None = None
    line_left: str | None = None
    before: str | None = None
    after: str | None = None
    regexes: dict = field(init=False, repr=False)

    def __post_init__(self):
        self.regexes = {k: re.compile(v) for k, v in
                        (("number", self.number), ("unit", self.unit), ("left", self.left),
                         ("right", self.right), ("line", self.line), ("line_left", self.line_left), ("before", self.before),
                         ("after", self.after)) if v is not None}


# reason codes with their meaning (raw.candidates.reason; docs of stg_nianbao__candidates)
REASONS = {
    "junk_line": "web-page furniture: a menu, counter, publication date, contact or copyright line",
    "phone": "a telephone, fax or hotline number",
    "code": "part of a code, a coordinate or a name glued to Latin letters (5G, Z39.50, ISBN, 3D, 23°07′, a form's row code)",
    "date": "part of a date or time of day (8月26日, 2022-08-26, 9:30)",
    "year": "a year or birth decade (2021年, 2019—2021, 2020年度, 80后)",
    "percentage": "a percentage or percentage points (12%, 百分之五, 3个百分点)",
    "per_capita": "a per-capita or per-N-persons ratio (人均, 每万人)",
    "average": "an average or a rate per day/month (日均, 平均, 月均)",
    "rate_norm": "a standing norm (每年不少于6次, 每周开放56小时)",
    "cumulative": "a total over several years (十三五期间, 建馆以来, 近五年)",
    "change": "a change, not a level (比上年增长, 增加了, 下降)",
    "ordinal": "an ordinal or list number (第3名, 排名第一, 1., (2), 一、)",
    "individual": "one person's record, not the library's (借阅冠军, 一位读者)",
    "other_institution": "a figure of another kind of institution (文化馆, 博物馆, 游客)",
    "non_metric": "a quantity the vocabulary does not code (seats, floor area, staff, e-books, databases, libraries)",
    "money_other": "an amount of money that is not one of the spending metrics",
    "other_unit": "a unit no metric uses (平方米, 小时, 岁, 种, 天 ...)",
    "ratio": "a stated ratio kept for ratio checks (kind 'ratio'), not a figure",
    "truncated": "the number the excerpt stops at (cut off mid-sentence)",
    "no_unit": "a bare number with no unit and no label that names a metric",
    "unknown_metric": "a counted number whose context names no metric the extractor knows (or the extractor refused it)",
}

_P = lambda rx: rx.pattern  # noqa: E731 - reuse the extractor's own word lists (one source of truth)

# first matching rule wins; order: unmistakable forms first, then context words
REASON_RULES: list[ReasonRule] = [
    ReasonRule("phone", number=r"^(?:0\d{2,3}\s*[-—]\s*\d{7,8}|1[3-9]\d{9}|\d{3,4}\s*[-—]\s*\d{3,4}\s*[-—]\s*\d{3,4}|400\d{7}|\d{7,8})$",
               after=r"^(?!\s*(?:人次|人|册次|册|件|次|场|个|家|元|万|种))"),  # 1226507人次: a count, not a phone
    ReasonRule("phone", left=r"(?:电话|热线|传真|手机|咨询电话|联系方式|Tel|TEL|tel|QQ)[^,;。]{0,6}$"),
    ReasonRule("code", before=r"[A-Za-z][.\-]?$"),
    ReasonRule("code", after=r"^[A-Za-z]"),
    ReasonRule("code", left=r"(?:邮编|邮政编码|备案号?|ICP|编号|代码|书号|ISBN|ISSN)[^,;。]{0,6}$"),
    ReasonRule("date", number=r"^\d{4}\s*[-/.]\s*\d{1,2}(?:\s*[-/.]\s*\d{1,2})?$"),
    ReasonRule("date", after=r"^\s*(?:月(?!\s*[均底末])|日|号(?![馆楼])|时(?![间期代])|点(?:\d|[0-5]?\d分|半|钟))"),
    ReasonRule("date", before=r"(?:\d\s*[:：]|\d[./·-]|年|月)$", after=r"^\s*(?:月|日|号|[:：]\d|[./·-]\d|$|[^\d万亿千百])",
               number=r"^\d{1,2}$"),
    ReasonRule("date", before=r"\d\s*[:：]$"),
    ReasonRule("date", number=r"^\d{1,2}$", after=r"^\s*[·.]\s*\d{1,2}(?!\d)"),
    ReasonRule("year", number=r"^(?:19[4-9]\d|20[0-4]\d)(?:\s*[-—~至到]\s*(?:19[4-9]\d|20[0-4]\d))?$",
               after=r"^\s*(?:年|[-—~至到]|届|级|版|$|[^\d万亿千百册人元张场次个家处件份%])"),
    ReasonRule("year", number=r"^[〇零一二三四五六七八九]{4}$", after=r"^\s*年"),
    ReasonRule("year", number=r"^[0-9]0$", after=r"^\s*后"),   # 80后: a birth decade
    ReasonRule("code", after=r"^\s*[°′″]|^\.\d+\s*°"),          # coordinates 23°07′
    ReasonRule("percentage", after=r"^\s*(?:%|‰|个百分点|成(?![为立员果本绩效功]))"),
    ReasonRule("percentage", left=r"百分之\s*$"),
    ReasonRule("per_capita", left=_P(RATIO)),
    ReasonRule("per_capita", right=r"^\s*[/／]\s*(?:人(?!次)|位|户)"),     # 15册次/人: a limit per reader
    ReasonRule("average", right=_P(PER_UNIT_RIGHT)),                     # 300人次/天
    ReasonRule("average", left=r"(?:[日月周年]均|平均|每天|每日|每月|每周|每场|每次|每期)[^,;。]{0,10}$"),
    ReasonRule("average", number=r"^\d+\.\d*[1-9]\d*$", unit=r"^(?:" + "|".join(FRACTIONAL_COUNT_UNITS) + r")$",
               left=r"^(?!.*(?:" + _P(FRACTIONAL_TOTAL_LEFT) + r"))"),
    ReasonRule("rate_norm", left=_P(RATE_WORDS)),
    ReasonRule("cumulative", left=_P(MULTI_YEAR)),
    ReasonRule("cumulative", left=_P(SINCE_YEAR)),
    ReasonRule("cumulative", left=r"累计(?!办证|发放|办理)|总计[^,;。]{0,4}(?:年|届)"),
    ReasonRule("change", left=_P(DELTA)),
    ReasonRule("change", right=r"^\s*(?:的增长|的增幅|增幅|增长率)"),
    ReasonRule("change", unit=r"^(?:元|万元|亿元|千元)$", left=r"净?(?:增加|减少|增长|下降)了?\s*$"),
    ReasonRule("ordinal", before=r"第$|[第No.#№]\s*$"),
    ReasonRule("ordinal", left=r"(?:排名|位列|名列|位居|列|第)\s*$"),
    ReasonRule("ordinal", line_left=r"^\s*[(（]?\s*$", after=r"^\s*[)）、．]|^\.(?!\d)"),
    ReasonRule("individual", left=_P(INDIVIDUAL)),
    ReasonRule("other_institution", left=_P(OTHER_INSTITUTION)),
    ReasonRule("money_other", unit=r"^(?:元|万元|亿元|千元)$"),
    ReasonRule("other_unit", unit=r"^(?:平方米|分钟|小时|周年|课时|组家庭|篇|户|位|台|种|部|天|箱|年|月|日|号|岁|条|项|类|届|批|层|米|公里|"
                                  r"亩|平米|㎡|TB|GB|M|G|个月|余年|多年|周|期)$"),
    ReasonRule("other_unit", after=r"^\s*(?:平方米|平米|㎡|亩|分钟|小时|周年|课时|篇|户|位|台|种|部|天|箱|岁|条|项|类|届|批|层|米|公里|余年|多年|个月|周)"),
    ReasonRule("non_metric", left=r"(?:座位|座席|坐席|阅览座|面积|建筑|占地|职工|员工|在编|编制|工作人员|馆员|志愿者|电子(?:图书|书|期刊|资源)|"
                                  r"数据库|馆舍|计算机|电脑|终端|设备|服务器|存储)[^,;。]{0,12}$"),
    ReasonRule("non_metric", left=r"图书馆(?:总数|数量?)?(?:共有|共计|共|有|达|为|已达|增至)*\s*$"),
    ReasonRule("non_metric", right=r"^\s*(?:[个座家所]?(?:公共|县级|市级|乡镇|街道)?(?:图书馆|文化馆|文化站|博物馆)|座位|个?座席|台(?:电脑|计算机)|个数据库|种(?:电子|数字)?(?:期刊|报纸|报刊))"),
]

# reasons for which a rejected number's `metric` is guessed from its clause (the others are
# never a count of anything: dates, years, phone numbers ...)
GUESS_METRIC_FOR = frozenset({"per_capita", "average", "rate_norm", "cumulative", "change", "individual",
                              "other_institution", "non_metric", "money_other", "truncated", "no_unit",
                              "unknown_metric", "ratio", "ordinal"})

# a candidate within this many characters of the end of the text is where the excerpt stops
TRUNCATED_TAIL = 3

# numbers found beside the numeric finder of `numbers.py`: words that state a number
# with no digit (破亿 = 100000000, at_least). (pattern, value)
WORD_NUMBERS: list[tuple[str, float]] = [
    (r"(?:破|过|超|上|逾|近|达|突破)亿", 100_000_000),
    (r"(?:破|过|超|上|逾|近|达|突破)千万", 10_000_000),
    (r"(?:破|过|超|上|逾|近|达|突破)百万", 1_000_000),
    (r"(?:破|过|超|上|逾|近|达|突破)十万", 100_000),
]
WORD_NUMBERS_RE = [(re.compile(p), v) for p, v in WORD_NUMBERS]

# units recognised after a number that no metric uses (for the candidate's `unit`)
OTHER_UNIT_RE = re.compile(r"平方米|平米|㎡|亩|分钟|小时|周年|课时|组家庭|个月|余年|多年|篇|户|位|台|种|部|天|箱|年|月|日|号|岁|条|项|类|届|批|层|米|公里|周")

# ------------------------------------------------------------------ scale stated beside a bare number
# A bare number means thousands or ten-thousands when its label says so: a unit in
# brackets earlier on its line (图书总藏量(千册) 30510 …), a scaled unit glued right
# before it (statistical forms: 千元1,270), or a line holding only that unit just above
# it (forms printed one cell per line). (regex, group holding the scale character)
SCALE_IN_LABEL = re.compile(r"[(（]\s*(千|万|亿)\s*(?:册次|人次|册|件|元|人|张|场次|次|个|米|平方米)[^)）\d]{0,6}[)）]|"
                            r"\(\s*(10[ ,]?000|1[ ,]?000|100 million)\b")
SCALE_GLUED_BEFORE = re.compile(r"(千|万|亿)(?:册次|人次|册|件|元|人|张)\s*$")
SCALE_LINE_ABOVE = re.compile(r"^\s*(千|万|亿)(?:册次|人次|册|件|元|人|张)\s*$")
SCALE_OF = {"千": 1_000, "万": 10_000, "亿": 100_000_000, "10 000": 10_000, "10,000": 10_000, "10000": 10_000,
            "1 000": 1_000, "1,000": 1_000, "1000": 1_000, "100 million": 100_000_000}
# a table's unit statement (单位:万元) scales the bare numbers after it, up to this many characters
UNIT_STATEMENT = re.compile(r"单\s*位\s*[:：]\s*(千|万|亿)\s*(?:元|册|人次|册次|件)")
UNIT_STATEMENT_REACH = 4000
# a line of numbers only continues the label of the line above (a wrapped table row);
# a line starting with # is a sub-item (其中) of the row above and shares its unit
NUMBERS_ONLY_LINE = re.compile(r"^[\d\s.,\-—]+$")
SUB_ITEM_LINE = re.compile(r"^\s*#")
# a number written with spaces between its thousands (4 960件): one number when a unit follows
SPACED_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?: \d{3})+(?![\d.,])(?=\s*(?:册|件|人次|人|元|万|张|场|次|个|家))")

# ------------------------------------------------------------------ statistical forms
# A form (a document with a code column) prints each row's code glued to its label
# and its value glued to the code: 图书17285,251 = code 17, value 285,251. In such a
# document a bare digit run glued to a label character is split after the first
# FORM_CODE_WIDTH digits into the code (reason `code`) and the value.
FORM_DOCUMENT = re.compile(r"(?:代\s*码|行\s*次|栏\s*次)\s*单\s*位|项\s*目\s*(?:代\s*码|行\s*次|栏\s*次)")
FORM_GLUED = re.compile(r"(?P<pre>[\u4e00-\u9fff])(?<![千万亿元册件套人次张个])[ \t\u3000]*"
                        r"(?P<num>\d{3,}(?:,\d{3})*(?:\.\d+)?|\d{1,2}(?:,\d{3})+(?:\.\d+)?)"
                        r"(?=[\s\u3000]|$|(?![余多万亿千百册件人次元张个场家处份所座期本名项位种部天年月日号岁条类届批层米])[\u4e00-\u9fff])")
FORM_CODE_WIDTH = 2
