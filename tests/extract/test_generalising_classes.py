"""Classes of error the first reads of held-out batches exposed (issue 8), each on INVENTED
sentences of the same shape (no words of the real pages), kept as data in
fixtures/generalising_classes.json (one class a case: one reader's record, the sum of a top-N
group, counts of listed criteria, the unit family deciding online use vs loans, in-person
到访 counts, scaled numbers after their metric noun, facility nouns outside the lexicon, money
used to buy books, windows across two years, holdings a place has, ROC years, Cantonese
particles ...). Each case lists figures of its own text that must be read (`read`), so a rule
that drops everything fails; `attributes` checks what a figure is attributed with (year,
library_name with null for the report's own, segment)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nianbao.extract import extract_document
from nianbao.extract.attribute import other_library

CASES = json.loads((Path(__file__).parent / "fixtures" / "generalising_classes.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["class"] for c in CASES])
def test_class_of_error(case):
    found = [f for f in extract_document(case["text"]).figures if f.kind == "figure"]
    figs = {(f.metric, f.value) for f in found}
    assert case["read"], "each case keeps a figure of its own text"
    for metric, value in case["read"]:
        assert (metric, value) in figs, (metric, value, sorted(figs))
    for metric, value in case["not_read"]:
        assert (metric, value) not in figs, (metric, value, sorted(figs))
    assert not set(case["no_figure_with_value"]) & {v for _, v in figs}, sorted(figs)
    for metric, value, field, expected in case.get("attributes", []):
        got = {getattr(f, field) for f in found if (f.metric, f.value) == (metric, value)}
        assert expected in got, (metric, value, field, expected, got)


@pytest.mark.parametrize("kind", ["自助", "智慧"])
def test_a_24_hour_service_library_names_no_other_library(kind):
    # (the name rule reads from after the digits: 小时自助图书馆 is a service, not a library)
    clause = f"现有某某街道分馆24小时{kind}图书馆、27个"
    assert other_library(clause, None) is None
    assert other_library("活动在某某县图书馆举行,共5场", None) == "某某县图书馆"  # a named library still is one


@pytest.mark.parametrize("lead", ["2023年", "据", "而", "去年"])
def test_a_generic_city_library_after_a_year_or_a_word_is_no_other_library(lead):
    # (年市图书馆, 据市图书馆: the name rule starts at the character before 市图书馆)
    assert other_library(f"{lead}市图书馆到馆读者达", None) is None
