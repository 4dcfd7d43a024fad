"""Each finding shows the evidence of every figure it links side by side, with file and line
(issue 9, acceptance 3): a cross_document finding shows both documents; a linked id that is no
row of marts.fct_figures (a stated ratio, a number read as no figure, a date named by its document
and offset) still shows its file, line and source line, taken from the staging tables or the id."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest
from bs4 import BeautifulSoup

from nianbao.report import build_report
from tests.report.invented_marts import RUGAO_DOC, RUGAO_TEXT, frames, write_db

BULLETIN_DOC = "b" * 64
BULLETIN_TEXT = "全省公共图书馆统计公报\n如皋市图书馆：全年办理新证 21000 张。\n"


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> BeautifulSoup:
    tables = frames()
    figures = tables["fct_figures"]
    other = figures[figures.figure_id == "f01"].copy()
    start = BULLETIN_TEXT.index("21000")
    other = other.assign(
        figure_id="g01",
        document_id=BULLETIN_DOC,
        source_file="100_bulletin.txt",
        value=21000.0,
        evidence="如皋市图书馆：全年办理新证 21000 张。",
        char_start=start,
        char_end=start + 5,
    )
    tables["fct_figures"] = pd.concat([figures, other], ignore_index=True)
    finding = {
        "finding_id": "q_cross",
        "check": "cross_document",
        "severity": "warn",
        "document_id": BULLETIN_DOC,
        "source_file": "100_bulletin.txt",
        "library_key": "rugao",
        "year": 2020,
        "metric": "users.new_registrations",
        "message": "New library cards of 如皋市图书馆 in 2020 are stated as 22454 in 002_rugao.txt, but 21000 in "
        "100_bulletin.txt: the two documents cannot both be right.",
    }
    restated = dict(finding, finding_id="q_restated", check="count_mismatch", document_id=RUGAO_DOC)
    restated.update(source_file="002_rugao.txt", message="3274 restated")
    tables["dq_findings"] = pd.concat([tables["dq_findings"], pd.DataFrame([finding, restated])], ignore_index=True)
    links = [
        {"finding_id": "q_cross", "figure_id": "f01", "role": "candidate"},
        {"finding_id": "q_cross", "figure_id": "g01", "role": "candidate"},
        {"finding_id": "q_restated", "figure_id": "c01", "role": "subject"},
        {"finding_id": "q_restated", "figure_id": "r01", "role": "stated"},
        {"finding_id": "q_restated", "figure_id": f"date:{RUGAO_DOC}:0", "role": "subject"},
    ]
    tables["dq_finding_figures"] = pd.concat([tables["dq_finding_figures"], pd.DataFrame(links)], ignore_index=True)
    docs = tables["dim_document"]
    bulletin = docs[docs.document_id == RUGAO_DOC].assign(
        document_id=BULLETIN_DOC, source_file="100_bulletin.txt", text=BULLETIN_TEXT
    )
    tables["dim_document"] = pd.concat([docs, bulletin], ignore_index=True)
    db = write_db(tmp_path_factory.mktemp("marts") / "marts.duckdb", tables)
    # a number read as no figure (a candidate) and a stated ratio: only in the staging tables
    c_start = RUGAO_TEXT.index("3274")
    r_start = RUGAO_TEXT.index("53")
    con = duckdb.connect(str(db))
    try:
        con.execute("create schema staging")
        con.execute(
            "create table staging.stg_nianbao__candidates as select 'c01' as candidate_id, ? as document_id, "
            "? as char_start, ? as char_end, '3274' as text, cast(3274 as double) as value, '份' as unit, 'rejected' as fate, "
            "'restated' as reason, cast(null as varchar) as metric",
            [RUGAO_DOC, c_start, c_start + 4],
        )
        con.execute(
            "create table staging.stg_nianbao__figures as select 'r01' as figure_id, ? as document_id, "
            "'ratio' as kind, 'activities.per_capita' as metric, cast(53 as double) as value, '共开展读者活动53次。' as evidence, "
            "? as char_start, ? as char_end",
            [RUGAO_DOC, r_start, r_start + 2],
        )
    finally:
        con.close()
    index = build_report(db, tmp_path_factory.mktemp("report") / "site")
    return BeautifulSoup((Path(index).parent / "ly" / "rugao-2020.html").read_text(encoding="utf-8"), "html.parser")


def _cards(page: BeautifulSoup, finding_id: str) -> dict[str, str]:
    sec = page.find("section", id=f"finding-{finding_id}")
    assert sec is not None, finding_id
    return {card["id"].removeprefix("fig-"): card.get_text(" ", strip=True) for card in sec.find_all(class_="fig")}


def test_a_cross_document_finding_shows_both_documents_with_file_and_line(page):
    cards = _cards(page, "q_cross")
    assert set(cards) == {"f01", "g01"}
    assert "002_rugao.txt:2" in cards["f01"] and "办理新证 22454" in cards["f01"]
    assert "100_bulletin.txt:2" in cards["g01"] and "全年办理新证 21000 张" in cards["g01"]
    sec = page.find("section", id="finding-q_cross")
    assert [m.text for m in sec.find_all("mark")][:2] == ["22454", "21000"]
    assert "002_rugao.txt · 100_bulletin.txt" in sec.find_all(class_="src")[-1].get_text(" ")


def test_a_linked_number_missing_from_the_figures_mart_shows_its_file_line_and_source_line(page):
    cards = _cards(page, "q_restated")
    assert set(cards) == {"c01", "r01", f"date:{RUGAO_DOC}:0"}
    assert "not a row of marts.fct_figures" not in " ".join(cards.values())
    assert "002_rugao.txt:5" in cards["c01"] and "大事记：新增办理读者证 3274 份" in cards["c01"]
    assert "a number read, not a figure (rejected: restated)" in cards["c01"]
    assert "002_rugao.txt:7" in cards["r01"] and "stated ratio" in cards["r01"]
    sec = page.find("section", id="finding-q_restated")
    assert "3274" in [m.text for m in sec.find_all("mark")]
    # an id that names its document and offset (a date a rule read from the text)
    assert "002_rugao.txt:1" in cards[f"date:{RUGAO_DOC}:0"]
    assert "2020年" in [m.text for m in sec.find_all("mark")]


def test_the_figures_mart_counts_only_its_own_rows(page):
    # the linked-only numbers are evidence of findings, never figures of the library-year
    assert "c01" not in page.find(id="figures").get_text(" ")
