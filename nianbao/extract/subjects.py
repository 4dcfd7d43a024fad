"""Who a figure is about: the report's own library, another library, a branch or a
region-wide aggregate.

`mentions(text)` finds subject mentions (own markers 本馆/我馆, named libraries,
aggregates 全省公共图书馆 / 四川全省 / 深圳共有…, places used as subjects), each
with its canonical name (`libraries.canonical_library`). `subject_at(...)` picks
the mention a figure belongs to: the nearest one before the number in its
sentence, else in the earlier sentences of its paragraph, else the document's
default subject.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .lexicon import attribution as la
from .lexicon import names as lnm
from .libraries import (
    Place,
    aggregate_name,
    canonical_library,
    clean,
    document_aliases,
    find_places,
    name_start,
    place_ending_at,
    place_of,
)
from .segment import is_junk, lines, sentence_bounds

OWN, LIBRARY, REGION = "own", "library", "region"


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    kind: str  # own / library / region
    name: str | None  # canonical name (None for own)
    scope: str | None = None  # a scope the mention itself sets (branches, system)
    explicit: bool = True  # for a region: names the libraries (全省公共图书馆), not just 全县


def _located(s: str, i: int) -> bool:
    """A location word (在, 于, 面向…) right before position `i`: not a subject."""
    return bool(la.LOCATION_BEFORE.search(s[max(0, i - 4) : i]))


def _own_place(own: str | None) -> Place | None:
    return place_of(own) if own else None


def _generic(lvl: str, base: Place | None) -> Place | None:
    """The place whose library 市图书馆 / 省图书馆 names, relative to `base` (the report's
    own place, or the place its title names): the place itself at the same level (市图书馆
    in a city library's report), else the prefecture / province it lies in."""
    if base is None:
        return None
    up = {"省": "province", "市": "prefecture"}.get(lvl)
    if base.name.endswith(lvl) or up is None:
        return base
    return base.up(up)


def _title_place(s: str) -> Place | None:
    """The first place named on the first text line (安康市文化和旅游局2021年…工作总结)."""
    for ln in lines(s):
        if ln.text.strip() and not is_junk(ln.text):
            ps = find_places(clean(ln.text))
            return ps[0][2] if ps else None
    return None


def _aggregates(s: str, own: str | None) -> list[Mention]:
    """全省/全市/全国 (with the place before them, or the report's own) and
    <place>(各级)公共图书馆: region aggregates."""
    out = []
    dp = _own_place(own)
    for m in la.REGION_WORD.finditer(s):
        inside = place_ending_at(s, m.end())
        if inside and inside[0] < m.start():
            continue  # 全县 inside a county's own name (天全县图书馆): no aggregate
        before = s[: m.start()]
        pl = place_ending_at(s, m.start())
        lead = before[: pl[0]] if pl else before
        if _located(lead, len(lead)):
            continue
        lvl = m.group("lvl")
        tail = s[m.end() : m.end() + 8]
        q = la.AGG_QUALIFIER.match(tail)
        if lvl == "国":
            name = la.NATIONAL
        else:
            place = pl[1] if pl else dp
            if place is None:
                name = f"全{lvl}公共图书馆"
            else:
                name = aggregate_name(place, None if q else lvl, q.group(1) if q else None)
        t = la.AGG_TAIL.match(s, m.end())
        explicit = bool(la.EXPLICIT_AGGREGATE.search(t.group(0))) if t else False
        out.append(Mention(pl[0] if pl else m.start(), t.end() if t else m.end(), REGION, name, None, explicit))
    for m in la.TWO_LEVELS.finditer(s):
        pl = place_ending_at(s, m.start())
        place = pl[1] if pl else dp
        name = aggregate_name(place, m.group("lvl")) if place else f"全{m.group('lvl')}公共图书馆"
        out.append(Mention(pl[0] if pl else m.start(), m.end(), REGION, name))
    for m in la.PLACED_AGGREGATE.finditer(s):
        if not (m.group("qual") or "公共" in m.group(0)):
            continue
        pl = place_ending_at(s, m.start())
        if not pl:
            continue
        if _located(s, pl[0]):
            continue
        if dp is not None and pl[1] == dp and la.SYSTEM_AFTER_AGGREGATE.match(s, m.end()):
            # 白云区公共图书馆服务体系 in the district library's report: its own 总分馆 system
            out.append(Mention(pl[0], m.end(), OWN, None, "system"))
            continue
        out.append(Mention(pl[0], m.end(), REGION, aggregate_name(pl[1], None, m.group("qual"))))
    return out


def _place_subjects(s: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """A bare place as the subject (深圳持证读者…, 去年四川2600万读者…): its region."""
    out = []
    for a, b, p in find_places(s):
        if any(x <= a < y or x < b <= y for x, y in taken):
            continue
        after = s[b : b + 12]
        if after.startswith(("图书馆", "省", "市", "区", "县")):
            continue
        if _located(s, a):
            continue
        if p.name != s[a:b] and p.level == "county":
            continue  # a county's short name is too often an ordinary word (创新和…)
        numbered = la.PLACE_NUMBER_AFTER.match(after) and la.CLAUSE_LEAD.search(s[max(0, a - 24) : a])
        if la.PLACE_SUBJECT_AFTER.match(after) or numbered:
            out.append(Mention(a, b, REGION, aggregate_name(p), None, False))
    return out


def _libraries(s: str, own: str | None, taken: list[tuple[int, int]]) -> list[Mention]:
    """Named libraries (a place walks back from 图书馆), their branches and 总分馆, and the
    generic 市图书馆/省图书馆 resolved by level."""
    out = []
    aliases = document_aliases(s)
    for m in la.LIBRARY_WORD.finditer(s):
        if any(x <= m.start() < y for x, y in taken):
            continue
        a = max(0, m.start() - 16)
        window = s[a : m.end()]
        core = la.OWN_NAME_TAIL.sub("", own) if own else ""
        if (
            len(core) >= 3
            and clean(s[max(0, m.start() - len(core) - 12) : m.start()]).endswith(core)
            and not place_of(own)
        ):
            # 台北市图书馆 in 台北市立图书馆's page: the own library under a shorter name
            out.append(Mention(m.start() - len(core), m.end(), OWN, None))
            continue
        g = la.GENERIC_LIBRARY.search(s[max(0, m.start() - 5) : m.start() + 3])
        if g and not find_places(s[max(0, m.start() - 8) : m.start()]):
            op = _own_place(own)
            p = _generic(g.group("lvl"), op or _title_place(s))
            st = m.start() - len(g.group(0)) + 3
            if _located(s, st) or p is None and not own:
                continue
            if p is None or p == op:
                out.append(Mention(st, m.end(), OWN, None))
            else:
                out.append(Mention(st, m.end(), LIBRARY, canonical_library(p.name + "图书馆")))
            continue
        tail = s[m.start() + 3 : m.end()]
        if tail and (la.NOT_BRANCH_NAME.search(tail[:-2]) or lnm.BRANCH_PHRASE.search(tail[:-2])):
            window = s[a : m.start() + 3]  # 图书馆本馆现有分馆: the library, not a branch
        name = canonical_library(window)
        pre = clean(s[a : m.start()])
        alias = next((p for w, p in aliases.items() if pre.endswith(w)), None)
        if alias is not None and name and name.endswith(la.INSTITUTION):
            name = canonical_library(alias.name + la.INSTITUTION)  # (某州图书馆 where the text names 某…自治州)
        if not name or name_start(pre) is None or la.SERVICE_LIBRARY.search(s[a : m.start() + 3]):
            continue
        scope = None
        end = a + len(window)
        if name.endswith("分馆"):
            scope = "branches"
        elif la.SYSTEM_TAIL.match(s[m.end() : m.end() + 3]):
            scope = "system"
        core = name[: name.find("图书馆")]
        st = s.rfind(core[:2], a, m.start()) if core else m.start()
        st = st if st >= 0 else m.start()
        if _located(s, st) and not s[m.end() : m.end() + 2].startswith(("共", "全")):
            continue
        out.append(Mention(st, end, LIBRARY, name, scope))
    return out


def _bare_branches(s: str, own: str | None, taken: list[tuple[int, int]]) -> list[Mention]:
    """东总布分馆… at the start of a clause: a branch of the report's own library."""
    if not own:
        return []
    out = []
    for m in la.BARE_BRANCH.finditer(s):
        a, b = m.start("name"), m.end("name")
        if any(x <= a < y for x, y in taken) or la.NOT_BRANCH_NAME.search(m.group("name")):
            continue
        if lnm.BRANCH_PHRASE.search(m.group("name")[:-2]):
            continue  # (已设立之分馆有…, 某图及其分馆…: a phrase about the branches, not one's name)
        out.append(Mention(a, b, LIBRARY, own + m.group("name"), "branches"))
    return out


def _head_libraries(s: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """A library named at the head of a paragraph that goes on to describe it (某某公园图书馆位于…):
    that library, even when the gazetteer cannot place it (a list of sites, one paragraph each)."""
    out = []
    for m in lnm.HEAD_LIBRARY.finditer(s):
        a, b = m.start("name"), m.end("name")
        if any(x <= a < y or x < b <= y for x, y in taken) or la.GENERIC_LIBRARY.match(m.group("name")):
            continue
        name = canonical_library(m.group("name"))
        if name:
            out.append(Mention(a, b, LIBRARY, name))
    return out


def _site_parts(s: str, own: str | None, taken: list[tuple[int, int]]) -> list[Mention]:
    """城市书房7118人次 as one part of a breakdown: that site of the report's own library."""
    if not own:
        return []
    return [
        Mention(m.start("name"), m.end("name"), LIBRARY, own + m.group("name"), "service_points")
        for m in lnm.SITE_PART.finditer(s)
        if not any(x <= m.start("name") < y for x, y in taken)
    ]


def _part_behind_break(text: str, m: Mention, pos: int) -> bool:
    """A branch or site named right before its own figure (城区分馆3206人次), with a semicolon between it
    and the number at `pos`: that part is not the subject there."""
    return (
        m.kind == LIBRARY
        and m.scope in ("branches", "service_points")
        and bool(lnm.PART_FIGURE_AFTER.match(text, m.end))
        and bool(lnm.CLAUSE_BREAK.search(text, m.end, pos))
    )


def _back_to_head(s: str, found: list[Mention], heads: list[Mention]) -> list[Mention]:
    """该馆 / 馆内 in a paragraph headed by a library's name (某某图书馆位于…。馆内提供…): that library."""
    if not heads:
        return found
    out = []
    for m in found:
        if m.kind == OWN and lnm.ANAPHORIC_OWN.fullmatch(s, m.start, m.end):
            h = next((h for h in reversed(heads) if h.end <= m.start and "\n" not in s[h.end : m.start]), None)
            if h is not None:
                m = Mention(m.start, m.end, LIBRARY, h.name, m.scope)
        out.append(m)
    return out


def _full_branch_names(ms: list[Mention]) -> list[Mention]:
    """A branch named short (王府井分馆) takes the fuller name the text also uses for it
    (王府井书店分馆) when that name starts with the short one."""
    names = {m.name for m in ms if m.kind == LIBRARY and m.scope == "branches" and m.name}
    out = []
    for m in ms:
        if m.kind == LIBRARY and m.scope == "branches" and m.name:
            stem = m.name[:-2]
            longer = sorted(n for n in names if n != m.name and n.startswith(stem))
            if len(longer) == 1:
                m = Mention(m.start, m.end, m.kind, longer[0], m.scope, m.explicit)
        out.append(m)
    return out


def _main_place(text: str) -> Place | None:
    """The province or prefecture a text names most often (full names only)."""
    from collections import Counter

    cnt = Counter(p for a, b, p in find_places(text) if p.level != "county" and text[a:b] == p.name)
    return cnt.most_common(1)[0][0] if cnt else None


def _fill_places(ms: list[Mention], own: str | None, text: str = "") -> list[Mention]:
    """Aggregates that name no place (全省公共图书馆) take the place of the nearest placed
    mention before them, else the report's own library's, else the document's first,
    else the province or prefecture the text names most often."""
    placed = [m for m in ms if m.kind in (REGION, LIBRARY) and m.name and place_of(m.name)]
    if not placed and not (own and place_of(own)) and text:
        p = _main_place(text)
        if p is not None:
            placed = [Mention(0, 0, REGION, aggregate_name(p))]  # the place the text is about
    out = []
    for m in ms:
        if m.kind == REGION and m.name is None:
            regions = [p for p in ms if p.kind == REGION and p.name and (p.name == la.NATIONAL or place_of(p.name))]
            before = [p for p in regions if p.end <= m.start] or regions
            if before:
                m = Mention(
                    m.start,
                    m.end,
                    m.kind,
                    before[-1].name if before[-1].end <= m.start else before[0].name,
                    m.scope,
                    m.explicit,
                )
        elif m.kind == REGION and m.name and m.name.startswith("全") and m.name != la.NATIONAL:
            before = [p for p in placed if p.end <= m.start]
            fallback = own if own and place_of(own) else (placed[0].name if placed else None)
            src = before[-1].name if before else fallback
            if src:
                m = Mention(m.start, m.end, m.kind, canonical_library(m.name, src), m.scope, m.explicit)
        out.append(m)
    return out


@functools.lru_cache(maxsize=64)
def mentions(text: str, own: str | None) -> tuple[Mention, ...]:
    """Subject mentions in `text` (already simplified for matching), in order."""
    s = text
    found = [Mention(m.start(), m.end(), OWN, None) for m in la.OWN_MARKER.finditer(s)]
    aggs = _aggregates(s, own)
    found += aggs
    taken = [(m.start, m.end) for m in aggs]
    libs = _libraries(s, own, taken)
    found += libs
    taken += [(m.start, m.end) for m in libs]
    found += _place_subjects(s, taken)
    heads = _head_libraries(s, taken)
    found += heads
    taken += [(m.start, m.end) for m in heads]
    found += [Mention(m.start(), m.end(), OWN, None, "system") for m in la.SYSTEM_MENTION.finditer(s)]
    if not own:
        found += [
            Mention(m.start(), m.end(), REGION, None, None, True)
            for m in la.BARE_AGGREGATE.finditer(s)
            if not any(x <= m.start() < y for x, y in taken)
        ]
    found += _bare_branches(s, canonical_library(own) if own else None, taken)
    found += _site_parts(s, canonical_library(own) if own else None, taken)
    found = _back_to_head(s, found, heads)
    found = _full_branch_names(_fill_places(sorted(found, key=lambda m: (m.end, m.start)), own, s))
    own_key = canonical_library(own) if own else None
    op = _own_place(own)
    own_network = op is not None and op.level == "county"
    unplaced_county = own is not None and op is None and bool(la.COUNTY_LEVEL_NAME.search(own))
    run_by = lnm.OWN_RUN_BY_LEVEL.search(clean(own)) if own and op is None else None
    own_region_word = "全" + run_by.group("lvl") if run_by else None
    out = []
    for m in found:
        if m.kind == LIBRARY and own_key and m.name == own_key:
            m = Mention(m.start, m.end, OWN, None, m.scope)
        elif m.kind == LIBRARY and own and la.RUN_BY_LEVEL.sub(r"\1", s[m.start : m.end]) == own:
            # (湘潭县立图书馆 in 湘潭县图书馆's page: its own name, the level written as the one running it)
            m = Mention(m.start, m.end, OWN, None, m.scope)
        elif (
            m.kind == REGION
            and not m.explicit
            and (
                own_network
                and place_of(m.name) == op
                or unplaced_county
                and s[m.start : m.end] in la.COUNTY_WORDS
                or own_region_word is not None
                and s[m.start : m.end] == own_region_word
            )
        ):
            # 全县建成…分馆 / 全区图书馆总分馆体系 in a county or district library's report:
            # the library's own network (总分馆制 is run by the county-level library)
            m = Mention(m.start, m.end, OWN, None, "system" if la.SYSTEM_AFTER.match(s, m.end) else None)
        out.append(m)
    return tuple(sorted(out, key=lambda m: (m.end, m.start)))


def _last_before(ms: tuple[Mention, ...], lo: int, hi: int) -> Mention | None:
    best = None
    for m in ms:
        if lo <= m.start and m.end <= hi:
            best = m
    return best


@functools.lru_cache(maxsize=64)
def default_subject(text: str, own: str | None) -> Mention | None:
    """The document's subject: a region named first on one of its first two text lines
    (2020年四川全省公共图书馆共接待…), else its own library, else the first library or
    region it names."""
    ms = mentions(text, own)
    kept = [ln for ln in lines(text) if ln.text.strip() and not is_junk(ln.text)]
    body = kept[:2]
    # (the own library named on a headline of the first lines, 某省图书馆成"避暑胜地": the page is about it,
    # whatever region a line of site chrome above names)
    headed = bool(own) and any(
        own in text[ln.start : ln.end] and len(ln.text.strip()) <= lnm.OWN_HEADLINE_MAX_CHARS
        for ln in kept[: lnm.OWN_HEADLINE_LINES]
    )
    for ln in body:
        first = next((x for x in ms if ln.start <= x.start and x.end <= ln.end), None)
        if first is not None:
            # (not when the line names the own library before it: 某市立图书馆公布…。全市45座分馆中…)
            if (
                first.kind == REGION
                and not (own and own in text[ln.start : first.start])
                and not (headed and len(ln.text.strip()) > lnm.OWN_HEADLINE_MAX_CHARS)
            ):
                return first
            break
    if own:
        return Mention(0, 0, OWN, None)
    return next((m for m in ms if m.kind != OWN), None)


def subject_at(text: str, pos: int, own: str | None) -> tuple[Mention | None, str]:
    """The mention the number at `pos` belongs to and where it was found
    ('sentence', 'paragraph' or 'document')."""
    ms = mentions(text, own)
    ss, _ = sentence_bounds(text, pos)
    m = _last_before(ms, ss, pos)
    if m is not None and _part_behind_break(text, m, pos):
        # (…、城区分馆3206人次;文献累计借阅8398册次: the mention before the list of parts, if any)
        m = _last_before(tuple(x for x in ms if not _part_behind_break(text, x, pos)), ss, pos)
    if m is not None:
        return m, "sentence"
    ls = text.rfind("\n", 0, ss) + 1
    if la.CONTINUATION_LINE.match(text, ls) and ls > 0:
        ls = text.rfind("\n", 0, ls - 1) + 1  # 其中:… continues the line above
    m = _last_before(ms, ls, ss)
    if m is not None:
        return m, "paragraph"
    m = _section_heading_subject(text, ms, ls)
    if m is not None:
        return m, "paragraph"
    return default_subject(text, own), "document"


def _section_heading_subject(text: str, ms: tuple[Mention, ...], ls: int) -> Mention | None:
    """The library a numbered heading line above names (1、某区图书馆 / 2、某文化中心图书馆 in a report
    on two sites): the subject of the lines of its section, up to the next heading. None when the
    nearest heading names none, or none is found within SECTION_HEADING_LINES lines."""
    end = ls - 1
    for _ in range(la.SECTION_HEADING_LINES):
        if end <= 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if la.SECTION_HEADING.match(line):
            m = _last_before(ms, start, end)
            if m is not None:
                return m if m.kind in (LIBRARY, OWN) else None
            h = la.HEADING_LIBRARY.match(line)
            # (a site whose proper name the gazetteer cannot walk, 2、某某文化中心图书馆: kept as written)
            return Mention(start + h.start("name"), end, LIBRARY, h.group("name")) if h else None
        end = start - 1
    return None


def listed_place_runs(text: str, lo: int, hi: int) -> list[tuple[int, list[str]]]:
    """Runs of two or more places joined by 和/、/与 in text[lo:hi] (南通和无锡次之…), each
    as (end position in text, region aggregate names in order)."""
    runs: list[list] = []
    for a, b, p in find_places(text[lo:hi]):
        if runs and la.LIST_JOINER.match(text[lo + runs[-1][-1][1] : lo + a]):
            runs[-1].append((a, b, p))
        else:
            runs.append([(a, b, p)])
    return [
        (lo + r[-1][1], [aggregate_name(p) for _, _, p in r])
        for r in runs
        if len(r) >= 2 and not _located(text, lo + r[0][0])
    ]  # 在A镇和B镇: places, not subjects


def listed_places(text: str, lo: int, hi: int) -> list[str]:
    """The last run of listed places in text[lo:hi] (分别为… goes to them), [] if none."""
    runs = listed_place_runs(text, lo, hi)
    return runs[-1][1] if runs else []


def branch_by_label(text: str, own: str | None, label: str) -> Mention | None:
    """A table row or label that starts with the stem of a branch the text names
    elsewhere (东总布外借册次 when 东总布分馆 is named): that branch."""
    if not own or not label:
        return None
    own_key = canonical_library(own)
    label = clean(label)
    best = None
    for m in mentions(text, own):
        if m.kind != LIBRARY or m.scope != "branches" or not m.name or not m.name.startswith(own_key or ""):
            continue
        short = text[m.start : m.end]
        stem = clean(short)[:-2]
        if len(stem) >= 2 and label.startswith(stem) and (best is None or len(stem) > best[0]):
            best = (len(stem), m)
    return best[1] if best else None
