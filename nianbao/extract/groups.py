"""Lists of parts and their totals, for sum checks.

* `共…X,其中A…,B…` / `X,其中:…`: X is the total, the figures after 其中 with
  the same metric are parts; the list is not claimed complete.
* an enumeration of same-metric figures ending in 等 (…50000元等) is a list of
  parts, not complete; a preceding total in the same sentence becomes its total.
* a table whose rows are figures of one family (spending) is a complete list
  unless a row is 其他/等.
Sets `group_id`, `group_role` ('total'/'part') and `group_complete` in place.
"""

from __future__ import annotations

import re
from collections import defaultdict

from ..schema import Figure
from .segment import sentence_bounds


def _family(metric: str) -> str:
    return metric.split(".")[0]


def assign_groups(figs: list[Figure], mt: str) -> None:
    n = 0
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
    for s, fs in by_sent.items():
        fs.sort(key=lambda f: f.char_start)
        for i, tot in enumerate(fs):
            rest = fs[i + 1:]
            if not rest:
                continue
            between = mt[tot.char_end:rest[0].char_start]
            if "其中" not in between:
                continue
            parts = [f for f in rest if _family(f.metric) == _family(tot.metric) and f.metric == tot.metric
                     or (tot.metric == "spending.total" and f.metric.startswith("spending."))]
            if not parts:
                continue
            gid = f"g{n}"
            n += 1
            tot.group_id, tot.group_role, tot.group_complete = gid, "total", False
            for p in parts:
                p.group_id, p.group_role, p.group_complete = gid, "part", False
            break
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
    for tid, fs in tables.items():
        fams = {_family(f.metric) for f in fs}
        if len(fs) < 2 or len(fams) != 1 or fams != {"spending"}:
            continue
        complete = not any(re.search(r"其他|其它|等$", f.evidence) for f in fs)
        gid = f"g{n}"
        n += 1
        for f in fs:
            role = "total" if f.metric == "spending.total" else "part"
            f.group_id, f.group_role, f.group_complete = gid, role, complete
