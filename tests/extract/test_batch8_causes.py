"""General false-positive causes the held-out batch 8 first read exposed (issue 8), on invented
sentences: readers grouped by books borrowed, village / grassland reading rooms, the first years
of a plan period summed, the bound of a ranking group, a budget's base and its increase.
Each test also keeps the library's own figure of the same text, so a rule that drops
everything fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.cases import load_cases
from tests.support.figures import by_metric_value, tuples

_figs = by_metric_value  # (metric, value) -> figure: tests/support/figures.py


CASES = load_cases(
    Path(__file__).parent / "fixtures" / "cases" / "batch8_causes.yaml", "text", "present", "absent", "absent_values"
)


@pytest.mark.parametrize("text, present, absent, absent_values", CASES)
def test_own_figures_kept_and_false_positives_dropped(text, present, absent, absent_values):
    figs = _figs(text)
    for key in tuples(present):
        assert key in figs, (key, sorted(figs))
    for key in tuples(absent):
        assert key not in figs, (key, sorted(figs))
    for v in absent_values:
        assert not [k for k in figs if k[1] == v], (v, sorted(figs))


# ------------------------------------------------------------------ 8. a profile's opening day


def test_opening_day_of_a_profile_does_not_date_its_figures():
    text = (
        "书香飘满小镇\n\n发布时间:2019-05-06 09:40:45丨来源:某网\n\n"
        "某县图书馆于2010年6月1日正式建成并投入使用,建筑面积2000平方米,馆藏文献达8万册。"
        "某县图书馆全年对外免费开放,年接待读者量2.5万人次。\n"
    )
    figs = _figs(text)
    assert figs[("collection.total", 80000)].year == 2019
    assert figs[("visits.in_person", 25000)].year == 2019
