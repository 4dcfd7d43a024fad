"""Great Expectations suites of the marts: good data passes, bad data fails by name.

The tests run on a copy of the committed GX file context (expectations/gx without
its git-ignored `uncommitted/`), like a fresh clone, so they never write into the repo.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from nianbao import config
from nianbao.expectations import CHECKS_ALWAYS_WARN, SuiteResult, init_context, validate_frames, validate_marts
from tests.report.invented_marts import frames, write_db

SUITES = ("dim_document", "dq_finding_figures", "dq_findings", "fct_figures")


def _committed_files(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "uncommitted" not in p.parts
    }


@pytest.fixture(scope="module")
def gx_root(tmp_path_factory) -> Path:
    src = config.EXPECTATIONS_DIR / "gx"
    assert (src / "great_expectations.yml").is_file(), "run `python -m nianbao.expectations --init`"
    root = tmp_path_factory.mktemp("gx_clone") / "expectations"
    shutil.copytree(src, root / "gx", ignore=shutil.ignore_patterns("uncommitted"))
    return root


def _validate(tables: dict, gx_root: Path) -> dict[str, SuiteResult]:
    wanted = {k: tables.get(k) for k in SUITES}
    return {r.suite: r for r in validate_frames(wanted, build_docs=False, project_root=gx_root)}


def test_committed_suites_are_up_to_date(gx_root, tmp_path):
    root = tmp_path / "expectations"
    shutil.copytree(gx_root / "gx", root / "gx")
    assert init_context(root) == [], "suites in expectations/gx differ from nianbao.expectations: run --init"


def test_good_frames_pass(gx_root):
    results = _validate(frames(), gx_root)
    assert sorted(results) == list(SUITES)
    for r in results.values():
        assert r.success, (r.suite, r.failed)
        assert r.failed == [] and r.expectations >= 5 and r.rows > 0


def test_bad_codes_fail_with_the_expectation_named(gx_root):
    t = frames()
    t["fct_figures"].loc[0, "metric"] = "visits.bogus"
    t["dq_findings"].loc[0, "check"] = "bogus_check"
    results = _validate(t, gx_root)
    assert results["dim_document"].success and results["dq_finding_figures"].success

    figs = results["fct_figures"]
    assert not figs.success
    assert len(figs.failed) == 1, figs.failed
    assert figs.failed[0].startswith("expect_column_values_to_be_in_set(column='metric')")
    assert "visits.bogus" in figs.failed[0]

    finds = results["dq_findings"]
    assert not finds.success
    assert any(
        f.startswith("expect_column_values_to_be_in_set(column='check')") and "bogus_check" in f for f in finds.failed
    ), finds.failed


def test_structural_rules_fail(gx_root):
    t = frames()
    f = t["fct_figures"]
    f.loc[1, "value_high"] = 5000.0  # value_high without qualifier range
    f.loc[2, "char_end"] = f.loc[2, "char_start"]  # empty span
    f.loc[3, "figure_id"] = f.loc[4, "figure_id"]  # duplicate id
    f.loc[5, "qualifier"] = "roughly"
    t["dq_findings"].loc[1, "severity"] = "fatal"
    t["dq_findings"].loc[2, "message"] = None
    t["dq_findings"].loc[3, "severity"] = "error"  # implausible is always warn
    d = t["dim_document"]
    d.loc[3, "reason"] = None  # quarantined without a reason
    results = _validate(t, gx_root)

    figs = "\n".join(results["fct_figures"].failed)
    assert "expect_column_values_to_be_null(column='value_high') where qualifier != 'range'" in figs
    assert "expect_column_pair_values_a_to_be_greater_than_b(column_A='char_end', column_B='char_start'" in figs
    assert "expect_column_values_to_be_unique(column='figure_id')" in figs
    assert "expect_column_values_to_be_in_set(column='qualifier')" in figs
    finds = "\n".join(results["dq_findings"].failed)
    assert "expect_column_values_to_be_in_set(column='severity')" in finds and "fatal" in finds
    assert "expect_column_values_to_not_be_null(column='message')" in finds
    assert f"where check in {list(CHECKS_ALWAYS_WARN)}" in finds.lower()
    docs = results["dim_document"].failed
    assert any(
        x.startswith("expect_column_values_to_not_be_null(column='reason') where status == 'quarantined'") for x in docs
    ), docs


def test_validate_marts_from_duckdb_builds_data_docs(gx_root, tmp_path):
    before = _committed_files(gx_root)
    t = frames()
    del t["dq_finding_figures"]  # a missing table is a failed suite, not a crash
    db = write_db(tmp_path / "nianbao.duckdb", t)
    docs = tmp_path / "data_docs"
    results = {r.suite: r for r in validate_marts(db, docs, project_root=gx_root)}
    assert results["fct_figures"].success and results["fct_figures"].table == "fct_figures"
    assert results["dim_document"].success and results["dim_document"].rows == 4
    missing = results["dq_finding_figures"]
    assert not missing.success and "does not exist" in missing.failed[0]
    assert (docs / "index.html").is_file()
    assert list((docs / "validations").rglob("*.html")), "no validation result pages"
    # a normal run writes nothing but git-ignored files into the context
    assert _committed_files(gx_root) == before


def test_years_of_republic_era_gazetteers_pass_and_impossible_years_fail(gx_root):
    # the extractor reads 民国26年 as 1937 (nianbao.schema.YEAR_BOUNDS): the published checks accept
    # what the extractor may rightly produce, and still reject a year no report can describe
    t = frames()
    t["fct_figures"].loc[0, "year"] = 1937
    assert _validate(t, gx_root)["fct_figures"].success
    t["fct_figures"].loc[1, "year"] = 1850
    failed = _validate(t, gx_root)["fct_figures"].failed
    assert any(f.startswith("expect_column_values_to_be_between(column='year'") and "1850" in f for f in failed), failed
