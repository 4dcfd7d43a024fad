"""Score extracted figures and events against the hand-checked gold files.

    python -m nianbao.evaluation            # the warehouse (marts.fct_figures, marts.fct_activities)
    python -m nianbao.evaluation --direct   # run the extractor over raw/ directly, no warehouse
    python -m nianbao.evaluation --direct --raw tests/extract/fixtures/unseen \
        --gold tests/extract/fixtures/unseen/gold.csv   # a held-out benchmark

Figures match when file, metric and year agree and the values are within
0.5 %; matching is one-to-one and greedy (closest values first), so a figure
stated twice needs two predicted rows. Events match on file, start date and
title; for matched events the location and attendance agreement is reported.
Gold comes from `../shared/seeds` next to the project (override with
`NIANBAO_GOLD_DIR`). Exit status 0, except 2 when an input is missing.
"""

from __future__ import annotations

import argparse
import os
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from nianbao import config

TOL = 0.005


# ------------------------------------------------------------------ helpers

def _base(p) -> str:
    """A document's key: its file name without extension (gold may omit it)."""
    return Path(str(p)).stem


def _year(y):
    try:
        if y is None or (isinstance(y, float) and pd.isna(y)) or y is pd.NA:
            return None
        return int(y)
    except (TypeError, ValueError):
        return None


def _close(a: float, b: float) -> bool:
    if b == 0:
        return a == 0
    return abs(a - b) <= TOL * abs(b)


def _norm_title(s) -> str:
    if s is None or (isinstance(s, float) and pd.isna(s)):
        return ""
    return "".join(unicodedata.normalize("NFKC", str(s)).split())


def _gold_start_date(s) -> str:
    if s is None or (isinstance(s, float) and pd.isna(s)):
        return ""
    s = str(s).split("/")[0].strip()
    if len(s) == 7:  # YYYY-MM
        s += "-01"
    return s[:10]


@dataclass
class FigureScore:
    per_metric: pd.DataFrame
    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    false_negatives: pd.DataFrame = field(repr=False)
    false_positives: pd.DataFrame = field(repr=False)
    matches: pd.DataFrame = field(repr=False)
    agreement: dict = field(default_factory=dict)   # matched pairs: share with the same qualifier/scope/segment/period


def _prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r


def score_figures(pred: pd.DataFrame, gold: pd.DataFrame, verbose: bool = False) -> FigureScore:
    """One-to-one greedy matching on (file, metric, year) with values within 0.5 %."""
    pred = pred.copy()
    gold = gold.copy()
    if "kind" in pred.columns:
        pred = pred[pred["kind"].fillna("figure") == "figure"]
    pfile = pred["source_file"] if "source_file" in pred.columns else pred["file"]
    pred["_file"] = pfile.map(_base)
    pred["_year"] = pred["year"].map(_year)
    pred["_value"] = pd.to_numeric(pred["value"], errors="coerce")
    gold["_file"] = gold["file"].map(_base)
    gold["_year"] = gold["year"].map(_year)
    gold["_value"] = pd.to_numeric(gold["value"], errors="coerce")
    pred = pred.reset_index(drop=True)
    gold = gold.reset_index(drop=True)

    matched_p: set[int] = set()
    matched_g: set[int] = set()
    pairs = []
    pgroups = {k: list(v.index) for k, v in pred.groupby(["_file", "metric", "_year"], dropna=False)}
    for key, g in gold.groupby(["_file", "metric", "_year"], dropna=False):
        cands = []
        for gi in g.index:
            for pi in pgroups.get(key, []):
                gv, pv = gold.at[gi, "_value"], pred.at[pi, "_value"]
                if pd.notna(gv) and pd.notna(pv) and _close(pv, gv):
                    cands.append((abs(pv - gv), gi, pi))
        for _, gi, pi in sorted(cands):
            if gi in matched_g or pi in matched_p:
                continue
            matched_g.add(gi)
            matched_p.add(pi)
            pairs.append((gi, pi))

    metrics = sorted(set(gold["metric"]) | set(pred["metric"]))
    rows = []
    for m in metrics:
        gi = gold.index[gold["metric"] == m]
        pi = pred.index[pred["metric"] == m]
        tp = sum(1 for i in gi if i in matched_g)
        fn = len(gi) - tp
        fp = sum(1 for i in pi if i not in matched_p)
        p, r = _prf(tp, fp, fn)
        rows.append({"metric": m, "gold": len(gi), "pred": len(pi), "tp": tp, "fp": fp, "fn": fn,
                     "precision": round(p, 3), "recall": round(r, 3)})
    per_metric = pd.DataFrame(rows, columns=["metric", "gold", "pred", "tp", "fp", "fn", "precision", "recall"])
    tp = len(pairs)
    fp = len(pred) - len(matched_p)
    fn = len(gold) - len(matched_g)
    p, r = _prf(tp, fp, fn)
    fns = gold.loc[[i for i in gold.index if i not in matched_g]]
    fps = pred.loc[[i for i in pred.index if i not in matched_p]]
    matches = pd.DataFrame([{"gold_row": g, "pred_row": q} for g, q in pairs])
    agreement = {}
    for col in ("qualifier", "scope", "segment", "period"):
        if col in gold.columns and col in pred.columns and pairs:
            agreement[col] = sum(str(gold.at[g, col]) == str(pred.at[q, col]) for g, q in pairs) / len(pairs)
    return FigureScore(per_metric, tp, fp, fn, p, r, fns, fps, matches, agreement)


@dataclass
class EventScore:
    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    location_agree: float | None
    attendance_agree: float | None
    false_negatives: pd.DataFrame = field(repr=False)
    false_positives: pd.DataFrame = field(repr=False)


def _same(a, b) -> bool:
    na = a is None or (isinstance(a, float) and pd.isna(a)) or (isinstance(a, str) and not a.strip())
    nb = b is None or (isinstance(b, float) and pd.isna(b)) or (isinstance(b, str) and not b.strip())
    if na or nb:
        return na and nb
    try:
        return abs(float(a) - float(b)) < 1e-9
    except (TypeError, ValueError):
        return _norm_title(a) == _norm_title(b)


def score_events(pred: pd.DataFrame, gold_events: pd.DataFrame) -> EventScore:
    """Match events on (file, start date, title), one-to-one."""
    pred = pred.copy().reset_index(drop=True)
    gold = gold_events.copy().reset_index(drop=True)
    pfile = pred["source_file"] if "source_file" in pred.columns else pred.get("file", pd.Series(dtype=str))
    pred["_file"] = pfile.map(_base) if len(pred) else pd.Series(dtype=str)
    pdate = pred["event_date"] if "event_date" in pred.columns else pred.get("date", pd.Series(dtype=str))
    pred["_date"] = pdate.map(lambda d: "" if d is None or (isinstance(d, float) and pd.isna(d)) or d is pd.NaT else str(d)[:10]) if len(pred) else pd.Series(dtype=str)
    pred["_title"] = pred["title"].map(_norm_title) if len(pred) else pd.Series(dtype=str)
    gold["_file"] = gold["file"].map(_base)
    gold["_date"] = gold["date"].map(_gold_start_date)
    gold["_title"] = gold["title"].map(_norm_title)
    index: dict[tuple, list[int]] = {}
    for i, r in pred.iterrows():
        index.setdefault((r["_file"], r["_date"], r["_title"]), []).append(i)
    used: set[int] = set()
    pairs = []
    def agreement(gi: int, pi: int) -> int:
        """How many of location and attendance agree (to prefer the right twin of a repeated row)."""
        return sum(_same(pred.at[pi, c] if c in pred else None, gold.at[gi, c]) for c in ("location", "attendance"))

    for gi, r in gold.iterrows():
        free = [pi for pi in index.get((r["_file"], r["_date"], r["_title"]), []) if pi not in used]
        if free:
            pi = max(free, key=lambda i: (agreement(gi, i), -i))
            used.add(pi)
            pairs.append((gi, pi))
    tp = len(pairs)
    fp = len(pred) - tp
    fn = len(gold) - tp
    p, rcl = _prf(tp, fp, fn)
    loc = att = None
    if pairs:
        loc = sum(_same(pred.at[pi, "location"] if "location" in pred else None, gold.at[gi, "location"])
                  for gi, pi in pairs) / len(pairs)
        att = sum(_same(pred.at[pi, "attendance"] if "attendance" in pred else None, gold.at[gi, "attendance"])
                  for gi, pi in pairs) / len(pairs)
    mg = {g for g, _ in pairs}
    return EventScore(tp, fp, fn, p, rcl, loc, att,
                      gold.loc[[i for i in gold.index if i not in mg]],
                      pred.loc[[i for i in pred.index if i not in used]])


# ------------------------------------------------------------------ inputs

def gold_dir() -> Path:
    return Path(os.environ.get("NIANBAO_GOLD_DIR") or config.PROJECT_ROOT.parent / "shared" / "seeds")


def load_gold(d: Path | None = None) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    d = d or gold_dir()
    f = d / "gold.csv"
    if not f.exists():
        raise FileNotFoundError(f"gold file not found: {f} (set NIANBAO_GOLD_DIR to the folder holding gold.csv)")
    gold = pd.read_csv(f, dtype={"file": str})
    ge = d / "gold_events.csv"
    gev = pd.read_csv(ge, dtype={"file": str, "date": str, "title": str, "location": str}) if ge.exists() else None
    return gold, gev


def read_raw_texts(raw: Path | None = None) -> dict[str, str]:
    raw = raw or config.raw_dir()
    if not raw.is_dir():
        raise FileNotFoundError(f"raw folder not found: {raw} (set NIANBAO_RAW_DIR)")
    out = {}
    for p in sorted(raw.rglob("*")):
        if not p.is_file() or p.suffix.lower() not in (".txt", ".md", ".text", ""):
            continue
        try:
            t = p.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        out[p.relative_to(raw).as_posix()] = unicodedata.normalize("NFKC", t)
    return out


def direct_predictions(raw: Path | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    from nianbao.extract import extract_document
    from nianbao.schema import as_row
    figs, evs = [], []
    for name, text in read_raw_texts(raw).items():
        res = extract_document(text, name)
        for f in res.figures:
            r = as_row(f)
            r["source_file"] = name
            figs.append(r)
        for e in res.events:
            r = as_row(e)
            r["source_file"] = name
            evs.append(r)
    fcols = ["source_file", "metric", "year", "value", "evidence", "kind"]
    ecols = ["source_file", "event_date", "title", "location", "attendance"]
    return (pd.DataFrame(figs) if figs else pd.DataFrame(columns=fcols),
            pd.DataFrame(evs) if evs else pd.DataFrame(columns=ecols))


def warehouse_predictions() -> tuple[pd.DataFrame, pd.DataFrame | None]:
    import duckdb
    path = config.warehouse_path()
    if not path.exists():
        raise FileNotFoundError(f"warehouse not found: {path} (run `make run` first, or use --direct)")
    con = duckdb.connect(str(path), read_only=True)
    try:
        figs = con.execute("select * from marts.fct_figures").df()
        try:
            evs = con.execute("select * from marts.fct_activities where grain = 'event'").df()
        except duckdb.Error:
            evs = None
    except duckdb.Error as e:
        raise FileNotFoundError(f"marts.fct_figures not readable in {path}: {e}")
    finally:
        con.close()
    return figs, evs


# ------------------------------------------------------------------ report

def _print_figures(s: FigureScore, max_misses: int) -> None:
    print("== figures ==")
    with pd.option_context("display.max_rows", 200, "display.width", 160):
        print(s.per_metric.to_string(index=False))
    print(f"\noverall: tp={s.tp} fp={s.fp} fn={s.fn}  precision={s.precision:.3f}  recall={s.recall:.3f}")
    if s.agreement:
        print("attribute agreement on matched figures: " + "  ".join(f"{k}={v:.3f}" for k, v in s.agreement.items()))
    if len(s.false_negatives):
        print(f"\n-- false negatives ({len(s.false_negatives)}) --")
        for _, r in s.false_negatives.head(max_misses).iterrows():
            print(f"  FN {r['_file'][:3]} {r['_year']} {r['metric']:<32} {r['value']:<12} | {r.get('evidence', '')}")
    if len(s.false_positives):
        print(f"\n-- false positives ({len(s.false_positives)}) --")
        for _, r in s.false_positives.head(max_misses).iterrows():
            ev = str(r.get("evidence", ""))[:70]
            print(f"  FP {r['_file'][:3]} {r['_year']} {r['metric']:<32} {r['value']:<12} | {ev}")


def _print_events(s: EventScore, max_misses: int) -> None:
    print("\n== events ==")
    la = "n/a" if s.location_agree is None else f"{s.location_agree:.3f}"
    aa = "n/a" if s.attendance_agree is None else f"{s.attendance_agree:.3f}"
    print(f"tp={s.tp} fp={s.fp} fn={s.fn}  precision={s.precision:.3f}  recall={s.recall:.3f}  "
          f"location agreement={la}  attendance agreement={aa}")
    for _, r in s.false_negatives.head(max_misses).iterrows():
        print(f"  FN {r['_file'][:3]} {r['_date']} {r['title']}")
    for _, r in s.false_positives.head(max_misses).iterrows():
        print(f"  FP {r['_file'][:3]} {r['_date']} {r['title']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m nianbao.evaluation", description=__doc__.splitlines()[0])
    ap.add_argument("--direct", action="store_true", help="run the extractor over the raw folder (no warehouse)")
    ap.add_argument("--max-misses", type=int, default=200, help="how many misses to list")
    ap.add_argument("--raw", type=Path, default=None, help="raw folder for --direct (default: the configured raw folder)")
    ap.add_argument("--gold", type=Path, default=None,
                    help="gold.csv, or a folder holding gold.csv (and gold_events.csv); default: the seed gold")
    args = ap.parse_args(argv)
    try:
        if args.gold is not None:
            gdir = args.gold if args.gold.is_dir() else args.gold.parent
            if args.gold.is_dir() or args.gold.name == "gold.csv":
                gold, gold_events = load_gold(gdir)
            else:
                if not args.gold.exists():
                    raise FileNotFoundError(f"gold file not found: {args.gold}")
                gold, gold_events = pd.read_csv(args.gold, dtype={"file": str}), None
        else:
            gold, gold_events = load_gold()
        if args.direct:
            figs, evs = direct_predictions(args.raw)
        else:
            figs, evs = warehouse_predictions()
    except FileNotFoundError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    _print_figures(score_figures(figs, gold), args.max_misses)
    if gold_events is not None and evs is not None:
        _print_events(score_events(evs, gold_events), args.max_misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
