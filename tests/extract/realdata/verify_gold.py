#!/usr/bin/env python3
"""Verify a hand-annotated real-document batch (gold.csv + docs/).

Adapted from shared/realdev/verify.py.  Usage:

    python3 tests/extract/realdata/verify_gold.py tests/extract/realdata/batch1 [...]

Checks, for every row of <batch>/gold.csv:
  * the columns are exactly realdev's
    (file,library,year,metric,value,qualifier,scope,period,evidence,segment);
  * the file exists and the evidence string occurs in it (plain substring search);
  * metric / qualifier / scope / period come from the shared spec (metrics.md, read
    at run time; path from $NIANBAO_SPEC or ../shared/spec/metrics.md beside the repo), and
    segment is `all` or a short lower-case code;
  * value is a non-negative integer; year is blank or a 4-digit year;
  * the value can be read off the evidence: some number in the evidence (arabic,
    English number words and "3.29 million", digit groups split by a space such as "4 960", or Chinese numerals such as
    一千四百万 / 百万 / 千万), times 1 / 10^3 / 10^4 / 10^8, equals the value.
Also checks that SOURCES.tsv and docs/ agree and that every doc has a section in
NOTES.md.  Blank years are allowed (undated pages) but listed.  Exit status 1 if
anything fails.

Shared by helpers C1 and C2.  (C1 note: an earlier version of this file written by
C2 was overwritten by mistake at 23:15 UTC; this one takes the batch folder(s) as
arguments, or checks every batch*/ folder when given none.)
"""

import csv
import os
import re
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))))
from nianbao.extract.numbers import cn_positional  # noqa: E402
from tests.paths import SPEC as SPEC_DIR  # noqa: E402

SPEC = os.environ.get("NIANBAO_SPEC") or str(SPEC_DIR / "metrics.md")
COLUMNS = ["file", "library", "year", "metric", "value", "qualifier", "scope", "period", "evidence", "segment"]

spec = open(SPEC, encoding="utf-8").read()
metrics = set(re.findall(r"^\| ([a-z_]+\.[a-z_]+) \|", spec, re.M))
qual_section = spec.split("## Qualifiers", 1)[1].split("## ", 1)[0]
qualifiers = set(re.findall(r"^\| ([a-z_]+) \|", qual_section, re.M)) - {"qualifier"}
scope_line = re.search(r"`scope`:(.*?)\n- `", spec, re.S).group(1)
scopes = set(re.findall(r"`([a-z_]+)`", scope_line))
period_line = re.search(r"`period`:(.*?)(\n\n|\Z)", spec, re.S).group(1)
periods = set(re.findall(r"`([a-z_]+)`", period_line))

DIGIT = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
SMALL = {"十": 10, "百": 100, "千": 1000}
BIG = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}


def chinese_numbers(s):
    """Values of runs of Chinese numerals (一千四百万 -> 14000000, 百万 -> 1000000)."""
    chars = "".join(DIGIT) + "".join(SMALL) + "".join(BIG)
    for m in re.finditer(f"[{chars}]+", s):
        total = cn_positional(m.group(), DIGIT, SMALL, BIG)
        if total:
            yield total


ENGLISH = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def numbers(s):
    for word, n in ENGLISH.items():  # "Eight new ..."
        if re.search(rf"\b{word}\b", s, re.I):
            yield float(n)
    if re.search(r"(?<![\d.])[亿億]", s):  # 破亿 = 1亿
        yield 1.0
    yield from chinese_numbers(s)
    for m in re.finditer(r"(\d+)[万萬] ?(\d,\d{3}|\d{1,4})(?![\d.,])", s):  # mixed: 25萬7134, 94萬 866, 505萬9,547
        yield float(int(m.group(1)) * 10**4 + int(m.group(2).replace(",", "")))
    joined = re.sub(r"(?<=\d) (?=\d{3}(?!\d))", "", s)  # "4 960" -> "4960"
    for text in {s, joined}:
        for m in re.finditer(r"\d[\d,]*(?:\.\d+)?", text):
            try:
                yield float(m.group().replace(",", ""))
            except ValueError:
                pass
        for m in re.finditer(r"\d[\d,]*", text):  # glued table cells
            d = m.group().replace(",", "")
            for i in range(len(d)):
                for j in range(i + 1, len(d) + 1):
                    yield float(d[i:j])


def derivable(value, ev):
    factors = (1, 1000, 10**4, 10**8) + ((10**6,) if "million" in ev else ())
    return any(abs(n * k - value) < 0.5 for n in numbers(ev) for k in factors)


def check(batch):
    docs = os.path.join(batch, "docs")
    bad = 0

    def doc(f):
        return open(os.path.join(docs, f + ".txt"), encoding="utf-8").read()

    if not os.path.exists(os.path.join(batch, "gold.csv")):
        print(f"{batch}: no gold.csv yet")
        return 1
    with open(os.path.join(batch, "gold.csv"), encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != COLUMNS:
            bad += 1
            print("gold.csv columns differ from realdev:", reader.fieldnames)
        rows = list(reader)
    blank_years = set()
    for i, r in enumerate(rows, 2):
        errs = []
        try:
            text = doc(r["file"])
        except FileNotFoundError:
            errs.append("missing doc")
            text = ""
        if r["evidence"] not in text:
            errs.append("evidence not found")
        if r["metric"] not in metrics:
            errs.append("bad metric " + r["metric"])
        if r["qualifier"] not in qualifiers:
            errs.append("bad qualifier")
        if r["scope"] not in scopes:
            errs.append("bad scope")
        if r["period"] not in periods:
            errs.append("bad period")
        if not re.fullmatch(r"[a-z][a-z0-9_]*", r.get("segment") or ""):
            errs.append("bad segment")
        if not r["value"].isdigit():
            errs.append("value not int")
        elif not derivable(int(r["value"]), r["evidence"]):
            errs.append("value not derivable from evidence")
        if r["year"] and not re.fullmatch(r"(1[89]|20)\d\d", r["year"]):
            errs.append("bad year")
        if not r["year"]:
            blank_years.add(r["file"])
        if not r["library"]:
            errs.append("blank library")
        if errs:
            bad += 1
            print(f"gold.csv line {i}: {r['file']} {r['metric']} {r['value']}: " + "; ".join(errs))

    with open(os.path.join(docs, "SOURCES.tsv"), encoding="utf-8") as fh:
        src = list(csv.DictReader(fh, delimiter="\t"))
    on_disk = sorted(f[:-4] for f in os.listdir(docs) if f.endswith(".txt"))
    if on_disk != sorted(r["file"] for r in src):
        bad += 1
        print("SOURCES.tsv and docs/ disagree")
    for f in on_disk:
        if len(open(os.path.join(docs, f + ".txt"), "rb").read()) > 2000:
            bad += 1
            print(f"{f}: excerpt longer than 2000 bytes")
    notes_path = os.path.join(batch, "NOTES.md")
    notes = open(notes_path, encoding="utf-8").read() if os.path.exists(notes_path) else ""
    for f in on_disk:
        if f not in notes:
            bad += 1
            print(f"NOTES.md has nothing on {f}")
    undocumented = sorted(set(on_disk) - {r["file"] for r in rows})
    if undocumented:
        print("docs with no gold rows:", undocumented)
    if blank_years:
        print("docs with blank-year rows (undated pages):", sorted(blank_years))

    print(f"{batch}: {len(on_disk)} docs, {len(rows)} gold rows, {bad} failures")
    whole = Counter(r["metric"] for r in rows if r["segment"] == "all")
    part = Counter(r["metric"] for r in rows if r["segment"] != "all")
    for m in sorted(set(whole) | set(part)):
        print(f"  {m:28s} {whole[m]:5d} {part[m]:5d} {whole[m] + part[m]:5d}")
    return bad


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    batches = sys.argv[1:] or sorted(
        os.path.join(here, d) for d in os.listdir(here) if os.path.isdir(os.path.join(here, d, "docs"))
    )
    sys.exit(1 if sum(check(b) for b in batches) else 0)
