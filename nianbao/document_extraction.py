"""One document's extraction on its own: what a document partition runs on the server target.

`pipeline.extract` extracts every loaded document not yet extracted, in one
step. On the server target (`NIANBAO_TARGET=postgres`) each document can also be
a Dagster partition (`orchestration/defs/partitions.py`), in three calls so the
orchestrator runs the work side by side while the two calls that open the
working DuckDB file (one writer at a time) wait their turn:

- `read_document(working, document_id)`: its source file and text (None when it
  is no longer loaded, or already extracted by this extractor version);
- `extract_text(text, source_file)`: the extraction in a sandbox child, with
  NIANBAO_DOC_TIMEOUT and the memory cap, as `pipeline.extract` does: an
  `ExtractionResult`, or a `Failed` (reason `timeout` or `extraction_error`);
- `store_document(storage, working, document_id, source_file, outcome)`: into the
  working file (the extraction cache: the build's extract step does not extract
  it again; a failure quarantines the document as there) and through the
  storage seam (`Storage.write_document`: on PostgreSQL the document's rows of
  the extracted raw tables are replaced in schema `raw` in one transaction).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from nianbao import pipeline, sandbox, warehouse
from nianbao.pipeline import doc_timeout_s, extractor_version
from nianbao.schema import ExtractionResult
from nianbao.storage import Storage


@dataclass(frozen=True)
class Failed:
    """Why a document could not be extracted (its quarantine reason and detail)."""

    reason: str
    detail: str


@dataclass(frozen=True)
class Document:
    document_id: str
    source_file: str
    text: str


def read_document(working: Path, document_id: str) -> Document | None:
    """The loaded document `document_id` when this extractor version has not extracted it yet, else None."""
    with warehouse.connect(working, read_only=True) as con:
        todo = warehouse.documents_to_extract(con, extractor_version(), document_id)
    return Document(*todo[0]) if todo else None


def extract_text(text: str, source_file: str, timeout: float | None = None) -> ExtractionResult | Failed:
    """Extract one document's text in a sandbox child (killed when it overruns `timeout`,
    default NIANBAO_DOC_TIMEOUT)."""
    timeout = doc_timeout_s() if timeout is None else timeout
    with sandbox.Pool(1, preload=("nianbao.extract",)) as pool:
        [(_, outcome)] = list(pool.run(pipeline._extract_one, [(text, source_file)], timeout))
    if isinstance(outcome, sandbox.ChildTimeout):
        return Failed("timeout", f"extraction took longer than {timeout:.0f} s")
    if isinstance(outcome, (sandbox.ChildError, sandbox.ChildDied)):
        return Failed("extraction_error", str(outcome)[:300])
    return outcome


def store_document(
    storage: Storage, working: Path, document_id: str, outcome: ExtractionResult | Failed
) -> dict[str, int]:
    """Store one document's outcome in the working file, then its rows through `storage`;
    returns the rows written per raw table."""
    with warehouse.connect(working) as con:
        if isinstance(outcome, Failed):
            con.execute("begin")
            for table in warehouse.EXTRACTED_TABLES:
                con.execute(f"delete from raw.{table} where document_id = ?", [document_id])
            con.execute(
                "update raw.documents set status='quarantined', reason=?, detail=?, text=null "
                "where document_id=? and status='loaded'",
                [outcome.reason, outcome.detail, document_id],
            )
            con.execute("commit")
        else:
            warehouse.store_extraction(con, document_id, outcome, extractor_version())
        frames: dict[str, pd.DataFrame] = {
            table: con.execute(f"select * from raw.{table} where document_id = ? order by all", [document_id]).df()
            for table in warehouse.EXTRACTED_TABLES
        }
    storage.write_document(document_id, frames)
    return {table: len(frame) for table, frame in frames.items()}
