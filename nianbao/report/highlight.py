"""Locate a figure's number inside its evidence sentence and the source text.

Pure functions, no I/O: the report builder asks where to put the `<mark>` in an
evidence sentence and which line of the document a character offset is on.
The result is a list of ``(text, marked)`` segments that the Jinja template
renders with autoescaping, so evidence text is never trusted as HTML.
"""

from __future__ import annotations

import math
import re

Segments = list[tuple[str, bool]]

_SCALES = ((1, ""), (10_000, "万"), (100_000_000, "亿"))


def _plain(x: float) -> list[str]:
    """Ways a number may be written in a report: 205829, 205,829, 13.9938, 13.99380."""
    if x is None or (isinstance(x, float) and (math.isnan(x) or math.isinf(x))):
        return []
    out: list[str] = []
    if float(x).is_integer():
        i = int(x)
        out += [str(i), f"{i:,}"]
    else:
        for nd in range(1, 7):
            s = f"{x:.{nd}f}"
            if float(s) == round(x, nd) and abs(float(s) - x) < 1e-9 * max(1.0, abs(x)):
                out.append(s)
                t = s.rstrip("0").rstrip(".")
                if t != s:
                    out.append(t)
                break
        else:
            out.append(repr(x))
    return out


def number_spellings(value: float | None, unit_raw: str | None = None) -> list[str]:
    """Candidate spellings of `value` (stored in base units) as it may appear in the
    text, longest first: 7545500 -> 754.55 (万), 7545500; 212000 -> 21.2 (万)."""
    if value is None:
        return []
    try:
        v = float(value)
    except (TypeError, ValueError):
        return []
    if math.isnan(v):
        return []
    cands: list[str] = []
    unit = unit_raw or ""
    scales = list(_SCALES)
    # prefer the scale the unit names
    scales.sort(key=lambda s: 0 if s[1] and s[1] in unit else 1)
    for div, _ in scales:
        q = v / div
        if div > 1 and abs(q) < 0.01:
            continue
        cands += _plain(round(q, 6))
    seen: set[str] = set()
    uniq = [c for c in cands if not (c in seen or seen.add(c))]
    return sorted(uniq, key=len, reverse=True)


def _digit_bounded(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is not part of a longer number."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if before.isdigit() or before == "." and start > 1 and text[start - 2].isdigit():
        return False
    if after.isdigit() or (after in ".," and end + 1 < len(text) and text[end + 1].isdigit()):
        return False
    return True


def find_number(text: str, spellings: list[str]) -> tuple[int, int] | None:
    """First occurrence of the longest spelling that is not part of a longer number."""
    if not text:
        return None
    for s in spellings:
        for m in re.finditer(re.escape(s), text):
            if _digit_bounded(text, m.start(), m.end()):
                return m.start(), m.end()
    return None


def segments(text: str, span: tuple[int, int] | None) -> Segments:
    """Split `text` into unmarked / marked / unmarked pieces."""
    if not text:
        return []
    if not span:
        return [(text, False)]
    a, b = span
    a, b = max(0, a), min(len(text), b)
    if a >= b:
        return [(text, False)]
    out: Segments = []
    if a:
        out.append((text[:a], False))
    out.append((text[a:b], True))
    if b < len(text):
        out.append((text[b:], False))
    return out


def evidence_segments(
    evidence: str | None,
    value: float | None,
    unit_raw: str | None = None,
    doc_text: str | None = None,
    char_start: int | None = None,
    char_end: int | None = None,
) -> Segments:
    """The evidence sentence with the figure's number marked.

    With the document text, the exact span text[char_start:char_end] is looked up
    in the evidence (the occurrence whose offset matches best); without it, the
    value is spelled the ways reports write it and searched for.
    """
    ev = evidence or ""
    if not ev:
        return []
    span = None
    if doc_text and char_start is not None and char_end is not None and 0 <= char_start < char_end <= len(doc_text):
        raw = doc_text[char_start:char_end]
        # where the evidence sits in the document, if it is a verbatim extract
        pos = doc_text.rfind(ev, 0, char_start + len(ev))  # last start <= char_start
        if pos >= 0 and pos + len(ev) >= char_end:
            span = (char_start - pos, char_end - pos)
        else:
            span = find_number(ev, [raw.strip()]) if raw.strip() else None
    if span is None:
        span = find_number(ev, number_spellings(value, unit_raw))
    return segments(ev, span)


def line_of(text: str, offset: int) -> int:
    """1-based line number of character `offset` in `text`."""
    offset = max(0, min(offset, len(text)))
    return text.count("\n", 0, offset) + 1


def source_line(text: str, char_start: int, char_end: int, max_len: int = 400) -> tuple[int, Segments]:
    """(line number, marked segments of that line) for a span of the document text.
    Long lines are cut around the span."""
    lineno = line_of(text, char_start)
    ls = text.rfind("\n", 0, char_start) + 1
    le = text.find("\n", char_start)
    if le < 0:
        le = len(text)
    line = text[ls:le]
    a, b = char_start - ls, min(char_end, le) - ls
    prefix = suffix = ""
    if len(line) > max_len:
        lo = max(0, a - max_len // 2)
        hi = min(len(line), lo + max_len)
        prefix = "…" if lo > 0 else ""
        suffix = "…" if hi < len(line) else ""
        line, a, b = line[lo:hi], a - lo, b - lo
    segs = segments(line, (a, b))
    if prefix:
        segs.insert(0, (prefix, False))
    if suffix:
        segs.append((suffix, False))
    return lineno, segs
