"""List every file under the raw folder.

`scan_folder(raw_dir)` walks the folder recursively (hidden files and folders
included, symbolic links to files included, links to folders not followed so
a loop cannot hang the scan) and returns `(source_file, path)` pairs sorted
by `source_file`, the path relative to `raw_dir` with '/' separators, as
written on disk (names with spaces, Chinese or emoji are kept verbatim;
names that are not valid UTF-8 keep their surrogate escapes).

Nothing is skipped silently: a sub-folder that cannot be listed is returned
as an entry of its own so the reader records it as 'unreadable', and a
dangling symbolic link or a link to a folder is returned too (reading it
fails the same way).
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["scan_folder", "list_files"]


def scan_folder(raw_dir: Path) -> list[tuple[str, Path]]:
    """All files under `raw_dir` as sorted (relative '/'-path, absolute Path) pairs."""
    root = Path(raw_dir)
    if not root.is_dir():
        raise NotADirectoryError(f"raw folder {root} does not exist or is not a folder")
    found: dict[str, Path] = {}

    def on_error(err: OSError) -> None:
        p = Path(err.filename) if err.filename else None
        if p is not None and p != root:
            found[p.relative_to(root).as_posix()] = p
        elif p == root:
            raise err

    for dirpath, dirnames, filenames in os.walk(root, onerror=on_error, followlinks=False):
        d = Path(dirpath)
        for name in filenames:
            p = d / name
            found[p.relative_to(root).as_posix()] = p
        for name in list(dirnames):
            p = d / name
            if p.is_symlink():  # not followed (loops); recorded so it is accounted for
                dirnames.remove(name)
                found[p.relative_to(root).as_posix()] = p
    return sorted(found.items())


def list_files(raw_dir: Path) -> list[str]:
    """Just the sorted relative paths."""
    return [rel for rel, _ in scan_folder(raw_dir)]
