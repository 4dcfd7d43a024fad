"""Validate before publishing: a build that fails a Great Expectations suite is not published.

The GX suites run on the working build as a blocking step (`gx_validation`) upstream of the
report and the publish. With a deliberately failing suite (a metric code no suite knows) the
run stops there: `nianbao run` says why in one line, the previous warehouse stays byte for byte
and no staged site is left; with the same build made valid, the publish goes through.
"""

from __future__ import annotations

import hashlib

import pytest
from dagster import AssetSelection, DagsterInstance, Definitions, define_asset_job, materialize

from nianbao import config, pipeline
from orchestration.defs.publish import gx_validation, quality_report, warehouse_snapshot
from orchestration.resources import WarehouseResource
from tests.report.invented_marts import frames, write_db

PUBLISH_STEPS = [gx_validation, quality_report, warehouse_snapshot]


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _bad_frames():
    t = frames()
    t["fct_figures"].loc[0, "metric"] = "visits.bogus"  # not a metric code: the fct_figures suite fails
    return t


@pytest.fixture
def warehouse(settings, monkeypatch):
    """A published warehouse (valid) where the settings point; the tests write the working build."""
    published = settings.warehouse
    published.parent.mkdir()
    write_db(published)
    # the invented marts hold the tables the report and the suites read, not every mart of a real build
    monkeypatch.setattr(pipeline, "REQUIRED_MARTS", [f"marts.{name}" for name in frames()])
    return published


def _steps_run(events) -> set[str]:
    return {e.step_key for e in events if e.event_type_value == "STEP_SUCCESS"}


def test_a_failing_suite_blocks_the_publish_and_says_why(warehouse, monkeypatch, capsys):
    from orchestration import cli, definitions

    write_db(config.working_path(warehouse), _bad_frames())
    before = _digest(warehouse)
    job = Definitions(
        assets=PUBLISH_STEPS,
        resources={"warehouse": WarehouseResource()},
        jobs=[define_asset_job("publish_steps", selection=AssetSelection.assets(*PUBLISH_STEPS))],
    ).resolve_job_def("publish_steps")
    monkeypatch.setattr(definitions.defs, "resolve_job_def", lambda name: job)

    assert cli._run_locked(warehouse) == 1

    err = capsys.readouterr().err
    why = [line for line in err.splitlines() if "step gx_validation failed" in line]
    assert len(why) == 1, err
    assert "Great Expectations" in why[0] and "fct_figures" in why[0] and "visits.bogus" in why[0]
    assert "dim_document" not in why[0]  # only the failed suites are named
    assert "NOT published" in err
    assert _digest(warehouse) == before  # the last published warehouse stays
    site = config.site_dir(warehouse)
    assert not site.exists() or not any(p.name.startswith(".staging") for p in site.iterdir())
    assert not (site / "current").exists()  # no report or Data Docs of the rejected build


def test_the_same_build_made_valid_is_published(warehouse):
    good = frames()
    good["fct_figures"].loc[0, "value"] = 123456789.0  # a change a reader can see, valid for every suite
    write_db(config.working_path(warehouse), good)
    before = _digest(warehouse)

    result = materialize(
        PUBLISH_STEPS,
        resources={"warehouse": WarehouseResource()},
        instance=DagsterInstance.ephemeral(),
        raise_on_error=False,
    )

    assert _steps_run(result.all_events) == {"gx_validation", "quality_report", "warehouse_snapshot"}
    assert _digest(warehouse) != before
    import duckdb

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        assert con.execute("select count(*) from marts.fct_figures where value = 123456789").fetchone()[0] == 1
    finally:
        con.close()
    assert (config.site_dir(warehouse) / "current" / "gx_results.json").is_file()
