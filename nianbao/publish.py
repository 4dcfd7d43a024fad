"""Atomic publishing of the warehouse file, and recovery after a killed run.

The pipeline builds into a working DuckDB file (`config.working_path()`),
next to the published one (`config.warehouse_path()`) that analysts open
read-only. Publishing never writes into the published file:

    publish(working, published, required_tables=["marts.fct_figures"])

1. opens the working file read-write, runs CHECKPOINT (folds the WAL into
   the file) and closes it. **The caller must have closed all of its own
   connections to the working file first**: a connection held by another
   process makes this step fail with `PublishError` (DuckDB's file lock),
   and one held in the same process could still be writing while we copy;
2. copies the working database into a temp file in the published file's folder
   (`.<name>.publish-<pid>-<random>.tmp`) in the storage format of
   PUBLISHED_STORAGE_VERSION (`ATTACH … (STORAGE_VERSION 'v1.0.0')` + `COPY FROM
   DATABASE`: tables, views, comments), so DuckDB 1.x clients (DBeaver, BI tools,
   an older CLI) can open it; the working file keeps DuckDB's newest format. fsyncs it;
3. opens the copy read-only and validates it: every required table exists
   and can be scanned (DuckDB checks block checksums when it reads);
4. `os.replace`s the copy onto the published path (atomic on POSIX: a
   reader sees either the old or the new file, never a mix) and fsyncs the
   folder. A reader that holds the old file open keeps its inode, so it
   keeps seeing the old, consistent data and does not block the publish;
   new connections see the new file. On failure the temp file is removed
   and the published file is untouched.

    recover(working, published) -> RecoveryReport

is called at the start of every run. It removes temp files left by killed
publishes (only those whose process is gone, or older than a day), removes
a WAL file with no database next to it, and opens the working file: if
DuckDB cannot open it (corrupt after a kill -9), the file and its WAL are
moved aside to `<name>.corrupt-<UTC timestamp>` (the newest two are kept)
so the next run rebuilds from scratch. It never touches the published file.
A working file locked by a live process is left alone (`PublishError`).

The quality report and the GX Data Docs of a build are published with it:

    site = stage_site(published, run_id)     # an empty `site/.staging-<pid>-<run>/`
    ... build site / "quality_report" and site / "data_docs" from the working build ...
    publish(working, published, required_tables, site=site)

just before the `os.replace` of the database, the staged folder is renamed to
`site/<UTC time>-<run>/` (recording the identity of the database copy); right
after it, the symlink `site/current` is replaced by one pointing at it (one
atomic rename swaps report and docs together; a kill between the two renames
is finished by the next `recover`);
`quality_report` and `data_docs` next to the warehouse are fixed symlinks into
`site/current`. A run killed while the report is written, or a publish that
fails, leaves `current` on the published build's site; `discard_site` (or the
next `recover`) removes the staged folder. Only the newest `config.keep_runs()`
sites are kept, and the newest KEEP_STALE_WAL `*.wal.stale-*` files.

POSIX only (Linux/macOS): on Windows `os.replace` fails while a reader has
the published file open.
"""

from __future__ import annotations

import glob
import logging
import multiprocessing
import os
import re
import secrets
import shutil
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from nianbao import stopping

__all__ = [
    "publish",
    "recover",
    "checkpoint",
    "validate",
    "copy_database",
    "PublishError",
    "RecoveryReport",
    "stage_site",
    "staging_path",
    "discard_site",
]

log = logging.getLogger(__name__)

_TMP_RE = re.compile(r"^\.(?P<name>.+)\.publish-(?P<pid>\d+)-[0-9a-f]+\.tmp(?:\.wal)?$")
STALE_AFTER_S = 24 * 3600
KEEP_CORRUPT = 2
KEEP_STALE_WAL = 3
_STAGING_RE = re.compile(r"^\.staging-(?P<pid>\d+)-")
# The storage format of the published file: 'v1.0.0' (header version 64) is read by
# every DuckDB from 1.0 on; DuckDB 2's own format is refused by 1.x clients with
# "version number …, but we can only read versions between 64 and 68".
PUBLISHED_STORAGE_VERSION = "v1.0.0"


class PublishError(RuntimeError):
    """Publishing or recovery could not be done safely; the published file is unchanged."""


@dataclass
class RecoveryReport:
    removed_temp_files: list[Path] = field(default_factory=list)
    moved_aside: list[Path] = field(default_factory=list)
    removed_orphan_wal: list[Path] = field(default_factory=list)
    working_ok: bool | None = None  # None: there was no working file
    detail: str | None = None

    @property
    def changed(self) -> bool:
        return bool(self.removed_temp_files or self.moved_aside or self.removed_orphan_wal)


def _wal(p: Path) -> Path:
    return p.with_name(p.name + ".wal")


def _fsync_file(p: Path) -> None:
    fd = os.open(p, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(d: Path) -> None:
    try:
        fd = os.open(d, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:  # pragma: no cover - platforms without directory fds
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def _quote_table(name: str) -> str:
    parts = name.split(".")
    if not 1 <= len(parts) <= 3 or not all(parts):
        raise PublishError(f"bad table name {name!r}")
    return ".".join('"' + p.replace('"', '""') + '"' for p in parts)


def checkpoint(db: Path) -> None:
    """Open `db` read-write, CHECKPOINT (fold the WAL into the file), close."""
    import duckdb

    try:
        con = duckdb.connect(str(db))
    except duckdb.Error as e:
        raise PublishError(f"cannot open {db} to checkpoint it (is a connection still open?): {e}") from e
    try:
        con.execute("CHECKPOINT")
    finally:
        con.close()


def copy_database(src: Path, dest: Path, storage_version: str = PUBLISHED_STORAGE_VERSION) -> None:
    """Write every table, view and comment of `src` into a new file `dest` in the
    given DuckDB storage format (`dest` must not exist)."""
    import duckdb

    def lit(p: Path) -> str:
        return "'" + str(p).replace("'", "''") + "'"

    con = duckdb.connect()
    try:
        con.execute(f"ATTACH {lit(src)} AS publish_src (READ_ONLY)")
        con.execute(f"ATTACH {lit(dest)} AS publish_dest (STORAGE_VERSION '{storage_version}')")
        con.execute("COPY FROM DATABASE publish_src TO publish_dest")
        con.execute("DETACH publish_dest")
        con.execute("DETACH publish_src")
    except duckdb.Error as e:
        raise PublishError(f"cannot copy {src.name} into {dest.name}: {e}") from e
    finally:
        con.close()


def validate(db: Path, required_tables: list[str]) -> dict[str, int]:
    """Open `db` read-only; every required table must exist and scan. Returns row counts."""
    import duckdb

    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error as e:
        raise PublishError(f"{db.name} does not open: {e}") from e
    counts: dict[str, int] = {}
    try:
        for t in required_tables:
            try:
                # a full scan makes DuckDB read (and checksum) every block of the table
                counts[t] = con.execute(f"select count(*) from (select * from {_quote_table(t)})").fetchone()[0]
            except duckdb.Error as e:
                raise PublishError(f"required table {t} missing or unreadable: {e}") from e
    finally:
        con.close()
    return counts


def publish(working: Path, published: Path, required_tables: list[str], site: Path | None = None) -> None:
    """Atomically replace `published` with a validated copy of `working`, then
    swap in the staged `site` (report and Data Docs of this build), if given.

    The caller must have closed every connection to `working`. Raises
    `PublishError` (published file unchanged) when the working file cannot be
    checkpointed or the copy fails validation, and `nianbao.stopping.Stopped`
    when SIGTERM/SIGINT arrived before the rename.
    """
    working, published = Path(working), Path(published)
    if not working.exists():
        raise PublishError(f"working database {working} does not exist")
    published.parent.mkdir(parents=True, exist_ok=True)
    checkpoint(working)
    if _wal(working).exists():
        raise PublishError(f"{_wal(working).name} still exists after CHECKPOINT; a connection is still open")

    tmp = published.with_name(f".{published.name}.publish-{os.getpid()}-{secrets.token_hex(4)}.tmp")
    try:
        t0 = time.monotonic()
        copy_database(working, tmp)
        _fsync_file(tmp)
        counts = validate(tmp, list(required_tables))
        if _wal(tmp).exists():  # a read-only open must not have written one
            _wal(tmp).unlink()
        stale_wal = _wal(published)
        if stale_wal.exists():
            # A WAL left by someone who opened the published file read-write
            # would be replayed onto the new file: keep it, but out of the way.
            aside = stale_wal.with_name(stale_wal.name + f".stale-{_stamp()}")
            os.replace(stale_wal, aside)
            log.warning("moved stale %s aside to %s", stale_wal.name, aside.name)
            _prune_stale_wal(published)
        stopping.check()  # the last safe point: a stopped run never publishes
        final = _seal_site(published, Path(site), tmp) if site is not None else None
        os.replace(tmp, published)
        _fsync_dir(published.parent)
        if final is not None:
            _point_current(published, final)
        log.info("published %s (%s) in %.2f s", published, counts, time.monotonic() - t0)
    finally:
        for p in (tmp, _wal(tmp)):
            try:
                p.unlink()
            except FileNotFoundError:
                pass


def _site_root(published: Path) -> Path:
    from nianbao import config

    return config.site_dir(published)


def _run_process() -> int:
    """The process a run's staged site belongs to: this one; in a process that `multiprocessing`
    started for one step of the run (Dagster's multiprocess executor), the run's own process,
    which lives until the run ends (the steps' processes come and go)."""
    parent = multiprocessing.parent_process()
    return parent.pid if parent is not None and parent.pid else os.getpid()


def staging_path(published: Path, run_id: str) -> Path:
    """Where this run's process stages the site of run `run_id` (see `stage_site`)."""
    return _site_root(Path(published)) / f".staging-{_run_process()}-{_safe(run_id)}"


def stage_site(published: Path, run_id: str) -> Path:
    """An empty staging folder for the report and Data Docs of this run's build
    (emptied if it exists: a step retried in the same run starts over)."""
    staged = staging_path(published, run_id)
    if staged.exists():
        shutil.rmtree(staged)
    staged.mkdir(parents=True)
    return staged


def discard_site(published: Path, pid: int | None = None) -> list[Path]:
    """Remove staged, unpublished site folders of process `pid` (default: this
    one), or of every dead process when `pid` is 0. Returns what was removed."""
    root = _site_root(Path(published))
    removed = []
    if not root.is_dir():
        return removed
    pid = _run_process() if pid is None else pid
    for p in root.iterdir():
        m = _STAGING_RE.match(p.name)
        if not m:
            continue
        owner = int(m.group("pid"))
        if (pid and owner == pid) or (not pid and not _pid_alive(owner)):
            shutil.rmtree(p, ignore_errors=True)
            removed.append(p)
    return removed


def _safe(name: str) -> str:
    return re.sub(r"[^0-9A-Za-z_-]", "", name)[:36] or "run"


def _replace_symlink(link: Path, target: str) -> None:
    """Point `link` at `target` atomically (a real folder in the way, left by an
    older version, is removed first)."""
    if link.exists() and not link.is_symlink():
        if link.is_dir():
            shutil.rmtree(link)
        else:
            link.unlink()
    tmp = link.with_name(f".{link.name}.link-{os.getpid()}-{secrets.token_hex(4)}.tmp")
    os.symlink(target, tmp)
    os.replace(tmp, link)


_MARK = ".published-file"


def _identity(p: Path) -> str:
    st = os.stat(p)
    return f"{st.st_ino} {st.st_size} {st.st_mtime_ns}"


def _seal_site(published: Path, staged: Path, db_copy: Path) -> Path:
    """Rename the staged site to `site/<UTC time>-<run>` and record in it the
    identity (inode, size, mtime) of the database copy about to be renamed over
    `published`: `recover` can then finish a swap that a kill interrupted."""
    final = _site_root(published) / f"{_stamp()}-{staged.name.split('-', 2)[-1]}"
    (staged / _MARK).write_text(_identity(db_copy), encoding="utf-8")
    os.replace(staged, final)
    return final


def _point_current(published: Path, final: Path) -> None:
    """Point `site/current` at `final` (one atomic rename swaps report and Data
    Docs together); make sure `quality_report`/`data_docs` link into `current`;
    keep the newest `config.keep_runs()` sites."""
    from nianbao import config

    root = _site_root(published)
    _replace_symlink(root / "current", final.name)
    links = (("quality_report", config.report_dir(published)), ("data_docs", config.data_docs_dir(published)))
    for name, path in links:
        target = os.path.relpath(root / "current" / name, path.parent)
        if not (path.is_symlink() and os.readlink(path) == target):
            _replace_symlink(path, target)
    _fsync_dir(root)
    sites = sorted(
        (p for p in root.iterdir() if p.is_dir() and not p.is_symlink() and not p.name.startswith(".")),
        key=lambda p: p.name,
        reverse=True,
    )
    for old in sites[config.keep_runs() :]:
        if old != final:
            shutil.rmtree(old, ignore_errors=True)


def _repair_site(published: Path) -> Path | None:
    """After a kill between the database rename and the `current` swap: point
    `current` at the site sealed for the published file. Sites newer than
    `current` sealed for a file that was never published are removed."""
    root = _site_root(published)
    if not root.is_dir() or not published.exists():
        return None
    current = os.readlink(root / "current") if (root / "current").is_symlink() else ""
    ident = _identity(published)
    repaired = None
    for site in sorted(
        (p for p in root.iterdir() if p.is_dir() and not p.is_symlink() and not p.name.startswith(".")),
        key=lambda p: p.name,
        reverse=True,
    ):
        if site.name <= current:
            break
        mark = site / _MARK
        if mark.exists() and mark.read_text(encoding="utf-8") == ident and repaired is None:
            _point_current(published, site)
            repaired = site
        elif repaired is None:
            shutil.rmtree(site, ignore_errors=True)  # sealed for a build that was not published
    return repaired


def _prune_stale_wal(published: Path) -> None:
    """Keep only the newest KEEP_STALE_WAL `<name>.wal.stale-*` files."""
    stale = sorted(published.parent.glob(f"{glob.escape(published.name)}.wal.stale-*"), reverse=True)
    for old in stale[KEEP_STALE_WAL:]:
        try:
            old.unlink()
        except FileNotFoundError:
            pass


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def recover(working: Path, published: Path) -> RecoveryReport:
    """Clean up after a killed run (see the module docstring). Never touches `published`."""
    import duckdb

    working, published = Path(working), Path(published)
    rep = RecoveryReport()
    folder = published.parent
    now = time.time()
    if folder.is_dir():
        for p in folder.iterdir():
            m = _TMP_RE.match(p.name)
            if not m or m.group("name") != published.name:
                continue
            try:
                age = now - p.stat().st_mtime
            except FileNotFoundError:
                continue
            if _pid_alive(int(m.group("pid"))) and age < STALE_AFTER_S:
                continue  # a publish in progress in a live process
            try:
                p.unlink()
                rep.removed_temp_files.append(p)
            except FileNotFoundError:
                pass
    rep.removed_temp_files.extend(discard_site(published, pid=0))
    if _repair_site(published) is not None:
        rep.detail = "report site swapped in after a run killed right after its publish"
    if folder.is_dir():
        _prune_stale_wal(published)

    wal = _wal(working)
    if not working.exists():
        if wal.exists():
            wal.unlink()  # would be replayed into the fresh database of the next run
            rep.removed_orphan_wal.append(wal)
        rep.detail = "no working database; the next run builds from scratch"
        _log(rep)
        return rep

    try:
        con = duckdb.connect(str(working))
        try:
            con.execute("select count(*) from information_schema.tables").fetchone()
            con.execute("CHECKPOINT")
        finally:
            con.close()
        rep.working_ok = True
    except duckdb.Error as e:
        msg = str(e)
        if "could not set lock" in msg.lower() or "conflicting lock" in msg.lower():
            raise PublishError(f"working database {working} is in use by another process: {msg}") from e
        rep.working_ok = False
        rep.detail = f"working database does not open ({type(e).__name__}: {msg.splitlines()[0][:200]})"
        stamp = _stamp()
        for p in (working, wal):
            if p.exists():
                aside = p.with_name(p.name + f".corrupt-{stamp}")
                os.replace(p, aside)
                rep.moved_aside.append(aside)
        _prune_corrupt(working)
    _log(rep)
    return rep


def _prune_corrupt(working: Path) -> None:
    """Keep only the newest KEEP_CORRUPT moved-aside copies of the working file."""
    pat = re.compile(re.escape(working.name) + r"(\.wal)?\.corrupt-(\d{8}T\d{6}\d*Z)$")
    stamps = sorted({m.group(2) for p in working.parent.iterdir() if (m := pat.match(p.name))}, reverse=True)
    for old in stamps[KEEP_CORRUPT:]:
        for p in working.parent.glob(f"{glob.escape(working.name)}*.corrupt-{old}"):
            try:
                p.unlink()
            except FileNotFoundError:
                pass


def _log(rep: RecoveryReport) -> None:
    if rep.changed or rep.working_ok is False:
        log.warning("recover: %s", rep)
