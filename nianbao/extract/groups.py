"""Lists of parts and their totals, for sum checks.

* `共…X,其中A…,B…` / `X,其中:…`: X is the total, the figures after 其中 with
  the same metric are parts; the list is not claimed complete.
* an enumeration of same-metric figures ending in 等 (…50000元等) is a list of
  parts, not complete; a preceding total in the same sentence becomes its total.
* a table whose rows are figures of one family (spending) is a complete list
  unless a row is 其他/等 (forms whose parts `table_figures` grouped keep their groups).
* a figure equal to the sum of 2-4 figures of its line is their total (complete).
* a stated ratio (年每万人参加读者活动人次为87.68, 人均藏书0.8册) becomes a
  `Figure` of kind 'ratio' (`as_ratio`): numerator metric, denominator
  population.served, scale 10000 / 1; it never reaches fct_figures.
Sets `group_id`, `group_role` ('total'/'part') and `group_complete` in place.
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import combinations

from ..schema import Figure
from . import lexicon as lx
from .segment import clause_bounds, sentence_bounds


def _family(metric: str) -> str:
    return metric.split(".")[0]


def _qizhong_span(mt: str, at: int, rest: list[Figure]) -> list[Figure]:
    """The figures a 其中 at `at` can list: up to the bracket that closes it ((其中A12场)吸引…,
    组织…73场: the group ends at the bracket), and before the first figure whose clause
    opens a new whole (各类活动73场)."""
    out = []
    if re.search(r"[(（]\s*$", mt[max(0, at - 3) : at]):
        ends = [i for i in (mt.find(")", at), mt.find("）", at)) if i >= 0]
        close = min(ends) if ends else len(mt)
        rest = [f for f in rest if f.char_start < close]
    for f in rest:
        cs, _ = clause_bounds(mt, f.char_start)
        if out and lx.WHOLE_WORDS.search(mt[cs : f.char_start]):
            break
        out.append(f)
    return out


RATIO_DENOMINATOR = "population.served"


def as_ratio(f: Figure, scale: float) -> Figure:
    """Turn a figure whose wording is a rate (每万人…, 人均…) into a stated ratio."""
    f.kind = "ratio"
    f.ratio_numerator = f.metric
    f.ratio_denominator = RATIO_DENOMINATOR
    f.ratio_scale = scale
    f.metric = f"{f.metric}_per_{int(scale)}_population" if scale != 1 else f"{f.metric}_per_capita"
    return f


def _line_of(mt: str, pos: int) -> int:
    return mt.rfind("\n", 0, pos) + 1


def _group(gid: str, total: Figure | None, parts, complete: bool) -> None:
    """Put `total` (when there is one) and `parts` in the group `gid`."""
    if total is not None:
        total.group_id, total.group_role, total.group_complete = gid, "total", complete
    for p in parts:
        p.group_id, p.group_role, p.group_complete = gid, "part", complete


def stated_sums(figs: list[Figure], mt: str, start: int = 0) -> int:
    """A figure equal to the sum of 2-4 other figures of the same line, metric and year is
    their total (6.9370万 + 7.0568万 = 13.9938万); when the parts are the library, its
    branches and its service points, the total's scope is the whole system."""
    n = start
    by_line: dict[tuple, list[Figure]] = defaultdict(list)
    for f in figs:
        if f.kind == "figure" and not f.table_id and f.qualifier == "exact":
            by_line[(_line_of(mt, f.char_start), f.metric, f.year)].append(f)
    for fs in by_line.values():
        if len(fs) < 3 or len(fs) > 12:
            continue
        for tot in sorted(fs, key=lambda f: -f.value):
            if tot.group_id:
                continue
            others = [f for f in fs if f is not tot and f.group_id is None and f.value < tot.value]
            found = None
            for k in (2, 3, 4):
                for combo in combinations(others, k):
                    if abs(sum(f.value for f in combo) - tot.value) <= 0.002 * tot.value:
                        found = combo
                        break
                if found:
                    break
            if not found:
                continue
            _group(f"g{n}", tot, found, complete=True)
            n += 1
            scopes = {p.scope for p in found}
            if "branches" in scopes and ("library" in scopes or "service_points" in scopes) and tot.scope == "library":
                tot.scope = "system"
    return n


def assign_groups(figs: list[Figure], mt: str) -> None:
    n = stated_sums(figs, mt)
    by_sent: dict[int, list[Figure]] = defaultdict(list)
    tables: dict[str, list[Figure]] = defaultdict(list)
    for f in figs:
        if f.kind != "figure":
            continue
        if f.table_id:
            tables[f.table_id].append(f)
        else:
            s, _ = sentence_bounds(mt, f.char_start)
            by_sent[s].append(f)
    # prose: 其中 / 等
    for fs in by_sent.values():
        fs.sort(key=lambda f: f.char_start)
        for i, tot in enumerate(fs):
            rest = fs[i + 1 :]
            if not rest:
                continue
            between = mt[tot.char_end : rest[0].char_start]
            if "其中" not in between:
                continue
            rest = _qizhong_span(mt, tot.char_end + between.find("其中"), rest)
            parts = [
                f
                for f in rest
                if _family(f.metric) == _family(tot.metric)
                and f.metric == tot.metric
                or (tot.metric == "spending.total" and f.metric.startswith("spending."))
            ]
            if not parts:
                continue
            _group(f"g{n}", tot, parts, complete=False)
            n += 1
            break
    # enumerations of same-metric figures that end in 等 (…4次,…63次等): parts, not complete
    for fs in by_sent.values():
        fs = sorted(fs, key=lambda f: f.char_start)
        i = 0
        while i < len(fs):
            j = i
            while j + 1 < len(fs) and fs[j + 1].metric == fs[i].metric and fs[j + 1].group_id is None:
                j += 1
            run = [f for f in fs[i : j + 1] if f.group_id is None]
            if len(run) >= 2 and re.match(r"\s*等", mt[run[-1].char_end : run[-1].char_end + 3]):
                _group(f"g{n}", None, run, complete=False)
                n += 1
            i = j + 1
    # spending enumerations that end in 等 and belong to the preceding total
    spend = [f for f in figs if f.kind == "figure" and not f.table_id and f.metric.startswith("spending.")]
    spend.sort(key=lambda f: f.char_start)
    tot = None
    for f in spend:
        if f.metric == "spending.total":
            tot = f
            continue
        if tot and f.group_id is None and f.char_start - tot.char_end < 400 and f.year == tot.year:
            f.group_id, f.group_role, f.group_complete = tot.group_id or f"g{n}", "part", False
            if tot.group_id is None:
                tot.group_id, tot.group_role, tot.group_complete = f.group_id, "total", False
                n += 1
    # tables: one family per table → a complete list (unless 其他/等)
    for fs in tables.values():
        fams = {_family(f.metric) for f in fs}
        if len(fs) < 2 or len(fams) != 1 or fams != {"spending"} or any(f.group_id for f in fs):
            continue  # grouped already (a form's parts, `table_figures`)
        complete = not any(re.search(r"其他|其它|等$", f.evidence) for f in fs)
        gid = f"g{n}"
        n += 1
        for f in fs:
            role = "total" if f.metric == "spending.total" else "part"
            f.group_id, f.group_role, f.group_complete = gid, role, complete
