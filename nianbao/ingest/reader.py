"""Read one file or the whole raw folder into `DocumentRecord`s. Never raises.

    read_document(path, source_file, max_bytes=20_000_000, timeout_s=30) -> DocumentRecord
    read_folder(raw_dir, progress=True) -> list[DocumentRecord]

For every file the record says what happened: `status` 'loaded' (with the
NFKC-normalised `text`), 'duplicate' (same bytes as an earlier file in sorted
order; `duplicate_of` names the loaded twin) or 'quarantined' with a
`reason` from `schema.QUARANTINE_REASONS` and a one-line `detail`:

* outside_raw_folder - a symbolic link whose real path is outside the raw
                 folder (or inside the warehouse folder): never opened, not
                 hashed; document_id ''
* unreadable   - stat/open/read failed (permission denied, I/O error, a
                 folder that cannot be listed, a dangling link, a link loop,
                 a link to a folder); document_id ''
* too_large    - more than `max_bytes` bytes: hashed in chunks, never parsed
                 (also: the parser ran out of memory)
* empty        - zero bytes, or only whitespace once decoded
* binary       - image, archive, executable, NUL bytes, random bytes
* undecodable  - text-like but no encoding decodes it (more than a tiny
                 damaged tail), or a corrupt .docx/.pdf
* no_text      - a .docx/.pdf/.html without any text (e.g. a scanned PDF)
* unsupported_format - a document format we do not read (.doc, .xls,
                 .xlsx, .pptx, .wps, .rtf, encrypted PDF, ...)
* timeout      - parsing took longer than `timeout_s` (the parser process
                 is killed and restarted; the next file is not affected)
* extraction_error - an unexpected error inside ingest itself

`document_id` is the sha256 of the file's bytes. Parsing runs in a child
process (`nianbao.sandbox.run_in_child` running `nianbao.ingest._worker.process`) so
that a document that hangs or eats memory can be killed; one child is reused for all documents. `library_name`
and `report_year` are left None for the extractor.

Invariant of `read_folder`: one record per file found by `scan.scan_folder`,
so files seen = loaded + duplicate + quarantined.

Symbolic links (`is_link` on the record): a link inside the raw folder is
followed once: it is recorded like its target (a `duplicate` of a loaded
target, `link_target` naming it) without reading the bytes again. Files are
opened with O_NOFOLLOW and, on Linux, the opened file is checked to be inside
the raw folder before a byte is read, so a file swapped for a link during the
run is not read either. `detail` never holds an absolute path.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import stat
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

from nianbao import sandbox
from nianbao.ingest._worker import PRELOAD, process
from nianbao.schema import DocumentRecord

__all__ = ["read_document", "read_folder", "read_text", "read_entries", "shutdown_worker", "summarise"]

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 20_000_000
DEFAULT_TIMEOUT_S = 30.0
_CHUNK = 1 << 20


# ---------------------------------------------------------------- the parser child


def shutdown_worker() -> None:
    """Stop the sandbox child (it is restarted on demand)."""
    sandbox.shutdown()


def _parse(data: bytes, source_file: str, timeout_s: float) -> dict:
    """Parse `data` in the sandbox child (`_worker.process`), bounded by `timeout_s`."""
    for attempt in (1, 2):
        try:
            return sandbox.run_in_child(process, data, source_file, timeout=timeout_s, preload=PRELOAD)
        except sandbox.ChildTimeout:
            return {"reason": "timeout", "detail": f"parsing took longer than {timeout_s:g} s; stopped"}
        except sandbox.ChildError as e:  # `process` never raises: the child could not run it
            return {"reason": "extraction_error", "detail": f"ingest error: {e}"[:300]}
        except sandbox.ChildDied as e:
            if attempt == 2 or "gone" not in str(e):
                rc = str(e)
                if "-9" in rc or "137" in rc:
                    return {"reason": "too_large", "detail": f"parser killed (out of memory?): {rc}"}
                return {"reason": "undecodable", "detail": f"parser crashed on this file: {rc}"}
    raise AssertionError("unreachable")  # pragma: no cover


# ---------------------------------------------------------------- reading bytes


def _ext_format(source_file: str) -> str | None:
    name = source_file.rsplit("/", 1)[-1]
    stem, dot, ext = name.rpartition(".")
    return ext.lower() if dot and stem.strip(".") else None


def _quarantine(
    source_file: str,
    reason: str,
    detail: str,
    *,
    document_id: str = "",
    size: int = 0,
    fmt: str | None = None,
    encoding: str | None = None,
) -> DocumentRecord:
    return DocumentRecord(
        document_id=document_id,
        source_file=source_file,
        status="quarantined",
        reason=reason,
        detail=_one_line(detail),
        format=fmt,
        encoding=encoding,
        bytes=size,
    )


def _one_line(s: str | None) -> str | None:
    if s is None:
        return None
    s = " ".join(str(s).split())
    return s if len(s) <= 300 else s[:297] + "..."


def _open_nofollow(path, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NOFOLLOW", 0))


def _opened_outside(fd: int, root: Path | None) -> bool:
    """Whether the open file `fd` is not under `root` (Linux /proc; elsewhere: False)."""
    if root is None:
        return False
    from nianbao.ingest.scan import is_inside

    try:
        where = os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return False
    return not is_inside(where.removesuffix(" (deleted)"), root)


def _read_bytes(
    path: Path, source_file: str, max_bytes: int, root: Path | None = None
) -> DocumentRecord | tuple[bytes, str]:
    """The file's bytes and sha256, or a final record (unreadable / too_large / outside_raw_folder).

    `path` must not be a symbolic link (it is opened with O_NOFOLLOW); with
    `root`, a file that is not under it once open is not read.
    """
    try:
        st = os.stat(path)  # before open: opening a FIFO would block forever
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(st.st_mode):
            return _quarantine(source_file, "unreadable", "not a regular file (FIFO, socket or device)")
        with open(path, "rb", opener=_open_nofollow) as f:
            if _opened_outside(f.fileno(), root):
                return _quarantine(
                    source_file, "outside_raw_folder", "the path led outside the raw folder when opened; not read"
                )
            too_large = os.fstat(f.fileno()).st_size > max_bytes
            data = b"" if too_large else f.read(max_bytes + 1)
            if too_large or len(data) > max_bytes:  # (or grew since stat): hashed, counted, not kept
                h, n = hashlib.sha256(data), len(data)
                while chunk := f.read(_CHUNK):
                    h.update(chunk)
                    n += len(chunk)
                return _quarantine(
                    source_file,
                    "too_large",
                    f"{n:,} bytes is above the {max_bytes:,}-byte limit; not parsed",
                    document_id=h.hexdigest(),
                    size=n,
                    fmt=_ext_format(source_file),
                )
    except IsADirectoryError:
        return _quarantine(source_file, "unreadable", "is a folder (a symbolic link to a folder is not followed)")
    except PermissionError as e:
        return _quarantine(source_file, "unreadable", f"permission denied: {e.strerror or e}")
    except FileNotFoundError as e:
        return _quarantine(source_file, "unreadable", f"file vanished or dangling link: {e.strerror or e}")
    except OSError as e:  # never str(e): it holds the absolute path
        if e.errno == errno.ELOOP:
            return _quarantine(
                source_file, "unreadable", "a symbolic link loop, or a file replaced by a link; not followed"
            )
        return _quarantine(source_file, "unreadable", f"{type(e).__name__}: {e.strerror or 'error'}")
    return data, hashlib.sha256(data).hexdigest()


def _record_from(result: dict, source_file: str, document_id: str, size: int) -> DocumentRecord:
    reason = result.get("reason")
    fmt = result.get("format") or _ext_format(source_file)
    if reason is None:
        text = result["text"]
        return DocumentRecord(
            document_id=document_id,
            source_file=source_file,
            status="loaded",
            detail=_one_line(result.get("detail")),
            format=fmt,
            encoding=result.get("encoding"),
            bytes=size,
            chars=len(text),
            text=text,
        )
    return _quarantine(
        source_file,
        reason,
        result.get("detail") or reason,
        document_id=document_id,
        size=size,
        fmt=fmt,
        encoding=result.get("encoding"),
    )


def _read_one(
    path: Path,
    source_file: str,
    max_bytes: int,
    timeout_s: float,
    seen: dict[str, DocumentRecord] | None,
    root: Path | None = None,
) -> DocumentRecord:
    got = _read_bytes(path, source_file, max_bytes, root)
    if isinstance(got, DocumentRecord):
        return got
    data, document_id = got
    if seen is not None and document_id in seen:
        twin = seen[document_id]
        if twin.status == "loaded":
            return DocumentRecord(
                document_id=document_id,
                source_file=source_file,
                status="duplicate",
                detail=f"same bytes as {twin.source_file}",
                format=twin.format,
                encoding=twin.encoding,
                bytes=len(data),
                chars=twin.chars,
                duplicate_of=twin.source_file,
            )
        if twin.reason == "timeout":  # do not hang twice on the same bytes
            return _quarantine(
                source_file,
                "timeout",
                f"same bytes as {twin.source_file}: {twin.detail}",
                document_id=document_id,
                size=len(data),
                fmt=twin.format,
            )
        # a quarantined twin: parse again, the name (extension) may change the outcome
    if not data:
        return _quarantine(source_file, "empty", "zero bytes", document_id=document_id, fmt=_ext_format(source_file))
    result = _parse(data, source_file, timeout_s)
    return _record_from(result, source_file, document_id, len(data))


def _as_link(rec: DocumentRecord, entry) -> DocumentRecord:
    """`rec` marked as the record of the link `entry`."""
    return replace(rec, source_file=entry.source_file, is_link=True, link_target=entry.target)


def _read_link(
    entry,
    by_file: dict[str, DocumentRecord],
    max_bytes: int,
    timeout_s: float,
    seen: dict[str, DocumentRecord],
    root: Path,
) -> DocumentRecord:
    """A link: outside -> quarantined unread; to a file already read -> recorded like it, not read again."""
    if entry.outside:
        return replace(_quarantine(entry.source_file, "outside_raw_folder", entry.outside), is_link=True)
    twin = by_file.get(entry.target) if entry.target != entry.source_file else None
    if twin is None or twin.is_link:  # a folder, a loop, a dangling link: fails as it should
        return _as_link(_read_one(entry.real, entry.source_file, max_bytes, timeout_s, seen, root), entry)
    link = f"a symbolic link to {twin.source_file}"
    if twin.status in ("loaded", "duplicate"):
        loaded = twin.duplicate_of or twin.source_file
        return _as_link(
            replace(
                twin, status="duplicate", detail=f"{link} (same bytes as {loaded})", text=None, duplicate_of=loaded
            ),
            entry,
        )
    return _as_link(replace(twin, detail=_one_line(f"{link}: {twin.detail}")), entry)


def read_document(
    path: Path, source_file: str, max_bytes: int = DEFAULT_MAX_BYTES, timeout_s: float = DEFAULT_TIMEOUT_S
) -> DocumentRecord:
    """Read one file into a `DocumentRecord` (see the module docstring). Never raises."""
    try:
        return _read_one(Path(os.path.realpath(path)), source_file, max_bytes, timeout_s, None)
    except Exception as e:  # a bug in ingest must not stop the run
        log.exception("ingest failed on %s", source_file)
        return _quarantine(source_file, "extraction_error", f"ingest error: {type(e).__name__}: {e}")


def read_text(path: Path, *, timeout_s: float = DEFAULT_TIMEOUT_S) -> str:
    """The text the pipeline extracts from one file: decoded, converted from its format and normalised
    by the same sandboxed worker as `read_folder`. The one way evaluation, the benchmark and the tests
    read a document. Raises `ValueError` (with the quarantine reason) when ingest would not load it."""
    path = Path(path)
    rec = read_document(path, path.name, timeout_s=timeout_s)
    if rec.status != "loaded" or rec.text is None:
        raise ValueError(f"{path.name} is not readable: {rec.reason}: {rec.detail}")
    return rec.text


def read_folder(
    raw_dir: Path,
    progress: bool = True,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    exclude=(),
) -> list[DocumentRecord]:
    """One record per file under `raw_dir` (folders in `exclude` skipped), in sorted `source_file` order."""
    from nianbao.ingest.scan import scan_folder

    return read_entries(scan_folder(Path(raw_dir), exclude), progress, max_bytes=max_bytes, timeout_s=timeout_s)


def _reused(rec: DocumentRecord, seen: dict[str, DocumentRecord]) -> DocumentRecord:
    """A file unchanged since it was loaded: its record again, or a duplicate of an
    earlier file that now has the same bytes (as `_read_one` decides)."""
    twin = seen.get(rec.document_id)
    if twin is not None and twin.status == "loaded":
        return DocumentRecord(
            document_id=rec.document_id,
            source_file=rec.source_file,
            status="duplicate",
            detail=f"same bytes as {twin.source_file}",
            format=twin.format,
            encoding=twin.encoding,
            bytes=rec.bytes,
            chars=twin.chars,
            duplicate_of=twin.source_file,
        )
    if twin is not None and twin.reason == "timeout":
        return _quarantine(
            rec.source_file,
            "timeout",
            f"same bytes as {twin.source_file}: {twin.detail}",
            document_id=rec.document_id,
            size=rec.bytes,
            fmt=twin.format,
        )
    return replace(rec)


def read_entries(
    scan,
    progress: bool = True,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    reuse: dict[str, DocumentRecord] | None = None,
) -> list[DocumentRecord]:
    """One record per entry of a `scan.Scan`, in sorted `source_file` order.

    `reuse` (source_file → loaded record) holds the files known unchanged since a
    previous run (same size and modification time): they are not read again.

    Files first, then links (so a link is the duplicate of its target, never
    the other way round). The first file (in sorted order) with given bytes
    is parsed; a later file with the same bytes is a 'duplicate' of it when it
    loaded (not parsed again). When the first one was quarantined the later
    one is parsed on its own (its extension may make a difference), except
    after a 'timeout'.
    """
    from tqdm import tqdm

    entries = sorted(scan.entries, key=lambda e: (e.is_link, e.source_file))
    root = scan.root
    records: dict[str, DocumentRecord] = {}
    seen: dict[str, DocumentRecord] = {}
    bar = tqdm(
        entries,
        total=len(entries),
        desc="ingest",
        unit="file",
        file=sys.stderr,
        disable=not progress,
        dynamic_ncols=True,
    )
    try:
        for entry in bar:
            source_file = entry.source_file
            try:
                if entry.is_link:
                    rec = _read_link(entry, records, max_bytes, timeout_s, seen, root)
                elif reuse and source_file in reuse:
                    rec = _reused(reuse[source_file], seen)
                else:
                    rec = _read_one(entry.path, source_file, max_bytes, timeout_s, seen, root)
            except Exception as e:
                log.exception("ingest failed on %s", source_file)
                rec = _quarantine(source_file, "extraction_error", f"ingest error: {type(e).__name__}: {e}")
                rec.is_link = entry.is_link
            rec.detail = _without_root(rec.detail, root)
            if rec.document_id and (
                rec.document_id not in seen or (rec.status == "loaded" and seen[rec.document_id].status != "loaded")
            ):
                seen[rec.document_id] = rec
            records[source_file] = rec
    finally:
        bar.close()
        shutdown_worker()
    out = [records[k] for k in sorted(records)]
    counts = summarise(out)
    assert counts["seen"] == counts["loaded"] + counts["duplicate"] + counts["quarantined"] == len(entries)
    log.info("ingest: %s", counts)
    return out


def _without_root(detail: str | None, root: Path) -> str | None:
    """`detail` with the raw folder's absolute path taken out (paths relative to it)."""
    if not detail:
        return detail
    r = str(root).rstrip(os.sep)
    return detail.replace(r + os.sep, "").replace(r, ".") if r else detail


def summarise(records: list[DocumentRecord]) -> dict[str, int]:
    """Counts per status and per quarantine reason (`reason:<name>` keys)."""
    c = Counter(r.status for r in records)
    out = {"seen": len(records), "loaded": c["loaded"], "duplicate": c["duplicate"], "quarantined": c["quarantined"]}
    for reason, n in sorted(Counter(r.reason for r in records if r.status == "quarantined").items()):
        out[f"reason:{reason}"] = n
    return out
