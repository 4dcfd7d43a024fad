"""Assets that write the raw schema: the gazetteer, the documents, the extractions."""

from dagster import AssetExecutionContext, AssetSpec, MaterializeResult, asset, multi_asset

from nianbao import pipeline
from orchestration.resources import WarehouseResource


@asset(
    group_name="ingest",
    description="Every file of the raw folder as a row of raw.documents: loaded, duplicate or quarantined.",
)
def raw_documents(context: AssetExecutionContext, warehouse: WarehouseResource) -> MaterializeResult:
    pipeline.recover(warehouse.working_path(), warehouse.published_path())
    summary = pipeline.ingest(warehouse.raw_path(), warehouse.working_path())
    for source_file, reason, detail in summary.quarantined:
        context.log.warning(f"quarantined {source_file}: {reason} {detail}")
    by_status = {f"status_{k}": v for k, v in summary.by_status.items()}
    return MaterializeResult(metadata={"files_seen": summary.seen, **by_status})


@asset(group_name="ingest", deps=[raw_documents], description="The administrative gazetteer (cpca) as raw.regions.")
def gazetteer(warehouse: WarehouseResource) -> MaterializeResult:
    n = pipeline.load_gazetteer(warehouse.working_path())
    return MaterializeResult(metadata={"regions": n})


# the raw tables `extract` writes, each with its description
EXTRACTED = {
    "raw_extractions": "One row per extracted document (extractor version, library, report year), "
    "cached by content hash.",
    "raw_figures": "Figures and stated ratios extracted from loaded documents.",
    "raw_events": "Events from event tables and dated sentences.",
    "raw_candidates": "Every number of the loaded documents: a figure, or rejected with a reason code.",
    "raw_libraries": "Library names in use, resolved to the gazetteer.",
}


@multi_asset(
    specs=[
        AssetSpec(key, group_name="ingest", deps=[raw_documents], description=description)
        for key, description in EXTRACTED.items()
    ],
    name="extract",
)
def extract(warehouse: WarehouseResource):
    summary = pipeline.extract(warehouse.working_path())
    yield MaterializeResult(
        asset_key="raw_extractions",
        metadata={
            "documents_extracted": summary.extracted,
            "documents_unchanged": summary.skipped_unchanged,
            "documents_failed": len(summary.failed),
            "documents_pruned": summary.pruned,
        },
    )
    yield MaterializeResult(asset_key="raw_figures", metadata={"figures": summary.figures})
    yield MaterializeResult(asset_key="raw_events", metadata={"events": summary.events})
    yield MaterializeResult(asset_key="raw_candidates")
    yield MaterializeResult(asset_key="raw_libraries")
