"""Helpers shared by the figure-extractor tests (not a test module)."""

from __future__ import annotations

import unicodedata

from nianbao.extract import extract_document


def run(text: str):
    text = unicodedata.normalize("NFKC", text)
    return text, extract_document(text)


def figs(text: str, kind: str = "figure"):
    """(metric, value, year) for every figure of `kind`."""
    _, r = run(text)
    return [(f.metric, f.value, f.year) for f in r.figures if f.kind == kind]


def one(text: str, metric: str):
    t, r = run(text)
    hits = [f for f in r.figures if f.metric == metric]
    assert len(hits) == 1, [(f.metric, f.value) for f in r.figures]
    return t, hits[0]
