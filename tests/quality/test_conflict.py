"""conflict: one finding per conflicting key linking every statement; parts, other
segments, scopes, periods, flows vs stocks and compatible ranges never conflict.
Also int_figure_status and library_year_summary on the same build."""

from __future__ import annotations

import pytest

from tests.quality.support import F, Report, build, expected_id, findings, involving, query, statuses

OWN = "如皋市图书馆"
OTHER = "南通市图书馆"

REG = [
    F("users.new_registrations", v, unit_raw="张", start=s)
    for v, s in [(22454, 100), (2988, 200), (10119, 300), (3274, 400)]
]
REG_BRANCHES = F("users.new_registrations", 5096, scope="branches", start=450)
LOANS = [
    F("circulation.loans", 205829, unit_raw="册次", start=500),
    F("circulation.loans", 205829, unit_raw="册次", start=520, evidence="普通借书量达到205829册次"),
    F("circulation.loans", 239246, unit_raw="册次", start=540),
    F("circulation.loans", 139938, unit_raw="万册次", start=560),
    F("circulation.loans", 206000, qualifier="at_least", unit_raw="万册次", start=580),
]
LOAN_PARTS = [
    F("circulation.loans", 69370, segment="books", unit_raw="万册次", start=600),
    F("circulation.loans", 70568, segment="periodicals", unit_raw="万册次", start=620),
    F("circulation.loans", 10000, qualifier="at_least", segment="reference_room", start=640),
]
LOANS_PARTIAL = F("circulation.loans", 206000, qualifier="at_least", period="partial", start=650)
# 125 vs 120多: [120, 130) contains 125
ARTICLES = [F("activities.events", 125, start=700), F("activities.events", 120, qualifier="at_least", start=720)]
# two parts with different segments, no total
EVENT_SEGMENTS = [
    F("activities.events", 15, segment="online", start=800),
    F("activities.events", 80, qualifier="at_least", segment="online_recs_lectures", start=820),
]
# flow vs stock
BRANCHES = [
    F("network.branches", 38, scope="branches", start=900),
    F("network.branches_added", 3, scope="branches", start=920),
]
# approx and at_most overlap an exact value
ACTIVE = [
    F("users.active", 150000, qualifier="approx", start=1000),
    F("users.active", 160000, start=1020),
    F("users.active", 170000, qualifier="at_most", start=1040),
]
# a figure about another library named in the same report
OTHER_REG = F("users.new_registrations", 900, library_name=OTHER, start=1100)

RUGAO = Report(
    "002_rugao.txt",
    OWN,
    REG
    + [REG_BRANCHES]
    + LOANS
    + LOAN_PARTS
    + [LOANS_PARTIAL]
    + ARTICLES
    + EVENT_SEGMENTS
    + BRANCHES
    + ACTIVE
    + [OTHER_REG],
)

# a second report of another library: a conflict there is its own finding
HAIAN_VISITS = [F("visits.in_person", 47000, start=10), F("visits.in_person", 60, qualifier="at_least", start=30)]
HAIAN = Report("haian.txt", "海安市图书馆", HAIAN_VISITS)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    db, _ = build(tmp_path_factory.mktemp("dq_conflict"), [RUGAO, HAIAN])
    return db


def ids(report, figures):
    return [report.fid(f) for f in figures]


def test_registrations_are_one_conflict_with_all_four_candidates(db):
    found = involving(findings(db, RUGAO, "conflict"), *ids(RUGAO, REG))
    assert len(found) == 1
    f = found[0]
    assert f["severity"] == "error" and f["metric"] == "users.new_registrations" and f["year"] == 2020
    assert f["figures"] == {i: "candidate" for i in ids(RUGAO, REG)}
    assert f["message"] == (
        "New library cards (users.new_registrations) in 2020 are stated as 22454, 10119, 3274 and 2988"
        " in different sentences: 22454 and 2988 differ by 19466 (86.7 % of the larger), and both are exact"
        " numbers: no rounding explains the difference; one figure of one library, year and key cannot be both."
    )
    assert f["finding_id"] == expected_id("conflict", ids(RUGAO, REG))


def test_loans_conflict_links_every_all_segment_statement_and_no_part(db):
    found = involving(findings(db, RUGAO, "conflict"), *ids(RUGAO, LOANS + LOAN_PARTS + [LOANS_PARTIAL]))
    assert len(found) == 1
    f = found[0]
    assert set(f["figures"]) == set(ids(RUGAO, LOANS))
    msg = f["message"]
    for text in ("239246", "≥ 206000 (20.6万余)", "205829 (stated twice)", "139938"):
        assert text in msg, msg


def test_compatible_subset_flow_and_other_scope_cases_are_not_conflicts(db):
    quiet = ids(RUGAO, ARTICLES + EVENT_SEGMENTS + BRANCHES + ACTIVE + [REG_BRANCHES, OTHER_REG])
    assert involving(findings(db, RUGAO, "conflict"), *quiet) == []
    assert len(findings(db, RUGAO, "conflict")) == 2


def test_each_report_gets_its_own_conflict(db):
    found = findings(db, HAIAN, "conflict")
    assert len(found) == 1
    assert found[0]["message"] == (
        "In-person visits (visits.in_person) in 2020 are stated as 47000 and ≥ 60 (60余) in different sentences:"
        " 47000 and ≥ 60 (60余) differ by 46940 (99.9 % of the larger), and the ranges their wording allows do not"
        " overlap (47000: exactly 47000; ≥ 60 (60余): 60 to below 70); one figure of one library, year and key"
        " cannot be both."
    )
    assert found[0]["source_file"] == "haian.txt"


def test_figure_status(db):
    st = statuses(db, ids(RUGAO, REG + ARTICLES + [REG_BRANCHES]))
    assert [st[i] for i in ids(RUGAO, REG)] == ["conflicting"] * 4
    assert [st[i] for i in ids(RUGAO, ARTICLES + [REG_BRANCHES])] == ["reported"] * 3


def test_library_year_summary(db):
    rows = query(
        db,
        """
        select registrations, registrations_candidates, registrations_conflict,
               loans, loans_candidates, loans_conflict,
               events, events_candidates, events_conflict, visits_candidates, n_errors, n_findings
        from marts.library_year_summary where library_name = ? and year = 2020""",
        [OWN],
    )
    assert len(rows) == 1
    (reg, reg_n, reg_c, loans, loans_n, loans_c, ev, ev_n, ev_c, vis_n, n_err, n_all) = rows[0]
    assert (reg, reg_n, reg_c) == (22454, 4, True)  # no value repeats: the largest
    assert (loans, loans_n, loans_c) == (205829, 5, True)  # stated twice: the most frequent
    assert (ev, ev_n, ev_c) == (125, 2, False)
    assert vis_n == 0
    assert n_err == n_all - len([f for f in findings(db, RUGAO) if f["severity"] != "error"])
    assert (
        query(db, "select count(*) from marts.library_year_summary group by library_key, year having count(*) > 1")
        == []
    )
