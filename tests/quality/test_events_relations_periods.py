"""implausible, count_mismatch and partial_exceeds_year on small invented reports."""

from __future__ import annotations

import pytest

from tests.quality.support import F, Report, build, findings, involving, statuses, table_events

# --- implausible ----------------------------------------------------------------------
BORROWERS = F("circulation.borrowers", 49800, unit_raw="人次", start=10)
VISITS = F("visits.in_person", 47000, unit_raw="人次", start=30)
ATTENDANCE = F("activities.attendance", 40, segment="minors", start=50)
EVENTS_MINORS = F("activities.events", 53, segment="minors", start=70)
# a different segment of borrowers is not compared with all visits (48000 > 47000), and
# it is no larger than its whole (49800), so it is in no finding
BORROWERS_PART = F("circulation.borrowers", 48000, segment="agency_delivery", start=90)
PLAUSIBLE = Report("plausible_not.txt", "源城区图书馆", [BORROWERS, VISITS, ATTENDANCE, EVENTS_MINORS, BORROWERS_PART])

BORROWERS_OK = F("circulation.borrowers", 30000, start=10)
VISITS_OK = F("visits.in_person", 47000, start=30)
ATT_OK = F("activities.attendance", 8000, start=50)
EVENTS_OK = F("activities.events", 60, qualifier="at_least", start=70)
PLAUSIBLE_OK = Report("plausible.txt", "乾县图书馆", [BORROWERS_OK, VISITS_OK, ATT_OK, EVENTS_OK])

# --- count_mismatch -------------------------------------------------------------------
MINORS_STATED = F("activities.events", 23, segment="minors", start=100)
MINORS_PARTIAL = F("activities.events", 16, segment="minors", period="partial", start=120)
ALL_STATED = F("activities.events", 53, start=140)
ALL_STATED_2 = F("activities.events", 60, qualifier="at_least", start=160)
EVENTS = table_events("t_minors", "2020年未成年人活动一览表", 13, segment="minors", start=1000) + table_events(
    "t_all", "2020年各类读者活动统计表", 53, segment="all", start=3000
)
TABLES = Report("tables.txt", "如皋市图书馆", [MINORS_STATED, MINORS_PARTIAL, ALL_STATED, ALL_STATED_2], EVENTS)

# --- partial_exceeds_year -------------------------------------------------------------
REG_PARTIAL = F("users.new_registrations", 6698, period="partial", start=10)
REG_YEAR = [F("users.new_registrations", 3274, start=30), F("users.new_registrations", 2988, start=50)]
EV_PARTIAL = F("activities.events", 60, qualifier="at_least", period="partial", start=70)
EV_YEAR = F("activities.events", 53, start=90)
# stocks: a partial-period holding above the year-end one is not a contradiction
STOCK_PARTIAL = F("collection.total", 1200000, period="partial", start=110)
STOCK_YEAR = F("collection.total", 1000000, start=130)
BRANCH_PARTIAL = F("network.branches", 40, scope="branches", period="partial", start=150)
BRANCH_YEAR = F("network.branches", 38, scope="branches", start=170)
# a partial flow below its year: fine
VISITS_PARTIAL = F("visits.in_person", 212000, qualifier="at_least", period="partial", start=190)
VISITS_YEAR = F("visits.in_person", 474500, qualifier="at_least", start=210)
PERIODS = Report(
    "periods.txt",
    "海安市图书馆",
    [
        REG_PARTIAL,
        *REG_YEAR,
        EV_PARTIAL,
        EV_YEAR,
        STOCK_PARTIAL,
        STOCK_YEAR,
        BRANCH_PARTIAL,
        BRANCH_YEAR,
        VISITS_PARTIAL,
        VISITS_YEAR,
    ],
)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    db, _ = build(tmp_path_factory.mktemp("dq_events"), [PLAUSIBLE, PLAUSIBLE_OK, TABLES, PERIODS])
    return db


# --- implausible ----------------------------------------------------------------------


def test_borrowers_above_visits_is_a_warning(db):
    found = involving(findings(db, PLAUSIBLE, "implausible"), PLAUSIBLE.fid(BORROWERS))
    assert len(found) == 1
    f = found[0]
    assert f["severity"] == "warn" and f["metric"] == "circulation.borrowers"
    assert f["figures"] == {PLAUSIBLE.fid(BORROWERS): "subject", PLAUSIBLE.fid(VISITS): "subject"}
    assert "49800" in f["message"] and "47000" in f["message"]


def test_attendance_below_events_is_a_warning(db):
    found = involving(findings(db, PLAUSIBLE, "implausible"), PLAUSIBLE.fid(ATTENDANCE))
    assert len(found) == 1
    assert found[0]["figures"] == {PLAUSIBLE.fid(ATTENDANCE): "subject", PLAUSIBLE.fid(EVENTS_MINORS): "subject"}
    assert "40" in found[0]["message"] and "53" in found[0]["message"]


def test_other_segments_and_plausible_relations_are_quiet(db):
    assert involving(findings(db, PLAUSIBLE), PLAUSIBLE.fid(BORROWERS_PART)) == []
    assert len(findings(db, PLAUSIBLE, "implausible")) == 2
    assert findings(db, PLAUSIBLE_OK) == []


# --- count_mismatch -------------------------------------------------------------------


def test_event_table_of_13_rows_vs_stated_23(db):
    found = findings(db, TABLES, "count_mismatch")
    assert len(found) == 1
    f = found[0]
    assert f["severity"] == "warn" and f["metric"] == "activities.events"
    assert f["figures"] == {TABLES.fid(MINORS_STATED): "subject"}  # the partial 16 is not compared
    for text in ("2020年未成年人活动一览表", "13", "23"):
        assert text in f["message"], f["message"]


def test_event_table_of_53_rows_vs_stated_53_is_quiet(db):
    # 53 matches one statement; the other (60余) is a conflict, not a count mismatch
    found = findings(db, TABLES)
    assert involving([f for f in found if f["check"] == "count_mismatch"], TABLES.fid(ALL_STATED)) == []
    assert [f["check"] for f in involving(found, TABLES.fid(ALL_STATED_2))] == ["conflict"]


# --- partial_exceeds_year -------------------------------------------------------------


def test_partial_flow_above_the_full_year_is_an_error(db):
    found = findings(db, PERIODS, "partial_exceeds_year")
    reg = involving(found, PERIODS.fid(REG_PARTIAL))
    assert len(reg) == 1
    assert reg[0]["severity"] == "error" and reg[0]["metric"] == "users.new_registrations"
    assert set(reg[0]["figures"]) == {PERIODS.fid(f) for f in [REG_PARTIAL, *REG_YEAR]}
    for text in ("6698", "3274", "2988"):
        assert text in reg[0]["message"], reg[0]["message"]
    ev = involving(found, PERIODS.fid(EV_PARTIAL))
    assert len(ev) == 1 and "≥ 60" in ev[0]["message"] and "53" in ev[0]["message"]
    assert len(found) == 2


def test_stocks_and_smaller_partials_are_quiet(db):
    quiet = [
        PERIODS.fid(f) for f in [STOCK_PARTIAL, STOCK_YEAR, BRANCH_PARTIAL, BRANCH_YEAR, VISITS_PARTIAL, VISITS_YEAR]
    ]
    assert involving(findings(db, PERIODS), *quiet) == []
    assert set(statuses(db, quiet).values()) == {"reported"}
    assert statuses(db, [PERIODS.fid(REG_PARTIAL)]) == {PERIODS.fid(REG_PARTIAL): "suspicious"}
