"""Expected figures of a test case written on one line, space-separated items in order:
`metric=value` is the pair (metric, value) and `metric=value:a:b` the tuple (metric, value, a, b), where
each extra field is a segment, a period or a year (an int when it is digits). `""` is no figure:
`"visits.in_person=583000 collection.added=60:local_documents"` is
`[("visits.in_person", 583000), ("collection.added", 60, "local_documents")]`; ending in ` ...`, the
list names figures that must be among the others (`check_figures`). Also how the extractor tests read
a text: `run`, `figs`, `one`."""

from __future__ import annotations

import unicodedata

from nianbao.extract import extract_document


def number(text: str) -> int | float:
    """`583000` or `5_000` is an int, `10489.5` a float."""
    try:
        return int(text)
    except ValueError:
        return float(text)


def tuples(spec: str) -> list[tuple]:
    """The (metric, value, *extra) tuples `spec` lists."""
    out = []
    for item in spec.split():
        metric, sep, rest = item.partition("=")
        if not sep or not metric or not rest:
            raise ValueError(f"not metric=value[:extra...]: {item!r}")
        value, *extra = rest.split(":")
        out.append((metric, number(value), *(int(x) if x.isdigit() else x for x in extra)))
    return out


def check_figures(got: list[tuple], spec: str) -> None:
    """`got` is exactly the figures `spec` lists, in its order; a `spec` ending in ` ...` lists figures
    `got` must include, among others."""
    if spec == "..." or spec.endswith(" ..."):
        for item in tuples(spec[: -len("...")]):
            assert item in got, (item, got)
    else:
        assert got == tuples(spec)


def with_fields(figures, extra: str = "") -> list[tuple]:
    """(metric, value, *the fields `extra` names, space-separated) of each of `figures`, sorted: the
    tuples `check_figures` compares with a case's `metric=value:extra` items."""
    names = extra.split()
    return sorted((f.metric, f.value, *(getattr(f, n) for n in names)) for f in figures)


def run(text: str):
    """The text in NFKC (as the pipeline reads it) and its extraction result."""
    text = unicodedata.normalize("NFKC", text)
    return text, extract_document(text)


def figs(text: str, kind: str = "figure"):
    """(metric, value, year) for every figure of `kind`."""
    _, r = run(text)
    return [(f.metric, f.value, f.year) for f in r.figures if f.kind == kind]


def by_metric_value(text: str) -> dict[tuple[str, float], object]:
    """The figures (kind figure) of `text` keyed by (metric, value), for asserting on one's fields."""
    return {(f.metric, f.value): f for f in extract_document(text).figures if f.kind == "figure"}


def one(text: str, metric: str):
    """The NFKC text and its single figure of `metric` (fails when there are none or several)."""
    t, r = run(text)
    hits = [f for f in r.figures if f.metric == metric]
    assert len(hits) == 1, [(f.metric, f.value) for f in r.figures]
    return t, hits[0]
