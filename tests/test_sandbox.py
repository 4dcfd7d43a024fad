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
    assert sandbox.run_in_child(pid_and_double, 1, timeout=60)[0] == pid  # the same child


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


# ---------------------------------------------------------------- Pool: N children side by side


def nap(seconds):
    time.sleep(seconds)
    return os.getpid()


def test_a_pool_runs_calls_side_by_side_and_says_which_is_which():
    with sandbox.Pool(2) as pool:
        start = time.monotonic()
        outcomes = dict(pool.run(nap, [(2,), (2,)], timeout=60))
        elapsed = time.monotonic() - start
        assert len(pool.pids()) == 2
    assert sorted(outcomes) == [0, 1]
    assert len({outcomes[0], outcomes[1], os.getpid()}) == 3  # two children, neither the parent
    assert elapsed < 3.9, elapsed  # one after the other: 4 s and more
    with sandbox.Pool(2) as pool:
        outcomes = dict(pool.run(pid_and_double, [(i,) for i in range(7)], timeout=60))
    assert {i: v for i, (_, v) in outcomes.items()} == {i: 2 * i for i in range(7)}


def test_an_overrun_in_a_pool_kills_only_its_own_child():
    with sandbox.Pool(2) as pool:
        warm = dict(pool.run(pid_and_double, [(0,), (1,)], timeout=60))
        first_pids = {warm[0][0], warm[1][0]}
        start = time.monotonic()
        outcomes = {}
        for i, outcome in pool.run(nap, [(3600,), (0.2,), (0.2,), (0.2,)], timeout=1.0):
            outcomes[i] = outcome
        assert time.monotonic() - start < 15
        assert isinstance(outcomes[0], sandbox.ChildTimeout)
        survivors = {outcomes[i] for i in (1, 2, 3)}
        assert len(survivors) == 1 and survivors <= first_pids  # the other child ran them all and lives
        (killed,) = first_pids - survivors
        with pytest.raises(ProcessLookupError):
            os.kill(killed, 0)
        again = dict(pool.run(pid_and_double, [(5,), (6,)], timeout=60))  # the worker is restarted
        assert {v for _, v in again.values()} == {10, 12} and len(pool.pids()) == 2


def test_errors_and_deaths_in_a_pool_fail_only_their_own_call():
    with sandbox.Pool(2) as pool:
        outcomes = dict(pool.run(_dispatch, [("fail",), ("die",), ("ok",), ("ok",)], timeout=60))
    assert isinstance(outcomes[0], sandbox.ChildError) and "ValueError" in str(outcomes[0])
    assert isinstance(outcomes[1], sandbox.ChildDied)
    assert outcomes[2] == outcomes[3] == "ok"


def _dispatch(what):
    if what == "fail":
        fail("cannot read this table")
    if what == "die":
        die()
    return "ok"


def test_a_stop_request_while_a_pool_waits_kills_every_child():
    """SIGTERM (routed to `stopping.Stopped` as the CLI does) interrupts `run` and kills the children."""
    import threading

    from nianbao import stopping

    pool, seen = sandbox.Pool(2), []

    def stop_soon():
        deadline = time.monotonic() + 60
        while len(pool.pids()) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        seen.extend(pool.pids())
        os.kill(os.getpid(), signal.SIGTERM)

    stopping.install()
    try:
        threading.Thread(target=stop_soon, daemon=True).start()
        start = time.monotonic()
        with pytest.raises(stopping.Stopped):
            with pool:
                for _ in pool.run(nap, [(3600,), (3600,)], timeout=600):
                    pass
        assert time.monotonic() - start < 60
    finally:
        stopping.uninstall()
        stopping._state["reason"] = None  # uninstall keeps the reason: forget it for the next tests
    assert len(seen) == 2 and pool.pids() == []
    for pid in seen:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
