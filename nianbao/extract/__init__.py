"""Figure and event extraction from one report's text (pure Python, no dagster).

`extract_document(text, source_file=None) -> ExtractionResult` with the
document's library name and report year, its figures (prose, label:value lines
and tables) and its events (from `nianbao.extract.events`).

Modules, one job each:
  numbers        parse/find numbers, units, qualifiers, ranges
  lexicon        the rules as data (cues, units, scope/segment/period/flow words)
  normalize      NFKC and traditional→simplified, length preserved
  segment        lines, sentences, clauses, headings, web-page junk, section years
  classify       number + context → metric
  attribute      library/report year of the document; year/scope/segment/period per figure
  prose          figures in running text and label:value lines
  table_figures  figures in tables (tables from `tables.find_tables`)
  groups         parts and totals (其中 / 等 / tables), group ids
  candidates     every number of the text, and why it is (not) a figure

Nothing here swallows an error: a failing document raises, and the pipeline
quarantines it as `extraction_error`.
"""

from __future__ import annotations

from ..schema import ExtractionResult, Figure
from . import attribute as at
from . import lexicon as lx
from .candidates import find_candidates
from .english import english_figures
from .events import extract_events
from .groups import assign_groups
from .normalize import arabic_years, for_matching, unspin
from .prose import prose_figures, resolve_shares
from .segment import Sections, is_junk, join_soft_wraps, lines
from .table_figures import form_line_figures, table_figures

__all__ = ["extract_document", "extract_figures", "matching_text"]


def _tables(text: str):
    from .tables import find_tables

    return find_tables(text)


def _subtract(spans: list[tuple[int, int]], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for a, b in spans:
        cur = [(a, b)]
        for ha, hb in holes:
            nxt = []
            for x, y in cur:
                if hb <= x or ha >= y:
                    nxt.append((x, y))
                else:
                    if x < ha:
                        nxt.append((x, ha))
                    if hb < y:
                        nxt.append((hb, y))
            cur = nxt
        out.extend(cur)
    return out


def matching_text(text: str) -> str:
    """The text the rules read: simplified characters, a spun copy's swapped words undone,
    Cantonese particles as standard written ones, years in Arabic digits, soft wraps joined
    (same offsets)."""
    return join_soft_wraps(arabic_years(unspin(for_matching(text)).translate(lx.DIALECT_CHARS)))


def extract_figures(
    text: str, mt: str | None = None, tables: list | None = None
) -> tuple[str | None, int | None, list[Figure]]:
    """(library, report year, figures) of `text`; `mt` is its `matching_text` and
    `tables` its `tables.find_tables(text)` when known (found here otherwise)."""
    mt = matching_text(text) if mt is None else mt
    library = at.library_name(mt)
    if library and mt != text:
        # report the name as written in the original text
        i = mt.find(library)
        library = text[i : i + len(library)] if i >= 0 else library
    year = at.report_year(mt)
    tables = _tables(text) if tables is None else tables
    tspans = [(t.start, t.end) for t in tables]
    holes = [(c.start, c.end) for t in tables for c in t.preamble]
    # a long sentence-like cell is prose that happens to sit in a table (or a mis-detected table)
    holes += [
        (c.start, c.end)
        for t in tables
        for r in [t.header] + list(t.rows)
        for c in r
        if len(c.text) > 40 or "。" in c.text
    ]
    skip = _subtract(tspans, holes)
    skip += [(ln.start, ln.end) for ln in lines(mt) if is_junk(ln.text)]
    sections = Sections(mt, year, skip=tspans)
    figs, shares = prose_figures(text, mt, library, year, sections, skip)
    en_figs = english_figures(mt, skip)  # figures written in English (english.py)
    figs += en_figs
    figs += table_figures(tables, text, year, sections, mt)
    figs += form_line_figures(text, mt, year, sections, tspans)
    figs += resolve_shares(shares, figs, mt, text, sections)
    # one figure per span, metric and stated library (one statement about two places is two figures)
    seen, uniq = set(), []
    for f in sorted(figs, key=lambda f: (f.char_start, f.char_end)):
        k = (f.char_start, f.char_end, f.metric, f.library_name)
        if k in seen:
            continue
        seen.add(k)
        uniq.append(f)
    assign_groups(uniq, mt)
    en_years = [(f, f.year) for f in en_figs if f.year is not None]
    at.attribute_figures(uniq, mt, library, year)  # who, which year, how sure (attribute.py)
    for f, y in en_years:
        f.year = y  # an English passage's year words are read by english.py (attribute.py reads Chinese ones)
    return library, year, _distinct_after_attribution(uniq)


def _distinct_after_attribution(figs: list[Figure]) -> list[Figure]:
    """One figure per span, metric, segment, scope and library: a statement read for two
    subjects (甲和乙…) that attribution gives one library is one figure, not two."""
    seen, out = set(), []
    for f in figs:
        k = (f.char_start, f.char_end, f.kind, f.metric, f.segment, f.scope, f.library_name)
        if k not in seen:
            seen.add(k)
            out.append(f)
    return out


def _per_document_caches() -> tuple:
    """The caches keyed by a document's text (offsets, mentions): asked again and again
    while one document is extracted, never useful for the next one."""
    from . import numbers, segment, subjects

    return (
        segment.sentence_bounds,
        segment.clause_bounds,
        segment.lines,
        numbers.quantity_matches,
        subjects.mentions,
        subjects.default_subject,
    )


def extract_document(text: str, source_file: str | None = None) -> ExtractionResult:
    """Figures, events and candidates of one document. Raises on any failure: the
    pipeline quarantines the document as `extraction_error` with the message."""
    for cache in _per_document_caches():
        cache.cache_clear()  # bounded memory; a benchmark that repeats a document gains nothing
    mt = matching_text(text)
    tables = _tables(text)  # found once: the figures and the events read the same tables
    library, year, figs = extract_figures(text, mt, tables)
    events = extract_events(text, year, library, tables)
    candidates = find_candidates(text, mt, figs, tables)
    # the report year is the year the document is dated by (its title, its page's date): an undated page's
    # figures carry each its own year or none, and the evaluator and the warehouse fill a blank year with this
    report_year = year if at.document_dated(mt, year) else None
    return ExtractionResult(
        library_name=library, report_year=report_year, figures=figs, events=events, candidates=candidates
    )
