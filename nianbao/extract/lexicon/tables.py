"""Table layouts and table-label rules, as data (used by `extract.tables` and
`extract.table_figures`).

Everything here describes how tables *look* once a report has become plain
text (columns aligned with spaces, one cell per line between separator lines,
statistical forms whose row code is glued to its value, year columns with the
unit scale written in the row label), never one report: no library, place or
file names.
"""

from __future__ import annotations

import re

# ------------------------------------------------------------------ column heads

# a value column named after a period: 2019 / 2019年 / 2019年度 / 6月 / 本年 / 上年同期
PERIOD_HEAD = re.compile(
    r"(?:(?:19|20)\d\d(?:\s*年(?:度|末|底)?)?|(?:民[國国])?(?:[89]\d|1[0-2]\d)年度?|(?:[1-9]|1[0-2])月份?|本年(?:度)?|上年(?:度|同期)?|去年(?:同期)?|今年|"
    r"上半年|下半年|第?[一二三四1-4]季度)")
# the head of a value column that names no period (项目 数量 / 指标 数值)
PLAIN_VALUE_HEAD = re.compile(r"数量|数值|数据|数目|完成数|完成情况|实际完成|本年实际|全年|合计|总计|金额|指标值")
# a year written as a column head (with or without 年)
YEAR_HEAD = re.compile(r"((?:19|20)\d\d)\s*年?(?:度|末|底)?")
# a Republic-of-China year (Taiwan): 民國105年 anywhere (a title), or a bare 105年 as a column
# or row head; the Gregorian year is ROC + ROC_OFFSET, read only inside ROC_RANGE (1991–2041)
ROC_YEAR = re.compile(r"民[國国]\s*(\d{2,3})\s*年")
# a two-digit year head (19年 / 20年度), read when it is no ROC year
SHORT_YEAR_HEAD = re.compile(r"(\d{2})\s*年(?:度|末|底)?")
ROC_YEAR_HEAD = re.compile(r"(?:民[國国]\s*)?(\d{2,3})\s*年(?:度|末|底)?")
ROC_OFFSET = 1911
ROC_RANGE = (80, 130)
# a month column head (6月, 十二月份): the figures below it cover part of the year
MONTH_HEAD = re.compile(r"(?:(?:19|20)\d\d年)?(?:[1-9]|1[0-2]|[一二三四五六七八九十]|十[一二])月份?")
# a column of figures to date (1-11月完成 / 1至6月 / 截至9月 / 前三季度): a part of the year
TO_DATE_HEAD = re.compile(r"(?<!\d)(?:[1１一]\s*[-—~～至到]\s*(?:[1-9]|1[01]|[二三四五六七八九十]|十一)\s*月|截[至止]\s*\d{1,2}\s*月|前[一二三]季度)")
# a change column (同比增减(%), 增长率, 比上年±%): never a level, but it tells how glued values split
CHANGE_HEAD = re.compile(r"同比|增减|增长|增幅|变化|比上年|±|%")

# a row label never ends a sentence (a line with one is prose, not a label broken over lines)
SENTENCE_END = re.compile(r"[。;；!?！？]")

# ------------------------------------------------------------------ cell streams

# a line that only separates two cells of a flattened table (`|`, `｜`)
CELL_SEPARATOR_LINE = re.compile(r"^[ \t]*[|｜][ \t]*$")
# numeric cell: 1,234 / 12.5 / -3.0 / 45% / — (nothing)
NUMERIC_CELL = re.compile(r"^[+-]?\d[\d,]*(?:\.\d+)?\s*%?$|^[—–-]{1,2}$")

# a cell that holds a value: a number with an optional unit (2600 / 12.5万 / 180人次 / 36%), a date
VALUE_LIKE_CELL = re.compile(r"^(?:约|近|超)?[+-]?\d[\d,]*(?:\.\d+)?\s*(?:[万亿千]?[^\d\s]{0,3})?(?:余|多)?$|"
                             r"^\d{1,2}月\d{1,2}日$|^\d{4}[-./年]\d{1,2}(?:[-./月]\d{1,2}日?)?$")

# ------------------------------------------------------------------ statistical forms

# the header of a statistical form names a row-code column (项目 代码 单位 指标)
FORM_CODE_HEAD = re.compile(r"代\s*码|行\s*次|栏\s*次|编\s*码")
FORM_UNIT_HEAD = re.compile(r"单\s*位|计量单位")
FORM_LABEL_HEAD = re.compile(r"项\s*目|指标名称|名\s*称")
# the words a form's header line is made of (nothing else may be on it)
FORM_HEAD_WORDS = re.compile(r"项\s*目|指\s*标(?:名称)?|名\s*称|代\s*码|行\s*次|栏\s*次|编\s*码|计量单位|单\s*位|数\s*值|"
                             r"本年|上年|实\s*际|合\s*计|备\s*注|序\s*号|[甲乙丙丁]|\s")
# unit cells of a statistical form, longest first (a unit is only a unit right after a row code)
FORM_UNITS = ("万人次", "千人次", "万册次", "千册次", "万元", "千元", "亿元", "册、件", "件、套", "万册", "千册",
              "人次", "册次", "场次", "平方米", "元", "册", "件", "套", "人", "个", "次", "场", "台", "种", "米")
FORM_UNIT_RE = re.compile("|".join(re.escape(u) for u in FORM_UNITS))
# an item number that starts a label (二、藏量 / 1、图书 / (3) / 十七、)
ITEM_NUMBER = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.]|\d{1,2}[、.](?!\d)|[(（]\s*[\d一二三四五六七八九十]{1,3}\s*[)）])")
TOP_LEVEL_ITEM = re.compile(r"^\s*[一二三四五六七八九十]+[、.]")
# 在藏量中:开架书刊 / 在支出合计中:工资福利支出: the row names its own parent
NAMED_PARENT = re.compile(r"^\s*在\s*([^:：]{1,10}?)\s*中\s*[:：]")
SUB_ITEM = re.compile(r"^\s*(?:其中|含)\s*[:：]?")
# the cell of a row-number column (序号) says how its row is nested, as an item number written in
# the label would: ① / (1) / 1) → an item of the whole above (as 1、), 一 → a top-level row (as 一、);
# plain digits (① once NFKC-normalised) nest by their sequence: a 1 after a numbered row opens a
# list of items, a number that continues the outer list closes it (table_figures._row_levels)
ITEM_ROW_NUMBER = re.compile(r"[\u2460-\u2473\u2474-\u249b]|[(（](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）]|\d{1,2}[)）]")
TOP_ROW_NUMBER = re.compile(r"[一二三四五六七八九十]{1,3}")
DIGIT_ROW_NUMBER = re.compile(r"\d{1,3}")

# a flattened web table printed one cell per line, each cell followed by `|` (runs of `|` at the
# row ends): `一、财政拨款收入 |` / `1 |` / `97.97 |`
PIPE_TRAILED_CELL = re.compile(r"^[ \t]*(?P<cell>[^|\n]*?)[ \t]*\|[ \t|]*$")
# the head of the value column of such a form (金额 / 决算数 / 预算数)
FORM_VALUE_HEAD = re.compile(r"金\s*额|数\s*额|决算数|预算数|本年(?:数|决算|预算)?|合\s*计|数\s*值")
# a row code cell (行次 1, 2 … 36)
ROW_CODE_CELL = re.compile(r"\d{1,3}")
# a money amount cell of a budget form (97.97 / 1,234.50 / 2345): not a row code
AMOUNT_CELL = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\d{3,}")

# ------------------------------------------------------------------ unit scale in a label

# (千册) (千人次) (万元) (1000 volumes): the multiplier of every value in the row
SCALE_PREFIX = {"千": 1_000, "万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000, "百万": 1_000_000}

# ------------------------------------------------------------------ label words

# subject words a row label may carry around its cue (公共图书馆图书总藏量, 全省公共图书馆…)
LABEL_SUBJECT = re.compile(r"^(?:全[省市区县国州盟])?(?:各级|各类)?(?:公共)?图书馆|^(?:全[省市区县国州盟])|^#+")

# parts of a whole named in a form or table row, with their segment code; a row
# labelled only with a part word inherits the metric of the nearest whole above it
# of the same unit family (money / counts)
PART_WORDS: list[tuple[re.Pattern, str]] = [
    (re.compile(r"^(?:盲文(?:图书|读物|文献)?)$"), "braille"),
    (re.compile(r"^(?:少儿|儿童|少年儿童|未成年人)(?:文献|图书|读物|书刊)?$"), "minors"),
    (re.compile(r"^开架(?:书刊|图书|文献)?$"), "open_shelf"),
    (re.compile(r"^(?:古籍善本|善本)(?:书|图书)?$"), "rare_books"),
    (re.compile(r"^古籍$"), "ancient_books"),
    (re.compile(r"^(?:图书|普通图书|纸质图书)$"), "books"),
    (re.compile(r"^(?:报刊|期刊|报纸|报纸期刊)$"), "periodicals"),
    (re.compile(r"^(?:视听文献|视听资料|音像制品|视听文献[、,]?缩微制品)$"), "audiovisual"),
    (re.compile(r"^缩微制品$"), "microforms"),
    (re.compile(r"^电子(?:图书|文献|书刊)$"), "electronic"),
    (re.compile(r"^(?:其他|其它)$"), "other"),
    (re.compile(r"^成人$"), "adults"),
    (re.compile(r"^基本支出$"), "basic"),
    (re.compile(r"^项目支出$"), "project"),
]

# segment words written before a cue in a column head (成人外借册次, 少儿外借册次)
HEAD_SEGMENTS: list[tuple[re.Pattern, str]] = [
    (re.compile(r"^(?:少儿|儿童|少年儿童|未成年人?)"), "minors"),
    (re.compile(r"^成人"), "adults"),
]

# form labels whose wording the prose cues do not cover (economic classification of spending)
FORM_LABEL_METRICS: list[tuple[re.Pattern, str]] = [
    (re.compile(r"^商品和服务支出$"), "spending.operations"),
    # 藏量购置费 (a yearbook's 其中 row under 总支出): the money spent on acquisitions
    (re.compile(r"^(?:新增|本年)?藏量购置(?:费|经费)$"), "spending.collections"),
]
# count labels whose cues tie in the prose lexicon (新购 / 藏量: 本年新购藏量 is what was added)
TABLE_LABEL_METRICS: list[tuple[re.Pattern, str]] = [
    # a bare 借书证 / 读者证 column or row: the cards held (a stock), not loans
    (re.compile(r"^(?:读者|借书|借阅)证(?:数|总数|数量)?$"), "users.registered_total"),
    (re.compile(r"^(?:本年|全年|当年|年)?(?:新购|新增|入藏)(?:藏量|藏书|馆藏)(?:数|量|总量)?$"), "collection.added"),
]

# ------------------------------------------------------------------ bilingual (yearbook) labels

# a yearbook label followed by its English translation (总藏量(万册、件) Total Collections (10 000
# volumes)): the translation starts at the first Latin word after the Chinese
TRANSLATION_TAIL = re.compile(r"(?<=[\u3000-\u9fff)）])\s*[A-Za-z][A-Za-z0-9 ,.;:()（）'’&/#+\-]*$")
# a row whose Chinese label is lost and only its English translation is left:
# the standard wording of statistical yearbooks, checked in this order
EN_LABEL_METRICS: list[tuple[re.Pattern, str]] = [
    (re.compile(r"\b(?:library|borrowing|reader'?s?)\s+cards?\b|\bregistered\s+(?:readers|users)\b", re.I),
     "users.registered_total"),
    (re.compile(r"\b(?:purchase|acquisition)\s+(?:expenses?|expenditures?|funds?)\b", re.I), "spending.collections"),
    (re.compile(r"\btotal\s+expenditures?\b", re.I), "spending.total"),
    (re.compile(r"\b(?:books?|volumes?|items?)\s+purchased\b|\bnew\s+acquisitions?\b|\bnewly\s+(?:added|acquired)\b",
                re.I), "collection.added"),
    (re.compile(r"\btotal\s+(?:collections?|holdings?)\b", re.I), "collection.total"),
    (re.compile(r"\b(?:books?|volumes?|items?)\s+(?:borrowed|lent|loaned)\b|\b(?:number\s+of\s+)?loans\b", re.I),
     "circulation.loans"),
    (re.compile(r"\btotal\s+(?:number\s+of\s+)?circulation\b|\b(?:number\s+of\s+)?(?:visits|visitors)\b", re.I),
     "visits.in_person"),
    (re.compile(r"\b(?:participants?|attendance|attendees|audiences?)\b", re.I), "activities.attendance"),
    (re.compile(r"\b(?:activities|events|lectures|exhibitions)\b", re.I), "activities.events"),
]
# the unit in an English label's brackets: (10 000 volumes) / (time) / (10 000 yuan)
EN_UNIT_IN_BRACKETS = re.compile(r"\(\s*(?P<scale>10\s?000|1\s?000|100\s?000\s?000)?\s*"
                                 r"(?P<unit>[A-Za-z][A-Za-z .\-]*?)\s*\)", re.I)
EN_SCALES = {"1000": "千", "10000": "万", "100000000": "亿"}
EN_UNITS = {"volumes": "册", "volume": "册", "books": "册", "items": "件", "pieces": "件", "yuan": "元",
            "person-times": "人次", "person times": "人次", "persons": "人", "people": "人", "units": "个",
            "unit": "个", "cards": "个", "time": "次", "times": "次", "sessions": "场", "events": "次"}
# a sub-row of the row above (#藏量购置费 under 总支出): it shares that row's unit
SUB_ROW_MARK = re.compile(r"^\s*[#＃]")

# a row or column named after one site of a library system: the central library, a branch
SITE_NAME = re.compile(r"(?:总馆|本馆|主馆|中心馆|[^\d\s]{0,10}分馆)")
BRANCH_SITE = re.compile(r"(?<!总)分馆")
# a row named after an area of the library (成人区 / 少儿阅览区): a part of the library's figure,
# its segment read from the name; a row named after a service point (城市书房 / 24小时自助服务点)
AREA_ROW = re.compile(r"(?:成人|少儿|儿童|少年儿童|青少年|亲子|老年)(?:阅览|借阅|阅读|图书)?区")
POINT_ROW = re.compile(r"[^\d\s]{0,10}?(?:书房|服务点|流通点|驿站|书吧)")
# a row named after a whole library (one row per library of an area: 甲县图书馆 / 乙区少儿图书馆),
# not a service (数字图书馆) and not an aggregate (全市公共图书馆): its figures are that library's
LIBRARY_ROW = re.compile(r"(?![^\n]*(?:数字|电子|网上|掌上|移动|智慧|自助|流动|虚拟|公共|各级|各类|全[省市区县国]))"
                         r"[^\d\s]{1,16}?图书馆(?:[^\d\s]{1,10}?分馆)?")
# rows that are a table's total (合计 / 总计)
TOTAL_ROW = re.compile(r"^(?:全年|年度|本年)?(?:合计|总计|累计|总数|共计)$")

# words a table label may carry beyond those of the shared TABLE_LABEL_FILLER
# (参观展览人次, 参加培训班人次: the verb of the attendance; 为读者服务举办各种活动: whom it serves)
TABLE_EXTRA_FILLER = re.compile(r"参观|参加|参与|观看|组织|举办|开展|各类|为(?:读者)?服务|为读者")

# a form row that counts the people at the events of the row above it, naming no event itself
# (举办展览 个 150 / 参观人次 人次 118,065): the attendance of that kind of event
ATTENDANCE_ROW = re.compile(r"(?:参加|参与|参观|观看|听讲|培训|观展)?(?:人次|人数)")

# an earmarked grant (income side: 购书专项经费) beside the spending itself (新增藏量购置费):
# when one table states both for one metric, the spending is the figure
EARMARK = re.compile(r"专项(?:经费|资金|拨款)")

# the catch-all row that makes a numbered list of parts complete
OTHER_PART = re.compile(r"其他|其它")

# statistical forms printed one row per line without separators (101总藏量万册45.6 /
# 201 总流通人次 人次 186500): an optional row code, a label, a unit, a value
FORM_LINE_UNITS = ("万册次", "万人次", "万册", "万人", "万次", "万个", "万张", "万元", "千元", "亿元", "元",
                   "册次", "人次", "场次", "册", "件", "次", "场", "个", "张", "人", "家", "处", "所", "座", "期",
                   "平方米", "台", "种", "部", "小时", "天")
FORM_LINE = re.compile(
    r"^[ \t]*(?P<code>\d{2,4}(?:\.\d+)?)?[ \t]*(?P<label>[^\d\s\t][^\t\d]{0,24}?)[ \t]*"
    r"(?P<unit>" + "|".join(FORM_LINE_UNITS) + r")[ \t]*(?P<val>-?\d[\d,]*(?:\.\d+)?)[ \t]*$")

# ------------------------------------------------------------------ reading table cells (table_figures)

# a unit written in a label, head or title: (万元) (千册) 单位:人次
UNIT_WORD = r"(?:[万亿千]?(?:册次|人次|场次|册件|件次|元|册|人|场|次|个|家|处|张|件|份|所|座|期|本|名)|%|[万亿千])"
# (万册、件): the first of two units joined by 、 is the unit ((人次/天) is a rate, not a unit)
UNIT_IN_BRACKETS = re.compile(rf"[(（](?:单位[:：])?\s*({UNIT_WORD})(?:\s*、\s*[^()（）\d/]{{1,3}})?\s*[)）]|单位[:：]\s*({UNIT_WORD})")
# a cell of a row of units under the heads: (万册) / 万人次 / 单位:册, or the row's 单位 label
UNIT_ROW_CELL = re.compile(rf"[(（]?(?:单位[:：])?(?P<unit>{UNIT_WORD})[)）]?|(?:计量)?单位")
# a value cell that writes its unit: 52.3万人次 / 300余场 / 320万元 / 约15万 (number, then unit)
VALUE_UNIT_CELL = re.compile(rf"^\s*(?P<num>(?:约|近|超|逾)?\s*-?\d[\d,]*(?:\.\d+)?\s*(?:余|多)?)\s*(?P<unit>{UNIT_WORD})\s*$")
# a value cell: 1,234 / 约12.5万 / 300余
VALUE_CELL = re.compile(r"^\s*(?:约|近|超|逾)?\s*-?\d[\d,]*(?:\.\d+)?\s*(?:万|亿)?\s*(?:余|多)?\s*$")
# the head of the column of row labels
LABEL_COLUMN_HEADS = ("名称", "项目", "指标", "内容", "类别", "科目", "类型", "名 称")
# an event table has a date head and a name head (its rows are events, not figures)
EVENT_DATE_HEAD = re.compile(r"时间|日期")
EVENT_NAME_HEAD = re.compile(r"主题|活动|名称|内容")
# a column named relative to the report year: 本年 / 上年同期 / 去年实际
RELATIVE_YEAR_HEAD = re.compile(r"^(本年|今年|当年|本年度|上年|去年|上一年|上年度|前年)(?:同期)?(?:实际|完成|数|数据|累计|合计)?(?:\(.*\))?$")
# a label that names its own unit: 举办活动次数, 讲座场次
LABEL_NAMES_UNIT = re.compile(r"(次数|场数|场次)$")
# a month, quarter or half year (as a row or column head): a part of the year
PART_OF_YEAR = re.compile(r"(?:(?:19|20)\d\d年)?(?:(?:[1-9]|1[0-2])|[一二三四五六七八九十]|十[一二])月份?|第?[一二三四1-4]季度|上半年|下半年")
MONEY_UNITS = ("万元", "千元", "亿元", "元")
# units a table may count events in besides 次/场 (举办展览 个, 培训班 期)
EVENT_COUNT_UNITS = ("个", "期", "项")
# a column of targets (目标 / 计划 / 预计 / 预算数 / 目标任务): its values are plans, unless the head
# says they are what was done (完成 / 实际 / 决算)
PLAN_HEAD = re.compile(r"目标|计划|预计|预算|任务|规划")
DONE_HEAD = re.compile(r"完成|实际|决算|实现|执行")
# heads of columns that hold no level: row numbers, codes, shares, notes, changes
NON_VALUE_HEADS = ("序号", "代码", "行次", "编号", "占比", "%", "备注", "增减", "同比", "增长", "增幅", "比上年", "±")

# ------------------------------------------------------------------ finding tables (tables.py)

# a caption names a table (表1 …统计 / …一览 / …情况)
TITLE_WORDS = ("表", "统计", "一览", "情况", "汇总", "明细", "清单", "目录")
# a line (above a table) that states the unit of its values: 单位:万元 / (单位:人次)
UNIT_LINE = re.compile(r"^[\s(（]*(?:计量)?单位\s*[:：]\s*([万千亿]?元|[万千]?(?:人次|册次|册|人|个|次|场))\s*[)）]?[\s|]*$")
# characters a unit in a caption's brackets is made of ((万元) / (人次))
UNIT_CHARS = "万千百亿元人次册件个场家张种台部份小时天次篇条项户所位名%‰平方米元/"
# the head of a row-code column in tab/pipe forms
CODE_COLUMN_HEADS = ("代码", "行次", "编码", "编号", "栏次")
# a table about money (its bare numbers are amounts)
MONEY_CONTEXT = re.compile(r"经费|支出|金额|费用|拨款")
# the total row of a money table
MONEY_TOTAL_ROW = re.compile(r"\s*(?:合计|总计|小计|共计|支出合计|经费合计)\s*")
# the subject a caption opens with (2022年某市各县(区)公共图书馆…): everything up to its last 图书馆
TITLE_SUBJECT = re.compile(r"^.*图书馆")
# what a caption adds to the name of what it counts (流通人次统计 → 流通人次)
TITLE_SUFFIX = re.compile(r"统计表?|情况表?|一览表?|汇总表?|明细表?|表$")

# the head of a column of years, one row per year (年份 / 年度 / 年): a table with years as
# ROWS and one metric per column (``年份  接待读者(万人次)  外借图书(万册)`` / ``1985  1.10  1.35``)
# the head of a column of row numbers (序号 1 2 3 …)
ROW_NUMBER_HEAD = re.compile(r"序号|编号|No\.?")
# a cell of such a column: 1 / 12 / ① / (3) / 一 / 二十 (empty cells excluded)
ROW_NUMBER_CELL = re.compile(r"\d{1,3}[.、]?|[\u2460-\u249b]|[(（](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）]|[一二三四五六七八九十]{1,3}[、.]?")
YEAR_COLUMN_HEAD = re.compile(r"年份|年度|年|时间")
# a row label that is a year (1985 / 1985年 / 1985年度)
YEAR_ROW_LABEL = re.compile(r"(?:19|20)\d\d\s*(?:年度?)?")
# a trailing column that may be left empty or cut off in the last printed row (备注)
OPTIONAL_TAIL_HEAD = re.compile(r"备\s*注|说\s*明|附\s*注")

# a column head naming one level of an aggregate (a statistical yearbook's 全国 / #省级 / #县级
# columns, 合计 / 市级 / 区县级): a header line made only of such heads starts a level table
LEVEL_HEAD = re.compile(r"[#＃]?(?:全[国省市区县]|合计|总计|[省市县区]级|地市级|地级|区县级|县区级|县级市|乡镇级?|街道)"
                        r"(?:公共图书馆|图书馆)?")
# a row label that is only a unit in brackets, its words on the line above (``(次) 8312 710``)
UNIT_ONLY_LABEL = re.compile(r"[(（][^()（）\d]{1,8}[)）]")
# a level whose libraries exist once per province (省级): a total over it spans the whole
# country, so the level columns of such a table are national (全国 / 全国省级 / 全国县级)
NATION_WIDE_LEVEL = re.compile(r"省级")
NATION_PREFIX = "全国"

# part words that are the usual name of a whole metric, not a part of it: 外借图书 / 图书外借量
# is how loans are named (spec wording), so 图书 there is no `books` segment
GENERIC_PARTS = {"circulation.loans": frozenset({"books"})}

# a 单位 line listing one unit per value column, in column order (``单位:万人次、万册``)
UNIT_LIST_LINE = re.compile(r"^[\s(（]*(?:计量)?单位\s*[:：]\s*(?P<units>[万千亿]?(?:元|人次|册次|册|人|个|次|场|本|件)"
                            r"(?:\s*[、,，/;；]\s*[万千亿]?(?:元|人次|册次|册|人|个|次|场|本|件))+)\s*[)）]?[\s|]*$")
UNIT_LIST_SEP = re.compile(r"\s*[、,，/;；]\s*")

# a budget or final-accounts table printed one cell per line with no separator (a 决算 page):
# a 单位 line, then head lines (收入 / 支出 / 项目 / 决算数), then a label line and a value line
# for each row; `ACCOUNT_VALUE_HEAD` names the value column
ACCOUNT_HEAD_LINE = re.compile(r"收\s*入|支\s*出|项\s*目|决算数|预算数|金\s*额|本年(?:决算|预算)?数?|全年数")
ACCOUNT_VALUE_HEAD = re.compile(r"决算数|预算数|金\s*额|本年(?:决算|预算)?数?|全年数")
