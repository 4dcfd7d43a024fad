"""How the dbt models look in Dagster: one asset group per layer, row counts and column
schemas (names, database types, the YAML descriptions) on tables.

The layer is the model's folder under `dbt_project/models/` (staging, intermediate,
marts, quality); seeds (the metric vocabulary) sit with staging. Row counts are read
from the working database after dbt has exited (DuckDB has one writer: the file
cannot be opened while dbt builds), for table materialisations only (a view's count
would run its query).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from dagster import MetadataValue, TableColumn, TableSchema
from dagster_dbt import DagsterDbtTranslator

from nianbao.storage import View, errors_of, read

LAYERS = ("staging", "intermediate", "marts", "quality")
SEED_LAYER = "staging"
ROW_COUNT_KEY = "dagster/row_count"
COLUMN_SCHEMA_KEY = "dagster/column_schema"


def layer_of(dbt_resource_props: Mapping[str, Any]) -> str | None:
    """The group of a dbt node: its folder under models/ (fqn[1]), seeds with staging."""
    if dbt_resource_props.get("resource_type") == "seed":
        return SEED_LAYER
    fqn = dbt_resource_props.get("fqn") or []
    return fqn[1] if len(fqn) > 2 and fqn[1] in LAYERS else None


class LayeredTranslator(DagsterDbtTranslator):
    """dagster-dbt's translator with the group name set to the model's layer."""

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        return layer_of(dbt_resource_props) or super().get_group_name(dbt_resource_props)


def _relation(node: Mapping[str, Any]) -> str | None:
    if node.get("resource_type") not in ("model", "seed"):
        return None
    if node.get("config", {}).get("materialized", "table") not in ("table", "seed", "incremental"):
        return None
    name = node.get("alias") or node.get("name")
    return f'"{node["schema"]}"."{name}"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def table_facts(db: Path | View, nodes: Iterable[Mapping[str, Any]]) -> dict[str, tuple[int, list[tuple[str, str]]]]:
    """unique_id → (rows, [(column, database type), …]) of each table node, read from `db` (a
    DuckDB file or a storage's build, read-only); nodes whose relation is missing or unreadable
    are left out."""
    tables = {n["unique_id"]: (rel, n) for n in nodes if (rel := _relation(n))}
    facts: dict[str, tuple[int, list[tuple[str, str]]]] = {}
    if not tables or (not isinstance(db, View) and not Path(db).exists()):
        return facts
    with read(db) as (con, _):
        for unique_id, (rel, node) in tables.items():
            try:
                count = con.execute(f"select count(*) from {rel}").fetchone()[0]
                columns = con.execute(
                    "select column_name, data_type from information_schema.columns "
                    f"where table_schema = {_literal(node['schema'])} "
                    f"and table_name = {_literal(node.get('alias') or node['name'])} "
                    "order by ordinal_position"
                ).fetchall()
            except errors_of(db):
                continue
            facts[unique_id] = (count, [(str(c), str(t)) for c, t in columns])
    return facts


def column_schema(node: Mapping[str, Any], columns: list[tuple[str, str]]) -> TableSchema:
    """The table's columns as Dagster shows them: name, database type and the column's
    description from the dbt YAML (empty when it has none)."""
    described = {name.lower(): (c.get("description") or "") for name, c in (node.get("columns") or {}).items()}
    return TableSchema(
        columns=[
            TableColumn(name=name, type=kind, description=described.get(name.lower()) or None) for name, kind in columns
        ]
    )


def with_table_metadata(events: list, manifest: Mapping[str, Any], db: Path | View) -> list:
    """The events, each Output/AssetMaterialization of a table model carrying its row count and
    its column schema."""
    nodes = manifest.get("nodes", {})

    def uid(event) -> str | None:
        value = getattr(event, "metadata", {}).get("unique_id")
        return getattr(value, "text", value)

    wanted = [nodes[u] for e in events if (u := uid(e)) in nodes]
    facts = table_facts(db, wanted)
    out = []
    for event in events:
        u = uid(event)
        if u in facts and hasattr(event, "with_metadata"):
            count, columns = facts[u]
            schema = MetadataValue.table_schema(column_schema(nodes[u], columns))
            event = event.with_metadata({**event.metadata, ROW_COUNT_KEY: count, COLUMN_SCHEMA_KEY: schema})
        out.append(event)
    return out
