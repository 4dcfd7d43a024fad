"""Number + its context → metric code (or nothing).

`classify(text, q, ...)` looks for the cue nearest to the number in its clause
(left side first; for facility counts the noun right after the unit), checks
that the cue accepts the number's unit, and refuses numbers that are changes
(比去年增加…), rates (每月…, 人均…), donations and deliveries, staff
training received, or counts with no cue at all. A number with no cue is never
a figure. `vet` holds the checks every decision passes, whoever found its cue
(also thresholds 超10万册的图书馆, rankings, one reader's record, multi-year spans
for flows, cumulative-since-opening flows, e-books beside holdings);
`classify_elliptic` takes the cue from the clause before.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from . import lexicon as lx
from .lexicon import attribution as la
from .numbers import Quantity, find_quantities


@dataclass
class Decision:
    metric: str
    cue: str
    cue_start: int
    cue_end: int
    ratio_scale: float | None = None
    unit_hint: str | None = None  # a unit written in brackets after a label: 总流通人次(万人次) 36.5


def _unit_key(q: Quantity) -> str | None:
    return q.unit


def _left_cues(unit) -> list:
    """(index, cue) of the text cues read on the left that have a metric for `unit`, in order
    (the list of lx.TEXT_CUES is read once per unit)."""
    key = (id(lx.TEXT_CUES), len(lx.TEXT_CUES))
    if _LEFT_CUES.get("key") != key:
        _LEFT_CUES.clear()
        _LEFT_CUES["key"] = key
    out = _LEFT_CUES.get(unit)
    if out is None:
        out = _LEFT_CUES[unit] = [(i, c) for i, c in enumerate(lx.TEXT_CUES) if c.side != "R" and unit in c.units]
    return out


_LEFT_CUES: dict = {}


def _cue_units() -> frozenset:
    """Every unit some text cue has a metric for."""
    key = (id(lx.TEXT_CUES), len(lx.TEXT_CUES))
    if _CUE_UNITS.get("key") != key:
        _CUE_UNITS["key"] = key
        _CUE_UNITS["units"] = frozenset(u for c in lx.TEXT_CUES for u in c.units)
    return _CUE_UNITS["units"]


_CUE_UNITS: dict = {}


def _left_cue(left: str, unit, sentence: str, base: int) -> Decision | None:
    best = None
    activity = audience = None  # whether the sentence has an activity / audience word (asked once)
    for i, cue in _left_cues(unit):
        if cue.need_activity_ctx:
            if activity is None:
                activity = lx.ACTIVITY_CTX.search(sentence) is not None
            if not activity:
                continue
        if cue.shun_activity_ctx:
            if audience is None:
                audience = lx.AUDIENCE_CTX.search(sentence) is not None
            if audience:
                continue
        for m in cue.regex.finditer(left):
            key = (m.end(), m.end() - m.start(), -i if cue.name != "activity" else -99)
            if best is None or key > best[0]:
                best = (key, Decision(cue.units[unit], m.group(0), base + m.start(), base + m.end()))
    if best is None:
        return None
    d = best[1]
    # 新增 just before a stock word turns it into the flow (新增馆藏图书, 新增持证读者)
    pre = left[max(0, d.cue_start - base - 4) : d.cue_start - base]
    if re.search(r"新增|新购|新进|新办|新注册", pre):
        d.metric = FLOW_OF.get(d.metric, d.metric)
    # cards issued over the year summed (全年累计办理借书证1260张): the year's new cards
    elif (
        d.metric == "users.registered_total"
        and d.cue.startswith("累计")
        and (
            lx.YEAR_SUM_BEFORE.search(left, 0, d.cue_start - base)
            or lx.YEAR_OPENS_SENTENCE.match(sentence)
            and not lx.NEW_CARDS_FIGURE.search(sentence)
            and not lx.TO_DATE_SUM.search(sentence)
        )
    ):
        d.metric = FLOW_OF[d.metric]
    return d


left_cue = _left_cue  # the nearest cue of a text for a unit (used by prose for 在…中 openings)

FLOW_OF = {"collection.total": "collection.added", "users.registered_total": "users.new_registrations"}


def _right_cue(right: str, unit, base: int) -> Decision | None:
    best = None
    for cue in lx.TEXT_CUES:
        if cue.side == "L":
            continue
        m = cue.regex.search(right)
        if not m or unit not in cue.units:
            continue
        # the noun must follow closely: only quotes/names in between (no numbers, no verbs)
        gap = right[: m.start()]
        # (9个镇(街)、社区基层分馆: the kinds of place the facilities stand in may sit between)
        if unit in lx.FACILITY_UNITS:
            gap = lx.FACILITY_GAP_ASIDE.sub("", gap)  # (3个提供24小时服务的自助图书站)
            if lx.FACILITY_PLACE_GAP.fullmatch(gap):
                gap = ""
        # (in 3个行政区广设服务据点 the count is of districts: a verb sits in the gap)
        if len(gap) > 12 or re.search(r"\d|、|开展|举办|组织|参加|参与|和|及|与|设|建|覆盖|遍布|分布", gap):
            continue
        if unit in lx.FACILITY_UNITS and len(gap) > 6:
            continue
        if cue.name in ("activity_r",) and m.end() > 14:
            continue
        key = (-m.start(), m.end() - m.start())
        if best is None or key > best[0]:
            best = (key, Decision(cue.units[unit], m.group(0), base + m.start(), base + m.end()))
    return best[1] if best else None


def _bare_cue(text: str, q: Quantity, left: str, sent: str, left_start: int) -> Decision | None:
    """label:value: the cue must end right before the number (a unit in brackets may sit between)."""
    if re.search(r"[万亿]", q.text):
        for rx, metric in lx.SCALED_NAMED_RIGHT:
            m = rx.match(text, q.end)
            if m:
                return Decision(metric, m.group(0), m.start(), m.end())
    d = _left_cue(left, None, sent, left_start)
    if d is None:
        return _bracket_unit_cue(text, q, left, sent, left_start)
    between = text[d.cue_end : q.num_start]
    if lx.BARE_BETWEEN.fullmatch(between):
        return d
    # a scaled number right after its cue and the noun it counts (外借图书52万, 新增读者1.2万)
    if re.search(r"[万亿]", q.text) and lx.BARE_NOUN_BETWEEN.fullmatch(between):
        return d
    # a stock's level reached, or what was added to it, with the scale written (持证读者增至5.6万,
    # 注册读者新增3.2万: the flow of the stock)
    if re.search(r"[万亿]", q.text) and d.metric in lx.STOCK_METRICS:
        if lx.LEVEL_REACHED_BETWEEN.fullmatch(between):
            return d
        if d.metric in FLOW_OF and lx.ADDED_BETWEEN.fullmatch(between):
            d.metric = FLOW_OF[d.metric]
            return d
    # the first of two levels with its scale written (到馆人次从2019年的30万降至…)
    if re.search(r"[万亿]", q.text) and lx.FROM_LEVEL.fullmatch(between) and lx.FROM_TO_RIGHT.match(text, q.end):
        return d
    m = re.fullmatch(r"\s*[(（](万?)(人次|册次|册|件|人|次|场次|场|个|张|元|千元|万元)[)）]\s*[:]?\s*", between)
    if m:
        # only when it is the single value on its line (not a row of columns)
        line_end = text.find("\n", q.end)
        rest = text[q.end : len(text) if line_end < 0 else line_end]
        if not re.search(r"\d", rest):
            d.unit_hint = (m.group(1) or "") + m.group(2)
            return d
    return _bracket_unit_cue(text, q, left, sent, left_start)


def _bracket_unit_cue(text: str, q: Quantity, left: str, sent: str, left_start: int) -> Decision | None:
    """A label whose unit is written in brackets before a single value on its line (外借图书(册次):68000,
    举办活动(场次):156): the cue read with that unit, as if it followed the number."""
    m = lx.BRACKET_UNIT_LABEL.search(left)
    if not m:
        return None
    line_end = text.find("\n", q.end)
    if re.search(r"\d", text[q.end : len(text) if line_end < 0 else line_end]):
        return None  # a row of columns, not one value
    unit = "元" if m.group("unit") in ("元", "千元", "万元") else m.group("unit")
    d = _left_cue(left[: m.start()], unit, sent, left_start)
    if d is None or not lx.BARE_NOUN_GAP.fullmatch(left[d.cue_end - left_start : m.start()]):
        return None
    d.unit_hint = (m.group("scale") or "") + m.group("unit")
    return d


def _cue(text: str, q: Quantity, unit, left: str, right: str, sent: str, left_start: int) -> Decision | None:
    """The cue of a number with a unit: the noun after a facility count, else the nearest cue on the left."""
    facility = unit in lx.FACILITY_UNITS
    d = None
    if facility:
        d = _right_cue(right, unit, q.end)
    elif unit in lx.MONEY and lx.MONEY_NAMED_RIGHT.match(right):
        d = _right_cue(right, unit, q.end)  # (200万元的文献购置经费: the amount's own name, right after it)
    if d is None:
        d = _left_cue(left, unit, sent, left_start)
    if d is not None and facility and d.cue_end <= q.num_start and d.metric.startswith("network"):
        # 分馆38家 / 服务点15处: the count must follow its noun closely (not 分馆覆盖全县12个乡镇)
        between = lx.REGION_WORD.sub("", text[d.cue_end : q.num_start])  # 分馆数量全省共5568个
        # (an aside in brackets, 微型图书馆(下称微图)4座; the work done, 服务点建设工作共完成3个)
        between = re.sub(r"^\s*\([^()]{0,10}\)|^\s*建设(?:工作)?(?=[\s共计已]*(?:完成|建成))", "", between)
        between = re.sub(r"(?:已\s*)?(?:在[^\d,;。]{0,8}?)?(?:完成|建成)了?\s*$", "", between)  # 已在全市建成26家
        between = lx.YEAR_BEFORE_COUNT.sub("", between)  # (图书流动站:1956年8处: the year of the count)
        if not re.fullmatch(r"[\s:共计达到有为约近超逾已数量总数个的”\"」』]*(?:不少于|不低于|至少)?", between):
            d = None
    if d is None and not facility:
        d = _right_cue(right, unit, q.end)
    if d is None and facility:
        m = lx.NAMED_AS_BRANCHES_RIGHT.match(right)  # (33个乡镇(街道)图书馆、城市书房为分馆的…体系)
        if m:
            d = Decision("network.branches", m.group(0), q.end + m.start(), q.end + m.end())
    if d is None and unit in lx.HELD_UNITS and lx.HOLDING_VERB_LEFT.search(left):
        # what a place has, counted by volume and named after the number (有近2000册图书): its holdings
        m = lx.HELD_MATERIAL_RIGHT.match(right)
        if m:
            d = Decision("collection.total", m.group(0), q.end + m.start(), q.end + m.end())
    if d is None and unit in lx.HELD_UNITS and lx.ACQUIRE_VERB_LEFT.search(left):
        # (购进了1200余册新书: what was bought, named after the number: the additions)
        m = lx.ACQUIRED_MATERIAL_RIGHT.match(right)
        if m:
            d = Decision("collection.added", m.group(0), q.end + m.start(), q.end + m.end())
    if (
        d is None
        and unit in ("场", "场次")
        and lx.EVENT_VERBS.search(left)
        and lx.ACTIVITY_CTX.search(sent)
        and not lx.DELTA.search(left)
    ):
        m = list(lx.EVENT_VERBS.finditer(left))[-1]
        d = Decision("activities.events", m.group(0), left_start + m.start(), left_start + m.end())
    return d


def classify_elliptic(
    text: str, q: Quantity, prev_clause: tuple[int, int], clause_start: int, clause_end: int, sentence: tuple[int, int]
) -> Decision | None:
    """A clause that only says when and how much (…下载量逐年增长,2022年高达5155万次; …人次同比下降
    64.72%,降到1247万人次): the cue is the last one of the clause before, checked against this
    number's unit; the vetting looks at this clause only."""
    left = text[clause_start : q.num_start]
    if not lx.ELLIPTIC_LEFT.fullmatch(left):
        return None
    pl = text[prev_clause[0] : prev_clause[1]]
    sent = text[sentence[0] : sentence[1]]
    d = _left_cue(pl, q.unit, sent, prev_clause[0])
    if d is None:
        return None
    # the cue's own clause must not turn it into a change or a rate (比上年增长 / 人均)
    after_cue = text[d.cue_end : prev_clause[1]]
    if lx.RATIO.search(pl):
        return None
    # (组织馆员业务培训3次,120人: the staff trained, not an audience)
    if d.metric.startswith("activities") and (lx.STAFF_CLAUSE.search(pl) or lx.STAFF_RECEIVED.search(pl)):
        return None
    # (每天接待读者5000余人次,全年累计超过180万人次: the rate's clause, then the year's total)
    year_after_rate = _is_rate(pl) and lx.FULL_YEAR_AFTER_RATE.match(left) is not None
    if _is_rate(pl) and not year_after_rate:
        return None
    # (接待读者比上年增加2万人次,达到30万人次: a change stated before the level is not the cue's own number)
    own = [o for o in find_quantities(after_cue) if o.unit == q.unit and not lx.DELTA.search(after_cue, 0, o.num_start)]
    if own and not year_after_rate:
        return None  # the cue already has its own number in this unit
    return vet(text, q, d, clause_start, clause_end, sentence, clause_start)


def _without_definitions(text: str, a: int, b: int) -> str:
    """`text` with the definitions in brackets between a and b blanked, same length
    (总流通人次(指…参加各类活动等)78970万人次: a definition holds no cue or blocker of its own)."""
    if not lx.DEFINITION_ASIDE.search(text, a, b):
        return text
    return text[:a] + lx.DEFINITION_ASIDE.sub(lambda m: " " * len(m.group(0)), text[a:b]) + text[b:]


def _headline_part(text: str, cs: int, pos: int) -> str:
    """The clause before `pos`, cut after the last space between two parts of a headline (a short
    line: 日均万人进馆 某馆接待读者超200万人次 -> 某馆接待读者超)."""
    left = text[cs:pos]
    ls, le = text.rfind("\n", 0, pos) + 1, text.find("\n", pos)
    if len(text[ls : le if le >= 0 else len(text)].strip()) > lx.HEADLINE_MAX:
        return left
    gaps = list(lx.HEADLINE_PART_GAP.finditer(left))
    return left[gaps[-1].end() :] if gaps else left


def _is_rate(left: str) -> bool:
    """A standing norm or rate (每月…, 不少于…); a plain 每年 states a typical year and stays."""
    targets = [(m.start(), m.end()) for m in lx.TARGET_MIN.finditer(left)]
    return any(
        m.group(0) != "每年" and not any(a <= m.start() < b for a, b in targets) for m in lx.RATE_WORDS.finditer(left)
    ) or bool(re.search(r"每年[^,;。]{0,12}(?:不少于|不低于|至少|均)", left))


def _cumulative_run(text: str, ss: int, pos: int) -> bool:
    """A flow in the paragraph of a cumulative-since-opening statement, with no year or period
    of its own in between (新馆建成累计接待读者40万人次。…线上服务约85万人次。): the same sum."""
    line_start = text.rfind("\n", 0, ss) + 1
    ms = list(lx.CUMULATIVE_SINCE.finditer(text, max(line_start, ss - 400), ss))
    return bool(ms) and not lx.OWN_PERIOD.search(text, ms[-1].end(), pos)


@functools.lru_cache(maxsize=4)
def _first_anniversary(text: str) -> bool:
    """The first lines mark a new library's first anniversary (启用一周年)."""
    from .segment import is_junk, lines

    heads = [ln.text for ln in lines(text) if ln.text.strip() and not is_junk(ln.text)][: lx.FIRST_ANNIVERSARY_LINES]
    return any(lx.FIRST_ANNIVERSARY.search(t) for t in heads)


@functools.lru_cache(maxsize=4)
def _reading_day_item(text: str) -> bool:
    """The first lines are about World Book Day (a 4.23 news item or its title)."""
    from .segment import is_junk, lines

    heads = [ln.text for ln in lines(text) if ln.text.strip() and not is_junk(ln.text)][: lx.FIRST_ANNIVERSARY_LINES]
    return any(lx.READING_DAY_ITEM.search(t) for t in heads)


def _look_back_year(text: str, ss: int, pos: int) -> bool:
    """A flow of the twelve months looked back on (一年来,…接待读者…) in a World Book Day item,
    with no year or period of its own after it: April to April, no calendar year."""
    ms = list(lx.LOOK_BACK_YEAR.finditer(text, ss, pos))
    return bool(ms) and not lx.OWN_PERIOD.search(text, ms[-1].end(), pos) and _reading_day_item(text)


def _since_opening_year(text: str, ss: int, pos: int, metric: str) -> bool:
    """A flow (or new cards) summed (累计) in a first-anniversary text with no calendar period
    of its own: the sum since opening (截至<day> ends that window, it names no year of the
    figure). Without 累计 such a figure is read as the part of the year it falls in."""
    if metric.split(".")[0] not in lx.FLOW_FAMILIES and metric != "users.new_registrations":
        return False
    left = lx.AS_OF_DAY.sub("", text[ss:pos])
    return lx.SUMMED.search(left) is not None and _first_anniversary(text) and not lx.OWN_PERIOD.search(left)


def _opened_long_ago(text: str, ss: int, pos: int, metric: str) -> bool:
    """A flow (or new cards) since an opening dated by its month (去年5月开馆以来, in a May item)
    more than eleven months before the page was written: a sum across two calendar years."""
    if metric.split(".")[0] not in lx.FLOW_FAMILIES and metric != "users.new_registrations":
        return False
    ms = list(lx.OPENED_IN_MONTH.finditer(text, ss, pos))
    if not ms or lx.OWN_PERIOD.search(text, ms[-1].end(), pos):
        return False
    from .attribute import page_date

    ref = page_date(text) or ((_report_year(text), 12) if _report_year(text) else None)
    if ref is None:
        return False
    y = ms[-1].group("y")
    rel = {"去年": -1, "上年": -1, "前年": -2, "今年": 0, "本年": 0}
    open_y = ref[0] + rel[y] if y in rel else int(y[:4])
    return (ref[0] - open_y) * 12 + ref[1] - int(ms[-1].group("m")) > lx.OPENED_MONTHS_MAX


def _since_opening_to_date(text: str, ss: int, pos: int, metric: str) -> bool:
    """A flow (or new cards) of a sentence opened by 目前/截至目前 after its paragraph named the
    library's opening (自<date>开馆以来, 开馆仅N天), or on the opening's N-th day past eleven months
    (开馆第335天): the total since opening, not a year's (`lexicon.OPENING_STATED`)."""
    if metric.split(".")[0] not in lx.FLOW_FAMILIES and metric != "users.new_registrations":
        return False
    left = text[ss:pos]
    days = [int(m.group(1)) for m in lx.OPENING_DAY_N.finditer(left)]
    if days and max(days) > lx.OPENING_DAYS_PAST_YEAR:
        return True
    if lx.OWN_PERIOD.search(left):
        return False
    if not lx.SINCE_OPENING_TO_DATE.match(left):
        return False
    return lx.OPENING_STATED.search(text, text.rfind("\n", 0, ss) + 1, ss) is not None


def _village_rooms(text: str, q: Quantity, d: Decision, cs: int, right: str, sentence: tuple[int, int]) -> bool:
    """The number counts village / grassland reading rooms, or books bought for them: the rooms'
    name right after the number, or between the last number before the cue and the cue's end
    (农家(社区)书屋、分馆280家; not 13个草原书屋、27个图书流动站), and the library does not
    take them into its own lending (纳入…通借通还)."""
    if lx.VILLAGE_ROOMS_JOINED.search(text, sentence[0], sentence[1]):
        return False
    if lx.VILLAGE_ROOMS_RIGHT.match(right):
        return True
    if d.cue_start >= q.end:
        return False  # the noun after the number names what it counts (13个草原书屋、27个图书流动站: 27 stations)
    end = max(d.cue_end, q.num_start) if d.cue_start < q.num_start else q.num_start
    start = max(cs, min(d.cue_start, q.num_start) - lx.VILLAGE_ROOMS_REACH)
    seg = re.split(r"\d", text[start:end])[-1]
    return lx.VILLAGE_ROOMS.search(seg) is not None


def _village_subject(text: str, ss: int, se: int, pos: int) -> bool:
    """Village / grassland reading rooms open the number's sentence as its subject (全县186家农家书屋
    全年流通图书5.6万册次): their figures, not the library's; not when the library is named after
    them or takes them into its own lending (纳入…通借通还)."""
    m = lx.VILLAGE_ROOMS.search(text, ss, pos)
    if not m or not lx.VILLAGE_LEAD.fullmatch(text, ss, m.start()) or lx.VILLAGE_ROOMS_JOINED.search(text, ss, se):
        return False
    return not lx.OWN_SUBJECT_WORDS.search(text, m.end(), pos)


def _cross_year_window(text: str, ss: int, pos: int) -> bool:
    """The sentence before the number states a window from one year into another, and no
    year or period of the figure's own follows it."""
    ms = list(lx.CROSS_YEAR_WINDOW.finditer(text, ss, pos))
    if not ms:
        return False
    a, b = (lx.SAME_YEAR_WORD.get(g, g) for g in ms[-1].groups())
    return a != b and not lx.OWN_PERIOD.search(text, ms[-1].end(), pos)


@functools.lru_cache(maxsize=4)
def _report_year(text: str) -> int | None:
    from .attribute import report_year

    return report_year(text)


@functools.lru_cache(maxsize=64)
def _programme_announced(text: str, value: float) -> bool:
    """The document announces a programme of `value` items (项) somewhere, to come or offered
    (将开展40项…, 推出的40项…): each restatement of that count (40项活动涵盖…, a headline's
    40项活动等你来) is the same programme, not the activities a year held."""
    for q in find_quantities(text):
        if q.unit in lx.PROGRAMME_UNITS and q.value == value:
            cs = max(text.rfind(c, 0, q.num_start) for c in ",，;；。\n") + 1
            left = text[cs : q.num_start]
            if lx.PROGRAMME_ANNOUNCED_LEFT.search(left) or lx.PROGRAMME_FUTURE_LEFT.search(left):
                return True
    return False


def _since_earlier_year(text: str, ss: int, pos: int) -> bool:
    """The sentence sums a flow since a year other than the report's (新馆自2019年启用以来共接待…
    in a 2022 report), with no year or period of the figure's own after that span: a sum of years.
    (Since the report's own year, 自2022年5月开馆以来, it is the part of that year.)"""
    ms = list(lx.SINCE_YEAR.finditer(text, ss, pos))
    if not ms or lx.OWN_PERIOD.search(text, ms[-1].end(), pos) or la.YEARLY_RATE.search(text, ms[-1].end(), pos):
        return False  # (…以来,年均接待读者…: a yearly rate over the span, not its sum)
    return int(ms[-1].group(1)) != _report_year(text)


def _issued_since(text: str, d: Decision, ss: int, pos: int) -> bool:
    """Cards issued (the cue's verb issues them) since a system was introduced, with no
    year or period of the figure's own after that span: a sum of years."""
    if not lx.ISSUING_CUE.search(text[d.cue_start : d.cue_end]):
        return False
    ms = list(lx.SINCE_UNDERTAKING.finditer(text, ss, pos))
    return bool(ms) and not lx.OWN_PERIOD.search(text, ms[-1].end(), pos)


def _multi_year(before: str) -> bool:
    """A multi-year span before the number, not followed by a single year of its own
    (近十年来…,2022年总馆藏达1.177亿册 states 2022)."""
    ms = list(lx.MULTI_YEAR.finditer(before))
    if not ms:
        return False
    after = before[ms[-1].end() :]
    return not lx.YEAR_RE.search(after)


multi_year = _multi_year  # (prose: a flow of facilities added over a multi-year span)
since_earlier_year = _since_earlier_year  # (prose: facilities added since an earlier year: 2008年以来,先后建成…)


def classify(
    text: str,
    q: Quantity,
    left_start: int,
    clause_end: int,
    sentence: tuple[int, int],
    bare: bool = False,
    clause_start: int | None = None,
) -> Decision | None:
    """Decide the metric of quantity `q`; `left_start` is where its left context starts."""
    text = _without_definitions(text, left_start, q.num_start)
    left = text[left_start : q.num_start]
    right = text[q.end : clause_end]
    sent = text[sentence[0] : sentence[1]]
    unit = _unit_key(q)
    if unit is not None and unit not in _cue_units():
        return None

    if bare:
        d = _bare_cue(text, q, left, sent, left_start)
    else:
        d = _cue(text, q, unit, left, right, sent, left_start)
    if d is None:
        return None

    # what lies between the cue and the number (left cues only)
    if d.cue_end <= q.num_start:
        between = text[d.cue_end : q.num_start]
        if lx.DELTA.search(between):
            return None
        # 对开架借阅的8.4万册图书…: the cue modifies the noun the number counts
        if between.strip() == "的" and d.metric.startswith("circulation"):
            return None
        # 比去年多接待读者2万人次: the comparison sits right before the cue
        if d.cue_start >= left_start and lx.DELTA_BEFORE_CUE.search(text[left_start : d.cue_start]):
            return None
        # 比2024年收支预算总数增加10万元: the comparison before the cue, the change verb after it
        if (
            d.cue_start >= left_start
            and lx.CHANGE_AFTER_CUE.fullmatch(between)
            and lx.COMPARED_BEFORE_CUE.search(text[left_start : d.cue_start])
        ):
            return None
        if d.metric.startswith("spending") and lx.MONEY_CHANGE_AFTER_CUE.fullmatch(between):
            return None
    if d.metric == "collection.total" and lx.EBOOKS.search(left):
        return None
    return vet(text, q, d, left_start, clause_end, sentence, clause_start)


def _time_of_day(before: str) -> bool:
    """A moment of the day the sentence narrates (晚上9点,…), not the end of a counting window
    (截至5月3日下午3点,共接待…: the sum up to that moment)."""
    return any(not lx.TIME_OF_DAY_CUTOFF_BEFORE.search(before, 0, m.start()) for m in lx.TIME_OF_DAY.finditer(before))


def _fractional_count(q: Quantity) -> bool:
    """An unscaled fractional number with a count unit (8.73册次, 2.5人次): an average, never a total."""
    return q.unit in lx.FRACTIONAL_COUNT_UNITS and q.scale_unit == q.unit and q.value != int(q.value)


def vet(
    text: str,
    q: Quantity,
    d: Decision,
    left_start: int,
    clause_end: int,
    sentence: tuple[int, int],
    clause_start: int | None = None,
    ranked: bool = False,
) -> Decision | None:
    """The checks every metric decision must pass, whatever found its cue: blockers,
    rates, one reader's record, multi-year spans, thresholds, other institutions,
    per-family blockers, staff training, single narrated events. `ranked`: the number is a
    region's in a ranking of regions (prose._ranked_place), so the ranking words do not
    make it one reader's record."""
    text = _without_definitions(text, min(left_start, sentence[0]), q.num_start)
    left = text[left_start : q.num_start]
    right = text[q.end : clause_end]
    if lx.BLOCKERS.search(left):
        # a blocker counts only when it is not part of the cue itself
        for m in lx.BLOCKERS.finditer(left):
            a, b = left_start + m.start(), left_start + m.end()
            if d.cue_start <= a and b <= d.cue_end:
                continue
            # (送书下乡活动20次: the blocker names the kind of event the count is of)
            if d.metric == "activities.events" and b <= d.cue_start:
                continue
            # (通过接受捐赠、交换、购买的方式收藏…: the donation is one way the books were acquired)
            means = lx.ACQUIRED_BY_MEANS.search(text, 0, d.cue_start) if d.metric == "collection.added" else None
            if means and means.start() < a and b <= d.cue_start:
                continue
            # (共征集到捐赠文献资料412册: what the library's drive collected)
            if (
                d.metric == "collection.added"
                and d.cue_end <= a
                and lx.SOLICITED_BEFORE_BLOCKER.search(text, d.cue_start, a)
            ):
                continue
            # (可供公众阅读的图书——即馆藏图书10万余册: the cue after 即 says again what was meant)
            if b <= d.cue_start and lx.NAMELY.search(text, b, d.cue_start):
                continue
            # (“送书上门”外借文献达35759册次: a named lending service, its loans a part of the library's)
            if b <= d.cue_start and any(
                s.start() <= m.start() and m.end() <= s.end() for s in lx.SERVICE_NAME.finditer(left)
            ):
                continue
            return None
    cs = left_start if clause_start is None else clause_start
    if _is_rate(_headline_part(text, cs, q.num_start)) and not lx.RATIO.search(left):
        return None
    if (
        _fractional_count(q)
        and not lx.RATIO.search(left)
        and not lx.FRACTIONAL_TOTAL_LEFT.search(text[cs : q.num_start])
    ):
        return None
    if (
        not ranked
        and (
            lx.INDIVIDUAL.search(text[sentence[0] : q.num_start])
            or lx.RANKING.search(text[cs : q.num_start])
            or lx.TOP_N.search(text[sentence[0] : q.num_start])
            or lx.RANK_FIRST_RIGHT.match(text, q.end, sentence[1])
        )
        or lx.LIST_ITEMS_RIGHT.match(right)
        or lx.PER_UNIT_RIGHT.match(right)
        or lx.PEAK_DAY.search(text[sentence[0] : q.num_start])
        or lx.NON_PUBLIC_ROOMS.search(text[sentence[0] : q.num_start])
    ):
        return None
    if (
        d.metric == "activities.events"
        and q.unit in lx.PROGRAMME_UNITS
        and (
            lx.PROGRAMME_ANNOUNCED_LEFT.search(text[cs : q.num_start])
            or lx.PROGRAMME_WELCOME_RIGHT.match(right)
            or _programme_announced(text, q.value)
        )
    ):
        return None
    if lx.EACH_OF.search(text[cs : q.num_start]):
        return None  # (12个分馆均藏书5000册以上: what each has)
    # (a stock stands at one moment whatever span the sentence opened with: 建馆60年来,…现有藏书500万册)
    if _multi_year(text[sentence[0] : q.num_start]) and d.metric not in lx.STOCK_METRICS:
        return None
    # flows counted since a facility opened (新馆建成累计接待…, 已建成26家,…累计接待…)
    if d.metric.split(".")[0] in lx.FLOW_FAMILIES and (
        lx.CUMULATIVE_SINCE.search(text[sentence[0] : q.num_start]) or _cumulative_run(text, sentence[0], q.num_start)
    ):
        return None
    if _since_opening_year(text, sentence[0], q.num_start, d.metric):
        return None
    if _since_opening_to_date(text, sentence[0], q.num_start, d.metric):
        return None
    if _opened_long_ago(text, sentence[0], q.num_start, d.metric):
        return None
    if (d.metric.split(".")[0] in lx.FLOW_FAMILIES or d.metric == "users.new_registrations") and _look_back_year(
        text, sentence[0], q.num_start
    ):
        return None
    if (
        d.metric.split(".")[0] in lx.FLOW_FAMILIES + ("spending",)
        or d.metric in ("users.new_registrations", "collection.added")
    ) and _since_earlier_year(text, sentence[0], q.num_start):
        return None
    # (至2002年累积增加馆藏量496846册: the additions of several years summed, not the holdings)
    if d.metric == "collection.total" and lx.ADDED_SUM_BEFORE.search(
        text[max(cs, min(d.cue_start, q.num_start) - 8) : q.num_start]
    ):
        return None
    # a threshold inside a noun phrase (新增藏量超10万册的图书馆达22家): not a figure
    # (…、193.99万份电子文献: the noun after the number names e-books, listed beside the holdings)
    if d.metric == "collection.total" and lx.EBOOKS_RIGHT.match(right):
        return None
    if d.metric == "collection.total" and lx.DESIGN_SPEC_RIGHT.match(text, q.end, sentence[1]):
        return None  # (藏书500万册、座位3000个、…日均接待读者能力6000人次: what the building is designed for)
    # (…人次的市民在这里读书: a cue on the right says what the number counts)
    if (
        lx.THRESHOLD_RIGHT.match(right)
        and d.cue_start < q.end
        and not (
            # (纸质馆藏近5万册的市少儿图书馆更是迎来…: one library's holdings told in passing, no bound, no
            # count of the libraries after)
            d.metric == "collection.total"
            and not lx.THRESHOLD_BOUND_LEFT.search(text, cs, q.num_start)
            and not re.search(r"\d|^\s*(?:以上|以下)", right)
        )
    ):
        return None
    # readers grouped by books borrowed (借书超过200册的有10人): the threshold and the persons
    if (
        lx.BRACKET_THRESHOLD_RIGHT.match(right)
        or lx.BRACKET_COUNT_LEFT.search(text[cs : q.num_start])
        or lx.GROUP_BOUND_RIGHT.match(right)
        or lx.THRESHOLD_BOOKS_RIGHT.match(right)
        or lx.PLACE_CLASS_RIGHT.match(right)
    ):
        return None
    # flows of a window across two calendar years (2017年4月18日至2018年4月18日,…接待读者…)
    if (d.metric.split(".")[0] in lx.FLOW_FAMILIES or d.metric == "users.new_registrations") and _cross_year_window(
        text, sentence[0], q.num_start
    ):
        return None
    # a time slot of the day (半夜12时至第二天5时期间入馆的读者…)
    if d.metric.split(".")[0] in lx.FLOW_FAMILIES and (
        lx.TIME_SLOT.search(text[cs : q.num_start]) or _time_of_day(text[sentence[0] : q.num_start])
    ):
        return None
    # cards issued since a system was introduced (实行总分馆制以来,…发放借书证44000个)
    if d.metric.startswith("users.") and _issued_since(text, d, sentence[0], q.num_start):
        return None
    # village / grassland reading rooms (为110家农家书屋采购图书5.32万册) are not the library's
    if d.metric in lx.VILLAGE_ROOM_METRICS and _village_rooms(text, q, d, cs, right, sentence):
        return None
    if _village_subject(text, sentence[0], sentence[1], q.num_start):
        return None
    # a budget's base and its increase (在90万元的…经费基础上新增150万元)
    if d.metric.startswith("spending") and (
        lx.BUDGET_BASE_RIGHT.match(right) or lx.INCREASE_ON_BASE.search(text[cs : q.num_start])
    ):
        return None
    # a decade (50年代藏书仅为9万余册) names no year the figure could belong to; a decade's items
    # (收藏17世纪至1950年代的西文古籍约2万件) say what is counted, not when
    if any(not lx.DECADE_ITEMS_AFTER.match(text, m.end()) for m in lx.DECADE.finditer(text, cs, q.num_start)):
        return None
    # (partners listed with 等 before what they built with the library are not its subject)
    oi = [
        m
        for m in lx.OTHER_INSTITUTION.finditer(text[sentence[0] : q.num_start])
        if not lx.PARTNER_LIST_END.match(text, sentence[0] + m.end())
        and not lx.LIBRARY_AT_PLACE.search(text[sentence[0] : sentence[0] + m.start()])
    ]
    # (图书馆也成为不少游客的打卡地,…到馆读者80余万人次: the library is the subject of the clause that
    # names the other institution or its visitors, they are its object)
    oi_clause = lx.CLAUSE_MARKS.split(text[sentence[0] : sentence[0] + oi[-1].start()])[-1] if oi else ""
    if (
        oi
        and not lx.LIBRARY_SUBJECT.search(text[sentence[0] + oi[-1].end() : q.num_start])
        and not lx.LIBRARY_SUBJECT.search(text[sentence[0] : sentence[0] + oi[-1].start()][-6:])
        and not lx.LIBRARY_SUBJECT.search(oi_clause)
    ):
        return None
    fb = lx.FAMILY_BLOCKERS.get(d.metric.split(".")[0])
    if fb:
        win = text[max(cs, min(d.cue_start, q.num_start) - 8) : q.num_start]
        win = re.sub(r"“[^”]*”|\"[^\"]*\"|《[^》]*》", "", win)
        if fb.search(win):
            return None
    fbr = lx.FAMILY_BLOCKERS_RIGHT.get(d.metric.split(".")[0])
    if fbr and fbr.search(right):
        return None
    # (借阅图书40万余册次,其中借书22.5万册次,还回17.5万册次: loans and returns added together)
    if d.metric == "circulation.loans" and lx.LOANS_WITH_RETURNS_AFTER.match(text, q.end, sentence[1]):
        return None
    # rates / ratios
    rm = lx.RATIO.search(left)
    if rm:
        sc = rm.group(1)
        d.ratio_scale = float(lx.RATIO_SCALE.get(sc, 1)) if sc else 1.0
    # staff receiving training is not a reader activity
    if d.metric.startswith("activities") and (
        lx.STAFF_RECEIVED.search(text[sentence[0] : q.end])
        or (lx.STAFF_CLAUSE.search(text[cs:clause_end]) and not lx.STAFF_DELIVERED.search(text[cs:clause_end]))
    ):
        return None
    # the attendance of one narrated event (举行了“…”活动,参与人次达5000) is not a reported total
    if d.metric == "activities.attendance":
        before = text[sentence[0] : q.num_start]
        # (活动现场吸引了130余名读者: the audience at one event's scene)
        if lx.EVENT_SCENE.search(text[cs : q.num_start]) and not lx.WHOLE_WORDS.search(before):
            return None
        if (
            lx.SINGLE_EVENT.search(before)
            and not lx.WHOLE_WORDS.search(before)
            and not re.search(r"共|累计|全年|系列|\d\s*(?:场|次|期|项)", before)
        ):
            return None
    # a single event narrated (举行故事会一场) is not a statistic
    if d.metric == "activities.events" and q.value == 1 and q.qualifier == "exact":
        return None
    return d
