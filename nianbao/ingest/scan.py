"""List every file under the raw folder, without ever leaving it.

`scan_folder(raw_dir, exclude=())` walks the folder recursively (hidden files
and folders included) and returns a `Scan`: its `entries` sorted by
`source_file` (the path relative to the raw folder, '/'-separated) and the
folders it `skipped` with the reason (the warehouse folder when it sits
inside the raw folder: its report, data docs and logs are never ingested).

Names are recorded printable and reversible (`escape_name`): a byte that is
not UTF-8 (a GBK name unzipped from a Windows archive) is written `\\xNN`, a
control character too, and a backslash is doubled; `unescape_name` gives back
the exact bytes on disk. Any other name (spaces, Chinese, emoji) is verbatim.

Symbolic links are resolved here, before anything is opened: a link whose
real path is outside the raw folder (or inside an excluded folder) is an
entry with `outside` set, which the reader quarantines
(`outside_raw_folder`) without opening it; a link inside the folder carries
its `target` (the escaped relative path) so the reader follows it once (a
duplicate of its target). Links to folders are never descended (a loop cannot
hang the scan); they are entries of their own so the reader records them.

Nothing is skipped silently: a sub-folder that cannot be listed is returned
as an entry so the reader records it as 'unreadable', and a dangling link or
a link loop is returned too (reading it fails the same way).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Entry", "Scan", "scan_folder", "list_files", "escape_name", "unescape_name", "is_inside"]

SKIP_WAREHOUSE = "the warehouse folder: the warehouse, its report, data docs and logs are never ingested"


@dataclass(frozen=True)
class Entry:
    """One file (or unlistable folder, or link) under the raw folder."""

    source_file: str  # escaped path relative to the raw folder, '/'-separated
    path: Path  # where it is on disk (absolute)
    is_link: bool = False  # a symbolic link
    real: Path | None = None  # for a link inside the folder: its resolved real path
    target: str | None = None  # for a link inside the folder: the target's source_file
    outside: str | None = None  # for a link leaving the folder: why it is not read (one line)


@dataclass
class Scan:
    root: Path  # the raw folder's real path
    entries: list[Entry] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (relative folder + '/', why)


def escape_name(name: str) -> str:
    """A printable, reversible form of a file name or relative path as `os` returns it.

    Bytes that are not UTF-8 (surrogate escapes) and control characters become
    `\\xNN`; a backslash becomes `\\\\`; everything else is kept.
    """
    if "\\" not in name and name.isprintable():
        return name  # (no surrogate, control character or backslash: kept as it is, fast)
    out: list[str] = []
    for ch in os.fsencode(name).decode("utf-8", "surrogateescape"):
        o = ord(ch)
        if 0xDC80 <= o <= 0xDCFF:
            out.append(f"\\x{o - 0xDC00:02x}")
        elif ch == "\\":
            out.append("\\\\")
        elif o < 0x20 or o == 0x7F:
            out.append(f"\\x{o:02x}")
        else:
            out.append(ch)
    return "".join(out)


def unescape_name(escaped: str) -> bytes:
    """The exact bytes of the name `escape_name` was given."""
    out = bytearray()
    i = 0
    while i < len(escaped):
        ch = escaped[i]
        if ch == "\\" and escaped[i + 1 : i + 2] == "\\":
            out += b"\\"
            i += 2
        elif ch == "\\" and escaped[i + 1 : i + 2] == "x":
            out.append(int(escaped[i + 2 : i + 4], 16))
            i += 4
        else:
            out += ch.encode("utf-8")
            i += 1
    return bytes(out)


def is_inside(path: str | Path, folder: str | Path) -> bool:
    """Whether `path` is `folder` or below it (both already resolved)."""
    p, f = os.fspath(path), os.fspath(folder).rstrip(os.sep) or os.sep
    return p == f or p.startswith(f if f.endswith(os.sep) else f + os.sep)


def scan_folder(raw_dir: Path, exclude: tuple[Path, ...] | list[Path] = ()) -> Scan:
    """Every file under `raw_dir` (see the module docstring); folders in `exclude` are skipped."""
    root = Path(os.path.realpath(raw_dir))
    if not root.is_dir():
        raise NotADirectoryError(f"raw folder {raw_dir} does not exist or is not a folder")
    # only folders below the raw folder matter (a raw folder inside the warehouse folder is fine)
    excluded = [e for e in map(os.path.realpath, exclude) if e != str(root) and is_inside(e, root)]
    scan = Scan(root=root)
    found: dict[str, Entry] = {}

    def rel(p: str) -> str:
        return escape_name(os.path.relpath(p, root).replace(os.sep, "/"))

    def link_entry(p: str) -> Entry:
        real = os.path.realpath(p)
        if not is_inside(real, root):
            return Entry(
                rel(p), Path(p), is_link=True, outside="a symbolic link to a path outside the raw folder; not read"
            )
        for ex in excluded:
            if is_inside(real, ex):
                return Entry(
                    rel(p),
                    Path(p),
                    is_link=True,
                    outside=f"a symbolic link into {rel(ex)}/ ({SKIP_WAREHOUSE}); not read",
                )
        return Entry(rel(p), Path(p), is_link=True, real=Path(real), target=rel(real))

    def on_error(err: OSError) -> None:
        if err.filename and os.path.realpath(err.filename) != str(root):
            found[rel(err.filename)] = Entry(rel(err.filename), Path(err.filename))
        else:
            raise err

    for dirpath, dirnames, filenames in os.walk(root, onerror=on_error, followlinks=False):
        for name in filenames:
            p = os.path.join(dirpath, name)
            entry = link_entry(p) if os.path.islink(p) else Entry(rel(p), Path(p))
            found[entry.source_file] = entry
        for name in list(dirnames):
            p = os.path.join(dirpath, name)
            if os.path.islink(p):  # never descended (loops); recorded so it is accounted for
                dirnames.remove(name)
                entry = link_entry(p)
                found[entry.source_file] = entry
            elif any(os.path.realpath(p) == ex for ex in excluded):
                dirnames.remove(name)
                scan.skipped.append((rel(p) + "/", SKIP_WAREHOUSE))
    scan.entries = [found[k] for k in sorted(found)]
    return scan


def list_files(raw_dir: Path, exclude: tuple[Path, ...] | list[Path] = ()) -> list[str]:
    """Just the sorted relative paths."""
    return [e.source_file for e in scan_folder(raw_dir, exclude).entries]
