"""Text for matching: traditional → simplified characters, length preserved.

Rules are written in simplified characters. `for_matching(text)` returns a
string of exactly the same length as `text` (converted character by character
when a phrase conversion would change the length), so every offset found in
it is also an offset into the original text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

try:
    from opencc import OpenCC

    _CC = OpenCC("t2s")
except Exception:  # pragma: no cover - opencc is a declared dependency
    _CC = None

# the dictionaries of opencc's t2s conversion (its config/t2s.json), phrases first
_T2S_DICTIONARIES = ("TSPhrases.txt", "TSCharacters.txt")


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


@lru_cache(maxsize=4096)
def _char(c: str) -> str:
    out = _CC.convert(c)
    return out if len(out) == 1 else c


def _entries() -> list[tuple[str, str]]:
    """The entries of the t2s dictionaries that change their text, read from opencc's files
    (key, value; the first value of several, as the converter takes it)."""
    folder = resources.files("opencc") / "dictionary"
    out: list[tuple[str, str]] = []
    for name in _T2S_DICTIONARIES:
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            key, _, value = line.strip().partition("\t")
            value = value.split(" ")[0]
            if key and key != value:
                out.append((key, value))
    return out


@lru_cache(maxsize=1)
def _changing_chars() -> frozenset[str]:
    """At least one character of every dictionary entry that changes its text: those that
    differ from their value in an entry of the same length; for an entry whose value has
    another length, its characters that change on their own, or all of them. A changing
    entry matches only where all its characters are, so a line without any of these
    matches only entries that map to themselves: the converter would return it unchanged."""
    entries = _entries()
    alone = {k for k, v in entries if len(k) == 1}
    out: set[str] = set()
    for k, v in entries:
        if len(k) != len(v):
            out.update([c for c in k if c in alone] or k)
        else:
            out.update(a for a, b in zip(k, v) if a != b)
    return frozenset(out)


def _convert(text: str) -> str:
    """`_CC.convert(text)`, exactly, line by line: a line break is one of the converter's
    separators (no dictionary entry spans it), and a line without a changing character is
    kept as it is without the (slow, pure-Python) dictionary walk."""
    changing = _changing_chars()
    return "\n".join(_CC.convert(ln) if not changing.isdisjoint(ln) else ln for ln in text.split("\n"))


@lru_cache(maxsize=8192)
def _short(text: str) -> str:
    return _for_matching(text)


@lru_cache(maxsize=1)
def _last_long(text: str) -> str:
    return _for_matching(text)


def for_matching(text: str) -> str:
    if _CC is None or not text:
        return text
    if len(text) <= 64:
        return _short(text)  # names and labels recur: cached
    # a whole document is converted twice per extraction (its matching text, its text tables): the
    # last long text is kept, one entry only (the next document replaces it)
    return _last_long(text)


def _for_matching(text: str) -> str:
    # cheap check: no character changes → return as is
    conv = _convert(text)
    if conv == text:
        return text
    if len(conv) == len(text):
        return conv
    return "".join(_char(c) for c in text)


# ------------------------------------------------------------------ compaction
# Web copies of traditional-character pages carry pinyin after characters
# (數(shù)字, 圖(tu)書館(guan)) and doubled punctuation (,, ,;). Rules cannot match
# through them, and blanking them would still break adjacency (数 字), so the
# rules run on a *compacted* copy with an index back into the original:
# `compact(text)` drops the fragments and returns (compacted, index) where
# `index[i]` is the offset in `text` of compacted character i. Offsets found
# in the compacted copy are mapped back with `Compacted.orig`/`orig_end`, so
# every reported span still points into the (length-preserved) normalised text.

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
# a pinyin syllable (toned or plain, 1-6 letters) in brackets right after a CJK character,
# possibly repeated (以上(shang)(shang))
PINYIN_FRAGMENT = re.compile(rf"(?<=[\u4e00-\u9fff)])\((?:[a-z{_TONED}]{{1,6}})\)")
# a run of clause punctuation: keep the strongest mark of the run
_PUNCT_RUN = re.compile(r"[,;。、,;]{2,}")
_STRENGTH = {"。": 3, ";": 2, "、": 1.5, ",": 1}


@dataclass
class Compacted:
    text: str
    index: list[int]  # compacted offset -> original offset
    length: int  # length of the original text

    def orig(self, i: int) -> int:
        """Original offset of compacted start offset `i`."""
        return self.index[i] if i < len(self.index) else self.length

    def orig_end(self, i: int) -> int:
        """Original offset of compacted end offset `i` (exclusive)."""
        return self.index[i - 1] + 1 if i > 0 else 0

    def to_compact(self, j: int) -> int:
        """Compacted offset of original offset `j` (the next kept character)."""
        return bisect_left(self.index, j)

    def take(self, other: str) -> str:
        """The same characters taken out of another text of the original's length."""
        return "".join(other[i] for i in self.index)


def compact(text: str) -> Compacted | None:
    """`text` without pinyin fragments, spam spliced into sentences (lexicon SPAM_FRAGMENT), a wiki's
    footnote marks (WIKI_FOOTNOTE) and doubled punctuation, or None when it has none of them."""
    from .lexicon import SPAM_FRAGMENT, WIKI_FOOTNOTE

    drop: list[tuple[int, int]] = [(m.start(), m.end()) for m in PINYIN_FRAGMENT.finditer(text)]
    drop += [(m.start(), m.end()) for m in SPAM_FRAGMENT.finditer(text)]
    drop += [(m.start(), m.end()) for m in WIKI_FOOTNOTE.finditer(text)]
    for m in _PUNCT_RUN.finditer(text):
        run = m.group(0)
        keep = max(range(len(run)), key=lambda k: (_STRENGTH.get(run[k], 0), k))
        drop += [(m.start() + k, m.start() + k + 1) for k in range(len(run)) if k != keep]
    if not drop:
        return None
    dead = bytearray(len(text))
    for a, b in drop:
        dead[a:b] = b"\x01" * (b - a)
    index = [i for i in range(len(text)) if not dead[i]]
    return Compacted("".join(text[i] for i in index), index, len(text))


# ------------------------------------------------------------------ years in Arabic digits
# 二〇二一年 → 2021年, 民国二十五年 → ` 1936年` (lexicon.attribution.CN_NUMERAL_YEAR / REPUBLIC_YEAR):
# the rules read years as four Arabic digits; both rewrites keep the length (a Republic year whose
# words are shorter than four digits, 民国三年, is left as written).

_CN_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")}
_CN_DIGIT.update({"零": "0", "○": "0", "Ｏ": "0", "0": "0"})


def _small_cn_number(s: str) -> int | None:
    """1–99 written in Chinese numerals (元 = 1, 十五, 二十五, 三十) or digits."""
    if s.isdigit():
        return int(s)
    if s == "元":
        return 1
    if "十" not in s:
        return int(_CN_DIGIT[s]) if len(s) == 1 and s in _CN_DIGIT else None
    tens, _, ones = s.partition("十")
    if len(tens) > 1 or len(ones) > 1 or (tens and tens not in _CN_DIGIT) or (ones and ones not in _CN_DIGIT):
        return None
    return int(_CN_DIGIT[tens] if tens else 1) * 10 + int(_CN_DIGIT[ones] if ones else 0)


def arabic_years(text: str) -> str:
    """`text` with its Chinese-numeral, Republic-era and Japanese-era years in Arabic digits, same length."""
    from .lexicon import attribution as la

    if not any(c in text for c in "〇零○Ｏ0民") and not la.JAPANESE_ERA_YEAR.search(text):
        return text
    out = list(text)
    for m in la.CN_NUMERAL_YEAR.finditer(text):
        y = "".join(_CN_DIGIT[c] for c in m.group(0))
        if y.startswith(("19", "20")):
            out[m.start() : m.end()] = y
    for m in la.REPUBLIC_YEAR.finditer(text):
        n = _small_cn_number(m.group("n"))
        if n is None or not 1 <= n <= la.REPUBLIC_LAST or m.end() - m.start() < 4:
            continue
        y = str(n + la.REPUBLIC_OFFSET)
        out[m.start() : m.end()] = y.rjust(m.end() - m.start())
    for m in la.JAPANESE_ERA_YEAR.finditer(text):
        n = _small_cn_number(m.group("n"))
        if n is None or not 1 <= n <= la.JAPANESE_ERA_LAST[m.group("era")]:
            continue
        y = str(n + la.JAPANESE_ERA_OFFSET[m.group("era")])
        g = la.ERA_GLOSS_AFTER.match(text, m.end())
        if g:  # (昭和九年(1935年) → `1934年` and blanks: the era's year, its gloss dropped)
            out[m.start() : g.end()] = (y + "年").ljust(g.end() - m.start())
        elif m.end() - m.start() >= 4:
            out[m.start() : m.end()] = y.rjust(m.end() - m.start())
    return "".join(out)


# ------------------------------------------------------------------ spun copies
# A "伪原创" rewriting tool swaps words of a page for look-alikes (lexicon SPUN_WORDS); on a page that
# shows its markers the swaps are undone, same length, so the rules read the words they were written for.


def unspin(text: str) -> str:
    """`text` with a spinning tool's swapped words undone (lexicon SPUN_WORDS), same length, when it
    shows the tool's markers (its tell 东说念主, or SPUN_MIN_MARKERS distinct ones); else `text`."""
    from .lexicon import SPUN_MARKERS, SPUN_MIN_MARKERS, SPUN_TELL, SPUN_WORDS

    if SPUN_TELL not in text and sum(w in text for w in SPUN_MARKERS) < SPUN_MIN_MARKERS:
        return text
    for rx, repl in SPUN_WORDS:
        text = rx.sub(
            lambda m, r=repl: r.rjust(m.end() - m.start()) if len(r) <= m.end() - m.start() else m.group(0), text
        )
    return text
