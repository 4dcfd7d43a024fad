"""Assets that write the raw schema: the gazetteer, the documents, the extractions."""

from __future__ import annotations

from dagster import AssetExecutionContext, MaterializeResult, asset

from nianbao import pipeline
from orchestration.resources import WarehouseResource


@asset(group_name="ingest", description="The administrative gazetteer (cpca) as raw.regions.")
def gazetteer(warehouse: WarehouseResource) -> MaterializeResult:
    n = pipeline.load_gazetteer(warehouse.working_path())
    return MaterializeResult(metadata={"regions": n})


@asset(group_name="ingest", description="Every file of the raw folder as a row of raw.documents: loaded, duplicate or quarantined.")
def raw_documents(context: AssetExecutionContext, warehouse: WarehouseResource) -> MaterializeResult:
    pipeline.recover(warehouse.working_path(), warehouse.published_path())
    summary = pipeline.ingest(warehouse.raw_path(), warehouse.working_path())
    for source_file, reason, detail in summary.quarantined:
        context.log.warning(f"quarantined {source_file}: {reason} {detail}")
    return MaterializeResult(metadata={"files_seen": summary.seen, **{f"status_{k}": v for k, v in summary.by_status.items()}})


@asset(group_name="ingest", deps=[raw_documents], description="Figures and events extracted from loaded documents (raw.figures, raw.events), cached by content hash.")
def raw_extractions(warehouse: WarehouseResource) -> MaterializeResult:
    summary = pipeline.extract(warehouse.working_path())
    return MaterializeResult(metadata={
        "documents_extracted": summary.extracted,
        "documents_unchanged": summary.skipped_unchanged,
        "documents_failed": len(summary.failed),
        "figures": summary.figures,
        "events": summary.events,
        "documents_pruned": summary.pruned,
    })
