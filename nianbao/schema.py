"""The contract between the Python stages and dbt: records and raw-table DDL.

Ingest produces `DocumentRecord`s, extraction produces `Figure`s and `Event`s,
the gazetteer produces `RegionRecord`s. `nianbao.warehouse` writes them to the
`raw` schema of the working DuckDB file with the DDL below; dbt declares these
tables as sources. Adding a column here means adding it to the DDL, the
dataclass and the dbt source YAML together.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path

# ---------------------------------------------------------------- documents

DOCUMENT_STATUSES = ("loaded", "duplicate", "quarantined", "removed")
QUARANTINE_REASONS = (
    "empty",  # zero bytes or only whitespace
    "binary",  # bytes that are not text (image, archive, random data)
    "undecodable",  # text-like but no encoding decodes it
    "too_large",  # above the size limit
    "no_text",  # a container format (docx/pdf/html) with no text in it
    "unsupported_format",  # a format we cannot read (xls, doc, ...)
    "unreadable",  # the file could not be opened (permissions, I/O error)
    "timeout",  # reading or extraction took longer than the per-document limit
    "extraction_error",  # the extractor raised; the message is in `detail`
    "outside_raw_folder",  # a symbolic link whose real path is outside the raw folder: never read
)


@dataclass
class DocumentRecord:
    """One file seen in the raw folder, whatever happened to it."""

    document_id: str  # sha256 hex of the file's bytes ('' when unreadable)
    source_file: str  # path relative to the raw folder, '/'-separated
    status: str  # one of DOCUMENT_STATUSES
    reason: str | None = None  # one of QUARANTINE_REASONS when quarantined
    detail: str | None = None  # one human-readable line: what exactly went wrong
    format: str | None = None  # txt, docx, html, pdf, ...
    encoding: str | None = None
    bytes: int = 0
    chars: int = 0
    text: str | None = None  # normalised (NFKC) text; None unless loaded
    duplicate_of: str | None = None  # source_file of the loaded twin, for duplicates
    library_name: str | None = None
    report_year: int | None = None
    is_link: bool = False  # a symbolic link (followed once when inside the raw folder)
    link_target: str | None = None  # for a link inside the raw folder: the source_file it points to
    # `text` with traditional characters made simplified, same length (offsets are shared;
    # `nianbao.extract.normalize.for_matching`): what the word rules of the checks read.
    # None when it would equal `text` (readers take coalesce(text_simplified, text)).
    text_simplified: str | None = None


# ---------------------------------------------------------------- figures


def _seed_column(seed: str, column: str) -> tuple[str, ...]:
    """One column of a dbt seed (dbt_project/seeds/<seed>.csv): the one source of a code list."""
    path = Path(__file__).resolve().parent.parent / "dbt_project" / "seeds" / f"{seed}.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        return tuple(row[column] for row in csv.DictReader(fh))


METRICS = _seed_column("metrics", "metric")  # the indicator vocabulary of the spec
QUALIFIERS = ("exact", "at_least", "approx", "at_most", "range")
SCOPES = ("library", "system", "branches", "service_points", "region", "unknown")
PERIODS = ("year", "partial", "plan")
#: the years a figure may describe: the extractor reads years from 1900 (民国 years of county
#: gazetteers included) and the checks of the published marts accept the same range
YEAR_BOUNDS = (1900, 2100)
KINDS = ("figure", "ratio")


@dataclass
class Figure:
    """One stated figure. `kind='ratio'` rows are stated ratios (per 10 000,
    per capita, percentages) kept for ratio checks; they do not reach fct_figures.
    """

    metric: str  # a code of METRICS (kind figure) or a ratio code (kind ratio)
    value: float  # base units (persons, volumes, yuan, ...)
    qualifier: str  # QUALIFIERS
    scope: str  # SCOPES
    segment: str  # 'all' or a short lower-case subset code
    period: str  # PERIODS
    year: int | None  # the year the figure describes
    unit_raw: str  # the unit as written: 人次, 万元, 组家庭 ...
    evidence: str  # the sentence or table cell it came from
    char_start: int  # span of the number (with its unit) in the normalised text
    char_end: int
    value_high: float | None = None  # only for qualifier 'range'
    library_name: str | None = None  # the library (or region) it belongs to; None = the report's own
    kind: str = "figure"  # KINDS
    # Lists of parts and their total (sum checks). Figures stated in one
    # enumeration share a group_id (unique within the document); group_role is
    # 'total' or 'part'; group_complete says whether the list claims to be
    # complete (a table with no 其他/等 row: True; a list ending in 等 or
    # introduced by 其中: False).
    group_id: str | None = None
    group_role: str | None = None
    group_complete: bool | None = None
    # For kind 'ratio': value = stated ratio; value is numerator/denominator*scale.
    ratio_numerator: str | None = None  # a metric code
    ratio_denominator: str | None = None  # a metric code
    ratio_scale: float | None = None  # 10000 for 每万人, 1 per capita, 100 for %
    table_id: str | None = None  # set when the figure came from a table
    # 0-1: how sure the extractor is of the metric *and* the attribution
    # (library, year, scope); set by `nianbao.extract.attribute.confidence`.
    confidence: float = 1.0


@dataclass
class Event:
    """One event listed in a report (an event-table row or a dated sentence)."""

    title: str
    event_date: date | None
    date_precision: str | None  # 'day' or 'month'
    char_start: int
    char_end: int
    evidence: str
    end_date: date | None = None  # multi-day events only
    location: str | None = None
    attendance: float | None = None  # None when not given (never 0 for unknown)
    attendance_unit: str | None = None
    seq: int | None = None  # 序号 in its table, or order of appearance in text
    table_id: str | None = None  # None for events from prose
    table_title: str | None = None
    table_segment: str | None = None  # segment the table lists ('all', 'minors', ...)
    library_name: str | None = None


# ---------------------------------------------------------------- candidates

CANDIDATE_FATES = ("figure", "rejected")


@dataclass
class Candidate:
    """One number written in a document and what became of it.

    Every number (Arabic or Chinese, with or without 万/亿/千, in prose, lines
    or table cells) is a candidate; it ends as a `figure` (its span overlaps an
    extracted figure) or `rejected` with a reason code of
    `nianbao.extract.lexicon.candidates.REASONS` (date, year, phone, ...).
    """

    char_start: int  # span of the number (with its unit) in the normalised text
    char_end: int
    text: str  # the number as written (with its unit)
    value: float | None  # parsed, in base units (the figure's value when it became one)
    unit: str | None  # the unit as written after the number (万元, 人次, 年 ...), None if bare
    fate: str  # CANDIDATE_FATES
    reason: str | None = None  # why it was rejected (None for figures)
    metric: str | None = None  # the figure's metric; for a rejected number the metric its context suggests


@dataclass
class ExtractionResult:
    library_name: str | None
    report_year: int | None
    figures: list[Figure] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)


# ---------------------------------------------------------------- gazetteer


@dataclass
class RegionRecord:
    """One administrative unit of the gazetteer (province, prefecture or county)."""

    region_code: str  # 6-digit administrative code
    region_name: str
    level: str  # 'province' | 'prefecture' | 'county'
    province_code: str
    province_name: str
    prefecture_code: str | None
    prefecture_name: str | None


# ---------------------------------------------------------------- ids


def stable_id(*parts: object) -> str:
    """A short deterministic id from its parts (same input -> same id)."""
    h = hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode())
    return h.hexdigest()[:16]


def figure_id(document_id: str, f: Figure) -> str:
    """Stable per stated figure; one statement about two libraries (南京和盐城…) is two figures."""
    parts = [document_id, f.kind, f.metric, f.segment, f.scope, f.char_start, f.char_end]
    if f.library_name:  # kept out when None so that ids of single-subject figures do not change
        parts.append(f.library_name)
    return stable_id(*parts)


def activity_id(document_id: str, e: Event) -> str:
    return stable_id(document_id, e.table_id, e.seq, e.char_start, e.char_end)


def column_names(cls) -> list[str]:
    return [f.name for f in fields(cls)]


# ---------------------------------------------------------------- DDL

RAW_DDL = {
    "documents": """
        create table if not exists raw.documents (
            document_id varchar, source_file varchar primary key, status varchar,
            reason varchar, detail varchar, format varchar, encoding varchar,
            bytes bigint, chars bigint, text varchar, duplicate_of varchar,
            library_name varchar, report_year integer,
            first_seen_at timestamp, last_seen_at timestamp,
            is_link boolean, link_target varchar, text_simplified varchar
        )""",
    "extractions": """
        create table if not exists raw.extractions (
            document_id varchar primary key, extractor_version varchar,
            library_name varchar, report_year integer,
            n_figures integer, n_events integer, extracted_at timestamp
        )""",
    "figures": """
        create table if not exists raw.figures (
            figure_id varchar, document_id varchar, kind varchar, metric varchar,
            value double, value_high double, qualifier varchar, scope varchar,
            segment varchar, period varchar, year integer, library_name varchar,
            unit_raw varchar, evidence varchar, char_start integer, char_end integer,
            group_id varchar, group_role varchar, group_complete boolean,
            ratio_numerator varchar, ratio_denominator varchar, ratio_scale double,
            table_id varchar, confidence double
        )""",
    "candidates": """
        create table if not exists raw.candidates (
            document_id varchar, char_start integer, char_end integer, text varchar,
            value double, unit varchar, fate varchar, reason varchar, metric varchar
        )""",
    "events": """
        create table if not exists raw.events (
            activity_id varchar, document_id varchar, seq integer, table_id varchar,
            table_title varchar, table_segment varchar, event_date date,
            date_precision varchar, end_date date, title varchar, location varchar,
            attendance double, attendance_unit varchar, library_name varchar,
            evidence varchar, char_start integer, char_end integer
        )""",
    "regions": """
        create table if not exists raw.regions (
            region_code varchar primary key, region_name varchar, level varchar,
            province_code varchar, province_name varchar,
            prefecture_code varchar, prefecture_name varchar
        )""",
    "libraries": """
        create table if not exists raw.libraries (
            library_name varchar primary key, region_code varchar, kind varchar,
            canonical_name varchar
        )""",
    # size and modification time of each loaded file when it was read: an unchanged file
    # is not read (nor hashed) again (`warehouse.unchanged_files`)
    "file_stats": """
        create table if not exists raw.file_stats (
            source_file varchar primary key, bytes bigint, mtime_ns bigint, document_id varchar
        )""",
}
