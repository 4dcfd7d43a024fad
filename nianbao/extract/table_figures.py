"""Figures stated in tables (found by `nianbao.extract.tables.find_tables`).

A row whose label cell names a metric (the label must be *mostly* the cue:
普通借书, 还书处理, 人员支出; long system-operation labels such as 网络续借 or
图书流通统计 are refused) gives one figure per numeric value cell. The year of a
value is its column's year (statistical forms with one column per year), else
the year in the table title, else the section's year. Money units come from
the label, the column header or the title (（万元）).
Event tables (序号/时间/主题/地点) are left to the event extractor.
"""

from __future__ import annotations

import re

from ..schema import Figure
from . import attribute as at
from . import lexicon as lx
from .numbers import SCALES, parse_number
from .segment import Sections

_U = r"(?:[万亿千]?(?:册次|人次|场次|册件|件次|元|册|人|场|次|个|家|处|张|件|份|所|座|期|本|名)|%)"
_UNIT_IN = re.compile(rf"[(（](?:单位[:：])?\s*({_U})\s*[)）]|单位[:：]\s*({_U})")
_NUMERIC = re.compile(r"^\s*(?:约|近|超|逾)?\s*-?\d[\d,]*(?:\.\d+)?\s*(?:万|亿)?\s*(?:余|多)?\s*$")
LABEL_COLS = ("名称", "项目", "指标", "内容", "类别", "科目", "类型", "名 称")
EVENT_HEAD = re.compile(r"时间|日期")
REL_COL = re.compile(r"^(本年|今年|当年|本年度|上年|去年|上一年|上年度|前年)(?:同期)?(?:实际|完成|数|数据|累计|合计)?(?:\(.*\))?$")
LABEL_UNIT = re.compile(r"(次数|场数|场次)$")
MONTH_ROW = re.compile(r"(?:(?:19|20)\d\d年)?(?:(?:[1-9]|1[0-2])|[一二三四五六七八九十]|十[一二])月份?|第?[一二三四1-4]季度|上半年|下半年")
EVENT_HEAD2 = re.compile(r"主题|活动|名称|内容")


def _unit_of(*texts: str | None) -> str | None:
    for t in texts:
        if not t:
            continue
        m = _UNIT_IN.search(t)
        if m:
            return m.group(1) or m.group(2)
    return None


def label_metric(label: str, unit: str | None) -> tuple[str, str] | None:
    """Metric of a table label (and the cue that matched), or None."""
    lab = re.sub(r"\s+", "", label)
    lab = re.sub(r"^[#＃]+", "", lab)
    lab = re.sub(r"^[\d.、()（）一二三四五六七八九十]+[.、)）]", "", lab)
    lab = re.sub(r"^(?:在[^:：]{1,10}中|其中)[:：]?", "", lab)
    if not lab or len(lab) > 24:
        return None
    best = None
    for cue in lx.CUES:
        if cue.side == "R" or cue.need_activity_ctx:
            continue
        if unit not in cue.units:
            continue
        for m in cue.regex.finditer(lab):
            key = (m.end() - m.start(), m.end())
            if best is None or key > best[0]:
                best = (key, cue.units[unit], m.group(0))
    if best is None:
        return None
    metric = best[1]
    # residual: remove all cues of the same metric, then filler words
    residual = lab
    for cue in lx.CUES:
        if unit in cue.units and cue.units[unit] == metric and not cue.need_activity_ctx:
            residual = cue.regex.sub("", residual)
    if lx.TABLE_LABEL_BAD.search(residual):
        return None
    residual = lx.TABLE_LABEL_FILLER.sub("", residual)
    if len(residual) > 1:
        return None
    return metric, best[2]


def _value(cell_text: str, unit: str | None):
    t = cell_text.strip()
    if not _NUMERIC.match(t):
        return None
    p = parse_number(t.replace(" ", ""))
    if p is None:
        return None
    mult, unit_out = 1.0, unit
    if unit in ("万元", "千元", "亿元"):
        mult, unit_out = SCALES[unit[0]], "元"
    elif unit and len(unit) > 1 and unit[0] in ("万", "亿") and unit[1:] not in ("元",):
        # a scaled unit cell: 万册, 万人次, 万人, 万次, 万个, 亿次
        mult, unit_out = SCALES[unit[0]], unit[1:]
    v = round(p.value * mult, 6)
    vh = None if p.value_high is None else round(p.value_high * mult, 6)
    return v, vh, p.qualifier, unit_out


class _C:
    """A cell seen through the matching text (traditional → simplified), same span."""

    __slots__ = ("text", "start", "end", "orig")

    def __init__(self, c, mt: str, text: str):
        self.start, self.end = c.start, c.end
        self.text = mt[c.start:c.end] if mt[c.start:c.end].strip() or not c.text else c.text
        self.orig = text[c.start:c.end] if text[c.start:c.end].strip() else c.text


class _T:
    def __init__(self, tb, mt: str, text: str):
        self.table_id, self.start, self.end, self.layout = tb.table_id, tb.start, tb.end, tb.layout
        self.header = [_C(c, mt, text) for c in tb.header]
        self.rows = [[_C(c, mt, text) for c in r] for r in tb.rows]
        self.title = mt[tb.title_span[0]:tb.title_span[1]] if tb.title_span else tb.title
        self.unit_hint = tb.unit_hint or _unit_of(self.title)
        if self.unit_hint and self.unit_hint.startswith("萬"):
            self.unit_hint = "万" + self.unit_hint[1:]

    def col_index(self, *keywords: str) -> int | None:
        for kw in keywords:
            for i, h in enumerate(self.header):
                if kw.replace(" ", "") in re.sub(r"\s+", "", h.text):
                    return i
        return None


def table_figures(tables, text: str, report_year: int | None, sections: Sections, mt: str | None = None) -> list[Figure]:
    out: list[Figure] = []
    mt = text if mt is None else mt
    for tb in (_T(t, mt, text) for t in tables):
        head = [re.sub(r"\s+", "", c.text) for c in tb.header]
        if any(EVENT_HEAD.search(h) for h in head) and any(EVENT_HEAD2.search(h) for h in head):
            continue
        title = tb.title or ""
        ty = lx.YEAR_RE.search(title)
        sec_year, flavour = sections.at(tb.start)
        base_year = int(ty.group(1)) if ty else sec_year
        period = "plan" if flavour == "plan" else ("partial" if lx.PERIOD_PARTIAL.search(title) else "year")
        tunit = tb.unit_hint or _unit_of(title)
        pairs = []  # (label_cell, value_cell, column header text)
        if tb.layout == "label_value" or (len(tb.rows) == 1 and all(_NUMERIC.match(c.text or "") for c in tb.rows[0] if c.text.strip())
                                          and not any(_NUMERIC.match(h) for h in head)):
            for hc, vc in zip(tb.header, tb.rows[0] if tb.rows else []):
                pairs.append((hc, vc, "", None))
        else:
            lab_i = tb.col_index(*LABEL_COLS)
            if lab_i is None:
                # first column that is mostly text
                for i in range(len(head)):
                    col = [r[i].text for r in tb.rows if i < len(r)]
                    if col and sum(bool(_NUMERIC.match(x)) for x in col) < len(col) / 2 and "序号" not in head[i]:
                        lab_i = i
                        break
            if lab_i is None:
                continue
            # metrics in the header, rows are periods (months, years) with a 合计 row
            col_metric = {i: label_metric(re.sub(_UNIT_IN, "", tb.header[i].text), None)
                          for i in range(len(head)) if i != lab_i}
            col_metric = {i: m for i, m in col_metric.items() if m}
            if col_metric and not label_metric(head[lab_i], None):
                for r in tb.rows:
                    if lab_i >= len(r):
                        continue
                    rl = re.sub(r"\s+", "", r[lab_i].text)
                    ry = lx.YEAR_RE.fullmatch(rl) or re.fullmatch(r"((?:19|20)\d\d)年?(?:度)?", rl)
                    # a month or quarter row (1月, 十二月份, 第一季度, 上半年): a part of the year
                    rp = MONTH_ROW.fullmatch(rl)
                    if not (re.fullmatch(r"(?:全年|年度|本年)?(?:合计|总计|累计|总数)", rl) or ry or rp):
                        continue
                    for i in col_metric:
                        if i < len(r):
                            htxt = tb.header[i].text + (f"{ry.group(1)}年" if ry else "")
                            pairs.append((tb.header[i], r[i], htxt, "partial" if rp else None))
                col_metric_table = True
            else:
                col_metric_table = False
            unit_i = next((i for i, h in enumerate(head) if h in ("单位", "计量单位", "计算单位")), None)
            val_cols = [i for i in range(len(head)) if i != lab_i and i != unit_i and "序号" not in head[i] and "代码" not in head[i]
                        and "行次" not in head[i] and "编号" not in head[i] and "占比" not in head[i] and "%" not in head[i]
                        and "备注" not in head[i]]
            for r in ([] if col_metric_table else tb.rows):
                if lab_i >= len(r):
                    continue
                ucell = r[unit_i].text.strip() if unit_i is not None and unit_i < len(r) else ""
                for i in val_cols:
                    if i < len(r):
                        htxt = tb.header[i].text if i < len(tb.header) else ""
                        if ucell:
                            htxt = f"{htxt}({ucell.split('、')[0]})"
                        pairs.append((r[lab_i], r[i], htxt, None))
        for lc, vc, htxt, pair_period in pairs:
            if not vc.text.strip():
                continue
            unit = _unit_of(lc.text, htxt) or tunit
            money = unit in ("万元", "千元", "亿元", "元") or bool(re.search(r"经费|支出|金额|费用|拨款", title + htxt))
            lm = label_metric(re.sub(_UNIT_IN, "", lc.text), "元" if money else None)
            if lm is None and money and re.fullmatch(r"\s*(?:合计|总计|小计|共计|支出合计|经费合计)\s*", lc.text):
                lm = ("spending.total", lc.text.strip())
            if lm is None and unit and unit not in ("万元", "千元", "亿元", "元"):
                lm = label_metric(re.sub(_UNIT_IN, "", lc.text), re.sub(r"^[万亿]", "", unit) or None)
            if lm is None and not unit:
                # the label names its own unit: 举办活动次数, 讲座场次
                su = LABEL_UNIT.search(re.sub(r"\s+", "", lc.text))
                if su:
                    lm = label_metric(re.sub(_UNIT_IN, "", lc.text), {"次数": "次", "场数": "场"}.get(su.group(1), su.group(1)))
            if lm is None:
                continue
            metric, cue = lm
            if metric.startswith("spending") and unit not in ("万元", "千元", "亿元", "元"):
                unit = unit or "元"
            val = _value(vc.text, unit)
            if val is None:
                continue
            v, vh, qual, unit_out = val
            hy = lx.YEAR_RE.search(htxt or "")
            year = int(hy.group(1)) if hy else base_year
            if not hy and base_year is not None:
                # a column named relative to the report year: 本年 / 上年 / 去年同期
                rel = REL_COL.match(re.sub(r"\s+", "", htxt or ""))
                if rel:
                    year = base_year + lx.REL_YEAR[rel.group(1)]
            scope = "library"
            for name, rx in lx.SCOPE_RULES:
                if rx.search(lc.text):
                    scope = name
                    break
            if metric.startswith("network.branches"):
                scope = "branches"
            elif metric.startswith("network.service_points"):
                scope = "service_points"
            out.append(Figure(
                metric=metric, value=v, qualifier=qual, scope=scope, segment=at.segment(lc.text, metric, lc.text),
                period=pair_period or period,
                year=year, unit_raw=(unit or ""), evidence=lc.orig.strip(),
                char_start=vc.start, char_end=vc.end, value_high=vh, table_id=tb.table_id,
            ))
    return out


# ------------------------------------------------------------------ statistical forms printed as lines

# 101总藏量万册45.6 / 201 总流通人次 人次 186500: an optional row code, a label, a unit, a value,
# one row per line (the form's columns lost their separators, or were never a table)
_FORM_UNITS = ("万册次", "万人次", "万册", "万人", "万次", "万个", "万张", "万元", "千元", "亿元", "元",
               "册次", "人次", "场次", "册", "件", "次", "场", "个", "张", "人", "家", "处", "所", "座", "期",
               "平方米", "台", "种", "部", "小时", "天")
FORM_LINE = re.compile(
    r"^[ \t]*(?P<code>\d{2,4}(?:\.\d+)?)?[ \t]*(?P<label>[^\d\s\t][^\t\d]{0,24}?)[ \t]*"
    r"(?P<unit>" + "|".join(_FORM_UNITS) + r")[ \t]*(?P<val>-?\d[\d,]*(?:\.\d+)?)[ \t]*$")
# a sub-row that only names a part of the row above it (其中:图书 / 其中:少儿文献)
_PART_LABEL = re.compile(r"^(?:其中[:：]?|含[:：]?)\s*(图书|期刊|报刊|报纸|古籍|少儿(?:文献|图书)?|电子图书|视听文献|盲文(?:图书|读物)?)$")
_PART_SEG = {"图书": "books", "期刊": "periodicals", "报刊": "periodicals", "报纸": "periodicals"}


def _form_metric(label: str, unit: str) -> tuple[str, str] | None:
    money = unit in ("万元", "千元", "亿元", "元")
    base = "元" if money else re.sub(r"^[万亿]", "", unit)
    lm = label_metric(label, base)
    if lm is None and base in ("个", "期"):
        # 举办展览 个 / 培训班 个: a count of events written in 个
        lm = label_metric(label, "次")
        if lm and not lm[0].startswith("activities"):
            lm = None
    return lm


def form_line_figures(text: str, mt: str, report_year: int | None, sections: Sections,
                      skip: list[tuple[int, int]]) -> list[Figure]:
    rows = []
    pos = 0
    for raw in mt.split("\n"):
        start, pos = pos, pos + len(raw) + 1
        if any(a <= start < b for a, b in skip):
            continue
        m = FORM_LINE.match(raw)
        if m:
            rows.append((start, m))
    # a form has several such rows; one stray line is not a form
    if len(rows) < 3:
        return []
    out: list[Figure] = []
    prev = None  # (metric, unit family) of the row above, for 其中: sub-rows
    for start, m in rows:
        label = m.group("label").strip().rstrip(":：").strip()
        unit = m.group("unit")
        lm = _form_metric(label, unit)
        seg = None
        if lm is None:
            pm = _PART_LABEL.match(re.sub(r"\s+", "", label))
            if pm and prev and prev[1] == re.sub(r"^[万亿千]", "", unit):
                lm, seg = (prev[0], label), _PART_SEG.get(pm.group(1), "part")
        if lm is None:
            prev = None
            continue
        metric = lm[0]
        val = _value(m.group("val"), unit if unit in ("万元", "千元", "亿元") or unit.startswith(("万", "亿")) else None)
        if val is None:
            continue
        v, vh, qual, unit_out = val
        sec_year, flavour = sections.at(start)
        vs, ve = start + m.start("val"), start + m.end("val")
        lab_s = start + m.start("label")
        out.append(Figure(
            metric=metric, value=v, qualifier=qual,
            scope=at.scope(label, metric), segment=seg or at.segment(label, metric, label),
            period="plan" if flavour == "plan" else "year", year=sec_year or report_year,
            unit_raw=unit, evidence=text[lab_s:lab_s + len(m.group("label"))].strip(),
            char_start=vs, char_end=ve, value_high=vh,
        ))
        prev = (metric, re.sub(r"^[万亿千]", "", unit))
    return out
