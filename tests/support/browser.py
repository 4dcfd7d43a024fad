"""Headless Chromium for the tests that render the quality report: the browser, its flags, one run.

Chromium must be installed (`apt-get install -y chromium`); when it is missing the test FAILS on
purpose (the lead's `make test` installs it)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium() -> str:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        pytest.fail(
            "headless Chromium not found on PATH: install it with "
            "`apt-get update && apt-get install -y chromium` (make test should do this)",
            pytrace=False,
        )
    return exe


def run_chromium(args: list[str], profile: Path, timeout: int = 90) -> subprocess.CompletedProcess:
    """One Chromium run with the profile folder `profile`; fails the test when it exits non-zero."""
    cmd = [chromium(), *FLAGS, f"--user-data-dir={profile}", *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, f"chromium failed ({proc.returncode}): {proc.stderr[-2000:]}"
    return proc
