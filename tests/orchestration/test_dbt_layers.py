"""Dagster as its users expect: dbt assets grouped by layer, row counts on table models,
and a raw-folder sensor that does not rebuild on a first start with an unchanged folder."""

from __future__ import annotations

import os
import time

import pytest
from dagster import AssetKey, Output, RunRequest, SkipReason, build_sensor_context

from orchestration.defs.dbt_layers import COLUMN_SCHEMA_KEY, LAYERS, ROW_COUNT_KEY, with_table_metadata
from tests.support.db import duckdb_file


@pytest.fixture(scope="module")
def graph():
    from orchestration.definitions import defs

    return defs.resolve_asset_graph()


def test_dbt_models_are_grouped_by_layer(graph):
    def group(path: str) -> str:
        return graph.get(AssetKey(path.split("/"))).group_name

    assert group("staging/stg_nianbao__figures") == "staging"
    assert group("intermediate/int_figures_preferred") == "intermediate"
    assert group("marts/fct_figures") == "marts"
    assert group("marts/mart_library_year") == "marts"
    assert group("marts/dq_findings") == "quality"  # models/quality, schema marts
    assert group("intermediate/int_dq_conflict") == "quality"
    assert group("metrics") == "staging"  # the seed
    dbt_keys = [k for k in graph.get_all_asset_keys() if k.path[0] in ("staging", "intermediate", "marts")]
    assert dbt_keys and all(graph.get(k).group_name in LAYERS for k in dbt_keys)
    assert "default" not in {graph.get(k).group_name for k in graph.get_all_asset_keys()}


def test_row_counts_and_column_schemas_on_tables_only(tmp_path):
    db = duckdb_file(
        tmp_path / "w.duckdb",
        "create schema marts",
        "create table marts.fct_x as select range as n, 'a' as label from range(3)",
        "create view marts.v_x as select * from marts.fct_x",
    )
    manifest = {
        "nodes": {
            "model.p.fct_x": {
                "unique_id": "model.p.fct_x",
                "resource_type": "model",
                "schema": "marts",
                "name": "fct_x",
                "alias": "fct_x",
                "config": {"materialized": "table"},
                "columns": {"n": {"name": "n", "description": "A number."}},
            },
            "model.p.v_x": {
                "unique_id": "model.p.v_x",
                "resource_type": "model",
                "schema": "marts",
                "name": "v_x",
                "alias": "v_x",
                "config": {"materialized": "view"},
            },
            "model.p.gone": {
                "unique_id": "model.p.gone",
                "resource_type": "model",
                "schema": "marts",
                "name": "gone",
                "alias": "gone",
                "config": {"materialized": "table"},
            },
        }
    }
    events = [Output(None, output_name=n, metadata={"unique_id": f"model.p.{n}"}) for n in ("fct_x", "v_x", "gone")]
    out = with_table_metadata(events, manifest, db)
    assert [e.output_name for e in out] == ["fct_x", "v_x", "gone"]
    assert out[0].metadata[ROW_COUNT_KEY].value == 3
    assert ROW_COUNT_KEY not in out[1].metadata and ROW_COUNT_KEY not in out[2].metadata
    # the column schema: names and types from the database, descriptions from the dbt YAML
    columns = out[0].metadata[COLUMN_SCHEMA_KEY].value.columns
    assert [(c.name, c.type, c.description) for c in columns] == [
        ("n", "BIGINT", "A number."),
        ("label", "VARCHAR", None),
    ]
    assert COLUMN_SCHEMA_KEY not in out[1].metadata
    assert "unique_id" in out[0].metadata


def test_sensor_does_not_fire_on_a_first_start_with_an_unchanged_folder(tmp_path, monkeypatch):
    from orchestration.defs.automation import raw_folder_fingerprint, raw_folder_sensor

    raw, published = tmp_path / "raw", tmp_path / "wh" / "nianbao.duckdb"
    raw.mkdir()
    (raw / "a.txt").write_text("x")
    published.parent.mkdir()
    published.write_bytes(b"published after the raw files")
    past = time.time() - 3600
    os.utime(raw / "a.txt", (past, past))
    monkeypatch.setenv("NIANBAO_RAW_DIR", str(raw))
    monkeypatch.setenv("NIANBAO_WAREHOUSE", str(published))

    ctx = build_sensor_context()
    first = raw_folder_sensor(ctx)
    assert isinstance(first, SkipReason)
    assert ctx.cursor == raw_folder_fingerprint(raw)  # remembered: a later change is seen
    again = raw_folder_sensor(build_sensor_context(cursor=ctx.cursor))
    assert isinstance(again, SkipReason)
    (raw / "b.txt").write_text("y")
    added = raw_folder_sensor(build_sensor_context(cursor=ctx.cursor))
    assert isinstance(added, RunRequest)


def test_sensor_fires_on_a_first_start_when_files_are_newer_or_nothing_is_published(tmp_path, monkeypatch):
    from orchestration.defs.automation import raw_folder_sensor

    raw, published = tmp_path / "raw", tmp_path / "wh" / "nianbao.duckdb"
    raw.mkdir()
    (raw / "a.txt").write_text("x")
    monkeypatch.setenv("NIANBAO_RAW_DIR", str(raw))
    monkeypatch.setenv("NIANBAO_WAREHOUSE", str(published))
    assert isinstance(raw_folder_sensor(build_sensor_context()), RunRequest)  # nothing published yet
    published.parent.mkdir()
    published.write_bytes(b"old build")
    past = time.time() - 3600
    os.utime(published, (past, past))
    assert isinstance(raw_folder_sensor(build_sensor_context()), RunRequest)  # a file newer than the build
