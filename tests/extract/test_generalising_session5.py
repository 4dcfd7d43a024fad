"""Generalising rules from the causes of the batch-10 first-read errors (tests/extract/FIRST_READ.md,
last row), each on invented sentences: the year of an undated profile page's figures, cue words
outside the lexicon, budgets in a news item, and weak evidence better rejected than emitted. A case
lists figures the text must give (`metric=value`; `metric=value:2018:partial:minors` also checks the
year (`none`: no year), the period and the segment) and figures or values it must not give; each
keeps a figure of the same text, so a rule that drops everything fails. The cases are checked the
way session 4's are (test_generalising_session4.test_generalising_case)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extract.test_generalising_session4 import test_generalising_case as check_case
from tests.support.cases import load_cases

_YAML = Path(__file__).parent / "fixtures" / "cases" / "generalising_session5.yaml"
CASES = load_cases(_YAML, "text", "present", "absent", "absent_values")


@pytest.mark.parametrize("text, present, absent, absent_values", CASES)
def test_session5_case(text, present, absent, absent_values):
    check_case(text, present, absent, absent_values)
