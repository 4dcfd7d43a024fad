"""The child process that parses documents for `reader` (run as `python -m nianbao.ingest._worker`).

Parsing untrusted files (a pathological PDF, an HTML page nested 100 000
levels deep) can take unbounded time or memory and cannot be interrupted
inside a Python thread, so the reader sends each document's bytes to this
long-lived child and kills it when a document overruns its time limit.

Protocol on stdin/stdout: 8-byte big-endian length + pickle. Request
`(data: bytes, source_file: str)`, response `dict` from `process`. The
child writes one ready frame after its imports. Its own fd 1 is redirected
to stderr so that a library printing to stdout cannot corrupt the protocol.
The address space is capped by `NIANBAO_INGEST_MEMORY_MB` (default 4096) so
a runaway parser fails with MemoryError instead of taking the machine down,
and a watchdog thread exits the child when its parent dies.
"""

from __future__ import annotations

import logging
import os
import pickle
import struct
import sys
import warnings

_LEN = struct.Struct(">Q")


def process(data: bytes, source_file: str) -> dict:
    """Extract and normalise one document; never raises."""
    from nianbao.ingest.formats import extract_text
    from nianbao.ingest.normalise import normalise

    try:
        ex = extract_text(data, source_file)
    except MemoryError:
        return {"reason": "too_large", "detail": "out of memory while parsing", "format": None,
                "encoding": None, "text": None}
    except RecursionError as e:
        return {"reason": "undecodable", "detail": f"structure nested too deeply: {e}"[:300],
                "format": None, "encoding": None, "text": None}
    except Exception as e:
        return {"reason": "undecodable", "detail": f"parser failed: {type(e).__name__}: {e}"[:300],
                "format": None, "encoding": None, "text": None}
    text = ex.text
    if ex.reason is None and text is not None:
        text = normalise(text).text
        if not text.strip():
            return {"reason": "empty", "detail": "only whitespace after normalisation",
                    "format": ex.format, "encoding": ex.encoding, "text": None}
    return {"reason": ex.reason, "detail": ex.detail, "format": ex.format,
            "encoding": ex.encoding, "text": text if ex.reason is None else None}


def _read_exact(f, n: int) -> bytes | None:
    buf = bytearray()
    while len(buf) < n:
        chunk = f.read(n - len(buf))
        if not chunk:
            return None
        buf += chunk
    return bytes(buf)


def _exit_with_parent() -> None:
    """Exit when the parent process is gone (killed -9 while we parse)."""
    import threading
    import time

    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(3)

    threading.Thread(target=watch, name="parent-watchdog", daemon=True).start()


def main() -> None:
    _exit_with_parent()
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    warnings.simplefilter("ignore")
    logging.disable(logging.WARNING)
    try:
        import resource

        mb = int(os.environ.get("NIANBAO_INGEST_MEMORY_MB", "4096"))
        if mb > 0:
            resource.setrlimit(resource.RLIMIT_AS, (mb * 2**20, mb * 2**20))
    except (ImportError, ValueError, OSError):
        pass
    # import the parsers once, before saying ready
    import importlib

    for mod in ("nianbao.ingest.formats", "nianbao.ingest.normalise", "bs4", "lxml.etree",
                "charset_normalizer", "docx", "pdfplumber"):
        try:
            importlib.import_module(mod)
        except ImportError:
            pass

    def send(obj) -> None:
        payload = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
        out.write(_LEN.pack(len(payload)) + payload)
        out.flush()

    send({"ready": True})
    inp = sys.stdin.buffer
    while True:
        head = _read_exact(inp, _LEN.size)
        if head is None:
            return
        body = _read_exact(inp, _LEN.unpack(head)[0])
        if body is None:
            return
        data, source_file = pickle.loads(body)
        del body
        send(process(data, source_file))


if __name__ == "__main__":
    main()
