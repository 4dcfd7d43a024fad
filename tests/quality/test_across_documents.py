"""Checks across documents and years, on invented reports of one library:
two documents of one year → cross_document with both evidences; three years →
year_over_year on a tenfold jump and nothing on a 10 % change."""

from __future__ import annotations

import pytest

from tests.quality.support import F, Report, build, findings

LIB = "如皋市图书馆"

# the library's own report and a provincial bulletin about the same year
OWN = Report(
    "rugao_2022_report.txt",
    LIB,
    [
        F("visits.in_person", 1227435, unit_raw="人次", year=2022, start=10, evidence="全年接待读者1227435人次"),
        F("circulation.loans", 1000000, unit_raw="册次", year=2022, start=40, evidence="外借图书100万册次"),
    ],
    year=2022,
)
BULLETIN = Report(
    "province_bulletin_2022.txt",
    LIB,
    [
        F("visits.in_person", 1500000, unit_raw="万人次", year=2022, start=10, evidence="如皋市图书馆到馆150万人次"),
        # the same loans, rounded: not a contradiction
        F("circulation.loans", 1000000, unit_raw="万册次", year=2022, start=40, evidence="外借100万册次"),
    ],
    year=2022,
)

# three years of one library: events x10 from 2019 to 2020, +10 % from 2020 to 2021
Y2019 = Report("rugao_2019.txt", LIB, [F("activities.events", 100, unit_raw="场", year=2019, start=10)], year=2019)
Y2020 = Report("rugao_2020.txt", LIB, [F("activities.events", 1000, unit_raw="场", year=2020, start=10)], year=2020)
Y2021 = Report("rugao_2021.txt", LIB, [F("activities.events", 1100, unit_raw="场", year=2021, start=10)], year=2021)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    db, _ = build(tmp_path_factory.mktemp("dq_across"), [OWN, BULLETIN, Y2019, Y2020, Y2021])
    return db


def test_two_documents_of_one_library_and_year_are_a_cross_document_finding(db):
    found = findings(db, check="cross_document")
    assert len(found) == 1
    f = found[0]
    assert f["severity"] == "warn" and f["metric"] == "visits.in_person" and f["year"] == 2022
    assert f["figures"] == {OWN.fid(OWN.figures[0]): "candidate", BULLETIN.fid(BULLETIN.figures[0]): "candidate"}
    # the message names both values and both files
    for part in ("1227435", "1500000", OWN.source_file, BULLETIN.source_file):
        assert part in f["message"], f["message"]
    # one finding, not a conflict inside either document
    assert findings(db, check="conflict") == []


def test_both_evidences_are_linked_and_readable(db):
    from tests.dbt_support import query

    f = findings(db, check="cross_document")[0]
    rows = query(
        db,
        """
        select x.source_file, x.evidence from marts.dq_finding_figures ff
        join intermediate.int_figures_attributed x using (figure_id) where ff.finding_id = ? order by x.source_file""",
        [f["finding_id"]],
    )
    assert rows == [(BULLETIN.source_file, "如皋市图书馆到馆150万人次"), (OWN.source_file, "全年接待读者1227435人次")]


def test_a_tenfold_jump_is_flagged_and_ten_percent_is_not(db):
    found = findings(db, check="year_over_year")
    assert len(found) == 1
    f = found[0]
    assert f["severity"] == "info" and f["year"] == 2020 and f["source_file"] == Y2020.source_file
    assert f["figures"] == {Y2019.fid(Y2019.figures[0]): "subject", Y2020.fid(Y2020.figures[0]): "subject"}
    assert "1000" in f["message"] and "100" in f["message"] and "10 times" in f["message"]
