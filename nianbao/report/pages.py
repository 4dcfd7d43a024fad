"""Library-year pages written only when their content changed since the previous build.

Each page's content (its view: headline figures, findings with their competing
figures, every figure with its evidence) is hashed with the render version (the
templates and the report code that shape a page) into a fingerprint; the
fingerprints of a report are kept in `<report>/pages.json`:

    {"render": "<sha256 of templates + code>", "pages": {"ly/rugao-2020.html": "<sha256>", ...},
     "written": 12, "reused": 1988}

A build given the previous report (the published one) hard-links every page whose
fingerprint is unchanged from there (a copy when a link is not possible) instead of
rendering and writing it; only pages of library-years whose figures or findings
changed, and new ones, are rendered. Building into the previous report's own folder
leaves unchanged pages untouched and removes pages of library-years that are gone.
A page keeps the run header of the build that wrote it ("page written by run …").
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

PAGES_MANIFEST = "pages.json"
PAGES_DIR = "ly"
_CODE = ("build.py", "highlight.py", "pages.py")


@lru_cache(maxsize=1)
def render_version() -> str:
    """Hash of what shapes a page besides its data: the templates and the report code."""
    here = Path(__file__).parent
    h = hashlib.sha256()
    for p in sorted((here / "templates").rglob("*")) + [here / n for n in _CODE]:
        if p.is_file():
            h.update(p.relative_to(here).as_posix().encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def fingerprint(view: Any) -> str:
    """Stable hash of a page's view (JSON with sorted keys; dates and decimals as text)."""
    data = json.dumps(view, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def read_manifest(report_dir: Path | None) -> dict[str, str]:
    """The page fingerprints of the report in `report_dir` ({} when there is none, or when it
    was rendered by other templates or code: then every page is written again)."""
    if report_dir is None:
        return {}
    try:
        data = json.loads((Path(report_dir) / PAGES_MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("render") != render_version():
        return {}
    pages = data.get("pages")
    return pages if isinstance(pages, dict) else {}


class PageWriter:
    """Writes the pages of one report into `out_dir`, reusing those of `previous`.

    `write(file, fp, render)` calls `render()` only when the page is new or changed;
    `close()` removes pages left from the previous build in place and writes the manifest."""

    def __init__(self, out_dir: Path, previous: Path | None = None):
        self.out_dir = Path(out_dir)
        self.previous = Path(previous).resolve() if previous is not None and Path(previous).is_dir() else None
        self.in_place = self.previous is not None and self.out_dir.resolve() == self.previous
        self.old = read_manifest(self.previous)
        self.pages: dict[str, str] = {}
        self.written = self.reused = 0
        pages_dir = self.out_dir / PAGES_DIR
        if not self.in_place and pages_dir.is_dir():
            shutil.rmtree(pages_dir)
        pages_dir.mkdir(parents=True, exist_ok=True)

    def write(self, file: str, fp: str, render: Callable[[], str]) -> bool:
        """Put page `file` (relative to the report) with fingerprint `fp` in place; True
        when it was rendered and written, False when the previous one was reused."""
        self.pages[file] = fp
        target = self.out_dir / file
        if self.old.get(file) == fp and self.previous is not None:
            source = self.previous / file
            if self.in_place and target.is_file():
                self.reused += 1
                return False
            if not self.in_place and source.is_file():
                try:
                    os.link(source, target)
                except OSError:
                    shutil.copyfile(source, target)
                self.reused += 1
                return False
        # a new file, never written through: the old page may be a hard link shared with the published site
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_text(render(), encoding="utf-8")
        os.replace(tmp, target)
        self.written += 1
        return True

    def close(self) -> dict:
        """Remove pages no longer in the report (in place), write and return the manifest."""
        if self.in_place:
            for p in (self.out_dir / PAGES_DIR).glob("*.html"):
                if f"{PAGES_DIR}/{p.name}" not in self.pages:
                    p.unlink()
        manifest = {
            "render": render_version(),
            "pages": dict(sorted(self.pages.items())),
            "written": self.written,
            "reused": self.reused,
        }
        tmp = self.out_dir / f".{PAGES_MANIFEST}.tmp"
        tmp.write_text(json.dumps(manifest, indent=0) + "\n", encoding="utf-8")
        os.replace(tmp, self.out_dir / PAGES_MANIFEST)
        return manifest
