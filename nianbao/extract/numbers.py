"""Numbers as written in Chinese reports: find them, parse them, qualify them.

`parse_number("21.2万余")` → `Parsed(212000.0, None, 'at_least')`. Handles Arabic
numbers (with thousands separators and decimals), Chinese numerals (一万二千,
两千余, 三十多, 十二), mixed forms (1.5万, 3.2亿, 万余 = 10000), scales 万/亿/千,
qualifiers (余/多/超/逾/以上/突破 → at_least, 约/左右/大约 → approx,
近/不到/不足/以下 → at_most) and ranges (2-3, 2至3, 2~3).

`find_quantities(text)` returns every number that is followed by a unit
(`Quantity`), with the span of number+unit; bare numbers are returned only
when `bare=True` (label:value lines, table cells).

Chinese numerals go through `cn2an` (smart mode) after the qualifier suffixes
are stripped; a small fallback handles what cn2an refuses (千余, 万余).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

try:  # cn2an is a declared dependency; keep a fallback so parsing never crashes
    import cn2an as _cn2an
except Exception:  # pragma: no cover
    _cn2an = None

CN_DIGITS = "零〇一二两三四五六七八九"
CN_UNITS = "十百千"
CN_CHARS = CN_DIGITS + CN_UNITS + "壹贰叁肆伍陆柒捌玖拾佰仟"
_CN_DIGIT_VAL = {c: i for i, c in enumerate("零一二三四五六七八九")}
_CN_DIGIT_VAL.update(
    {"〇": 0, "两": 2, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9}
)
_CN_UNIT_VAL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
SCALES = {"万": 10_000, "亿": 100_000_000, "千": 1_000, "百": 100}

AT_LEAST_PRE = ("超过", "超", "逾", "突破", "多于", "高于", "不少于", "不低于", "破")
APPROX_PRE = ("大约", "约", "大概")
AT_MOST_PRE = ("将近", "接近", "近", "不到", "不足", "少于")
AT_LEAST_POST = ("余", "多", "以上", "有余")
APPROX_POST = ("左右", "上下")
AT_MOST_POST = ("以下", "以内")


@dataclass
class Parsed:
    value: float
    value_high: float | None
    qualifier: str


def _cn_int(s: str) -> float | None:
    """Chinese numeral without scale 万/亿 (up to 9999), fallback parser."""
    if not s:
        return None
    if all(c in _CN_DIGIT_VAL for c in s):  # digit by digit: 二〇二〇
        if len(s) == 1:
            return float(_CN_DIGIT_VAL[s])
        return float("".join(str(_CN_DIGIT_VAL[c]) for c in s))
    return cn_positional(s, _CN_DIGIT_VAL, _CN_UNIT_VAL)


def cn_positional(
    s: str, digits: dict[str, int], units: dict[str, int], scales: dict[str, int] | None = None
) -> float | None:
    """A Chinese numeral read place by place (一千四百 → 1400; with `scales` 万/亿 too: 一千四百万 →
    14000000, 百万 → 1000000): a digit before a unit multiplies it (alone, the unit counts
    once), a scale multiplies what precedes it; None at a character of none of the tables."""
    total, section, digit = 0, 0, None
    for c in s:
        if c in digits:
            digit = digits[c]
        elif c in units:
            section += (1 if digit is None else digit) * units[c]
            digit = None
        elif scales and c in scales:
            section += digit or 0
            total += (section or 1) * scales[c]
            section, digit = 0, None
        else:
            return None
    return float(total + section + (digit or 0))


def cn_to_number(s: str) -> float | None:
    """Chinese (or mixed) numeral → number: 一万二千 → 12000, 两千 → 2000, 1.5万 → 15000."""
    s = s.strip()
    if not s:
        return None
    if _cn2an is not None:
        try:
            v = _cn2an.cn2an(s, "smart")
            return float(v)
        except Exception:
            pass
    # fallback: split on 亿 / 万
    for sc, mult in (("亿", 1e8), ("万", 1e4)):
        if sc in s:
            hi, _, lo = s.partition(sc)
            h = _arabic_or_cn(hi) if hi else 1.0
            low = _arabic_or_cn(lo) if lo else 0.0
            if h is None or low is None:
                return None
            return h * mult + low
    return _arabic_or_cn(s)


def _arabic_or_cn(s: str) -> float | None:
    s = s.replace(",", "")
    try:
        return float(s)
    except ValueError:
        pass
    if s and s[0] in "十拾百佰千仟":
        s = "一" + s
    return _cn_int(s)


def _strip_affixes(s: str) -> tuple[str, str]:
    """Remove qualifier words around a number string; return (core, qualifier)."""
    q = "exact"
    s = s.strip()
    for w in AT_LEAST_PRE:
        if s.startswith(w):
            return s[len(w) :].strip(), "at_least"
    for w in APPROX_PRE:
        if s.startswith(w):
            s, q = s[len(w) :].strip(), "approx"
            break
    else:
        for w in AT_MOST_PRE:
            if s.startswith(w):
                s, q = s[len(w) :].strip(), "at_most"
                break
    for ws, qq in ((AT_LEAST_POST, "at_least"), (APPROX_POST, "approx"), (AT_MOST_POST, "at_most")):
        for w in ws:
            if s.endswith(w):
                return s[: -len(w)].strip(), (q if q != "exact" else qq)
    return s, q


_RANGE_SEP = re.compile(r"\s*(?:-|~|—|–|至|到)\s*")


_INNER_LEAST = re.compile(r"(.*?)(余|多)(万|亿|千)?")
_PLAIN = re.compile(r"\d+(?:\.\d+)?")
_SCALED = re.compile(r"(\d+(?:\.\d+)?)(万|亿|千|百)")
_WAN_AND = re.compile(r"(\d+(?:\.\d+)?)万零?(\d+)(千)?")


def _core_value(core: str) -> tuple[float | None, bool]:
    """Parse a number core that may carry 余/多 inside (21.2万余 → 212000, True)."""
    inner_least = False
    m = _INNER_LEAST.fullmatch(core)
    if m and m.group(1):
        core = m.group(1) + (m.group(3) or "")
        inner_least = True
    core = core.replace(",", "").replace(" ", "")
    if core in ("万", "亿", "千", "百"):  # 万余 with no digit
        return float(SCALES[core]), inner_least
    if core in ("千万", "百万"):  # 破千万
        return float(SCALES[core[0]] * SCALES[core[1]]), inner_least
    if _PLAIN.fullmatch(core):
        return float(core), inner_least
    m = _SCALED.fullmatch(core)
    if m:
        return round(float(m.group(1)) * SCALES[m.group(2)], 6), inner_least
    m = _WAN_AND.fullmatch(core)  # 3万5000, 2万5千, 8万零500
    if m:
        return float(m.group(1)) * 1e4 + float(m.group(2)) * (1e3 if m.group(3) else 1), inner_least
    v = cn_to_number(core)
    return v, inner_least


def parse_number(s: str) -> Parsed | None:
    """Parse a written number with its qualifier words (no unit)."""
    if s is None:
        return None
    core, q = _strip_affixes(s)
    if not core:
        return None
    # a range: both sides numbers
    parts = _RANGE_SEP.split(core)
    if len(parts) == 2 and parts[0] and parts[1]:
        lo_core, hi_core = parts
        # 2-3万: the scale of the high end applies to the low end
        sc = hi_core[-1] if hi_core[-1] in "万亿" and lo_core[-1] not in "万亿" else ""
        lo, _ = _core_value(lo_core + sc)
        hi, _ = _core_value(hi_core)
        if lo is not None and hi is not None and lo <= hi:
            return Parsed(lo, hi, "range")
        return None
    v, inner = _core_value(core)
    if v is None:
        return None
    if inner and q == "exact":
        q = "at_least"
    return Parsed(_clean(v), None, q)


def _clean(v: float) -> float:
    r = round(v, 6)
    return float(int(r)) if r == int(r) else r


# ------------------------------------------------------------ finding numbers

_CN_NUM = f"[{CN_CHARS}]+"
# (thousands may be grouped with commas or, in print, with a space right before a word: 4 960件;
# space-separated table columns such as `416 290 293` stay apart)
_AR_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+(?=[\u4e00-\u9fff])|\d+(?:\.\d+)?"
_ONE = rf"(?:{_AR_NUM}|{_CN_NUM})"
_NUM_CORE = (
    rf"(?:{_ONE}[ \t]*(?:余|多)?[ \t]*"
    rf"(?:万(?: ?零?(?:\d,\d{{3}}|\d{{1,4}})(?![\d,])千?"
    rf"|[一二两三四五六七八九]千(?:[一二两三四五六七八九]百)?)?|亿|千)?"
    rf"|(?<![{CN_CHARS}\d])(?:万|千)(?=余)"
    rf"|(?<=[破超逾过近])(?:千万|百万|亿|万|千|百))"
)
# a pinyin gloss a mirror site prints after a character (10萬(wàn)余冊(cè)): part of the number it
# interrupts, left out of its value (`strip_gloss`)
_GLOSS = r"(?:\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]{1,6}\))"
_NUMBER = rf"{_NUM_CORE}{_GLOSS}?(?:[ \t]*(?:-|~|—|至|到)[ \t]*{_NUM_CORE})?[ \t]*(?:余|多)?{_GLOSS}?"
_GLOSS_RE = re.compile(_GLOSS)


def strip_gloss(num: str) -> str:
    """A written number without the pinyin glosses inside it (10万(wàn)余 → 10万余)."""
    return _GLOSS_RE.sub("", num) if "(" in num else num


# units, longest first; METRIC_UNITS are those a figure may have, the rest are
# recognised only so that their numbers are not mistaken for bare numbers.
METRIC_UNITS = (
    "人次",
    "册次",
    "场次",
    "册件",
    "件次",
    "项次",
    "篇次",
    "元",
    "册",
    "件",
    "场",
    "次",
    "个",
    "家",
    "处",
    "张",
    "份",
    "所",
    "座",
    "期",
    "节",
    "堂",
    "人",
    "名",
    "本",
    "读者",
    "项",
    "台",
    "位",  # (6万位市民办理了读者证: persons, read only where a cue names it)
    "TB",
    "GB",
    "%",
)
# a unit written with an alternative in brackets (15840.60万篇(册)次): read as the first one
_UNIT_ALT = re.compile(r"篇\s*\((?:册|件)\)\s*次")
OTHER_UNITS = (
    "平方米",
    "分钟",
    "小时",
    "周年",
    "课时",
    "组家庭",
    "篇",
    "户",
    "种",
    "部",
    "天",
    "箱",
    "年",
    "月",
    "日",
    "号",
    "岁",
    "条",
    "类",
    "届",
    "批",
    "层",
    "米",
    "公里",
    "世纪",  # (17世纪: a century, not a count)
    "万元",
)
# 个 then these is a duration (一个月, 三个星期)
DURATION_AFTER_GE = ("月", "星期", "钟头", "小时", "工作日")
_UNIT = _UNIT_ALT.pattern + "|" + "|".join(sorted(set(METRIC_UNITS + ("万元", "千元", "亿元")), key=len, reverse=True))

# a bare scale is a number only after these (破亿, 超千万, 逾百万, 近万)
_SCALE_ONLY_PRE = ("破", "超", "逾", "超过", "突破", "近", "将近")

QUANTITY_RE = re.compile(
    # (约为 / 约有 / 约达 25万: the qualifier before a linking verb)
    rf"(?P<pre>约|大约|近|将近|接近|不到|不足|超过|超|逾|突破|不少于|多于|破)?(?:(?<=约)[为有达计])?[ \t]*"
    rf"(?P<num>{_NUMBER})[ \t]*(?P<unit>{_UNIT})?(?P<post>以上|左右|以下|上下|多|余)?"
)


@dataclass
class Quantity:
    start: int  # span of number + unit (qualifier prefix excluded)
    end: int
    num_start: int
    value: float
    value_high: float | None
    qualifier: str
    unit: str | None  # unit as written ('万元' when scale+元); None if bare
    scale_unit: str  # scale+unit as written (万人次, 万元, 册 ...)
    text: str


@functools.lru_cache(maxsize=8)
def quantity_matches(text: str) -> tuple[re.Match, ...]:
    """`QUANTITY_RE` over `text` (cached: the prose pass and the candidates read the same text)."""
    return tuple(QUANTITY_RE.finditer(text))


_CN_CORE = re.compile(f"[{CN_CHARS}]+(?:余|多)?")
_CN_ONLY = re.compile(f"[{CN_CHARS}]+")
_SCALE_TAIL = re.compile(r"(万|亿|千)\s*(?:余|多)?\s*$")


def find_quantities(text: str, bare: bool = False) -> list[Quantity]:
    """Every number in `text` followed by a metric unit (or any number if `bare`)."""
    out: list[Quantity] = []
    for m in quantity_matches(text) if len(text) > 200 else QUANTITY_RE.finditer(text):
        num = m.group("num")
        if not num or not num.strip():
            continue
        ns = m.start("num")
        prev = text[ns - 1] if ns > 0 else ""
        # glued to letters (Z39, 5G), an ordinal 第N, a decimal point, or a date part
        prev2 = text[ns - 2] if ns > 1 else ""
        if prev and (prev.isascii() and prev.isalnum() or prev == "第"):
            continue
        if prev and prev in ".-/:~" and prev2.isdigit():  # 9:30, 2022-08-26, 1.5.3
            continue
        unit = m.group("unit")
        if unit == "个" and text.startswith(DURATION_AFTER_GE, m.end("unit")):
            continue  # 一个月, 3个星期: a duration, not a count
        nxt = text[m.end("num") : m.end("num") + 3].lstrip(" \t")
        if unit is None and not bare:
            continue
        core = strip_gloss(num.strip())
        if unit is None and _CN_CORE.fullmatch(core):
            continue
        if unit == "读者" and _CN_ONLY.fullmatch(core):
            continue  # 一读者: one reader, not a count
        if unit in ("人", "名") and core == "一":
            continue  # 一人借书、全家阅读: one person of a motto, never a count
        if unit == "读者" and num != num.rstrip():
            unit = None  # `2019\t读者活动`: a column, not a count of readers
        if (
            core in ("千", "百", "万", "十", "千万", "百万")
            and not (
                core in ("万", "千万", "百万")
                and m.group("pre") in _SCALE_ONLY_PRE
                # (近千场, 超百场: a round count of a unit)
                or core in ("千", "百")
                and m.group("pre") in _SCALE_ONLY_PRE
                and unit in METRIC_UNITS
                # (年接待读者量达百万人次: a round level reached, with its unit)
                or core in ("千万", "百万")
                and unit in METRIC_UNITS
                and text[max(0, m.start() - 2) : m.start()].endswith(("达", "达到"))
            )
        ):
            continue  # 千家万户, 百姓: words, not numbers (破万 is 10000, 超千万 10 million)
        # Chinese-numeral units that are really words: 一期 in 一期工程 is fine to keep
        if unit is None:
            # a number followed by another unit we do not count (年, 月, 天 ...)
            if nxt.startswith(OTHER_UNITS):
                continue
        pre = m.group("pre") or ""
        post = m.group("post") or ""
        # 人次 vs 人: if the unit is 人 and next char is 次 the regex already took 人次
        p = parse_number(pre + core + post if post in ("以上", "左右", "以下", "上下") else pre + core + post)
        if p is None:
            continue
        unit_text = unit or ""
        if unit_text and _UNIT_ALT.fullmatch(unit_text):
            unit_text = "篇次"
        scale_unit = ""
        mm = _SCALE_TAIL.search(core)
        if mm:
            scale_unit = mm.group(1)
        if unit_text in ("万元", "千元", "亿元"):
            p = Parsed(
                _clean(p.value * SCALES[unit_text[0]]),
                None if p.value_high is None else _clean(p.value_high * SCALES[unit_text[0]]),
                p.qualifier,
            )
            scale_unit, unit_text = unit_text, "元"
        else:
            scale_unit = scale_unit + unit_text
        end = m.end("unit") if unit else m.end("num")
        if post and post in ("多", "余"):
            end = m.end("post")
        out.append(
            Quantity(
                start=ns,
                end=end,
                num_start=ns,
                value=p.value,
                value_high=p.value_high,
                qualifier=p.qualifier,
                unit=unit_text or None,
                scale_unit=scale_unit or unit_text,
                text=text[ns:end],
            )
        )
    return _shared_units(text, out)


def _shared_units(text: str, qs: list[Quantity]) -> list[Quantity]:
    """A listed number takes the unit of the next one (分别为1134万、1127万册)."""
    for a, b in zip(qs, qs[1:]):
        if a.unit is not None or b.unit is None or text[a.end : b.num_start] not in ("、", "和", "及", "与"):
            continue
        a_scale = re.search(r"(万|亿|千)$", a.text.strip())
        b_scale = b.scale_unit[: -len(b.unit)] if b.scale_unit.endswith(b.unit) else ""
        if b.unit == "元" or (a_scale.group(1) if a_scale else "") != b_scale:
            continue
        a.unit, a.scale_unit = b.unit, b.scale_unit
    return qs
