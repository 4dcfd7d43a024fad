"""Canonical library names: one library, one name, whatever the wording.

`canonical_library(name)` resolves a mention to the library it names:

* the place comes from the gazetteer (cpca's code list): full names (如皋市,
  湖南省) and their short forms (如皋, 湖南), so 如皋图书馆 and 如皋市图书馆 are one
  library (如皋市图书馆), and a chain of places keeps the most specific one
  (广州市白云区图书馆 → 白云区图书馆);
* junk before the place is dropped (活动启动仪式在四川省图书馆 → 四川省图书馆);
* traditional characters and pinyin glosses are normalised (廣州圖書館(guǎn));
* region-wide aggregates become `<地区>全省/全市/全区公共图书馆` (全国公共图书馆
  for the country); qualified populations keep their qualifier
  (广东省县级以上公共图书馆);
* branches are `<馆名><分馆名>` with the main library canonicalised.

`library_key(name)` is the comparison key (the canonical name), `is_aggregate`
tells a region aggregate from a library. Names the gazetteer cannot place
(XX县图书馆) are returned cleaned but otherwise as written.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .lexicon import attribution as la
from .lexicon import names as ln
from .normalize import for_matching, nfkc

__all__ = [
    "Place",
    "canonical_library",
    "name_start",
    "place_ending_at",
    "library_key",
    "is_aggregate",
    "find_places",
    "place_of",
    "aggregate_name",
    "generic_level",
    "generic_library",
]

_LEVEL_RANK = {"province": 3, "prefecture": 2, "county": 1}


@dataclass(frozen=True)
class Place:
    name: str  # the gazetteer's full name (如皋市)
    level: str  # province / prefecture / county
    code: str
    province_code: str = ""
    prefecture_code: str | None = None

    def up(self, level: str) -> Place:
        """The place itself or the province / prefecture it lies in."""
        code = {"province": self.province_code, "prefecture": self.prefecture_code}.get(level)
        if _LEVEL_RANK[self.level] >= _LEVEL_RANK[level] or not code:
            return self
        return _by_code().get(code, self)


@functools.lru_cache(maxsize=1)
def _place_index() -> tuple[dict[str, tuple[Place, ...]], int]:
    """full and short names → places; the longest name length."""
    from nianbao.gazetteer import load_regions

    idx: dict[str, list[Place]] = {}
    for r in load_regions():
        p = Place(r.region_name, r.level, r.region_code, r.province_code, r.prefecture_code)
        idx.setdefault(r.region_name, []).append(p)
        short = la.PLACE_SUFFIX.sub("", r.region_name)
        if short != r.region_name and len(short) >= la.MIN_SHORT_PLACE:
            idx.setdefault(short, []).append(p)
    out = {k: tuple(sorted(v, key=lambda p: (-_LEVEL_RANK[p.level], p.code))) for k, v in idx.items()}
    return out, max(len(k) for k in out)


@functools.lru_cache(maxsize=1)
def _by_code() -> dict[str, Place]:
    idx, _ = _place_index()
    return {p.code: p for ps in idx.values() for p in ps}


def _lookup(word: str) -> Place | None:
    idx, _ = _place_index()
    ps = idx.get(word)
    if not ps:
        return None
    full = [p for p in ps if p.name == word]
    return (full or list(ps))[0]


def clean(name: str) -> str:
    """NFKC, simplified characters, no pinyin glosses, no spaces."""
    s = nfkc(name or "")
    s = la.LATIN_GLOSS.sub("", s)
    s = for_matching(s)
    return re.sub(r"\s+", "", s)


@functools.lru_cache(maxsize=1)
def _lengths_by_first_char() -> dict[str, tuple[int, ...]]:
    """first character → the lengths of the place names starting with it, longest first."""
    idx, _ = _place_index()
    out: dict[str, set[int]] = {}
    for k in idx:
        out.setdefault(k[0], set()).add(len(k))
    return {c: tuple(sorted(v, reverse=True)) for c, v in out.items()}


@functools.lru_cache(maxsize=1)
def _first_char_re() -> re.Pattern:
    """Any character a place name starts with (the scan jumps to the next one)."""
    return re.compile("[" + "".join(re.escape(c) for c in sorted(_lengths_by_first_char())) + "]")


@functools.lru_cache(maxsize=1)
def _first_two() -> frozenset[str]:
    """The first two characters of every place name (all are two or more long)."""
    idx, _ = _place_index()
    assert all(len(k) >= 2 for k in idx)
    return frozenset(k[:2] for k in idx)


def find_places(text: str) -> list[tuple[int, int, Place]]:
    """Place names in `text`, longest match first at each position, left to right, no overlaps."""
    idx, _ = _place_index()
    firsts = _lengths_by_first_char()
    jump, two = _first_char_re().search, _first_two()
    out, i = [], 0
    while i < len(text):
        m = jump(text, i)
        if m is None:
            break
        i = m.start()
        if text[i : i + 2] not in two:
            i += 1
            continue
        hit = None
        for n in firsts.get(text[i], ()):
            w = text[i : i + n]
            if len(w) == n and w in idx:
                hit = (i, i + n, _lookup(w))
                if hit[2].name != w and la.WORD_OVER_SHORT_PLACE.fullmatch(text, max(i - 1, 0), i + 1):
                    hit = None  # (以上城市: the word 以上, not the short name 上城)
                    continue
                break
        if hit:
            out.append(hit)
            i = hit[1]
        else:
            i += 1
    return out


def document_aliases(text: str) -> dict[str, Place]:
    """Abbreviations of the prefectures a text names in full (某音某楞蒙古自治州 → 某州, its short name + 州):
    in that text they are that prefecture, not the county whose name they also are."""
    out: dict[str, Place] = {}
    for a, b, p in find_places(text):
        if text[a:b] != p.name or p.level != "prefecture" or not p.name.endswith(ln.ABBREVIATED_LEVEL):
            continue
        short = la.PLACE_SUFFIX.sub("", p.name)
        if short == p.name:
            continue
        heads = [short] if len(short) < ln.LONG_SHORT_NAME else [short, short[:1], short[:2]]  # (巴州 / 伊犁州)
        for head in heads:
            out.setdefault(head + ln.ABBREVIATED_LEVEL, p)
    return out


def place_ending_at(text: str, end: int) -> tuple[int, Place] | None:
    """The longest place name that ends at `end`."""
    idx, longest = _place_index()
    for n in range(min(longest, end), 1, -1):
        w = text[end - n : end]
        if w in idx:
            if _tail_of_longer(text, end - n, end, idx):
                return None
            return end - n, _lookup(w)
        renamed = _renamed(w, idx)
        if renamed is not None:
            return end - n, renamed
    return None


def _renamed(word: str, idx) -> Place | None:
    """A district written with the county-level word it had before (某山县 / 某山市 for 某山区: a county
    or county-level city made a district): that district, when its short name names one place only.
    (Not the other way: 某安市 for the gazetteer's 某安县 is newer than the gazetteer, kept as written;
    a prefecture's short name with 县, 某泉县, is an old county the gazetteer does not hold.)"""
    if len(word) < 3 or word[-1] not in ln.RENAMED_LEVELS:
        return None
    ps = [p for p in idx.get(word[:-1], ()) if p.level == "county" and p.name[-1] == ln.RENAMED_TO]
    if len(ps) != 1 or len(idx[word[:-1]]) != 1 or ps[0].name == word[:-1]:
        return None
    return ps[0]


def _tail_of_longer(text: str, start: int, end: int, idx) -> bool:
    """The place at start:end is the tail of an older or unknown place name: the character
    before it and the place without its level suffix form a known place (遵义县 read as
    义县: 遵义 is a place, so 遵义县 is 遵义's old county, not 义县)."""
    return (
        start > 0
        and end - start >= 2
        and text[end - 1] in la.LEVEL_SUFFIXES
        and text[start - 1 : end - 1] in idx
        and "\u4e00" <= text[start - 1] <= "\u9fff"
    )


def _middle_ending_at(text: str, end: int) -> int | None:
    best = None
    for m in la.NAME_MIDDLE.finditer(text[max(0, end - 6) : end]):
        if max(0, end - 6) + m.end() == end:
            s = max(0, end - 6) + m.start()
            best = s if best is None else min(best, s)
    return best


def name_start(prefix: str) -> int | None:
    """Where a library name starts in `prefix` (the text before 图书馆): the first place
    of the chain of places and middle words that ends right before 图书馆; None if
    no place precedes it."""
    r = _walk(prefix)
    return None if r is None else r[0]


def is_placed(name: str | None) -> bool:
    """The library name ends its place right before 图书馆 (or before middle words such as
    少儿): 贵阳市图书馆 is placed, 遵义县图书馆 (a county that no longer exists) is not."""
    if not name or la.INSTITUTION not in name:
        return False
    if la.NATIONAL_LIBRARY.match(name):
        return True
    prefix = clean(name[: name.find(la.INSTITUTION)])
    end = len(prefix)
    while end > 0:
        mid = _middle_ending_at(prefix, end)
        if mid is None or place_ending_at(prefix, end):
            break
        end = mid
    return end > 0 and place_ending_at(prefix, end) is not None


def _library(prefix: str) -> str | None:
    """`prefix` is what precedes 图书馆: the canonical name, or None without a place."""
    r = _walk(prefix)
    return None if r is None else r[1]


def _walk(prefix: str) -> tuple[int, str] | None:
    """Walk back over middle words and places from the end of `prefix`."""
    end = len(prefix)
    parts: list[tuple[str, object]] = []  # ('place', Place) | ('mid', str), right to left
    while end > 0:
        pl = place_ending_at(prefix, end)
        mid = _middle_ending_at(prefix, end)
        if pl and (mid is None or pl[0] <= mid):
            parts.append(("place", pl[1]))
            end = pl[0]
        elif mid is not None:
            parts.append(("mid", prefix[mid:end]))
            end = mid
        else:
            break
    if (
        parts
        and parts[-1][0] == "mid"
        and la.LEVEL_ESTABLISHED.fullmatch(parts[-1][1])
        and end > 0
        and "\u4e00" <= prefix[end - 1] <= "\u9fff"
    ):
        # (高雄市立中山图书馆: 中山 is the proper name of an unknown place's library, not its place)
        return None
    # drop middle words left of the leftmost place (在第一… is not part of the name)
    while parts and parts[-1][0] == "mid":
        end += len(parts[-1][1])
        parts.pop()
    if not parts:
        return _proper_name(prefix)
    parts.reverse()
    kinds = [k for k, _ in parts]
    places = [v for k, v in parts if k == "place"]
    mids = [la.MIDDLE_CANON.get(v, v) for k, v in parts if k == "mid"]
    first_mid = kinds.index("mid") if "mid" in kinds else len(kinds)
    if "place" in kinds[first_mid:]:
        # places and words interleaved (广东省立中山图书馆): a proper name, keep it as written
        return end, prefix[end:] + la.INSTITUTION
    most = min(places, key=lambda p: _LEVEL_RANK[p.level])  # the most specific place
    return end, most.name + "".join(mids) + la.INSTITUTION


def _proper_name(prefix: str) -> tuple[int, str] | None:
    """A place followed by a short proper name (榆林市星元图书馆): kept as written from the
    start of the place chain."""
    ps = find_places(prefix)
    for k in range(len(ps) - 1, -1, -1):
        a, b, _ = ps[k]
        rest = prefix[b:]
        if la.PROPER_NAME.fullmatch(rest):
            while k > 0 and ps[k - 1][1] == a:  # the chain of places it ends (陕西省榆林市…)
                k -= 1
                a = ps[k][0]
            if not la.PROPER_NAME_LEAD.search(prefix[max(0, a - 2) : a]):
                return None  # 疫情让深圳市民访问图书馆: a sentence, not a name
            return a, prefix[a:] + la.INSTITUTION
    return None


def generic_level(name: str | None) -> str | None:
    """The level word of a generic own name (市图书馆, 本市图书馆, 据市图书馆: one character of
    the sentence before a bare level is no place), else None."""
    if not name:
        return None
    s = clean(name)
    m = la.GENERIC_LEVEL.match(s) or la.LEAD_CHAR_GENERIC.match(s)
    return m.group(1) if m else None


def generic_library(level: str, text: str) -> str | None:
    """The library a generic 市图书馆 / 县图书馆 names in a document that does not name it:
    the place its first lines name most often, taken to that level (梧州日报… 市图书馆 →
    梧州市图书馆; a county's 市图书馆 is its prefecture's). None when no place is named or
    the place has no such level."""
    from collections import Counter

    head = "\n".join(text.splitlines()[: la.OWN_PLACE_LINES])
    cnt = Counter(p for _, _, p in find_places(clean(head)))
    if not cnt:
        return None
    best = max(cnt.items(), key=lambda kv: (kv[1], -_LEVEL_RANK[kv[0].level]))[0]
    up = {"省": "province", "市": "prefecture"}.get(level)
    place = best if best.name.endswith(level) or up is None else best.up(up)
    return place.name + la.INSTITUTION if place.name.endswith(level) else None


def aggregate_name(place: Place | None, level_word: str | None = None, qualifier: str | None = None) -> str:
    """`<地区>全省公共图书馆` (or 全国公共图书馆, or `<地区><qualifier>公共图书馆`)."""
    if level_word == "国" or place is None and level_word is None:
        return la.NATIONAL
    if place is None:
        return f"全{level_word}公共图书馆"
    if qualifier in la.AGG_KEEP:
        name = place.name[:-1] if qualifier[0] == place.name[-1] and qualifier.endswith("属") else place.name
        return f"{name}{qualifier}公共图书馆"
    if level_word is None:
        # the level word the place's own name ends with (上海市 → 全市, 某某自治区 → 全区, 某某自治州 →
        # 全州), as the text's own 全X would be; the level's word only when the name ends in none
        last = place.name[-1]
        level_word = last if last in ln.AGG_LEVEL_WORDS else la.AGG_LEVEL.get(place.level) or last
    elif not place.name.endswith(level_word):
        # 全省 in a city library's report: the province the city lies in (but 全市 of a
        # county-level city is that city)
        place = place.up(la.AGG_UP.get(level_word, place.level))
    return f"{place.name}全{level_word}公共图书馆"


def _aggregate(s: str, default_place: Place | None) -> str | None:
    matches = list(la.AGGREGATE.finditer(s))
    if not matches:
        return None
    m = matches[-1]  # the last aggregate of the text
    if m.group("all"):
        inside = place_ending_at(s, m.end("all"))
        if inside and inside[0] < m.start("all"):
            return None  # (天全县图书馆: 全县 inside a county's own name, no aggregate)
    before = s[: m.start()]
    places = find_places(before)
    # the place must sit right before the aggregate words (四川全省…, 江苏省公共图书馆)
    place = None
    if places:
        a, b, p = places[-1]
        if len(before) - b <= 1:
            place = p
    if m.group("all"):
        lvl = m.group("all")[1]
        if lvl == "国":
            return la.NATIONAL
        return aggregate_name(place or default_place, lvl)
    if place is None:
        # bare 公共图书馆 with no place and no 全X: not an aggregate name
        return aggregate_name(default_place, None, m.group("qual")) if default_place and m.group("qual") else None
    return aggregate_name(place, None, m.group("qual"))


def is_aggregate(name: str | None) -> bool:
    """True for a region-wide aggregate (全省公共图书馆…), not one library."""
    if not name:
        return False
    s = clean(name)
    return bool(la.AGG_WORD.search(s) or s.endswith("公共图书馆"))


@functools.lru_cache(maxsize=8192)
def place_of(name: str | None) -> Place | None:
    """The most specific place a (canonical) library or aggregate name names (cached)."""
    if not name:
        return None
    s = clean(name)
    ps = find_places(s)
    if not ps:
        return None
    # the first chain of adjacent places (广州市白云区 → 白云区; 广东省立中山 → 广东省)
    chain = [ps[0]]
    for a, b, p in ps[1:]:
        if a != chain[-1][1]:
            break
        chain.append((a, b, p))
    return min((p for _, _, p in chain), key=lambda p: _LEVEL_RANK[p.level])


@functools.lru_cache(maxsize=8192)
def canonical_library(name: str | None, default_place: str | None = None) -> str | None:
    """The canonical name of the library (or aggregate, or branch) `name` mentions.

    `default_place` (a place or library name, e.g. the report's own library) places
    aggregates that name no place (全市公共图书馆 in a city report)."""
    if not isinstance(name, str):
        return None
    if not isinstance(default_place, str):
        default_place = None
    s = clean(name)
    if not s:
        return None
    dp = place_of(default_place) if default_place else None
    agg = _aggregate(s, dp) if ("公共图书馆" in s or la.AGG_WORD.search(s)) else None
    if agg:
        return agg
    mb = la.BRANCH.match(s)
    if mb and ln.BRANCH_PHRASE.search(mb.group("branch")[:-2]):
        # (某图书馆已设立之分馆, 某图书馆及其分馆: the library, not a branch's name)
        return canonical_library(mb.group("main"), default_place)
    if mb and not mb.group("branch").startswith(("总", "本")):
        main = canonical_library(mb.group("main"), default_place)
        return (main or mb.group("main")) + mb.group("branch")
    i = s.rfind(la.INSTITUTION)
    if i < 0:
        return s
    tail = la.SYSTEM_TAIL.sub("", s[i + len(la.INSTITUTION) :])  # 白云区图书馆总分馆: the library
    prefix = ln.DOUBLED_LEVEL.sub(r"\g<first>", s[:i])  # (某县市图书馆: the county's library)
    lib = _library(prefix)
    if lib:
        return lib + tail
    # no place: a named library (国家图书馆) or an unplaced name (XX县图书馆); drop lead words
    m = la.UNPLACED_TAIL.search(prefix)
    core = m.group(0) if m else prefix
    core = la.LEAD_WORDS.sub("", core)
    core = ln.COUNT_LEAD.sub("", core)  # (29个乡镇市图书馆: a count, not part of the name)
    return core + la.INSTITUTION + tail


def library_key(name: str | None, default_place: str | None = None) -> str | None:
    """The comparison key of a library mention: its canonical name."""
    return canonical_library(name, default_place)
