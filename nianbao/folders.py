"""Put a staged folder in the place of a published one (the dbt docs site, the mart export)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def swap_folder(staging: Path, out: Path) -> None:
    """Replace the folder `out` by `staging`: `out` is renamed aside, `staging` renamed into
    its place, then the old folder is removed (a reader never sees a half-written one)."""
    old = out.with_name(f".{out.name}.old-{os.getpid()}")
    if out.exists():
        os.replace(out, old)
    os.replace(staging, out)
    shutil.rmtree(old, ignore_errors=True)
