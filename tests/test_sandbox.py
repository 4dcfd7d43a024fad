"""nianbao.sandbox.run_in_child: the one child process for ingest and extraction."""

from __future__ import annotations

import os
import signal
import time

import pytest

from nianbao import sandbox


def pid_and_double(x):
    return os.getpid(), 2 * x


def sleep_forever():
    time.sleep(3600)


def fail(message):
    raise ValueError(message)


def allocate(mb):
    return len(bytearray(mb * 2**20))


def die():
    os.kill(os.getpid(), signal.SIGKILL)


def test_runs_in_a_reused_child_and_returns_the_result():
    pid, value = sandbox.run_in_child(pid_and_double, 21, timeout=60)
    assert value == 42 and pid != os.getpid()
    assert sandbox.run_in_child(pid_and_double, 1, timeout=60)[0] == pid   # the same child


def test_an_overrun_kills_the_child_and_the_next_call_gets_a_new_one():
    pid, _ = sandbox.run_in_child(pid_and_double, 1, timeout=60)
    start = time.monotonic()
    with pytest.raises(sandbox.ChildTimeout):
        sandbox.run_in_child(sleep_forever, timeout=0.5)
    assert time.monotonic() - start < 15
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    new_pid, value = sandbox.run_in_child(pid_and_double, 2, timeout=60)
    assert value == 4 and new_pid != pid


def test_an_exception_comes_back_by_name_and_the_child_goes_on():
    pid, _ = sandbox.run_in_child(pid_and_double, 1, timeout=60)
    with pytest.raises(sandbox.ChildError, match="ValueError: cannot read this table"):
        sandbox.run_in_child(fail, "cannot read this table", timeout=60)
    assert sandbox.run_in_child(pid_and_double, 1, timeout=60)[0] == pid


def test_memory_is_capped():
    with pytest.raises(sandbox.ChildError, match="MemoryError"):
        sandbox.run_in_child(allocate, 2048, timeout=60, memory_mb=1024)
    assert sandbox.run_in_child(allocate, 16, timeout=60, memory_mb=1024) == 16 * 2**20


def test_a_child_that_dies_is_reported_and_replaced():
    with pytest.raises(sandbox.ChildDied):
        sandbox.run_in_child(die, timeout=60)
    assert sandbox.run_in_child(pid_and_double, 3, timeout=60)[1] == 6
