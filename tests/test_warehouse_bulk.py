"""`warehouse.store_extractions` writes in bulk what one `store_extraction` per document
would: the same rows in the same order, a re-stored document replaced, others kept."""

from __future__ import annotations

from datetime import date

from nianbao import warehouse
from nianbao.schema import Candidate, ExtractionResult, figure_id
from tests.dbt_support import make_event, make_figure


def _result(n: int, library: str | None = "某某图书馆") -> ExtractionResult:
    figs = [
        make_figure(
            "visits.in_person", 1000.0 * (i + 1), unit_raw="人次", evidence=f"到馆{i}", start=10 * i, end=10 * i + 5
        )
        for i in range(n)
    ]
    events = [make_event("读书会", date(2020, 5, 1), seq=1)] if n else []
    cands = [Candidate(10 * i, 10 * i + 5, str(i), float(i), None, "figure", None, None) for i in range(n + 1)]
    return ExtractionResult(
        library_name=library, report_year=2020 if n else None, figures=figs, events=events, candidates=cands
    )


def _tables(con) -> dict[str, list]:
    out = {}
    for t in warehouse.EXTRACTED_TABLES:
        cols = "* exclude (extracted_at)" if t == "extractions" else "*"
        out[t] = con.execute(f"select {cols} from raw.{t}").fetchall()
    return out


def test_bulk_equals_one_document_at_a_time(tmp_path):
    docs = [(f"d{i}", _result(i % 4, None if i == 2 else "某某图书馆")) for i in range(7)]
    with warehouse.connect(tmp_path / "one.duckdb") as con:
        for d, r in docs:
            warehouse.store_extraction(con, d, r, "v1")
        one = _tables(con)
    with warehouse.connect(tmp_path / "bulk.duckdb") as con:
        assert warehouse.store_extractions(con, docs, "v1", batch=3) == 7
        bulk = _tables(con)
    assert bulk == one
    assert len(one["figures"]) == sum(len(r.figures) for _, r in docs) > 0
    assert len(one["extractions"]) == 7


def test_restoring_replaces_only_those_documents(tmp_path):
    with warehouse.connect(tmp_path / "w.duckdb") as con:
        warehouse.store_extractions(con, [("a", _result(3)), ("b", _result(2))], "v1")
        # b again (twice: the last result wins), a untouched
        warehouse.store_extractions(con, [("b", _result(1)), ("b", _result(0))], "v2")
        rows = con.execute(
            "select document_id, extractor_version, n_figures from raw.extractions order by 1"
        ).fetchall()
        assert rows == [("a", "v1", 3), ("b", "v2", 0)]
        assert con.execute("select count(*) from raw.figures where document_id = 'b'").fetchone()[0] == 0
        ids = [r[0] for r in con.execute("select figure_id from raw.figures where document_id = 'a'").fetchall()]
        assert ids == [figure_id("a", f) for f in _result(3).figures]
        assert con.execute("select count(*) from raw.candidates where document_id = 'b'").fetchone()[0] == 1
