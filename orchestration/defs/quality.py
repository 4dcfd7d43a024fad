"""Asset checks over the data-quality marts and the Great Expectations suites.

The rules themselves live in dbt (models/quality); these checks only read
their results: one check per check code on marts.dq_findings (error findings
fail the check, warn findings make it a warning), and one check that reports the
GX suites of expectations/ on the published warehouse. The GX suites themselves
run on the working build before the publish (`orchestration.defs.publish.gx_validation`),
which `gx_gate_message` stops when a suite fails.
"""

from dagster import AssetCheckResult, AssetCheckSeverity, AssetKey, asset_check

from nianbao.schema import _seed_column
from nianbao.storage import BUILD, as_view
from orchestration.resources import WarehouseResource

DQ_FINDINGS = AssetKey(["marts", "dq_findings"])
#: check code -> severity of its findings (shared/spec/quality.md), from the one list of
#: codes: the dbt seed dbt_project/seeds/dq_checks.csv ("error|warn": either, per finding)
CHECK_CODES = dict(zip(_seed_column("dq_checks", "check"), _seed_column("dq_checks", "severity")))


def finding_counts(db_path, check: str) -> dict[str, int]:
    """Findings of `check` by severity, and the libraries affected, in `db_path` (a DuckDB
    file or a storage's build, `nianbao.storage.View`)."""
    db = as_view(db_path)
    rows = db.rows('select severity, count(*) from {marts}.dq_findings where "check" = ? group by severity', [check])
    libs = db.rows('select count(distinct library_key) from {marts}.dq_findings where "check" = ?', [check])[0][0]
    counts = {sev: n for sev, n in rows}
    counts["libraries"] = libs
    return counts


def dq_check_result(check: str, counts: dict[str, int]) -> AssetCheckResult:
    """Pass when there are no findings; errors fail with ERROR, warnings fail with WARN."""
    errors, warns, infos = counts.get("error", 0), counts.get("warn", 0), counts.get("info", 0)
    severity = AssetCheckSeverity.ERROR if errors else AssetCheckSeverity.WARN
    return AssetCheckResult(
        passed=(errors + warns) == 0,
        severity=severity,
        metadata={
            "error_findings": errors,
            "warn_findings": warns,
            "info_findings": infos,
            "libraries_affected": counts.get("libraries", 0),
        },
        description=f"{errors} error and {warns} warn findings of check '{check}' in marts.dq_findings",
    )


def _make_dq_check(check: str):
    severities = CHECK_CODES[check].replace("|", " or ")

    @asset_check(asset=DQ_FINDINGS, name=f"dq_{check}", description=f"Findings of the '{check}' check ({severities}).")
    def _check(warehouse: WarehouseResource) -> AssetCheckResult:
        return dq_check_result(check, finding_counts(warehouse.storage().view(BUILD), check))

    return _check


DQ_CHECKS = [_make_dq_check(code) for code in CHECK_CODES]


def gx_gate_message(results) -> str | None:
    """One line naming the failed suites and their first failed expectation (None when all
    passed): why the build is not published."""
    failed = [r for r in results if not r.success]
    if not failed:
        return None
    what = "; ".join(
        f"{r.suite} ({len(r.failed)} failed: {r.failed[0] if r.failed else 'not validated'})" for r in failed
    )
    what = " ".join(what.split())  # one line, whatever the expectation's text holds
    if len(what) > 400:
        what = what[:399] + "…"
    return f"Great Expectations: {len(failed)} of {len(results)} suites failed on the build: {what}"


@asset_check(
    asset=AssetKey("warehouse_snapshot"),
    name="great_expectations",
    description="Great Expectations suites (expectations/) of the published marts: the results of "
    "`gx_validation` on the build before its publish; Data Docs next to the warehouse.",
)
def great_expectations_check(warehouse: WarehouseResource) -> AssetCheckResult:
    from nianbao.expectations import published_results

    # validated on the build before its publish; Data Docs were swapped in with it
    results = published_results(warehouse.published_path())
    failed = [r for r in results if not r.success]
    return AssetCheckResult(
        passed=not failed,
        severity=AssetCheckSeverity.ERROR,
        metadata={
            "suites": len(results),
            "suites_failed": len(failed),
            "data_docs": str(warehouse.data_docs_dir()),
            "failures": "; ".join(f"{r.suite}: {', '.join(r.failed)}" for r in failed)[:2000],
        },
    )
