"""Metric and check codes have one source, the dbt seeds (issue 14): the Python lists, the Great
Expectations value sets and dbt's tests of every code column are the seeds' codes, read here
straight from the CSV files, so adding a metric is one line in seeds/metrics.csv (plus its
lexicon cues) and no list elsewhere can drift."""

from __future__ import annotations

import csv

import yaml

from nianbao import expectations, schema
from nianbao.config import DBT_PROJECT_DIR
from orchestration.defs.quality import CHECK_CODES

SEEDS = DBT_PROJECT_DIR / "seeds"
# a code column of the models and the seed holding its codes
CODE_COLUMNS = {"metric": ("metrics", "metric"), "check": ("dq_checks", "check")}


def seed_codes(seed: str, column: str) -> list[str]:
    with (SEEDS / f"{seed}.csv").open(encoding="utf-8", newline="") as f:
        return [row[column] for row in csv.DictReader(f)]


def test_python_code_lists_are_the_seeds():
    assert list(schema.METRICS) == seed_codes("metrics", "metric")
    assert list(CHECK_CODES) == seed_codes("dq_checks", "check")
    assert list(expectations.CHECKS) == seed_codes("dq_checks", "check")


def test_gx_value_sets_of_code_columns_are_the_seeds():
    value_sets = {"metric": [], "check": []}
    for suite in expectations.suite_definitions().values():
        for exp in suite:
            if type(exp).__name__ == "ExpectColumnValuesToBeInSet" and exp.column in value_sets:
                value_sets[exp.column].append(sorted(exp.value_set))
    for column, (seed, seed_column) in CODE_COLUMNS.items():
        assert value_sets[column], f"no GX suite checks the {column} codes"
        assert all(s == sorted(seed_codes(seed, seed_column)) for s in value_sets[column]), column


def _code_column_tests():
    """(model, column, data tests) of every model column named like a code column."""
    for path in sorted(DBT_PROJECT_DIR.joinpath("models").rglob("*.yml")):
        for model in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("models", []):
            for col in model.get("columns", []):
                if col["name"] in CODE_COLUMNS:
                    yield model["name"], col["name"], col.get("data_tests", [])


def test_dbt_tests_code_columns_against_the_seeds():
    related = set()
    for model, column, tests in _code_column_tests():
        seed, seed_column = CODE_COLUMNS[column]
        for t in tests:
            if isinstance(t, dict) and "accepted_values" in t:  # a subset of the seed's codes only
                values = t["accepted_values"]["arguments"]["values"]
                assert set(values) <= set(seed_codes(seed, seed_column)), (model, column, values)
            if isinstance(t, dict) and "relationships" in t:
                assert t["relationships"]["arguments"]["to"] == f"ref('{seed}')", (model, column)
                related.add((model, column))
    # the marts analysts read carry the seed relationship
    assert {("fct_figures", "metric"), ("dq_findings", "check")} <= related, related
