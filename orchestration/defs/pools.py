"""The concurrency pool of the steps that write the warehouse, for the server target.

On the server target (`NIANBAO_TARGET=postgres`) runs execute their steps in
separate processes (the multiprocess executor) and several runs may be in
progress at once (document partitions, a build). Every step that writes shared
state (the working DuckDB file: ingest, gazetteer, extraction, a document's read
and store; PostgreSQL's raw and build schemas: dbt; the live marts: publish)
claims a slot of WRITER_POOL, whose limit the instance settings set to 1
(`concurrency: pools: default_limit: 1`, orchestration/dagster.yaml): across all
runs, one writer at a time, while the readers (GX, the report, the checks) and the
extraction work itself run side by side.

The DuckDB target keeps its assets as they are (no pool: one in-process run at a
time already); `with_pool` gives the server definitions pooled copies of them.
"""

from __future__ import annotations

from dagster import AssetsDefinition, In, OpDefinition, Out

WRITER_POOL = "nianbao_warehouse"


def with_pool(assets_def: AssetsDefinition, pool: str = WRITER_POOL) -> AssetsDefinition:
    """A copy of `assets_def` whose op runs in `pool` (everything else unchanged)."""
    op = assets_def.op
    pooled = OpDefinition.dagster_internal_init(
        compute_fn=op.compute_fn,
        name=op.name,
        ins={d.name: In.from_definition(d) for d in op.input_defs},
        outs={d.name: Out.from_definition(d) for d in op.output_defs},
        description=op.description,
        config_schema=op.config_schema,
        required_resource_keys=op.required_resource_keys,
        tags=op.tags,
        version=None,
        retry_policy=op.retry_policy,
        code_version=op._version,  # noqa: SLF001 - `version` is its deprecated public name
        pool=pool,
    )
    return AssetsDefinition.dagster_internal_init(**{**assets_def.get_attributes_dict(), "node_def": pooled})
