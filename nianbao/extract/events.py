"""Events listed in a report: event-table rows and dated sentences.

`extract_events(text, report_year, library_name=None) -> list[Event]`

1. **Event tables** (`nianbao.extract.tables.find_tables`): a table whose
   header has a date column (时间/日期) and a title column (主题/活动名称/名称/
   活动主题/活动内容…), optionally 地点 and 人数/参与人数/人次. One `Event` per
   row: the date parsed with `nianbao.extract.dates`, the title and location
   cells as printed (Word artefacts such as ``[bookmark: X]`` removed),
   attendance as a number with its unit as written (``15组家庭`` → 15,
   '组家庭'; a bare number → unit None; an empty cell → None, never 0),
   `seq` = 序号, `table_segment` = 'minors' when the title names
   未成年人/少儿/儿童/青少年, else 'all'. `char_start/char_end` span the title
   cell; `evidence` is the row's cells joined by `` | ``.

2. **Dated sentences**: every date that opens a clause (after a sentence
   end, a comma, a list number or a line start) outside any table starts a
   dated item, which runs to the end of its sentence. Periods (1-12月),
   dates of other years, dates inside quotes and dates followed by
   以来/起/前/后/底/初/期间 are not items. The title is an exact substring of
   the item: the main clause (framing clauses such as 为/根据/按照/响应… are
   skipped), with the organiser cut off where a verb such as 参加/收看/举行
   introduces the event's own name; the location is filled only where the
   text names one (在X举行, 去X参加, 深入到X, 对X进行, 向X提供, …).
   A subject before 与 is dropped when an agreement is signed
   (``X与Y续签…协议`` → ``与Y续签…协议``); two subject-less chores ending the
   sentence are one title (``总结X,提交Y``, `WORK_VERBS`).
   `seq` numbers the prose items kept, in order of appearance.

3. **Not events**: a dated item whose title has a predicate listed in
   `NON_EVENT_PREDICATES` (the building reopens/moves/is completed, equipment
   bought/installed/upgraded, party membership, a result announced by others)
   is dropped, unless the title names an activity (`ACTIVITY_NOUNS`).

4. **Repeats**: a prose item with the same date (and precision) as a table
   row and the same title by `same_event_title` (containment or shared
   character pairs, quotes/punctuation/generic words ignored) is that row and
   is dropped; likewise a prose item repeating an earlier one (a passage
   printed twice): the first is kept.

Pure Python; the text is expected NFKC-normalised (ASCII ``,`` and ``:``).
"""

from __future__ import annotations

import re
from datetime import date
from functools import partial

from nianbao.extract.dates import DateMatch, find_dates
from nianbao.extract.tables import Cell, Table, find_tables, norm_label
from nianbao.schema import Event

__all__ = ["extract_events", "event_tables", "NON_EVENT_PREDICATES", "same_event_title"]

# ------------------------------------------------------------------ lexicon
# Dated sentences whose predicate is a change to the building, its equipment
# or its membership, or the announcement of someone else's result, rather than
# an activity held, attended, received or organised. Each entry: (kind,
# pattern searched in the item's title). Data: extend here, not in the code.
NON_EVENT_PREDICATES: tuple[tuple[str, str], ...] = (
    # the building opens/closes/moves/is completed
    # (a first opening, 新馆正式对外开放, is left an event)
    (
        "facility",
        r"(?:恢复|重新|全面|部分)[^,]{0,8}开放|暂停开放|闭馆"
        r"|迁址|搬迁|建成(?!区)|竣工",
    ),
    # equipment bought, installed, upgraded, replaced in numbers
    (
        "equipment",
        r"新购|购置|添置|安装|优化升级|升级改造|改造升级"
        r"|(?:更换|更新)了?\s*[\d一二三四五六七八九十两]+\s*(?:台|套|块|部)",
    ),
    # party membership (admissions, probationers made full members)
    ("membership", r"(?:吸收|发展|接收)[^,]{0,10}预备党员|转为?正式党员|按期转正"),
    # results announced by others (an award list published, winners revealed)
    (
        "announcement",
        r"(?:评选|评审|评比)?结果[^,]{0,4}(?:发布|公布|揭晓)"
        r"|获奖[^,]{0,8}(?:揭晓|公布)|名单[^,]{0,4}(?:发布|公布|揭晓)",
    ),
)
# A title that names an activity is kept whatever its predicate
# (…展览正式对外开放, 新馆落成仪式, 安装调试培训).
ACTIVITY_NOUNS = (
    r"活动|讲座|讲堂|(?<![开发进拓扩施])展|培训|比赛|竞赛|仪式|典礼|会议|大会|故事会"
    r"|读书会|沙龙|揭牌|授牌|挂牌|演出|讲解|参观"
)
# Verbs of report-writing chores: two such subject-less clauses in a row
# ('总结X,提交Y') are one item.
WORK_VERBS = r"总结|提交|上报|报送|制定|制订|撰写|编制|编写|整理|汇编|梳理|修订|起草|填报"
# Verbs of an agreement: '<subject>与<partner>续签…协议' is titled from 与.
AGREEMENT_VERBS = r"续签|签订|签署|签约|缔结"
# Words every title may carry; ignored when comparing two titles.
GENERIC_TITLE_WORDS = ("活动", "主题", "图书馆", "我馆", "本馆")

# ------------------------------------------------------------------ tables

_DATE_COLS = ("时间", "日期")
_TITLE_COLS = ("活动主题", "活动名称", "活动内容", "主题", "名称", "内容", "项目")
_LOC_COLS = ("活动地点", "地点", "场地", "地址")
_ATT_COLS = ("参与人数", "参加人数", "参与人次", "参加人次", "人数", "人次", "规模")
_SEQ_COLS = ("序号", "编号")
_MINORS = ("未成年人", "少儿", "儿童", "青少年", "少年")
_ARTEFACT = re.compile(r"\[(?:bookmark|BOOKMARK)\s*:[^\]]*\]\s*")


def _col(header: list[str], names: tuple[str, ...], exclude: set[int] = frozenset()) -> int | None:
    for name in names:
        for i, h in enumerate(header):
            if i not in exclude and name in h:
                return i
    return None


def _event_columns(t: Table) -> dict[str, int | None] | None:
    h = [norm_label(c.text) for c in t.header]
    d = _col(h, _DATE_COLS)
    if d is None:
        return None
    title = _col(h, _TITLE_COLS, {d})
    if title is None:
        return None
    used = {d, title}
    loc = _col(h, _LOC_COLS, used)
    if loc is not None:
        used.add(loc)
    att = _col(h, _ATT_COLS, used)
    if att is not None:
        used.add(att)
    seq = _col(h, _SEQ_COLS, used)
    return {"date": d, "title": title, "loc": loc, "att": att, "seq": seq}


def event_tables(text: str, tables: list[Table] | None = None) -> list[tuple[Table, dict]]:
    """The tables of `text` that list events, with their column indexes."""
    out = []
    for t in tables if tables is not None else find_tables(text):
        cols = _event_columns(t)
        if cols is None or not t.rows:
            continue
        # the date column must hold dates (not 开放时间 such as 9:00-17:00)
        k = cols["date"]
        dated = sum(1 for r in t.rows if k < len(r) and find_dates(r[k].text, 2000))
        if dated * 2 >= len(t.rows):
            out.append((t, cols))
    return out


def _clean(c: Cell | None) -> tuple[str, int, int] | None:
    if c is None:
        return None
    s, a, b = c.text, c.start, c.end
    m = _ARTEFACT.match(s)
    while m:
        s, a = s[m.end() :], a + m.end()
        m = _ARTEFACT.match(s)
    s2 = _ARTEFACT.sub("", s)
    return (s2.strip(), a, b) if s2.strip() else None


_ATT_RE = re.compile(r"^\s*(?:约|共|近)?\s*(\d+(?:\.\d+)?)\s*(万)?\s*(余|多)?\s*([^\d\s]*)\s*$")


def parse_attendance(s: str | None) -> tuple[float | None, str | None]:
    """'60人' → (60, '人'); '15组家庭' → (15, '组家庭'); '39' → (39, None); '' → (None, None)."""
    if not s or not s.strip():
        return None, None
    m = _ATT_RE.match(s)
    if not m:
        return None, None
    v = float(m.group(1)) * (10000 if m.group(2) else 1)
    unit = (m.group(4) or "").strip() or None
    return v, unit


def _segment(title: str | None) -> str:
    return "minors" if title and any(w in title for w in _MINORS) else "all"


def _row_cell(row: list[Cell], cols: dict, key: str) -> Cell | None:
    """The cell of `row` in the column found for `key` (None when there is none)."""
    k = cols[key]
    return row[k] if k is not None and k < len(row) else None


def _table_events(text: str, t: Table, cols: dict, report_year: int | None, library_name: str | None) -> list[Event]:
    out: list[Event] = []
    for i, row in enumerate(t.rows):
        cell = partial(_row_cell, row, cols)
        title = _clean(cell("title"))
        if title is None:
            continue
        dcell = cell("date")
        d = prec = end = None
        if dcell is not None and dcell.text:
            found = find_dates(dcell.text, report_year)
            if found:
                d, prec, end = found[0].date, found[0].precision, found[0].end_date
        loc = _clean(cell("loc"))
        att_cell = cell("att")
        att, unit = parse_attendance(att_cell.text if att_cell is not None else None)
        seq_c = cell("seq")
        seq = int(seq_c.text) if seq_c is not None and seq_c.text.strip().isdigit() else i + 1
        out.append(
            Event(
                title=title[0],
                event_date=d,
                date_precision=prec,
                char_start=title[1],
                char_end=title[1] + len(title[0])
                if text[title[1] : title[1] + len(title[0])] == title[0]
                else title[2],
                evidence=" | ".join(c.text for c in row),
                end_date=end,
                location=loc[0] if loc else None,
                attendance=att,
                attendance_unit=unit,
                seq=seq,
                table_id=t.table_id,
                table_title=t.title,
                table_segment=_segment(t.title),
                library_name=library_name,
            )
        )
    return out


# ------------------------------------------------------------------ prose

_SENT_END = "。;!?\n"
_OPEN = "“‘《(「『[【"
_CLOSE = "”’》)」』]】"
_LEAD_OK = re.compile(r"(?:^|[。;!?\n,:、)】\s]|\d+\.|\d+、|\(\d+\)|[一二三四五六七八九十]+、|今年|今年的|于)\s*$")
_AFTER_BAD = re.compile(r"^\s*(?:以来|起|前|后|之前|之后|底|初|末|中旬|上旬|下旬|至今|期间|间|以前|以后|的)")
_BEFORE_BAD = re.compile(r"(?:截止|截至|至|到|自|从|截止到|截至到)\s*$")
_TIME_PREFIX = re.compile(
    r"[\s,:]*(?:(?:上午|下午|晚上|晚间|晚|早上|早晨|中午|凌晨|傍晚)?\s*(?:\d{1,2}:\d{2})?)[\s,:]*"
)
_FRAMING = re.compile(
    r"^(?:为了?|根据|按照|依据|响应|针对|受|随着|应|经|结合|围绕|在[^,]{0,20}(?:下|中|期间|之际)$|利用)"
)
_STRONG = re.compile(r"(?:参加|收看|观看|举行|举办|开讲|开播)(?=[^,]{2})|开讲|开播")
# A place: a run of CJK characters ending in an administrative suffix (the
# run may hold several glued names, 东坡镇李家村). Places in a list are
# separated by 、 or ,. Greedy runs + mandatory separators keep the regex linear.
_PLACE_TOKEN = r"(?:(?![全各本我该并和及对到去在与])[\u4e00-\u9fff]{0,19}(?:村|镇|乡|街道办|街道|街办|社区|县|市|区))"
_PLACE_LIST = _PLACE_TOKEN + r"(?:[、,]" + _PLACE_TOKEN + r")*"
_VERB_AFTER_PLACE = r"(?=参加|参与|检查|指导|调研|考察|学习|参观|开展|举办|举行|进行|送|慰问|观摩|培训|交流)"
_VENUE_SUFFIX = r"(?:村|镇|乡|街道|社区|县|市|区|省|馆|室|厅|场|中心|校|学|园|所|院|部|站|楼|广场|基地|书屋)"


def _split_clauses(s: str, base: int) -> list[tuple[str, int]]:
    """Split on ',' outside quotes/brackets → (clause, absolute start)."""
    out = []
    depth = 0
    start = 0
    for i, ch in enumerate(s):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0:
            out.append((s[start:i], base + start))
            start = i + 1
    out.append((s[start:], base + start))
    res = []
    for c, a in out:
        lead = len(c) - len(c.lstrip())
        c2 = c.strip()
        if c2:
            res.append((c2, a + lead))
    return res


def _inside_quotes(text: str, pos: int, floor: int) -> bool:
    depth = 0
    for ch in text[floor:pos]:
        if ch in "“《「『":
            depth += 1
        elif ch in "”》」』":
            depth = max(0, depth - 1)
    return depth > 0


def _item_dates(text: str, report_year: int | None, skip: list[tuple[int, int]]) -> list[DateMatch]:
    out = []
    for d in find_dates(text, report_year):
        if d.is_period:
            continue
        if any(a <= d.start < b for a, b in skip):
            continue
        if d.year_given and report_year is not None and d.date and d.date.year != report_year:
            continue
        before = text[max(0, d.start - 8) : d.start]
        if not _LEAD_OK.search(before) or _BEFORE_BAD.search(before):
            continue
        after = text[d.end : d.end + 6]
        if _AFTER_BAD.match(after):
            continue
        if d.precision == "month" and re.match(r"\s*[和与及、]", after):
            continue
        line_start = max(text.rfind("\n", 0, d.start) + 1, d.start - 2000)
        if _inside_quotes(text, d.start, line_start):
            continue
        out.append(d)
    return out


def _strip_trailing(s: str) -> str:
    s = re.sub(r"(?:[一二三四五六七八九十两\d]+(?:场|次|期|个|天))+$", "", s)
    return s.rstrip(" ,:、")


def _cut_title(clause: str) -> tuple[int, int]:
    """Title bounds (relative to clause) inside the main clause."""
    a, b = 0, len(clause)
    # 《X》开讲 / 开播《X》: the work's name
    if re.search(r"开讲|开播|首播|上线", clause):
        m = re.search(r"《[^》]+》", clause)
        if m:
            return m.start(), m.end()
    # organiser phrases: 'X一行…' / 'X带领Y去…'
    m = re.search(r"一行(?=[^,]{2})", clause)
    if m:
        a = m.end()
    m = re.search(r"带领", clause[a:])
    if m:
        m2 = re.search(r"下乡|去|到|赴|前往|来|参加|对|深入", clause[a + m.end() :])
        if m2:
            a = a + m.end() + m2.start()
    # 去/赴 <place> <verb>: drop the travel part
    m = re.match(r"(?:去|赴|前往|到)" + r"[^,。]{1,40}?" + _VENUE_SUFFIX + _VERB_AFTER_PLACE, clause[a:])
    if m:
        a += m.end()
    # '检查并指导<places>…': the places are the location, not the title
    m = re.search(r"(?:指导|检查|走访|慰问)(?=" + _PLACE_LIST + ")", clause[a:])
    if m and m.start() > 0:
        return a, a + m.end()
    # '<subject>与<partner>续签…协议': an agreement is titled from 与
    m = re.match(r"[^,与]{2,15}?(?=与[^,]{2,30}?(?:" + AGREEMENT_VERBS + "))", clause[a:])
    if m:
        a += m.end()
    # verbs that introduce the event's own name
    for pat in (r"参加了?", r"(?:收看|观看)了?", r"(?:参与并)?转发"):
        m = re.search(pat, clause[a:])
        if m and m.end() < b - a:
            if pat.startswith("(?:收看") and clause[a + m.end()] not in "“《「'\"":
                # 观看手机直播课:“…”: a descriptive object, keep the verb phrase
                return a + m.start(), b
            return a + m.end(), b
    m = re.search(r"(?:在[^,]{1,25}?)?(?:举行|举办|召开|开展)了?", clause[a:])
    if m and (m.start() == 0 or clause[a + m.start()] == "在"):
        return a + m.end(), b
    if "对" not in clause[a:]:
        m = re.search(r"进行了?", clause[a:])
        if m and m.end() < b - a:
            return a + m.end(), b
    # 配合<organisation><verb>
    m = re.match(r"配合[^,]{2,15}?(?:局|馆|部|委|会|办|中心|站|所)", clause[a:])
    if m and m.end() < b - a:
        a += m.end()
    # 我馆<noun…>: drop the house subject unless it is '我馆与/在/向/为…'
    m = re.match(r"(?:我馆|本馆)(?![与在向为和同])", clause[a:])
    if m:
        a += m.end()
    return a, b


def _location(item: str) -> tuple[int, int] | None:
    """Location named in the item (relative span), or None."""
    pats = [
        r"在(?P<loc>[^,。在]{1,25}" + _VENUE_SUFFIX + r")[^,。在]{0,4}?(?:举行|举办|开展|召开)",
        r"(?:去|赴|前往)(?P<loc>[^,。]{1,40}?" + _VENUE_SUFFIX + r")" + _VERB_AFTER_PLACE,
        r"深入到?(?P<loc>" + _PLACE_LIST + r")(?=[,。;]|$)",
        r"对(?P<loc>" + _PLACE_LIST + r")(?=[^,。、]{0,10}进行)",
        r"(?:指导|检查|走访|慰问)(?P<loc>" + _PLACE_LIST + r")(?=[^,、村镇]{0,8}(?:[。;]|$))",
        r"向(?P<loc>[^,。向]{2,15}?(?:所|馆|校|院|园|中心|部队|中队|站|社区|村))(?:提供|赠送|送)",
        r"(?:图书馆|我馆|本馆)(?P<loc>[^\s,。为在向]{1,8}?(?:室|厅|区|中心))(?:为|向|举办|开展)",
    ]
    for p in pats:
        m = re.search(p, item)
        if m:
            return m.start("loc"), m.end("loc")
    return None


_HEADING_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_HEADING_WORDS = ("计划", "规划", "总结", "年报", "报告", "工作", "要点", "大事记")


def _heading_years(text: str) -> list[tuple[int, int]]:
    """(offset, year) of short heading lines naming a year and a report kind
    (2021年工作计划, 2020年大事记…): the year that dates without one belong to."""
    out = []
    pos = 0
    for line in text.split("\n"):
        s = line.strip()
        if 0 < len(s) <= 30 and not s.endswith(("。", ",", ";")) and any(w in s for w in _HEADING_WORDS):
            m = _HEADING_YEAR.search(s)
            if m:
                out.append((pos, int(m.group(1))))
        pos += len(line) + 1
    return out


def _context_year(pos: int, report_year: int | None, headings: list[tuple[int, int]]) -> int | None:
    year = report_year
    for off, y in headings:
        if off > pos:
            break
        year = y
    return year if year is not None else report_year


def _with_year(d: date | None, year: int | None) -> date | None:
    if d is None or year is None or d.year == year:
        return d
    try:
        return d.replace(year=year)
    except ValueError:
        return None


def _rebase(dm: DateMatch, year: int | None, report_year: int | None) -> DateMatch:
    """Re-resolve a date without a written year in a section about another year."""
    if dm.year_given or year is None or year == report_year:
        return dm
    shift = year - (dm.date.year if dm.date else year)
    end = dm.end_date.replace(year=dm.end_date.year + shift) if dm.end_date and dm.date else dm.end_date
    return DateMatch(
        dm.start, dm.end, dm.text, _with_year(dm.date, year), dm.precision, end, dm.is_period, dm.year_given
    )


_NON_EVENT = [(kind, re.compile(p)) for kind, p in NON_EVENT_PREDICATES]
_ACTIVITY = re.compile(ACTIVITY_NOUNS)
_WORK_START = re.compile(r"(?:" + WORK_VERBS + r")")


def _non_event(title: str) -> str | None:
    """The kind of non-event predicate `title` has ('facility', 'equipment',
    'membership', 'announcement'), or None when it is an event."""
    if _ACTIVITY.search(title):
        return None
    for kind, rx in _NON_EVENT:
        if rx.search(title):
            return kind
    return None


def _prose_events(
    text: str, report_year: int | None, skip: list[tuple[int, int]], library_name: str | None
) -> list[Event]:
    headings = _heading_years(text)
    dates = [
        _rebase(d, _context_year(d.start, report_year, headings), report_year)
        for d in _item_dates(text, report_year, skip)
    ]
    out: list[Event] = []
    for k, d in enumerate(dates):
        # the item: from the date to the end of its sentence (or the next item)
        limit = len(text)
        for ch in _SENT_END:
            p = text.find(ch, d.end)
            if p != -1:
                limit = min(limit, p)
        if k + 1 < len(dates):
            limit = min(limit, dates[k + 1].start)
        body_start = d.end
        m = _TIME_PREFIX.match(text, body_start, limit)
        if m:
            body_start = m.end()
        body = text[body_start:limit]
        if len(body.strip(" ,:、")) < 4:
            continue
        clauses = _split_clauses(body, body_start)
        # drop trailing fragments split by an inner comma-less conjunction
        main = None
        cands = [(c, a) for c, a in clauses if not _FRAMING.match(c)]
        if cands:
            # a bare circumstance ('春节临近') is not the event when more follows
            if len(cands) > 1 and len(cands[0][0]) <= 4:
                cands = cands[1:]
            main = cands[0]
            if not _STRONG.search(main[0]):
                main = next((ca for ca in cands if _STRONG.search(ca[0])), main)
        if main is None:
            main = clauses[0]
        c, a = main
        ta, tb = _cut_title(c)
        # '总结X,提交Y': two subject-less chores ending the sentence are one item
        k_main = clauses.index(main)
        if (
            k_main == len(clauses) - 2
            and tb == len(c)
            and _WORK_START.match(c[ta:])
            and _WORK_START.match(clauses[-1][0])
            and len(c) - ta + len(clauses[-1][0]) <= 30
        ):
            nxt, na = clauses[-1]
            c, tb = text[a : na + len(nxt)], na + len(nxt) - a
        title = _strip_trailing(c[ta:tb])
        title = title.strip(" ,:、")
        if len(title) < 2 or _non_event(title):
            continue
        t_start = text.find(title, a + ta)
        if t_start == -1:
            continue
        item = text[body_start:limit]
        loc = _location(item)
        loc_text = item[loc[0] : loc[1]] if loc else None
        att = unit = None
        ma = re.search(
            r"(\d+(?:\.\d+)?)\s*(?:余|多)?\s*(人次|人|组家庭|名)"
            r"(?:读者|群众|学生|家长|儿童|小读者)?(?:参加|参与|到场|观看|聆听)",
            item,
        )
        if ma:
            att, unit = float(ma.group(1)), ma.group(2)
        out.append(
            Event(
                title=title,
                event_date=d.date,
                date_precision=d.precision,
                char_start=t_start,
                char_end=t_start + len(title),
                evidence=text[d.start : limit + 1 if limit < len(text) else limit].strip(),
                end_date=d.end_date,
                location=loc_text,
                attendance=att,
                attendance_unit=unit,
                seq=len(out) + 1,
                table_id=None,
                table_title=None,
                table_segment=None,
                library_name=library_name,
            )
        )
    return out


# ------------------------------------------------------------------ entry


_PUNCT = re.compile(r"[\W_]+")


def _title_key(title: str) -> str:
    """The title without quotes, punctuation, spaces and generic words."""
    s = _PUNCT.sub("", title)
    for w in GENERIC_TITLE_WORDS:
        s = s.replace(w, "")
    return s


def same_event_title(a: str, b: str) -> bool:
    """Two titles name the same event: without punctuation (or also without
    generic words), one contains the other (at least 4 characters), or at
    least 3 and 60% of the shorter's character pairs are shared."""
    ka, kb = _title_key(a), _title_key(b)
    for x, y in ((_PUNCT.sub("", a), _PUNCT.sub("", b)), (ka, kb)):
        short, long_ = sorted((x, y), key=len)
        if len(short) >= 4 and short in long_:
            return True
    ba = {ka[i : i + 2] for i in range(len(ka) - 1)}
    bb = {kb[i : i + 2] for i in range(len(kb) - 1)}
    if not ba or not bb:
        return False
    shared = len(ba & bb)
    return shared >= 3 and shared >= 0.6 * min(len(ba), len(bb))


def _same_event(p: Event, q: Event) -> bool:
    return (
        p.event_date is not None
        and p.event_date == q.event_date
        and p.date_precision == q.date_precision
        and same_event_title(p.title, q.title)
    )


def _dedupe_prose(table: list[Event], prose: list[Event]) -> list[Event]:
    """Drop a prose item that repeats a table row (same date, same title) or
    an earlier prose item (a passage printed twice); renumber `seq`."""
    kept: list[Event] = []
    for e in prose:
        if any(_same_event(e, t) for t in table) or any(_same_event(e, k) for k in kept):
            continue
        kept.append(e)
    for i, e in enumerate(kept, 1):
        e.seq = i
    return kept


def extract_events(
    text: str, report_year: int | None, library_name: str | None = None, tables: list[Table] | None = None
) -> list[Event]:
    """Event-table rows (in table order) followed by dated prose items; a prose
    item repeating a table row or an earlier prose item is dropped. `tables` is
    `find_tables(text)` when the caller has it already."""
    tables = find_tables(text) if tables is None else tables
    events: list[Event] = []
    for t, cols in event_tables(text, tables):
        events.extend(_table_events(text, t, cols, report_year, library_name))
    skip = [(t.start, t.end) for t in tables]
    events.extend(_dedupe_prose(events, _prose_events(text, report_year, skip, library_name)))
    return events
