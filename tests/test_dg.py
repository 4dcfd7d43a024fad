"""The project declares itself to the dg CLI ([tool.dg] in pyproject.toml): `dg list defs`
loads orchestration.definitions and lists its assets (dbt models in their layer groups),
checks, job, schedule and sensor, so `dg dev` serves the same definitions as `dagster dev`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

from nianbao.config import PROJECT_ROOT

DG = Path(sys.executable).parent / "dg"


def test_pyproject_points_dg_at_the_definitions():
    conf = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    dg = conf["tool"]["dg"]
    assert dg["directory_type"] == "project"
    assert dg["project"]["code_location_target_module"] == conf["tool"]["dagster"]["module_name"]
    assert (PROJECT_ROOT / (dg["project"]["root_module"].replace(".", "/"))).is_dir()


def test_dg_list_defs_loads_the_project(tmp_path):
    assert DG.exists(), "dagster-dg-cli is a dev dependency: run `uv sync`"
    env = dict(
        os.environ,
        DAGSTER_HOME=str(tmp_path),
        NIANBAO_WAREHOUSE=str(tmp_path / "wh" / "nianbao.duckdb"),
        DG_CLI_SUPPRESS_WARNINGS="1",
    )
    env.pop("VIRTUAL_ENV", None)
    proc = subprocess.run(
        [str(DG), "list", "defs", "--json"], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    defs = json.loads(proc.stdout[proc.stdout.index("{") :])
    assets = {a["asset_key"]: a for a in defs["assets"]}
    assert assets["marts/fct_figures"]["group_name"] == "marts"
    assert {a["group_name"] for a in defs["assets"]} >= {"staging", "intermediate", "marts", "quality", "publish"}
    assert "warehouse_snapshot" in assets
    assert any(c["asset_key"] == "marts/fct_figures" for c in defs["asset_checks"])
    assert [j["name"] for j in defs["jobs"]] == ["build_warehouse"]
    assert {s["name"] for s in defs["sensors"]} == {"raw_folder_sensor"}
    assert {s["name"] for s in defs["schedules"]} == {"daily_build"}
    assert not any(p.name.startswith(".dg") for p in PROJECT_ROOT.iterdir()), "dg left files in the checkout"
