"""A run whose steps run in processes of their own (Dagster's multiprocess executor on the server
target) stages its report site in one folder: the one of the run's process, which `multiprocessing`
children (the steps) find too, and which crash cleanup keeps while that process lives."""

from __future__ import annotations

import multiprocessing

from nianbao import publish


def _staging_in_child(published: str, queue) -> None:
    queue.put(str(publish.staging_path(published, "run-1")))


def test_a_step_process_stages_where_its_run_process_does(tmp_path):
    published = tmp_path / "wh" / "nianbao.duckdb"
    ctx = multiprocessing.get_context("spawn")  # what the multiprocess executor uses
    queue = ctx.Queue()
    child = ctx.Process(target=_staging_in_child, args=(str(published), queue))
    child.start()
    in_child = queue.get(timeout=120)
    child.join(timeout=60)
    assert in_child == str(publish.staging_path(published, "run-1"))

    staged = publish.stage_site(published, "run-1")
    assert publish.discard_site(published, pid=0) == []  # its owner (this process) is alive: kept
    assert staged.is_dir()
