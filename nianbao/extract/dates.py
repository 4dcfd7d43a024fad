"""Chinese calendar expressions in report text → dates.

Recognised forms (Arabic digits; the text is NFKC-normalised upstream, but
raw full-width forms work too):

==========================  =============================================
``10月18日`` / ``10月18号``   day precision, year from the report
``2020年8月12日至14日``       day precision, end_date 2020-08-14
``8月17日至21日``             idem, year from the report
``10月27日—10月29日``         dash / 至 / 到 / ~ ranges, month may repeat
``11月3日-4日``               idem
``12月30日至1月2日``          a range crossing the new year (end year + 1)
``5月份`` / ``12月``          month precision, the 1st of the month
``4、5月份``                  month precision, date = April 1st,
                              end_date = May 1st (a list of months)
``1-12月`` / ``1至6月``       a *period* (``is_period=True``): a span the
                              report sums over, not an event date
==========================  =============================================

`find_dates(text, report_year)` returns every match with its span;
`parse_date(s, report_year)` parses one string and returns
``(date, precision, end_date)``. With no year in the text and no report
year, the date is None (the span is still returned).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

__all__ = ["DateMatch", "find_dates", "parse_date"]


@dataclass
class DateMatch:
    start: int
    end: int
    text: str
    date: date | None
    precision: str  # 'day' or 'month'
    end_date: date | None = None
    is_period: bool = False  # 1-12月: a span of months summed over, not an event
    year_given: bool = False


_DASH = r"(?:至|到|—{1,2}|–|-|~|〜|～|－)"
_Y = r"(?:(?P<{n}>\d{{4}})\s*年\s*)"

_DATE_RE = re.compile(
    r"(?<!\d)"
    + _Y.format(n="y1")
    + "?"
    + r"(?P<m1>\d{1,2})\s*月\s*"
    + r"(?:"
    # day forms
    + r"(?P<d1>\d{1,2})\s*[日号]"
    + r"(?:\s*"
    + _DASH
    + r"\s*"
    + _Y.format(n="y2")
    + r"?(?:(?P<m2>\d{1,2})\s*月\s*)?(?P<d2>\d{1,2})\s*[日号])?"
    + r"|"
    # month forms: a month range '1-12月' (period) or a month
    + r"(?P<mfen>份)?"
    + r")"
)
# '4、5月份' / '4,5月' (a list of months) and '1-12月' (a period)
_MONTH_LIST_RE = re.compile(
    r"(?<!\d)" + _Y.format(n="y") + r"?(?P<a>\d{1,2})\s*(?P<sep>、|" + _DASH + r")\s*(?P<b>\d{1,2})\s*月"
    r"(?P<fen>份)?(?!\s*\d{1,2}\s*[日号])"
)


def _mk(y: int | None, m: int, d: int = 1) -> date | None:
    if y is None:
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


def find_dates(text: str, report_year: int | None) -> list[DateMatch]:
    """All dates and month expressions in `text`, in order, non-overlapping."""
    out: list[DateMatch] = []
    taken: list[tuple[int, int]] = []

    for m in _MONTH_LIST_RE.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if not (1 <= a <= 12 and 1 <= b <= 12) or a >= b:
            continue
        # '2020年4-5月' already consumed by the year: fine; a bare '3-4月' also fine.
        y = int(m.group("y")) if m.group("y") else report_year
        is_list = m.group("sep") in ("、",)
        out.append(
            DateMatch(
                m.start(),
                m.end(),
                m.group(0),
                _mk(y, a),
                "month",
                end_date=_mk(y, b),
                is_period=not is_list,
                year_given=bool(m.group("y")),
            )
        )
        taken.append((m.start(), m.end()))

    for m in _DATE_RE.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        mon = int(m.group("m1"))
        if not 1 <= mon <= 12:
            continue
        y = int(m.group("y1")) if m.group("y1") else report_year
        if m.group("d1"):
            d = int(m.group("d1"))
            if not 1 <= d <= 31:
                continue
            start_d = _mk(y, mon, d)
            end_d = None
            if m.group("d2"):
                m2 = int(m.group("m2")) if m.group("m2") else mon
                d2 = int(m.group("d2"))
                y2 = int(m.group("y2")) if m.group("y2") else y
                if y2 is not None and not m.group("y2") and (m2, d2) < (mon, d):
                    y2 += 1  # 12月30日至1月2日
                end_d = _mk(y2, m2, d2)
            end = m.end()
            out.append(
                DateMatch(
                    m.start(),
                    end,
                    text[m.start() : end],
                    start_d,
                    "day",
                    end_date=end_d,
                    year_given=bool(m.group("y1")),
                )
            )
        else:
            # month only: guard against '3个月' (not matched anyway) and '月底/月初' (fine)
            end = m.end()
            # strip trailing whitespace from the span
            while end > m.start() and text[end - 1].isspace():
                end -= 1
            out.append(
                DateMatch(m.start(), end, text[m.start() : end], _mk(y, mon), "month", year_given=bool(m.group("y1")))
            )
    out.sort(key=lambda d: d.start)
    return out


def parse_date(s: str, report_year: int | None) -> tuple[date | None, str | None, date | None]:
    """Parse the first date expression in `s` → (date, precision, end_date).

    A period such as ``1-12月`` is returned as (start, 'month', end) as well;
    use `find_dates` to see `is_period`. Nothing found → (None, None, None).
    """
    found = find_dates(s, report_year)
    if not found:
        return None, None, None
    d = found[0]
    return d.date, d.precision, d.end_date
