"""What a run's `dbt build` selects (orchestration/defs/transform.py BUILD_ARGS): every model, seed and
data test, no unit test (CI runs those: tests/dbt/test_marts.py::test_ci_runs_every_unit_test)."""

from __future__ import annotations

import json
import os
import subprocess

from nianbao.config import DBT_PROJECT_DIR
from orchestration.defs.transform import BUILD_ARGS
from tests.dbt_support import DBT


def _ls(tmp_path, *args: str) -> list[dict]:
    env = dict(os.environ, DBT_SEND_ANONYMOUS_USAGE_STATS="false", NIANBAO_WORKING_DB=str(tmp_path / "w.duckdb"))
    proc = subprocess.run(
        [
            DBT,
            "ls",
            *args,
            "--output",
            "json",
            "--output-keys",
            "resource_type",
            "unique_id",
            "--project-dir",
            str(DBT_PROJECT_DIR),
            "--profiles-dir",
            str(DBT_PROJECT_DIR),
            "--target-path",
            str(tmp_path / "target"),
            "--log-path",
            str(tmp_path / "logs"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    return [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]


def test_the_run_builds_everything_but_the_unit_tests(tmp_path):
    assert BUILD_ARGS[0] == "build"
    everything = _ls(tmp_path)
    selected = _ls(tmp_path, *BUILD_ARGS[1:])
    kinds = {n["resource_type"] for n in selected}
    assert {"model", "seed", "test"} <= kinds and "unit_test" not in kinds
    assert any(n["resource_type"] == "unit_test" for n in everything)
    assert {n["unique_id"] for n in everything if n["resource_type"] != "unit_test"} == {
        n["unique_id"] for n in selected
    }
