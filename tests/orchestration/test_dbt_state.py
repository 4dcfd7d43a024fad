"""What a run leaves beside the warehouse for the next one and for profiling (orchestration.defs.dbt_state)."""

from __future__ import annotations

import json

from orchestration.defs.dbt_state import LAST_RUN_RESULTS, PARTIAL_PARSE, partial_parse, state_dir


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
