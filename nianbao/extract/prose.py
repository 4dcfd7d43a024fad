"""Figures stated in running text (and in label:value lines).

For every number with a unit (or a bare number right after a label such as
进馆人次:47000) outside tables and web-page junk, `classify` decides the
metric; `attribute` gives year, scope, segment, period and library. Two
follow-up rules need the neighbouring clause: an elliptic clause that only
names a part (…办理新证2988张,分馆5096张) inherits the metric of the clause
before it, and a clause opened by 以及/和/及 inherits the flow verb (新增…3家分馆,
以及…2处服务点).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..schema import Figure
from . import attribute as at
from . import lexicon as lx
from .classify import Decision, classify
from .numbers import Quantity, find_quantities
from .segment import Sections, clause_bounds, previous_clause, sentence_bounds

PART_WORDS = re.compile(r"^[\s其中另]*(?:直属分馆|分馆|总馆|本馆|少儿|少年儿童|未成年人|成人|期刊|报刊|图书|线上|线下|网上|馆外|服务点|流动服务点|"
                        r"城区|农村|乡镇|男性?|女性?|老年|残疾)(?:读者|用户|人员|图书|文献|借阅|外借|活动)?[\s:为达共计约近超逾]*$")
CONNECTOR = re.compile(r"^\s*(?:以及|及|和|并|另|还|同时)")


@dataclass
class ShareCandidate:
    q: Quantity
    share: float
    label: str
    sent: tuple[int, int]
    clause: tuple[int, int]


def _in_spans(pos: int, spans) -> bool:
    return any(a <= pos < b for a, b in spans)


def _is_flow(mt: str, q: Quantity, cs: int, ce: int) -> bool:
    left = mt[cs:q.num_start]
    right = mt[q.end:ce]
    stock_spans = [(m.start(), m.end()) for m in lx.STOCK_WORDS.finditer(left)]
    flows = [m for m in lx.FLOW_WORDS.finditer(left)
             if not any(a <= m.start() < b for a, b in stock_spans)]
    if flows:
        # a stock word after the last flow word wins (新建…,现有…)
        last_flow = flows[-1].start()
        if not any(a > last_flow for a, _ in stock_spans):
            return True
    if lx.FLOW_RIGHT.search(right):
        return True
    bare_list = len(left.strip()) <= 8 and not re.search(r"共|有|设|建|增|计|现|已|达", left)
    if CONNECTOR.match(left) or bare_list:
        prev = previous_clause(mt, cs)
        if prev:
            pl = mt[prev[0]:prev[1]]
            fl = [m for m in lx.FLOW_WORDS.finditer(pl)]
            st = list(lx.STOCK_WORDS.finditer(pl))
            if fl and not st:
                return True
    return False


def prose_figures(text: str, mt: str, library: str | None, report_year: int | None,
                  sections: Sections, skip: list[tuple[int, int]]) -> tuple[list[Figure], list[ShareCandidate]]:
    figs: list[Figure] = []
    shares: list[ShareCandidate] = []
    quants = find_quantities(mt, bare=True)
    prev_end_in_clause: dict[int, int] = {}
    last_fig_by_sentence: dict[int, Figure] = {}
    last_unit_by_sentence: dict[int, tuple[str | None, Figure]] = {}
    for q in quants:
        if _in_spans(q.num_start, skip):
            continue
        cs, ce = clause_bounds(mt, q.num_start)
        ss, se = sentence_bounds(mt, q.num_start)
        left_start = max(cs, prev_end_in_clause.get(cs, cs))
        prev_end_in_clause[cs] = q.end
        bare = q.unit is None
        d = classify(mt, q, left_start, ce, (ss, se), bare=bare, clause_start=cs)
        if d is None and not bare:
            # elliptic part: 分馆5096张 after 办理新证2988张
            prev = last_unit_by_sentence.get(ss)
            if prev and prev[0] == q.unit and PART_WORDS.match(mt[left_start:q.num_start]) and left_start == cs:
                pf = prev[1]
                d = Decision(pf.metric, mt[cs:q.num_start].strip(), cs, q.num_start)
        if d is None:
            if not bare and q.unit in lx.PERSONS:
                pc = previous_clause(mt, cs)
                if pc:
                    m = re.search(r"(?:占(?:比)?[^,;。\d]{0,6}|^\s*(?:达|为|约)?)(\d+(?:\.\d+)?)%\s*$", mt[pc[0]:pc[1]])
                    if m and not re.search("占", mt[pc[0]:pc[1]]):
                        pc2 = previous_clause(mt, pc[0])
                        if not (pc2 and "占" in mt[pc2[0]:pc2[1]]):
                            m = None
                        else:
                            pc = (pc2[0], pc[1])
                    if m and re.fullmatch(r"[\s约近达为共计]*", mt[cs:q.num_start]):
                        shares.append(ShareCandidate(q, float(m.group(1)), mt[pc[0]:pc[1]], (ss, se), (cs, ce)))
            continue
        metric = d.metric
        if metric in lx.ADDED and _is_flow(mt, q, cs, ce):
            metric = lx.ADDED[metric]
        sec_year, flavour = sections.at(q.num_start)
        year = at.figure_year(mt[ss:q.num_start], sec_year)
        ctx = mt[cs:ce]
        f = Figure(
            metric=metric, value=q.value, qualifier=q.qualifier,
            scope=at.scope(mt[left_start:ce] if not metric.startswith("network") else ctx, metric),
            segment=at.segment(mt[left_start:q.end + 8] if left_start != cs else ctx, metric, mt[ss:se]),
            period=at.period(mt[ss:q.num_start], flavour),
            year=year, unit_raw=q.scale_unit or "", evidence=text[cs:ce].strip(),
            char_start=q.start, char_end=q.end,
            value_high=q.value_high,
            library_name=at.other_library(mt[cs:q.num_start], library),
        )
        if d.ratio_scale is not None:
            f.kind = "ratio"
            f.ratio_numerator = metric
            f.ratio_denominator = "population.served"
            f.ratio_scale = d.ratio_scale
            f.metric = f"{metric}_per_{int(d.ratio_scale)}_population" if d.ratio_scale != 1 else f"{metric}_per_capita"
        figs.append(f)
        if f.kind == "figure":
            last_unit_by_sentence[ss] = (q.unit, f)
    return figs, shares


def resolve_shares(shares: list[ShareCandidate], figs: list[Figure], mt: str, text: str,
                   sections: Sections) -> list[Figure]:
    """Counts given as shares of a base (本科及以上占比30%,约4.5万人) take the
    metric of the stated base they are a share of (约15万 active readers), when
    count / share reproduces that base within 3 %."""
    out = []
    for sc in shares:
        if sc.share <= 0:
            continue
        base = sc.q.value / (sc.share / 100.0)
        best = None
        for f in figs:
            if f.kind != "figure" or abs(f.char_start - sc.q.num_start) > 3000:
                continue
            if abs(f.value - base) <= 0.03 * base and f.segment == "all":
                if best is None or abs(f.char_start - sc.q.num_start) < abs(best.char_start - sc.q.num_start):
                    best = f
        if best is None:
            continue
        sec_year, flavour = sections.at(sc.q.num_start)
        label = re.sub(r"^[\s,其中]*", "", sc.label)
        seg = re.sub(r"(?:的)?(?:持证|活跃)?(?:人员|读者|人群)?占(?:比)?.*$", "", label).strip() or "part"
        out.append(Figure(
            metric=best.metric, value=sc.q.value, qualifier=sc.q.qualifier, scope=best.scope,
            segment=_seg_code(seg), period=best.period,
            year=at.figure_year(mt[sc.sent[0]:sc.q.num_start], sec_year), unit_raw=sc.q.scale_unit or "",
            evidence=text[sc.clause[0] - len(sc.label) - 1:sc.clause[1]].strip(),
            char_start=sc.q.start, char_end=sc.q.end, library_name=best.library_name,
        ))
    return out


_SEG_MAP = [(r"本科及以上|大学|本科", "edu_bachelor_plus"), (r"高中及以上", "edu_high_school_plus"),
            (r"高中以下|初中", "edu_below_high_school")]


def _seg_code(label: str) -> str:
    for pat, code in _SEG_MAP:
        if re.search(pat, label):
            return code
    return "share:" + label[:12]
