"""Quick check: extract_events on raw/*.txt against shared/seeds/gold_events.csv.

Run: .venv/bin/python tests/extract/check_events_gold.py [-v]
Prints, per file, gold rows matched on (date, title, location, attendance)
and on date+title only, and the extracted events no gold row matched.
"""

from __future__ import annotations

import csv
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from nianbao.extract.events import extract_events  # noqa: E402
from nianbao.ingest import read_text  # noqa: E402
from tests.paths import SEEDS  # noqa: E402


def nfkc(s: str) -> str:
    return unicodedata.normalize("NFKC", s)


def gold_rows() -> list[dict]:
    with open(SEEDS / "gold_events.csv", encoding="utf-8") as f:
        return [{k: nfkc(v) for k, v in r.items()} for r in csv.DictReader(f)]


def ev_date(e) -> str:
    if e.event_date is None:
        return ""
    fmt = (lambda d: d.isoformat()) if e.date_precision == "day" else (lambda d: d.strftime("%Y-%m"))
    s = fmt(e.event_date)
    if e.end_date:
        s += "/" + fmt(e.end_date)
    return s


def ev_att(e) -> str:
    if e.attendance is None:
        return ""
    return str(int(e.attendance)) if e.attendance == int(e.attendance) else str(e.attendance)


def main(verbose: bool) -> dict:
    gold = gold_rows()
    files = sorted({g["file"] for g in gold})
    summary = {}
    for fn in files:
        text = read_text(ROOT / "raw" / fn)
        evs = extract_events(text, 2020)
        g = [r for r in gold if r["file"] == fn]
        used = set()
        full = dt = 0
        misses = []
        for r in g:
            hit = None
            cands = [
                i for i, e in enumerate(evs) if i not in used and ev_date(e) == r["date"] and e.title == r["title"]
            ]
            full_c = [
                i for i in cands if (evs[i].location or "") == r["location"] and ev_att(evs[i]) == r["attendance"]
            ]
            if full_c or cands:
                hit = (full_c or cands)[0]
            if hit is None:
                misses.append(r)
                continue
            used.add(hit)
            dt += 1
            e = evs[hit]
            if (e.location or "") == r["location"] and ev_att(e) == r["attendance"]:
                full += 1
            elif verbose:
                print("  field mismatch", r["seq"], repr(e.location), repr(r["location"]), ev_att(e), r["attendance"])
        extra = [e for i, e in enumerate(evs) if i not in used]
        summary[fn] = (len(g), dt, full, len(extra))
        print(f"{fn}: gold {len(g)}  date+title {dt}  all fields {full}  unmatched extracted {len(extra)}")
        if verbose:
            for r in misses:
                print("  MISS", r["seq"], r["date"], r["title"], "|", r["location"])
            for e in extra:
                print("  EXTRA", e.seq, ev_date(e), e.title, "|", e.location)
    return summary


if __name__ == "__main__":
    main("-v" in sys.argv)
