"""The shared test helpers check what they claim: a wrong expectation fails, a malformed case is refused."""

from __future__ import annotations

import pytest

from tests.support.cases import load_cases
from tests.support.figures import check_figures, tuples


def test_tuples_reads_pairs_and_extra_fields_in_order():
    assert tuples("") == []
    assert tuples("visits.in_person=583000 collection.total=5_000") == [
        ("visits.in_person", 583000),
        ("collection.total", 5000),
    ]
    assert tuples("activities.attendance=9876.5:2020 x.y=3:2024:plan z.w=60:local_documents") == [
        ("activities.attendance", 9876.5, 2020),
        ("x.y", 3, 2024, "plan"),
        ("z.w", 60, "local_documents"),
    ]
    with pytest.raises(ValueError):
        tuples("visits.in_person")


@pytest.mark.parametrize(
    "got, spec",
    [
        ([("a.b", 1)], "a.b=2"),  # another value
        ([("a.b", 1), ("c.d", 2)], "c.d=2 a.b=1"),  # another order
        ([("a.b", 1)], ""),  # a figure where none is expected
        ([("a.b", 1)], "c.d=1 ..."),  # a figure missing among others
    ],
)
def test_check_figures_fails_on_a_wrong_expectation(got, spec):
    with pytest.raises(AssertionError):
        check_figures(got, spec)


def test_check_figures_passes_exact_lists_and_subsets():
    check_figures([("a.b", 1, "all"), ("c.d", 2, "minors")], "a.b=1:all c.d=2:minors")
    check_figures([("a.b", 1, "all"), ("c.d", 2, "minors")], "c.d=2:minors ...")
    check_figures([], "")


def test_load_cases_refuses_missing_unknown_and_repeated_fields(tmp_path):
    good = tmp_path / "good.yaml"
    good.write_text('- id: one\n  text: "甲"\n  figures: ""\n', encoding="utf-8")
    (case,) = load_cases(good, "text", "figures")
    assert case.id == "one" and case.values == ("甲", "")
    for body in (
        '- id: one\n  text: "甲"\n',  # a field missing
        '- id: one\n  text: "甲"\n  figures: ""\n  extra: 1\n',  # an unknown field
        '- id: one\n  text: "甲"\n  figures: ""\n- id: one\n  text: "乙"\n  figures: ""\n',  # an id twice
    ):
        bad = tmp_path / "bad.yaml"
        bad.write_text(body, encoding="utf-8")
        with pytest.raises(ValueError):
            load_cases(bad, "text", "figures")
