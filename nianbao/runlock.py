"""One run per warehouse: an OS-level lock on `<warehouse>.lock`.

    with run_lock(config.lock_path()):            # raises RunLocked naming the holder
        ...
    with run_lock(config.lock_path(), wait=True):  # blocks until the holder is done
        ...

The lock is `fcntl.flock` on the lock file, so the kernel releases it when the
holding process dies (kill -9 included): a stale lock cannot exist. The holder
writes one line into the file (pid, start time, command) so that a refused run
can say who holds it; forked children close their copy of the fd, so an
orphaned worker never keeps the lock of a killed run. Re-entrant within a process: the CLI takes it, then the
Dagster job it runs in-process takes it again as a no-op; a Dagster run launched
by the daemon or the UI takes it in its own process.

`holder(path)` reads who holds it without taking it (for the sensor).
POSIX only.
"""

from __future__ import annotations

import fcntl
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

__all__ = ["RunLocked", "run_lock", "holder"]

_held: dict[str, list] = {}  # resolved path -> [fd, depth]
_guard = threading.Lock()


def _forget_in_child() -> None:
    """A forked child (e.g. the extraction worker pool) must not keep the lock
    alive after its parent dies: close its copies of the lock fds (never unlock:
    that would release the parent's lock too)."""
    for fd, _depth in _held.values():
        try:
            os.close(fd)
        except OSError:
            pass
    _held.clear()


os.register_at_fork(after_in_child=_forget_in_child)


class RunLocked(RuntimeError):
    """Another process holds the run lock of this warehouse."""

    def __init__(self, path: Path, who: str):
        self.path, self.who = path, who
        super().__init__(f"another run is running on this warehouse ({who}); lock {path}")


def _describe(fd: int) -> str:
    try:
        text = os.pread(fd, 4096, 0).decode("utf-8", "replace").strip()
    except OSError:
        text = ""
    return text or "holder unknown"


def holder(path: Path) -> str | None:
    """Who holds the lock at `path` (its one line), or None when nobody does.
    Takes a shared lock for an instant only, never blocks."""
    path = Path(path)
    if not path.exists():
        return None
    key = str(path.resolve())
    if key in _held:
        return f"pid {os.getpid()} (this process)"
    fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return _describe(fd)
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)


@contextmanager
def run_lock(path: Path, wait: bool | float = False, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the run lock at `path` for the block.

    `wait=False`: raise `RunLocked` at once when another process holds it
    (after a short grace for a concurrent probe by `holder`); `wait=True`:
    block until it is free; a number: block at most that many seconds, then
    raise. `on_wait(holder_line)` is called once before waiting.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    key = str(path.resolve())
    with _guard:
        if key in _held:
            _held[key][1] += 1
            reentered = True
        else:
            reentered = False
    if reentered:
        try:
            yield
        finally:
            with _guard:
                _held[key][1] -= 1
        return

    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        _acquire(fd, path, wait, on_wait)
        line = (
            f"pid {os.getpid()}, started {datetime.now(UTC).strftime('%Y-%m-%d %H:%M:%S UTC')}, "
            f"{' '.join(sys.argv)[:200]}"
        )
        os.ftruncate(fd, 0)
        os.pwrite(fd, (line + "\n").encode("utf-8", "replace"), 0)
        with _guard:
            _held[key] = [fd, 1]
        try:
            yield
        finally:
            with _guard:
                _held.pop(key, None)
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _acquire(fd: int, path: Path, wait: bool | float, on_wait: Callable[[str], None] | None) -> None:
    grace = time.monotonic() + 0.5  # a sensor's `holder` probe holds a shared lock for microseconds
    deadline = None if wait is True else time.monotonic() + (float(wait) if wait else 0.0)
    told = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        who = _describe(fd)
        if who == "holder unknown" and time.monotonic() < grace:
            time.sleep(0.05)
            continue
        if deadline is not None and time.monotonic() >= deadline:
            raise RunLocked(path, who)
        if not told and on_wait:
            on_wait(who)
            told = True
        time.sleep(0.5)
