"""One sandbox for untrusted work: `run_in_child(fn, *args, timeout=…, memory_mb=…)`.

Parsing an untrusted file (a pathological PDF, an HTML page nested 100 000
levels deep) or extracting from a pathological text can take unbounded time or
memory, and a Python thread cannot be interrupted. `run_in_child` runs
`fn(*args)` in a long-lived child interpreter (`python -m nianbao.sandbox`,
started on first use, one per memory cap, reused for every call) and returns
its result:

* the child's address space is capped at `memory_mb` (RLIMIT_AS), so a runaway
  call fails with MemoryError instead of taking the machine down;
* a call that overruns `timeout` seconds raises `ChildTimeout`; the child is
  killed and the next call starts a new one;
* a child that dies (killed by the kernel, a crash in a C extension) raises
  `ChildDied`; an exception inside `fn` comes back as `ChildError`
  (`"TypeName: message"`), and the child goes on.

`fn` must be a module-level function (it is pickled by reference and imported
in the child, which has the parent's import path); arguments and results are pickled. Protocol on the child's
stdin/stdout: 8-byte big-endian length + pickle; request `(fn, args)`, response
`("ok", result)` or `("error", type name, message)`; the child first writes a
ready frame once the `preload` modules are imported. Its own fd 1 is
redirected to stderr so that a library printing to stdout cannot corrupt the
protocol; it runs in its own session (a Ctrl-C reaches the parent only) and a
watchdog thread exits it when its parent dies.

`Pool(workers)` runs many calls on `workers` such children side by side (one
thread waiting on all of them with `select`), each call with its own time limit:
an overrun kills only its own child. Used by ingest (the parsers,
`nianbao.ingest.reader`, through `run_in_child`) and by extraction
(`nianbao.pipeline.extract`, through a `Pool`).
"""

from __future__ import annotations

import atexit
import os
import pickle
import select
import struct
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = ["run_in_child", "shutdown", "Pool", "ChildTimeout", "ChildDied", "ChildError", "DEFAULT_MEMORY_MB"]

DEFAULT_MEMORY_MB = 4096  # the default of `nianbao.config.Settings.ingest_memory_mb`
#: seconds a child may take to start and import its `preload` modules (not counted in a call's timeout)
START_TIMEOUT_S = 120.0
_LEN = struct.Struct(">Q")
_CHUNK = 1 << 20
_PROJECT_ROOT = Path(__file__).resolve().parents[1]


class ChildTimeout(Exception):
    """The call overran its time limit; the child was killed."""


class ChildDied(Exception):
    """The child exited during the call (killed, crashed) or could not start."""


class ChildError(Exception):
    """`fn` raised inside the child: `type_name` and `message` of its exception."""

    def __init__(self, type_name: str, message: str):
        self.type_name, self.message = type_name, message
        super().__init__(f"{type_name}: {message}")


def default_memory_mb() -> int:
    """The child's address-space cap: `NIANBAO_INGEST_MEMORY_MB` (0: none), default 4096."""
    from nianbao.config import settings

    return settings().ingest_memory_mb


# ---------------------------------------------------------------- parent side


class _Child:
    """One `python -m nianbao.sandbox` child."""

    def __init__(
        self, memory_mb: int, preload: tuple[str, ...], start_timeout_s: float = START_TIMEOUT_S, wait: bool = True
    ) -> None:
        """Start the child; with `wait`, block until it is ready (else see `wait_ready`/`frame`)."""
        from nianbao.config import child_env, settings

        # the parent's import path, so that the child finds every module-level function the parent can name
        env = child_env(PYTHONPATH=os.pathsep.join(dict.fromkeys([str(_PROJECT_ROOT), *(p for p in sys.path if p)])))
        env.setdefault("PYTHONWARNINGS", "ignore")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "nianbao.sandbox", str(memory_mb), *preload],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=None if settings().ingest_debug else subprocess.DEVNULL,
            env=env,
            close_fds=True,
            start_new_session=True,
        )
        self._buf = bytearray()
        self.fd = self.proc.stdout.fileno()
        if wait:
            self.wait_ready(time.monotonic() + start_timeout_s)

    def wait_ready(self, deadline: float) -> None:
        """Block until the ready frame (the preload modules are imported); ChildDied if it never comes."""
        try:
            msg = self._recv(deadline)
        except (TimeoutError, ChildDied) as e:
            self.kill()
            raise ChildDied(f"sandbox child did not start: {e}") from e
        if msg != ("ready",):
            self.kill()
            raise ChildDied("sandbox child did not start")

    def alive(self) -> bool:
        return self.proc.poll() is None

    def kill(self) -> None:
        try:
            self.proc.kill()
        except OSError:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:  # pragma: no cover
            pass
        for f in (self.proc.stdin, self.proc.stdout):
            try:
                f.close()
            except OSError:
                pass

    def close(self) -> None:
        try:
            self.proc.stdin.close()
            self.proc.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            self.kill()
        else:
            self.proc.stdout.close()

    def frame(self):
        """The next complete message already received, or None."""
        if len(self._buf) < _LEN.size:
            return None
        need = _LEN.unpack(self._buf[: _LEN.size])[0]
        if len(self._buf) < _LEN.size + need:
            return None
        body = bytes(self._buf[_LEN.size : _LEN.size + need])
        del self._buf[: _LEN.size + need]
        return pickle.loads(body)

    def feed(self) -> bool:
        """Read what the child has written (call when its fd is readable); False at end of file."""
        need = _LEN.unpack(self._buf[: _LEN.size])[0] if len(self._buf) >= _LEN.size else 0
        chunk = os.read(self.fd, max(_CHUNK, need + _LEN.size - len(self._buf)))
        self._buf += chunk
        return bool(chunk)

    def died(self) -> ChildDied:
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:  # pragma: no cover
            pass
        return ChildDied(f"child process exited with code {self.proc.returncode}")

    def _recv(self, deadline: float):
        while True:
            msg = self.frame()
            if msg is not None:
                return msg
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError
            ready, _, _ = select.select([self.fd], [], [], min(left, 1.0))
            if ready and not self.feed():
                raise self.died()

    def send(self, fn, args: tuple) -> None:
        payload = pickle.dumps((fn, args), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            self.proc.stdin.write(_LEN.pack(len(payload)) + payload)
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError) as e:
            raise ChildDied(f"child process gone: {e}") from e

    def call(self, fn, args: tuple, timeout: float):
        deadline = time.monotonic() + timeout
        self.send(fn, args)
        return self._recv(deadline)


_children: dict[int, _Child] = {}
_lock = threading.Lock()


def run_in_child(fn, *args, timeout: float, memory_mb: int | None = None, preload: tuple[str, ...] = ()):
    """`fn(*args)` in the sandbox child (see the module docstring); `preload`: modules the child imports
    before its first call when it has to be started (so their import time is not counted in `timeout`)."""
    mb = default_memory_mb() if memory_mb is None else memory_mb
    with _lock:
        child = _children.get(mb)
        if child is None or not child.alive():
            child = _children[mb] = _Child(mb, tuple(preload))
        try:
            reply = child.call(fn, args, timeout)
        except TimeoutError:
            _children.pop(mb, None)
            child.kill()
            raise ChildTimeout(f"took longer than {timeout:g} s; stopped") from None
        except BaseException:  # died, or a stop request (SIGTERM) mid-call: the child's state is unknown
            _children.pop(mb, None)
            child.kill()
            raise
    return _outcome(reply, raise_error=True)


def _outcome(reply: tuple, raise_error: bool = False):
    """The result of an ("ok", result) reply; the ChildError of an ("error", type, message) one."""
    if reply[0] == "ok":
        return reply[1]
    error = ChildError(reply[1], reply[2])
    if raise_error:
        raise error
    return error


def shutdown() -> None:
    """Stop every child (they are restarted on demand)."""
    with _lock:
        for child in _children.values():
            child.close()
        _children.clear()


atexit.register(shutdown)


# ---------------------------------------------------------------- a pool of children


@dataclass
class _Slot:
    """One worker of a `Pool`: its child (None until needed), the call it runs and that call's deadline."""

    child: _Child | None = None
    ready: bool = False
    job: int | None = None
    args: tuple = ()
    deadline: float = 0.0


class Pool:
    """`workers` sandbox children running calls side by side, each call with its own time limit.

        with sandbox.Pool(2, preload=("nianbao.extract",)) as pool:
            for i, outcome in pool.run(fn, [(a,), (b,), (c,)], timeout=120):
                ...   # outcome: fn's result, or a ChildTimeout / ChildError / ChildDied instance

    Children start on demand (their `preload` imports are not counted in a call's
    timeout) and are reused call after call; a call that overruns its `timeout`
    kills only its own child (the next call on that worker starts a new one), a
    child that dies fails only its own call. Outcomes come back as they finish,
    with the index of their arguments: sort on it for an order that does not
    depend on the number of workers. One thread (the caller's) waits on every
    child with `select`, so a stop request (SIGTERM/SIGINT raising in the main
    thread) interrupts it; any exception out of `run`, and leaving the `with`
    block by one, kills every child.
    """

    def __init__(
        self,
        workers: int,
        memory_mb: int | None = None,
        preload: tuple[str, ...] = (),
        start_timeout_s: float = START_TIMEOUT_S,
    ) -> None:
        self.memory_mb = default_memory_mb() if memory_mb is None else memory_mb
        self.preload = tuple(preload)
        self.start_timeout_s = start_timeout_s
        self._slots = [_Slot() for _ in range(max(1, int(workers)))]

    @property
    def workers(self) -> int:
        return len(self._slots)

    def pids(self) -> list[int]:
        """Process ids of the children alive now."""
        return [s.child.proc.pid for s in self._slots if s.child is not None and s.child.alive()]

    def run(self, fn, calls, timeout: float) -> Iterator[tuple[int, object]]:
        """`fn(*args)` for every `args` of `calls`, yielding (index, outcome) as each finishes."""
        pending = deque(enumerate(calls))
        try:
            while True:
                for slot in self._slots:
                    if slot.job is None and pending:
                        slot.job, slot.args = pending.popleft()
                        if slot.child is None:
                            slot.child = _Child(self.memory_mb, self.preload, wait=False)
                            slot.ready, slot.deadline = False, time.monotonic() + self.start_timeout_s
                        else:
                            yield from self._send(slot, fn, timeout)
                busy = [s for s in self._slots if s.job is not None]
                if not busy:
                    return
                wait = min(s.deadline for s in busy) - time.monotonic()
                readable, _, _ = select.select([s.child.fd for s in busy], [], [], max(0.0, min(wait, 1.0)))
                for slot in busy:
                    yield from self._collect(slot, fn, timeout, slot.child.fd in readable)
        except BaseException:
            self.kill()
            raise

    def _send(self, slot: _Slot, fn, timeout: float):
        """Give the slot's call to its (ready) child; yields the call's ChildDied if it cannot."""
        slot.deadline = time.monotonic() + timeout
        try:
            slot.child.send(fn, slot.args)
        except ChildDied as e:
            yield self._finish(slot, e, kill=True)

    def _collect(self, slot: _Slot, fn, timeout: float, readable: bool):
        """What the slot's child has to say: its ready frame (then the call is sent), the call's
        outcome, its death, or nothing yet (then the deadline is checked)."""
        eof = readable and not slot.child.feed()
        msg = slot.child.frame()
        if msg is not None and not slot.ready:
            if msg != ("ready",):
                yield self._finish(slot, ChildDied("sandbox child did not start"), kill=True)
                return
            slot.ready = True
            yield from self._send(slot, fn, timeout)
        elif msg is not None:
            yield self._finish(slot, _outcome(msg), kill=eof)
        elif eof:
            died = slot.child.died()
            yield self._finish(
                slot, died if slot.ready else ChildDied(f"sandbox child did not start: {died}"), kill=True
            )
        elif time.monotonic() > slot.deadline:
            if slot.ready:
                outcome = ChildTimeout(f"took longer than {timeout:g} s; stopped")
            else:
                outcome = ChildDied(f"sandbox child did not start within {self.start_timeout_s:g} s")
            yield self._finish(slot, outcome, kill=True)

    def _finish(self, slot: _Slot, outcome, kill: bool) -> tuple[int, object]:
        """The slot's call is over: free the slot (killing its child when its state is unknown)."""
        job = slot.job
        slot.job, slot.args = None, ()
        if kill:
            slot.child.kill()
            slot.child, slot.ready = None, False
        return job, outcome

    def kill(self) -> None:
        """Kill every child now (a stop request, an error)."""
        for slot in self._slots:
            if slot.child is not None:
                slot.child.kill()
            slot.child, slot.ready, slot.job, slot.args = None, False, None, ()

    def close(self) -> None:
        """Let every idle child exit (closing its stdin); kill those still busy."""
        for slot in self._slots:
            if slot.child is not None:
                if slot.job is None:
                    slot.child.close()
                else:
                    slot.child.kill()
            slot.child, slot.ready, slot.job, slot.args = None, False, None, ()

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
        else:
            self.kill()


# ---------------------------------------------------------------- child side


def _read_exact(f, n: int) -> bytes | None:
    buf = bytearray()
    while len(buf) < n:
        chunk = f.read(n - len(buf))
        if not chunk:
            return None
        buf += chunk
    return bytes(buf)


def _exit_with_parent() -> None:
    """Exit when the parent process is gone (killed -9 while we work)."""
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(3)

    threading.Thread(target=watch, name="parent-watchdog", daemon=True).start()


def _child_main(memory_mb: int, preload: list[str]) -> None:
    import importlib
    import logging
    import warnings

    _exit_with_parent()
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    warnings.simplefilter("ignore")
    logging.disable(logging.WARNING)
    if memory_mb > 0:
        try:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 2**20, memory_mb * 2**20))
        except (ImportError, ValueError, OSError):
            pass
    for mod in preload:
        try:
            importlib.import_module(mod)
        except ImportError:
            pass

    def send(obj) -> None:
        payload = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
        out.write(_LEN.pack(len(payload)) + payload)
        out.flush()

    send(("ready",))
    inp = sys.stdin.buffer
    while True:
        head = _read_exact(inp, _LEN.size)
        if head is None:
            return
        body = _read_exact(inp, _LEN.unpack(head)[0])
        if body is None:
            return
        try:
            fn, args = pickle.loads(body)
            del body
            reply = ("ok", fn(*args))
        except MemoryError:
            reply = ("error", "MemoryError", "out of memory")
        except Exception as e:  # noqa: BLE001 - reported to the parent, the child goes on
            reply = ("error", type(e).__name__, str(e)[:1000])
        try:
            send(reply)
        except Exception as e:  # noqa: BLE001 - an unpicklable result
            send(("error", type(e).__name__, f"result not returned: {e}"[:1000]))


if __name__ == "__main__":
    _child_main(int(sys.argv[1]), sys.argv[2:])
