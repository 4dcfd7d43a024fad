"""What a run leaves beside the warehouse for the next one and for profiling (orchestration.defs.dbt_state)."""

from __future__ import annotations

import json

import pytest

from orchestration.defs.dbt_state import (
    CODE_VERSION,
    LAST_RUN_RESULTS,
    PARTIAL_PARSE,
    code_digest,
    code_version,
    full_refresh_needed,
    partial_parse,
    state_dir,
)


def test_the_last_run_results_are_kept_beside_the_warehouse_and_replaced_by_the_next_run(tmp_path):
    state = state_dir(tmp_path / "wh" / "nianbao.duckdb")
    for run, elapsed in (("run1", 12.5), ("run2", 3.0)):
        target = tmp_path / run / "target"
        with partial_parse(target, state):
            (target / "run_results.json").write_text(json.dumps({"elapsed_time": elapsed}))
            (target / PARTIAL_PARSE).write_bytes(run.encode())
        assert json.loads((state / LAST_RUN_RESULTS).read_text()) == {"elapsed_time": elapsed}
        assert (state / PARTIAL_PARSE).read_bytes() == run.encode()
    with partial_parse(tmp_path / "run3" / "target", state):
        pass  # dbt wrote nothing (stopped before it started): the last results stay
    assert json.loads((state / LAST_RUN_RESULTS).read_text()) == {"elapsed_time": 3.0}
    assert sorted(p.name for p in state.iterdir()) == [LAST_RUN_RESULTS, PARTIAL_PARSE]


def test_the_incremental_models_are_refreshed_after_a_code_change_or_a_failed_build(tmp_path):
    state = state_dir(tmp_path / "wh" / "nianbao.duckdb")
    code = code_digest()
    assert code == code_digest() and len(code) == 64
    assert full_refresh_needed(state, code)  # a first build
    with code_version(state, code):
        assert not (state / CODE_VERSION).exists()  # while dbt runs, nothing is recorded
    assert not full_refresh_needed(state, code)  # the same code again: incremental
    assert full_refresh_needed(state, "other code")
    with pytest.raises(RuntimeError), code_version(state, code):
        raise RuntimeError("dbt failed")
    assert full_refresh_needed(state, code)  # after a failed build: from scratch
    with code_version(state, code, record=False):
        pass  # a build of some of the models
    assert full_refresh_needed(state, code)
