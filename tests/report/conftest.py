"""Fixtures of the report tests: one invented marts DuckDB and one built report."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.report.invented_marts import write_db


@pytest.fixture(scope="session")
def marts_db(tmp_path_factory) -> Path:
    return write_db(tmp_path_factory.mktemp("marts") / "marts.duckdb")


@pytest.fixture(scope="session")
def report_index(marts_db, tmp_path_factory) -> Path:
    from nianbao.report import build_report

    return build_report(marts_db, tmp_path_factory.mktemp("report") / "site")
