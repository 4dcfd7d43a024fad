"""`python -m orchestration.cli run`: build the warehouse once, in this process, and summarise.

This is what `make run` calls. It runs the `build_warehouse` job in-process
(one DuckDB writer), prints progress and a final summary, and exits non-zero
only when the warehouse could not be published (a bad report is quarantined,
not fatal).

One run per warehouse (`nianbao.runlock`): when another run holds the
warehouse, it prints one line naming the holder and exits EXIT_LOCKED, or waits
with `--wait`. SIGTERM/SIGINT stop the run at the next safe point (dbt is
stopped, nothing is published, staged files are removed) and it exits 128+signal
with one line. Each run logs to `logs/run-<time>-<pid>.log` next to the warehouse.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import signal
import sys
import warnings
from datetime import UTC, datetime

from nianbao.storage import open_storage, read

EXIT_LOCKED = 75  # EX_TEMPFAIL: another run holds the warehouse; try again later


def _summary(published) -> str:
    """Counts of the live warehouse: `published` (a DuckDB file) or a storage's live view."""
    with read(published) as (con, marts):
        docs = dict(con.execute(f"select status, count(*) from {marts}.dim_document group by 1").fetchall())
        figures = con.execute(f"select count(*) from {marts}.fct_figures").fetchone()[0]
        events = con.execute(f"select count(*) from {marts}.fct_activities where grain = 'event'").fetchone()[0]
        findings = dict(con.execute(f"select severity, count(*) from {marts}.dq_findings group by 1").fetchall())
    return (
        f"documents: {docs.get('loaded', 0)} loaded, {docs.get('duplicate', 0)} duplicate, "
        f"{docs.get('quarantined', 0)} quarantined, {docs.get('removed', 0)} removed\n"
        f"figures: {figures}   events: {events}\n"
        f"findings: {findings.get('error', 0)} error, {findings.get('warn', 0)} warn, {findings.get('info', 0)} info"
    )


def run(wait: bool = False) -> int:
    """One run: take the warehouse's run lock (or say who holds it and return
    EXIT_LOCKED; `wait`: wait for it), then build and publish."""
    warnings.filterwarnings("ignore")
    from nianbao import config, stopping
    from nianbao.runlock import RunLocked, run_lock

    published = config.warehouse_path()
    lock = config.lock_path(published)
    stopping.install()
    try:
        with run_lock(
            lock,
            wait=wait,
            on_wait=lambda who: print(
                f"nianbao: waiting for the run holding {lock} ({who})", file=sys.stderr, flush=True
            ),
        ):
            return _run_locked(published)
    except RunLocked as exc:
        print(
            f"nianbao: another run is running on {published} ({exc.who}); not started (--wait waits for it)",
            file=sys.stderr,
        )
        return EXIT_LOCKED
    except stopping.Stopped as stop:  # while waiting for the lock: nothing was started
        print(f"nianbao: stopped by {stop.reason} before the run started", file=sys.stderr)
        return 128 + getattr(signal, stop.reason, signal.SIGTERM).value
    finally:
        stopping.uninstall()


def _open_run_log(published):
    """logs/run-<UTC time>-<pid>.log, `last_run.log` pointing at it; older logs
    beyond `config.keep_runs()` removed."""
    from nianbao import config

    logs = config.logs_dir(published)
    logs.mkdir(parents=True, exist_ok=True)
    path = logs / f"run-{datetime.now(UTC).strftime('%Y%m%dT%H%M%SZ')}-{os.getpid()}.log"
    handle = open(path, "w", encoding="utf-8")
    last = logs / "last_run.log"
    tmp = logs / f".last_run.log.{os.getpid()}.tmp"
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    os.symlink(path.name, tmp)
    if last.exists() and not last.is_symlink():
        last.unlink()  # the single shared log of older versions
    os.replace(tmp, last)
    for old in sorted(logs.glob("run-*.log"), key=lambda p: p.stat().st_mtime)[: -config.keep_runs()]:
        with contextlib.suppress(FileNotFoundError):
            old.unlink()
    return path, handle


class _Screen:
    """stderr during the run: what the pipeline prints (progress lines, bars) goes
    to the screen, the records of Dagster's console logger (with their stack
    traces) to the run log; the CLI prints the one-line outcome itself."""

    def __init__(self, screen, log):
        self._screen, self._log = screen, log

    def write(self, text: str) -> int:
        if sys._getframe(1).f_code.co_filename == logging.__file__:
            return self._log.write(text)
        return self._screen.write(text)

    def flush(self) -> None:
        self._screen.flush()
        self._log.flush()

    def __getattr__(self, name):
        return getattr(self._screen, name)


def _run_locked(published) -> int:
    from nianbao import config, fingerprint, stopping
    from nianbao import publish as publishing

    # nothing that decides the published build changed: say so and stop (nianbao/fingerprint.py)
    inputs = fingerprint.current(published)
    if fingerprint.is_unchanged(published, inputs):
        from nianbao import pipeline

        pipeline.recover(config.working_path(published), published)  # what a killed run left behind
        print(
            f"nianbao: nothing changed since the published build (raw files, code, settings): {published} "
            "kept as it is; dbt, GX, report and publish skipped",
            file=sys.stderr,
            flush=True,
        )
        print(_summary(open_storage(published).view()))
        print(f"warehouse: {published}")
        return 0
    print(
        f"nianbao: since the published build: {', '.join(fingerprint.changes(published, inputs))}",
        file=sys.stderr,
        flush=True,
    )
    from orchestration import home  # the persistent instance `make dev` shows: runs appear in the UI

    published_ok = False
    try:
        from orchestration.definitions import defs

        job = defs.resolve_job_def("build_warehouse")
        print(f"nianbao: building {published} from {config.raw_dir()}", file=sys.stderr, flush=True)
        # dbt's own event stream goes to this run's log beside the warehouse (NIANBAO_VERBOSE=1: to the
        # screen); progress lines ("nianbao: …") and progress bars go to stderr either way.
        log_path, log = _open_run_log(published)
        verbose = config.settings().verbose
        with (
            log,
            contextlib.redirect_stdout(sys.stdout if verbose else log),
            contextlib.redirect_stderr(sys.stderr if verbose else _Screen(sys.stderr, log)),
            home.instance(published) as instance,
        ):
            result = job.execute_in_process(
                instance=instance,
                raise_on_error=False,
                run_config={"loggers": {"console": {"config": {"log_level": config.settings().log_level}}}},
            )
            home.prune_runs(instance, config.keep_runs())
        published_ok = any(
            e.event_type_value == "ASSET_MATERIALIZATION" and e.asset_key and e.asset_key.path == ["warehouse_snapshot"]
            for e in result.all_events
        )
        stopping.check()
        if not published_ok:
            publishing.discard_site(published)
            failures = [e for e in result.all_events if e.event_type_value == "STEP_FAILURE"]
            for event in failures:
                data = event.event_specific_data  # a Failure raised on purpose (the GX gate) has its own line
                failure = data.user_failure_data.description if data.user_failure_data else None
                message = (failure or (data.error.message if data.error else "") or "failed").strip().splitlines()[0]
                print(f"nianbao: step {event.step_key} failed: {message}", file=sys.stderr)
            print(
                "nianbao: the warehouse was NOT published; the previous build (if any) is unchanged; "
                f"dbt's log: {log_path}",
                file=sys.stderr,
            )
            return 1
        fingerprint.record(published, inputs)
        storage = open_storage(published)
        print(_summary(storage.view()))
        print(f"warehouse: {storage.describe()}")
        print(f"quality report: {config.report_dir(published) / 'index.html'}")
        print(f"data docs: {config.data_docs_dir(published)}")
        print(f"run log: {log_path}")
        return 0
    except stopping.Stopped as stop:
        publishing.discard_site(published)
        outcome = (
            "after the warehouse was published"
            if published_ok
            else "the warehouse was not published; the previous build (if any) is unchanged"
        )
        print(f"nianbao: stopped by {stop.reason}; {outcome}", file=sys.stderr)
        return 128 + getattr(signal, stop.reason, signal.SIGTERM).value


def _raw_folder_problem() -> str | None:
    """One line when the raw folder must not be ingested (missing, empty, the warehouse folder)."""
    from nianbao import config, pipeline

    return pipeline.raw_folder_problem(config.raw_dir(), config.warehouse_path())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="nianbao", description=__doc__)
    parser.add_argument("command", choices=["run"], help="run: build and publish the warehouse")
    parser.add_argument(
        "--wait", action="store_true", help="when another run holds this warehouse, wait for it instead of exiting"
    )
    parser.add_argument(
        "--allow-empty",
        action="store_true",
        help="publish even when the raw folder is empty (otherwise a non-empty warehouse is kept)",
    )
    args = parser.parse_args(argv)
    from nianbao import config, pipeline

    # --allow-empty: the ingest stage of the run checks again, so it is set for the whole run
    with config.environment(**({pipeline.ALLOW_EMPTY_ENV: "1"} if args.allow_empty else {})):
        if problem := _raw_folder_problem():
            print(f"nianbao: {problem}", file=sys.stderr)
            return 2
        return run(wait=args.wait)


if __name__ == "__main__":
    sys.exit(main())
