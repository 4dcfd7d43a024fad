"""`python -m orchestration.cli run`: build the warehouse once, in this process, and summarise.

This is what `make run` calls. It runs the `build_warehouse` job in-process
(one DuckDB writer), prints progress and a final summary, and exits non-zero
only when the warehouse could not be published (a bad report is quarantined,
not fatal).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import warnings

import duckdb


def _summary(published) -> str:
    con = duckdb.connect(str(published), read_only=True)
    try:
        docs = dict(con.execute("select status, count(*) from marts.dim_document group by 1").fetchall())
        figures = con.execute("select count(*) from marts.fct_figures").fetchone()[0]
        events = con.execute("select count(*) from marts.fct_activities where grain = 'event'").fetchone()[0]
        findings = dict(con.execute("select severity, count(*) from marts.dq_findings group by 1").fetchall())
    finally:
        con.close()
    return (
        f"documents: {docs.get('loaded', 0)} loaded, {docs.get('duplicate', 0)} duplicate, "
        f"{docs.get('quarantined', 0)} quarantined, {docs.get('removed', 0)} removed\n"
        f"figures: {figures}   events: {events}\n"
        f"findings: {findings.get('error', 0)} error, {findings.get('warn', 0)} warn, {findings.get('info', 0)} info"
    )


def run() -> int:
    warnings.filterwarnings("ignore")
    from dagster import DagsterInstance

    from nianbao import config
    from orchestration.definitions import defs

    job = defs.resolve_job_def("build_warehouse")
    published = config.warehouse_path()
    print(f"nianbao: building {published} from {config.raw_dir()}", file=sys.stderr, flush=True)
    # dbt's own event stream goes to a log file beside the warehouse (NIANBAO_VERBOSE=1: to the screen);
    # progress lines ("nianbao: …") and progress bars go to stderr either way.
    log_path = published.parent / "logs" / "last_run.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    verbose = os.environ.get("NIANBAO_VERBOSE", "") not in ("", "0")
    with open(log_path, "w", encoding="utf-8") as log, \
            contextlib.redirect_stdout(sys.stdout if verbose else log), DagsterInstance.ephemeral() as instance:
        result = job.execute_in_process(
            instance=instance,
            raise_on_error=False,
            run_config={"loggers": {"console": {"config": {"log_level": os.environ.get("NIANBAO_LOG_LEVEL", "ERROR")}}}},
        )
    failures = [e for e in result.all_events if e.event_type_value == "STEP_FAILURE"]
    for event in failures:
        error = event.event_specific_data.error
        message = (error.message if error else "failed").strip().splitlines()[0]
        print(f"nianbao: step {event.step_key} failed: {message}", file=sys.stderr)
    published_ok = any(
        e.event_type_value == "ASSET_MATERIALIZATION" and e.asset_key and e.asset_key.path == ["warehouse_snapshot"]
        for e in result.all_events
    )
    if not published_ok:
        print("nianbao: the warehouse was NOT published; the previous build (if any) is unchanged; "
              f"dbt's log: {log_path}", file=sys.stderr)
        return 1
    print(_summary(published))
    print(f"warehouse: {published}")
    print(f"quality report: {config.report_dir() / 'index.html'}")
    print(f"data docs: {config.data_docs_dir()}")
    print(f"run log: {log_path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="nianbao", description=__doc__)
    parser.add_argument("command", choices=["run"], help="run: build and publish the warehouse")
    parser.parse_args(argv)
    return run()


if __name__ == "__main__":
    sys.exit(main())
