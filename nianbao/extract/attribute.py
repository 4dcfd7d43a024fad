"""Who and when: the document's library and report year, and per figure its
year, scope, segment, period, library and confidence.

Document level: the library name and report year come from the title lines
(the first lines holding 年报/总结/报告… and a year), never from web-page junk
such as publication dates; the name is trimmed to start at its place
(单位名称揭阳市图书馆 → 揭阳市图书馆). Figure level, while extracting: the nearest
year word before the number in its sentence (2020年, 截止2020年底, 去年/今年
resolved against the section's year; comparisons, counts and years listed in
an earlier clause do not count), else the year of the heading above it, else
the report year; scope, segment and period from the words around the number.

`attribute_figures` is the pass over all figures of a document once they are
extracted (prose, tables, forms): the subject of each figure
(`subjects.subject_at`: the report's own library, another library, a branch,
a region aggregate) sets library_name and scope; 去年/今年 in a news item about
a released report are resolved against the news date; a 1–11月 or monthly
title makes the figures partial; and every figure gets its `confidence`
(`confidence.py`).

A figure takes a year only from evidence that governs it, in this order: a year
word of its own clause or sentence; the year of its paragraph or heading;
去年/今年 against the document's own date; the document's year. An undated page
(no dated title, no page date, no news item's own year: `document_dated`) has no
report year, and its body's year dates its figures, except a stock held today
(目前/现有…) told before the body first states that year, with no year of its own:
it has none (the evaluator and the warehouse fill a blank year with the report
year, which is None for such a page). Canonical library names: `libraries.canonical_library`
(re-exported here with `library_key` and `is_aggregate`).
"""

from __future__ import annotations

import functools
import re
import warnings
from collections import Counter
from dataclasses import dataclass

from . import lexicon as lx
from .lexicon import attribution as la
from .lexicon import tables as tl
from .libraries import (  # noqa: F401  (re-exported)
    canonical_library,
    generic_level,
    generic_library,
    is_aggregate,
    is_placed,
    library_key,
    name_start,
    place_of,
)
from .segment import is_junk, lines


def _title_lines(text: str, n: int = 15) -> list[str]:
    out = []
    for ln in lines(text):
        s = la.LATIN_GLOSS.sub("", ln.text).strip()  # 台(tai)北市立图书馆: the name without its glosses
        if not s or is_junk(s):
            continue
        out.append(s)
        if len(out) >= n:
            break
    return out


def _clean_name(name: str) -> str:
    name = re.sub(r"^.*(?:\d{4}\s*年(?:度)?|\d+[.、])", "", name)
    name = re.sub(r"^(?:关于|以下简称|我们|各|全|在|由|对)", "", name)
    return name


_PLAUSIBLE = re.compile(
    r"^[\u4e00-\u9fff]{1,12}(?:省|市|县|区|旗|州|盟|镇)[\u4e00-\u9fff]{0,8}?图书馆$|^(?:国家|首都)图书馆$"
)
_NOT_A_NAME = re.compile(r"全省|全市|全区|全县|全国|公共图书馆|各级|各地")
_LEAD = re.compile(
    r"^.*?(?:但|而|与|和|向|为|对|在|由|从|是|将|把|让|现将|关于|配合|协助|联合|完成|开展|举办|参观|走进|进入|的)(?=[\u4e00-\u9fff]{2})"
)


def _plausible(nm: str) -> str | None:
    nm = _clean_name(nm)
    nm = re.sub(r"^[年月日度号期届]+", "", nm)
    if la.LEVEL_FIRST_NAME.match(nm):
        return nm
    for cand in (nm, _LEAD.sub("", nm)):
        if (
            _PLAUSIBLE.match(cand)
            and not _NOT_A_NAME.search(cand)
            and not la.NOT_OWN_NAME.search(cand)
            and not la.SENTENCE_IN_NAME.search(cand)
        ):
            return cand
    return None


def _trim(nm: str | None, text: str) -> str | None:
    """Drop words before the place a name starts with (单位名称揭阳市图书馆 → 揭阳市图书馆);
    names that are not a library (图书馆学会, 图书馆之城) or have no place and are
    generic (你去过市图书馆) are dropped."""
    if not nm:
        return nm
    i = nm.rfind("图书馆")
    after = text[text.find(nm) + len(nm) :][:4] if nm in text else ""
    if la.NOT_A_LIBRARY_AFTER.match(after):
        return None
    st = name_start(nm[:i])
    if st is not None:
        return nm[st:]
    if generic_level(nm) or not la.UNPLACED_NAME.fullmatch(nm[:i]):
        return None
    return nm


def library_name(text: str) -> str | None:
    """The report's own library: the name on a title line, else the most frequent
    plausible name near the top (a short placed name counts: 日照图书馆); trimmed to start at
    its place. A bare 市图书馆 (据市图书馆) with no placed name: the library of the place the
    first lines name at that level."""
    for t in _title_lines(text, la.SHORT_NAME_TITLE_LINES):
        m = la.PLACEHOLDER_LIBRARY.match(t)
        if m:
            return m.group(0)  # (**市少年儿童图书馆馆志: an anonymised name opening a title)
    nm = _library_name(text)
    if nm is None or generic_level(nm):
        m = la.PLACEHOLDER_LIBRARY.search(text[:3000])
        if m:
            return m.group(0)  # an anonymised name is still the report's own
    trimmed = _trim(nm, text)
    if trimmed and (place_of(trimmed) or any(trimmed in t and lx.TITLE_WORDS.search(t) for t in _title_lines(text))):
        return trimmed
    # the title's name was not a library, or has no known place: a placed name near the top wins
    # (with no name at all, _library_name has counted those already)
    cnt = (
        Counter(
            t
            for t in (
                _trim(p, text) for p in (_plausible(m.group(1)) for m in lx.LIBRARY_NAME_RE.finditer(text[:3000])) if p
            )
            if t and place_of(t)
        )
        if nm
        else Counter()
    )
    if not cnt:
        # a short placed name on a headline (日照图书馆开馆满月): in the body it is too often
        # another library or an older name
        heads = "\n".join(t for t in _title_lines(text, la.SHORT_NAME_TITLE_LINES) if len(t) <= la.HEADLINE_MAX_CHARS)
        cnt = Counter(
            t
            for t in (_trim(m.group(1), heads) for m in lx.LIBRARY_NAME_RE.finditer(heads))
            if t and place_of(t) and not la.NOT_OWN_NAME.search(t)
        )
    if cnt or trimmed:
        return cnt.most_common(1)[0][0] if cnt else trimmed
    lvl = nm and (generic_level(nm) or generic_level(la.LEAD_WORDS.sub("", nm)))
    if lvl:
        return generic_library(lvl, text)
    # (依兰县于民国18年(1929年)始建图书馆: the place's library, named nowhere else)
    founded = la.FOUNDED_LIBRARY.search(text[: la.FOUNDED_LIBRARY_CHARS]) if nm is None else None
    if founded:
        st = name_start(founded.group("place"))
        if st is not None and place_of(founded.group("place")[st:] + la.INSTITUTION):
            return founded.group("place")[st:] + la.INSTITUTION
    # a bare 市图书馆 opening a clause of the first lines (…以来,市图书馆全力…), which the name pattern
    # (two characters before 图书馆) misses: the library of the place the first lines name (not in
    # another body's titled report, 某市文化和旅游局2021年工作总结: there it is a library it tells of)
    head = "\n".join(text.splitlines()[: la.OWN_PLACE_LINES])
    levels = Counter(m.group("lvl") for m in la.BARE_LEVEL_LIBRARY.finditer(head))
    if levels and not any(_dated_title_line(t) for t in _title_lines(text, 3)):
        return generic_library(levels.most_common(1)[0][0], text)
    # a short placed name (天津图书馆) repeated at the top of a page that names no other library
    short = Counter(
        t
        for t in (_trim(m.group(1), text) for m in lx.LIBRARY_NAME_RE.finditer(text[: la.SHORT_NAME_CHARS]))
        if t and place_of(t) and not la.NOT_OWN_NAME.search(t)
    )
    if len(short) == 1 and short.most_common(1)[0][1] >= la.SHORT_NAME_REPEATS:
        return short.most_common(1)[0][0]
    return None


def _library_name(text: str) -> str | None:
    titles = _title_lines(text)
    cands: list[str] = []
    for s in titles:
        for m in lx.LIBRARY_NAME_RE.finditer(s):
            nm = _clean_name(s[: m.end()])
            nm = lx.LIBRARY_NAME_RE.search(nm)
            if not nm:
                continue
            raw_nm = nm.group(1)
            nm = _plausible(raw_nm)
            if not nm and lx.TITLE_WORDS.search(s):
                # a title may use the short name (丰都图书馆)
                short = re.sub(r"^[年月日度号期届]+", "", _clean_name(raw_nm))
                if (
                    re.fullmatch(r"[\u4e00-\u9fff]{2,6}图书馆", short)
                    and not lx.GENERIC_LIBRARY.match(short)
                    and not _NOT_A_NAME.search(short)
                    and not _LEAD.sub("", short) != short
                    and not la.NOT_OWN_NAME.search(short)
                ):
                    nm = short
            if not nm:
                continue
            cands.append((s, nm))
    if not cands:
        # fall back to the most frequent plausible name in the first 3000 chars
        cnt = Counter(p for p in (_plausible(m.group(1)) for m in lx.LIBRARY_NAME_RE.finditer(text[:3000])) if p)
        return cnt.most_common(1)[0][0] if cnt else None
    # prefer a name on a title line (年报/总结…); a paragraph holding a report word is no title
    # (…广图联合某少年儿童图书馆发布…阅读报告…。: not the page's library over its headline's)
    for s, nm in cands:
        if lx.TITLE_WORDS.search(s) and not (len(s) > la.TITLE_LINE_MAX_CHARS and la.SENTENCE_END.search(s)):
            return nm
    return cands[0][1]


def report_year(text: str) -> int | None:
    """The year a report is about: the year on a title line, else the most frequent
    year of its body that is not a date of the library's history, else the year of
    the page's own date. None for a template whose year is masked (20__年: the page's date
    is the site's), unless a title line dates it."""
    y = title_year(text)
    if y:
        return y
    if la.MASKED_YEAR.search(text):
        return None
    # else the most frequent year of the body that dates a figure (dates at the top excluded)
    cnt = data_years(text)
    if cnt:
        return cnt.most_common(1)[0][0]
    cnt = roc_data_years(text)
    if cnt:
        return cnt.most_common(1)[0][0]
    # a page whose years are all history: its stocks are those of the day it was published
    return page_year(text)


@functools.lru_cache(maxsize=8)
def title_year(text: str) -> int | None:
    """The year on a title line (a short line with a report word or 图书馆), not a year of
    history, a span, or a sentence that goes on in clauses."""
    for s in _title_lines(text):
        if len(s) > 60 or la.SENTENCE_END.fullmatch(la.FOOTNOTE_MARKS_AT_END.sub("", s).rstrip()[-1:]):
            continue  # (a short sentence that ends as one, 2003年10月,某馆又建成新馆。, is no title; nor one
            # with a wiki's footnote marks after its full stop, …暂停开放至2020年3月2日。 [2])
        if lx.TITLE_WORDS.search(s) or "图书馆" in s:
            m = next(
                (
                    m
                    for m in lx.YEAR_RE.finditer(s)
                    if not _historic(s, m)
                    and not _strict_historic(s, m)
                    and not la.INFOBOX_HISTORY_FIELD.match(s[: m.start()])
                    and not _in_span(s, m)
                    and not la.CLAUSE_AFTER.match(s, m.end())
                ),
                None,
            )
            if m:
                return int(m.group(1))
            span = la.TITLE_YEAR_SPAN.search(s)
            if (
                span
                and not la.TABLE_CAPTION.match(s)
                and 0 < int(span.group("b")) - int(span.group("a")) <= la.TITLE_SPAN_MAX_YEARS
            ):
                return int(span.group("b"))
    for s in _title_lines(text):
        # a two-digit year before a report word (某馆20年度工作报告), when no title line has four digits
        m = la.SHORT_TITLE_YEAR.search(s) if len(s) <= 60 else None
        if m and (lx.TITLE_WORDS.search(s) or "图书馆" in s):
            return short_year(int(m.group("a")))
    return None


def short_year(yy: int) -> int:
    """The year of a two-digit year (19 → 2019, 98 → 1998; lexicon SHORT_YEAR_PIVOT)."""
    return (2000 if yy < la.SHORT_YEAR_PIVOT else 1900) + yy


def short_years(s: str) -> list[tuple[int, int, int]]:
    """(start, end of the digits, year) of each two-digit year word in `s` (19年全馆…, ’21)."""
    out = []
    for m in la.SHORT_YEAR.finditer(s):
        g = "a" if m.group("a") else "b"
        out.append((m.start(g) - (g == "b"), m.end(g), short_year(int(m.group(g)))))
    return out


@functools.lru_cache(maxsize=8)
def data_years(text: str) -> Counter:
    """How often each year of the body dates a figure: a year word with a number and a
    metric unit after it in its sentence (2025年全年有1457万人次…), not a year of the
    library's history (始建于1952年, 1998年通过评估, 2012年建成使用), a comparison or a count."""
    return Counter(y for _, y in data_year_marks(text))


@functools.lru_cache(maxsize=8)
def data_year_marks(text: str) -> list[tuple[int, int]]:
    """(position, year) of each year word of the body that dates a figure (`data_years`), in order."""
    cnt: list = []
    for ln in lines(text):
        t = ln.text
        if is_junk(t) or la.VIEWING_DATE.search(t):
            continue
        for m in lx.YEAR_RE.finditer(t):
            if (
                _strict_historic(t, m)
                or la.NOT_A_YEAR_AFTER.match(t[m.end(1) :])
                or la.HISTORY_AFTER.match(t, m.end(1))
                or la.OPENED_ON_DAY_AFTER.match(t, m.end(1))
                or la.BUILT_OUT_AFTER.match(t, m.end(1))
                or la.OPENED_IN_YEAR_AFTER.match(t, m.end(1))
                or la.HONOUR_OF_SUBJECT_AFTER.match(t, m.end(1))
                or la.SINCE_YEAR_AFTER.match(t, m.end(1))
                or _building_year(t, m.end(1))
            ):
                # (自1996年7月1日接待读者以来,年均接待读者…: the start of a span up to the day of writing)
                continue
            end = min([k for k in (t.find(c, m.end()) for c in "。!?！？") if k >= 0] or [len(t)])
            if _service_figure(t, m.end(), end):
                cnt.append((ln.start + m.start(), int(m.group(1))))
    return cnt


def _building_year(t: str, j: int) -> bool:
    """A year (ending at `j`) whose clause and the next tell a building or other history event with no
    figure, its sentence going on only to money (2008年某方援助下,新建了…新馆舍,业务经费也增加到每年的10万元。):
    a moment of history, no data year, dating no later sentence."""
    end = min([k for k in (t.find(c, j) for c in "。!?！？") if k >= 0] or [len(t)])
    ce = min(_event_clauses_end(t, j), end)
    if not la.HISTORY_EVENT.search(t, j, ce) or _service_figure(t, j, ce) or ce >= end:
        return False
    return not any(
        not la.NOT_DATA_FIGURE_BEFORE.search(t[max(0, f.start() - 12) : f.start()])
        and not la.MONEY_AFTER.match(t, f.end())
        and not f.group().endswith("元")
        for f in la.DATA_FIGURE.finditer(t, ce, end)
    )


def _event_clauses_end(t: str, j: int) -> int:
    """The end of the clauses from a year word (ending at `j`) that tell the year's own event: its clause
    and the next (2008年某方援助下,新建了…新馆舍,: the building is the year's event), at most to the sentence end."""
    end = min([k for k in (t.find(c, j) for c in "。!?！？") if k >= 0] or [len(t)])
    k = j
    for _ in range(la.EVENT_CLAUSES_OF_YEAR):
        nxt = min([x for x in (t.find(c, k) for c in la.CLAUSE_SEPARATORS) if 0 <= x < end] or [end])
        k = nxt + 1 if nxt < end else end
    return min(k, end)


def _service_figure(t: str, start: int, end: int) -> bool:
    """A figure of a metric in t[start:end] that is not staff, building money or floor area
    (有工作人员3人, 投资1800余万元…建成: a moment of history, not a year's service)."""
    return any(
        not la.NOT_DATA_FIGURE_BEFORE.search(t[max(0, f.start() - 12) : f.start()])
        for f in la.DATA_FIGURE.finditer(t, start, end)
    )


def roc_year(m: re.Match) -> int | None:
    """The Gregorian year of an ROC year match (105年 → 2016), None outside the ROC range."""
    y = int(m.group("a") or m.group("b") or m.group("c"))
    return y + tl.ROC_OFFSET if tl.ROC_RANGE[0] <= y <= tl.ROC_RANGE[1] else None


@functools.lru_cache(maxsize=8)
def roc_data_years(text: str) -> Counter:
    """`data_years` for a page that writes its years the ROC way (据统计,105年总借阅册数达782万册)."""
    cnt: Counter = Counter()
    for ln in lines(text):
        t = ln.text
        if is_junk(t):
            continue
        for m in la.ROC_PROSE_YEAR.finditer(t):
            y = roc_year(m)
            end = min([k for k in (t.find(c, m.end()) for c in "。!?！？") if k >= 0] or [len(t)])
            if y and la.DATA_FIGURE.search(t, m.end(), end):
                cnt[y] += 1
    return cnt


def _in_span(t: str, m: re.Match) -> bool:
    """A year of a span (1980年至2011年): the span is history, not the year a page reports on."""
    return bool(
        la.YEAR_SPAN_AFTER.match(t, m.end(1)) or la.YEAR_SPAN_BEFORE.search(t[max(0, m.start() - 8) : m.start()])
    )


def _strict_historic(t: str, m: re.Match) -> bool:
    """A year of the library's history even when a figure follows (始建于1952年的…有藏书…)."""
    return bool(
        la.HISTORY_STRICT_BEFORE.search(t[max(0, m.start() - 6) : m.start()])
        or la.HISTORY_STRICT_AFTER.match(t, m.end(1))
    )


def page_year(text: str) -> int | None:
    """The year of the page's own date (发布时间:2024-03-05, a date-only line at the top)."""
    d = page_date(text)
    return d[0] if d else None


@functools.lru_cache(maxsize=8)
def page_date(text: str) -> tuple[int, int] | None:
    """(year, month) of the page's own date: 发布时间:2024-03-05, a dateline with a time or
    a source, a byline, a date-only line at the top, a directory page's information date, a
    signature date at the end. None when the text was written before that date: it plans within
    a five-year plan period that had ended by then (计划在“十三五”期间… on a page stamped 2023: a
    reprint's stamp, not the day the text was written)."""
    d = _page_stamp(text)
    if d and any(la.PLAN_PERIOD_END[m.group("p") or m.group("q")] < d[0] for m in la.PLAN_WITHIN_PERIOD.finditer(text)):
        return None
    return d


def _page_stamp(text: str) -> tuple[int, int] | None:

    def ym(m: re.Match) -> tuple[int, int]:
        return int(m.group("y")), int(m.group("m"))

    if la.UPLOAD_CHROME.search(text[:1500]):
        return None  # (a document-sharing site's page: its upload and list stamps are the site's, not the text's)
    m = next((m for m in la.PUB_DATE.finditer(text[:1500]) if not _site_stamp(text, m.start())), None)
    m = m or la.PRESS_DATELINE.search(text[:1500])
    if m:
        return ym(m)
    # (an e-paper's masthead date with its weekday is the date: 2024年05月31日 星期五 … 当前版: 011版)
    epaper = la.EPAPER.search(text[:1500]) is not None
    top = [
        ln.text
        for ln in lines(text[:1500])
        if (epaper or not la.VIEWING_DATE.search(ln.text)) and not la.MIRROR_STAMP.search(ln.text)
    ]
    # a dateline with a time or a source, or a byline, before a bare date line (often the site's
    # own date of today, repeated in its menus)
    for t in top:
        d = (
            la.DATELINE.match(t)
            or la.DAY_FIRST_DATE.match(t)
            or la.BYLINE_DATE.match(t)
            or la.SOURCE_LINE_DATE.match(t)
            or la.BRACKETED_DATE_LINE.match(t)
            or la.SPLIT_DATELINE.match(t)
        )
        if d or epaper and (d := la.EPAPER_DATE.match(t)):
            return ym(d)
        d = la.SHORT_DATELINE.match(t)
        if d and 1 <= int(d.group("m")) <= 12:
            return short_year(int(d.group("yy"))), int(d.group("m"))
    for t in top:
        if lx.DATE_ONLY.match(t):
            return ym(la.DATE_ONLY_PARTS.match(t))
        d = la.DATE_WITH_LABEL.match(t)
        if d:
            return ym(d)  # (2022-03-05生活: the date and the site's section label)
    m = next((m for m in la.INFO_DATE.finditer(text) if not _site_stamp(text, m.start())), None)
    if m:
        return ym(m)
    tail = len(text) - la.SIGNATURE_TAIL
    for ln in lines(text):
        if ln.end >= tail:
            d = la.SIGNED_DATE.match(ln.text)
            if d:
                return ym(d)
    return _between_neighbour_posts(text)


def _site_stamp(text: str, pos: int) -> bool:
    """A stamp in the site's footer, after its copyright line (Copyright © 2000-2025 … 更新时间:2025/9/28):
    the day the site was last rebuilt; or on a line of a mirror's or crawler's furniture (快照时间,
    最后修订于…): not the day the page's text was written."""
    ls = text.rfind("\n", 0, pos) + 1
    le = text.find("\n", pos)
    return (
        la.COPYRIGHT_LINE.search(text, max(0, pos - la.FOOTER_CHARS), pos) is not None
        or la.MIRROR_STAMP.search(text[ls : le if le >= 0 else len(text)]) is not None
    )


def _between_neighbour_posts(text: str) -> tuple[int, int] | None:
    """(year, month) of a page dated only by its neighbours' stamps (上一篇 2023-05-04 / 下一篇
    2023-05-04): both must be there and of one year; the earlier one's month."""
    stamps = {}
    for ln in lines(text):
        m = la.NEIGHBOUR_POST_DATE.match(ln.text)
        if m:
            stamps.setdefault(m.group("which")[0] + m.group("which")[-1], (int(m.group("y")), int(m.group("m"))))
    if len(stamps) != 2 or len({y for y, _ in stamps.values()}) != 1:
        return None
    return min(stamps.values())


def document_dated(text: str, report_year: int | None) -> bool:
    """Whether the document itself says what year it reports on or when it was written: a title line's
    year (2021年工作总结), the page's own date (发布时间, a dateline), or a news item's own words on
    the year it looks back on (过去的2021年, 发布了…2024年度阅读报告: `writing_year`). An undated
    page's figures take a year only from the evidence around each of them."""
    return bool(title_year(text) or page_date(text) or writing_year(text, report_year))


def _historic(t: str, m: re.Match) -> bool:
    """A year of the library's history (始建于1952年, 1985年成立), or a count (2000余册)."""
    return bool(
        la.HISTORY_BEFORE.search(t[max(0, m.start() - 6) : m.start()])
        or la.HISTORY_AFTER.match(t, m.end(1))
        or la.NOT_A_YEAR_AFTER.match(t[m.end(1) :])
    )


def _dated_title_line(t: str) -> bool:
    """A short line naming a report and a year (2021年工作总结); a sentence of a news item
    (…据市图书馆统计,2017年共接待读者…。) is no title, whatever words it holds."""
    return bool(lx.TITLE_WORDS.search(t) and lx.YEAR_RE.search(t) and len(t) <= 60 and not la.SENTENCE_END.search(t))


def writing_year(text: str, report_year: int | None = None) -> int | None:
    """The year a news item about a released report was written in, or None when the
    text is not such a news item (a report's own 今年 is its report year).

    过去的2021年 → 2022. A release (发布了…2019年阅读报告): the year after the data
    year (the report year, i.e. the most frequent year of the text), else the year
    after the one in the report's title. Else the page's own date (发布时间:2022-12-05)
    when no title line dates a report."""
    m = la.PAST_YEAR.search(text[:3000])
    if m:
        return int(m.group("y")) + 1
    m = la.RELEASE.search(text[:3000])
    if m:
        y = int(m.group("y") or m.group("y2"))
        return (report_year if report_year and report_year <= y else y) + 1
    for t in _title_lines(text, la.READING_REPORT_TITLE_LINES):
        m = la.READING_REPORT_TITLE.search(t)
        if m and len(t) <= la.HEADLINE_MAX_CHARS:
            return int(m.group("y")) + 1
    # a news page's own date (发布时间:2022-12-05, a dateline), unless the text is a report with a dated title
    dated_title = any(_dated_title_line(t) for t in _title_lines(text, 6) if not la.PUB_DATE.search(t))
    y = page_year(text)
    if y and not dated_title:
        return y
    m = la.PRESENT_OPENING.match(text)
    if m and not dated_title:
        return int(m.group("y"))
    if not dated_title:
        # (《…报告(2025版)》已正式发布: the release of a report named by its edition year; 第27个“世界读书日”:
        # a yearly day counted from its first year), when no data year of the body says otherwise
        m = la.EDITION_RELEASE.search(text[:3000])
        ys = [int(m.group("y"))] if m else []
        ys += [first + int(d.group("n")) - 1 for rx, first in la.ANNUAL_DAY_ORDINALS for d in rx.finditer(text[:3000])]
        if ys and (report_year is None or report_year == ys[0]):
            return ys[0]
    # an undated news item that says 去年 of its figures while its body dates them to one year:
    # it was written the year after (去年 = that year)
    if report_year and not dated_title and _says_last_year(text):
        # (…由2023年的2149万,增至去年的2383万: written after the latest year the body names, not
        # only after its most frequent one)
        return max([report_year, *data_years(text)]) + 1
    # a news item dated by its day only (4月24日讯) that says 去年 of its figures, no year dating any of them:
    # written in the latest year its story names
    if (
        not report_year
        and not dated_title
        and la.DAY_ONLY_DATELINE.search(text[: la.DAY_ONLY_DATELINE_CHARS])
        and _says_last_year(text)
    ):
        return max((int(m.group(1)) for m in lx.YEAR_RE.finditer(text)), default=None)
    return None


def _says_last_year(text: str) -> bool:
    """去年/上年 used as a figure's year, not in a comparison (比去年, 去年同期)."""
    cmp_spans = [
        (m.start(), m.end()) for rx in (lx.COMPARISON_YEAR, la.COMPARISON_YEAR_EXTRA) for m in rx.finditer(text)
    ]
    return any(
        lx.REL_YEAR[m.group(0)] == -1 and not any(a <= m.start() < b for a, b in cmp_spans)
        for m in lx.REL_YEAR_RE.finditer(text)
    )


def _year_words(sentence_left: str) -> list[tuple[int, str, int]]:
    """(position, 'abs'|'rel', year or offset) of the year words that can set the figure's
    year: not comparisons (比去年, 是2018年的2.6倍), not counts (2000余册), and not
    from an earlier clause that names several years (完成2021年图书、2022年报刊采购工作,…,
    新增图书…) unless the year opens that clause."""
    cmp_spans = [
        (m.start(), m.end())
        for rx in (lx.COMPARISON_YEAR, la.COMPARISON_YEAR_EXTRA)
        for m in rx.finditer(sentence_left)
    ]
    seps = ",;:，；："
    cut = max(sentence_left.rfind(c) for c in seps)
    out = []

    def ok(i: int, j: int, absolute: bool = False) -> bool:
        if any(a <= i < b for a, b in cmp_spans):
            return False
        if (
            la.HISTORY_STRICT_BEFORE.search(sentence_left[max(0, i - 6) : i])
            or la.HISTORY_STRICT_AFTER.match(sentence_left, j)
            or la.HONOUR_AFTER.match(sentence_left, j)
            or la.OPENED_ON_DAY_AFTER.match(sentence_left, j)
            or la.SINCE_YEAR_AFTER.match(sentence_left, j)
        ):
            return False  # 始建于1952年的某馆有藏书…: the history year does not date the figure
        if la.NOT_A_YEAR_AFTER.match(sentence_left[j:]):
            return False
        if lx.OPENED_IN_MONTH.match(sentence_left, i):
            return False  # (去年12月开馆至今,…接待读者…: the opening's date, not the figure's year)
        if i > cut:
            return True  # the number's own clause
        if absolute and la.OPENED_IN_YEAR_AFTER.match(sentence_left, j):
            return False  # (该馆于2009年正式投入使用,有藏书110多万册: the opening's year, not the stock's)
        cs = max(sentence_left.rfind(c, 0, i) for c in seps) + 1
        ce = min([k for k in (sentence_left.find(c, i) for c in seps) if k >= 0] or [len(sentence_left)])
        if (
            absolute
            and (la.TO_DATE_WORDS.search(sentence_left, ce) or la.GENERIC_ANNUAL.search(sentence_left, ce))
            and la.HISTORY_EVENT.search(sentence_left, j, ce)
            and not _service_figure(sentence_left, j, ce)
        ):
            return False  # (…,1998年迁入新馆,现有藏书45万册: a move's clause does not date today's stock)
        years = {m.group(1) for m in lx.YEAR_RE.finditer(sentence_left[cs:ce])}
        # an earlier clause listing several years (完成2021年图书、2022年报刊采购工作) sets none
        return len(years) <= 1 or bool(la.CLAUSE_OPENING_YEAR.fullmatch(sentence_left[cs:i]))

    for m in lx.YEAR_RE.finditer(sentence_left):
        if ok(m.start(), m.end(1), absolute=True):
            out.append((m.start(), "abs", int(m.group(1))))
    for i, j, y in short_years(sentence_left):
        if ok(i, j):
            out.append((i, "abs", y))
    for m in lx.REL_YEAR_RE.finditer(sentence_left):
        if ok(m.start(), m.end()):
            out.append((m.start(), "rel", lx.REL_YEAR[m.group(0)]))
    for rx, y in la.ERA_YEARS:
        for m in rx.finditer(sentence_left):
            if m.start() > cut:  # in the number's own clause (至解放时藏书…N册)
                out.append((m.start(), "abs", y))
    return sorted(out)


def figure_year(sentence_left: str, base_year: int | None, rel_base: int | None = None) -> int | None:
    """The year set by the nearest year word in the sentence before the number.

    Relative words (去年/明年) resolve against `rel_base` (the year the text was
    written in) when given, else against `base_year`."""
    rel_base = base_year if rel_base is None else rel_base
    words = _year_words(sentence_left)
    if not words:
        return base_year
    _, kind, v = words[-1]
    if kind == "abs":
        return v
    return rel_base + v if rel_base is not None else base_year


def scope(context: str, metric: str) -> str:
    if metric.startswith("network."):
        return "system"  # a count of the library's branches or points is its whole network's
    # a bracket right at the start belongs to the number before (111.9万册 (含农家书屋) 2022年…)
    context = la.LEADING_BRACKET.sub("", context)
    if la.INCLUDES_BRANCHES.search(context):
        return "system"
    for name, rx in lx.SCOPE_RULES:
        if rx.search(context):
            return name
    return "library"


def _total_before_parts(context: str, sentence: str) -> bool:
    """外借图书12.5万册，其中少儿图书…、期刊…: the number comes before 其中 and its parts."""
    i = sentence.find(context)
    j = sentence.find("其中", i + len(context)) if i >= 0 else -1
    return j >= 0 and bool(re.search(r"期刊|报刊", sentence[j:]))


def segment(context: str, metric: str, sentence: str) -> str:
    if metric.startswith("network"):
        return "in_ils" if lx.SEGMENT_RULES[-1][1].search(context) else "all"
    context = re.sub(r"[(（][^)）]{0,8}[)）]", "", context)  # 11场讲座(培训): the bracket is a gloss
    if len(lx.QUOTED_NAME.findall(context)) >= 2:
        # a list of named events (“A”、“儿童节日乐趣体验”、…): words inside one name do not
        # describe the whole list; a single quoted name is the clause's subject and counts
        context = lx.QUOTED_NAME.sub("", context)
    if (
        metric.startswith("circulation")
        and re.search(r"图书", context)
        and re.search(r"期刊|报刊", sentence)
        and not re.search(r"期刊|报刊", context)
        and not _total_before_parts(context, sentence)
    ):
        return "books"
    for name, rx in lx.SEGMENT_RULES:
        if name == "periodicals" and not metric.startswith("circulation"):
            continue
        if name == "online" and not (metric.startswith("activities") or metric.startswith("circulation")):
            continue
        if name in lx.READER_PART_SEGMENTS and metric.startswith("activities"):
            continue
        if rx.search(context):
            if name == "online" and metric.startswith("activities"):
                # 线上讲座 / 线上展览: the online part of one kind of activity
                kinds = [k for k, krx in lx.SEG_NOUNS.items() if krx.search(context)]
                if kinds:
                    return "online_" + "_".join(kinds)
            return name
    if metric.startswith("activities"):
        named = [k for k, rx in lx.SEG_NOUNS.items() if rx.search(context)]
        if len(named) == 1 and not re.search(r"活动", context):
            return named[0]
    return "all"


def _in_programme_name(text: str, m: re.Match) -> bool:
    """A plan word inside the name of a programme or document (“十四五”规划, 2035年远景目标纲要)."""
    return bool(la.PROGRAMME_NAME_AFTER.match(text, m.end()) or la.PROGRAMME_NAME_BEFORE.search(text, 0, m.start()))


def period(sentence_left: str, section_flavour: str | None, clause_left: str = "", inherited: str | None = None) -> str:
    """Nearest period word before the number in its sentence; weak plan words (推进, 将)
    count only inside the number's own clause; else the period carried over from the
    previous sentence of the paragraph, else the section's flavour, else 'year'."""
    best_pos, best = -1, None
    for name, rx in (
        ("partial", lx.PERIOD_PARTIAL),
        ("partial", la.PARTIAL_EXTRA),
        ("plan", lx.PERIOD_PLAN),
        ("year", lx.PERIOD_YEAR),
    ):
        for m in rx.finditer(sentence_left):
            if (
                name == "plan"
                and lx.WEAK_PLAN.fullmatch(m.group(0))
                and m.start() < len(sentence_left) - len(clause_left)
            ):
                continue
            if name == "plan" and _in_programme_name(sentence_left, m):
                continue
            if m.start() >= best_pos:
                best_pos, best = m.start(), name
    # a target word anywhere before the number in the sentence makes it a plan
    # (力争全年接待读者35万人次), unless the sentence then reports what was done
    sp = [m for m in lx.STRONG_PLAN.finditer(sentence_left) if not _in_programme_name(sentence_left, m)]
    if sp and not re.search(r"实际|已经|已|完成了|实现了", sentence_left[sp[-1].end() :]):
        return "plan"
    if best == "year" and section_flavour == "plan":
        return "plan"
    if best == "partial" and any(m.start() > best_pos for m in la.EXPLICIT_YEAR.finditer(sentence_left)):
        return "year"  # 截至目前…, 2022年总流通人次…: the year named after the to-date word
    if best:
        return best
    return inherited or section_flavour or "year"


def other_library(context: str, own: str | None) -> str | None:
    """A library (or a region-wide aggregate) named in the figure's clause that is not the report's own."""
    m = re.search(r"(全省|全市|全区|全县|全国)[^,;。]{0,6}(?:公共图书馆|各级图书馆|图书馆系统|各图书馆|各馆)", context)
    if m:
        return m.group(0)
    own_core = _core(own) if own else None
    for m in lx.LIBRARY_NAME_RE.finditer(context):
        nm = m.group(1)
        nm = re.sub(r"^.*(?:与|和|向|为|对|在|由|从|帮扶|配合|协助|联合|完成|开展|举办|参观|走进|进入|是|的)", "", nm)
        if lx.GENERIC_LIBRARY.match(nm):
            if nm in ("省图书馆", "国家图书馆"):
                return nm
            # 市图书馆 in a county/district library's report is the city library
            lvl = {"省": 3, "市": 2, "区": 1, "县": 1, "旗": 1}
            own_lvl = next((lvl[c] for c in reversed(re.sub(r"图书馆$", "", own or "")) if c in lvl), None)
            if nm[0] in lvl and own_lvl is not None and lvl[nm[0]] > own_lvl:
                return nm
            continue
        if own_core and own_core in nm:
            continue
        if own and nm in own:
            continue
        return nm
    return None


def _core(name: str) -> str:
    n = re.sub(r"图书馆$", "", name)
    n = re.sub(r"(?:省|市|县|区|旗|州|自治县|自治州)$", "", n)
    return n[-2:] if len(n) >= 2 else n


# ------------------------------------------------------------------ the figure-level pass


def _strong_cue(clause: str, metric: str) -> bool:
    """A cue word in the clause that can mean this metric (not a mere context word)."""
    base = metric.replace("_added", "")
    return any(not cue.need_activity_ctx and base in cue.units.values() and cue.regex.search(clause) for cue in lx.CUES)


def _as_of_page_day(f, doc: _Doc, words: list) -> bool:
    """A figure of the page's own day rather than of a full year: a stock on a page no year
    dates (藏书25万册 in a profile), or any figure of the year a news page was written in
    before December (暑期接待读者16万人次 on 2024-09-09); an annual report's own title year
    and generic annual words (每年, 年均, 全年) keep the year."""
    if f.table_id is not None or doc.dated_title or la.ANNUAL_WORDS.search(f.evidence or ""):
        return False
    if doc.undated and not words and la.STOCK_METRICS.match(f.metric):
        return True
    pd_ = doc.page_date
    return bool(
        pd_
        and f.year == pd_[0]
        and pd_[1] <= la.LAST_PARTIAL_MONTH
        and not (words and words[-1][1] == "abs" and not doc.writing_year)
    )


def _last_year_of_news(f, doc: _Doc, left: str) -> None:
    """A news page written early in a year about what happened last year, with no year word in
    the figure's sentence: a season or holiday that falls after the page's month (暑假期间… in a
    January item) is last year's; the year looked back on (过去的一年, 全年…) in a January or
    February item is last year, in full. Only for a figure the page's date dated."""
    pd_ = doc.page_date
    if not pd_ or doc.dated_title or f.period == "plan" or f.year != pd_[0]:
        return
    if any(rx.search(left) and pd_[1] < first for rx, first in la.SEASONS):
        f.year, f.period = pd_[0] - 1, "partial"  # (the season's days only)
    elif pd_[1] <= la.LOOK_BACK_LAST_MONTH and la.LOOK_BACK_WORDS.search(left):
        f.year, f.period = pd_[0] - 1, "year"


def paragraph_year(mt: str, sent_start: int) -> int | None:
    """The year that governs a sentence with no year word of its own: the year opening an
    earlier sentence of its paragraph (2005年,职工增至6人…。年借阅人数2万余人…), else, for the
    first sentence of a list item, the year of the line that introduces the list (2013年,
    总藏书量近130万册,其中: / 1、纸型文献…). None when neither says."""
    ls = mt.rfind("\n", 0, sent_start) + 1
    para = mt[ls:sent_start]
    if la.THAT_TIME.match(mt, sent_start):
        # (…于1929年始建图书馆。当时购置图书…1800余册: the time the sentence before tells of)
        ps = max(para.rstrip().rfind(c, 0, len(para.rstrip()) - 1) for c in "。!?！？") + 1
        years = list(lx.YEAR_RE.finditer(para, ps))
        if years:
            return int(years[-1].group(1))
    found = None
    for m in la.SENTENCE_OPENING_YEAR.finditer(para):
        if la.HISTORY_AFTER.match(para, m.end("y")) or _building_year(para, m.end("y")):
            continue
        end = para.find("。", m.end())
        told = para[m.end() : len(para) if end < 0 else end]
        if la.HISTORY_EVENT.search(told) and not _service_figure(told, 0, len(told)):
            continue  # (2012年新馆落成开放,建筑面积5000平方米。现有藏书…: a moment of history)
        found = int(m.group("y"))
    if found is not None or para.strip():
        return found
    prev_end = ls - 1
    prev = mt[mt.rfind("\n", 0, max(prev_end, 0)) + 1 : max(prev_end, 0)].rstrip()
    if not prev.endswith((":", "：")):
        return None
    ps = max(prev.rfind(c) for c in "。!?！？") + 1
    words = [w for w in _year_words(prev[ps:]) if w[1] == "abs"]
    return words[-1][2] if words else None


def _chronicle(doc: _Doc, mt: str) -> bool:
    """An undated page (no page date, no dated title) that tells several years, none more often than
    once (a gazetteer's history section): no year of its body is the page's report year."""
    if doc.page_date or doc.dated_title or title_year(mt):
        return False
    cnt = data_years(mt)
    return len(cnt) >= la.CHRONICLE_MIN_YEARS and max(cnt.values()) == 1


def _nearest_year_of_paragraph(mt: str, sent_start: int) -> int | None:
    """The last year word of the paragraph before a sentence (到某年号2年(1935年)图书馆舍…增加。…藏书减少到…册。
    当年新购置…册: the year the chronicle has come to), not a year of the library's history."""
    ls = mt.rfind("\n", 0, sent_start) + 1
    para = mt[ls:sent_start]
    years = [int(m.group(1)) for m in lx.YEAR_RE.finditer(para) if not _historic(para, m) and not _in_span(para, m)]
    return years[-1] if years else None


def _headline(mt: str, pos: int) -> bool:
    """A figure on the page's first line, a headline that sums up the body below it (某馆寒假接待读者40万人次):
    of the year the body states."""
    first = next((ln for ln in lines(mt) if ln.text.strip() and not is_junk(ln.text)), None)
    return bool(
        first
        and first.start <= pos < first.end
        and len(first.text.strip()) <= la.HEADLINE_MAX_CHARS
        and not la.SENTENCE_END.search(first.text)
    )


def _year_after_in_clause(mt: str, end: int) -> bool:
    """A year word after a figure in its own clause that is no date of history (经费…万元人民币(2021年))."""
    from .segment import clause_bounds

    _, ce = clause_bounds(mt, min(end, max(len(mt) - 1, 0)))
    t = mt[end:ce]
    return any(not _historic(t, m) and not _strict_historic(t, m) for m in lx.YEAR_RE.finditer(t))


def _year_kind(sentence_left: str, f_year: int | None) -> str:
    if f_year is None:
        return "none"
    words = _year_words(sentence_left)
    if not words:
        return "inferred"
    return "explicit" if words[-1][1] == "abs" else "relative"


def _apply_subject(f, subj, where: str) -> str:
    """Set library_name/scope from the subject; returns the library evidence kind."""
    from .subjects import LIBRARY, REGION

    if subj is None:
        if f.library_name is None:
            return "none"
        f.library_name = canonical_library(f.library_name)  # named by the extraction-time rule
        return "named" if is_placed(f.library_name) else "guessed"  # 市立图书馆: which one is a guess
    if subj.kind == REGION:
        if subj.name is None and f.library_name and f.table_id is not None:
            # a table column that names its own aggregate (table_figures: a level column)
            f.library_name, f.scope = canonical_library(f.library_name), "region"
            return "named"
        f.library_name, f.scope = subj.name, "region"
        if subj.name is None:
            return "none"  # the area's libraries, but which area is not said
        return {"sentence": "named", "paragraph": "nearby"}.get(where, "guessed")
    if subj.scope and where in ("sentence", "paragraph", "label") and not f.metric.startswith("network."):
        f.scope = subj.scope
    elif f.scope == "region":
        f.scope = "library"
    if subj.kind == LIBRARY:
        f.library_name = subj.name
        if not is_placed(subj.name) and not la.PLACEHOLDER_LIBRARY.search(subj.name or ""):
            return "guessed"  # a name the gazetteer cannot place (an old county's name): unsure
        return {"sentence": "named", "label": "named", "paragraph": "nearby"}.get(where, "guessed")
    # the report's own library
    f.library_name = None
    return "own"


def _is_mixed(mt: str, own_m: str | None) -> bool:
    """A text about several subjects (two or more other libraries or regions named)."""
    from .subjects import OWN, mentions

    return len({m.name for m in mentions(mt, own_m) if m.kind != OWN and m.name}) >= 2


@dataclass
class _Doc:
    """What the figure-level pass knows about the whole document."""

    mt: str
    own: str | None  # the report's own library as extracted
    own_key: str | None  # its canonical name
    writing_year: int | None
    mixed: bool  # names several other libraries / regions
    own_titled: bool  # its own library is named on a title line
    partial: bool  # a 1–11月 / monthly title, a new library's first days: the figures are to date
    dated_title: bool  # a title line dates the report (2021年工作总结)
    roc: bool = False  # years written the ROC way only (105年总借阅册数…)
    page_date: tuple[int, int] | None = None  # (year, month) the page was written
    undated: bool = False  # no year dates a figure (a profile page): its stocks are as of its day
    masked_year: bool = False  # the report's year is masked (20__年): no figure without its own year has one
    roc_context: bool = False  # writes Taiwan's ROC years (民國69年): its bare 80年度 is ROC, not 1980
    report_year: int | None = None  # the year figures with no year word of their own fall back to
    # where an undated page first states the year its body reports on (2017年,全馆…): a figure told
    # before it has no year (None on a dated page: its date dates every figure)
    body_year_from: int | None = None
    # nothing dates the page (no dated title, no page date, no news item's year) and no year of its body
    # dates a figure: its years are all history (始建于1904年, 1935年迁…)
    history_only: bool = False


def _opening_window(mt: str) -> bool:
    """The first lines are about a new library's first days or month (开馆后的第100天, 开馆满月):
    its figures are partial, whatever year they fall in."""
    return any(la.OPENING_WINDOW.search(t) for t in _title_lines(mt, la.OPENING_WINDOW_LINES))


def attribute_figures(figs, mt: str, own: str | None, report_year: int | None) -> None:
    """The figure-level attribution pass, in place, over every figure of a document
    (`mt`: the text for matching): who the figure is about (`subjects.subject_at`:
    another library, a branch, a region aggregate → library_name and scope), the
    year of relative words in a news item about a released report (resolved against
    the news date, `writing_year`), partial periods of to-date documents, and
    `confidence`. A figure the pass cannot handle keeps its attribution and gets
    the floor confidence (a warning says why)."""
    own_key = canonical_library(own) if own else None
    title = (_title_lines(mt, 1) or [""])[0]
    doc = _Doc(
        mt,
        own,
        own_key,
        writing_year(mt, report_year),
        _is_mixed(mt, own_key),
        bool(own) and any(own in t and lx.TITLE_WORDS.search(t) for t in _title_lines(mt)),
        len(title) <= 50 and bool(la.PARTIAL_TITLE.search(title)) or _opening_window(mt),
        any(_dated_title_line(t) for t in _title_lines(mt, 6)),
        not data_years(mt) and bool(roc_data_years(mt)),
    )
    doc.page_date = page_date(mt)
    doc.undated = not doc.dated_title and not doc.roc and not data_years(mt) and not title_year(mt)
    doc.masked_year = bool(la.MASKED_YEAR.search(mt))
    doc.report_year = report_year
    if not document_dated(mt, report_year) and data_year_marks(mt):
        doc.body_year_from = data_year_marks(mt)[0][0]
    doc.history_only = not document_dated(mt, report_year) and not data_year_marks(mt) and not doc.roc
    # (or a three-digit year dating a figure, 107年全市館藏…: no two-digit Gregorian year reads so)
    doc.roc_context = any(int(m.group("n")) > la.REPUBLIC_LAST for m in la.ROC_CONTEXT.finditer(mt)) or any(
        y >= tl.ROC_OFFSET + la.ROC_THREE_DIGITS for y in roc_data_years(mt)
    )
    for f in figs:
        try:
            _attribute_one(f, doc)
        except Exception as e:  # pragma: no cover - a bug here must not lose the document's figures
            warnings.warn(f"attribution failed at {f.char_start}: {e!r}", RuntimeWarning, stacklevel=2)
            f.confidence = la.CONFIDENCE_WEIGHTS["floor"]
    _distribute_respectively([f for f in figs if f.table_id is None], mt)
    figs.extend(_shared_by_listed_places([f for f in figs if f.table_id is None], mt))


def _shared_by_listed_places(figs, mt: str) -> list:
    """A single value stated for listed places counted as a group (A和B两市…也在900万册
    以上): the figure goes to the first place and a copy to each of the others."""
    import dataclasses

    from .segment import sentence_bounds
    from .subjects import listed_place_runs

    by_sentence: dict[int, list] = {}
    for f in figs:
        ss, _ = sentence_bounds(mt, min(max(f.char_start, 0), max(len(mt) - 1, 0)))
        by_sentence.setdefault(ss, []).append(f)
    extra = []
    for ss, group in by_sentence.items():
        start = group[0].char_start  # one number (read as one or more figures)
        if any(f.char_start != start for f in group) or la.RESPECTIVELY.search(mt, ss, start):
            continue
        runs = [r for r in listed_place_runs(mt, ss, start) if la.SHARED_AFTER_LIST.match(mt, r[0])]
        if not runs:
            continue
        names = runs[-1][1]
        for f in group:
            f.library_name, f.scope = names[0], "region"
            extra += [dataclasses.replace(f, library_name=n) for n in names[1:]]
    return extra


def _distribute_respectively(figs, mt: str) -> None:
    """分别: the values after it go one by one to the places listed before it in the
    same sentence (南通和无锡馆藏分别为1134万、1127万册), or to the years of a span
    (1999-2002年…分别为…), when the counts agree."""
    from .segment import sentence_bounds
    from .subjects import listed_places

    by_sentence: dict[int, list] = {}
    for f in figs:
        ss, _ = sentence_bounds(mt, min(max(f.char_start, 0), max(len(mt) - 1, 0)))
        by_sentence.setdefault(ss, []).append(f)
    for ss, group in by_sentence.items():
        first = min(f.char_start for f in group)
        resp = [m for m in la.RESPECTIVELY.finditer(mt, ss, first)]
        if not resp:
            continue
        names = listed_places(mt, ss, resp[-1].start())
        after = sorted((f for f in group if f.char_start > resp[-1].end()), key=lambda f: f.char_start)
        span = list(la.YEAR_SPAN.finditer(mt, ss, resp[-1].start()))
        if span and not names and after:
            a, b = int(span[-1].group("a")), int(span[-1].group("b"))
            listed = [f for f in after if f.metric == after[0].metric][: b - a + 1]
            if b - a + 1 == len(listed) and a < b:
                for f, y in zip(listed, range(a, b + 1)):
                    f.year = y  # 1999-2002年逐年增加的馆藏量分别为:95580册、…: one year each, in order
            continue
        if len(names) < 2 or len(after) != len(names) or len({f.metric for f in after}) != 1:
            continue
        for f, name in zip(after, names):
            f.library_name, f.scope = name, "region"


@functools.lru_cache(maxsize=8)
def _titled_region(mt: str) -> str | None:
    """The aggregate of the one place the first lines name (杭州统计年鉴2023 / 公共图书馆情况: 杭州市全市
    公共图书馆), for a table of a region's libraries that names none; None when they name none or several."""
    from .libraries import aggregate_name, find_places

    head = "\n".join(_title_lines(mt, la.TITLED_REGION_LINES))
    places = {p.name: p for _, _, p in find_places(head)}
    return aggregate_name(next(iter(places.values()))) if len(places) == 1 else None


def _table_library(f, doc: _Doc) -> str | None:
    """A table row or column named after a library (table_figures: 海安市图书馆 | 30.2): that
    library, whatever the sentence around says; the library evidence kind, else None."""
    from .normalize import for_matching

    name = f.library_name
    if (
        f.table_id is None
        or not name
        or not tl.LIBRARY_ROW.fullmatch(name)
        or not re.sub(r"\s+", "", for_matching(f.evidence)).startswith(name)
    ):
        return None
    key = canonical_library(name)
    if doc.own_key and key == doc.own_key:
        f.library_name = None
        return "own"
    f.library_name = key
    return "named" if is_placed(key) else "guessed"


def _attribute_one(f, doc: _Doc) -> None:
    from .confidence import Evidence, confidence
    from .segment import clause_bounds, sentence_bounds
    from .subjects import branch_by_label, subject_at

    mt = doc.mt
    pos = min(max(f.char_start, 0), max(len(mt) - 1, 0))
    subj, where = subject_at(mt, pos, doc.own_key)
    if f.table_id is not None and (subj is None or subj.kind == "own"):
        b = branch_by_label(mt, doc.own_key, f.evidence)  # a row labelled with a branch's name
        subj, where = (b, "label") if b else (subj, where)
    lib_kind = _table_library(f, doc) or _apply_subject(f, subj, where)
    if lib_kind == "none" and f.scope == "region" and f.table_id is not None:
        agg = _titled_region(mt)
        if agg:
            f.library_name, lib_kind = agg, "guessed"  # (杭州统计年鉴 / 公共图书馆情况: the city's libraries)
    if lib_kind == "own" and not doc.own:
        lib_kind = "none"
    elif (
        lib_kind == "own"
        and where == "document"
        and (doc.own_key and not place_of(doc.own_key) or not doc.own_titled and doc.mixed)
    ):
        lib_kind = "guessed"  # an unplaced name, or a text about several subjects whose title names none
    ss, se = sentence_bounds(mt, pos)
    left = mt[ss:pos]
    words = _year_words(left)
    governed = False  # the year of its paragraph (or of the page's day, for a stock) dates the figure
    if (
        doc.writing_year
        and words
        and words[-1][1] == "rel"
        and f.table_id is None
        and not la.THAT_YEAR_WORD.match(left, words[-1][0])
    ):
        # (当年/同年 is the year the text speaks of, not the year it was written: 2017年,…。…根据该市当年的常住人口…)
        f.year = doc.writing_year + words[-1][2]
    elif not words and f.table_id is None:
        py = paragraph_year(mt, ss)
        if doc.writing_year and f.metric in lx.STOCK_METRICS and la.TO_DATE_WORDS.search(left):
            py = doc.writing_year  # 现有藏书… in a dated news item: as of the day it was written
        elif (
            py is None
            and doc.page_date
            and not doc.dated_title
            and not title_year(mt)
            and la.STOCK_METRICS.match(f.metric)
            and not la.PAST_STATE.search(left)
            and not data_years(mt[:ss])
        ):
            # (a feature dated 2024-05-14: …这座乡村图书馆馆藏图书13万余册…。…2023年到馆读者80余万人次: a stock
            # told before the body names any data year is of the day the page was written, not of that year)
            py = doc.page_date[0]
        elif (
            py is None
            and not doc.page_date
            and not doc.dated_title
            and not title_year(mt)
            and la.STOCK_METRICS.match(f.metric)
            and la.TO_DATE_WORDS.search(left)
            and len(data_years(mt)) > 1
        ):
            # (an undated item: 2017年4月18日至2018年4月18日,…接待读者…。目前,…拥有…79万册: a stock held
            # today is of the latest year the page tells of, not of its most frequent one)
            py = max(data_years(mt))
        elif py is None and doc.page_date and not doc.dated_title and la.GENERIC_ANNUAL.search(left):
            py = doc.page_date[0]  # (an entry dated 1995-12: 该馆年度购书经费约为…, of its day)
        elif py is None and doc.writing_year and not doc.dated_title and la.GENERIC_ANNUAL.search(left):
            py = doc.writing_year  # (a news item of the 27th World Book Day: 每年举办…约500场次, of its year)
        if py is None and _chronicle(doc, mt):
            py = _nearest_year_of_paragraph(mt, ss)
        if py is not None:
            f.year, governed = py, True
    if words and words[-1][1] == "rel" and f.table_id is None and la.THAT_YEAR_WORD.match(left, words[-1][0]):
        if _chronicle(doc, mt):
            # (到某年号2年(1935年)…。…。当年新购置图书…517册: the year the chronicle has come to)
            f.year = _nearest_year_of_paragraph(mt, ss) or f.year
    if doc.roc_context and f.table_id is None and (not words or words[-1][1] == "abs"):
        # (民國69年…。80年度圖書流通量為…: the year word is an ROC year, not a two-digit 1980; 2019年…,
        # 107年全市館藏…: the nearest year word of the sentence is the ROC one)
        roc = [m for m in la.ROC_PROSE_YEAR.finditer(left) if roc_year(m)]
        if roc and (not words or roc[-1].start() >= words[-1][0] - 2):
            f.year = roc_year(roc[-1])
    if doc.roc and not words and f.table_id is None:
        rocs = [y for y in (roc_year(m) for m in la.ROC_PROSE_YEAR.finditer(left)) if y]
        if rocs:
            f.year = rocs[-1]  # 105年总借阅册数…: the ROC year of the sentence
    if f.period == "plan" and not words and doc.writing_year and f.year and f.year < doc.writing_year:
        f.year = doc.writing_year  # a plan is never for a year before the text was written
    elif not words and f.table_id is None:
        _last_year_of_news(f, doc, left)
    if doc.masked_year and (not words or words[-1][1] == "rel") and f.table_id is None:
        f.year = None  # (20__年,区图书馆…, 今年…: a template's masked year; the page's date is the site's)
    bd = la.BRACKET_DATE_AFTER.match(mt, f.char_end) if f.table_id is None else None
    if bd:
        f.year = int(bd.group("y"))
        if bd.group("m") and int(bd.group("m")) != 12 and f.period == "year":
            f.period = "partial"
    if (
        not bd
        and not words
        and not governed
        and f.table_id is None
        and doc.body_year_from is not None
        and la.TO_DATE_WORDS.search(left)
        and pos < doc.body_year_from
        and f.year == doc.report_year
        and not any(pos <= p < se for p, _ in data_year_marks(mt))
        and not _year_after_in_clause(mt, f.char_end)
        and not _headline(mt, pos)
    ):
        # (目前有藏书…册。…2012年购新书…: a stock held today, told before the year the undated body states,
        # is of the page's unknown day, not of that year, unless its own sentence or clause names one:
        # 现有藏书10万册,2014年完成…; 经费…万元人民币(2021年). A figure told so with no to-date word, a lead
        # restating the body (…读者数量超1亿。…2021年底,…超1.03亿), takes the body's year: realdev's convention)
        f.year = None
    if (
        not bd
        and not words
        and not governed
        and f.table_id is None
        and doc.history_only
        and (la.TO_DATE_WORDS.search(left) or la.NOW_WORDS.search(left) or la.GENERIC_ANNUAL.search(left))
        and not _year_after_in_clause(mt, f.char_end)
    ):
        # (始建于1904年…。1935年迁…。现累计有持证读者18万余人,年接待读者120余万人次: held or served today, on
        # a page that never says when today is; no history year and no heading of a date dates it)
        f.year = None
    if bd:
        pass  # the bracketed date said which day the figure is of
    elif doc.partial and f.period == "year" and not la.FULL_YEAR_WORDS.search(left):
        f.period = "partial"  # a 1–11月 progress report: its stocks and counts are to date
    elif (
        not doc.dated_title
        and f.period == "year"
        and la.TO_DATE_WORDS.search(left)
        and not la.FULL_YEAR_WORDS.search(left)
        and not words
        and la.STOCK_METRICS.match(f.metric)
    ):
        f.period = "partial"  # 现有藏书… on an undated page: as of the page's day, not a year end
        # (现有藏书…,接待读者…人次: a flow beside the stock is the generic year's, not to date)
    elif f.period == "year" and not la.FULL_YEAR_WORDS.search(left) and _as_of_page_day(f, doc, words):
        f.period = "partial"
    cs, ce = clause_bounds(mt, pos)
    in_table = f.table_id is not None
    e = Evidence(
        bare_number=not f.unit_raw and not in_table,  # a table's unit is in its header or label
        crowded=not in_table and len(la.QUANTITY.findall(mt[cs:ce])) >= la.CROWDED,
        weak_cue=not _strong_cue(mt[max(ss, cs - 40) : ce] + ("\n" + f.evidence if in_table else ""), f.metric),
        year=("explicit" if bd else _year_kind(left, f.year)) if not in_table else ("explicit" if f.year else "none"),
        library=lib_kind,
        scope=f.scope,
        period=f.period,
    )
    f.confidence = confidence(e)
