"""Precision of the checks on real reports: one CLI run builds a warehouse from the 38
real dev documents (../shared/realdev/docs), then

* every `error` finding must be a real inconsistency: listed in ../shared/realdev/checks.csv
  (same file, a kind of the same check family, and a linked figure's evidence or the
  finding's message, which quotes the stated words, sharing words with the listed
  evidence) or in realdev_extra_checks.csv (file, check, evidence, reason) beside this file;
* the inconsistencies the rules are built to find are found (h002 headline vs body,
  h020 rounding, year typo and 翻了2.15倍, h016 the tenfold training attendance, h037 约…余,
  h011 and h014 the document's own dates, h011 "每5名…1名", h008 1012 vs 这1000家);
* at least 10 of the 16 hand-found inconsistencies are found by file and check family
  (the acceptance bar of issue 9); the recall is printed (`pytest -s`).

The same for the committed real training batches that list their inconsistencies
(tests/extract/realdata/**/checks.csv, never the held-out next* sets): one more CLI run on their
documents together (as `<batch>_<file>`), every `error` finding listed in its batch's checks.csv;
the recall per batch is printed.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from nianbao.config import PROJECT_ROOT
from tests.paths import REALDEV

pytestmark = pytest.mark.slow

EXTRA = Path(__file__).with_name("realdev_extra_checks.csv")
REALDATA = PROJECT_ROOT / "tests" / "extract" / "realdata"
#: the training batches with a checks.csv (the held-out next* sets are never read here)
TRAINING = sorted(p.parent for d in (REALDATA, REALDATA / "heldout") for p in d.glob("batch*/checks.csv"))
if not (REALDEV / "checks.csv").exists():  # fail loudly, never skip into green
    raise FileNotFoundError(f"{REALDEV / 'checks.csv'} is missing: this test needs ../shared/realdev beside the repo")

#: checks.csv `kind` -> the check codes (quality.md) that stand for it
FAMILY = {
    "headline_vs_body": {"conflict", "rounded_restatement"},
    "two_values": {"conflict", "rounded_restatement"},
    "contradiction": {"conflict", "date_mismatch"},
    "count_mismatch": {"count_mismatch"},
    "ratio_mismatch": {"ratio_mismatch"},
    "ratio_wording": {"ratio_mismatch"},
    "ratio_borderline": {"ratio_mismatch"},
    "sum_mismatch": {"sum_mismatch"},
    "possible_sum_mismatch": {"sum_mismatch"},
    "date_mismatch": {"date_mismatch"},
    "date_typo": {"date_mismatch"},
    "qualifier_conflict": {"qualifier_conflict"},
    "suspicious_value": {"year_over_year", "implausible"},
    "label_mismatch": set(),  # no check reads labels
    "label": set(),  # a garbled label or a missing unit, not annotated: no check reads labels
    # kinds of the training batches' checks.csv
    "implausible": {"implausible", "ratio_mismatch"},  # a daily average the year cannot hold: ratio_mismatch
    "impossible_date": {"date_mismatch"},
    "date_conflict": {"date_mismatch"},
    "cross_document": {"cross_document"},
    "stale_count": {"count_mismatch"},
    "stale_date": {"date_mismatch"},
    "garbled_date": {"date_mismatch"},
    "label_conflict": {"conflict"},  # a capacity restated as holdings: two values of one key
    "possible_ratio_mismatch": {"ratio_mismatch"},
    "rounding": {"sum_mismatch", "rounded_restatement"},  # parts off their total by a rounding step
}


def _stem(name: str) -> str:
    return Path(name).stem


def _shares_words(a: str, b: str, n: int = 6) -> bool:
    """The two texts share a run of n characters (evidence quoted differently)."""
    a, b = "".join(a.split()), "".join(b.split())
    return any(a[i : i + n] in b for i in range(max(len(a) - n + 1, 0)))


def _listed() -> list[dict]:
    with (REALDEV / "checks.csv").open(encoding="utf-8") as fh:
        rows = [dict(r, checks=FAMILY[r["kind"]]) for r in csv.DictReader(fh)]
    with EXTRA.open(encoding="utf-8") as fh:
        rows += [dict(r, kind=r["check"], checks={r["check"]}) for r in csv.DictReader(fh)]
    return rows


def _training_listed() -> list[dict]:
    rows = []
    for batch in TRAINING:
        with (batch / "checks.csv").open(encoding="utf-8") as fh:
            rows += [
                dict(r, file=f"{batch.name}_{r['file']}", batch=batch.name, checks=FAMILY[r["kind"]])
                for r in csv.DictReader(fh)
            ]
    return rows


@pytest.fixture(scope="module")
def findings():
    return _build_findings(REALDEV / "docs", "realdev")


@pytest.fixture(scope="module")
def training_findings():
    tmp = Path(os.environ.get("TMPDIR", "/tmp")) / f"nianbao-training-raw-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    try:
        for batch in TRAINING:
            for doc in (batch / "docs").glob("*.txt"):
                shutil.copy(doc, tmp / f"{batch.name}_{doc.name}")
        return _build_findings(tmp, "training")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _build_findings(raw: Path, name: str) -> list[dict]:
    tmp = Path(os.environ.get("TMPDIR", "/tmp")) / f"nianbao-{name}-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    wh = tmp / "wh" / "nianbao.duckdb"
    env = dict(os.environ, NIANBAO_RAW_DIR=str(raw), NIANBAO_WAREHOUSE=str(wh))
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "orchestration.cli", "run"],
            cwd=PROJECT_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )
        if proc.returncode != 0:  # say which dbt node failed (the log goes with the temporary folder)
            logs = sorted((wh.parent / "logs").glob("*.log"))
            failed = [
                ln
                for p in logs
                for ln in p.read_text(encoding="utf-8", errors="replace").splitlines()
                if " FAIL " in ln or " ERROR " in ln
            ]
            raise AssertionError(f"the {name} build failed:\n" + "\n".join(failed[-20:]) + "\n" + proc.stderr[-1500:])
        con = duckdb.connect(str(wh), read_only=True)
        try:
            rows = con.execute("""
                select d.finding_id, d.source_file, d."check", d.severity, d.message,
                       coalesce(string_agg(f.evidence, ' | '), '') as evidence
                from marts.dq_findings d
                left join marts.dq_finding_figures ff using (finding_id)
                left join marts.fct_figures f using (figure_id)
                group by all
            """).fetchall()
        finally:
            con.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    cols = ("finding_id", "source_file", "check", "severity", "message", "evidence")
    return [dict(zip(cols, r)) for r in rows]


def _matches(finding: dict, item: dict) -> bool:
    return (
        _stem(finding["source_file"]) == _stem(item["file"])
        and finding["check"] in item["checks"]
        and (
            not finding["evidence"] or _shares_words(item["evidence"], finding["evidence"] + " | " + finding["message"])
        )
    )


def test_every_error_finding_is_a_real_inconsistency(findings):
    listed = _listed()
    errors = [f for f in findings if f["severity"] == "error"]
    false_alarms = [f for f in errors if not any(_matches(f, item) for item in listed)]
    assert not false_alarms, (
        f"{len(false_alarms)} of {len(errors)} error findings are not in checks.csv or realdev_extra_checks.csv:\n"
        + "\n".join(f"{f['source_file']} {f['check']}: {f['message']} [{f['evidence'][:120]}]" for f in false_alarms)
    )


def test_the_inconsistencies_the_rules_are_built_for_are_found(findings):
    def found(file: str, check: str, *numbers: str) -> bool:
        return any(
            _stem(f["source_file"]) == file and f["check"] == check and all(n in f["message"] for n in numbers)
            for f in findings
        )

    assert found("h002", "conflict", "26859000", "26000000")  # 2600万 headline vs 2685.9万 body
    assert found("h020", "rounded_restatement", "118000000", "117700000")  # 1.18亿 vs 1.177亿: rounding
    assert not found("h020", "conflict", "118000000", "117700000")
    assert found("h020", "date_mismatch", "2011")  # 2011 for 2021 in a rising series
    assert found("h016", "year_over_year", "1100000")  # 参加培训班人次 1100 vs 119/199
    assert found("h037", "qualifier_conflict", "约28.4万余册")  # 约 and 余 on one number
    assert found("h011", "date_mismatch", "2021年9月29日", "2023-04-24")  # site chrome date vs article time
    assert found("h014", "date_mismatch", "2020-01-10", "2020/5/8")  # published before it was reported
    assert found("h020", "ratio_mismatch", "翻了2.15倍", "117700000", "54680000")  # x2.15, not +215 %
    assert found("h011", "ratio_mismatch", "每5名到馆读者中就有1名", "386804", "1227435")  # 1 in 3.17
    assert found("h008", "count_mismatch", "1012", "1000")  # 合計1012個 … 這1000家


def test_recall_over_the_hand_found_inconsistencies(findings, capsys):
    with (REALDEV / "checks.csv").open(encoding="utf-8") as fh:
        hand = list(csv.DictReader(fh))
    hits = [
        r
        for r in hand
        if any(_stem(f["source_file"]) == _stem(r["file"]) and f["check"] in FAMILY[r["kind"]] for f in findings)
    ]
    with capsys.disabled():
        print(
            f"\nrealdev: {len(hits)} of {len(hand)} hand-found inconsistencies found by file and check family: "
            + ", ".join(f"{r['file']} {r['kind']}" for r in hits)
        )
        by = {}
        for f in findings:
            by[(f["check"], f["severity"])] = by.get((f["check"], f["severity"]), 0) + 1
        print("realdev findings: " + ", ".join(f"{c}/{s} {n}" for (c, s), n in sorted(by.items())))
    assert hand  # checks.csv was read
    assert len(hits) >= 10, (
        f"only {len(hits)} of {len(hand)} hand-found inconsistencies are found (issue 9: at least 10)"
    )


def test_every_error_finding_on_the_training_batches_is_listed(training_findings, capsys):
    listed = _training_listed()
    # every batch has a checks.csv (TRAINING is built from them); one may list nothing (batch14b)
    assert listed and {r["batch"] for r in listed} <= {b.name for b in TRAINING} and len(TRAINING) >= 6
    errors = [f for f in training_findings if f["severity"] == "error"]
    false_alarms = [f for f in errors if not any(_matches(f, item) for item in listed)]
    with capsys.disabled():
        hits = [
            r
            for r in listed
            if any(_stem(f["source_file"]) == r["file"] and f["check"] in r["checks"] for f in training_findings)
        ]
        by_batch = {}
        for r in listed:
            found, total = by_batch.get(r["batch"], (0, 0))
            by_batch[r["batch"]] = (found + (r in hits), total + 1)
        warns = sum(f["severity"] == "warn" for f in training_findings)
        print(
            f"\ntraining batches: {len(errors)} errors, {warns} warns; hand-found found "
            f"{len(hits)} of {len(listed)}: " + ", ".join(f"{b} {n}/{t}" for b, (n, t) in sorted(by_batch.items()))
        )
    assert not false_alarms, (
        f"{len(false_alarms)} of {len(errors)} error findings on the training batches are not in their checks.csv:\n"
        + "\n".join(f"{f['source_file']} {f['check']}: {f['message']} [{f['evidence'][:120]}]" for f in false_alarms)
    )
