"""The real pipeline under stress: kill -9 at random moments, and a reader holding the
published warehouse open during a run.

Each kill takes the whole process group (the CLI, its parse worker and its dbt
child), as a killed job would; the published file must stay openable with the
previous build's data, and the next run must succeed with no manual cleanup.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from nianbao.config import PROJECT_ROOT
from tests.paths import SEED_REPORTS
from tests.support import cli

pytestmark = pytest.mark.slow

LOCK_WAIT = {"NIANBAO_LOCK_WAIT": "120"}  # every run here waits for the lock rather than exiting


def run_cli(raw: Path, wh: Path) -> subprocess.CompletedProcess:
    return cli.run_cli(raw, wh, **LOCK_WAIT)


def published_state(wh: Path) -> tuple[int, int]:
    return cli.q(wh, "select (select count(*) from marts.fct_figures), (select count(*) from marts.dim_document)")[0]


@pytest.fixture
def seeded(tmp_path):
    return cli.seeded_warehouse(tmp_path, **LOCK_WAIT)


def test_kill_minus_nine_at_random_moments(seeded):
    raw, wh = seeded
    before = published_state(wh)
    rng = random.Random(20201231)
    for i in range(4):
        # change the input so that every stage has work to do
        (raw / f"extra_{i}.txt").write_text(f"2020年某县图书馆年报\n全年接待读者{1000 + i}人次。\n", encoding="utf-8")
        proc = subprocess.Popen(
            cli.CLI,
            cwd=PROJECT_ROOT,
            env=cli.env_for(raw, wh, **LOCK_WAIT),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        time.sleep(rng.uniform(0.5, 25.0))
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass  # it finished before the kill: a publish that completed
        proc.wait(timeout=60)
        state = published_state(wh)  # always openable and complete
        assert state[1] >= before[1], "published warehouse lost documents"
        assert state[0] > 0
    final = run_cli(raw, wh)
    assert final.returncode == 0, final.stderr[-3000:]
    figures, documents = published_state(wh)
    assert documents == len(SEED_REPORTS) + 4
    leftovers = [p.name for p in wh.parent.iterdir() if p.name.endswith(".tmp")]
    assert not leftovers, leftovers


def test_reader_holding_the_warehouse_open_during_a_run(seeded):
    raw, wh = seeded
    reader = duckdb.connect(str(wh), read_only=True)
    try:
        before = reader.execute("select count(*), sum(value) from marts.fct_figures").fetchone()
        (raw / "another.txt").write_text("2020年某县图书馆年报\n全年接待读者4321人次。\n", encoding="utf-8")
        run = run_cli(raw, wh)
        assert run.returncode == 0, run.stderr[-3000:]
        # the open reader keeps its consistent snapshot
        assert reader.execute("select count(*), sum(value) from marts.fct_figures").fetchone() == before
    finally:
        reader.close()
    # a new reader (another process) sees the new build
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "import duckdb,sys; c=duckdb.connect(sys.argv[1], read_only=True); "
            'print(c.execute("select count(*) from marts.fct_figures where value = 4321").fetchone()[0])',
            str(wh),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.stdout.strip() == "1", out.stderr


def test_a_bad_report_does_not_fail_the_run_but_no_raw_folder_does(tmp_path):
    raw, wh = tmp_path / "raw", tmp_path / "wh" / "nianbao.duckdb"
    raw.mkdir()
    (raw / "report.txt").write_text("2020年某县图书馆年报\n全年接待读者5000人次。\n", encoding="utf-8")
    (raw / "broken.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    ok = run_cli(raw, wh)
    assert ok.returncode == 0, ok.stderr[-3000:]
    assert any("broken.txt" in line and "binary" in line for line in ok.stderr.splitlines())
    missing = run_cli(tmp_path / "nope", tmp_path / "wh2" / "nianbao.duckdb")
    assert missing.returncode != 0
    assert "nope" in missing.stderr and "does not exist" in missing.stderr
