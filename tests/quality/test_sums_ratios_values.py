"""sum_mismatch, ratio_mismatch and invalid_value on small invented reports: the
cases that hold produce nothing, the others a finding with the numbers."""

from __future__ import annotations

import pytest

from nianbao.schema import Figure
from tests.quality.support import F, Report, build, findings, involving, statuses


def _member(metric: str, value: float, group: str, role: str, complete: bool | None = True, **kw: object) -> Figure:
    """A figure of a listed group (its total or one of its parts): F with the group's columns."""
    return F(metric, value, group_id=group, group_role=role, group_complete=complete, **kw)


def _ratio(metric: str, value: float, numerator: str, denominator: str, scale: float, **kw: object) -> Figure:
    """A stated ratio: numerator / denominator × scale (F of kind ratio)."""
    return F(
        metric, value, kind="ratio", ratio_numerator=numerator, ratio_denominator=denominator, ratio_scale=scale, **kw
    )


# --- sums ---------------------------------------------------------------------------
# books + periodicals = all (a group with its total): holds
LOANS_GROUP = [
    _member("circulation.loans", 139938, "loans", "total", unit_raw="万册次", start=10),
    _member("circulation.loans", 69370, "loans", "part", segment="books", unit_raw="万册次", start=30),
    _member("circulation.loans", 70568, "loans", "part", segment="periodicals", unit_raw="万册次", start=50),
]
SPENDING_TOTAL = F("spending.total", 7545500, unit_raw="万元", start=100)
# a list ending in 等, below the total: no warning (the rest is unitemised)
LIST_WITH_DENG = [
    _member("spending.staff", 5612900, "list1", "part", unit_raw="万元", start=120, complete=False),
    _member("spending.operations", 222400, "list1", "part", unit_raw="万元", start=140, complete=False),
    _member("spending.collections", 700000, "list1", "part", unit_raw="元", start=160, complete=False),
    _member("spending.preservation", 50000, "list1", "part", unit_raw="元", start=180, complete=False),
]
# the closing table (万元), complete, no total row: 515.18 vs 754.55 -> warn
TABLE = [
    _member("spending.staff", 2652800, "table", "part", unit_raw="万元", start=2000, table_id="t9"),
    _member("spending.operations", 1399000, "table", "part", unit_raw="万元", start=2010, table_id="t9"),
    _member("spending.digital", 250000, "table", "part", unit_raw="万元", start=2020, table_id="t9"),
    _member("spending.collections", 800000, "table", "part", unit_raw="万元", start=2030, table_id="t9"),
    _member("spending.preservation", 50000, "table", "part", unit_raw="万元", start=2040, table_id="t9"),
]
SUMS = Report("sums.txt", "如皋市图书馆", LOANS_GROUP + [SPENDING_TOTAL] + LIST_WITH_DENG + TABLE)

# parts above their total (an incomplete list still cannot exceed its total): error
EVENTS_GROUP = [
    _member("activities.events", 100, "ev", "total", start=10, complete=False),
    _member("activities.events", 60, "ev", "part", segment="lectures", start=20, complete=False),
    _member("activities.events", 50, "ev", "part", segment="exhibitions", start=30, complete=False),
]
# within the rounding of 万 with one decimal: 2.5万 + 3.1万 vs 5.7万 holds
ROUNDED = [
    _member("visits.online", 57000, "r", "total", unit_raw="万次", start=100),
    _member("visits.online", 25000, "r", "part", segment="website", unit_raw="万次", start=110),
    _member("visits.online", 31000, "r", "part", segment="wechat", unit_raw="万次", start=120),
]
# approximate parts of an approximate total: 约4.5万 + 约7.5万 + 约3万 = 约15万 holds
APPROX = [
    _member("users.active", 150000, "a", "total", qualifier="approx", start=200),
    _member("users.active", 45000, "a", "part", qualifier="approx", segment="edu_bachelor_plus", start=210),
    _member("users.active", 75000, "a", "part", qualifier="approx", segment="edu_high_school_plus", start=220),
    _member("users.active", 30000, "a", "part", qualifier="approx", segment="edu_below_high_school", start=230),
]
# a complete list whose parts are exactly the total: holds
EXACT = [
    _member("activities.events", 67, "e", "total", scope="system", start=300),
    _member("activities.events", 4, "e", "part", scope="system", segment="alliance", start=310),
    _member("activities.events", 63, "e", "part", scope="system", segment="self_organized", start=320),
]
GROUPS = Report("groups.txt", "乾县图书馆", EVENTS_GROUP + ROUNDED + APPROX + EXACT)

# --- ratios ---------------------------------------------------------------------------
ATT = F("activities.attendance", 10489.5, unit_raw="人", start=100)
ATT_FAR = F("activities.attendance", 87500, unit_raw="万人次", start=9000)  # farther from the ratio
POP = F("population.served", 1354275, unit_raw="人", start=200)
RATIO_BAD = _ratio(
    "ratio.attendance_per_10k", 87.68, "activities.attendance", "population.served", 10000, unit_raw="人次", start=150
)
RATIOS = Report("ratio_bad.txt", "如皋市图书馆", [ATT, ATT_FAR, POP, RATIO_BAD])

ATT_OK = F("activities.attendance", 10489.5, unit_raw="人", start=100)
POP_OK = F("population.served", 1354275, unit_raw="人", start=200)
RATIO_OK = _ratio("ratio.attendance_per_10k", 77.45, "activities.attendance", "population.served", 10000, start=150)
VISITS = F("visits.in_person", 212000, qualifier="at_least", unit_raw="万人次", start=300)
POP2 = F("population.served", 1200000, unit_raw="万人", start=320)
PER_CAPITA_OK = _ratio("ratio.visits_per_capita", 0.18, "visits.in_person", "population.served", 1, start=340)
SHARE_OK = _ratio("ratio.share_minors", 30, "users.active", "users.registered_total", 100, start=400)
ACT = F("users.active", 45000, qualifier="approx", start=410)
REGD = F("users.registered_total", 150000, qualifier="approx", start=420)
RATIOS_OK = Report(
    "ratio_ok.txt", "源城区图书馆", [ATT_OK, POP_OK, RATIO_OK, VISITS, POP2, PER_CAPITA_OK, SHARE_OK, ACT, REGD]
)

# --- invalid values ---------------------------------------------------------------------
NEG = F("visits.online", -5, start=20)
PCT = _ratio("ratio.growth_share", 120, "visits.online", "visits.in_person", 100, start=40)
SPEND_CENTS = F("spending.digital", 1234.5, unit_raw="元", start=60)
WHOLE = F("activities.attendance", 350, start=80)
VALUES = Report("values.txt", "金湖县图书馆", [NEG, PCT, SPEND_CENTS, WHOLE])


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    db, _ = build(tmp_path_factory.mktemp("dq_sums"), [SUMS, GROUPS, RATIOS, RATIOS_OK, VALUES])
    return db


# --- sums ---------------------------------------------------------------------------


def test_books_plus_periodicals_and_list_ending_in_deng_hold(db):
    found = findings(db, SUMS, "sum_mismatch")
    ids = [SUMS.fid(f) for f in LOANS_GROUP + LIST_WITH_DENG]
    assert involving(found, *ids) == []


def test_complete_spending_table_below_the_total_warns_with_the_numbers(db):
    found = findings(db, SUMS, "sum_mismatch")
    assert len(found) == 1
    f = found[0]
    assert f["severity"] == "warn" and f["metric"] == "spending.total"
    assert f["figures"] == {SUMS.fid(SPENDING_TOTAL): "total", **{SUMS.fid(p): "part" for p in TABLE}}
    for text in (
        "5151800",
        "515.18万元",
        "7545500",
        "754.55万元",
        "239.37万元",
        "2652800 + 1399000 + 250000 + 800000 + 50000",
    ):
        assert text in f["message"], f["message"]


def test_parts_above_the_total_are_an_error(db):
    found = findings(db, GROUPS, "sum_mismatch")
    assert len(found) == 1
    f = found[0]
    assert f["severity"] == "error" and f["metric"] == "activities.events"
    assert set(f["figures"]) == {GROUPS.fid(x) for x in EVENTS_GROUP}
    assert "60 + 50 = 110" in f["message"] and "100" in f["message"], f["message"]


def test_sums_within_rounding_or_approximation_hold(db):
    ids = [GROUPS.fid(f) for f in ROUNDED + APPROX + EXACT]
    assert involving(findings(db, GROUPS), *ids) == []


# --- ratios ---------------------------------------------------------------------------


def test_ratio_that_does_not_match_is_found_with_stated_and_recomputed_values(db):
    found = findings(db, RATIOS, "ratio_mismatch")
    assert len(found) == 1
    f = found[0]
    assert f["severity"] == "error"
    # the attendance nearest to the ratio is used, not the far one
    assert f["figures"] == {
        RATIOS.fid(RATIO_BAD): "stated",
        RATIOS.fid(ATT): "numerator",
        RATIOS.fid(POP): "denominator",
    }
    for text in ("87.68", "77.45", "10489.5", "1354275", "10000"):
        assert text in f["message"], f["message"]


def test_ratios_that_match_within_rounding_hold(db):
    assert findings(db, RATIOS_OK, "ratio_mismatch") == []


# --- invalid values -------------------------------------------------------------------


def test_fractional_attendance_is_invalid(db):
    found = involving(findings(db, RATIOS, "invalid_value"), RATIOS.fid(ATT))
    assert len(found) == 1
    assert found[0]["severity"] == "error" and found[0]["figures"] == {RATIOS.fid(ATT): "subject"}
    assert "10489.5" in found[0]["message"] and "fractional" in found[0]["message"]


def test_negative_count_and_percentage_above_100_are_invalid_money_may_have_cents(db):
    found = findings(db, VALUES, "invalid_value")
    by_figure = {next(iter(f["figures"])): f for f in found}
    assert set(by_figure) == {VALUES.fid(NEG), VALUES.fid(PCT)}
    assert "-5" in by_figure[VALUES.fid(NEG)]["message"]
    assert "120%" in by_figure[VALUES.fid(PCT)]["message"]


def test_status_of_invalid_and_mismatched_figures(db):
    st = statuses(
        db,
        [
            RATIOS.fid(ATT),
            RATIOS.fid(POP),
            SUMS.fid(TABLE[4]),
            SUMS.fid(LIST_WITH_DENG[3]),
            VALUES.fid(WHOLE),
            VALUES.fid(NEG),
        ],
    )
    assert st[VALUES.fid(NEG)] == "invalid"
    # 10489.5 is fractional and also conflicts with 87500: conflicting wins
    assert st[RATIOS.fid(ATT)] == "conflicting"
    assert st[RATIOS.fid(POP)] == "suspicious"
    assert st[SUMS.fid(TABLE[4])] == "suspicious"
    assert st[SUMS.fid(LIST_WITH_DENG[3])] == "reported"
    assert st[VALUES.fid(WHOLE)] == "reported"
