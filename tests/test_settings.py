"""The one frozen Settings (`nianbao.config`): parsing, defaults, the only reader of the environment,
and the README's configuration table listing exactly its variables."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from nianbao import config
from nianbao.config import Settings, settings

ROOT = Path(__file__).resolve().parents[1]


def test_defaults_without_environment():
    s = Settings.from_env({})
    assert s.raw_dir == config.PROJECT_ROOT / "raw"
    assert s.warehouse == config.PROJECT_ROOT / "warehouse" / "nianbao.duckdb"
    assert s.working_path() == config.PROJECT_ROOT / "warehouse" / "nianbao.build.duckdb"
    assert (s.doc_timeout_s, s.lock_wait_s, s.keep_runs, s.ingest_memory_mb) == (120.0, 300.0, 10, 4096)
    assert (s.verbose, s.allow_empty, s.ingest_debug, s.log_level) == (False, False, False, "ERROR")
    assert s.dagster_home is None


def test_values_are_parsed_and_bad_numbers_fall_back(tmp_path):
    s = Settings.from_env(
        {
            "NIANBAO_WAREHOUSE": str(tmp_path / "wh dir" / "x.duckdb"),
            "NIANBAO_DOC_TIMEOUT": "7.5",
            "NIANBAO_KEEP_RUNS": "3",
            "NIANBAO_INGEST_MEMORY_MB": "0",
            "NIANBAO_VERBOSE": "1",
            "NIANBAO_ALLOW_EMPTY": "0",
            "NIANBAO_LOCK_WAIT": "soon",
            "NIANBAO_RAW_DIR": "",
        }
    )
    assert s.warehouse == tmp_path / "wh dir" / "x.duckdb"
    assert s.working_path() == tmp_path / "wh dir" / "x.build.duckdb"
    assert (s.doc_timeout_s, s.keep_runs, s.ingest_memory_mb) == (7.5, 3, 0)
    assert s.verbose and not s.allow_empty
    assert s.lock_wait_s == 300.0  # a typo keeps the default
    assert s.raw_dir == config.PROJECT_ROOT / "raw"  # empty: unset


def test_settings_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings().verbose = True  # type: ignore[misc]


def test_settings_follow_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("NIANBAO_WAREHOUSE", str(tmp_path / "a.duckdb"))
    first = settings()
    assert first is settings()  # read once per distinct environment
    assert config.lock_path() == tmp_path / "a.duckdb.lock"
    monkeypatch.setenv("NIANBAO_WAREHOUSE", str(tmp_path / "b.duckdb"))
    assert settings().warehouse == tmp_path / "b.duckdb" != first.warehouse


def test_environment_block_is_restored(monkeypatch):
    monkeypatch.delenv("NIANBAO_ALLOW_EMPTY", raising=False)
    with config.environment(NIANBAO_ALLOW_EMPTY="1"):
        assert settings().allow_empty
        assert config.child_env(X_CHILD="y")["NIANBAO_ALLOW_EMPTY"] == "1"
    assert not settings().allow_empty
    assert "NIANBAO_ALLOW_EMPTY" not in config.child_env()


def test_only_the_settings_module_reads_the_environment():
    offenders = [
        f"{path.relative_to(ROOT)}:{n}"
        for folder in ("nianbao", "orchestration")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path != ROOT / "nianbao" / "config.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\bos\.(environ|getenv|putenv|unsetenv)\b|\bfrom os import .*\b(environ|getenv)\b", line)
    ]
    assert offenders == []


def test_readme_lists_every_variable_once():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    first_cells = [row.split("|")[1] for row in section.splitlines() if row.startswith("| `")]
    listed = [name for cell in first_cells for name in re.findall(r"`([A-Z_]+)`", cell)]
    assert sorted(listed) == sorted(config.VARIABLES)
    for f in dataclasses.fields(Settings):  # every field documents itself
        assert f.metadata["env"] and f.metadata["meaning"]
