"""The report site is published with the database or not at all; one run per warehouse.

- kill -9 at random moments while reports are written and published: the
  report readers open always resolves (index and every link), and once the next
  run's `recover` ran it shows the build that is published;
- a publish that fails (a required table missing) leaves the report of the
  published build; `*.wal.stale-*` files are pruned;
- `nianbao.runlock`: a second holder is refused naming the first (pid), waits
  with `wait`, and a killed holder leaves no stale lock; the raw-folder sensor
  and the Dagster resource honour the same lock.
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from nianbao import config
from nianbao.publish import PublishError, discard_site, publish, recover, stage_site
from nianbao.runlock import RunLocked, holder, run_lock

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from publish_loop import REQUIRED, build  # noqa: E402

LOOP = HERE / "site_loop.py"


@pytest.fixture
def marts_db(tmp_path):
    from tests.report.invented_marts import write_db

    return write_db(tmp_path / "marts.duckdb")


@pytest.fixture
def paths(tmp_path):
    published = tmp_path / "wh #1" / "nianbao.duckdb"
    published.parent.mkdir()
    return published.with_name("nianbao.build.duckdb"), published


def loop(marts, working, published, start, n) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(LOOP), str(marts), str(working), str(published), str(start), str(n)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def published_build(published: Path) -> int:
    con = duckdb.connect(str(published), read_only=True)
    try:
        return con.execute("select build from marts.meta").fetchone()[0]
    finally:
        con.close()


def report_run(published: Path) -> str:
    """The run id in the header of the report readers open; every link of it must resolve."""
    index = config.report_dir(published) / "index.html"
    html = index.read_text(encoding="utf-8")
    for link in set(re.findall(r'(?:href|src)="([^"#:]+)"', html)):
        assert (index.parent / link).exists(), link
    for page in (index.parent / "ly").glob("*.html"):
        assert "run " in page.read_text(encoding="utf-8")
    docs = (config.data_docs_dir(published) / "index.html").read_text(encoding="utf-8")
    run = re.search(r"run (it\d+)", html).group(1)
    assert docs == f"run {run}", "report and Data Docs of different builds"
    return run


def test_kill_minus_nine_while_the_report_is_written(marts_db, paths):
    working, published = paths
    first = loop(marts_db, working, published, 1, 1)
    assert first.wait(timeout=120) == 0, first.stderr.read()
    assert report_run(published) == "it1" and published_build(published) == 1
    rng = random.Random(13)
    start = 2
    for _ in range(6):
        proc = loop(marts_db, working, published, start, 50)
        assert proc.stdout.readline().strip() == str(start)  # past the start-up: reports are being written
        time.sleep(rng.uniform(0.0, 4.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        start += 50
        run = report_run(published)  # readable and consistent right after the kill
        assert int(run[2:]) in (published_build(published), published_build(published) - 1)
        recover(working, published)  # what the next run does first
        assert report_run(published) == f"it{published_build(published)}"
        assert not list(config.site_dir(published).glob(".staging-*")), "staged site left after recover"
    sites = [p for p in config.site_dir(published).iterdir() if p.is_dir() and not p.is_symlink()]
    assert len(sites) <= config.keep_runs()


def test_a_failed_publish_keeps_the_published_report(marts_db, paths, tmp_path):
    working, published = paths
    from nianbao.report import build_report

    build(working, 1, 100)
    site = stage_site(published, "good")
    build_report(marts_db, site / "quality_report", run={"published": str(published), "time": "t", "id": "it1"})
    (site / "data_docs").mkdir()
    (site / "data_docs" / "index.html").write_text("run it1", encoding="utf-8")
    publish(working, published, REQUIRED, site=site)
    before = (config.report_dir(published) / "index.html").read_text(encoding="utf-8")

    con = duckdb.connect(str(working))
    con.execute("drop table marts.meta")
    con.close()
    site = stage_site(published, "bad")
    build_report(marts_db, site / "quality_report", run={"published": str(published), "time": "t", "id": "it2"})
    with pytest.raises(PublishError):
        publish(working, published, REQUIRED, site=site)
    discard_site(published)
    assert (config.report_dir(published) / "index.html").read_text(encoding="utf-8") == before
    assert report_run(published) == "it1"
    assert not list(config.site_dir(published).glob(".staging-*"))


def test_stale_wal_files_are_pruned(paths):
    working, published = paths
    build(working, 1, 10)
    publish(working, published, REQUIRED)
    for i in range(6):
        (published.parent / f"{published.name}.wal.stale-2026010{i}T000000Z").write_bytes(b"x")
    recover(working, published)
    assert len(list(published.parent.glob("*.wal.stale-*"))) == 3


HOLD = (
    "import sys, time; sys.path.insert(0, sys.argv[2]); from nianbao.runlock import run_lock\n"
    "with run_lock(sys.argv[1]):\n    print('held', flush=True); time.sleep(float(sys.argv[3]))\n"
)


def hold(lock: Path, seconds: float) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(lock), str(config.PROJECT_ROOT), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_run_lock_refuses_waits_and_never_goes_stale(tmp_path):
    lock = tmp_path / "nianbao.duckdb.lock"
    other = hold(lock, 60)
    try:
        with pytest.raises(RunLocked) as exc:
            with run_lock(lock):
                pass
        assert f"pid {other.pid}" in str(exc.value)
        assert f"pid {other.pid}" in holder(lock)
        other.send_signal(signal.SIGKILL)  # a killed holder leaves no stale lock
        other.wait(timeout=30)
        with run_lock(lock):
            with run_lock(lock):  # re-entrant in one process (the CLI, then its in-process Dagster run)
                assert "this process" in holder(lock)
        assert holder(lock) is None
    finally:
        other.kill()
    short = hold(lock, 2)
    waited = []
    t0 = time.monotonic()
    with run_lock(lock, wait=True, on_wait=waited.append):
        assert time.monotonic() - t0 > 0.5 and waited and f"pid {short.pid}" in waited[0]
    short.wait(timeout=30)


FORK_AND_HOLD = (
    "import os, sys, time; sys.path.insert(0, sys.argv[2]); from nianbao.runlock import run_lock\n"
    "with run_lock(sys.argv[1]):\n"
    "    if os.fork() == 0:\n        time.sleep(60); os._exit(0)\n"
    "    print('held', flush=True); time.sleep(60)\n"
)


def test_a_forked_child_does_not_keep_a_killed_run_s_lock(tmp_path):
    lock = tmp_path / "nianbao.duckdb.lock"
    parent = subprocess.Popen(
        [sys.executable, "-c", FORK_AND_HOLD, str(lock), str(config.PROJECT_ROOT)],
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        assert parent.stdout.readline().strip() == "held"
        assert holder(lock) is not None
        parent.send_signal(signal.SIGKILL)  # the child (like an extraction worker) lives on
        parent.wait(timeout=30)
        with run_lock(lock):
            pass
    finally:
        os.killpg(parent.pid, signal.SIGKILL)


def test_dagster_runs_and_the_sensor_honour_the_lock(tmp_path, monkeypatch):
    from dagster import SkipReason, build_init_resource_context, build_sensor_context

    from orchestration.defs.automation import raw_folder_sensor
    from orchestration.resources import WarehouseResource

    published = tmp_path / "wh" / "nianbao.duckdb"
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "a.txt").write_text("x", encoding="utf-8")
    monkeypatch.setenv("NIANBAO_WAREHOUSE", str(published))
    monkeypatch.setenv("NIANBAO_RAW_DIR", str(tmp_path / "raw"))
    other = hold(config.lock_path(published), 60)
    try:
        result = raw_folder_sensor(build_sensor_context())
        assert isinstance(result, SkipReason) and f"pid {other.pid}" in result.skip_message
        resource = WarehouseResource(warehouse=str(published))
        with pytest.raises(RunLocked):
            with resource.yield_for_execution(build_init_resource_context()):
                pass
    finally:
        other.kill()
        other.wait(timeout=30)
    assert not isinstance(raw_folder_sensor(build_sensor_context()), SkipReason)
