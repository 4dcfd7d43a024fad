"""Stop requests: SIGTERM and SIGINT stop a run at the next safe point, never publish.

    stopping.install()          # the CLI, once, in the main thread
    ...
    stopping.requested()        # "SIGTERM" / "SIGINT" once one arrived, else None
    stopping.check()            # raises Stopped at a safe point

Dagster replaces the SIGINT/SIGTERM handlers while it runs steps (it turns them
into `DagsterExecutionInterruptedError`), so a handler of ours would not see
them. `install` therefore also registers a wake-up pipe with
`signal.set_wakeup_fd`: Python writes the number of every signal that reaches a
Python-level handler into it, whichever handler is installed at the time.
`requested()` drains the pipe. Outside Dagster, our own handler raises
`Stopped` (SIGINT included, instead of a KeyboardInterrupt traceback).
"""

from __future__ import annotations

import os
import signal
import threading

__all__ = ["Stopped", "install", "uninstall", "requested", "check"]

SIGNALS = (signal.SIGTERM, signal.SIGINT)
_state: dict = {"reason": None, "pipe": None, "previous": None}


class Stopped(BaseException):
    """A stop was requested by a signal (a BaseException, like KeyboardInterrupt,
    so that `except Exception` in a stage does not swallow it)."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(f"stopped by {reason}")


def _name(signum: int) -> str:
    try:
        return signal.Signals(signum).name
    except ValueError:
        return f"signal {signum}"


def _handler(signum, _frame) -> None:
    _state["reason"] = _state["reason"] or _name(signum)
    raise Stopped(_name(signum))


def install() -> None:
    """Route SIGTERM/SIGINT to a stop request (main thread only; idempotent)."""
    if threading.current_thread() is not threading.main_thread() or _state["pipe"]:
        return
    r, w = os.pipe()
    os.set_blocking(r, False)
    os.set_blocking(w, False)
    _state["pipe"] = (r, w)
    _state["previous"] = (signal.set_wakeup_fd(w, warn_on_full_buffer=False), {s: signal.getsignal(s) for s in SIGNALS})
    for s in SIGNALS:
        signal.signal(s, _handler)


def uninstall() -> None:
    """Restore the previous handlers and wake-up fd; the recorded reason stays."""
    if not _state["pipe"]:
        return
    requested()
    wakeup, handlers = _state["previous"]
    signal.set_wakeup_fd(wakeup)
    for s, h in handlers.items():
        signal.signal(s, h)
    for fd in _state["pipe"]:
        os.close(fd)
    _state["pipe"] = None


def requested() -> str | None:
    """The first stop signal received since `install` ("SIGTERM", "SIGINT"), or None."""
    if _state["pipe"] and not _state["reason"]:
        try:
            data = os.read(_state["pipe"][0], 512)
        except (BlockingIOError, OSError):
            data = b""
        for b in data:
            if b in SIGNALS:
                _state["reason"] = _name(b)
                break
    return _state["reason"]


def check() -> None:
    """Raise `Stopped` when a stop was requested (call at safe points)."""
    reason = requested()
    if reason:
        raise Stopped(reason)
