"""Great Expectations (GX Core 1.x) validation of the marts.

The GX *file* context lives in the repo under ``expectations/gx/`` (see
``nianbao.config.EXPECTATIONS_DIR``).  Its committed parts are:

- ``great_expectations.yml``: stores, a pandas data source ``marts`` with one
  dataframe asset per validated table and a ``whole`` batch definition each;
- ``expectations/<suite>.json``: the suites (written by ``--init``);
- ``validation_definitions/<suite>.json``: suite + batch definition pairs.

The checkout's context is only read: each validation runs in a per-warehouse copy
(``store_dir``, default ``config.gx_store_dir()`` next to the warehouse) that gets
the committed suites and definitions refreshed from ``expectations/gx/`` and keeps
this warehouse's validation results, the newest ``config.keep_runs()`` per suite.
Data Docs are built to the folder the caller names (default
``config.data_docs_dir()``; the pipeline names a staging folder that
``nianbao.publish`` swaps in with the database): the site is pointed there *in
memory*, so it lists only this warehouse's results and no committed file changes.

GX's SQL data source does not work on DuckDB, so the marts are read with
``duckdb`` (read-only) into pandas DataFrames and validated as dataframe batches.

Usage::

    python -m nianbao.expectations --init          # write/update the suites (commit the JSON)
    python -m nianbao.expectations [--db PATH] [--docs DIR] [--no-docs]

``great_expectations`` is slow to import, so it is imported inside functions.
"""

from __future__ import annotations

import argparse
import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nianbao import config, gx_offline

DATASOURCE = "marts"
BATCH_DEFINITION = "whole"
SITE_NAME = "local_site"

# Code lists from the contracts (shared/spec/metrics.md, quality.md): one source, nianbao.schema.
from nianbao.schema import METRICS, PERIODS, QUALIFIERS, SCOPES, YEAR_BOUNDS, _seed_column  # noqa: E402
from nianbao.storage import View, frame_of, read  # noqa: E402

FIGURE_STATUSES = ("reported", "conflicting", "suspicious", "invalid")
# check code -> its severities (one, or several: sum_mismatch is error or warn), from the
# one list of codes, the dbt seed dbt_project/seeds/dq_checks.csv (`error|warn` there)
CHECK_SEVERITIES: dict[str, tuple[str, ...]] = {
    check: tuple(severity.split("|"))
    for check, severity in zip(_seed_column("dq_checks", "check"), _seed_column("dq_checks", "severity"))
}
CHECKS = tuple(CHECK_SEVERITIES)
SEVERITIES = ("error", "warn", "info")
CHECKS_ALWAYS_ERROR = tuple(c for c, s in CHECK_SEVERITIES.items() if s == ("error",))
CHECKS_ALWAYS_WARN = tuple(c for c, s in CHECK_SEVERITIES.items() if s == ("warn",))
CHECKS_ALWAYS_INFO = tuple(c for c, s in CHECK_SEVERITIES.items() if s == ("info",))
ROLES = ("candidate", "total", "part", "stated", "numerator", "denominator", "subject")
# metrics.md lists loaded/duplicate/quarantined; nianbao.schema also has `removed`.
DOCUMENT_STATUSES = ("loaded", "duplicate", "quarantined", "removed")

# suite name -> table names tried in order (schema `marts`)
SUITE_TABLES: dict[str, tuple[str, ...]] = {
    "fct_figures": ("fct_figures",),
    "dq_findings": ("dq_findings",),
    "dq_finding_figures": ("dq_finding_figures",),
    "dim_document": ("dim_document", "documents"),
}


@dataclass(frozen=True)
class SuiteResult:
    """The outcome of one suite on one table."""

    suite: str
    success: bool
    expectations: int  # number of expectations evaluated
    failed: list[str] = field(default_factory=list)  # one description per failed expectation
    table: str | None = None  # marts table validated (None when missing)
    rows: int = 0


# ---------------------------------------------------------------- suites


def suite_definitions() -> dict[str, list[Any]]:
    """The expectations of every suite, as GX expectation objects."""
    import great_expectations.expectations as gxe
    from great_expectations.expectations.row_conditions import Column

    def cols(*names: str) -> list[Any]:
        return [gxe.ExpectColumnToExist(column=c) for c in names]

    figures = [
        *cols(
            "figure_id",
            "document_id",
            "source_file",
            "library_key",
            "year",
            "metric",
            "value",
            "value_high",
            "qualifier",
            "scope",
            "segment",
            "period",
            "evidence",
            "char_start",
            "char_end",
            "status",
        ),
        gxe.ExpectColumnValuesToNotBeNull(column="figure_id"),
        gxe.ExpectColumnValuesToBeUnique(column="figure_id"),
        gxe.ExpectColumnValuesToBeInSet(column="metric", value_set=list(METRICS)),
        gxe.ExpectColumnValuesToNotBeNull(column="metric"),
        gxe.ExpectColumnValuesToBeInSet(column="qualifier", value_set=list(QUALIFIERS)),
        gxe.ExpectColumnValuesToNotBeNull(column="qualifier"),
        gxe.ExpectColumnValuesToBeInSet(column="scope", value_set=list(SCOPES)),
        gxe.ExpectColumnValuesToBeInSet(column="period", value_set=list(PERIODS)),
        gxe.ExpectColumnValuesToMatchRegex(column="segment", regex=r"^[a-z][a-z0-9_]*$"),
        gxe.ExpectColumnValuesToBeInSet(column="status", value_set=list(FIGURE_STATUSES)),
        gxe.ExpectColumnValuesToNotBeNull(column="value"),
        gxe.ExpectColumnValuesToBeNull(
            column="value_high",
            row_condition=Column("qualifier") != "range",
            meta={"notes": "value_high only for qualifier range"},
        ),
        gxe.ExpectColumnValuesToNotBeNull(column="value_high", row_condition=Column("qualifier") == "range"),
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="value_high", column_B="value", or_equal=True, row_condition=Column("qualifier") == "range"
        ),
        gxe.ExpectColumnValuesToBeBetween(column="char_start", min_value=0),
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="char_end", column_B="char_start", or_equal=False, meta={"notes": "char_start < char_end"}
        ),
        gxe.ExpectColumnValuesToBeBetween(column="year", min_value=YEAR_BOUNDS[0], max_value=YEAR_BOUNDS[1]),
        gxe.ExpectColumnValuesToNotBeNull(column="document_id"),
        gxe.ExpectColumnValuesToNotBeNull(column="evidence"),
    ]
    findings = [
        *cols(
            "finding_id", "check", "severity", "document_id", "source_file", "library_key", "year", "metric", "message"
        ),
        gxe.ExpectColumnValuesToNotBeNull(column="finding_id"),
        gxe.ExpectColumnValuesToBeUnique(column="finding_id"),
        gxe.ExpectColumnValuesToNotBeNull(column="check"),
        gxe.ExpectColumnValuesToBeInSet(column="check", value_set=list(CHECKS)),
        gxe.ExpectColumnValuesToNotBeNull(column="severity"),
        gxe.ExpectColumnValuesToBeInSet(column="severity", value_set=list(SEVERITIES)),
        *[
            gxe.ExpectColumnValuesToBeInSet(
                column="severity",
                value_set=[severity],
                row_condition=Column("check").is_in(list(checks)),
                meta={"notes": f"quality.md: these checks are always {what}"},
            )
            for severity, checks, what in (
                ("error", CHECKS_ALWAYS_ERROR, "errors"),
                ("warn", CHECKS_ALWAYS_WARN, "warnings"),
                ("info", CHECKS_ALWAYS_INFO, "info (screening flags)"),
            )
        ],
        *[
            gxe.ExpectColumnValuesToBeInSet(
                column="severity", value_set=list(severities), row_condition=Column("check") == check
            )
            for check, severities in CHECK_SEVERITIES.items()
            if len(severities) > 1
        ],
        gxe.ExpectColumnValuesToBeInSet(column="metric", value_set=list(METRICS)),
        gxe.ExpectColumnValuesToNotBeNull(column="message"),
        gxe.ExpectColumnValueLengthsToBeBetween(column="message", min_value=1),
    ]
    finding_figures = [
        *cols("finding_id", "figure_id", "role"),
        gxe.ExpectColumnValuesToNotBeNull(column="finding_id"),
        gxe.ExpectColumnValuesToNotBeNull(column="figure_id"),
        gxe.ExpectColumnValuesToBeInSet(column="role", value_set=list(ROLES)),
        gxe.ExpectCompoundColumnsToBeUnique(column_list=["finding_id", "figure_id", "role"]),
    ]
    documents = [
        *cols("document_id", "source_file", "status", "reason"),
        gxe.ExpectColumnValuesToNotBeNull(column="source_file"),
        gxe.ExpectColumnValuesToBeUnique(column="source_file"),
        gxe.ExpectColumnValuesToNotBeNull(column="status"),
        gxe.ExpectColumnValuesToBeInSet(column="status", value_set=list(DOCUMENT_STATUSES)),
        gxe.ExpectColumnValuesToNotBeNull(
            column="reason",
            row_condition=Column("status") == "quarantined",
            meta={"notes": "a quarantined document says why"},
        ),
        gxe.ExpectColumnValueLengthsToBeBetween(
            column="reason", min_value=1, row_condition=Column("status") == "quarantined"
        ),
    ]
    return {
        "fct_figures": figures,
        "dq_findings": findings,
        "dq_finding_figures": finding_figures,
        "dim_document": documents,
    }


def _signature(exp: Any) -> tuple:
    """What makes two expectations the same (ignores GX's random ids)."""
    import json

    cfg = exp.configuration if hasattr(exp, "configuration") else exp
    d = cfg.to_json_dict()
    return (
        d.get("type"),
        json.dumps(d.get("kwargs", {}), sort_keys=True, default=str),
        json.dumps(d.get("meta") or {}, sort_keys=True, default=str),
    )


def _quiet_gx() -> None:
    logging.getLogger("great_expectations").setLevel(logging.ERROR)


def _context(project_root: Path):
    import great_expectations as gx

    _quiet_gx()
    return gx.get_context(mode="file", project_root_dir=str(project_root))


#: the committed parts of the GX context copied into a per-warehouse store
_COMMITTED = ("great_expectations.yml", "expectations", "validation_definitions", "plugins")


def _store_context(project_root: Path, store_dir: Path):
    """A file context in `store_dir` with the committed suites of `project_root`
    (refreshed on every call); its results store is `store_dir`/gx/uncommitted."""
    import shutil

    src, dst = project_root / "gx", store_dir / "gx"
    dst.mkdir(parents=True, exist_ok=True)
    for name in _COMMITTED:
        s_, d_ = src / name, dst / name
        if d_.is_dir():
            shutil.rmtree(d_)
        if s_.is_dir():
            shutil.copytree(s_, d_)
        elif s_.exists():
            shutil.copyfile(s_, d_)
    return _context(store_dir)


def _prune_results(store_dir: Path, keep: int) -> None:
    """Keep the newest `keep` validation results of each suite in the store."""
    import shutil

    root = store_dir / "gx" / "uncommitted" / "validations"
    if not root.is_dir():
        return
    for suite in (p for p in root.iterdir() if p.is_dir()):
        runs = sorted(
            (r for run_name in suite.iterdir() if run_name.is_dir() for r in run_name.iterdir()),
            key=lambda r: r.name,
            reverse=True,
        )
        for old in runs[keep:]:
            shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink(missing_ok=True)


def _banner(docs: Path, banner: str) -> None:
    """Write `banner` at the top of the Data Docs index page."""
    import html

    index = docs / "index.html"
    if index.exists():
        text = index.read_text(encoding="utf-8")
        line = f'<div style="padding:.5rem 1rem;background:#eef;font-family:sans-serif">{html.escape(banner)}</div>'
        index.write_text(text.replace("<body>", "<body>" + line, 1), encoding="utf-8")


def init_context(project_root: Path | None = None) -> list[str]:
    """Create or update the file context: suites, data source, assets, batch and
    validation definitions. Idempotent: a second run with the same definitions
    changes no file. Returns what it changed, one line per change."""
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    project_root = Path(project_root or config.EXPECTATIONS_DIR)
    project_root.mkdir(parents=True, exist_ok=True)
    ctx = _context(project_root)
    changed: list[str] = []

    pb = ctx.variables.progress_bars
    globally = pb.get("globally") if isinstance(pb, dict) else getattr(pb, "globally", None)
    if globally is not False:
        ctx.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
        ctx.variables.save()
        changed.append("progress bars off")

    try:
        ds = ctx.data_sources.get(DATASOURCE)
    except (KeyError, ValueError):
        ds = ctx.data_sources.add_pandas(DATASOURCE)
        changed.append(f"data source {DATASOURCE}")

    for suite_name, expectations in suite_definitions().items():
        try:
            suite = ctx.suites.get(suite_name)
        except Exception:
            suite = ctx.suites.add(gx.ExpectationSuite(name=suite_name))
            changed.append(f"suite {suite_name} created")
        want = [_signature(e) for e in expectations]
        have = [_signature(e) for e in suite.expectations]
        if want != have:
            for e in list(suite.expectations):
                suite.delete_expectation(e)
            for e in expectations:
                suite.add_expectation(e)
            suite.save()
            changed.append(f"suite {suite_name}: {len(expectations)} expectations written")

        asset_names = {a.name for a in ds.assets}
        if suite_name not in asset_names:
            asset = ds.add_dataframe_asset(suite_name)
            changed.append(f"asset {suite_name}")
        else:
            asset = ds.get_asset(suite_name)
        try:
            batch_def = asset.get_batch_definition(BATCH_DEFINITION)
        except Exception:
            batch_def = asset.add_batch_definition_whole_dataframe(BATCH_DEFINITION)
            changed.append(f"batch definition {suite_name}/{BATCH_DEFINITION}")

        try:
            ctx.validation_definitions.get(suite_name)
        except Exception:
            ctx.validation_definitions.add(gx.ValidationDefinition(name=suite_name, data=batch_def, suite=suite))
            changed.append(f"validation definition {suite_name}")
    return changed


# ---------------------------------------------------------------- validation


def load_marts(db_path: Path | View) -> dict[str, Any]:
    """Read the validated marts tables into pandas (read-only) from a DuckDB file or a
    storage's view (`nianbao.storage`). A table that does not exist maps to None under
    its suite name."""
    frames: dict[str, Any] = {}
    with read(db_path) as (con, marts):
        # qualify with the catalog: a file named marts.duckdb makes `marts` ambiguous
        cat = con.execute("select current_database()").fetchone()[0].replace('"', '""')
        existing = {
            r[0]
            for r in con.execute(
                "select table_name from information_schema.tables "
                f"where table_schema = '{marts}' and table_catalog = current_database()"
            ).fetchall()
        }
        for suite, candidates in SUITE_TABLES.items():
            frames[suite] = None
            for table in candidates:
                if table in existing:
                    df = frame_of(con.execute(f'select * from "{cat}"."{marts}"."{table}"'))
                    df.attrs["table"] = table
                    frames[suite] = df
                    break
    return frames


def _describe(res: Any) -> str:
    cfg = res.expectation_config
    kwargs = {k: v for k, v in (cfg.kwargs or {}).items() if k not in ("batch_id",)}
    cond = kwargs.pop("row_condition", None)
    args = ", ".join(
        f"{k}={v!r}"
        for k, v in kwargs.items()
        if k in ("column", "column_A", "column_B", "column_list", "min_value", "max_value", "regex", "or_equal")
    )
    desc = f"{cfg.type}({args})"
    if cond:
        desc += f" where {_condition_text(cond)}"
    r = res.result or {}
    if res.exception_info and any((v or {}).get("raised_exception") for v in _exc_infos(res.exception_info)):
        msgs = sorted(
            {
                str((v or {}).get("exception_message"))
                for v in _exc_infos(res.exception_info)
                if (v or {}).get("exception_message")
            }
        )
        return f"{desc}: raised {'; '.join(msgs)[:300]}"
    if "unexpected_count" in r:
        sample = r.get("partial_unexpected_list") or []
        sample = [None if _isnan(v) else v for v in sample[:5]]
        return f"{desc}: {r['unexpected_count']} unexpected value(s), e.g. {sample!r}"
    if "observed_value" in r:
        return f"{desc}: observed {r['observed_value']!r}"
    return desc


def _exc_infos(info: Any) -> list[dict]:
    if not isinstance(info, dict):
        return []
    if "raised_exception" in info:
        return [info]
    return [v for v in info.values() if isinstance(v, dict)]


def _condition_text(cond: Any) -> str:
    if hasattr(cond, "to_json_dict"):
        try:
            cond = cond.to_json_dict()
        except Exception:
            return str(cond)
    if isinstance(cond, dict) and "column" in cond:
        col = cond["column"].get("name") if isinstance(cond["column"], dict) else cond["column"]
        return f"{col} {cond.get('operator', '')} {cond.get('parameter')!r}"
    return str(cond)


def _isnan(v: Any) -> bool:
    try:
        return v != v
    except Exception:
        return False


def validate_frames(
    frames: dict[str, Any],
    build_docs_to: Path | None = None,
    *,
    build_docs: bool = True,
    project_root: Path | None = None,
    store_dir: Path | None = None,
    banner: str | None = None,
) -> list[SuiteResult]:
    """Validate DataFrames (suite name -> DataFrame or None for a missing table)
    with the suites of the file context, in the per-warehouse store `store_dir`
    (default `config.gx_store_dir()`; with a `project_root` of its own, that
    one), then build Data Docs (headed by `banner`)."""
    from great_expectations.data_context.types.base import ProgressBarsConfig

    project_root = Path(project_root or config.EXPECTATIONS_DIR)
    gx_dir = project_root / "gx"
    if not (gx_dir / "great_expectations.yml").exists():
        raise FileNotFoundError(f"no GX context in {gx_dir}: run `python -m nianbao.expectations --init` first")
    if store_dir is None:  # a caller's own context (tests) keeps its own results
        store_dir = config.gx_store_dir() if project_root.resolve() == config.EXPECTATIONS_DIR else project_root
    store_dir = Path(store_dir).resolve()
    ctx = _context(project_root) if store_dir == project_root.resolve() else _store_context(project_root, store_dir)
    ctx.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)

    results: list[SuiteResult] = []
    for suite_name in sorted(frames):
        df = frames[suite_name]
        try:
            vd = ctx.validation_definitions.get(suite_name)
        except Exception as exc:
            raise KeyError(
                f"validation definition {suite_name!r} missing in {gx_dir}: run `python -m nianbao.expectations --init`"
            ) from exc
        n_exp = len(vd.suite.expectations)
        if df is None:
            tables = " or ".join(f"marts.{t}" for t in SUITE_TABLES.get(suite_name, (suite_name,)))
            results.append(SuiteResult(suite_name, False, n_exp, [f"table {tables} does not exist"]))
            continue
        vr = vd.run(batch_parameters={"dataframe": df}, result_format="SUMMARY")
        failed = sorted(_describe(r) for r in vr.results if not r.success)
        results.append(
            SuiteResult(
                suite=suite_name,
                success=bool(vr.success),
                expectations=int(vr.statistics.get("evaluated_expectations", n_exp)),
                failed=failed,
                table=df.attrs.get("table", suite_name),
                rows=len(df),
            )
        )

    _prune_results(store_dir, config.keep_runs())  # before the docs, which list the stored results
    if build_docs:
        docs = Path(build_docs_to or config.data_docs_dir()).resolve()
        docs.mkdir(parents=True, exist_ok=True)
        # in memory only: never saved to great_expectations.yml
        ctx.variables.data_docs_sites = {
            SITE_NAME: {
                "class_name": "SiteBuilder",
                "show_how_to_buttons": False,
                "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(docs)},
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            }
        }
        ctx.build_data_docs(site_names=[SITE_NAME])
        gx_offline.make_offline(docs)  # CDN styles/scripts shipped with the site: readable offline
        if banner:
            _banner(docs, banner)
    return results


def validate_marts(
    db_path: Path | View,
    build_docs_to: Path | None = None,
    *,
    project_root: Path | None = None,
    store_dir: Path | None = None,
    **docs: Any,
) -> list[SuiteResult]:
    """Validate the marts of the DuckDB file `db_path` (opened read-only) with the
    suites stored in the GX file context; results are kept in `store_dir`
    (default: `gx/` next to `db_path`); build Data Docs to `build_docs_to`
    (default `config.data_docs_dir()`) unless `build_docs=False`; `docs` (`build_docs`,
    `banner`) as for `validate_frames`."""
    db_path = db_path if isinstance(db_path, View) else Path(db_path)
    frames = load_marts(db_path)
    beside = db_path.storage.published if isinstance(db_path, View) else db_path
    store_dir = store_dir or (None if project_root else config.gx_store_dir(beside))
    return validate_frames(frames, build_docs_to, project_root=project_root, store_dir=store_dir, **docs)


def save_results(results: list[SuiteResult], path: Path) -> None:
    """Write suite results as JSON (stored with the report site of a build)."""
    import dataclasses
    import json

    Path(path).write_text(
        json.dumps([dataclasses.asdict(r) for r in results], ensure_ascii=False, indent=1), encoding="utf-8"
    )


def load_results(path: Path) -> list[SuiteResult]:
    """Read what `save_results` wrote."""
    import json

    return [SuiteResult(**d) for d in json.loads(Path(path).read_text(encoding="utf-8"))]


def published_results(published: Path, results_file: str = "gx_results.json") -> list[SuiteResult]:
    """The GX results of the published build: those stored with its report site
    (validated on the build before it was published), else a fresh validation
    of the published file (no Data Docs)."""
    stored = config.site_dir(Path(published)) / "current" / results_file
    if stored.exists():
        return load_results(stored)
    return validate_marts(Path(published), build_docs=False)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m nianbao.expectations", description=__doc__.split("\n")[0])
    p.add_argument("--init", action="store_true", help="write/update the suites in expectations/gx/")
    p.add_argument("--db", type=Path, default=None, help="DuckDB file (default: the published warehouse)")
    p.add_argument("--docs", type=Path, default=None, help="Data Docs folder (default: config.data_docs_dir())")
    p.add_argument("--no-docs", action="store_true", help="do not build Data Docs")
    p.add_argument("--project-root", type=Path, default=None, help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    if a.init:
        changes = init_context(a.project_root)
        print("\n".join(changes) if changes else "suites up to date")
        return 0
    db = a.db or config.warehouse_path()
    results = validate_marts(db, a.docs, build_docs=not a.no_docs, project_root=a.project_root)
    for r in results:
        print(
            f"{'PASS' if r.success else 'FAIL'} {r.suite} ({r.table}, {r.rows} rows, "
            f"{r.expectations} expectations, {len(r.failed)} failed)"
        )
        for f in r.failed:
            print(f"    - {f}")
    return 0 if all(r.success for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
