"""The build fingerprint: one hash of everything that decides the published warehouse.

A run whose fingerprint equals the one recorded beside the published build has
nothing to do: the same raw files (by content), the same code (extractor,
pipeline, dbt project and seeds, GX suites, locked dependencies) and the same
settings that matter would build the same warehouse. `orchestration.cli` then
says so in one line and skips dbt, GX, the report and the publish, leaving the
published warehouse byte-identical.

- `fingerprint(files, versions, settings)`: the pure function (tested alone).
- `current(published)`: the inputs now. Each raw file's content hash is reused
  from the record when its (size, mtime_ns) are those recorded, so an unchanged
  folder is only listed and stat'ed, never read.
- `is_unchanged(published, inputs)`: the recorded fingerprint equals the
  inputs' and the published file is still the one recorded (same size, mtime,
  inode; its report still there).
- `record(published, inputs)`: after a successful publish, written atomically
  to `fingerprint_path(published)`.

The inputs are taken before the build starts: a file changed during the run is
recorded with its old content, so the next run builds again (never the other
way round). Only the DuckDB target is skipped (a server warehouse cannot be
checked this cheaply). Deleting the record forces the next run to build.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from nianbao.config import DBT_PROJECT_DIR, EXPECTATIONS_DIR, PROJECT_ROOT, Settings, report_dir, settings

#: what decides the build besides the raw files: the code and project trees, hashed by content
CODE_ROOTS = {
    "pipeline": (PROJECT_ROOT / "nianbao", PROJECT_ROOT / "orchestration"),
    "dbt": (DBT_PROJECT_DIR,),
    "expectations": (EXPECTATIONS_DIR,),
    "dependencies": (PROJECT_ROOT / "pyproject.toml", PROJECT_ROOT / "uv.lock"),
}
#: folders inside those trees that are outputs or caches, not inputs
SKIP_DIRS = frozenset({"__pycache__", "target", "logs", "dbt_packages", ".pytest_cache", ".ruff_cache"})
#: the settings that change what a build publishes (the rest: logging, workers, lock waits, keep_runs)
DECISIVE_SETTINGS = (
    "raw_dir",
    "doc_timeout_s",
    "ingest_memory_mb",
    "target",
    "pg_host",
    "pg_port",
    "pg_user",
    "pg_dbname",
)
SUFFIX = ".fingerprint.json"


def fingerprint(files: Iterable[tuple[str, str]], versions: Mapping[str, str], settings: Mapping[str, str]) -> str:
    """The hash of (source_file, content digest) pairs, version strings and setting values;
    independent of the order they are given in."""
    h = hashlib.sha256()
    for part in (sorted(files), sorted(versions.items()), sorted(settings.items())):
        h.update(json.dumps(part, ensure_ascii=False).encode())
        h.update(b"\0")
    return h.hexdigest()


def fingerprint_path(published: Path) -> Path:
    """Where the fingerprint of the published build is recorded: beside it."""
    published = Path(published)
    return published.with_name(published.name + SUFFIX)


@dataclass(frozen=True)
class FileState:
    """One entry of the raw folder: its size and mtime (to reuse the digest) and its content digest."""

    source_file: str
    size: int
    mtime_ns: int
    digest: str


@dataclass
class Inputs:
    """Everything `fingerprint` is made of, as taken by `current`."""

    files: list[FileState]
    versions: dict[str, str]
    settings: dict[str, str]
    value: str = field(init=False)

    def __post_init__(self) -> None:
        self.value = fingerprint([(f.source_file, f.digest) for f in self.files], self.versions, self.settings)


def tree_digest(roots: Iterable[Path]) -> str:
    """A hash of every file under `roots` (or of a root that is a file): relative path and bytes,
    skipping `SKIP_DIRS` and compiled Python."""
    h = hashlib.sha256()
    for root in roots:
        root = Path(root)
        paths = (
            [root]
            if root.is_file()
            else sorted(
                p
                for p in root.rglob("*")
                if p.is_file() and p.suffix != ".pyc" and not SKIP_DIRS.intersection(p.relative_to(root).parts)
            )
        )
        for p in paths:
            h.update(str(p.relative_to(PROJECT_ROOT) if p.is_relative_to(PROJECT_ROOT) else p).encode())
            h.update(b"\0")
            h.update(p.read_bytes())
    return h.hexdigest()


def code_versions() -> dict[str, str]:
    """The digest of each code tree (`CODE_ROOTS`) and the extractor version."""
    from nianbao.pipeline import extractor_version

    return {"extractor": extractor_version(), **{k: tree_digest(v) for k, v in CODE_ROOTS.items()}}


def decisive_settings(s: Settings) -> dict[str, str]:
    """The values of `DECISIVE_SETTINGS`, as strings."""
    return {name: str(getattr(s, name)) for name in DECISIVE_SETTINGS}


def _file_state(entry, known: Mapping[str, FileState]) -> FileState:
    """The state of one scan entry; a regular file's digest is reused from `known` when its
    size and mtime are those recorded, otherwise its bytes are hashed."""
    if entry.is_link:  # the reader follows a link to its target (itself an entry) or quarantines it
        return FileState(entry.source_file, -1, -1, f"link:{entry.target}:{entry.outside}")
    try:
        st = os.stat(entry.path, follow_symlinks=False)
    except OSError as exc:
        return FileState(entry.source_file, -1, -1, f"error:{exc.errno}")
    if not stat.S_ISREG(st.st_mode):
        return FileState(entry.source_file, -1, -1, f"mode:{stat.S_IFMT(st.st_mode)}")
    prev = known.get(entry.source_file)
    if prev is not None and (prev.size, prev.mtime_ns) == (st.st_size, st.st_mtime_ns):
        return prev
    h = hashlib.sha256()
    try:
        with open(entry.path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    except OSError as exc:
        return FileState(entry.source_file, -1, -1, f"error:{exc.errno}")
    return FileState(entry.source_file, st.st_size, st.st_mtime_ns, h.hexdigest())


def _load(published: Path) -> dict:
    try:
        return json.loads(fingerprint_path(published).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def current(published: Path, raw_dir: Path | None = None) -> Inputs:
    """The inputs of a build of `raw_dir` (default: the settings') into `published`, now."""
    from nianbao.ingest.scan import scan_folder

    s = settings()
    raw_dir = Path(raw_dir) if raw_dir is not None else s.raw_dir
    known = {f[0]: FileState(*f) for f in _load(published).get("files", [])}
    try:
        scan = scan_folder(raw_dir, exclude=[Path(published).parent])
    except OSError as exc:  # gone since the run's own check: the build says why in one line
        return Inputs([FileState(".", -1, -1, f"unlistable:{exc.errno}")], code_versions(), decisive_settings(s))
    files = [_file_state(e, known) for e in scan.entries]
    files += [FileState(folder, -1, -1, f"skipped:{why}") for folder, why in scan.skipped]
    return Inputs(files, code_versions(), decisive_settings(s))


def _identity(published: Path) -> list[int] | None:
    try:
        st = os.stat(published)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ino]


def is_unchanged(published: Path, inputs: Inputs) -> bool:
    """The published build was made from these inputs and is still in place, with its report."""
    if settings().target != "duckdb":
        return False
    rec = _load(published)
    return (
        rec.get("fingerprint") == inputs.value
        and _identity(published) is not None
        and rec.get("published") == _identity(published)
        and (report_dir(published) / "index.html").is_file()
    )


def changes(published: Path, inputs: Inputs) -> list[str]:
    """What differs from the recorded build, in words (for the run's log line)."""
    rec = _load(published)
    if not rec:
        return ["no recorded build"]
    old = {f[0]: f[3] for f in rec.get("files", [])}
    new = {f.source_file: f.digest for f in inputs.files}
    out = []
    for word, n in (
        ("added", len(new.keys() - old.keys())),
        ("removed", len(old.keys() - new.keys())),
        ("changed", sum(1 for k in new.keys() & old.keys() if new[k] != old[k])),
    ):
        if n:
            out.append(f"{n} raw file{'s' if n > 1 else ''} {word}")
    out += [f"{k} changed" for k, v in inputs.versions.items() if rec.get("versions", {}).get(k) != v]
    out += [f"setting {k} changed" for k, v in inputs.settings.items() if rec.get("settings", {}).get(k) != v]
    if not out and rec.get("published") != _identity(published):
        out.append("the published warehouse is not the recorded one")
    return out or ["the report is missing"]


def record(published: Path, inputs: Inputs) -> Path:
    """Record `inputs` as those of the build just published at `published` (atomic replace; the
    temporary file of a run killed while recording is removed: that run's publish changed the
    published file, so the next run always builds and records again)."""
    path = fingerprint_path(published)
    for stale in path.parent.glob(f".{path.name}.*.tmp"):
        stale.unlink(missing_ok=True)
    data = {
        "fingerprint": inputs.value,
        "published": _identity(published),
        "versions": inputs.versions,
        "settings": inputs.settings,
        "files": [[f.source_file, f.size, f.mtime_ns, f.digest] for f in inputs.files],
    }
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)
    return path
