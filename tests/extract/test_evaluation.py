"""evaluation.py: one-to-one greedy matching of figures, event matching."""

from __future__ import annotations

import pandas as pd

from nianbao.evaluation import score_events, score_figures


def _gold(rows):
    return pd.DataFrame(rows, columns=["file", "year", "metric", "value", "evidence"])


def _pred(rows):
    return pd.DataFrame(rows, columns=["source_file", "year", "metric", "value", "evidence"])


def test_twice_stated_needs_two_rows_and_tolerance():
    gold = _gold(
        [
            ("a.txt", 2020, "circulation.loans", 205829, "x"),
            ("a.txt", 2020, "circulation.loans", 205829, "y"),
            ("a.txt", 2020, "visits.in_person", 100000, "z"),
        ]
    )
    pred = _pred(
        [
            ("sub/a.txt", 2020, "circulation.loans", 205900, "p"),  # within 0.5 %
            ("a.txt", 2020, "visits.in_person", 101000, "q"),  # 1 % off
            ("a.txt", 2019, "circulation.loans", 205829, "r"),
        ]
    )  # wrong year
    s = score_figures(pred, gold)
    assert (s.tp, s.fp, s.fn) == (1, 2, 2)
    assert round(s.precision, 3) == 0.333 and round(s.recall, 3) == 0.333
    pm = s.per_metric.set_index("metric")
    assert pm.loc["circulation.loans", "tp"] == 1 and pm.loc["circulation.loans", "fn"] == 1


def test_ratio_rows_are_ignored():
    gold = _gold([("a.txt", 2020, "population.served", 1000, "x")])
    pred = _pred(
        [
            ("a.txt", 2020, "population.served", 1000, "x"),
            ("a.txt", 2020, "activities.attendance_per_10000_population", 87.68, "y"),
        ]
    )
    pred["kind"] = ["figure", "ratio"]
    s = score_figures(pred, gold)
    assert (s.tp, s.fp, s.fn) == (1, 0, 0)


def test_events_matching():
    gold = pd.DataFrame(
        [
            ("a.txt", "2020-01-01", "庆元旦", "三楼", "39"),
            ("a.txt", "2020-05", "五月活动", "", ""),
            ("a.txt", "2020-08-12/2020-08-14", "培训", "", ""),
        ],
        columns=["file", "date", "title", "location", "attendance"],
    )
    pred = pd.DataFrame(
        [
            ("a.txt", "2020-01-01", "庆元旦", "三楼", 39.0),
            ("a.txt", "2020-05-01", "五月活动", None, None),
            ("a.txt", "2020-09-01", "别的", None, None),
        ],
        columns=["source_file", "event_date", "title", "location", "attendance"],
    )
    s = score_events(pred, gold)
    assert (s.tp, s.fp, s.fn) == (2, 1, 1)
    assert s.location_agree == 1.0 and s.attendance_agree == 1.0


def test_blank_years_match_each_other():
    """An undated page: a gold row and a prediction both without a year are one match."""
    import pandas as pd

    from nianbao.evaluation import score_figures

    # numeric year columns with gaps, as read from a CSV: NaN, not None
    gold = pd.DataFrame(
        {"file": ["d1", "d1"], "metric": ["visits.in_person"] * 2, "year": [None, 2020], "value": [5000.0, 7000.0]}
    )
    pred = pd.DataFrame(
        {
            "source_file": ["d1.txt", "d1.txt"],
            "metric": ["visits.in_person"] * 2,
            "year": [float("nan"), 2020.0],
            "value": [5000.0, 7000.0],
        }
    )
    s = score_figures(pred, gold)
    assert (s.tp, s.fp, s.fn) == (2, 0, 0)
