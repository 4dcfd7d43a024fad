"""raw.candidates reaches staging.stg_nianbao__candidates; Figure.confidence reaches
marts.fct_figures (invented documents, a temporary working database)."""

from __future__ import annotations

import pytest

from nianbao.schema import Candidate, ExtractionResult
from tests.dbt_support import build_raw, make_document, make_figure, query, run_dbt


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("dbt_candidates")
    db = tmp / "working.duckdb"
    doc = make_document("2021/某县图书馆2021年报.txt", "某县图书馆2021年进馆12万人次,电话0512-1234567。")
    sure = make_figure("visits.in_person", 120000, unit_raw="万人次", start=14)
    doubtful = make_figure("visits.online", 5000, unit_raw="人次", start=40, confidence=0.4)
    cands = [
        Candidate(14, 19, "12万人次", 120000, "人次", "figure", None, "visits.in_person"),
        Candidate(24, 36, "0512-1234567", 512.0, None, "rejected", "phone", None),
        Candidate(5, 9, "2021", 2021, "年", "rejected", "year", None),
    ]
    build_raw(db, [(doc, ExtractionResult("某县图书馆", 2021, [sure, doubtful], [], cands))])
    proc = run_dbt(db, tmp, "build", check=False)
    return {"db": db, "doc": doc, "proc": proc}


def test_build_passes(built):
    assert "ERROR=0" in built["proc"].stdout, built["proc"].stdout[-3000:]


def test_candidates_answer_why_a_number_is_not_a_figure(built):
    rows = query(
        built["db"], "select text, fate, reason, metric from staging.stg_nianbao__candidates order by char_start"
    )
    assert rows == [
        ("2021", "rejected", "year", None),
        ("12万人次", "figure", None, "visits.in_person"),
        ("0512-1234567", "rejected", "phone", None),
    ]
    ids = query(built["db"], "select count(distinct candidate_id), count(*) from staging.stg_nianbao__candidates")
    assert ids == [(3, 3)]


def test_confidence_reaches_fct_figures(built):
    rows = query(built["db"], "select metric, confidence from marts.fct_figures order by metric")
    assert rows == [("visits.in_person", 1.0), ("visits.online", 0.4)]
