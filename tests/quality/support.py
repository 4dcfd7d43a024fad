"""Helpers for the data-quality model tests: small invented reports, one dbt build
per test module (the quality models and everything upstream of them, with their
data tests and unit tests), and readers for marts.dq_findings."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from nianbao.schema import Event, ExtractionResult, Figure, figure_id
from tests.dbt_support import build_raw, make_document, make_figure, query, run_dbt

F = make_figure


@dataclass
class Report:
    """One invented loaded document: its file name, library, year, figures and events."""

    source_file: str
    library_name: str
    figures: list[Figure]
    events: list[Event] = field(default_factory=list)
    year: int = 2020

    @property
    def document(self):
        return make_document(self.source_file, text=f"{self.library_name}{self.year}年报 {self.source_file}")

    @property
    def document_id(self) -> str:
        return self.document.document_id

    def fid(self, f: Figure) -> str:
        return figure_id(self.document_id, f)


def table_events(table_id: str, title: str, n: int, segment: str = "all", start: int = 5000) -> list[Event]:
    """n rows of one event table."""
    return [
        Event(
            title=f"{title} 第{i}项",
            event_date=None,
            date_precision=None,
            char_start=start + 10 * i,
            char_end=start + 10 * i + 5,
            evidence=f"{i} 活动",
            seq=i,
            table_id=table_id,
            table_title=title,
            table_segment=segment,
        )
        for i in range(1, n + 1)
    ]


def build(tmp: Path, reports: list[Report]):
    """Write the reports to a fresh working DB and build the quality models on it."""
    db = tmp / "working.duckdb"
    build_raw(
        db,
        [
            (
                r.document,
                ExtractionResult(library_name=r.library_name, report_year=r.year, figures=r.figures, events=r.events),
            )
            for r in reports
        ],
    )
    proc = run_dbt(db, tmp, "build", "--select", "+path:models/quality", "--indirect-selection", "cautious")
    return db, proc


def findings(db: Path, report: Report | None = None, check: str | None = None) -> list[dict]:
    """Findings (as dicts, with 'figures': {figure_id: role}) of one report and/or check."""
    rows = query(
        db,
        """
        select f.finding_id, f."check", f.severity, f.document_id, f.source_file, f.library_key,
               f.year, f.metric, f.message
        from marts.dq_findings f
        where (? is null or f.source_file = ?) and (? is null or f."check" = ?)
        order by f.finding_id
    """,
        [report and report.source_file] * 2 + [check] * 2,
    )
    cols = ["finding_id", "check", "severity", "document_id", "source_file", "library_key", "year", "metric", "message"]
    out = []
    for row in rows:
        d = dict(zip(cols, row))
        d["figures"] = dict(
            query(db, "select figure_id, role from marts.dq_finding_figures where finding_id = ?", [d["finding_id"]])
        )
        out.append(d)
    return out


def involving(found: list[dict], *figure_ids: str) -> list[dict]:
    """The findings that link any of these figures."""
    return [f for f in found if any(i in f["figures"] for i in figure_ids)]


def statuses(db: Path, ids: list[str]) -> dict[str, str]:
    return dict(
        query(
            db,
            "select figure_id, status from intermediate.int_figure_status "
            "where figure_id in (select unnest(?::varchar[]))",
            [ids],
        )
    )


def expected_id(check: str, ids: list[str]) -> str:
    """The conflict finding id: md5 of the check and the sorted candidate ids."""
    return hashlib.md5(f"{check}|{','.join(sorted(ids))}".encode()).hexdigest()[:16]
