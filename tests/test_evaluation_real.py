"""nianbao.evaluation on gold sets laid out like ../shared/realdev (docs/ + gold.csv):
candidate recall, the misses by cause, attribute agreement, per set and all together
(invented documents in temporary folders)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from nianbao import evaluation as ev

DOC_A = (
    "某县图书馆2021年工作总结\n全年接待读者12万人次,外借图书8万册次,新办读者证500张。\n"
    "馆舍面积6000平方米。\n2020年举办讲座30场。\n"
)
GOLD_A = [
    # file, library, year, metric, value, qualifier, scope, period, evidence, segment
    ("a", "某县图书馆", 2021, "visits.in_person", 120000, "exact", "library", "year", "接待读者12万人次", "all"),  # TP
    (
        "a",
        "某县图书馆",
        2021,
        "circulation.loans",
        80000,
        "exact",
        "system",
        "year",
        "外借图书8万册次",
        "all",
    ),  # TP, scope differs
    (
        "a",
        "某县图书馆",
        2021,
        "collection.total",
        6000,
        "exact",
        "library",
        "year",
        "6000平方米",
        "all",
    ),  # rejected:other_unit
    (
        "a",
        "某县图书馆",
        2021,
        "activities.events",
        30,
        "exact",
        "library",
        "year",
        "举办讲座30场",
        "lectures",
    ),  # wrong_year
    ("a", "某县图书馆", 2021, "visits.online", 777, "exact", "library", "year", "", "all"),  # not_a_candidate
    (
        "a",
        "某县图书馆",
        2021,
        "users.registered_total",
        500,
        "exact",
        "library",
        "year",
        "新办读者证500张",
        "all",
    ),  # other_metric
]
COLUMNS = ["file", "library", "year", "metric", "value", "qualifier", "scope", "period", "evidence", "segment"]


def _make_set(root: Path, name: str, docs: dict[str, str], gold: list[tuple]) -> Path:
    d = root / name
    (d / "docs").mkdir(parents=True)
    for fname, text in docs.items():
        (d / "docs" / fname).write_text(text, encoding="utf-8")
    (d / "docs" / "SOURCES.tsv").write_text("file\turl\n", encoding="utf-8")  # metadata, not a document
    pd.DataFrame(gold, columns=COLUMNS).to_csv(d / "gold.csv", index=False)
    return d


@pytest.fixture(scope="module")
def sets(tmp_path_factory):
    root = tmp_path_factory.mktemp("goldsets")
    a = _make_set(root, "dev", {"a.txt": DOC_A}, GOLD_A)
    b = _make_set(
        root,
        "batch9",
        {"a.txt": "某市图书馆2022年年报\n全年接待读者30万人次。\n"},
        [("a", "某市图书馆", 2022, "visits.in_person", 300000, "exact", "library", "year", "接待读者30万人次", "all")],
    )
    return a, b


@pytest.fixture(scope="module")
def dev_score(sets):
    scores, together = ev.evaluate_sets([sets[0]])
    assert together is None and len(scores) == 1
    return scores[0]


def test_metadata_files_are_not_documents(sets):
    assert list(ev.read_texts(ev.set_docs(sets[0]))) == ["a.txt"]


def test_candidate_recall(dev_score):
    c = dev_score.candidates
    assert (c.found, c.gold) == (5, 6)
    assert c.missing["value"].tolist() == [777]


def test_false_negatives_by_cause(dev_score):
    s = dev_score.figures
    causes = dict(zip(s.false_negatives["metric"], dev_score.fn_cause[s.false_negatives.index]))
    assert causes == {
        "collection.total": "rejected:other_unit",
        "activities.events": "wrong_year",
        "visits.online": "not_a_candidate",
        "users.registered_total": "other_metric",
    }


def test_false_positives_by_cause(dev_score):
    s = dev_score.figures
    causes = dict(zip(s.false_positives["metric"], dev_score.fp_cause[s.false_positives.index]))
    assert causes == {"activities.events": "wrong_year", "users.new_registrations": "wrong_metric"}
    assert (s.tp, s.fp, s.fn) == (2, 2, 4)


def test_agreement_on_matched_rows(dev_score):
    a = dev_score.agreement
    assert a["library"] == 1.0 and a["qualifier"] == 1.0 and a["period"] == 1.0
    assert a["scope"] == 0.5  # loans: gold says system
    assert a["year"] == pytest.approx(2 / 3)  # matched on file, metric, value: events' year differs


def test_wrong_value_cause():
    gold = pd.DataFrame(
        [("a", 2021, "visits.in_person", 130000, "接待读者12万人次")],
        columns=["file", "year", "metric", "value", "evidence"],
    )
    ex = ev.extract_texts({"a.txt": DOC_A})
    s = ev.score_figures(ex.figures.drop(columns="set"), gold)
    causes = ev.fp_causes(s, ex, multi_set=False)
    wrong = s.false_positives.assign(cause=causes)
    assert wrong.set_index("metric").loc["visits.in_person", "cause"] == "wrong_value"
    assert set(wrong["cause"]) == {"wrong_value", "not_in_gold"}


def test_sets_are_scored_apart_and_together(sets):
    scores, together = ev.evaluate_sets(list(sets))
    assert [s.name for s in scores] == ["dev", "batch9"]
    assert scores[1].figures.tp == 1 and scores[1].figures.fn == 0
    # the two sets both have an a.txt: together they are kept apart by set
    assert together.name == "all" and together.candidates.gold == 7
    assert together.figures.tp == scores[0].figures.tp + scores[1].figures.tp
    assert together.figures.fn == scores[0].figures.fn + scores[1].figures.fn


def test_library_agreement_compares_canonical_keys():
    # traditional characters and the same name → the same library
    assert ev._library_key("某縣圖書館", None) == ev._library_key("某县图书馆", None)
    assert ev._library_key("某县图书馆", None) != ev._library_key("某市图书馆", None)
    # canonical, not raw, names: a city's library with or without 市, and an aggregate that names no
    # place, placed by the report's own library (a raw-name comparison fails both)
    assert ev._library_key("杭州圖書館", None) == ev._library_key("杭州市图书馆", None)
    assert ev._library_key("全市公共图书馆", "杭州市图书馆") == ev._library_key("杭州市全市公共图书馆", None)


def test_cli_scores_a_set_and_reports_missing_gold(sets, tmp_path, capsys):
    assert ev.main(["--set", str(sets[0])]) == 0
    out = capsys.readouterr().out
    assert "candidate recall: 0.833 (5/6" in out
    assert "false negatives by cause:" in out and "not_a_candidate 1" in out
    assert ev.main(["--set", str(tmp_path)]) == 2


def test_no_year_cause_when_the_figure_has_no_year():
    ex = ev.extract_texts({"b.txt": "某县图书馆工作动态\n全年接待读者12万人次。\n"})
    assert ex.figures["year"].isna().all()
    gold = pd.DataFrame(
        [("b", 2021, "visits.in_person", 120000, "接待读者12万人次")],
        columns=["file", "year", "metric", "value", "evidence"],
    )
    s = ev.score_figures(ex.figures.drop(columns="set"), gold)
    assert ev.fn_causes(s, ex, multi_set=False).tolist() == ["no_year"]
    assert ev.fp_causes(s, ex, multi_set=False).tolist() == ["no_year"]
