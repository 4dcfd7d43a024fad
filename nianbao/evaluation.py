"""Score extracted figures and events against the hand-checked gold files.

    python -m nianbao.evaluation            # the warehouse (marts.fct_figures, marts.fct_activities)
    python -m nianbao.evaluation --direct   # run the extractor over raw/ directly, no warehouse
    python -m nianbao.evaluation --direct --raw tests/extract/fixtures/unseen \
        --gold tests/extract/fixtures/unseen/gold.csv   # a held-out benchmark
    python -m nianbao.evaluation --set ../shared/realdev   # a gold set: docs/ + gold.csv (make eval GOLD=…)
    python -m nianbao.evaluation --real     # realdev + tests/extract/realdata/batch*/ (make eval-real)

A gold set is scored in four parts: candidate recall (is each gold value
among the document's numbers at all? file + value within 0.5 %), figure
precision/recall per metric, the misses by cause (false negatives:
not_a_candidate, rejected:<reason>, other_metric, wrong_year, no_year (the figure
has no year at all), matched_elsewhere; false positives: wrong_year, no_year,
wrong_metric, wrong_value, not_in_gold), and the
agreement of library (canonical names), year, scope, segment, period and
qualifier on matched figures.

Figures match when file, metric and year agree and the values are within
0.5 %; matching is one-to-one and greedy (closest values first), so a figure
stated twice needs two predicted rows. Events match on file, start date and
title; for matched events the location and attendance agreement is reported.
Gold comes from `../shared/seeds` next to the project (override with
`NIANBAO_GOLD_DIR`). Exit status 0, except 2 when an input is missing.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd

from nianbao import config

TOL = 0.005
NO_YEAR = -1  # the key of a figure or gold row with no year


# ------------------------------------------------------------------ helpers


def _base(p) -> str:
    """A document's key: its file name without extension (gold may omit it)."""
    return Path(str(p)).stem


def _year_key(y) -> int:
    """The year as a matching key; NO_YEAR when there is none."""
    v = _year(y)
    return NO_YEAR if v is None else v


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
    agreement: dict = field(default_factory=dict)  # matched pairs: share with the same qualifier/scope/segment/period
    gold_rows: pd.DataFrame = field(default=None, repr=False)  # the scored frames (matches index them)
    pred_rows: pd.DataFrame = field(default=None, repr=False)


def _prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r


def _file_keys(frame: pd.DataFrame, column: str) -> pd.Series:
    """Document keys: the file's stem, prefixed by its gold set when several are scored together."""
    keys = frame[column].map(_base)
    if "set" in frame.columns:
        keys = frame["set"].astype(str) + ":" + keys
    return keys


def score_figures(pred: pd.DataFrame, gold: pd.DataFrame, verbose: bool = False, with_year: bool = True) -> FigureScore:
    """One-to-one greedy matching on (file, metric, year) with values within 0.5 %
    (on (file, metric) only when `with_year` is False)."""
    pred = pred.copy()
    gold = gold.copy()
    if "kind" in pred.columns:
        pred = pred[pred["kind"].fillna("figure") == "figure"]
    pred["_file"] = _file_keys(pred, "source_file" if "source_file" in pred.columns else "file")
    # a blank year is a key of its own (NaN never equals NaN in a lookup): -1 stands for it
    pred["_year"] = pred["year"].map(_year_key).astype(int)
    pred["_value"] = pd.to_numeric(pred["value"], errors="coerce")
    gold["_file"] = _file_keys(gold, "file")
    gold["_year"] = gold["year"].map(_year_key).astype(int)
    gold["_value"] = pd.to_numeric(gold["value"], errors="coerce")
    pred = pred.reset_index(drop=True)
    gold = gold.reset_index(drop=True)

    matched_p: set[int] = set()
    matched_g: set[int] = set()
    pairs = []
    key_cols = ["_file", "metric", "_year"] if with_year else ["_file", "metric"]
    pgroups = {k: list(v.index) for k, v in pred.groupby(key_cols, dropna=False)}
    for key, g in gold.groupby(key_cols, dropna=False):
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
        rows.append(
            {
                "metric": m,
                "gold": len(gi),
                "pred": len(pi),
                "tp": tp,
                "fp": fp,
                "fn": fn,
                "precision": round(p, 3),
                "recall": round(r, 3),
            }
        )
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
    return FigureScore(per_metric, tp, fp, fn, p, r, fns, fps, matches, agreement, gold, pred)


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


def _pred_date(d) -> str:
    return "" if d is None or (isinstance(d, float) and pd.isna(d)) or d is pd.NaT else str(d)[:10]


def score_events(pred: pd.DataFrame, gold_events: pd.DataFrame) -> EventScore:
    """Match events on (file, start date, title), one-to-one."""
    pred = pred.copy().reset_index(drop=True)
    gold = gold_events.copy().reset_index(drop=True)
    pfile = pred["source_file"] if "source_file" in pred.columns else pred.get("file", pd.Series(dtype=str))
    pred["_file"] = pfile.map(_base) if len(pred) else pd.Series(dtype=str)
    pdate = pred["event_date"] if "event_date" in pred.columns else pred.get("date", pd.Series(dtype=str))
    pred["_date"] = pdate.map(_pred_date) if len(pred) else pd.Series(dtype=str)
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
        loc = sum(
            _same(pred.at[pi, "location"] if "location" in pred else None, gold.at[gi, "location"]) for gi, pi in pairs
        ) / len(pairs)
        att = sum(
            _same(pred.at[pi, "attendance"] if "attendance" in pred else None, gold.at[gi, "attendance"])
            for gi, pi in pairs
        ) / len(pairs)
    mg = {g for g, _ in pairs}
    return EventScore(
        tp,
        fp,
        fn,
        p,
        rcl,
        loc,
        att,
        gold.loc[[i for i in gold.index if i not in mg]],
        pred.loc[[i for i in pred.index if i not in used]],
    )


# ------------------------------------------------------------------ inputs


def gold_dir() -> Path:
    """NIANBAO_GOLD_DIR (`nianbao.config.Settings.gold_dir`)."""
    return config.settings().gold_dir


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
    """source_file → text of every document of the raw folder (`read_texts`), read as the pipeline reads it."""
    raw = raw or config.raw_dir()
    if not raw.is_dir():
        raise FileNotFoundError(f"raw folder not found: {raw} (set NIANBAO_RAW_DIR)")
    return read_texts(raw)


def direct_predictions(raw: Path | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    from nianbao.extract import extract_document

    figs, evs = [], []
    for name, text in read_raw_texts(raw).items():
        res = extract_document(text, name)
        for f in res.figures:
            r = asdict(f)
            r["source_file"] = name
            figs.append(r)
        for e in res.events:
            r = asdict(e)
            r["source_file"] = name
            evs.append(r)
    fcols = ["source_file", "metric", "year", "value", "evidence", "kind"]
    ecols = ["source_file", "event_date", "title", "location", "attendance"]
    return (
        pd.DataFrame(figs) if figs else pd.DataFrame(columns=fcols),
        pd.DataFrame(evs) if evs else pd.DataFrame(columns=ecols),
    )


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
        raise FileNotFoundError(f"marts.fct_figures not readable in {path}: {e}") from e
    finally:
        con.close()
    return figs, evs


# ------------------------------------------------------------------ gold sets (docs/ + gold.csv)

# files of a gold set's docs/ folder that describe the set rather than being documents
METADATA_SUFFIXES = (".tsv", ".csv", ".md", ".json", ".py", ".log")
ATTRIBUTES = ("library", "year", "scope", "segment", "period", "qualifier")


def realdev_dir() -> Path:
    return config.PROJECT_ROOT.parent / "shared" / "realdev"


def real_batches() -> list[Path]:
    """The real-corpus batches under tests/extract/realdata (each: docs/ + gold.csv), the
    held-out ones (heldout/batch*, once their first read is recorded) included."""
    root = config.PROJECT_ROOT / "tests" / "extract" / "realdata"
    if not root.is_dir():
        return []
    return sorted((p for p in root.glob("**/batch*") if (p / "gold.csv").exists()), key=lambda p: p.name)


def set_docs(d: Path) -> Path:
    """The documents of a gold set: its docs/ folder, or the folder itself (the seeds)."""
    d = Path(d)
    return d / "docs" if (d / "docs").is_dir() else d


def read_texts(folder: Path) -> dict[str, str]:
    """source_file → text of every loaded document, read exactly as the pipeline reads it."""
    from nianbao.ingest import read_folder

    return {
        r.source_file: r.text
        for r in read_folder(Path(folder), progress=False)
        if r.status == "loaded"
        and not r.source_file.lower().endswith(METADATA_SUFFIXES)
        and Path(r.source_file).name not in ("gold.csv", "gold_events.csv")
    }


@dataclass
class Extracted:
    # source_file, set, library_name (the report's when none), year (report year when none), ...
    figures: pd.DataFrame
    events: pd.DataFrame
    candidates: pd.DataFrame  # source_file, set, char_start, char_end, text, value, unit, fate, reason, metric
    texts: dict  # (set, source_file) → text
    libraries: dict  # (set, stem) → the report's own library


def extract_texts(texts: dict[str, str], set_name: str = "") -> Extracted:
    """Run the extractor on each text; figures carry the library and year the warehouse would give them."""
    from nianbao.extract import extract_document

    figs, evs, cands, libs = [], [], [], {}
    for name, text in texts.items():
        res = extract_document(text, name)
        libs[(set_name, _base(name))] = res.library_name
        for f in res.figures:
            r = asdict(f)
            r.update(
                source_file=name,
                set=set_name,
                stated_library=f.library_name,
                library_name=f.library_name or res.library_name,
                report_library=res.library_name,
                year=f.year if f.year is not None else res.report_year,
            )
            figs.append(r)
        for e in res.events:
            evs.append({**asdict(e), "source_file": name, "set": set_name})
        for c in res.candidates:
            cands.append({**asdict(c), "source_file": name, "set": set_name})
    fcols = [
        "source_file",
        "set",
        "metric",
        "year",
        "value",
        "evidence",
        "kind",
        "library_name",
        "char_start",
        "char_end",
    ]
    ccols = ["source_file", "set", "char_start", "char_end", "text", "value", "unit", "fate", "reason", "metric"]
    return Extracted(
        pd.DataFrame(figs) if figs else pd.DataFrame(columns=fcols),
        pd.DataFrame(evs) if evs else pd.DataFrame(columns=["source_file", "set"]),
        pd.DataFrame(cands) if cands else pd.DataFrame(columns=ccols),
        {(set_name, k): v for k, v in texts.items()},
        libs,
    )


def _concat(parts: list[Extracted]) -> Extracted:
    return Extracted(
        pd.concat([p.figures for p in parts], ignore_index=True),
        pd.concat([p.events for p in parts], ignore_index=True),
        pd.concat([p.candidates for p in parts], ignore_index=True),
        {k: v for p in parts for k, v in p.texts.items()},
        {k: v for p in parts for k, v in p.libraries.items()},
    )


def _evidence_spans(texts_by_key: dict, key: str, evidence) -> list[tuple[int, int]]:
    """Where a gold evidence string occurs in its document (every occurrence)."""
    text = texts_by_key.get(key)
    if not text or not isinstance(evidence, str) or not evidence.strip():
        return []
    ev = unicodedata.normalize("NFKC", evidence).strip()
    out, i = [], text.find(ev)
    while i >= 0:
        out.append((i, i + len(ev)))
        i = text.find(ev, i + 1)
    return out


@dataclass
class CandidateScore:
    recall: float
    found: int
    gold: int
    missing: pd.DataFrame = field(repr=False)  # gold rows with no candidate of their value


def score_candidates(cands: pd.DataFrame, gold: pd.DataFrame) -> CandidateScore:
    """Share of gold rows whose value is among the numbers of their document (within 0.5 %)."""
    gold = gold.copy()
    gold["_file"] = _file_keys(gold, "file")
    cands = cands.copy()
    cands["_file"] = _file_keys(cands, "source_file")
    values = {
        k: [v for v in pd.to_numeric(g["value"], errors="coerce") if pd.notna(v)] for k, g in cands.groupby("_file")
    }
    found = [
        any(_close(v, float(r["value"])) for v in values.get(r["_file"], []))
        if pd.notna(pd.to_numeric(r["value"], errors="coerce"))
        else False
        for _, r in gold.iterrows()
    ]
    n = int(sum(found))
    return CandidateScore(n / len(gold) if len(gold) else 1.0, n, len(gold), gold.loc[[not f for f in found]])


def _text_keys(ex: Extracted) -> dict[str, str]:
    return {(f"{s}:" if s else "") + _base(name): t for (s, name), t in ex.texts.items()}


def fn_causes(s: FigureScore, ex: Extracted, multi_set: bool) -> pd.Series:
    """Why each unmatched gold row was missed (index: the false negatives of `s`)."""
    texts = _text_keys(ex) if multi_set else {_base(n): t for (_, n), t in ex.texts.items()}
    cands = ex.candidates.copy()
    cands["_file"] = _file_keys(cands, "source_file") if multi_set else cands["source_file"].map(_base)
    cgroups = {k: g for k, g in cands.groupby("_file")}
    pred = s.pred_rows
    pgroups = {k: g for k, g in pred.groupby("_file")}
    out = {}
    for gi, g in s.false_negatives.iterrows():
        gv = pd.to_numeric(g["value"], errors="coerce")
        cg = cgroups.get(g["_file"])
        close = (
            []
            if cg is None or pd.isna(gv)
            else [r for _, r in cg.iterrows() if pd.notna(r["value"]) and _close(float(r["value"]), float(gv))]
        )
        if not close:
            out[gi] = "not_a_candidate"
            continue
        spans = _evidence_spans(texts, g["_file"], g.get("evidence"))
        inside = [r for r in close if any(a <= r["char_start"] < b for a, b in spans)]
        pool = inside or close
        if not any(r["fate"] == "figure" for r in pool):
            out[gi] = f"rejected:{pool[0]['reason']}"
            continue
        pg = pgroups.get(g["_file"])
        same_value = [] if pg is None else [r for _, r in pg.iterrows() if _close(r["_value"], float(gv))]
        other_year = [r for r in same_value if r["metric"] == g["metric"] and r["_year"] != g["_year"]]
        if other_year:
            # no_year: the extractor gave the figure no year (the report's year is unknown)
            out[gi] = "no_year" if all(r["_year"] == NO_YEAR for r in other_year) else "wrong_year"
        elif same_value and all(r["metric"] != g["metric"] for r in same_value):
            out[gi] = "other_metric"
        elif same_value:
            out[gi] = "matched_elsewhere"  # the figure is there but scored against another gold row
        else:
            out[gi] = "other"
    return pd.Series(out, dtype=object)


def fp_causes(s: FigureScore, ex: Extracted, multi_set: bool) -> pd.Series:
    """Why each unmatched predicted figure is a false positive (index: the false positives of `s`)."""
    texts = _text_keys(ex) if multi_set else {_base(n): t for (_, n), t in ex.texts.items()}
    gold = s.gold_rows
    ggroups = {k: g for k, g in gold.groupby("_file")}
    out = {}
    for pi, p in s.false_positives.iterrows():
        gg = ggroups.get(p["_file"])
        rows = [] if gg is None else [r for _, r in gg.iterrows()]
        close = [r for r in rows if pd.notna(r["_value"]) and _close(p["_value"], r["_value"])]
        start = p.get("char_start")
        if any(r["metric"] == p["metric"] and r["_year"] != p["_year"] for r in close):
            out[pi] = "no_year" if p["_year"] == NO_YEAR else "wrong_year"
        elif close:
            out[pi] = "wrong_metric"
        elif (
            start is not None
            and pd.notna(start)
            and any(
                r["metric"] == p["metric"]
                and any(a <= start < b for a, b in _evidence_spans(texts, p["_file"], r.get("evidence")))
                for r in rows
            )
        ):
            out[pi] = "wrong_value"
        else:
            out[pi] = "not_in_gold"
    return pd.Series(out, dtype=object)


def _library_key(name, place):
    """The library as compared for agreement: its canonical name (`libraries.canonical_library`,
    aggregates placed by the report's own library `place`), so that 市图书馆 and 某市图书馆 agree."""
    if not isinstance(name, str) or not name.strip():
        return None
    from nianbao.extract.libraries import canonical_library

    return canonical_library(name, place)


def attribute_agreement(
    s: FigureScore, relaxed: FigureScore, libraries: dict | None = None, multi_set: bool = False
) -> dict:
    """Share of matched figures whose library, scope, segment, period and qualifier agree with the
    gold; year: share of figures matched on file, metric and value whose year agrees."""
    out = {}
    gold, pred = s.gold_rows, s.pred_rows
    pairs = [(int(r.gold_row), int(r.pred_row)) for r in s.matches.itertuples()] if len(s.matches) else []
    for col in ATTRIBUTES:
        if col == "year":
            rp = (
                [(int(r.gold_row), int(r.pred_row)) for r in relaxed.matches.itertuples()]
                if len(relaxed.matches)
                else []
            )
            if rp:
                same = sum(relaxed.gold_rows.at[g, "_year"] == relaxed.pred_rows.at[q, "_year"] for g, q in rp)
                out[col] = same / len(rp)
            continue
        pcol = "library_name" if col == "library" else col
        if col not in gold.columns or pcol not in pred.columns or not pairs:
            continue
        agree = 0
        for g, q in pairs:
            a, b = gold.at[g, col], pred.at[q, pcol]
            if col == "library":
                place = pred.at[q, "report_library"] if "report_library" in pred.columns else None
                a, b = _library_key(a, place), _library_key(b, place)
            agree += str(a) == str(b)
        out[col] = agree / len(pairs)
    return out


@dataclass
class SetScore:
    name: str
    docs: int
    candidates: CandidateScore
    figures: FigureScore
    fn_cause: pd.Series
    fp_cause: pd.Series
    agreement: dict
    events: EventScore | None = None  # when the set has a gold_events.csv


def score_set(ex: Extracted, gold: pd.DataFrame, name: str, multi_set: bool = False) -> SetScore:
    """All four parts of the score of one gold set (or of several, with a `set` column)."""
    figs = ex.figures
    cs = score_candidates(
        ex.candidates if multi_set else ex.candidates.drop(columns="set", errors="ignore"),
        gold if multi_set else gold.drop(columns="set", errors="ignore"),
    )
    f = figs if multi_set else figs.drop(columns="set", errors="ignore")
    g = gold if multi_set else gold.drop(columns="set", errors="ignore")
    s = score_figures(f, g)
    relaxed = score_figures(f, g, with_year=False)
    agreement = attribute_agreement(s, relaxed, ex.libraries, multi_set)
    return SetScore(name, len(ex.texts), cs, s, fn_causes(s, ex, multi_set), fp_causes(s, ex, multi_set), agreement)


def evaluate_sets(dirs: list[Path]) -> tuple[list[SetScore], SetScore | None]:
    """Score each gold set, then all of them together (None when only one)."""
    parts, golds, scores = [], [], []
    for d in dirs:
        name = Path(d).name
        gold = pd.read_csv(Path(d) / "gold.csv", dtype={"file": str})
        ex = extract_texts(read_texts(set_docs(d)), name)
        sc = score_set(ex, gold, name)
        gev = Path(d) / "gold_events.csv"
        if gev.exists():
            sc.events = score_events(
                ex.events, pd.read_csv(gev, dtype={"file": str, "date": str, "title": str, "location": str})
            )
        scores.append(sc)
        parts.append(ex)
        golds.append(gold.assign(set=name))
    if len(dirs) < 2:
        return scores, None
    return scores, score_set(_concat(parts), pd.concat(golds, ignore_index=True), "all", multi_set=True)


def _print_set(sc: SetScore, max_misses: int, detail: bool = True) -> None:
    s, c = sc.figures, sc.candidates
    print(f"== {sc.name}: {sc.docs} documents, {c.gold} gold figures ==")
    print(f"candidate recall: {c.recall:.3f} ({c.found}/{c.gold} gold values among the documents' numbers)")
    print(f"figures: tp={s.tp} fp={s.fp} fn={s.fn}  precision={s.precision:.3f}  recall={s.recall:.3f}")
    if sc.agreement:
        print("agreement on matched figures: " + "  ".join(f"{k}={v:.3f}" for k, v in sc.agreement.items()))
    if len(sc.fn_cause):
        print("false negatives by cause: " + ", ".join(f"{k} {v}" for k, v in sc.fn_cause.value_counts().items()))
    if len(sc.fp_cause):
        print("false positives by cause: " + ", ".join(f"{k} {v}" for k, v in sc.fp_cause.value_counts().items()))
    if sc.events is not None:
        e = sc.events
        print(f"events: tp={e.tp} fp={e.fp} fn={e.fn}  precision={e.precision:.3f}  recall={e.recall:.3f}")
    if not detail:
        return
    with pd.option_context("display.max_rows", 200, "display.width", 160):
        print(s.per_metric.to_string(index=False))
    fns = s.false_negatives.assign(cause=sc.fn_cause)
    for _, r in fns.sort_values("cause").head(max_misses).iterrows():
        print(
            f"  FN {r['cause']:<24} {r['_file']:<14} {r['_year']} {r['metric']:<28} {r['value']:<12} "
            f"| {r.get('evidence', '')}"
        )
    fps = s.false_positives.assign(cause=sc.fp_cause)
    for _, r in fps.sort_values("cause").head(max_misses).iterrows():
        ev = str(r.get("evidence", ""))[:60].replace("\n", " ")
        print(f"  FP {r['cause']:<24} {r['_file']:<14} {r['_year']} {r['metric']:<28} {r['value']:<12} | {ev}")


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
    print(
        f"tp={s.tp} fp={s.fp} fn={s.fn}  precision={s.precision:.3f}  recall={s.recall:.3f}  "
        f"location agreement={la}  attendance agreement={aa}"
    )
    for _, r in s.false_negatives.head(max_misses).iterrows():
        print(f"  FN {r['_file'][:3]} {r['_date']} {r['title']}")
    for _, r in s.false_positives.head(max_misses).iterrows():
        print(f"  FP {r['_file'][:3]} {r['_date']} {r['title']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m nianbao.evaluation", description=__doc__.splitlines()[0])
    ap.add_argument("--direct", action="store_true", help="run the extractor over the raw folder (no warehouse)")
    ap.add_argument("--max-misses", type=int, default=200, help="how many misses to list")
    ap.add_argument(
        "--raw", type=Path, default=None, help="raw folder for --direct (default: the configured raw folder)"
    )
    ap.add_argument(
        "--gold",
        type=Path,
        default=None,
        help="gold.csv, or a folder holding gold.csv (and gold_events.csv); default: the seed gold",
    )
    ap.add_argument(
        "--set",
        type=Path,
        action="append",
        default=None,
        metavar="DIR",
        help="a gold set laid out like ../shared/realdev (docs/ + gold.csv), extracted directly; repeatable",
    )
    ap.add_argument(
        "--real", action="store_true", help="realdev and every tests/extract/realdata/batch*/: per set and all together"
    )
    args = ap.parse_args(argv)
    if args.set or args.real:
        dirs = list(args.set or []) + ([realdev_dir()] + real_batches() if args.real else [])
        missing = [d for d in dirs if not (Path(d) / "gold.csv").exists()]
        if missing:
            print(f"error: no gold.csv in {', '.join(map(str, missing))}", file=sys.stderr)
            return 2
        scores, together = evaluate_sets(dirs)
        for sc in scores:
            _print_set(sc, args.max_misses, detail=together is None)
            print()
        if together is not None:
            _print_set(together, args.max_misses)
        return 0
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
