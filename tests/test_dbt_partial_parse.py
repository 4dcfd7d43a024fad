"""dbt parses partially from the second run on, although every run has a new temporary
target folder: `orchestration.defs.dbt_state.partial_parse` carries dbt's parse state
between them (read from dbt's own perf_info.json and log line, not timed)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from nianbao.config import DBT_PROJECT_DIR
from orchestration.defs.dbt_state import PARTIAL_PARSE, partial_parse, state_dir

DBT = str(Path(sys.executable).parent / "dbt")


def _parse(target: Path, db: Path, logs: Path) -> tuple[dict, str]:
    env = dict(os.environ, NIANBAO_WORKING_DB=str(db), DBT_LOG_PATH=str(logs), DBT_SEND_ANONYMOUS_USAGE_STATS="false")
    proc = subprocess.run(
        [DBT, "parse", "--profiles-dir", str(DBT_PROJECT_DIR), "--target-path", str(target)],
        cwd=DBT_PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    return json.loads((target / "perf_info.json").read_text(encoding="utf-8")), proc.stdout


def test_second_run_parses_partially_from_the_saved_state(tmp_path):
    published = tmp_path / "wh" / "nianbao.duckdb"
    db = published.with_name("nianbao.build.duckdb")
    state = state_dir(published)
    assert state == tmp_path / "wh" / ".dbt_state"

    with partial_parse(tmp_path / "run1" / "target", state):
        first, out1 = _parse(tmp_path / "run1" / "target", db, tmp_path / "logs1")
    assert "Unable to do partial parsing" in out1
    assert (state / PARTIAL_PARSE).is_file()
    saved = (state / PARTIAL_PARSE).read_bytes()

    with partial_parse(tmp_path / "run2" / "target", state):  # another temporary target folder
        second, out2 = _parse(tmp_path / "run2" / "target", db, tmp_path / "logs2")
    assert "Unable to do partial parsing" not in out2
    assert second["is_partial_parse_enabled"] is True
    assert first["parsed_path_count"] == first["path_count"] > 50
    # what another helper edits while this runs may be re-parsed; the rest is not
    assert second["parsed_path_count"] < first["parsed_path_count"] // 4
    assert (state / PARTIAL_PARSE).read_bytes() != b"" and saved != b""


def test_nothing_saved_when_dbt_wrote_nothing_and_the_old_state_is_kept(tmp_path):
    state = tmp_path / "state"
    with partial_parse(tmp_path / "t1", state):
        pass
    assert not state.exists()
    state.mkdir()
    (state / PARTIAL_PARSE).write_bytes(b"old")
    with partial_parse(tmp_path / "t2", state):
        assert (tmp_path / "t2" / PARTIAL_PARSE).read_bytes() == b"old"
        (tmp_path / "t2" / PARTIAL_PARSE).write_bytes(b"new")
    assert (state / PARTIAL_PARSE).read_bytes() == b"new"
    assert [p.name for p in state.iterdir()] == [PARTIAL_PARSE]
