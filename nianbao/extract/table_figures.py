"""Figures stated in tables (found by `nianbao.extract.tables.find_tables`).

A row whose label cell names a metric (the label must be *mostly* the cue:
普通借书, 还书处理, 人员支出; long system-operation labels such as 网络续借 or
图书流通统计 are refused) gives one figure per numeric value cell. Besides the
cue, a label may carry a subject (公共图书馆…) or a part word (报刊藏量 →
collection.total, segment periodicals). The year of a value is its column's
year (one column per year: ``2019年`` or a bare ``2019``), else the year in the
table title, else the section's year. Units come from the label (``(千册)``),
a unit cell, the column head or the title (``(万元)``); 千/万/亿 scale the value.

Rows that only name a part (1、图书 / 其中:基本支出 / 在藏量中:开架书刊) take the
metric of the whole above them (`_Hierarchy`); a table whose rows and columns
name no metric takes it from its title (二、流通人次统计: one row per room).
Event tables (序号/时间/主题/地点) are left to the event extractor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..schema import Figure
from . import attribute as at
from . import lexicon as lx
from .lexicon import attribution as la
from .lexicon import tables as tl
from .numbers import SCALES, parse_number
from .segment import Sections

_U = tl.UNIT_WORD
_UNIT_IN = tl.UNIT_IN_BRACKETS
_NUMERIC = tl.VALUE_CELL
LABEL_COLS = tl.LABEL_COLUMN_HEADS
EVENT_HEAD, EVENT_HEAD2 = tl.EVENT_DATE_HEAD, tl.EVENT_NAME_HEAD
REL_COL = tl.RELATIVE_YEAR_HEAD
LABEL_UNIT = tl.LABEL_NAMES_UNIT
MONTH_ROW = tl.PART_OF_YEAR
MONEY_UNITS = tl.MONEY_UNITS
_NON_VALUE_HEAD = tl.NON_VALUE_HEADS


def _unit_of(*texts: str | None) -> str | None:
    """The first unit written in brackets or after 单位: in any of the texts."""
    for t in texts:
        if not t:
            continue
        m = _UNIT_IN.search(t)
        if m:
            return m.group(1) or m.group(2)
    return None


def _squash(s: str) -> str:
    """The text without any whitespace."""
    return re.sub(r"\s+", "", s)


_CJK = re.compile(r"[\u4e00-\u9fff]")


def _chinese_part(label: str) -> str:
    """A bilingual label without its English translation (总藏量(万册) Total Collections → 总藏量(万册))."""
    return tl.TRANSLATION_TAIL.sub("", label) if _CJK.search(label) else label


def _english_match(label: str) -> tuple[LabelMatch, str | None] | None:
    """(metric, unit) of a label that is only an English translation (a yearbook row whose
    Chinese label is lost): Number of Service Activities Provided for Readers (time)."""
    if _CJK.search(label) or not re.search(r"[A-Za-z]{3}", label):
        return None
    for rx, metric in tl.EN_LABEL_METRICS:
        m = rx.search(label)
        if m:
            unit = None
            for um in tl.EN_UNIT_IN_BRACKETS.finditer(label):
                base = tl.EN_UNITS.get(um.group("unit").strip().lower())
                if base:
                    scale = tl.EN_SCALES.get(re.sub(r"\s", "", um.group("scale") or ""), "")
                    unit = scale + base
            return LabelMatch(metric, m.group(0)), unit
    return None


# ------------------------------------------------------------------ labels


@dataclass
class LabelMatch:
    """What a label (or head, or title) says: metric, the cue that said it, a part's segment."""

    metric: str
    cue: str
    segment: str | None = None  # a part word in the label (报刊藏量 → periodicals)


def _clean_label(label: str) -> str:
    """The label without spaces, #, item numbers and 其中/在…中 prefixes."""
    lab = _squash(label)
    lab = re.sub(r"^[#＃]+", "", lab)
    lab = re.sub(r"^[\d.、()（）一二三四五六七八九十]+[.、)）]", "", lab)
    lab = re.sub(r"^(?:在[^:：]{1,10}中|其中)[:：]?", "", lab)
    return lab


def part_segment(label: str) -> str | None:
    """Segment code when the label names only a part (图书 / 报刊 / 基本支出)."""
    lab = _clean_label(label)
    for rx, seg in tl.PART_WORDS:
        if rx.fullmatch(lab):
            return seg
    return None


def _best_cue(lab: str, unit: str | None):
    """((length, end), metric, matched text) of the longest cue in the label for this unit."""
    best = None
    for cue in lx.CUES:
        if cue.side == "R" or cue.need_activity_ctx or unit not in cue.units:
            continue
        for m in cue.regex.finditer(lab):
            key = (m.end() - m.start(), m.end())
            if best is None or key > best[0]:
                best = (key, cue.units[unit], m.group(0))
    return best


def _label_match(label: str, unit: str | None) -> LabelMatch | None:
    """Metric of a table label (and the cue that matched), or None."""
    lab = _clean_label(label)
    for rx, metric in tl.FORM_LABEL_METRICS if unit == "元" else tl.TABLE_LABEL_METRICS:
        if rx.fullmatch(lab):
            return LabelMatch(metric, lab)
    lab = tl.LABEL_SUBJECT.sub("", lab)
    if not lab or len(lab) > 24:
        return None
    best = _best_cue(lab, unit)
    if best is None:
        return None
    metric = best[1]
    # residual: remove all cues of the same metric, then filler words
    residual = lab
    for cue in lx.CUES:
        if unit in cue.units and cue.units[unit] == metric and not cue.need_activity_ctx:
            residual = cue.regex.sub("", residual)
    residual = re.sub(_UNIT_IN, "", residual)
    # a part word before a total cue qualifies the whole (图书总藏量), it does not cut it
    seg = part_segment(residual) if residual and "总" not in best[2] else None
    if seg in tl.GENERIC_PARTS.get(metric, ()):
        return LabelMatch(metric, best[2])
    if seg:
        return LabelMatch(metric, best[2], seg)
    if lx.TABLE_LABEL_BAD.search(residual):
        return None
    residual = tl.TABLE_EXTRA_FILLER.sub("", lx.TABLE_LABEL_FILLER.sub("", residual))
    if len(residual) > 1:
        return _whole_cue(lab, unit)
    return LabelMatch(metric, best[2])


def _whole_cue(lab: str, unit: str | None) -> LabelMatch | None:
    """The metric of a cue that is the whole label through a longer alternative than the one
    the search found first (财政拨款收入: 财政拨款 matches first, 财政拨款收入 is the cue)."""
    for cue in lx.CUES:
        if cue.side != "R" and not cue.need_activity_ctx and unit in cue.units and cue.regex.fullmatch(lab):
            return LabelMatch(cue.units[unit], lab)
    return None


def label_metric(label: str, unit: str | None) -> tuple[str, str] | None:
    """Metric of a table label (and the cue that matched), or None."""
    m = _label_match(label, unit)
    return (m.metric, m.cue) if m else None


def _head_match(head: str) -> LabelMatch | None:
    """A column head naming a metric, possibly for a part (成人外借册次)."""
    h = re.sub(_UNIT_IN, "", head)
    unit = _unit_of(head)
    # the head's own unit (举办活动(场)) when the words alone name no metric
    base = ("元" if unit in MONEY_UNITS else re.sub(r"^[万亿千]", "", unit) or None) if unit else None
    for u in dict.fromkeys((None, base)):
        m = _label_match(h, u)
        if m:
            return m
        lab = _clean_label(h)
        for rx, seg in tl.HEAD_SEGMENTS:
            pm = rx.match(lab)
            if pm:
                m = _label_match(lab[pm.end() :], u)
                if m:
                    return LabelMatch(m.metric, m.cue, seg)
    return None


_NAMED_UNIT = "named_unit"  # LabelMatch.segment of a head named after a site (东区外借册次)


def _shared_cue_heads(heads: list[str]) -> dict[int, LabelMatch]:
    """Column heads <name><cue> (东区外借册次, 西区外借册次): when two or more heads end
    in the same cue, each short name is a part of that metric."""
    found: dict[int, tuple[str, LabelMatch]] = {}
    for i, h in enumerate(heads):
        lab = _clean_label(re.sub(_UNIT_IN, "", h))
        for k in range(min(4, len(lab) - 2), 0, -1):  # the shortest tail that names a metric
            m = _label_match(lab[k:], None)
            if m:
                found[i] = (lab[k:], m)
                break
    tails = [t for t, _ in found.values()]
    return {i: LabelMatch(m.metric, m.cue, _NAMED_UNIT) for i, (t, m) in found.items() if tails.count(t) >= 2}


# ------------------------------------------------------------------ values


def _scale(unit: str | None) -> tuple[float, str | None]:
    """Multiplier and base unit of a written unit (万元 → 10000, 元; 千册 → 1000, 册)."""
    if unit in ("万元", "千元", "亿元"):
        return SCALES[unit[0]], "元"
    if unit and len(unit) > 1 and unit[0] in ("万", "亿", "千") and unit[1:] != "元":
        return SCALES[unit[0]], unit[1:]
    if unit in ("万", "亿", "千"):
        return SCALES[unit], None  # (万): a scale with no unit word
    return 1.0, unit


def _cell_unit(cell_text: str) -> tuple[str, str | None]:
    """(number, unit) of a cell that writes its own unit (52.3万人次 → 52.3, 万人次; 300余场 → 300余, 场)."""
    m = tl.VALUE_UNIT_CELL.match(cell_text or "")
    return (m.group("num"), m.group("unit")) if m else (cell_text, None)


def _value(cell_text: str, unit: str | None):
    """(value, value_high, qualifier, base unit) of a numeric cell, or None."""
    t, own = _cell_unit(cell_text.strip())
    if own == "%":
        return None  # a share, never a level
    unit = own or unit
    t = t.strip()
    if not _NUMERIC.match(t):
        return None
    p = parse_number(t.replace(" ", ""))
    if p is None:
        return None
    mult, unit_out = _scale(unit)
    v = round(p.value * mult, 6)
    vh = None if p.value_high is None else round(p.value_high * mult, 6)
    return v, vh, p.qualifier, unit_out


# ------------------------------------------------------------------ table views


class _C:
    """A cell seen through the matching text (traditional → simplified), same span."""

    __slots__ = ("text", "start", "end", "orig")

    def __init__(self, c, mt: str, text: str):
        self.start, self.end = c.start, c.end
        self.text = mt[c.start : c.end] if mt[c.start : c.end].strip() or not c.text else c.text
        self.orig = text[c.start : c.end] if text[c.start : c.end].strip() else c.text


def _is_unit_row(row: list[_C]) -> bool:
    """A row of units only ((万册) / 万人次 / 单位:册), one or more, no numbers."""
    cells = [c.text.strip() for c in row if c.text.strip()]
    units = [tl.UNIT_ROW_CELL.fullmatch(_squash(c)) for c in cells]
    return all(units) and sum(bool(u.group("unit")) for u in units) >= 1


class _T:
    """A table with its cells seen through the matching text."""

    def __init__(self, tb, mt: str, text: str):
        self.table_id, self.start, self.end, self.layout = tb.table_id, tb.start, tb.end, tb.layout
        self.header = [_C(c, mt, text) for c in tb.header]
        self.rows = [[_C(c, mt, text) for c in r] for r in tb.rows]
        if self.rows and _is_unit_row(self.rows[0]):
            # a row of units under the heads ((万册) (万人次)): each unit joins its column's head
            # (a row shorter than the heads lost its empty corner: its units sit under the last heads)
            for h, c in zip(self.header[max(0, len(self.header) - len(self.rows[0])) :], self.rows[0]):
                u = tl.UNIT_ROW_CELL.fullmatch(_squash(c.text))
                if u and u.group("unit"):
                    h.text = f"{h.text}({u.group('unit')})"
            self.rows = self.rows[1:]
        self.title = mt[tb.title_span[0] : tb.title_span[1]] if tb.title_span else tb.title
        self.unit_hint = tb.unit_hint or _unit_of(self.title)
        if self.unit_hint and self.unit_hint.startswith("萬"):
            self.unit_hint = "万" + self.unit_hint[1:]
        self.head = [_squash(c.text) for c in self.header]
        self.unit_list = getattr(tb, "unit_list", None)
        # every value column a level of an aggregate (合计 / 市级 / 区县级, #省级 / #县级)
        levels = [h for h in self.head[1:] if h]
        self.level_columns = self.layout == "level_columns" or (
            len(levels) >= 2 and all(tl.LEVEL_HEAD.fullmatch(h) for h in levels)
        )

    def column_units(self, lab_i: int) -> dict[int, str]:
        """Column index → unit of a ``单位:万人次、万册`` line, when it names one unit per value
        column (the columns other than the labels and a 备注/代码 column), else nothing."""
        if not self.unit_list:
            return {}
        cols = [
            i
            for i in range(len(self.head))
            if i != lab_i
            and not tl.OPTIONAL_TAIL_HEAD.fullmatch(self.head[i])
            and not any(w in self.head[i] for w in _NON_VALUE_HEAD)
        ]
        return dict(zip(cols, self.unit_list)) if len(cols) == len(self.unit_list) else {}

    def col_index(self, *keywords: str) -> int | None:
        for kw in keywords:
            for i, h in enumerate(self.head):
                if kw.replace(" ", "") in h:
                    return i
        return None

    def is_event_table(self) -> bool:
        """A 时间/日期 head beside a 主题/活动/名称 head: its rows are events."""
        return any(EVENT_HEAD.search(h) for h in self.head) and any(EVENT_HEAD2.search(h) for h in self.head)


@dataclass
class _Pair:
    """One value cell, the cell that names it, and what is known about it."""

    label: _C
    value: _C
    head: str = ""  # column head (+ the row's unit cell)
    period: str | None = None
    match: LabelMatch | None = None  # set when the metric is known before the label is read
    row: int = -1
    site: _C | None = None  # the row or column naming a site (总馆 / 城东分馆 / 合计)
    branches: bool = False  # the table also has 分馆 rows or columns
    seq: str = ""  # the item number the row's 序号 cell stands for (一、 / 1、 / ""): how it is nested
    col: int = -1  # the value's column


@dataclass
class _Ctx:
    """What holds for every cell of a table: base year, period, unit, title."""

    base_year: int | None
    period: str
    unit: str | None
    title: str


def _roc(m: re.Match | None) -> int | None:
    """The Gregorian year of a matched ROC year (民國105年 → 2016), None outside ROC_RANGE."""
    if m is None:
        return None
    y = int(m.group(1))
    return y + tl.ROC_OFFSET if tl.ROC_RANGE[0] <= y <= tl.ROC_RANGE[1] else None


def _context(tb: _T, sections: Sections) -> _Ctx:
    """Year, period and unit that hold for the whole table (title, section)."""
    title = tb.title or ""
    ty = lx.YEAR_RE.search(title)
    sec_year, flavour = sections.at(tb.start)
    period = "plan" if flavour == "plan" else ("partial" if lx.PERIOD_PARTIAL.search(title) else "year")
    year = int(ty.group(1)) if ty else (_roc(tl.ROC_YEAR.search(title)) or sec_year)
    return _Ctx(year, period, tb.unit_hint or _unit_of(title), title)


# ------------------------------------------------------------------ pairs


def _label_value_pairs(tb: _T) -> list[_Pair] | None:
    """One row of labels over one row of values (人员支出 公用经费 … / 301.45 120.8 …)."""
    single_numeric_row = (
        len(tb.rows) == 1
        and all(_NUMERIC.match(c.text or "") for c in tb.rows[0] if c.text.strip())
        and not any(_NUMERIC.match(h) for h in tb.head)
    )
    if tb.layout != "label_value" and not single_numeric_row:
        return None
    return [_Pair(hc, vc) for hc, vc in zip(tb.header, tb.rows[0] if tb.rows else [])]


def _label_column(tb: _T) -> int | None:
    """The column of row labels: a 名称/项目 head, else the first mostly-text column."""
    lab_i = tb.col_index(*LABEL_COLS)
    if lab_i is not None:
        return lab_i
    for i in range(len(tb.head)):
        # a 年份 column of years: one row per year, the metrics are in the header
        col = [_squash(r[i].text) for r in tb.rows if i < len(r)]
        if (
            tl.YEAR_COLUMN_HEAD.fullmatch(tb.head[i])
            and col
            and sum(bool(tl.YEAR_ROW_LABEL.fullmatch(x)) for x in col) > len(col) / 2
        ):
            return i
    for i in range(len(tb.head)):
        col = [r[i].text for r in tb.rows if i < len(r)]
        if col and sum(bool(_NUMERIC.match(x)) for x in col) < len(col) / 2 and "序号" not in tb.head[i]:
            return i
    return None


def _column_metric_pairs(tb: _T, lab_i: int) -> list[_Pair] | None:
    """Metrics in the header, rows are periods (years, months) or a 合计 row."""
    col_metric = {i: _head_match(tb.header[i].text) for i in range(len(tb.head)) if i != lab_i}
    col_metric = {i: m for i, m in col_metric.items() if m}
    shared = _shared_cue_heads([tb.header[i].text if i != lab_i else "" for i in range(len(tb.head))])
    for i, m in shared.items():
        col_metric.setdefault(i, m)
    if not col_metric or label_metric(tb.head[lab_i], None):
        return None
    col_units = tb.column_units(lab_i)
    pairs = []
    for ri, r in enumerate(tb.rows):
        if lab_i >= len(r):
            continue
        rl = _squash(r[lab_i].text)
        roc = _roc(tl.ROC_YEAR_HEAD.fullmatch(rl))  # a 105年 row (Taiwan)
        ry = lx.YEAR_RE.fullmatch(rl) or re.fullmatch(r"((?:19|20)\d\d)年?(?:度)?", rl if roc is None else str(roc))
        # a month or quarter row (1月, 十二月份, 第一季度, 上半年): a part of the year
        rp = MONTH_ROW.fullmatch(rl)
        total = tl.TOTAL_ROW.fullmatch(rl)
        site = (
            tl.SITE_NAME.fullmatch(rl)
            or tl.LIBRARY_ROW.fullmatch(rl)
            or tl.AREA_ROW.fullmatch(rl)
            or tl.POINT_ROW.fullmatch(rl)
        ) and not total
        if not (total or ry or rp or site):
            continue
        for i, m in col_metric.items():
            if i < len(r):
                htxt = (
                    tb.header[i].text
                    + (f"({col_units[i]})" if i in col_units else "")
                    + (f"{ry.group(1)}年" if ry else "")
                )
                pairs.append(
                    _Pair(
                        tb.header[i], r[i], htxt, "partial" if rp else None, m, ri, r[lab_i] if site or total else None
                    )
                )
    _mark_branches(pairs)
    return pairs


def _mark_branches(pairs: list[_Pair]) -> None:
    """Tell every pair whether its table has 分馆 rows or columns (a 合计 then covers the system)."""
    has = any(p.site is not None and tl.BRANCH_SITE.search(_squash(p.site.text)) for p in pairs)
    for p in pairs:
        p.branches = has


def _site_scope(p: _Pair) -> str | None:
    """Scope of a pair named by a site: a 分馆 → branches, the 总馆 → library, the 合计 of a
    table with branches → system."""
    t = _squash(p.site.text)
    if tl.TOTAL_ROW.fullmatch(t):
        return "system" if p.branches else None
    if tl.BRANCH_SITE.search(t):
        return "branches"
    if tl.POINT_ROW.fullmatch(t):
        return "service_points"
    return "library"


def _value_columns(tb: _T, lab_i: int, unit_i: int | None) -> list[int]:
    """Columns that hold values (not the labels, units, codes, shares or changes)."""
    return [
        i for i in range(len(tb.head)) if i not in (lab_i, unit_i) and not any(w in tb.head[i] for w in _NON_VALUE_HEAD)
    ]


def _row_pairs(tb: _T, lab_i: int) -> list[_Pair]:
    """Row labels × value columns; a unit cell (单位) goes with the column head."""
    unit_i = next((i for i, h in enumerate(tb.head) if h in ("单位", "计量单位", "计算单位")), None)
    seq_i = next((i for i, h in enumerate(tb.head) if i != lab_i and tl.ROW_NUMBER_HEAD.fullmatch(h)), None)
    levels = _row_levels([r[seq_i].text if seq_i is not None and seq_i < len(r) else "" for r in tb.rows])
    pairs = []
    above = None  # the unit of the last row that is not a # sub-row
    for ri, r in enumerate(tb.rows):
        if lab_i >= len(r):
            continue
        ucell = r[unit_i].text.strip() if unit_i is not None and unit_i < len(r) else ""
        own = _unit_of(_chinese_part(r[lab_i].text))
        if tl.SUB_ROW_MARK.match(r[lab_i].text):
            # #藏量购置费 under 总支出(万元): a sub-row written without a unit shares its parent's
            ucell = ucell or ("" if own else (above or ""))
        else:
            above = own or ucell or None
        for i in _value_columns(tb, lab_i, unit_i):
            if i < len(r):
                htxt = tb.header[i].text if i < len(tb.header) else ""
                if ucell:
                    htxt = f"{htxt}({ucell.split('、')[0]})"
                head = _squash(tb.header[i].text) if i < len(tb.header) else ""
                # a month, quarter or half-year column (6月, 第一季度, 上半年): a part of the year
                period = (
                    "partial"
                    if tl.MONTH_HEAD.fullmatch(head) or MONTH_ROW.fullmatch(head) or tl.TO_DATE_HEAD.search(head)
                    else None
                )
                # a target column (2023年目标 / 全年计划 / 预算数): the figures below it are plans
                period = "plan" if tl.PLAN_HEAD.search(head) and not tl.DONE_HEAD.search(head) else period
                # a column per site (总馆 / 分馆 / 合计)
                site = (
                    tb.header[i]
                    if i < len(tb.header)
                    and (tl.SITE_NAME.fullmatch(head) or tl.TOTAL_ROW.fullmatch(head) or tl.LIBRARY_ROW.fullmatch(head))
                    else None
                )
                seq = levels[ri]
                pairs.append(_Pair(r[lab_i], r[i], htxt, period, None, ri, site, seq=seq, col=i))
    _mark_branches(pairs)
    return pairs


def _pairs(tb: _T) -> list[_Pair]:
    """Every (label, value) pair of a table, by layout."""
    lv = _label_value_pairs(tb)
    if lv is not None:
        return lv
    lab_i = _label_column(tb)
    if lab_i is None:
        return []
    cm = _column_metric_pairs(tb, lab_i)
    return cm if cm else _row_pairs(tb, lab_i)


# ------------------------------------------------------------------ metric of a pair


def _pair_unit(p: _Pair, ctx: _Ctx) -> str | None:
    """The unit of a pair: its value cell's own (52.3万人次), its label's, its column's (with the
    row's unit cell), else the table's."""
    own = _cell_unit(p.value.text)[1]
    other = _unit_of(_chinese_part(p.label.text), p.head) or ctx.unit
    if own in ("万", "亿", "千") and other and other[0] not in "万亿千":
        return own + other  # 12.5万 under (人次): 万人次
    return (own if own != "%" else None) or other


def _resolve(p: _Pair, ctx: _Ctx) -> tuple[LabelMatch | None, str | None]:
    """(metric match, unit) of a pair from its label, unit and column head."""
    unit = _pair_unit(p, ctx)
    if p.match:
        return p.match, unit
    en = _english_match(p.label.text)
    if en:
        return en[0], en[1] or unit
    label = re.sub(_UNIT_IN, "", _chinese_part(p.label.text))
    money = unit in MONEY_UNITS or bool(tl.MONEY_CONTEXT.search(ctx.title + p.head))
    lm = _label_match(label, "元" if money else None)
    if lm is None and money and tl.MONEY_TOTAL_ROW.fullmatch(p.label.text):
        lm = LabelMatch("spending.total", p.label.text.strip())
    if lm is None and unit and unit not in MONEY_UNITS:
        lm = _label_match(label, re.sub(r"^[万亿千]", "", unit) or None)
    if lm is None and unit in tl.EVENT_COUNT_UNITS:
        # 举办展览 个 / 培训班 期: a count of events written in 个 or 期
        lm = _label_match(label, "次")
        lm = lm if lm and lm.metric == "activities.events" else None
    if lm is None and not unit:
        # the label names its own unit: 举办活动次数, 讲座场次
        su = LABEL_UNIT.search(_squash(p.label.text))
        if su:
            lm = _label_match(label, {"次数": "次", "场数": "场"}.get(su.group(1), su.group(1)))
    return lm, unit


def _row_levels(seqs: list[str]) -> list[str]:
    """The item number each 序号 cell stands for, as a label would write it: ``一、`` for a row of
    the outer list, ``1、`` for an item of a nested one, "" for a row with no number. Digits nest
    by their sequence (1 藏量, 1 图书, 2 古籍 … 2 音视频资源: the second 1 opens a list of items, the
    2 after 6 continues the outer list); when both lists could go on, the inner one does."""
    out: list[str] = []
    stack: list[int] = []  # the last number of each open list, outermost first
    for raw in seqs:
        s = _squash(raw)
        if tl.ITEM_ROW_NUMBER.fullmatch(s):
            out.append("1、")
            continue
        if tl.TOP_ROW_NUMBER.fullmatch(s):
            stack = []
            out.append("一、")
            continue
        if not tl.DIGIT_ROW_NUMBER.fullmatch(s):
            out.append("")
            continue
        n = int(s)
        if stack and n == stack[-1] + 1:
            stack[-1] = n
        elif stack and n == 1:
            stack.append(1)
        else:
            while stack and n != stack[-1] + 1:
                stack.pop()
            if stack:
                stack[-1] = n
            else:
                stack = [n]
        out.append("一、" if len(stack) == 1 else "1、")
    return out


def _numbered(label: str, prefix: str) -> str:
    """The label with the item number its 序号 cell stands for (`_row_levels`), so that a form
    whose numbers sit in a column of their own nests like one that writes them in the label; a
    label that carries its own number or nesting word is left as it is."""
    if not prefix or tl.ITEM_NUMBER.match(label) or tl.SUB_ITEM.match(label) or tl.NAMED_PARENT.match(label):
        return label
    return prefix + label


def _level(label: str) -> str:
    """How a form label is nested: 'top' (二、), 'item' (1、), 'sub' (其中:), 'named' (在X中:), 'plain'."""
    if tl.NAMED_PARENT.match(label):
        return "named"
    if tl.SUB_ITEM.match(label):
        return "sub"
    if tl.TOP_LEVEL_ITEM.match(label):
        return "top"
    if tl.ITEM_NUMBER.match(label):
        return "item"
    return "plain"


class _Hierarchy:
    """Parts in forms: a row that only names a part (1、图书, 其中:基本支出, 在藏量中:开架书刊,
    and plain rows that continue such a list) takes the metric of the whole above it of the same
    unit family (money or counts).

    Each part also gets the key of its list, for sum checks: numbered items (1、2、…) under a
    top-level whole are one list, complete when it has an 其他 row; 其中: rows belong to the row
    just above, complete when two or more rows break it down; an 在…中: list is another cut of
    the whole, never complete."""

    def __init__(self, unit_of_named):
        self.parent: dict[str, str | None] = {}
        self.whole_row: dict[str, int | None] = {}
        self.last_row: dict[str, int | None] = {}
        self.list_key: dict[str, tuple | None] = {}
        self.members: dict[tuple, list[str]] = {}
        self._named = unit_of_named

    @staticmethod
    def family(metric: str | None, unit: str | None) -> str:
        return "money" if unit in MONEY_UNITS or (metric or "").startswith("spending") else "count"

    def _join(self, fam: str, key: tuple, label: str) -> tuple:
        self.list_key[fam] = key
        self.members.setdefault(key, []).append(_clean_label(label))
        return key

    def see(self, label: str, match: LabelMatch | None, unit: str | None, row: int):
        """(match, list key) of one row, in reading order."""
        fam = self.family(match.metric if match else None, unit)
        lvl = _level(label)
        if lvl == "named":
            whole = self._named(tl.NAMED_PARENT.match(label).group(1), fam)
            if whole:
                self.parent[fam] = whole
                self.list_key[fam] = None
        seg = part_segment(label)
        cont = self.list_key.get(fam)
        if match is not None and seg and not match.segment and lvl in ("item", "sub", "named"):
            # 2、古籍 under 一、藏量: a part word that is also a cue of the whole's metric is a part
            match = None if self.parent.get(fam) == match.metric else match
        if match is not None:
            if lvl in ("top", "plain", "item") and not cont:
                self.parent[fam], self.whole_row[fam] = match.metric, row
            if lvl not in ("sub", "named"):
                self.last_row[fam], self.list_key[fam] = row, None
            return match, None
        if seg and self.parent.get(fam) and (lvl in ("item", "sub", "named") or (cont and lvl == "plain")):
            if lvl == "item":
                key = (fam, self.whole_row.get(fam), "item")
            elif lvl == "sub":
                key = (fam, self.last_row.get(fam), "sub", row)
            elif lvl == "named":
                key = (fam, self.whole_row.get(fam), "named", row)
            else:
                key = cont
            if lvl == "item":
                self.last_row[fam] = row
            return LabelMatch(self.parent[fam], _clean_label(label), seg), self._join(fam, key, label)
        if lvl == "top":
            self.parent[fam] = self.whole_row[fam] = None
        self.list_key[fam] = None
        return None, None

    def complete(self, key: tuple) -> bool:
        names = self.members.get(key, [])
        if key[2] == "item":
            return any(tl.OTHER_PART.fullmatch(n) for n in names)
        return key[2] == "sub" and len(names) >= 2


def _title_match(tb: _T) -> LabelMatch | None:
    """The metric named by a table's title (二、流通人次统计 → visits.in_person)."""
    if not tb.title:
        return None
    t = tl.TITLE_SUFFIX.sub("", _squash(tb.title))
    m = _label_match(t, None)
    tail = tl.TITLE_SUBJECT.sub("", t)
    # 某市各县(市、区)图书馆到馆人次: the metric after the subject the title names
    return m or (_label_match(tail, None) if tail != t and len(tail) >= 2 else None)


# ------------------------------------------------------------------ figures


def _year(p: _Pair, base_year: int | None) -> int | None:
    """The column's year (2019年 / bare 2019 / 本年 / 上年), else the table's."""
    hy = lx.YEAR_RE.search(p.head or "")
    if hy:
        return int(hy.group(1))
    head = _squash(re.sub(r"[(（][^)）]*[)）]$", "", p.head or ""))
    bare = tl.YEAR_HEAD.fullmatch(head)
    if bare:
        return int(bare.group(1))
    roc = _roc(tl.ROC_YEAR_HEAD.fullmatch(head))  # 105年 / 民國105年 (Taiwan)
    if roc:
        return roc
    short = tl.SHORT_YEAR_HEAD.fullmatch(head)  # 19年 / 20年度 (outside the ROC range)
    if short:
        return at.short_year(int(short.group(1)))
    if base_year is not None:
        # a column named relative to the report year: 本年 / 上年 / 去年同期
        rel = REL_COL.match(_squash(p.head or ""))
        if rel:
            return base_year + lx.REL_YEAR[rel.group(1)]
    return base_year


def _scope(label: str, metric: str) -> str:
    """Scope of a table figure from its label (network figures by their metric)."""
    if metric.startswith("network.branches"):
        return "branches"
    if metric.startswith("network.service_points"):
        return "service_points"
    for name, rx in lx.SCOPE_RULES:
        if rx.search(label):
            return name
    return "library"


def _level_library(p: _Pair, tb: _T) -> str | None:
    """The aggregate a column of a level table counts: with a 省级 level among the heads the
    table is national (the unnamed total column 全国公共图书馆, ``#县级公共图书馆`` → 全国县级公共图书馆);
    otherwise the place is not known here (None)."""
    heads = [re.sub(r"^[#＃]", "", h) for h in tb.head if h]
    if not any(tl.NATION_WIDE_LEVEL.search(h) for h in heads):
        return None
    head = re.sub(r"^[#＃]", "", _squash(p.head or ""))
    if not head or tl.TOTAL_ROW.fullmatch(head):
        return la.NATIONAL
    level = re.sub(r"(?:公共)?图书馆$", "", head)
    return f"{tl.NATION_PREFIX}{level}公共图书馆" if not level.startswith("全") else f"{level}公共图书馆"


def _figure(p: _Pair, lm: LabelMatch, unit: str | None, ctx: _Ctx, tb: _T) -> Figure | None:
    """The Figure of one pair, or None when the cell holds no value."""
    metric = lm.metric
    if metric.startswith("spending") and unit not in MONEY_UNITS:
        unit = unit or "元"
    val = _value(p.value.text, unit)
    if val is None:
        return None
    v, vh, qual, _ = val
    label = p.label.text
    seg = lm.segment if lm.segment and lm.segment != _NAMED_UNIT else at.segment(label, metric, label)
    if seg == "all" and p.site is not None and tl.AREA_ROW.fullmatch(_squash(p.site.text)):
        seg = at.segment(p.site.text, metric, p.site.text)  # 少儿区: the children's part
    scope = _scope(label, metric)
    if lm.segment == _NAMED_UNIT and seg == "all" and scope == "library":
        scope = "branches"  # 东区外借册次: a named site of the library, not a kind of loan
    evidence = p.label.orig.strip()
    if p.site is not None and not metric.startswith("network"):
        scope = _site_scope(p) or scope
        evidence = f"{p.site.orig.strip()} {evidence}" if p.site is not p.label else evidence
    library = None
    site = _squash(p.site.text) if p.site is not None else ""
    if site and tl.LIBRARY_ROW.fullmatch(site) and not metric.startswith("network"):
        library = site  # a row or column named after a library: that library's (attribute._table_library)
    if tb.level_columns:
        # one column per level of an aggregate: each column is its own region
        library, scope = _level_library(p, tb), "region"
    return Figure(
        metric=metric,
        value=v,
        qualifier=qual,
        scope=scope,
        segment=seg,
        period=p.period or ctx.period,
        year=_year(p, ctx.base_year),
        unit_raw=(unit or ""),
        evidence=evidence,
        char_start=p.value.start,
        char_end=p.value.end,
        value_high=vh,
        table_id=tb.table_id,
        library_name=library,
    )


def _table_figures(tb: _T, sections: Sections) -> list[Figure]:
    """Figures of one table: pairs → metric (label, hierarchy, title) → figures, with part lists grouped."""
    ctx = _context(tb, sections)
    hier = _Hierarchy(
        lambda name, fam: m.metric if (m := _label_match(name, "元" if fam == "money" else None)) else None
    )
    resolved, by_row = [], {}
    for p in _pairs(tb):
        lm, unit = _resolve(p, ctx)
        key = None
        if p.row >= 0 and p.match is None:
            if p.row not in by_row:
                by_row[p.row] = hier.see(_numbered(p.label.text, p.seq), lm, unit, p.row)
            lm, key = by_row[p.row]
        resolved.append((p, lm, unit, key))
    resolved = [r for r in resolved if r[0].value.text.strip()]
    resolved = _attendance_under_events(resolved)
    if resolved and not any(r[1] for r in resolved):
        whole = _title_match(tb)
        if whole:
            resolved = [(p, whole, unit, None) for p, _, unit, _ in resolved]
    out, keyed = [], []
    for p, lm, unit, key in resolved:
        if lm is not None:
            f = _figure(p, lm, unit, ctx, tb)
            # a 0 in a form is a row with nothing to report (善本 0 / 缩微制品 0), not a figure
            if f is not None and not (f.value == 0 and f.value_high is None):
                out.append(f)
                keyed.append((f, p.row, key))
    out = _prefer_spending_to_earmarks(out)
    _total_rows_over_branches(out)
    _group_parts([k for k in keyed if k[0] in out], hier, tb.table_id)
    return out


def _attendance_under_events(resolved: list[tuple]) -> list[tuple]:
    """A form's 人次 row that names no event (参加人次 / 参观人次) right under a row counting one
    kind of event (举办展览 个 150): the attendance of those events, with their segment."""
    out, above = [], {}  # column -> (row, match) of the last events row
    for p, lm, unit, key in resolved:
        ev = above.get(p.col) if p.col >= 0 else None
        if (
            ev is not None
            and ev[0] == p.row - 1
            and (lm is None or lm.metric == "activities.attendance")
            and (lm is None or not lm.segment)
            and tl.ATTENDANCE_ROW.fullmatch(_clean_label(p.label.text))
        ):
            lm, key = LabelMatch("activities.attendance", _clean_label(p.label.text), ev[1].segment), None
        if lm is not None and lm.metric == "activities.events":
            seg = lm.segment or at.segment(p.label.text, lm.metric, p.label.text)
            above[p.col] = (p.row, LabelMatch(lm.metric, lm.cue, seg if seg != "all" else None))
        out.append((p, lm, unit, key))
    return out


def _total_rows_over_branches(figs: list[Figure]) -> None:
    """A 合计 row of a table whose other rows include branches covers the whole system."""
    branch = {(f.metric, f.year) for f in figs if f.scope == "branches"}
    for f in figs:
        if f.scope == "library" and (f.metric, f.year) in branch and tl.TOTAL_ROW.fullmatch(_squash(f.evidence)):
            f.scope = "system"


def _group_parts(keyed: list[tuple[Figure, int, tuple | None]], hier: _Hierarchy, table_id: str) -> None:
    """Set group_id/role/complete for each list of parts and the whole it belongs to."""
    lists: dict[tuple, list[Figure]] = {}
    for f, _, key in keyed:
        if key is not None:
            lists.setdefault(key, []).append(f)
    for n, (key, parts) in enumerate(lists.items()):
        by_col: dict[tuple, list[Figure]] = {}
        for f in parts:
            by_col.setdefault((f.year, f.period), []).append(f)
        for col, fs in by_col.items():
            gid = f"{table_id}.g{n}" + (f".{col[0]}" if len(by_col) > 1 else "")
            whole = [
                f
                for f, row, k in keyed
                if row == key[1] and k is None and f.metric == fs[0].metric and (f.year, f.period) == col
            ]
            complete = hier.complete(key)
            for f in fs:
                f.group_id, f.group_role, f.group_complete = gid, "part", complete
            if whole and whole[0].group_id is None:
                whole[0].group_id, whole[0].group_role, whole[0].group_complete = gid, "total", complete


def _prefer_spending_to_earmarks(figs: list[Figure]) -> list[Figure]:
    """Drop an earmarked grant (购书专项经费) when the same table states the spending
    of that metric (新增藏量购置费) for the same year and segment."""

    def key(f: Figure):
        return f.metric, f.year, f.segment, f.period

    spent = {key(f) for f in figs if f.metric.startswith("spending") and not tl.EARMARK.search(f.evidence)}
    return [
        f for f in figs if not (f.metric.startswith("spending") and tl.EARMARK.search(f.evidence) and key(f) in spent)
    ]


def table_figures(
    tables, text: str, report_year: int | None, sections: Sections, mt: str | None = None
) -> list[Figure]:
    """Figures of every table but event tables."""
    mt = text if mt is None else mt
    out: list[Figure] = []
    for tb in (_T(t, mt, text) for t in tables):
        if not tb.is_event_table():
            out += _table_figures(tb, sections)
    return out


# ------------------------------------------------------------------ statistical forms printed as lines
# 101总藏量万册45.6 / 201 总流通人次 人次 186500: an optional row code, a label, a unit, a value,
# one row per line (the form's columns lost their separators, or were never a table);
# the line pattern is `lexicon.tables.FORM_LINE`.


def _form_metric(label: str, unit: str) -> tuple[str, str] | None:
    """Metric of a form line's label with its unit (个/期 also count events)."""
    money = unit in MONEY_UNITS
    base = "元" if money else re.sub(r"^[万亿]", "", unit)
    lm = label_metric(label, base)
    if lm is None and base in ("个", "期"):
        # 举办展览 个 / 培训班 个: a count of events written in 个
        lm = label_metric(label, "次")
        if lm and not lm[0].startswith("activities"):
            lm = None
    return lm


def _form_lines(mt: str, skip: list[tuple[int, int]]) -> list[tuple[int, re.Match]]:
    """(line start, match) of every form line outside the tables (none when fewer than 3)."""
    rows, pos = [], 0
    for raw in mt.split("\n"):
        start, pos = pos, pos + len(raw) + 1
        if any(a <= start < b for a, b in skip):
            continue
        m = tl.FORM_LINE.match(raw)
        if m:
            rows.append((start, m))
    # a form has several such rows; one stray line is not a form
    return rows if len(rows) >= 3 else []


def _form_part(label: str, unit: str, prev: tuple[str, str] | None) -> tuple[tuple[str, str], str] | None:
    """((metric, label), segment) of a 其中:图书 sub-row under a row of the same unit family."""
    seg = part_segment(label) if tl.SUB_ITEM.match(label) else None
    if seg and prev and prev[1] == re.sub(r"^[万亿千]", "", unit):
        return (prev[0], label), seg
    return None


def form_line_figures(
    text: str, mt: str, report_year: int | None, sections: Sections, skip: list[tuple[int, int]]
) -> list[Figure]:
    """Figures of code-label-unit-value lines outside the tables (a form without separators)."""
    out: list[Figure] = []
    prev = None  # (metric, unit family) of the row above, for 其中: sub-rows
    for start, m in _form_lines(mt, skip):
        label = m.group("label").strip().rstrip(":：").strip()
        unit = m.group("unit")
        lm, seg = _form_metric(label, unit), None
        if lm is None:
            lm, seg = _form_part(label, unit, prev) or (None, None)
        if lm is None:
            prev = None
            continue
        metric = lm[0]
        val = _value(
            m.group("val"), unit if unit in ("万元", "千元", "亿元") or unit.startswith(("万", "亿")) else None
        )
        if val is None:
            continue
        v, vh, qual, _ = val
        sec_year, flavour = sections.at(start)
        lab_s = start + m.start("label")
        out.append(
            Figure(
                metric=metric,
                value=v,
                qualifier=qual,
                scope=at.scope(label, metric),
                segment=seg or at.segment(label, metric, label),
                period="plan" if flavour == "plan" else "year",
                year=sec_year or report_year,
                unit_raw=unit,
                evidence=text[lab_s : lab_s + len(m.group("label"))].strip(),
                char_start=start + m.start("val"),
                char_end=start + m.end("val"),
                value_high=vh,
            )
        )
        prev = (metric, re.sub(r"^[万亿千]", "", unit))
    return out
