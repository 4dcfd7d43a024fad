"""Test support: build a temporary working database with raw tables and run dbt on it.

Used by the dbt model tests (tests/dbt/, tests/quality/): each test writes small
invented documents/figures/events through `nianbao.warehouse`, then runs dbt
against that file with its own target folder, so tests never touch the real
warehouse and never share dbt's target/ folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb

from nianbao import warehouse
from nianbao.config import DBT_PROJECT_DIR
from nianbao.gazetteer import load_regions, resolve_library
from nianbao.schema import DocumentRecord, Event, ExtractionResult, Figure

DBT = str(Path(sys.executable).parent / "dbt")

# the fact tables of the marts, one a measure family (fct_figures: all of them)
FACT_TABLES = [
    "fct_figures",
    "fct_visits",
    "fct_circulation",
    "fct_spending",
    "fct_registrations",
    "fct_collection",
    "fct_network",
    "fct_activities",
]


def make_document(source_file: str, text: str = "文本", status: str = "loaded", **kw) -> DocumentRecord:
    from nianbao.schema import stable_id

    kw.setdefault("document_id", stable_id("doc", source_file, text))
    return DocumentRecord(
        source_file=source_file,
        status=status,
        text=text if status == "loaded" else None,
        bytes=len(text.encode()),
        chars=len(text),
        encoding="utf-8",
        format="txt",
        **kw,
    )


def make_figure(
    metric: str,
    value: float,
    *,
    qualifier: str = "exact",
    scope: str = "library",
    segment: str = "all",
    period: str = "year",
    year: int = 2020,
    unit_raw: str = "",
    evidence: str | None = None,
    start: int = 0,
    end: int | None = None,
    **kw,
) -> Figure:
    """A figure whose evidence (`metric value` unless given) stands at `start` to `end` (the length of
    the value written out after `start` unless given)."""
    evidence = evidence if evidence is not None else f"{metric} {value}"
    return Figure(
        metric=metric,
        value=value,
        qualifier=qualifier,
        scope=scope,
        segment=segment,
        period=period,
        year=year,
        unit_raw=unit_raw,
        evidence=evidence,
        char_start=start,
        char_end=end if end is not None else start + len(str(value)),
        **kw,
    )


def make_event(
    title: str,
    event_date: date | None = None,
    *,
    precision: str = "day",
    start: int = 0,
    end: int | None = None,
    evidence: str | None = None,
    **kw,
) -> Event:
    """An event dated `event_date` to the `precision` (no precision when undated), its evidence (the
    title unless given) at `start` to `end` (the title's length after `start` unless given)."""
    return Event(
        title=title,
        event_date=event_date,
        date_precision=precision if event_date is not None else None,
        char_start=start,
        char_end=end if end is not None else start + len(title),
        evidence=evidence if evidence is not None else title,
        **kw,
    )


def build_raw(db_path: Path, docs: list[tuple[DocumentRecord, ExtractionResult | None]]) -> None:
    """Write documents and their extraction results (None for quarantined ones)."""
    with warehouse.connect(db_path) as con:
        warehouse.sync_documents(con, [d for d, _ in docs])
        for doc, result in docs:
            if result is not None and doc.status == "loaded":
                warehouse.store_extraction(con, doc.document_id, result, "test")
        warehouse.store_regions(con, load_regions())
        names = warehouse.library_names_in_use(con)
        warehouse.store_libraries(con, [(n, resolve_library(n), "library") for n in names])


def run_dbt(db_path: Path, target_dir: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    """Run a dbt command against db_path; target/log folders under target_dir."""
    env = dict(os.environ, NIANBAO_WORKING_DB=str(db_path), DBT_SEND_ANONYMOUS_USAGE_STATS="false")
    cmd = [
        DBT,
        *args,
        "--project-dir",
        str(DBT_PROJECT_DIR),
        "--profiles-dir",
        str(DBT_PROJECT_DIR),
        "--target-path",
        str(target_dir / "target"),
        "--log-path",
        str(target_dir / "logs"),
    ]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    if check and proc.returncode != 0:
        raise AssertionError(f"dbt {' '.join(args)} failed:\n{proc.stdout[-6000:]}\n{proc.stderr[-3000:]}")
    return proc


def query(db_path: Path, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()
