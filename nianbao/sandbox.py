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
watchdog thread exits it when its parent dies. Used by ingest (the parsers,
`nianbao.ingest.reader`) and by extraction (`nianbao.pipeline.extract`).
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
from pathlib import Path

__all__ = ["run_in_child", "shutdown", "ChildTimeout", "ChildDied", "ChildError", "DEFAULT_MEMORY_MB"]

DEFAULT_MEMORY_MB = 4096  # the default of `nianbao.config.Settings.ingest_memory_mb`
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

    def __init__(self, memory_mb: int, preload: tuple[str, ...], start_timeout_s: float = 120.0) -> None:
        from nianbao.config import child_env, settings

        # the parent's import path, so that the child finds every module-level function the parent can name
        env = child_env(PYTHONPATH=os.pathsep.join(dict.fromkeys([str(_PROJECT_ROOT), *(p for p in sys.path if p)])))
        env.setdefault("PYTHONWARNINGS", "ignore")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "nianbao.sandbox", str(memory_mb), *preload],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=None if settings().ingest_debug else subprocess.DEVNULL,
            env=env, close_fds=True, start_new_session=True,
        )
        self._buf = bytearray()
        try:
            msg = self._recv(time.monotonic() + start_timeout_s)
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

    def _recv(self, deadline: float):
        fd = self.proc.stdout.fileno()
        need = None
        while True:
            if need is None and len(self._buf) >= _LEN.size:
                need = _LEN.unpack(self._buf[:_LEN.size])[0]
            if need is not None and len(self._buf) >= _LEN.size + need:
                body = bytes(self._buf[_LEN.size:_LEN.size + need])
                del self._buf[:_LEN.size + need]
                return pickle.loads(body)
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError
            ready, _, _ = select.select([fd], [], [], min(left, 1.0))
            if ready:
                chunk = os.read(fd, max(_CHUNK, (need or 0) + _LEN.size - len(self._buf)))
                if not chunk:
                    self.proc.wait(timeout=10)
                    raise ChildDied(f"child process exited with code {self.proc.returncode}")
                self._buf += chunk

    def call(self, fn, args: tuple, timeout: float):
        payload = pickle.dumps((fn, args), protocol=pickle.HIGHEST_PROTOCOL)
        deadline = time.monotonic() + timeout
        try:
            self.proc.stdin.write(_LEN.pack(len(payload)) + payload)
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError) as e:
            raise ChildDied(f"child process gone: {e}") from e
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
    if reply[0] == "ok":
        return reply[1]
    raise ChildError(reply[1], reply[2])


def shutdown() -> None:
    """Stop every child (they are restarted on demand)."""
    with _lock:
        for child in _children.values():
            child.close()
        _children.clear()


atexit.register(shutdown)


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
