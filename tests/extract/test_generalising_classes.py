"""Classes of error the first reads of held-out batches exposed (issue 8), each on INVENTED
sentences of the same shape (no words of the real pages), kept as data in
fixtures/generalising_classes.json: one reader's record, the sum of a top-N group, the count
of a list of criteria, the unit family deciding online reading vs loans, in-person 到访/接待访问
counts, scaled numbers whose metric noun stands right before them, facility nouns outside the
lexicon, money used to buy books, windows across two years, holdings a place has, population
as the base of a calculation. Each case also lists the library's own figures of the same text
(`read`), so a rule that drops everything fails; `years` checks the year a figure is dated with, `libraries` the library it is
attributed to (null: the report's own)."""

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
    for metric, value, year in case.get("years", []):
        assert year in {f.year for f in found if (f.metric, f.value) == (metric, value)}, (metric, value, year)
    for metric, value, library in case.get("libraries", []):
        got = {f.library_name for f in found if (f.metric, f.value) == (metric, value)}
        assert library in got, (metric, value, library, got)


@pytest.mark.parametrize("kind", ["自助", "智慧"])
def test_a_24_hour_service_library_names_no_other_library(kind):
    # (the name rule reads from after the digits: 小时自助图书馆 is a service, not a library)
    clause = f"现有某某街道分馆24小时{kind}图书馆、27个"
    assert other_library(clause, None) is None
    assert other_library("活动在某某县图书馆举行,共5场", None) == "某某县图书馆"  # a named library still is one


@pytest.mark.parametrize("lead", ["2023年", "据", "而"])
def test_a_generic_city_library_after_a_year_or_a_word_is_no_other_library(lead):
    # (年市图书馆, 据市图书馆: the name rule starts at the character before 市图书馆)
    assert other_library(f"{lead}市图书馆到馆读者达", None) is None
