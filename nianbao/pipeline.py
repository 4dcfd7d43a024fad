"""The pipeline's stages as plain functions (no Dagster): ingest, extract, gazetteer, publish.

Dagster assets in `orchestration/` call these; tests and benchmarks can call
them directly. Each stage opens the working database, does its work, and
closes it again (DuckDB allows one writing process at a time).
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from nianbao import sandbox, warehouse
from nianbao.config import settings
from nianbao.schema import ExtractionResult

EXTRACT_PACKAGE = Path(__file__).parent / "extract"

#: Tables that must exist in a build before it may be published.
REQUIRED_MARTS = [
    "marts.fct_figures",
    "marts.fct_visits",
    "marts.fct_circulation",
    "marts.fct_activities",
    "marts.fct_spending",
    "marts.dim_library",
    "marts.dim_region",
    "marts.dim_year",
    "marts.dim_document",
    "marts.dq_findings",
    "marts.dq_finding_figures",
    "marts.library_year_summary",
]


def say(message: str) -> None:
    """Progress output for people running the pipeline (stderr, one line)."""
    print(f"nianbao: {message}", file=sys.stderr, flush=True)


#: the ingest code that turns a file's bytes into the text the extractor reads (.docx/.html/.pdf
#: readers, decoding, NFKC): the same bytes give other text when it changes
TEXT_SOURCES = tuple(Path(__file__).parent / "ingest" / n for n in ("formats.py", "decode.py", "normalise.py"))


def extractor_version() -> str:
    """A hash of the extractor's source and of the ingest code that makes its text:
    changing a rule, or how a .docx/.html/.pdf is read, re-extracts every document."""
    h = hashlib.sha256()
    for path in sorted(EXTRACT_PACKAGE.rglob("*.py")) + [Path(__file__).parent / "schema.py", *TEXT_SOURCES]:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


def doc_timeout_s() -> float:
    """NIANBAO_DOC_TIMEOUT (`nianbao.config.Settings.doc_timeout_s`)."""
    return settings().doc_timeout_s


# ---------------------------------------------------------------- ingest


@dataclass
class IngestSummary:
    seen: int
    by_status: dict[str, int]
    quarantined: list[tuple[str, str, str]] = field(default_factory=list)  # (file, reason, detail)


#: Set (to 1) by `cli run --allow-empty`: an empty raw folder may replace a non-empty published warehouse.
ALLOW_EMPTY_ENV = "NIANBAO_ALLOW_EMPTY"


class RawFolderError(RuntimeError):
    """The raw folder cannot be ingested (missing, the warehouse folder itself, empty); one-line message."""


def _published_beside(working: Path) -> Path:
    """The published warehouse whose working build is `working` (`x.build.duckdb` -> `x.duckdb`)."""
    return working.with_name(working.stem.removesuffix(".build") + working.suffix)


def _published_documents(published: Path) -> int:
    """Files the published warehouse accounts for (0 when there is none or it cannot be read)."""
    import duckdb

    if not published.is_file():
        return 0
    try:
        con = duckdb.connect(str(published), read_only=True)
    except Exception:  # noqa: BLE001 - a corrupt or locked file: recovery deals with it
        return 0
    try:
        return con.execute("select count(*) from marts.dim_document where status <> 'removed'").fetchone()[0]
    except Exception:  # noqa: BLE001
        return 0
    finally:
        con.close()


def raw_folder_problem(
    raw_dir: Path, published: Path, allow_empty: bool | None = None, scan: Callable[[], object] | None = None
) -> str | None:
    """Why the raw folder must not be ingested into `published`, in one line; None when it may.

    A missing path or a non-folder; the warehouse folder being the raw folder
    itself (its files would be read back); an empty folder while the published
    warehouse accounts for files (an unmounted disk must not wipe it), unless
    `allow_empty` (default: env NIANBAO_ALLOW_EMPTY). `scan`: lists the folder as
    `scan_folder(raw_dir, exclude=[published.parent])` does (the caller's own listing).
    """
    from nianbao.ingest.scan import scan_folder

    raw_dir, published = Path(raw_dir), Path(published)
    if not raw_dir.is_dir():
        return f"raw folder {raw_dir} does not exist or is not a folder (set NIANBAO_RAW_DIR)"
    if os.path.realpath(published.parent) == os.path.realpath(raw_dir):
        return (
            f"the warehouse folder {published.parent} is the raw folder {raw_dir}: its own files would be "
            "read back; put the warehouse in another folder (NIANBAO_WAREHOUSE)"
        )
    if allow_empty is None:
        allow_empty = settings().allow_empty
    if allow_empty:
        return None
    try:
        entries = (scan() if scan else scan_folder(raw_dir, exclude=[published.parent])).entries
    except OSError as exc:
        return f"raw folder {raw_dir} cannot be listed: {exc.strerror or type(exc).__name__}"
    if not entries and (n := _published_documents(published)):
        return (
            f"raw folder {raw_dir} has no files; the published warehouse {published} with {n} files is kept "
            "(an unmounted or mistyped folder?); run with --allow-empty to publish an empty warehouse"
        )
    return None


def _file_stats(scan) -> dict[str, tuple[int, int]]:
    """source_file → (size, mtime_ns) of every file entry (not links) of a scan."""
    out = {}
    for e in scan.entries:
        if e.is_link:
            continue
        try:
            st = os.stat(e.path, follow_symlinks=False)
        except OSError:
            continue
        out[e.source_file] = (st.st_size, st.st_mtime_ns)
    return out


def ingest(raw_dir: Path, working: Path, progress: bool = True, published: Path | None = None) -> IngestSummary:
    """Read every file of the raw folder into raw.documents.

    The warehouse folder (beside `working`) is skipped when it is inside the
    raw folder, with one line saying so. Raises `RawFolderError` (one line)
    when `raw_folder_problem` finds one.
    """
    from nianbao.ingest.reader import read_entries
    from nianbao.ingest.scan import scan_folder

    published = Path(published) if published else _published_beside(Path(working))
    scans = []  # the folder listed once: for the checks, then for the reading

    def listing():
        scans.append(scan_folder(raw_dir, exclude=[published.parent]))
        return scans[-1]

    problem = raw_folder_problem(raw_dir, published, scan=listing)
    if problem:
        raise RawFolderError(problem)
    scan = scans[-1] if scans else listing()
    for folder, why in scan.skipped:
        say(f"skipped {folder}: {why}")
    stats = _file_stats(scan)  # taken before reading: a file changed meanwhile is read again next time
    with warehouse.connect(working) as con:
        # without their texts: a file unchanged keeps its stored row, text included
        reuse = warehouse.unchanged_files(con, stats, extractor_version(), texts=False)
    if reuse:
        say(f"{len(reuse)} files unchanged since they were read (same size and modification time): not read again")
    records = read_entries(scan, progress=progress, reuse=reuse)
    with warehouse.connect(working) as con:
        # a file read back unchanged keeps its stored row (only seen again): not written again
        kept = {r.source_file for r in records if reuse.get(r.source_file) == r}
        records = warehouse.with_texts(con, records, skip=kept)
        counts = warehouse.sync_documents(con, records, kept=kept)
        warehouse.store_file_stats(con, stats, records)
    quarantined = [(r.source_file, r.reason or "", r.detail or "") for r in records if r.status == "quarantined"]
    for f, reason, detail in quarantined:
        say(f"quarantined {f}: {reason}" + (f" ({detail})" if detail else ""))
    summary = IngestSummary(seen=len(records), by_status=counts, quarantined=quarantined)
    say(f"read {summary.seen} files: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return summary


# ---------------------------------------------------------------- extract


@dataclass
class ExtractSummary:
    extracted: int
    skipped_unchanged: int
    failed: list[tuple[str, str]]
    figures: int
    events: int
    pruned: int


def _extract_one(text: str, source_file: str) -> ExtractionResult:
    from nianbao.extract import extract_document

    return extract_document(text, source_file)


def extract_workers(todo: int | None = None) -> int:
    """Worker processes for extraction: NIANBAO_EXTRACT_WORKERS (`nianbao.config.Settings.extract_workers`;
    0, the default: the cores this process may use), never more than the `todo` documents."""
    n = settings().extract_workers or usable_cores()
    return max(1, min(n, todo) if todo is not None else n)


def usable_cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # not Linux
        return os.cpu_count() or 1


#: documents stored per transaction while extraction runs (bounds the results held in memory)
EXTRACT_STORE_BATCH = 200


def extract(working: Path, progress: bool = True, workers: int | None = None) -> ExtractSummary:
    """Extract figures and events from every loaded document not yet extracted.

    Documents run on `workers` sandbox children side by side (default
    `extract_workers()`; `nianbao.sandbox.Pool`), each with its own time limit
    (NIANBAO_DOC_TIMEOUT) and the memory cap: a document that times out kills
    only its own worker (restarted for the next document); one that times out
    or crashes the extractor is quarantined with the reason, and the run goes
    on. Results are stored in the order of the documents, whatever the number
    of workers, EXTRACT_STORE_BATCH documents at a time while the others run
    (a stopped run keeps what it stored: the cache of the next one). A stop
    request (SIGTERM/SIGINT) kills every worker.
    """
    from nianbao import stopping

    version = extractor_version()
    with warehouse.connect(working) as con:
        todo = warehouse.documents_to_extract(con, version)
        loaded = con.execute("select count(distinct document_id) from raw.documents where status='loaded'").fetchone()[
            0
        ]
    workers = extract_workers(len(todo)) if workers is None else max(1, min(workers, max(len(todo), 1)))
    say(
        f"extracting {len(todo)} documents ({loaded - len(todo)} unchanged, kept from the last run)"
        + (f" on {workers} workers" if workers > 1 else "")
    )
    timeout = doc_timeout_s()
    outcomes: dict[int, object] = {}
    failed: list[tuple[str, str, str, str]] = []  # (document_id, source_file, reason, detail)
    counts = {"extracted": 0, "figures": 0, "ratios": 0, "events": 0}
    stored = 0  # todo[:stored] are stored (or failed)

    def store_ready(con, final: bool = False) -> None:
        """Store the results of the documents done so far, in the documents' order (independent
        of `workers`), a batch at a time: the results of a whole corpus are never all held in
        memory (issue 11: the run's process grew with every document until the store)."""
        nonlocal stored
        end = stored
        while end in outcomes:
            end += 1
        if not final and end - stored < EXTRACT_STORE_BATCH:
            return
        results: list[tuple[str, ExtractionResult]] = []
        for i in range(stored, end):
            document_id, source_file, _ = todo[i]
            outcome = outcomes.pop(i)
            if isinstance(outcome, sandbox.ChildTimeout):
                failed.append((document_id, source_file, "timeout", f"extraction took longer than {timeout:.0f} s"))
            elif isinstance(outcome, (sandbox.ChildError, sandbox.ChildDied)):  # one bad report must not stop the run
                failed.append((document_id, source_file, "extraction_error", str(outcome)[:300]))
            else:
                results.append((document_id, outcome))
                counts["extracted"] += 1
                counts["ratios"] += sum(1 for f in outcome.figures if f.kind == "ratio")
                counts["figures"] += len(outcome.figures)
                counts["events"] += len(outcome.events)
        warehouse.store_extractions(con, results, version)  # in bulk: one insert per table per batch
        stored = end

    with (
        warehouse.connect(working) as con,
        sandbox.Pool(workers, preload=("nianbao.extract",)) as pool,
        tqdm(total=len(todo), desc="extract", unit="doc", disable=not progress or not todo, file=sys.stderr) as bar,
    ):
        for i, outcome in pool.run(_extract_one, [(text, source_file) for _, source_file, text in todo], timeout):
            outcomes[i] = outcome
            bar.update(1)
            stopping.check()
            store_ready(con)
        store_ready(con, final=True)
    with warehouse.connect(working) as con:
        for document_id, source_file, reason, detail in failed:
            say(f"quarantined {source_file}: {reason} ({detail})")
            con.execute(
                "update raw.documents set status='quarantined', reason=?, detail=?, text=null "
                "where document_id=? and status='loaded'",
                [reason, detail, document_id],
            )
        pruned = warehouse.prune_orphans(con)
        _store_library_regions(con)
        n_fig, n_ev = con.execute(
            "select (select count(*) from raw.figures), (select count(*) from raw.events)"
        ).fetchone()
    summary = ExtractSummary(
        extracted=counts["extracted"],
        skipped_unchanged=loaded - len(todo),
        failed=[(f, r) for _, f, r, _ in failed],
        figures=n_fig,
        events=n_ev,
        pruned=pruned,
    )
    say(
        f"found {counts['figures'] - counts['ratios']} figures, {counts['ratios']} stated ratios and "
        f"{counts['events']} events in {counts['extracted']} documents; the raw tables hold {n_fig} figures "
        f"and ratios, {n_ev} events"
    )
    return summary


def _store_library_regions(con) -> None:
    """Each library name in use with its region, kind and canonical name (one library, one name)."""
    from nianbao.extract.libraries import canonical_library
    from nianbao.gazetteer import place_part, resolve_library

    rows = []
    for name in warehouse.library_names_in_use(con):
        canonical = canonical_library(name) or name
        code = resolve_library(canonical) or resolve_library(name)
        kind = "library" if place_part(name) != name else "region"
        rows.append((name, code, kind, canonical))
    warehouse.store_libraries(con, rows)


# ---------------------------------------------------------------- gazetteer


def load_gazetteer(working: Path) -> int:
    from nianbao.gazetteer import load_regions

    with warehouse.connect(working) as con:
        n = warehouse.store_regions(con, load_regions())
    say(f"gazetteer: {n} regions (province, prefecture, county)")
    return n


# ---------------------------------------------------------------- publish


def publish(working: Path, published: Path) -> None:
    from nianbao.publish import publish as atomic_publish

    atomic_publish(working, published, required_tables=REQUIRED_MARTS)
    say(f"published {published}")


def recover(working: Path, published: Path) -> None:
    """Clean up after a killed run. If another process still holds the working
    database (e.g. a dbt child orphaned by a kill -9 of its parent), wait for it
    up to NIANBAO_LOCK_WAIT seconds (default 300), then fail with that reason."""
    import time

    from nianbao.publish import PublishError
    from nianbao.publish import recover as recover_files

    deadline = time.monotonic() + settings().lock_wait_s
    while True:
        try:
            recover_files(working, published)
            return
        except PublishError as exc:
            if "in use by another process" not in str(exc) or time.monotonic() > deadline:
                raise
            say("the working database is locked by another process; waiting for it to finish")
            time.sleep(2)
