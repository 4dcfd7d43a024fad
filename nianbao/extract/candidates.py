"""Every number of a document as a candidate, and what became of it.

`find_candidates(text, mt, figures)` lists each number written in the text
(Arabic or Chinese numerals, with or without 万/亿/千, in prose, label:value
lines and table cells; found with `numbers.QUANTITY_RE`, the extractor's own
finder) as a `Candidate`. A candidate whose span overlaps an extracted figure
ends as `fate='figure'` with that figure's metric and value; every other one
is `fate='rejected'` with the reason of the first rule of
`lexicon.candidates.REASON_RULES` that matches the text around it (date, year,
phone, percentage, ...), else `no_unit` or `unknown_metric`.

Chinese numerals count only when a unit follows them (一位, 十分 are words).
The result answers "why was this number not a figure?" in `raw.candidates`.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from ..schema import Candidate, Figure
from . import lexicon as lx
from .english import english_quantities
from .lexicon import candidates as lc
from .lexicon import tables as tl
from .numbers import CN_CHARS, SCALES, parse_number, quantity_matches, strip_gloss
from .segment import clause_bounds, is_junk

_CN_ONLY = re.compile(f"[{CN_CHARS}余多万亿千百 \t]+")
_WORD_ONLY = {"千", "百", "万", "十", "千万", "百万", "亿", "万余", "千余"}
_MONEY_SCALED = ("万元", "千元", "亿元")


@dataclass
class _Number:
    start: int
    num_end: int  # end of the digits (the unit follows)
    end: int  # end of number + unit
    value: float | None
    unit: str | None
    reason: str | None = None  # set when the finder already knows (a form's row code)


def _lines(mt: str) -> tuple[list[int], list[str]]:
    starts, texts, pos = [], [], 0
    for raw in mt.split("\n"):
        starts.append(pos)
        texts.append(raw)
        pos += len(raw) + 1
    return starts, texts


@functools.lru_cache(maxsize=8192)
def _value(pre: str, core: str, post: str, unit: str | None) -> float | None:
    """The value of a written number (cached: the same numbers recur)."""
    p = parse_number(pre + core + post) or parse_number(core)
    if p is None:
        return None
    v = p.value
    if unit in _MONEY_SCALED:
        v = v * SCALES[unit[0]]
    return round(v, 6)


def _form_cells(mt: str) -> list[_Number]:
    """Code and value of each form row printed glued to its label (statistical forms)."""
    if not lc.FORM_DOCUMENT.search(mt):
        return []
    out, w = [], lc.FORM_CODE_WIDTH
    for m in lc.FORM_GLUED.finditer(mt):
        s, e = m.span("num")
        digits = mt[s : s + w]
        rest = mt[s + w : e]
        if not rest or rest[0] == "," or not digits.isdigit():
            continue
        out.append(_Number(s, s + w, s + w, float(digits), None, "code"))
        out.append(_Number(s + w, e, e, _value("", rest, "", None), None))
    return out


def _numbers(mt: str) -> list[_Number]:
    """Every number of `mt`, in text order."""
    out = _form_cells(mt)
    taken = [(n.start, n.end) for n in out]
    for m in quantity_matches(mt):
        num = m.group("num")
        if not num or not num.strip():
            continue
        ns = m.start("num")
        ne = ns + len(num.rstrip())
        if taken and any(a < ne and ns < b for a, b in taken):
            continue
        core = strip_gloss(num.strip())
        unit = m.group("unit")
        after = mt[ne : ne + 6]
        other = None if unit else lc.OTHER_UNIT_RE.match(after.lstrip(" \t"))
        if _CN_ONLY.fullmatch(core) and not re.search(r"\d", core):
            # Chinese numerals: only with a unit; never the bare words 千/百/万
            if (core in _WORD_ONLY and not unit) or (not unit and not other):
                continue
            if len(core) == 1 and core in "万亿千百十":
                continue
        post = m.group("post") or ""
        end = m.end("unit") if unit else ne
        if post in ("余", "多") and unit:
            end = m.end("post")
        unit_text = unit or (other.group(0) if other else None)
        out.append(_Number(ns, ne, end, _value(m.group("pre") or "", core, post, unit), unit_text))
    for rx, v in lc.WORD_NUMBERS_RE:
        for m in rx.finditer(mt):
            ws = m.start() + (2 if m.group(0).startswith("突破") else 1)
            if not any(a < m.end() and ws < b for a, b in taken):
                out.append(_Number(ws, m.end(), m.end(), float(v), None))
    for m in lc.SPACED_THOUSANDS.finditer(mt):
        # one number (4 960件): it replaces the pieces the finder saw
        out = [n for n in out if not (m.start() <= n.start < m.end())]
        out.append(_Number(m.start(), m.end(), m.end(), float(m.group(0).replace(" ", "")), None))
    for q in english_quantities(mt):
        # a number written in English (2.02 million, 1 633 405): one number for the pieces the finder saw
        out = [n for n in out if not (q.start <= n.start < q.end or n.start <= q.start < n.end)]
        out.append(_Number(q.start, q.end, q.end, q.value, None))
    out.sort(key=lambda n: (n.start, n.end))
    return out


def _label_scale(text: str) -> float | None:
    m = lc.SCALE_IN_LABEL.search(text)
    return lc.SCALE_OF[m.group(1) or m.group(2)] if m else None


def _line_above(ltexts: list[str], li: int) -> str | None:
    for k in range(li - 1, max(-1, li - 4), -1):
        if ltexts[k].strip():
            return ltexts[k]
    return None


def _stated_scale(
    mt: str, n: _Number, lstarts: list[int], ltexts: list[str], li: int, statements: list[tuple[int, float]]
) -> float:
    """1000 or 10000 when the label beside a bare number states 千/万 (see lexicon)."""
    left = mt[lstarts[li] : n.start]
    m = lc.SCALE_GLUED_BEFORE.search(left)
    if m:
        return lc.SCALE_OF[m.group(1)]
    scale = _label_scale(left)
    if scale:
        return scale
    above = _line_above(ltexts, li)
    if above is None:
        return 1
    line = ltexts[li]
    if line.strip() == mt[n.start : n.end].strip():  # alone on its line: a unit line above (forms)
        m = lc.SCALE_LINE_ABOVE.match(above)
        if m:
            return lc.SCALE_OF[m.group(1)]
    if lc.NUMBERS_ONLY_LINE.match(line) or lc.SUB_ITEM_LINE.match(line):
        scale = _label_scale(above)
        if scale:
            return scale
    # the table's unit statement (单位:万元) before it
    before = [sc for pos, sc in statements if pos <= n.start <= pos + lc.UNIT_STATEMENT_REACH]
    return before[-1] if before else 1


_CUES_FOR: dict = {}


def _cues_for(unit: str | None) -> list:
    """The cues that know `unit`, in their order (cached per unit)."""
    cues = _CUES_FOR.get(unit)
    if cues is None:
        cues = _CUES_FOR[unit] = [cue for cue in lx.CUES if unit in cue.units]
    return cues


def _guess_metric(left: str, right: str, unit: str | None) -> str | None:
    """The metric the nearest cue of the clause would give this unit (for rejected numbers)."""
    best = None
    for cue in _cues_for(unit):
        if cue.side != "R":
            for m in cue.regex.finditer(left):
                if best is None or m.end() > best[0]:
                    best = (m.end(), cue.units[unit])
        if best is None and cue.side != "L":
            m = cue.regex.match(right.lstrip())
            if m:
                best = (len(left), cue.units[unit])
    return best[1] if best else None


# the rules as (reason, ((context key, regex), ...)): the cheap keys first
_CHEAP_FIRST = ("unit", "number", "before", "after", "line_left", "left", "right", "line")
_RULES = [
    (r.reason, tuple(sorted(r.regexes.items(), key=lambda kv: _CHEAP_FIRST.index(kv[0])))) for r in lc.REASON_RULES
]


class _Context(dict):
    """The texts around one number that the rules read, each computed on first use
    (the clause bounds too, when `clause` is None)."""

    def __init__(self, args: tuple[str, int, int, int, str | None, str, int], clause: tuple[int, int] | None):
        """args: (mt, start, num_end, end, unit, line, line_start), as `reject_reason` takes them."""
        super().__init__()
        self.args = args
        self.clause = clause

    def __missing__(self, key: str) -> str:
        mt, start, num_end, end, unit, line, line_start = self.args
        if key == "number":
            value = mt[start:num_end].strip()
        elif key == "unit":
            value = unit or ""
        elif key in ("left", "right"):
            if self.clause is None:
                self.clause = clause_bounds(mt, start)
            cs, ce = self.clause
            value = mt[cs:start] if key == "left" else mt[end:ce]
        elif key == "line":
            value = line
        elif key == "line_left":
            value = mt[line_start:start]
        elif key == "before":
            value = mt[max(0, start - 2, line_start) : start]
        elif key == "after":
            value = mt[num_end : min(len(mt), num_end + 8)]
        else:
            raise KeyError(key)
        self[key] = value
        return value


def reject_reason(
    mt: str,
    start: int,
    num_end: int,
    end: int,
    unit: str | None,
    line: str,
    line_start: int,
    clause: tuple[int, int] | None = None,
    junk: bool | None = None,
) -> str:
    """The reason code for a number that is not a figure (see `lexicon.candidates`);
    `junk` is `is_junk(line)` when the caller knows it."""
    if is_junk(line) if junk is None else junk:
        return "junk_line"
    ctx = _Context((mt, start, num_end, end, unit, line, line_start), clause)
    for reason, tests in _RULES:
        for key, rx in tests:
            if not rx.search(ctx[key]):
                break
        else:
            return reason
    if len(mt.rstrip()) - end <= lc.TRUNCATED_TAIL:
        return "truncated"
    return "no_unit" if not unit else "unknown_metric"


def _code_cells(tables) -> list[tuple[int, int]]:
    """Spans of the cells of the tables' row-code columns (代码 / 行次 / 编码): a statistical
    form's row codes, which a number written glued to its unit (16册、件, 49千元) may start."""
    out = []
    for t in tables or ():
        heads = [re.sub(r"\s+", "", c.text) for c in t.header]
        cols = [i for i, h in enumerate(heads) if tl.FORM_CODE_HEAD.search(h)]
        out += [(r[i].start, r[i].end) for r in t.rows for i in cols if i < len(r) and r[i].text]
    return sorted(out)


def find_candidates(text: str, mt: str, figures: list[Figure], tables=None) -> list[Candidate]:
    """Every number of `text` (`mt` is its matching form, same length) with its fate; `tables`
    (`tables.find_tables`) tell a form's row codes apart."""
    codes = _code_cells(tables)
    spans = sorted((f.char_start, f.char_end, i) for i, f in enumerate(figures))
    starts = [s for s, _, _ in spans]
    max_len = max((e - s for s, e, _ in spans), default=0)
    lstarts, ltexts = _lines(mt)
    statements = [(m.end(), lc.SCALE_OF[m.group(1)]) for m in lc.UNIT_STATEMENT.finditer(mt)]
    out: list[Candidate] = []
    junk: dict[int, bool] = {}  # line index → is_junk
    for n in _numbers(mt):
        start, end, unit = n.start, n.end, n.unit
        lo = bisect.bisect_left(starts, start - max_len)
        hits = [figures[i] for s, e, i in spans[lo : bisect.bisect_left(starts, end)] if s < end and start < e]
        figs = [f for f in hits if f.kind == "figure"]
        written = text[start:end]
        if figs and n.reason is None:
            f = min(figs, key=lambda f: (abs(f.char_start - start), f.char_end - f.char_start))
            out.append(Candidate(start, end, written, f.value, unit, "figure", None, f.metric))
            continue
        li = bisect.bisect_right(lstarts, start) - 1
        value = n.value
        if unit is None and value is not None and n.reason is None:
            value = round(value * _stated_scale(mt, n, lstarts, ltexts, li, statements), 6)
        if hits and n.reason is None:
            out.append(Candidate(start, end, written, value, unit, "rejected", "ratio", hits[0].metric))
            continue
        if n.reason:
            reason = n.reason
        elif any(a <= start < b for a, b in codes):
            reason = "code"
        else:
            if li not in junk:
                junk[li] = is_junk(ltexts[li])
            reason = reject_reason(mt, start, n.num_end, end, unit, ltexts[li], lstarts[li], None, junk[li])
        metric = None
        if reason in lc.GUESS_METRIC_FOR:
            cs, ce = clause_bounds(mt, start)
            key = "元" if unit in _MONEY_SCALED else unit
            metric = _guess_metric(mt[max(cs, start - 40) : start], mt[end:ce], key if key in _unit_keys() else None)
        out.append(Candidate(start, end, written, value, unit, "rejected", reason, metric))
    return out


_UNIT_KEYS: set | None = None


def _unit_keys() -> set:
    """Units the cues know (a unit outside them guesses like a bare number)."""
    global _UNIT_KEYS
    if _UNIT_KEYS is None:
        _UNIT_KEYS = {u for cue in lx.CUES for u in cue.units if u}
    return _UNIT_KEYS
