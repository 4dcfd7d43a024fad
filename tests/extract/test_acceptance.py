"""Acceptance: the extractor on the seed reports against gold.csv (P ≥ 0.95, R ≥ 0.95)."""

from __future__ import annotations

from dataclasses import asdict

import pandas as pd

from nianbao import config
from nianbao.evaluation import score_figures
from nianbao.extract import extract_document
from nianbao.ingest import read_text

RAW = config.PROJECT_ROOT / "raw"


def test_seed_reports_precision_and_recall(gold_dir):
    gd = gold_dir
    files = sorted(RAW.glob("*.txt"))
    assert files, f"no seed reports in {RAW}"
    gold = pd.read_csv(gd / "gold.csv")
    rows = []
    for p in files:
        text = read_text(p)
        res = extract_document(text, p.name)
        for f in res.figures:
            r = asdict(f)
            r["source_file"] = p.name
            rows.append(r)
            assert text[f.char_start : f.char_end].strip(), "span must point at the number"
    s = score_figures(pd.DataFrame(rows), gold)
    msg = f"P={s.precision:.3f} R={s.recall:.3f}\nFN:\n{s.false_negatives}\nFP:\n{s.false_positives}"
    assert s.precision >= 0.95, msg
    assert s.recall >= 0.95, msg


def test_seed_reports_in_traditional_characters_give_the_same_figures():
    from opencc import OpenCC

    cc = OpenCC("s2t")
    for p in sorted(RAW.glob("*.txt")):
        text = read_text(p)
        trad = cc.convert(text)
        assert len(trad) == len(text)
        a = sorted((f.char_start, f.metric, f.value, f.year) for f in extract_document(text).figures)
        b = sorted((f.char_start, f.metric, f.value, f.year) for f in extract_document(trad).figures)
        assert a == b, p.name
