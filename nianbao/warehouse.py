"""Writes the Python stages' output into the `raw` schema of the working DuckDB.

This is the only module that writes raw tables. It keeps the extraction cache
keyed by content hash: a document whose bytes and extractor version are
unchanged is not re-extracted; figures of documents that are no longer loaded
(changed or deleted files) are removed. Callers open one connection per stage
and close it (DuckDB allows one writing process).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, replace
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pandas as pd

from nianbao.schema import (
    RAW_DDL,
    Candidate,
    DocumentRecord,
    Event,
    ExtractionResult,
    Figure,
    RegionRecord,
    activity_id,
    column_names,
    figure_id,
)

FIGURE_COLUMNS = ["figure_id", "document_id"] + [c for c in column_names(Figure)]
EVENT_COLUMNS = ["activity_id", "document_id"] + [c for c in column_names(Event)]
CANDIDATE_COLUMNS = ["document_id"] + [c for c in column_names(Candidate)]
# the tables holding what was extracted from one document (replaced or pruned together)
EXTRACTED_TABLES = ("figures", "events", "candidates", "extractions")


@contextmanager
def connect(path: Path, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open the working database with the raw schema in place; always closes."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path), read_only=read_only)
    try:
        if not read_only:
            con.execute("create schema if not exists raw")
            for name, ddl in RAW_DDL.items():
                con.execute(ddl)
                _add_missing_columns(con, name, ddl)
        yield con
    finally:
        con.close()


def _add_missing_columns(con: duckdb.DuckDBPyConnection, table: str, ddl: str) -> None:
    """Bring a raw table made by an older version up to its DDL: add the columns it lacks.

    The DDL is the one source of the columns; it is created as an empty temp table
    and compared, so a new column never needs a hand-written migration.
    """
    temp = f"_expected_{table}"
    con.execute(
        ddl.replace(f"create table if not exists raw.{table}", f"create or replace temp table {temp}", 1).replace(
            " primary key", ""
        )
    )
    want = con.execute(
        f"select column_name, data_type from duckdb_columns() where table_name = '{temp}' order by column_index"
    ).fetchall()
    have = {
        r[0]
        for r in con.execute(
            "select column_name from duckdb_columns() where schema_name = 'raw' and table_name = ?", [table]
        ).fetchall()
    }
    for column, data_type in want:
        if column not in have:
            con.execute(f'alter table raw.{table} add column "{column}" {data_type}')
    con.execute(f"drop table {temp}")


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _insert(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    if frame.empty:
        return
    con.register("_incoming", frame)
    cols = ", ".join(f'"{c}"' for c in frame.columns)
    con.execute(f"insert into {table} ({cols}) select {cols} from _incoming")
    con.unregister("_incoming")


def _utf8(value):
    """`value`, with anything DuckDB cannot store as UTF-8 (lone surrogates) escaped: one odd
    name must never stop the writer (ingest already escapes names; this is the last guard)."""
    if not isinstance(value, str):
        return value
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        return value.encode("utf-8", "backslashreplace").decode("utf-8")


def simplified_text(text: str | None, stored: str | None = None) -> str | None:
    """The simplified copy of a document's text stored beside it (`DocumentRecord.text_simplified`):
    traditional characters made simplified, length kept (`normalize.for_matching`); None when it
    equals the text (or there is none). `stored`: the copy already read back with the record."""
    if not text:
        return None
    if stored is not None and len(stored) == len(text):
        return stored
    from nianbao.extract.normalize import for_matching

    out = _utf8(for_matching(text))
    return out if out != text and len(out) == len(text) else None


def sync_documents(
    con: duckdb.DuckDBPyConnection, records: Iterable[DocumentRecord], kept: Iterable[str] = ()
) -> dict[str, int]:
    """Replace the current view of the raw folder; files no longer there become 'removed'.

    `kept`: the source files whose records are their stored rows as read back
    (`unchanged_files`, not changed since): only their `last_seen_at` is updated, the rows
    (and their texts) are not written again.

    Returns counts by status for this run (removed counted separately).
    """
    now = _now()
    records = list(records)
    seen = {_utf8(r.source_file) for r in records}
    kept = set(kept)
    kept_rows = {_utf8(f) for f in kept} & seen  # (the stored names)
    previous = dict(con.execute("select source_file, first_seen_at from raw.documents").fetchall())
    rows = []
    for r in records:
        if r.source_file in kept:
            continue
        row = {k: _utf8(v) for k, v in asdict(r).items()}
        row["text_simplified"] = simplified_text(row["text"], row.get("text_simplified"))
        row["first_seen_at"] = previous.get(row["source_file"], now)
        row["last_seen_at"] = now
        rows.append(row)
    con.execute("begin")
    con.execute(
        "delete from raw.documents where source_file in (select unnest(?::varchar[]))", [sorted(seen - kept_rows)]
    )
    _insert(con, "raw.documents", pd.DataFrame(rows))
    if kept_rows:
        con.execute(
            "update raw.documents set last_seen_at = ? where source_file in (select unnest(?::varchar[]))",
            [now, sorted(kept_rows)],
        )
    removed = [f for f in previous if f not in seen]
    con.execute(
        "update raw.documents set status = 'removed', reason = null, "
        "detail = 'file no longer in the raw folder', text = null, text_simplified = null "
        "where source_file in (select unnest(?::varchar[]))",
        [removed],
    )
    con.execute("commit")
    counts: dict[str, int] = {}
    for r in records:
        counts[r.status] = counts.get(r.status, 0) + 1
    counts["removed"] = len(removed)
    return counts


def unchanged_files(
    con: duckdb.DuckDBPyConnection, stats: dict[str, tuple[int, int]], extractor_version: str, texts: bool = True
) -> dict[str, DocumentRecord]:
    """source_file → its loaded record, for the files whose (size, mtime_ns) in `stats` are
    those stored when they were read, and whose text was extracted with this version (which
    covers the code that makes the text): what ingest need not read again. With `texts=False`
    the records come without `text` and `text_simplified` (None): `with_texts` adds them back
    to the records that need them."""
    if not stats:
        return {}
    names = [c for c in column_names(DocumentRecord) if texts or c not in _TEXTS]
    rows = con.execute(
        f"""
        select s.bytes, s.mtime_ns, {", ".join("d." + n for n in names)}
        from raw.file_stats s
        join raw.documents d on d.source_file = s.source_file and d.document_id = s.document_id
        join raw.extractions x on x.document_id = d.document_id and x.extractor_version = ?
        where d.status = 'loaded' and not coalesce(d.is_link, false)
        """,
        [extractor_version],
    ).fetchall()
    out = {}
    for size, mtime_ns, *values in rows:
        rec = DocumentRecord(**dict(zip(names, values)))
        if stats.get(rec.source_file) == (size, mtime_ns):
            out[rec.source_file] = rec
    return out


_TEXTS = ("text", "text_simplified")


def with_texts(
    con: duckdb.DuckDBPyConnection, records: list[DocumentRecord], skip: Iterable[str] = ()
) -> list[DocumentRecord]:
    """`records` with the stored text of every loaded one read back without it (`unchanged_files`
    with `texts=False`), from its document's loaded row; those of the source files in `skip`
    (kept as stored, `sync_documents`) are left without."""
    skip = set(skip)

    def lacks(r: DocumentRecord) -> bool:
        return r.status == "loaded" and r.text is None and r.source_file not in skip

    need = sorted({r.document_id for r in records if lacks(r) and r.document_id})
    if not need:
        return records
    found = {
        d: (t, ts)
        for d, t, ts in con.execute(
            "select document_id, any_value(text), any_value(text_simplified) from raw.documents "
            "where document_id in (select unnest(?::varchar[])) and status = 'loaded' and text is not null "
            "group by document_id",
            [need],
        ).fetchall()
    }
    return [
        replace(r, text=found[r.document_id][0], text_simplified=found[r.document_id][1])
        if lacks(r) and r.document_id in found
        else r
        for r in records
    ]


def store_file_stats(
    con: duckdb.DuckDBPyConnection, stats: dict[str, tuple[int, int]], records: Iterable[DocumentRecord]
) -> int:
    """Replace raw.file_stats with the (size, mtime_ns) taken before reading of every loaded
    file (not links). Returns how many rows."""
    rows = [
        (r.source_file, *stats[r.source_file], r.document_id)
        for r in records
        if r.status == "loaded" and not r.is_link and r.source_file in stats
    ]
    con.execute("begin")
    con.execute("delete from raw.file_stats")
    _insert(con, "raw.file_stats", pd.DataFrame(rows, columns=["source_file", "bytes", "mtime_ns", "document_id"]))
    con.execute("commit")
    return len(rows)


#: loaded documents not yet extracted with the extractor version given as the parameter
_NOT_EXTRACTED = """
        from raw.documents d
        left join raw.extractions x
          on x.document_id = d.document_id and x.extractor_version = ?
        where d.status = 'loaded' and x.document_id is null
"""


def documents_to_extract(
    con: duckdb.DuckDBPyConnection, extractor_version: str, document_id: str | None = None
) -> list[tuple[str, str, str]]:
    """(document_id, source_file, text) of loaded documents not yet extracted with this version
    (only `document_id`'s, when given)."""
    only = " and d.document_id = ?" if document_id is not None else ""
    return con.execute(
        f"select d.document_id, min(d.source_file), any_value(d.text) {_NOT_EXTRACTED}{only} "
        "group by d.document_id order by 2",
        [extractor_version] + ([document_id] if document_id is not None else []),
    ).fetchall()


def document_ids_to_extract(con: duckdb.DuckDBPyConnection, extractor_version: str) -> list[str]:
    """The ids of `documents_to_extract` (without their text), sorted."""
    return [
        r[0]
        for r in con.execute(
            f"select distinct d.document_id {_NOT_EXTRACTED} order by 1", [extractor_version]
        ).fetchall()
    ]


def store_extraction(
    con: duckdb.DuckDBPyConnection, document_id: str, result: ExtractionResult, extractor_version: str
) -> None:
    """Replace everything extracted from one document, in one transaction."""
    store_extractions(con, [(document_id, result)], extractor_version)


#: documents written per transaction by `store_extractions` (bounds the frames held in memory)
STORE_BATCH = 2000


def _columns(
    objs: list, names: list[str], document_id: list[str], ids: list[str] | None = None, id_name: str | None = None
) -> pd.DataFrame:
    """One frame, column by column, of dataclass instances (all their fields are scalars)."""
    data = {}
    if id_name:
        data[id_name] = ids
    data["document_id"] = document_id
    for n in names:
        data[n] = [getattr(o, n) for o in objs]
    return pd.DataFrame(data, columns=list(data))


def store_extractions(
    con: duckdb.DuckDBPyConnection,
    results: Iterable[tuple[str, ExtractionResult]],
    extractor_version: str,
    batch: int = STORE_BATCH,
) -> int:
    """Replace everything extracted from each (document_id, result), in bulk: per batch of
    documents one transaction, one delete and one insert per table (the rows, their
    order and their ids are those of one `store_extraction` per document). Returns how
    many documents were stored."""
    results = list(results)
    last = {document_id: i for i, (document_id, _) in enumerate(results)}
    results = [r for i, r in enumerate(results) if last[r[0]] == i]  # a document given twice: its last result
    for i in range(0, len(results), batch):
        _store_batch(con, results[i : i + batch], extractor_version)
    return len(results)


def _store_batch(
    con: duckdb.DuckDBPyConnection, results: list[tuple[str, ExtractionResult]], extractor_version: str
) -> None:
    figs, fig_docs, fig_ids = [], [], []
    evs, ev_docs, ev_ids = [], [], []
    cands, cand_docs = [], []
    now = _now()
    extractions = []
    for document_id, result in results:
        figs += result.figures
        fig_docs += [document_id] * len(result.figures)
        fig_ids += [figure_id(document_id, f) for f in result.figures]
        evs += result.events
        ev_docs += [document_id] * len(result.events)
        ev_ids += [activity_id(document_id, e) for e in result.events]
        cands += result.candidates
        cand_docs += [document_id] * len(result.candidates)
        extractions.append(
            (
                document_id,
                extractor_version,
                result.library_name,
                result.report_year,
                len(result.figures),
                len(result.events),
                now,
            )
        )
    ids = sorted({d for d, _ in results})
    con.execute("begin")
    for table in EXTRACTED_TABLES:
        con.execute(f"delete from raw.{table} where document_id in (select unnest(?::varchar[]))", [ids])
    _insert(con, "raw.figures", _columns(figs, FIGURE_COLUMNS[2:], fig_docs, fig_ids, "figure_id"))
    _insert(con, "raw.events", _columns(evs, EVENT_COLUMNS[2:], ev_docs, ev_ids, "activity_id"))
    _insert(con, "raw.candidates", _columns(cands, CANDIDATE_COLUMNS[1:], cand_docs))
    _insert(
        con,
        "raw.extractions",
        pd.DataFrame(
            extractions,
            columns=[
                "document_id",
                "extractor_version",
                "library_name",
                "report_year",
                "n_figures",
                "n_events",
                "extracted_at",
            ],
        ),
    )
    con.execute("commit")


def prune_orphans(con: duckdb.DuckDBPyConnection) -> int:
    """Delete extractions of documents that are no longer loaded; returns how many."""
    orphans = [
        r[0]
        for r in con.execute(
            "select document_id from raw.extractions where document_id not in "
            "(select document_id from raw.documents where status = 'loaded')"
        ).fetchall()
    ]
    if orphans:
        con.execute("begin")
        for table in EXTRACTED_TABLES:
            con.execute(f"delete from raw.{table} where document_id in (select unnest(?::varchar[]))", [orphans])
        con.execute("commit")
    return len(orphans)


def store_regions(con: duckdb.DuckDBPyConnection, regions: Iterable[RegionRecord]) -> int:
    frame = pd.DataFrame([asdict(r) for r in regions])
    con.execute("begin")
    con.execute("delete from raw.regions")
    _insert(con, "raw.regions", frame)
    con.execute("commit")
    return len(frame)


def store_libraries(
    con: duckdb.DuckDBPyConnection,
    rows: Iterable[tuple[str, str | None, str] | tuple[str, str | None, str, str | None]],
) -> int:
    """(library_name, region_code or None, kind[, canonical_name]) for every library name the
    figures use; names with one canonical name (如皋图书馆, 如皋市图书馆) are one library in dbt."""
    rows = [tuple(r) + (None,) * (4 - len(r)) for r in rows]
    frame = pd.DataFrame(rows, columns=["library_name", "region_code", "kind", "canonical_name"])
    con.execute("begin")
    con.execute("delete from raw.libraries")
    _insert(con, "raw.libraries", frame)
    con.execute("commit")
    return len(frame)


def library_names_in_use(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [
        r[0]
        for r in con.execute(
            "select distinct coalesce(f.library_name, x.library_name) from raw.figures f "
            "join raw.extractions x using (document_id) where coalesce(f.library_name, x.library_name) is not null "
            "union select distinct library_name from raw.extractions where library_name is not null "
            "order by 1"
        ).fetchall()
    ]
