"""Column docs where analysts look: dbt's persist_docs writes every YAML description
of a mart as a DuckDB comment (`duckdb_columns().comment`, DBeaver's column view),
and the publish copy (`nianbao.publish.copy_database`) keeps them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from nianbao.config import DBT_PROJECT_DIR
from nianbao.publish import copy_database
from tests.dbt import scenario
from tests.dbt_support import query, run_dbt


def _yaml_docs(model: str) -> tuple[str, dict[str, str]]:
    """The model's description and its column descriptions, as written in the YAML."""
    for path in (DBT_PROJECT_DIR / "models").rglob("_*.yml"):
        for entry in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("models", []):
            if entry["name"] == model:
                return entry["description"], {c["name"]: c["description"] for c in entry["columns"]}
    raise AssertionError(f"{model} has no YAML")


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("persist_docs")
    working = tmp / "working.duckdb"
    scenario.build(working)
    run_dbt(working, tmp, "seed")
    run_dbt(working, tmp, "run", "--select", "+fct_figures", "dim_metric")
    dest = tmp / "published" / "nianbao.duckdb"
    dest.parent.mkdir()
    copy_database(working, dest)
    return dest


@pytest.mark.parametrize("model", ["fct_figures", "dim_metric"])
def test_every_column_of_the_published_mart_has_its_yaml_description(published, model):
    table_doc, column_docs = _yaml_docs(model)
    comments = dict(
        query(
            published,
            "select column_name, comment from duckdb_columns() where schema_name = 'marts' and table_name = ?",
            [model],
        )
    )
    assert comments, f"marts.{model} missing from the published file"
    assert set(comments) == set(column_docs)
    for column, doc in column_docs.items():
        assert comments[column] == doc, column
    assert query(
        published, "select comment from duckdb_tables() where schema_name = 'marts' and table_name = ?", [model]
    ) == [(table_doc,)]


def test_a_view_keeps_its_comments_too(published):
    """Staging models are views: their descriptions come across as well."""
    rows = query(
        published,
        "select count(*), count(comment) from duckdb_columns() "
        "where schema_name = 'staging' and table_name = 'stg_nianbao__figures'",
    )
    assert rows[0][0] > 0 and rows[0][0] == rows[0][1]


def test_make_docs_builds_a_self_contained_site_from_the_published_file(published, tmp_path):
    """`make docs` (nianbao.dbt_docs): dbt's static page beside the warehouse, the catalog
    read from the published file, which stays byte-identical; nothing written to the checkout."""
    import subprocess

    from nianbao import config, dbt_docs

    before = published.read_bytes()
    status = subprocess.run(
        ["git", "status", "--porcelain", "--", "dbt_project"],
        cwd=DBT_PROJECT_DIR.parent,
        capture_output=True,
        text=True,
    ).stdout
    index = dbt_docs.build(published)
    assert index == config.dbt_docs_dir(published) / "index.html"
    assert index.parent.parent == published.parent
    html = index.read_text(encoding="utf-8")
    _, column_docs = _yaml_docs("fct_figures")
    catalog = json.loads((index.parent / "catalog.json").read_text(encoding="utf-8"))
    columns = catalog["nodes"]["model.nianbao.fct_figures"]["columns"]  # read from the published file
    assert {name: c["comment"] for name, c in columns.items()} == column_docs
    assert "model.nianbao.fct_figures" in html and '"catalog"' in html  # manifest and catalog inside
    assert 'src="http' not in html and 'href="https://' not in html  # no CDN
    assert published.read_bytes() == before
    assert (
        subprocess.run(
            ["git", "status", "--porcelain", "--", "dbt_project"],
            cwd=DBT_PROJECT_DIR.parent,
            capture_output=True,
            text=True,
        ).stdout
        == status
    )
    # a second build replaces the site in place
    assert dbt_docs.build(published) == index and not list(published.parent.glob(".dbt_docs*"))


def test_make_docs_without_a_warehouse_says_so(tmp_path, capsys):
    from nianbao import dbt_docs

    assert dbt_docs.main(["--warehouse", str(tmp_path / "none.duckdb")]) == 1
    assert "run `make run` first" in capsys.readouterr().err
