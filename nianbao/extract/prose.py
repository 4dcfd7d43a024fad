"""Figures stated in running text (and in label:value lines).

For every number with a unit (or a bare number right after a label such as
进馆人次:47000) outside tables and web-page junk, `classify` decides the
metric; `attribute` gives year, scope, segment, period and library. Two
follow-up rules need the neighbouring clause: an elliptic clause that only
names a part (…办理新证2988张,分馆5096张) inherits the metric of the clause
before it, and a clause opened by 以及/和/及 inherits the flow verb (新增…3家分馆,
以及…2处服务点).

Real web copies add more (`_inherited`, `_by_unit`): numbers glued to the one
before (1576人次3898册次), the next number of a list (分别为1134万、1127万册),
这一数据为…, elliptic clauses that only say when and how much (…下载量逐年增长,
2022年高达5155万次), parts after 其中 or after an opening 在…中 (never adding up to
more than their whole; a semicolon ends the list), event counts whose verb sits
in the clause before, and units that name their measure when no cue does
(册次 in a lending sentence). Download counts give way to visit counts; budget
parts (基本支出) need a stated total; facility breakdowns in brackets and mixed
library/point totals are no network figures. Unseen real text adds: a numbered list of parts
on the line after 其中:, two levels (从32座增至42座), year-to-date and forecast clauses,
another month's value (已超过6月份的…), a headline's round figure with no unit (破千万),
study rooms the report names as branches, one statement about two places (one figure each),
and a budget disclosure's money as a plan. Pinyin fragments and doubled
punctuation are read through on a compacted copy (`normalize.compact`), with
every span mapped back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..schema import Figure
from . import attribute as at
from . import lexicon as lx
from .classify import FLOW_OF, Decision, classify, classify_elliptic, left_cue, multi_year, since_earlier_year, vet
from .groups import as_ratio
from .normalize import Compacted, compact
from .numbers import Quantity, find_quantities
from .segment import Sections, clause_bounds, previous_clause, sentence_bounds

PART_WORDS = re.compile(
    r"^[\s其中另、(（]*(?:包括|包含)?[\s:：]*(?:直属分馆|分馆|总馆|本馆|少儿|少年儿童|未成年人|成人|期刊|报刊|图书|线上|线下|网上|馆外|服务点|流动服务点|"
    r"城区|农村|乡镇|男性?|女性?|老年|残疾|"
    # a site or area named before its own figure (东津总馆…人次, 城区分馆…人次, 城市书房…人次, 成人区…人次)
    r"(?:\d{1,2}小时)?[^\d\s,，;；。、()（）:：]{1,4}?(?:总馆|分馆|书房)|(?:成人|少儿|儿童|亲子)(?:阅览)?区)"
    r"(?:读者|用户|人员|图书|文献|借阅|外借|活动)?[\s:为达共计约近超逾]*$"
)
# …of them only the sites and areas of a library, for parts opening the sentence after their whole
# (a material named there, 期刊3万册 after 馆藏图书50万册, is listed beside the whole, not in it)
SITE_PART_WORDS = re.compile(
    r"^[\s其中另、]*(?:直属分馆|分馆|总馆|本馆|少儿|少年儿童|未成年人|成人|馆外|服务点|流动服务点|"
    r"(?:\d{1,2}小时)?[^\d\s,，;；。、()（）:：]{1,4}?(?:总馆|分馆|书房)|(?:成人|少儿|儿童|亲子)(?:阅览)?区)"
    r"(?:读者|用户)?[\s:为达共计约近超逾]*$"
)
REGION = re.compile(
    r"(?:全省|全市|全区|全县|全州|全盟|全旗|全国)[^,;。]{0,6}(?:公共图书馆|各级图书馆|图书馆系统|各图书馆|各馆)"
)
# 2020年接待读者30万人次,2019年为25万人次: the same measure for another year
OTHER_YEAR = re.compile(
    r"\s*(?:较|比|与|而)?\s*(?:(?:19|20)\d\d\s*年(?:度)?|(?<![\d.])[0-3]\d\s*年|去年|上年|上一年|前年)(?:同期)?\s*(?:的|为|是|达|有|共|仅)?\s*(?:约|近|超|逾)?\s*"
)
CONNECTOR = re.compile(r"^\s*(?:以及|及|和|并|另|还|同时)")


@dataclass
class ShareCandidate:
    q: Quantity
    share: float
    label: str
    sent: tuple[int, int]
    clause: tuple[int, int]


def _carried_period(mt: str, ss: int) -> str | None:
    """The period set at the start of an earlier sentence of the same line (截止目前,…。…。)."""
    ls = mt.rfind("\n", 0, ss) + 1
    if ls >= ss:
        return None
    para = mt[max(ls, ss - 600) : ss]
    sents = re.split(r"(?<=。)", para)
    for sent in sents:
        # (2023年1-11月,…。 / 截至11月底,…。: a year may open the window)
        m = re.match(
            r"\s*(?:(?:19|20)\d\d\s*年(?:度)?\s*)?"
            r"(截[止至](?:目前|当前|今日|现在|(?!12月)\d{1,2}月[底末]?)|上半年|今年以来|前三季度|1\s*[-至到~]\s*(?:[1-9]|1[01])月)\s*,",
            sent,
        )
        if m:
            return "partial"
    # parts listed after 其中 in a sentence of their own are parts of the window the sentence
    # before states its whole for (1-11月,…接待读者45万人次。其中,少儿读者15万人次)
    prev = next((x for x in reversed(sents) if x.strip()), "")
    if lx.PARTS_OPENING.match(mt, ss) and lx.PERIOD_PARTIAL.search(prev) and not lx.PERIOD_YEAR.search(prev):
        return "partial"
    return None


def _project_item(mt: str, pos: int) -> str | None:
    """project_<n> for money on the line of item (n) under a 项目支出 heading (…2、项目支出 /
    (1)免费开放项目支出…元,…其他资本性支出…元买图书): each project is its own part, so two
    projects (or the books bought in each) are never one figure stated twice."""
    ls = mt.rfind("\n", 0, pos) + 1
    item = lx.PROJECT_ITEM.match(mt, ls)
    if not item:
        return None
    head = mt.rfind("\n", 0, max(0, ls - 1))
    for _ in range(lx.PROJECT_HEADING_LOOKBACK):  # the lines above, up to the heading
        line = mt[head + 1 : mt.find("\n", head + 1)]
        if lx.PROJECT_HEADING.fullmatch(line.strip()):
            return f"project_{item.group(1)}"
        if head < 0:
            break
        head = mt.rfind("\n", 0, max(0, head))
    return None


def _segment(mt, q, metric, left_start, cs, ce, ss, se, prev) -> str:
    if metric.startswith("spending"):
        project = _project_item(mt, q.num_start)
        if project:
            return project
    if metric.startswith("collection") and lx.AV_NOUN_RIGHT.match(mt[q.end : q.end + 12]):
        return "audiovisual"  # (40000册及3500件影音资料: the noun right after the count names it)
    if metric.startswith(("collection", "circulation")):
        part = listed_part(mt, ss, cs, q.num_start)
        if part:
            return part
    ctx = mt[left_start:ce] if left_start != cs else mt[cs:ce]
    # (接待读者50万人次(含少儿读者12万人次): the parts in brackets after the number are not its own)
    # (其中讲座18场、展览12场: the items of a list after the number are not its own either)
    # (…总馆15723人次(成人区10132人次,…: a bracket the clause ends inside is not its own either)
    own_right = lx.LIST_MARK.split(lx.OPEN_BRACKET_TAIL.sub("", lx.BRACKETED.sub("", mt[q.end : ce])))[0]
    ctx = ctx[: q.end - (left_start if left_start != cs else cs)] + own_right
    seg = at.segment(ctx, metric, mt[ss:se])
    if seg == "all":
        cohort = _birth_cohort(mt[max(ss, q.num_start - lx.BIRTH_COHORT_WINDOW) : q.num_start])
        if cohort:
            return cohort
        if metric.startswith("circulation"):
            service = _service_part(mt[ss : q.num_start])
            if service:
                return service
        inherited = _subject_part(mt, q, metric, cs, prev)
        if inherited:
            return inherited
        # (…浏览量134万次,其中《A》浏览量79万次: a part listed after its whole)
        listed = _listed_after_whole(mt, q, metric, ss, prev) if metric in lx.LISTED_PART_METRICS else None
        if listed:
            return listed
        # (其中新购图书N册,占总量5%: a 其中 item's share is of the whole before, often another metric)
        if (
            not metric.startswith("activities")
            and "其中" not in mt[cs : q.num_start]
            and _states_share_of_total(mt, q.num_start)
        ):
            return "share_of_total"
    if seg != "all" or not metric.startswith("activities"):
        return seg
    # 各类活动 / 所有活动: the whole, whatever the clauses before it counted
    if lx.WHOLE_WORDS.search(mt[cs:ce]):
        return "all"
    # attendance right after an events count of the same sentence: the same activities
    if prev and metric == "activities.attendance" and prev[1].metric == "activities.events":
        # (…讲座36场,展览22场,培训班18期,共吸引2.1万人次参加: all of them)
        # (not after one count: 举办线上活动12068场次,共12092586人次参与 is that count's attendance)
        if lx.WHOLE_AFTER_LIST.search(mt[prev[1].char_end : q.num_start]) and _events_listed(mt, ss, prev[1]):
            return "all"
        # (举办各类读者活动132场,其中讲座18场、展览12场,参与读者2.6万人次: the whole's audience, after
        # the list of its parts and a clause of its own)
        k = mt.rfind("其中", ss, prev[1].char_start)
        if (
            k >= 0
            and lx.EVENTS_COUNT.search(mt, ss, k)
            and lx.LIST_MARK.search(mt, k, prev[1].char_start)
            and re.search(r"[,，;；]", mt[prev[1].char_end : q.num_start])
        ):
            return "all"
        return prev[1].segment
    # an elliptic clause (共开展8场) or one pointing back (相关主题活动): the sentence names the
    # subset, or for a pointer, the sentence before it in the same paragraph
    pointer = lx.ANAPHORA.search(ctx)
    if pointer or not lx.ACTIVITY_CTX.search(ctx):
        seg2 = at.segment(mt[ss : q.num_start], metric, mt[ss:se])
        if seg2 == "all" and pointer:
            ps = _previous_sentence(mt, ss)
            if ps:
                seg2 = at.segment(mt[ps[0] : ps[1]], metric, mt[ps[0] : ps[1]])
        if seg2 in ("minors", "online", "alliance", "self_organized"):
            return seg2
    # a count of named programmes (“A”、“B”…共举办活动20余场次) is a part, not the whole
    # (names before a semicolon belong to another statement of the sentence)
    named_from = max(ss, mt.rfind(";", ss, q.num_start) + 1, mt.rfind("；", ss, q.num_start) + 1)
    if lx.QUOTED_NAME.search(lx.THEME_SPAN.sub("", mt[named_from : q.num_start])) and not re.search(
        r"全年|全馆|共计|总", lx.QUOTED_NAME.sub("", mt[cs : q.num_start])
    ):
        return "named_programmes"
    return seg


def _parts_by_semicolons(mt: str, k_end: int, pos: int) -> bool:
    """Does the 其中 ending at `k_end` open a list whose items are set apart by semicolons, each
    only a label and its count (其中,中外文图书281万多册;古籍13万余册;报刊33万余册)?"""
    items = re.split(r"[;;]", mt[k_end:pos])[:-1]
    return bool(items) and all(lx.SEMICOLON_PART_ITEM.fullmatch(i) for i in items)


def _events_listed(mt: str, ss: int, last) -> bool:
    """Are there two or more event counts in the list ending with `last` (since the sentence start
    or the last semicolon)?"""
    lo = max(ss, mt.rfind(";", ss, last.char_start) + 1, mt.rfind("；", ss, last.char_start) + 1)
    return sum(q.unit in lx.EVENT_UNITS for q in find_quantities(mt[lo : last.char_end])) >= 2


def listed_part(mt: str, ss: int, cs: int, num_start: int) -> str | None:
    """The part a holdings or loans figure counts when it is listed after its whole: the label
    between the last list mark and the number is only a part word (…,其中古籍N册,图书N册;
    民文图书(…)1.5万种10万余册) or the clause names a subject class (文学类借阅量N册)."""
    left = mt[cs:num_start]
    m = lx.SUBJECT_CLASS.search(left)
    if m:
        return lx.SUBJECT_CLASS_CODES[m.group(1)]
    part = _share_of_total_part(mt, ss, num_start)
    if part:
        return part
    # a part in brackets right after its whole (馆藏总量35万册(含电子图书10万册))
    aside = lx.BRACKET_PART_LABEL.search(left)
    if aside:
        for code, rx in lx.LISTED_PARTS:
            if rx.fullmatch(aside.group(1).strip()):
                return code
    # a part follows its whole: an earlier number in the sentence (or a 其中 label)
    if (
        not lx.LISTED_PART_WHOLE_BEFORE.search(mt[ss:cs])
        and "其中" not in left
        and not lx.LISTED_PART_LEAD.match(left.strip(" ,，、"))
    ):
        return None
    lab = re.sub(r"[(（][^)）]{0,30}[)）]", "", left)
    lab = re.sub(r"(?:连续)?种数|[\d.,万千百]+\s*种", "", lab).strip(" 、:：")
    lab = lx.LISTED_PART_LEAD.sub("", lab).strip(" 、")
    pieces = lab.rsplit("、", 1)
    # the last list item only when the item before it had its own number (图书N册、报刊N份),
    # not a pair of words counted together (图书、报刊N册)
    last = pieces[-1].strip() if len(pieces) == 2 and re.search(r"\d", pieces[0]) else ""
    # (报纸类23种1.6万份: a material named as a class, 类, is that material)
    for cand in (lab, last, lab.removesuffix("类"), last.removesuffix("类")):
        for code, rx in lx.LISTED_PARTS:
            if cand and rx.fullmatch(cand):
                return code
    return None


def _states_share_of_total(mt: str, num_start: int) -> bool:
    """Is the number (with its unit) followed by its share of a total (…N册,占总借阅册数的40%)?"""
    rest = mt[num_start : num_start + 60]
    unit_end = re.match(r"[\d.,万亿千百余多]*\s*[^\d,;。，；]{0,3}", rest)
    return bool(lx.SHARE_OF_TOTAL_AFTER.match(rest[unit_end.end() if unit_end else 0 :]))


def _share_of_total_part(mt: str, ss: int, num_start: int) -> str | None:
    """The subject class named earlier in the sentence of a figure stated as a share of a
    total (以文学类最受欢迎,总借阅量达N册,占总借阅册数的40%: the literature class's loans)."""
    if not _states_share_of_total(mt, num_start):
        return None
    ms = list(lx.SUBJECT_CLASS.finditer(mt[ss:num_start]))
    return lx.SUBJECT_CLASS_CODES[ms[-1].group(1)] if ms else None


def _subject_part(mt, q, metric, cs, prev) -> str | None:
    """The part named by the clause just before, for a clause with no subject of its own
    (成人馆藏书籍N册,流通量有M册次: M is the adults' loans too): the previous figure of the
    sentence, of another metric, sits in the previous clause and has a part segment."""
    if not prev or metric.startswith("activities") or prev[1].metric == metric or prev[1].segment == "all":
        return None
    pc = previous_clause(mt, cs)
    if not pc or not (pc[0] <= prev[1].char_start < pc[1]):
        return None
    if not lx.ELLIPTIC_CLAUSE.match(mt[cs : q.num_start]):
        return None
    # (…50万人次(含少儿读者12万人次),外借图书… / 其中少儿读者8万人次,外借图书…: a part listed after its
    # whole names no subject for the clauses after it)
    if lx.PART_ASIDE_BEFORE.search(mt[max(0, prev[1].char_start - 12) : prev[1].char_start]):
        return None
    return prev[1].segment


def _birth_cohort(left: str) -> str | None:
    """The last birth cohort named before the number (“70后”读者…达N人次 -> born_1970s)."""
    ms = list(lx.BIRTH_COHORT.finditer(left))
    if not ms:
        return None
    d = ms[-1].group(1)
    return f"born_{'20' if d in ('00', '10') else '19'}{d}s"


def _service_part(left: str) -> str | None:
    """The named service (送书上门, 预约借书) a loans figure is counted for, if the
    sentence names one before the number with no whole word in between."""
    best = None
    for code, rx in lx.SERVICE_SEGMENTS:
        for m in rx.finditer(left):
            if best is None or m.end() > best[0]:
                best = (m.end(), code)
    if best and not lx.SERVICE_WHOLE.search(left[best[0] :]):
        return best[1]
    return None


def _previous_sentence(mt: str, ss: int) -> tuple[int, int] | None:
    """The sentence ending just before `ss` on the same line (paragraph), if any."""
    line_start = mt.rfind("\n", 0, ss) + 1
    if ss <= line_start:
        return None
    ps, _ = sentence_bounds(mt, ss - 1)
    return (ps, ss) if ps >= line_start else None


def _in_brackets(mt: str, ss: int, pos: int) -> bool:
    """Is `pos` inside a breakdown in brackets opened earlier in its sentence?
    (含23个城市书房 / 其中… in brackets state what a total includes and count)"""
    before = mt[ss:pos]
    if before.count("(") <= before.count(")"):
        return False
    return not re.match(r"\s*(?:含|包括|包含|其中)", before[before.rfind("(") + 1 :])


def _in_spans(pos: int, spans) -> bool:
    return any(a <= pos < b for a, b in spans)


# a stock date opening the sentence (截至2022年底, 截止目前): 建成 there is what stands, not what was added
# (a target date too: 到2025年底将建成…70家 is the stock aimed at)
STOCK_DATE = re.compile(
    r"(?:到|至)\s*\d{4}\s*年(?:底|末)|\d{4}\s*年(?:底|末)(?=[^。;]{0,20}?将)|截[止至]\s*(?:目前|当前|\d{4}\s*年(?:底|末|\d{1,2}月(?:底|末|\d{1,2}日)?)?|年底|年末|\d{1,2}月(?:底|末|\d{1,2}日)?)"
)
SYSTEM_LIST = re.compile(r"[\d一两二三四五六七八九十]+\s*[个家所座处]\s*总馆|全覆盖")


def se_of(mt: str, pos: int) -> int:
    return sentence_bounds(mt, pos)[1]


NEW_WORDS = re.compile(r"新增|新建|新设|新开|增设|新落成|新挂牌|再建")


def _is_flow(mt: str, q: Quantity, cs: int, ce: int) -> bool:
    left = mt[cs : q.num_start]
    right = mt[q.end : ce]
    ss, _ = sentence_bounds(mt, q.num_start)
    # (a stock date far back in an unpunctuated run of items — an infographic transcript — does
    # not reach this one)
    sd = list(STOCK_DATE.finditer(mt, ss, q.num_start))
    if (
        sd
        and not NEW_WORDS.search(mt[ss : q.num_start])
        and (q.num_start - sd[-1].end() <= 40 or re.search(r"[,;、]", mt[sd[-1].end() : q.num_start]))
    ):
        return False
    # 建成1个总馆、15个乡镇分馆、120个村级服务点(实现全覆盖): a description of the whole system
    # (the clauses before this one may set the scene: 在实现…全覆盖基础上,建成…分馆3个)
    if SYSTEM_LIST.search(mt[cs : se_of(mt, q.num_start)]) and not NEW_WORDS.search(mt[ss : q.num_start]):
        return False
    # (在福利院、残联、部队、学校、社区等单位设立了96个馆外服务点: outlets placed at a list of hosts, the
    # network as it stands)
    if lx.HOSTS_BEFORE_SETUP.search(left) and not NEW_WORDS.search(left):
        return False
    stock_spans = [(m.start(), m.end()) for m in lx.STOCK_WORDS.finditer(left)]
    flows = [m for m in lx.FLOW_WORDS.finditer(left) if not any(a <= m.start() < b for a, b in stock_spans)]
    if flows:
        # a stock word after the last flow word wins (新建…,现有…)
        last_flow = flows[-1].start()
        if not any(a > last_flow for a, _ in stock_spans):
            return True
    if lx.FLOW_RIGHT.search(right):
        return True
    bare_list = len(left.strip()) <= 8 and not re.search(r"共|有|设|建|增|计|现|已|达|完成", left)
    if CONNECTOR.match(left) or bare_list:
        prev = previous_clause(mt, cs)
        if prev:
            pl = mt[prev[0] : prev[1]]
            fl = [m for m in lx.FLOW_WORDS.finditer(pl)]
            st = list(lx.STOCK_WORDS.finditer(pl))
            if fl and not st:
                return True
    return False


class _MappedSections:
    """`Sections` looked up with offsets of a compacted text."""

    def __init__(self, sections, comp: Compacted):
        self._s, self._c = sections, comp
        self.report_year = getattr(sections, "report_year", None)

    def at(self, pos: int):
        return self._s.at(self._c.orig(pos))


def prose_figures(
    text: str, mt: str, library: str | None, report_year: int | None, sections: Sections, skip: list[tuple[int, int]]
) -> tuple[list[Figure], list[ShareCandidate]]:
    """Figures of the running text. Pinyin fragments and doubled punctuation
    (數(shù)字, ,,) are read through: the rules run on a compacted copy and every
    span is mapped back to `text`/`mt` offsets (evidence as written)."""
    comp = compact(mt)
    if comp is None:
        return _prose_figures(text, mt, library, report_year, sections, skip)
    ctext = comp.take(text)

    def evidence(a: int, b: int) -> str:
        return text[comp.orig(a) : comp.orig_end(b)].strip()

    cskip = [(comp.to_compact(a), comp.to_compact(b)) for a, b in skip]
    figs, shares = _prose_figures(
        ctext, comp.text, library, report_year, _MappedSections(sections, comp), cskip, evidence
    )
    for f in figs:
        f.char_start, f.char_end = comp.orig(f.char_start), comp.orig_end(f.char_end)

    def q_back(q: Quantity) -> Quantity:
        return replace(q, start=comp.orig(q.start), end=comp.orig_end(q.end), num_start=comp.orig(q.num_start))

    shares = [
        replace(
            sc,
            q=q_back(sc.q),
            sent=(comp.orig(sc.sent[0]), comp.orig_end(sc.sent[1])),
            clause=(comp.orig(sc.clause[0]), comp.orig_end(sc.clause[1])),
        )
        for sc in shares
    ]
    return figs, shares


def _prose_figures(
    text: str,
    mt: str,
    library: str | None,
    report_year: int | None,
    sections,
    skip: list[tuple[int, int]],
    evidence=None,
) -> tuple[list[Figure], list[ShareCandidate]]:
    if evidence is None:

        def evidence(a: int, b: int) -> str:
            return text[a:b].strip()

    figs: list[Figure] = []
    shares: list[ShareCandidate] = []
    quants = find_quantities(mt, bare=True)
    budget = _is_budget(mt)
    prev_end_in_clause: dict[int, int] = {}
    last_unit_by_sentence: dict[int, tuple[str | None, Figure]] = {}
    placed: list[_Placed] = []
    for q in quants:
        if _in_spans(q.num_start, skip):
            continue
        cs, ce = clause_bounds(mt, q.num_start)
        ss, se = sentence_bounds(mt, q.num_start)
        left_start = max(cs, prev_end_in_clause.get(cs, cs), q.num_start - 120)
        prev_end_in_clause[cs] = q.end
        bare = q.unit is None
        d = classify(mt, q, left_start, ce, (ss, se), bare=bare, clause_start=cs)
        if (
            d is None
            and bare
            and (
                lx.SCALE_ONLY.fullmatch(q.text)
                or lx.SCALED_ONLY.fullmatch(q.text)
                and lx.SCALED_PASSED.search(mt[left_start : q.num_start])
            )
            and lx.CLAUSE_TAIL.fullmatch(mt[q.end : ce])
        ):
            # a headline's round figure with no unit (外借图书破千万): the clause's cue, as for a unit;
            # people named right before it are its unit (…,直接普惠读者超百万)
            if lx.PEOPLE_BEFORE.search(mt[left_start : q.num_start]):
                q = replace(q, unit="人")
            d = classify(mt, q, left_start, ce, (ss, se), bare=False, clause_start=cs)
        site_part = None  # the label of a site named as a part (城市书房…人次): its scope
        if d is None and not bare:
            # elliptic part: 分馆5096张 after 办理新证2988张
            prev = last_unit_by_sentence.get(ss)
            cross = False  # the whole was stated in the sentence before
            if prev is None and cs == ss and placed:
                # (…共接待读者18000人次。总馆12000人次,分馆6000人次。: a sentence of parts opening
                # right after the one that states their whole, in the same paragraph)
                lp = placed[-1]
                if (
                    lp.sent_start < ss
                    and lp.line_start == mt.rfind("\n", 0, q.num_start) + 1
                    and not re.search(r"\d", mt[lp.fig.char_end : ss])
                    and mt[lp.fig.char_end : ss].count("。") <= 1
                    and lp.fig.kind == "figure"
                ):
                    prev, cross = (lp.unit, lp.fig), True
            # (also the next item of a list of parts: …,其中少儿图书5.2万册、期刊1.1万册)
            listed = left_start != cs and mt[left_start : q.num_start].lstrip().startswith("、")
            # (…总馆15723人次(成人区10132人次,…): a breakdown in brackets right after the whole
            bracketed = left_start != cs and mt[left_start : q.num_start].lstrip().startswith(("(", "（"))
            if (
                prev
                and prev[0] == q.unit
                and (left_start == cs or listed or bracketed)
                and (
                    (SITE_PART_WORDS if cross else PART_WORDS).match(mt[left_start : q.num_start])
                    or not cross
                    and (OTHER_YEAR.fullmatch(mt[cs : q.num_start]) or lx.OTHER_MONTH.fullmatch(mt[cs : q.num_start]))
                )
            ):
                pf = prev[1]
                d = Decision(pf.metric, mt[cs : q.num_start].strip(), cs, q.num_start)
                label = mt[left_start : q.num_start]
                site_part = label if SITE_PART_WORDS.match(label) and at.scope(label, pf.metric) != "library" else None
        ls = mt.rfind("\n", 0, q.num_start) + 1
        if (
            d is None
            and q.unit == "元"
            and _project_item(mt, q.num_start)
            and lx.PROJECT_SPENT.search(mt, ls, q.num_start)
            and not any(o.unit == "元" for o in find_quantities(mt[ls : q.num_start]))
        ):
            # (…2、项目支出 / (3)其他就业补助支出10140.00元: the first amount of a project item is
            # the project's spending, a part of the total, kept beside a stated total only)
            d = Decision("spending.total", "项目支出", ls, q.num_start)
        if d is None and not bare:
            # 新增268.6万册 right after a stock (总藏量达4456.2万册): the flow of that stock
            prev = last_unit_by_sentence.get(ss)
            if (
                prev
                and prev[0] == q.unit
                and left_start == cs
                and re.fullmatch(
                    r"\s*(?:\d{4}\s*年)?(?:全年|当年|本年|今年)?(?:共|累计)?(?:新增|新建|增加)(?:了)?[\s达为共计约近超逾]*",
                    mt[cs : q.num_start],
                )
            ):
                fm = {**FLOW_OF, **lx.ADDED}.get(prev[1].metric)
                if fm:
                    d = Decision(fm, mt[cs : q.num_start].strip(), cs, q.num_start)
        if d is None:
            d = _inherited(mt, q, bare, left_start, cs, ce, ss, se, placed)
        if d is None and not bare:
            d = _by_unit(mt, q, left_start, cs, ce, ss, se)
        ranked_place = None
        if d is None and not bare:
            d, ranked_place = _ranked_place(mt, q, cs, ce, ss, se)
        if d is None:
            if not bare and q.unit in lx.PERSONS:
                pc = previous_clause(mt, cs)
                if pc:
                    m = re.search(
                        r"(?:占(?:比)?[^,;。\d]{0,6}|^\s*(?:达|为|约)?)(\d+(?:\.\d+)?)%\s*$", mt[pc[0] : pc[1]]
                    )
                    if m and not re.search("占", mt[pc[0] : pc[1]]):
                        pc2 = previous_clause(mt, pc[0])
                        if not (pc2 and "占" in mt[pc2[0] : pc2[1]]):
                            m = None
                        else:
                            pc = (pc2[0], pc[1])
                    if m and re.fullmatch(r"[\s约近达为共计]*", mt[cs : q.num_start]):
                        shares.append(ShareCandidate(q, float(m.group(1)), mt[pc[0] : pc[1]], (ss, se), (cs, ce)))
            continue
        if d.unit_hint:
            mult = {"万": 10_000, "千": 1_000}.get(d.unit_hint[0], 1) if d.unit_hint not in ("千元", "万元") else 1
            if d.unit_hint in ("万元", "千元"):
                mult = 10_000 if d.unit_hint == "万元" else 1_000
            q = Quantity(
                q.start,
                q.end,
                q.num_start,
                round(q.value * mult, 6),
                None if q.value_high is None else round(q.value_high * mult, 6),
                q.qualifier,
                q.unit,
                d.unit_hint,
                q.text,
            )
        metric = d.metric
        if metric == "network.service_points" and d.cue.endswith("书房") and lx.ROOMS_AS_BRANCHES.search(mt):
            metric = "network.branches"  # the report names its study rooms as branches (X书房…分馆)
        if metric in lx.ADDED and metric not in lx.ADDED.values() and _is_flow(mt, q, cs, ce):
            metric = lx.ADDED[metric]
            if multi_year(mt[ss : q.num_start]) or since_earlier_year(mt, ss, q.num_start):
                continue  # (“十四五”期间累计新建分馆20个, 2008年以来先后建成分馆12个: added over several years)
        sec_year, flavour = sections.at(q.num_start)
        # a plan section for a later year (2024年工作计划) is written in the report year:
        # its 明年 is the section's year, not the year after it
        rel_base = report_year if (flavour == "plan" and report_year and sec_year and sec_year > report_year) else None
        year = at.figure_year(mt[ss : q.num_start], sec_year, rel_base)
        if OTHER_YEAR.fullmatch(mt[cs : q.num_start]) or lx.COMPARED_LEVEL.search(mt[cs : q.num_start]):
            # 较2019年的25万人次: the comparison year is this value's year
            # (去年同期为45万人次: last year's figure; 同期 only says it is of the same stretch of the year)
            year = at.figure_year(re.sub(r"^\s*(?:较|比|与|而)|(?<=年)同期", "", mt[cs : q.num_start]), sec_year)
        ctx = mt[cs:ce]
        f = Figure(
            metric=metric,
            value=q.value,
            qualifier=q.qualifier,
            # (城市书房7118人次、城区分馆3206人次: a site named as a part is its own scope)
            scope=at.scope(
                site_part if site_part else (mt[left_start:ce] if not metric.startswith("network") else ctx), metric
            ),
            # (200万元的文献购置经费: money named after it takes no segment from the words before it)
            segment=_segment(
                mt,
                q,
                metric,
                q.num_start if metric.startswith("spending") and d.cue_start >= q.end else left_start,
                cs,
                ce,
                ss,
                se,
                last_unit_by_sentence.get(ss),
            ),
            period=at.period(mt[ss : q.num_start], flavour, mt[cs : q.num_start], _carried_period(mt, ss)),
            year=year,
            unit_raw=q.scale_unit or "",
            evidence=evidence(cs, ce),
            char_start=q.start,
            char_end=q.end,
            value_high=q.value_high,
            library_name=at.other_library(mt[cs : q.num_start], library),
        )
        if metric.startswith("spending.") and (budget or lx.BUDGET_CUE.search(d.cue)):
            f.period = "plan"  # a budget's money is what is planned for its year (财政预算指标…)
        if d.ratio_scale is not None:
            as_ratio(f, d.ratio_scale)
        if ranked_place:
            f.scope, f.library_name = "region", ranked_place
        elif f.scope == "library" and f.library_name is None:
            # a region-wide aggregate named earlier in the same sentence (全省公共图书馆…,纸质文献总藏量…)
            regs = list(REGION.finditer(mt[ss : q.num_start]))
            if regs and not re.search(r"其中|本馆|我馆|图书馆", mt[ss + regs[-1].end() : q.num_start]):
                f.scope, f.library_name = "region", regs[-1].group(0)
        if metric.startswith("network") and _mixed_facilities(mt, cs, q.num_start):
            continue  # 公共图书馆(分馆)、服务点、自助图书馆共694个: libraries and points counted together
        if metric.startswith("network") and _in_brackets(mt, ss, q.num_start):
            continue  # …302台自助图书馆(街区自助图书馆235台,书香亭67个): a breakdown, not the stock
        figs.append(f)
        joint = lx.JOINT_SUBJECTS.search(mt[cs : q.num_start])
        if joint and f.kind == "figure":
            # (南京和盐城两市…: the same statement for each place; the first place takes `f`)
            kind, tail = joint.group(3), (joint.group(4) or "").lstrip("的")
            f.library_name = f"{joint.group(1)}{kind}{tail}"
            figs.append(replace(f, library_name=f"{joint.group(2)}{kind}{tail}"))
        if f.kind == "figure":
            last_unit_by_sentence[ss] = (q.unit, f)
            placed.append(
                _Placed(
                    f,
                    q.unit,
                    ss,
                    cs,
                    download=bool(re.search("下载", d.cue)) or _part_of_downloads(mt, ss, q.num_start, metric),
                    budget_part=bool(lx.BUDGET_PART.fullmatch(d.cue)),
                    line_start=mt.rfind("\n", 0, q.num_start) + 1,
                )
            )
    return _drop_unsupported_parts(_drop_secondary_downloads(figs, placed), placed, mt), shares


def _mixed_facilities(mt: str, cs: int, pos: int) -> bool:
    """Libraries listed with other facilities before one count of them all (公共图书馆(分馆)、服务点、
    自助图书馆共694个); not a list whose library item has a count of its own (1所总馆、70所分馆…)."""
    for m in lx.MIXED_FACILITIES.finditer(mt, cs, pos):
        item = lx.LIST_ITEM_START.split(mt[cs : m.start()])[-1]
        if not lx.COUNTED_ITEM.search(item):
            return True
    return False


def _ranked_place(mt: str, q: Quantity, cs: int, ce: int, ss: int, se: int) -> tuple[Decision | None, str | None]:
    """A region ranked with its figure in brackets (…新购图书册数最多的是广东省(1016万册),其次是浙江省
    (877万册)): the measure the sentence ranks by, for that place's libraries (its aggregate name)."""
    m = lx.RANKED_PLACE_LEFT.search(mt[cs : q.num_start])
    first = lx.RANK_WORD.search(mt, ss, q.num_start)
    if not m or not first or not lx.CLAUSE_TAIL.fullmatch(mt[q.end : ce].lstrip(")）")):
        return None, None
    from .libraries import aggregate_name

    place = at.place_of(m.group("place"))
    if place is None:
        return None, None
    d = left_cue(mt[ss : first.start()], q.unit, mt[ss:se], ss)
    if d is None:
        return None, None
    d = vet(mt, q, Decision(d.metric, d.cue, d.cue_start, d.cue_end), cs, ce, (ss, se), cs, ranked=True)
    return (d, aggregate_name(place)) if d else (None, None)


def _is_budget(mt: str) -> bool:
    """Is the document a budget disclosure? (a title among its first lines says so, not 决算)"""
    head = [ln.strip() for ln in mt[:1500].split("\n") if ln.strip()][:15]
    if any(lx.SPENT_TITLE.search(ln) for ln in head):
        return False
    if any(lx.BUDGET_TITLE.search(ln) for ln in head):
        return True
    # a news item on budgets (…今年总共编列了3.2亿元…预算…编了…预算): its money is planned
    return len(lx.BUDGET_NEWS_WORD.findall(mt)) >= lx.BUDGET_NEWS_MIN and not lx.BUDGET_NEWS_NOT.search(mt)


@dataclass
class _Placed:
    """A figure found so far, with what the follow-up rules need to know about it."""

    fig: Figure
    unit: str | None
    sent_start: int
    clause_start: int
    download: bool = False
    budget_part: bool = False
    line_start: int = 0


def _drop_unsupported_parts(figs: list[Figure], placed: list[_Placed], mt: str) -> list[Figure]:
    """基本支出 / 项目支出 are parts of the spending total: they count only where the same
    paragraph states that total (…财政拨款支出594.27万元。其中:基本支出…), or the section does
    before them (收支情况: 财政拨款收入…元 / 1、基本支出 / 基本支出…元), with no heading of the
    total's level or above in between (lx.HEADING_LEVELS)."""
    totals = {p.line_start for p in placed if p.fig.metric == "spending.total" and not p.budget_part}

    def level(line_start: int) -> int | None:
        return next((k for k, rx in enumerate(lx.HEADING_LEVELS) if rx.match(mt, line_start)), None)

    def heading_above(t: int) -> int:
        """The level of the heading the total's line stands under (its own line, or the nearest
        heading line above it); 1, a (一) section, when there is none."""
        b, lo = t, max(0, t - lx.BUDGET_PART_REACH)
        while b >= lo:
            lv = level(b)
            if lv is not None:
                return lv
            if b == 0:
                break
            b = mt.rfind("\n", 0, b - 1) + 1
        return 1

    def same_section(t: int, a: int) -> bool:
        own = heading_above(t)
        pos = mt.find("\n", t, a)
        while 0 <= pos < a:
            lv = level(pos + 1)
            if lv is not None and lv <= own:
                return False
            pos = mt.find("\n", pos + 1, a)
        return True

    def supported(a: int) -> bool:
        return a in totals or any(t < a <= t + lx.BUDGET_PART_REACH and same_section(t, a) for t in totals)

    drop = {id(p.fig) for p in placed if p.budget_part and not supported(p.line_start)}
    return [f for f in figs if id(f) not in drop]


def _part_of_downloads(mt: str, ss: int, pos: int, metric: str) -> bool:
    """An online figure listed after 其中 when the sentence's whole before 其中 counts downloads."""
    k = mt.rfind("其中", ss, pos)
    return metric == "visits.online" and k >= 0 and lx.DOWNLOAD_WHOLE.search(mt, ss, k) is not None


def _listed_after_whole(mt: str, q, metric: str, ss: int, prev) -> str | None:
    """listed_part_<n> for the n-th figure listed after 其中 after a whole of the same metric in its
    sentence (…浏览量134万次,其中《A》浏览量79万次,B50万次: parts 1 and 2, by platform), else None."""
    k = mt.rfind("其中", ss, q.num_start)
    if k < 0 or not prev or prev[1].metric != metric or re.search(r"[;；]", mt[k : q.num_start]):
        return None
    if prev[1].char_end <= k:
        return f"{lx.LISTED_PART_CODE}1"
    before = prev[1].segment or ""
    if before.startswith(lx.LISTED_PART_CODE) and before[len(lx.LISTED_PART_CODE) :].isdigit():
        return f"{lx.LISTED_PART_CODE}{int(before[len(lx.LISTED_PART_CODE) :]) + 1}"
    return None


def _drop_secondary_downloads(figs: list[Figure], placed: list[_Placed]) -> list[Figure]:
    """A download count is the online figure only when the report states no visit/click count
    for that year (数字资源访问量…,下载量…: the visits are the figure)."""
    visits = {p.fig.year for p in placed if p.fig.metric == "visits.online" and not p.download}
    drop = {id(p.fig) for p in placed if p.download and p.fig.year in visits}
    return [f for f in figs if id(f) not in drop]


def _on_line(placed: list[_Placed], line_start: int, pos: int) -> list[_Placed]:
    """The figures found so far on this line before `pos` (placed is in text order: scan back)."""
    out = []
    for p in reversed(placed):
        if p.sent_start < line_start:
            break
        if p.fig.char_end <= pos:
            out.append(p)
    return out[::-1]


def _unit_means(unit: str | None, metric: str, prev_unit: str | None) -> bool:
    """Can a number in `unit` state `metric` (as the previous figure in `prev_unit` did)?"""
    if unit == prev_unit or unit is None:
        return True
    return any(c.units.get(unit) == metric for c in lx.TEXT_CUES)


def _by_unit(mt: str, q: Quantity, left_start: int, cs: int, ce: int, ss: int, se: int) -> Decision | None:
    """Units that say what they count when no cue does (unit family first): 册次 in a sentence about
    lending is loans, 场次 in a sentence about activities is events."""
    for unit, ctx, metric in lx.UNIT_FIRST:
        if q.unit == unit and ctx.search(mt[ss:se]) and not lx.DELTA.search(mt[cs : q.num_start]):
            return vet(mt, q, Decision(metric, q.unit, q.num_start, q.end), left_start, ce, (ss, se), cs)
    return None


def _inherited(
    mt: str, q: Quantity, bare: bool, left_start: int, cs: int, ce: int, ss: int, se: int, placed: list[_Placed]
) -> Decision | None:
    """Numbers whose clause does not name the measure, read from what precedes them:
    glued values (外借文献1576人次3898册次), 这一数据为…, elliptic clauses (…,2022年达671万册次),
    parts listed after 其中 (…,其中纸质文献5880545册 / 、古籍37万余册 / 其中47万册古籍藏于…),
    and event counts whose verb sits in the clause before (举办…活动,走进…等20场次)."""
    left = mt[left_start : q.num_start]
    # glued to the number before it in the same clause: that number's cue, this unit
    if left_start != cs and not left.strip() and not bare:
        d = classify(mt, q, cs, ce, (ss, se), clause_start=cs)
        if d is not None:
            return d
    clause_left = mt[cs : q.num_start]
    # a bare number only continues a bare figure, and only with its scale written
    # (进馆人次为32万,2021年为28万); a bare 2020 after a figure is no figure
    if bare and not re.search(r"[万亿]", q.text):
        return None
    line_start = mt.rfind("\n", 0, ss) + 1
    same_line = _on_line(placed, line_start, q.num_start)
    # 这一数据为2484.51万人: the measure of the figure just stated
    if (
        not bare
        and lx.ANAPHORIC_FIGURE.fullmatch(clause_left)
        and same_line
        and same_line[-1].fig.char_end <= cs
        and lx.CLAUSE_TAIL.fullmatch(mt[q.end : ce])
    ):
        pf = same_line[-1].fig
        return vet(mt, q, Decision(pf.metric, clause_left.strip(), cs, q.num_start), cs, ce, (ss, se), cs)
    in_sentence = [p for p in same_line if p.sent_start == ss]
    # 比2021年(126178万册/件)增长7.8%: the compared year's level of the measure just stated
    if not bare and lx.COMPARED_LEVEL.search(clause_left) and in_sentence:
        p = in_sentence[-1]
        if _unit_means(q.unit, p.fig.metric, p.unit):
            return vet(mt, q, Decision(p.fig.metric, clause_left.strip(), cs, q.num_start), cs, ce, (ss, se), cs)
    pc = previous_clause(mt, cs)
    # (the number must close its clause: in 开展…活动,3次前往医院… it counts trips, not events)
    level_list = lx.LEVEL_CHANGE_LEFT.search(clause_left) is not None
    closes = (
        lx.CLAUSE_TAIL.fullmatch(mt[q.end : ce]) is not None
        or (
            re.fullmatch(r"\s*(?:从|由)\s*", clause_left) is not None
            and lx.FROM_TO_RIGHT.match(mt[q.end : ce]) is not None
        )
        or level_list
        and lx.LEVEL_LIST_RIGHT.match(mt[q.end : ce]) is not None
    )
    if left_start == cs and closes and not bare and pc and lx.NEW_OF_STOCK.fullmatch(clause_left):
        prev_in_pc = [p for p in in_sentence if p.clause_start == pc[0]]
        flow = FLOW_OF.get(prev_in_pc[-1].fig.metric) if prev_in_pc else None
        if flow and _unit_means(q.unit, flow, prev_in_pc[-1].unit):
            return vet(mt, q, Decision(flow, clause_left.strip(), cs, q.num_start), cs, ce, (ss, se), cs)
    if left_start == cs and closes and lx.ELLIPTIC_LEFT.fullmatch(clause_left) and pc:
        prev_in_pc = [p for p in in_sentence if p.clause_start == pc[0]]
        if prev_in_pc:
            p = prev_in_pc[-1]
            if level_list and not bare:  # (…,下跌至2024年的2,383万人次: the level of the measure in this unit)
                p = next((o for o in reversed(prev_in_pc) if _unit_means(q.unit, o.fig.metric, o.unit)), p)
            # (a bare scaled number passed, 首次突破800万, restates the figure before in its unit)
            passed = bare and lx.SCALED_PASSED.search(clause_left) is not None
            if p.unit is None or passed if bare else _unit_means(q.unit, p.fig.metric, p.unit):
                return vet(mt, q, Decision(p.fig.metric, clause_left.strip(), cs, q.num_start), cs, ce, (ss, se), cs)
            # (讲座:16场;741人 / 举办展览8场,3200人次: persons right after an events count, alone in
            # their clause, are those events' audience)
            if (
                not bare
                and p.fig.metric == "activities.events"
                and q.unit in lx.AUDIENCE_UNITS
                and not clause_left.strip()
                and p.fig.segment not in ("staff_training",)
                and not lx.STAFF_CLAUSE.search(mt[pc[0] : pc[1]])
            ):
                return vet(mt, q, Decision("activities.attendance", "", cs, q.num_start), cs, ce, (ss, se), cs)
        # (a bare scaled level from or to a year: 到访图书馆的人次,由2023年的2149万,…)
        elif not bare or lx.LEVEL_CHANGE_LEFT.search(clause_left):
            d = classify_elliptic(mt, q, pc, cs, ce, (ss, se))
            if d is not None:
                return d
    # the next number of a list (分别为1134万、1127万册): the measure of the one before
    to_level = lx.TO_LEVEL.fullmatch(left.strip()) is not None
    # (95580册(件)、91009册(件): the unit's alternative in brackets closes the item before)
    joiner = lx.UNIT_ALTERNATIVE.sub("", left.strip())
    if left_start != cs and (joiner in ("、", "和", "及", "与") or to_level) and in_sentence and (not bare or to_level):
        p = in_sentence[-1]
        # (a bare second level continues a bare first one: …从30万降至2020年的12万)
        if p.clause_start == cs and p.unit == q.unit and (not bare or re.search(r"[万亿]", q.text)):
            return vet(
                mt, q, Decision(p.fig.metric, left.strip(), left_start, q.num_start), left_start, ce, (ss, se), cs
            )
    # …新建城乡书房43家、总数达114家: the stock the flow before it adds to
    if left_start != cs and lx.LIST_STOCK.fullmatch(left) and in_sentence and not bare:
        p = in_sentence[-1]
        stock = {v: k for k, v in {**FLOW_OF, **lx.ADDED}.items()}.get(p.fig.metric)
        if stock and p.clause_start == cs and p.unit == q.unit:
            return vet(mt, q, Decision(stock, left.strip(), left_start, q.num_start), left_start, ce, (ss, se), cs)
    # a part listed after 其中 (in this sentence, or opening it after the whole's sentence)
    # (the parts take the measure of the whole stated before 其中; money items named by no cue
    # are other ledgers, not parts: 其中…购置费…,馆舍改造费9.31万元)
    # (or another word that opens a list of parts: 包括…, 按文献类型分:…)
    leads = [m for m in lx.PARTS_LEAD.finditer(mt, ss, se) if m.end() <= q.num_start]
    k, k_end = (leads[-1].start(), leads[-1].end()) if leads else (-1, -1)
    opens_with_part = k >= 0 and not mt[ss:k].strip()
    incl = list(re.finditer(r"\((?:含|包括|包含)", mt[ss : q.num_start]))  # 144775张(含阅览卡35818张)
    # (其中古籍(含善本)53万册: a note closed before the number names what the part includes, no lead)
    incl = [m for m in incl if ")" not in mt[ss + m.end() : q.num_start]]
    if incl and ss + incl[-1].start() > k:
        k, k_end, opens_with_part = ss + incl[-1].start(), ss + incl[-1].end(), False
    if k >= 0 and re.search(r"[;;]", mt[k : q.num_start]) and not _parts_by_semicolons(mt, k_end, q.num_start):
        k = -1  # a semicolon closes the list of parts (…其中古籍1.5万函;电子图书30万册 is beside it)
    if k < 0:
        whole = []
    elif opens_with_part:
        whole = [p for p in same_line if p.sent_start < ss][-1:]
    else:
        whole = [p for p in in_sentence if p.fig.char_end <= k][-1:]
    # (a lead other than 其中 lists parts named by material only: holdings and lending; a list after
    # 包括 of other measures, 包括故事会20场、手工课15场, names kinds no segment knows)
    if (
        whole
        and leads
        and k == leads[-1].start()
        and not leads[-1].group(0).startswith("其中")
        and not whole[-1].fig.metric.startswith(("collection.", "circulation."))
    ):
        whole = []
    if whole and not bare and q.unit != "元":
        p = whole[-1]
        # parts never add up to more than their whole (…其中联盟活动4次,自主活动63次,发布微信56次)
        parts = sum(
            o.fig.value
            for o in same_line
            if o.fig.char_start > k and o.fig.metric == p.fig.metric and o.unit == q.unit and o.fig.kind == "figure"
        )
        label = mt[max(left_start, k_end) : q.num_start]  # (按文献类型分:中文图书N册: after the lead)
        if (
            _unit_means(q.unit, p.fig.metric, p.unit)
            and lx.PART_NOUN.fullmatch(label)
            and parts + q.value <= p.fig.value * 1.001
            and not lx.PART_NOUN_BAD.search(left)
        ):
            return vet(
                mt, q, Decision(p.fig.metric, left.strip(), left_start, q.num_start), left_start, ce, (ss, se), cs
            )
    d = _material_part(mt, q, bare, left, left_start, cs, ce, ss, se, in_sentence, same_line, line_start, placed)
    if d is not None:
        return d
    # a sentence opened by 在外借书刊中, / 总藏书量中,: every part it lists has that measure
    among = lx.AMONG.match(mt[ss:se])
    if (
        among
        and not bare
        and q.num_start > ss + among.end()
        and lx.PART_NOUN.fullmatch(left)
        and not lx.PART_NOUN_BAD.search(left)
    ):
        d = left_cue(among.group(1), q.unit, mt[ss:se], ss + among.start(1))
        if d is not None:
            return vet(mt, q, Decision(d.metric, left.strip(), left_start, q.num_start), left_start, ce, (ss, se), cs)
    d = _under_heading(mt, q, bare, left_start, ce, ss, se, cs)
    if d is not None:
        return d
    # 举办百场文化下乡活动,走进…等20场次: the event verb is in the clause before
    if q.unit in ("场次", "场") and pc and left_start == cs and closes and not lx.DELTA.search(clause_left):
        pl = mt[pc[0] : pc[1]]
        if lx.EVENT_VERBS.search(pl) and lx.ACTIVITY_CTX.search(pl) and not re.search(r"\d", pl):
            m = list(lx.EVENT_VERBS.finditer(pl))[-1]
            return vet(
                mt,
                q,
                Decision("activities.events", m.group(0), pc[0] + m.start(), pc[0] + m.end()),
                cs,
                ce,
                (ss, se),
                cs,
            )
    return None


def _under_heading(mt, q, bare, left_start, ce, ss, se, cs) -> Decision | None:
    """A row of a table written one cell per line (内地人 39,134人) under a heading line that names
    the measure (阅览人数), maybe below a sub-heading (和汉书) and rows of the same unit: the
    heading's measure (lexicon ONE_CELL_TABLE)."""
    t = lx.ONE_CELL_TABLE
    ls = mt.rfind("\n", 0, q.num_start) + 1
    le = mt.find("\n", q.end)
    le = len(mt) if le < 0 else le
    if bare or not q.unit or not t["row_label"].fullmatch(mt[ls : q.num_start]) or mt[q.end : le].strip():
        return None
    end = ls - 1
    for _ in range(t["lookback_lines"]):
        if end <= 0:
            return None
        start = mt.rfind("\n", 0, end) + 1
        line = mt[start:end]
        end = start - 1
        if not line.strip():
            return None
        row = t["row_line"].fullmatch(line)
        if row:
            if not q.unit.endswith(row.group("unit")):
                return None  # (開館日數 332日: another unit, another table)
            continue
        if not t["heading_line"].fullmatch(line) or lx.RATE_WORDS.search(line):
            return None
        d = left_cue(line, q.unit, line, start)
        if d is None:
            continue  # a sub-heading (和汉书)
        return vet(mt, q, Decision(d.metric, d.cue, d.cue_start, d.cue_end), left_start, ce, (ss, se), cs)
    return None


def _material_part(
    mt, q, bare, left, left_start, cs, ce, ss, se, in_sentence, same_line, line_start, placed
) -> Decision | None:
    """A part of the holdings named by its material on the line after one that ends 其中:
    (…总藏书量近130万册,其中:⏎1、纸型文献(110余万件);汉文图书70万册、…). Items listed
    after a whole without 其中 stand beside it (电子图书, 报刊), never in it. The parts since
    the last semicolon never add up to more than the whole."""
    if bare or not lx.MATERIAL_PART.fullmatch(left) or lx.PART_NOUN_BAD.search(left) or lx.EBOOKS.search(left):
        return None
    wholes = []
    if line_start > 0:
        prev_line_start = mt.rfind("\n", 0, line_start - 1) + 1
        if lx.PARTS_FOLLOW.search(mt[prev_line_start:line_start].rstrip("\n")):
            wholes = [p for p in _on_line(placed, prev_line_start, line_start) if p.fig.metric == "collection.total"][
                -1:
            ]
    if not wholes:
        return None
    whole = max(wholes, key=lambda p: p.fig.value)
    if not _unit_means(q.unit, whole.fig.metric, whole.unit):
        return None
    start = max(whole.fig.char_end, mt.rfind(";", 0, q.num_start))
    parts = sum(
        p.fig.value
        for p in same_line
        if p.fig.char_start > start and p.fig.metric == whole.fig.metric and p.fig.kind == "figure"
    )
    if parts + q.value > whole.fig.value * 1.001:
        return None
    return vet(mt, q, Decision(whole.fig.metric, left.strip(), left_start, q.num_start), left_start, ce, (ss, se), cs)


def resolve_shares(
    shares: list[ShareCandidate], figs: list[Figure], mt: str, text: str, sections: Sections
) -> list[Figure]:
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
        out.append(
            Figure(
                metric=best.metric,
                value=sc.q.value,
                qualifier=sc.q.qualifier,
                scope=best.scope,
                segment=_seg_code(seg),
                period=best.period,
                year=at.figure_year(mt[sc.sent[0] : sc.q.num_start], sec_year),
                unit_raw=sc.q.scale_unit or "",
                evidence=text[sc.clause[0] - len(sc.label) - 1 : sc.clause[1]].strip(),
                char_start=sc.q.start,
                char_end=sc.q.end,
                library_name=best.library_name,
            )
        )
    return out


_SEG_MAP = [
    (r"本科及以上|大学|本科", "edu_bachelor_plus"),
    (r"高中及以上", "edu_high_school_plus"),
    (r"高中以下|初中", "edu_below_high_school"),
]


def _seg_code(label: str) -> str:
    for pat, code in _SEG_MAP:
        if re.search(pat, label):
            return code
    return "part"
