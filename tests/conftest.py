"""Fixtures for every test: the shared gold sets beside the checkout (paths in tests/paths.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from nianbao import config
from tests.paths import REALDEV, SEEDS


def _present(folder: Path, needed: str) -> Path:
    if not (folder / needed).exists():
        pytest.fail(f"{folder / needed} is missing: these tests need ../shared beside the repository")
    return folder


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """../shared/seeds: the seed reports with gold.csv (and gold_events.csv)."""
    return _present(SEEDS, "gold.csv")


@pytest.fixture(scope="session")
def gold_dir(seeds_dir) -> Path:
    """The folder holding the seed gold (gold.csv, gold_events.csv): the seeds."""
    return seeds_dir


@pytest.fixture(scope="session")
def realdev_dir() -> Path:
    """../shared/realdev: real documents (docs/) with gold.csv and checks.csv."""
    return _present(REALDEV, "gold.csv")


@pytest.fixture
def settings(tmp_path, monkeypatch) -> config.Settings:
    """The Settings of a run confined to `tmp_path`: raw folder `raw/` (created), warehouse
    `wh/nianbao.duckdb`, its own Dagster instance; nothing lands in the checkout."""
    (tmp_path / "raw").mkdir(exist_ok=True)
    monkeypatch.setenv("NIANBAO_RAW_DIR", str(tmp_path / "raw"))
    monkeypatch.setenv("NIANBAO_WAREHOUSE", str(tmp_path / "wh" / "nianbao.duckdb"))
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    return config.settings()
