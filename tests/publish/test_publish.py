"""publish/recover: atomic replace, readers keep their snapshot, recovery after kill -9."""

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

from nianbao.publish import PublishError, publish, recover

HERE = Path(__file__).resolve().parent
LOOP = HERE / "publish_loop.py"
REQUIRED = ["marts.fct_figures", "marts.meta"]
sys.path.insert(0, str(HERE))
from publish_loop import build  # noqa: E402


def check_published(published: Path) -> int:
    """Open the published file read-only in a fresh process; return its build number."""
    code = (
        "import duckdb,sys; c=duckdb.connect(sys.argv[1], read_only=True);"
        "b,n=c.execute('select build,n from marts.meta').fetchone();"
        "cnt,bad=c.execute('select count(*), count(*) filter (where build<>?) from marts.fct_figures',[b]).fetchone();"
        "assert cnt==n and bad==0, (b,n,cnt,bad); print(b)"
    )
    out = subprocess.run([sys.executable, "-c", code, str(published)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return int(out.stdout.strip())


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".publish-" in p.name)


@pytest.fixture
def paths(tmp_path):
    published = tmp_path / "warehouse" / "nianbao.duckdb"
    working = published.with_name("nianbao.build.duckdb")
    published.parent.mkdir()
    return working, published


def test_publish_and_validate(paths):
    working, published = paths
    build(working, 1, 1000)
    publish(working, published, REQUIRED)
    assert check_published(published) == 1
    assert temp_files(published.parent) == []
    assert not Path(str(working) + ".wal").exists()


def test_missing_table_refused(paths):
    working, published = paths
    build(working, 1, 10)
    publish(working, published, REQUIRED)
    before = published.read_bytes()
    build(working, 2, 10)
    with pytest.raises(PublishError, match="marts.nope"):
        publish(working, published, REQUIRED + ["marts.nope"])
    assert published.read_bytes() == before and temp_files(published.parent) == []


def test_reader_keeps_old_data_during_publish(paths):
    working, published = paths
    build(working, 1, 5000)
    publish(working, published, REQUIRED)
    reader = duckdb.connect(str(published), read_only=True)
    try:
        assert reader.execute("select build from marts.meta").fetchone() == (1,)
        build(working, 2, 7000)
        publish(working, published, REQUIRED)  # must not fail while the reader is open
        # the open reader still sees the old, consistent snapshot
        assert reader.execute("select build, n from marts.meta").fetchone() == (1, 5000)
        assert reader.execute("select count(*), min(build), max(build) from marts.fct_figures").fetchone() == (
            5000,
            1,
            1,
        )
        # a new reader (another process: DuckDB caches instances per path) sees the new data
        assert check_published(published) == 2
    finally:
        reader.close()


def test_working_file_locked_by_another_process(paths):
    working, published = paths
    build(working, 1, 10)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb,sys,time; c=duckdb.connect(sys.argv[1]); print('ok', flush=True); time.sleep(60)",
            str(working),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ok"
        with pytest.raises(PublishError, match="connection"):
            publish(working, published, REQUIRED)
        with pytest.raises(PublishError, match="in use"):
            recover(working, published)
        assert working.exists()
    finally:
        holder.kill()
        holder.wait(timeout=10)
    assert not published.exists() and temp_files(published.parent) == []


def test_recover_corrupt_working_file(paths):
    working, published = paths
    build(working, 1, 100)
    publish(working, published, REQUIRED)
    before = published.read_bytes()
    working.write_bytes(os.urandom(300_000))
    Path(str(working) + ".wal").write_bytes(os.urandom(1000))
    rep = recover(working, published)
    assert rep.working_ok is False and len(rep.moved_aside) == 2
    assert not working.exists() and not Path(str(working) + ".wal").exists()
    assert published.read_bytes() == before
    build(working, 2, 100)  # the next run rebuilds from scratch
    publish(working, published, REQUIRED)
    assert check_published(published) == 2
    for _ in range(3):  # moved-aside copies are pruned to the newest two
        working.write_bytes(b"garbage" * 1000)
        recover(working, published)
    assert len([p for p in published.parent.iterdir() if ".corrupt-" in p.name and not p.name.endswith(".wal")]) == 2


def test_recover_healthy_and_orphan_wal(paths):
    working, published = paths
    assert recover(working, published).working_ok is None
    Path(str(working) + ".wal").write_bytes(b"stale")
    rep = recover(working, published)
    assert rep.removed_orphan_wal and not Path(str(working) + ".wal").exists()
    build(working, 1, 10)
    rep = recover(working, published)
    assert rep.working_ok is True and not rep.changed and working.exists()


def test_recover_removes_stale_temp_files(paths):
    working, published = paths
    build(working, 1, 10)
    publish(working, published, REQUIRED)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(dead.stdout)
    folder = published.parent
    stale = folder / f".{published.name}.publish-{dead_pid}-deadbeef.tmp"
    live = folder / f".{published.name}.publish-{os.getpid()}-cafebabe.tmp"
    old = folder / f".{published.name}.publish-{os.getpid()}-0badf00d.tmp"
    other = folder / "notes.txt"
    for p in (stale, live, old, other):
        p.write_bytes(b"partial copy")
    os.utime(old, (time.time() - 3 * 86400,) * 2)
    rep = recover(working, published)
    assert sorted(p.name for p in rep.removed_temp_files) == sorted([stale.name, old.name])
    assert live.exists() and other.exists() and not stale.exists() and not old.exists()
    assert check_published(published) == 1


@pytest.mark.slow  # ~7-10 s: six helper processes killed at random moments
@pytest.mark.timeout(120)
def test_kill_9_during_build_and_publish_loop(paths):
    working, published = paths
    rnd = random.Random(7)
    build(working, 0, 10)
    publish(working, published, REQUIRED)
    seen_builds = set()
    for _ in range(6):
        proc = subprocess.Popen(
            [sys.executable, str(LOOP), str(working), str(published), "500", "200000"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(rnd.uniform(0.4, 1.6))
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL, err  # it was still running, not crashed
        # the published file is openable and consistent after every kill
        seen_builds.add(check_published(published))
    recover(working, published)
    assert temp_files(published.parent) == []
    build(working, 9999, 100)
    publish(working, published, REQUIRED)  # no manual cleanup needed
    assert check_published(published) == 9999
    assert temp_files(published.parent) == []
