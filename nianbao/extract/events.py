"""Events listed in a report: event-table rows and dated sentences (being written)."""

from __future__ import annotations

from nianbao.schema import Event


def extract_events(text: str, report_year: int | None, library_name: str | None = None) -> list[Event]:
    return []
