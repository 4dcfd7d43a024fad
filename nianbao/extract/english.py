"""Figures written in English (an English news page, a government annual report in English).

`english_quantities(mt)` finds the numbers of English passages (`lexicon.english.EN_NUMBER_RE`:
`2.02 million`, `2,467,200`, `1 633 405`, `more than 1,100`) as `numbers.Quantity` records with the
qualifier of the word before them (more than → at_least, about → approx, nearly → at_most);
`english_figures` gives each its metric with the English cues (`lexicon.english`: the noun after
the number, else the nearest cue on its left in the sentence), as the prose pass does with the
Chinese ones. Chinese text never reaches these rules (a passage with a Chinese character is not
English).
"""

from __future__ import annotations

import re

from ..schema import Figure
from .lexicon import english as en
from .numbers import Quantity

_SENT_END = en.SENTENCE_END


def _is_english(mt: str, a: int, b: int) -> bool:
    """Whether the number at a..b stands in an English line (no Chinese character on it, a few words)."""
    ls = mt.rfind("\n", 0, a) + 1
    le = mt.find("\n", b)
    line = mt[ls : len(mt) if le < 0 else le]
    return not en.CJK.search(line) and len(en.ENGLISH_WORDS.findall(line)) >= en.ENGLISH_MIN_WORDS


def english_quantities(mt: str) -> list[Quantity]:
    """Every number of the English passages of `mt` that may count something (not a year, a date,
    a time, a phone number, a size, money or a share)."""
    if not re.search(r"[A-Za-z]{3}", mt):
        return []
    out = []
    for m in en.EN_NUMBER_RE.finditer(mt):
        ns, ne = m.span("num")
        if not _is_english(mt, ns, m.end()):
            continue
        raw = m.group("num")
        digits = re.sub(r"[,\s\u00a0\u2009\u202f]", "", raw)
        scale = (m.group("scale") or "").lower()
        if not scale and en.YEAR_LIKE.fullmatch(digits) and "," not in raw:
            continue  # a year
        right = mt[m.end() : m.end() + 60]
        left = mt[max(0, m.start() - 30) : m.start()]
        money = en.MONEY_RIGHT.match(right) is not None  # (2.5 million yuan: money, read by the spending cues)
        if (not money and en.NOT_A_COUNT_RIGHT.search(right)) or en.NOT_A_COUNT_LEFT.search(left.rstrip()):
            continue
        try:
            value = float(digits)
        except ValueError:
            continue
        if scale:
            value *= en.SCALE_WORDS[re.sub(r"\s+", " ", scale)]
        elif value < 2 and "." in digits:
            continue
        pre = re.sub(r"\s+", " ", (m.group("pre") or "").lower())
        qualifier = en.QUALIFIER_WORDS.get(pre, "exact")
        end = m.end()
        out.append(
            Quantity(
                start=ns,
                end=end,
                num_start=ns,
                value=round(value, 6),
                value_high=None,
                qualifier=qualifier,
                unit="元" if money else None,
                scale_unit=(scale + " yuan").strip() if money else scale,
                text=mt[ns:end],
            )
        )
    return out


def _sentence(mt: str, pos: int) -> tuple[int, int]:
    s = 0
    for m in _SENT_END.finditer(mt, max(0, pos - 400), pos):
        s = m.end()
    m = _SENT_END.search(mt, pos)
    return s, (m.start() if m else len(mt))


def _spending(left: str, right: str) -> tuple[str, str] | None:
    """The spending an amount in yuan is of: what it was spent on, named after it, else a cue on its left."""
    for cue in en.SPENDING_RIGHT_CUES:
        if cue.regex.search(right):
            return cue.units[en.EN], "all"
    best = None
    for cue in en.SPENDING_LEFT_CUES:
        for m in cue.regex.finditer(left):
            if not re.search(r"\d", left[m.end() :]) and (best is None or m.end() > best[0]):
                best = (m.end(), cue.units[en.EN])
    return (best[1], "all") if best else None


def _metric(mt: str, q: Quantity, ss: int, se: int) -> tuple[str, str] | None:
    """(metric, segment) of an English number: its noun on the right, else a cue on its left."""
    right = mt[q.end : se]
    left = mt[ss : q.num_start]
    if q.unit == "元":
        return _spending(left, right)
    if en.SINCE_OPENING.search(mt, ss, se) or en.TWO_FLOWS_LEFT.search(left):
        return None
    if en.BY_LEFT.search(left) and en.BORROWERS_RIGHT.match(right) and en.LOAN_LEFT.search(left):
        return "circulation.borrowers", "all"
    for cue in en.RIGHT_CUES:
        m = cue.regex.search(right)
        if not m:
            continue
        if re.search(r"\d", right[: m.start()]):
            continue
        metric = cue.units[en.EN]
        noun = m.group(0).lower()
        segment = "all"
        if metric == "collection.total":
            if en.LOAN_LEFT.search(left[-50:]) or en.LOAN_RIGHT.search(right[m.end() :]):
                metric = "circulation.loans"
            elif en.ADDED_LEFT.search(left[-40:]):
                metric = "collection.added"
            elif en.NOT_HOLDINGS_LEFT.search(left[-40:]) or not en.HOLDING_LEFT.search(left[-80:]):
                return None
        if metric == "network.service_points":
            for w, seg in en.SEGMENT_WORDS.items():
                if w in noun.replace(" ", ""):
                    segment = seg
        return metric, segment
    if en.LIBRARIES_COUNTED.match(right):
        return None
    best = None
    for cue in en.LEFT_CUES:
        for m in cue.regex.finditer(left):
            if en.LEFT_LINK.match(left[m.end() :]) and (best is None or m.end() > best[0]):
                best = (m.end(), cue.units[en.EN])
    if best is None:
        return None
    # the right side must end the statement (no noun of another kind follows the number)
    if re.match(r"^\s*[a-z]", right) and not re.match(
        r"^\s*(?:in|by|and|of|during|last|this|,|up|down|growing|an?\s+increase)\b", right, re.IGNORECASE
    ):
        return None
    return best[1], "all"


def _year(mt: str, q: Quantity, ss: int, se: int, para_start: int) -> int | None:
    after = en.YEAR_IN_SENTENCE.search(mt[q.end : se])
    if after and not re.search(r"\d", mt[q.end : q.end + after.start()]):
        return int(after.group("y"))
    ys = list(en.YEAR_IN_SENTENCE.finditer(mt, ss, q.num_start))
    if ys:
        return int(ys[-1].group("y"))
    ys = list(en.YEAR_IN_SENTENCE.finditer(mt, para_start, ss))
    if ys:
        return int(ys[-1].group("y"))
    # the year the passage last named before it (The library collection in 2002 …), else the next one
    ys = list(en.YEAR_IN_SENTENCE.finditer(mt, 0, ss))
    if ys:
        return int(ys[-1].group("y"))
    y = en.YEAR_IN_SENTENCE.search(mt, se)
    return int(y.group("y")) if y else None


def _scope(sentence: str, metric: str) -> str:
    if en.REGION_SCOPE.search(sentence):
        return "region"
    if metric.startswith("network") or en.SYSTEM_SCOPE.search(sentence):
        return "system"
    return "library"


def english_figures(mt: str, skip: list[tuple[int, int]] | None = None) -> list[Figure]:
    """Figures of the English passages of `mt`."""
    figs = []
    for q in english_quantities(mt):
        if skip and any(a <= q.num_start < b for a, b in skip):
            continue
        ss, se = _sentence(mt, q.num_start)
        got = _metric(mt, q, ss, se)
        if got is None:
            continue
        metric, segment = got
        para = mt.rfind("\n\n", 0, ss)
        figs.append(
            Figure(
                metric=metric,
                value=q.value,
                qualifier=q.qualifier,
                scope=_scope(mt[ss:se], metric),
                segment=segment,
                period="year",
                year=_year(mt, q, ss, se, 0 if para < 0 else para),
                unit_raw=q.scale_unit,
                evidence=mt[ss:se].strip(),
                char_start=q.start,
                char_end=q.end,
            )
        )
    return figs
