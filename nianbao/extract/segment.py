"""Split a report into lines, sentences and clauses, all as spans of the text.

Sentences end at 。!? and line breaks; clauses also end at , and ;. Nothing is
copied: callers get (start, end) offsets into the text they passed, so spans
and evidence always point into the normalised document. Also: which lines are
headings (short, no final 。) and which are web-page junk (menus, view
counters, publication dates), and the year each heading sets for the text
below it.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from . import lexicon as lx
from .lexicon import attribution as la

SENT_END = "。!?！？\n"
CLAUSE_END = SENT_END + ",;，；"


@dataclass
class Line:
    start: int
    end: int
    text: str


@functools.lru_cache(maxsize=16)
def lines(text: str) -> list[Line]:
    """The lines of `text` with their offsets (cached: read-only for the callers)."""
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append(Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


MAX_SPAN = 600  # a "sentence" never runs further than this from the number (run-on text, tables)


_ENDS_RE: dict[str, tuple[re.Pattern, re.Pattern]] = {}


def _ends_re(ends: str) -> tuple[re.Pattern, re.Pattern]:
    """(the last, the first) of the characters `ends` in a span, as regexes."""
    got = _ENDS_RE.get(ends)
    if got is None:
        cls = "[" + "".join(re.escape(c) for c in ends) + "]"
        got = _ENDS_RE[ends] = (re.compile(rf"(?s:.*){cls}"), re.compile(cls))
    return got


def _bounds(text: str, pos: int, ends: str, lo: int = 0, hi: int | None = None) -> tuple[int, int]:
    hi = len(text) if hi is None else hi
    lo = max(lo, pos - MAX_SPAN)
    hi = min(hi, pos + MAX_SPAN)
    if 0 <= lo <= pos <= hi <= len(text):
        # the same as below, one regex scan each way instead of one find per character
        last, first = _ends_re(ends)
        m = last.match(text, lo, pos)
        s = m.end() if m else lo
        while s > lo and _thousands_comma(text, s - 1):  # 113,000: a digit group, not a clause end
            m = last.match(text, lo, s - 1)
            s = m.end() if m else lo
        m = first.search(text, pos, hi)
        e = m.start() if m else hi
        while e < hi and _thousands_comma(text, e):
            m = first.search(text, e + 1, hi)
            e = m.start() if m else hi
        return s, e
    s = max([lo] + [text.rfind(c, lo, pos) + 1 for c in ends])
    while s > lo and _thousands_comma(text, s - 1):  # 113,000: a digit group, not a clause end
        s = max([lo] + [text.rfind(c, lo, s - 1) + 1 for c in ends])
    found = [i for i in (text.find(c, pos, hi) for c in ends) if i >= 0]
    e = min(found) if found else hi
    while e < hi and _thousands_comma(text, e):
        found = [i for i in (text.find(c, e + 1, hi) for c in ends) if i >= 0]
        e = min(found) if found else hi
    return s, e


_THOUSANDS = re.compile(r"(?<=\d),\d{3}(?!\d)")


def _thousands_comma(text: str, i: int) -> bool:
    """The comma at i separates thousands (113,000), it ends no clause."""
    return text[i] == "," and bool(_THOUSANDS.match(text, i))


@functools.lru_cache(maxsize=8192)
def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    return _bounds(text, pos, SENT_END)


@functools.lru_cache(maxsize=8192)
def clause_bounds(text: str, pos: int) -> tuple[int, int]:
    return _bounds(text, pos, CLAUSE_END)  # cached: every pass over a document asks again


def previous_clause(text: str, clause_start: int) -> tuple[int, int] | None:
    """The clause just before `clause_start` in the same sentence, if any."""
    if clause_start <= 0 or text[clause_start - 1] in SENT_END:
        return None
    e = clause_start - 1
    s, _ = _bounds(text, e, CLAUSE_END)
    return s, e


def is_heading(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > 50 or s.endswith(("。", ";", ",")):
        return False
    if s.startswith("\t") or "\t" in s:
        return False
    return len(re.findall(r"[\u4e00-\u9fff]", s)) >= 3


@functools.lru_cache(maxsize=8192)
def is_junk(line: str) -> bool:
    """Web-page furniture: menus, counters, publication dates, contact lines."""
    s = line.strip()
    if not s:
        return False
    if lx.DATE_ONLY.match(s):
        return True
    ms = list(lx.JUNK_LINE.finditer(s))
    if not ms or len(s) > 80:
        return False
    # a sentence of the article with a number, then the page furniture on the same line
    # (…到馆人次85万。(来源:某日报) / …。发布日期:2024/03/05): the sentence is text
    if lx.SENTENCE_BEFORE_JUNK.match(s[: ms[0].start()]):
        return False
    # a breadcrumb ending in the article's title (首页 各地动态 2021年…总流通破亿人次) states its figure
    tail = s[ms[-1].end() :]
    if (
        lx.BREADCRUMB.fullmatch(ms[-1].group(0))
        and len(re.findall(r"[\u4e00-\u9fff]", tail)) >= 10
        and lx.TITLE_FIGURE.search(tail)
    ):
        return False
    return True


class Sections:
    """Headings with a year: the year (and plan/partial flavour) they set below them."""

    def __init__(self, text: str, report_year: int | None, skip: list[tuple[int, int]] = ()):
        self.starts: list[int] = []
        self.years: list[int] = []
        self.flavours: list[str | None] = []
        for ln in lines(text):
            if any(a <= ln.start < b for a, b in skip):
                continue
            if not (is_heading(ln.text) or lx.YEAR_ONLY_HEADING.fullmatch(ln.text)) or is_junk(ln.text):
                continue
            m = lx.YEAR_RE.search(ln.text)
            if not m:
                continue
            # a table caption (表1 …) or a span of years (2022—2023年) describes a table or a
            # comparison, not the year of the prose below it
            if re.match(r"\s*(?:附)?表\s*[\d一二三四五六七八九十]", ln.text) or re.search(
                r"(?:19|20)\d\d\s*年?\s*(?:-|—|–|~|至|到)\s*(?:19|20)\d\d", ln.text
            ):
                continue
            # a full date (2023年11月23日 星期四, (2021年11月7日)) is a dateline, and a line going on
            # in clauses after its year (1998年,某馆通过评估…) is wrapped prose, not a heading
            # (a bare 2026 with no 年 is a name: 2026世界杯)
            if re.match(r"\s*年?\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}|(?!\s*年)", ln.text[m.end(1) :]) or re.search(
                r"[,，;；]", ln.text[m.end() :]
            ):
                continue
            # an infobox line of the library's history (成立时间: 1927年) dates nothing below it
            if la.HISTORY_STRICT_BEFORE.search(
                ln.text[max(0, m.start() - 6) : m.start()]
            ) or la.INFOBOX_HISTORY_FIELD.match(ln.text[: m.start()]):
                continue
            y = int(m.group(1))
            if report_year and abs(y - report_year) > 2:
                continue
            flav = None
            if re.search(r"计划|打算|设想|思路|规划|展望|目标", ln.text) and not re.search(
                r"总结|回顾|情况|完成|汇报|报告", ln.text
            ):
                flav = "plan"
            elif re.search(r"上半年|半年|季度", ln.text):
                flav = "partial"
            # a heading may mislabel its section (a "plan" that is really a half-year summary):
            # the first lines under it say what it is (现将2021年上半年工作总结如下)
            below = text[ln.end : ln.end + 400]
            m2 = re.search(
                r"现将[^。\n]{0,20}?(上半年|1\s*[-至到~]\s*\d{1,2}月|全年|一年来)[^。\n]{0,12}?(?:总结|汇报|报告)",
                below,
            )
            if m2:
                flav = "year" if m2.group(1) in ("全年", "一年来") else "partial"
            self.starts.append(ln.start)
            self.years.append(y)
            self.flavours.append(flav)
        self.report_year = report_year

    def at(self, pos: int) -> tuple[int | None, str | None]:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i < 0:
            return self.report_year, None
        flav = self.flavours[i]
        return self.years[i], (None if flav == "year" else flav)


# a line that goes on from the line above (a PDF or e-mail soft wrap): it opens with a number and
# a metric unit (23.6万人次,…) or with a bare unit (册次,… / 人。), and the line above ends mid-sentence
_CONT = re.compile(
    r"^(?:[\d.,]+\s*(?:万|亿)?\s*(?:余|多)?\s*(?:人次|册次|场次|件次|万册|册|场|次|人|张|个|家|处|元|万元)"
    r"|(?:人次|册次|场次|件次|册|人|张|元|万元)(?=[,，;；。、]|$))"
)
_OPEN_END = re.compile(r"[\u4e00-\u9fff\d.万]$")


def join_soft_wraps(text: str) -> str:
    """The text with soft line wraps replaced by a space (same length, same offsets)."""
    if "\n" not in text:
        return text
    out = list(text)
    ls = lines(text)
    for a, b in zip(ls, ls[1:]):
        prev, nxt = a.text.rstrip(), b.text.lstrip()
        if not prev or not nxt or "\t" in a.text or "\t" in b.text or "|" in a.text or "|" in b.text:
            continue
        if len(prev) < 6 or not _OPEN_END.search(prev) or not _CONT.match(nxt):
            continue
        out[a.end] = " "
    return "".join(out)
