"""The dbt project end to end on an invented raw folder (tests/dbt/scenario.py):
one `dbt build` (models, data tests, unit tests) per module, then checks on the marts."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.dbt import scenario
from tests.dbt_support import FACT_TABLES, query, run_dbt

MARTS = [*FACT_TABLES, "dim_library", "dim_region", "dim_year", "dim_document"]


def _snapshot(db: Path) -> dict[str, list[tuple]]:
    return {t: query(db, f"select * from marts.{t} order by all") for t in MARTS}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("dbt_marts")
    db = tmp / "working.duckdb"
    ids = scenario.build(db)
    proc = run_dbt(db, tmp, "build")
    first = _snapshot(db)
    run_dbt(db, tmp / "second", "run")
    second = _snapshot(db)
    return {"db": db, "ids": ids, "proc": proc, "tmp": tmp, "first": first, "second": second}


def q(built, sql: str) -> list[tuple]:
    return query(built["db"], sql)


def test_build_passes_all_tests_and_unit_tests(built):
    out = built["proc"].stdout
    assert "ERROR=0" in out, out[-3000:]
    # my warn-severity tests pass on this scenario too
    warned = [line for line in out.splitlines() if " WARN " in line and ("stg_nianbao" in line or "assert_" in line)]
    assert not warned, warned
    assert "unit_test" in out


def test_custom_schemas_are_used_as_is(built):
    schemas = {r[0] for r in q(built, "select distinct table_schema from information_schema.tables")}
    assert {"raw", "staging", "intermediate", "marts"} <= schemas
    assert not any(s.startswith("main_") for s in schemas)


def test_sources_carry_dagster_asset_keys(built):
    manifest = json.loads((built["tmp"] / "target" / "manifest.json").read_text())
    keys = {v["name"]: v["meta"]["dagster"]["asset_key"] for v in manifest["sources"].values()}
    assert keys == {
        "documents": ["raw_documents"],
        "extractions": ["raw_extractions"],
        "figures": ["raw_figures"],
        "events": ["raw_events"],
        "candidates": ["raw_candidates"],
        "libraries": ["raw_libraries"],
        "regions": ["gazetteer"],
    }


def test_figures_of_the_duplicate_are_counted_once(built):
    rows = dict(q(built, "select source_file, count(*) from marts.fct_figures group by 1"))
    assert rows == {scenario.LOADED: 13, scenario.ANON: 1}
    assert q(built, f"select count(*) from marts.fct_figures where source_file = '{scenario.COPY}'") == [(0,)]


def test_ratio_and_removed_figures_are_not_in_fct_figures(built):
    assert q(built, "select count(*) from marts.fct_figures where metric = 'visits.per_capita'") == [(0,)]
    assert q(built, "select count(*) from intermediate.int_figures_attributed where kind = 'ratio'") == [(1,)]
    removed = built["ids"]["removed"]
    assert q(built, f"select count(*) from marts.fct_figures where document_id = '{removed}'") == [(0,)]
    assert q(built, f"select count(*) from marts.fct_activities where document_id = '{removed}'") == [(0,)]


def test_figures_are_attributed_to_the_report_or_the_named_library(built):
    rows = dict(
        q(
            built,
            """
        select f.library_name || '/' || f.year, count(*)
        from marts.fct_figures f where f.metric = 'visits.in_person' group by 1""",
        )
    )
    assert rows == {f"{scenario.OWN}/2020": 1, f"{scenario.OWN}/2021": 1, f"{scenario.OTHER}/2020": 1}
    other = q(
        built,
        f"""select l.region_code, l.prefecture_name from marts.fct_figures f
        join marts.dim_library l using (library_key) where f.library_name = '{scenario.OTHER}'""",
    )
    assert other == [("320600", "南通市")]


def test_unknown_library_member(built):
    assert q(built, "select library_name, kind, region_code from marts.dim_library where library_key = 'unknown'") == [
        (None, "unknown", "000000")
    ]
    assert q(built, "select metric from marts.fct_figures where library_key = 'unknown'") == [
        ("circulation.borrowers",)
    ]
    assert q(built, "select count(*) from marts.fct_figures where library_key is null") == [(0,)]
    # the removed report's library is not a member
    assert q(built, "select count(*) from marts.dim_library where library_name = '海安市图书馆'") == [(0,)]


def test_dim_region_hierarchy(built):
    rows = q(
        built,
        """select region_code, level, parent_code, prefecture_code, province_code, province_name
        from marts.dim_region where region_code in ('320000', '320600', '320682', '000000') order by 1""",
    )
    assert rows == [
        ("000000", "unknown", None, None, None, None),
        ("320000", "province", None, None, "320000", "江苏省"),
        ("320600", "prefecture", "320000", "320600", "320000", "江苏省"),
        ("320682", "county", "320600", "320600", "320000", "江苏省"),
    ]
    n_raw = q(built, "select count(*) from raw.regions")[0][0]
    assert q(built, "select count(*) from marts.dim_region")[0][0] == n_raw + 1
    levels = dict(q(built, "select level, count(*) from marts.dim_region group by 1"))
    assert levels["province"] >= 31 and levels["prefecture"] > 300 and levels["county"] > 2000


def test_fct_activities_has_both_grains(built):
    grains = dict(q(built, "select grain, count(*) from marts.fct_activities group by 1"))
    assert grains == {"event": 3, "reported_total": 2}
    event = q(
        built,
        """select event_date, date_precision, title, attendance, attendance_unit, table_title, metric
        from marts.fct_activities where grain = 'event' and title = '世界读书日活动'""",
    )
    assert event == [(date(2020, 4, 23), "day", "世界读书日活动", 200.0, "人", "2020年活动一览", None)]
    totals = q(
        built,
        """select a.metric, a.value, a.qualifier, a.title from marts.fct_activities a
        join marts.fct_figures f on f.figure_id = a.activity_id where a.grain = 'reported_total' order by 1""",
    )
    assert totals == [("activities.attendance", 15000.0, "exact", None), ("activities.events", 60.0, "at_least", None)]
    # an undated event of another library keeps the report year
    assert q(built, "select year, library_key <> 'unknown' from marts.fct_activities where title = '南通联合书展'") == [
        (2020, True)
    ]


def test_dim_document_counts(built):
    rows = q(
        built,
        "select source_file, status, reason, n_figures, n_ratios, n_events, report_year "
        "from marts.dim_document order by source_file",
    )
    assert rows == [
        (scenario.LOADED, "loaded", None, 13, 1, 3, 2020),
        (scenario.ANON, "loaded", None, 1, 0, 0, 2021),
        (scenario.QUARANTINED, "quarantined", "empty", 0, 0, 0, None),
        (scenario.COPY, "duplicate", None, 0, 0, 0, 2020),
        (scenario.REMOVED, "removed", None, 0, 0, 0, None),
    ]
    # files in the folder = loaded + duplicate + quarantined; the removed file is still listed
    assert dict(q(built, "select status, count(*) from marts.dim_document group by 1")) == {
        "loaded": 2,
        "duplicate": 1,
        "quarantined": 1,
        "removed": 1,
    }
    assert q(built, "select sum(n_figures) from marts.dim_document") == q(
        built, "select count(*) from marts.fct_figures"
    )
    cols = {
        r[0]
        for r in q(
            built,
            "select column_name from information_schema.columns "
            "where table_schema = 'marts' and table_name = 'dim_document'",
        )
    }
    assert not cols & {"text", "first_seen_at", "last_seen_at"}


def test_subject_facts(built):
    own = q(built, f"select library_key from marts.dim_library where library_name = '{scenario.OWN}'")[0][0]
    assert q(
        built,
        f"select measure, value, qualifier from marts.fct_visits where library_key = '{own}' "
        "and period = 'year' order by 1",
    ) == [("in_person", 212000.0, "at_least"), ("online", 500000.0, "exact")]
    counts = {
        t: q(built, f"select count(*) from marts.{t}")[0][0]
        for t in ("fct_visits", "fct_circulation", "fct_spending", "fct_registrations", "fct_collection", "fct_network")
    }
    assert counts == {
        "fct_visits": 4,
        "fct_circulation": 2,
        "fct_spending": 2,
        "fct_registrations": 1,
        "fct_collection": 1,
        "fct_network": 1,
    }
    assert q(built, "select distinct measure from marts.fct_registrations") == [("new_registrations",)]


def test_dim_year(built):
    assert q(built, "select year, is_report_year, n_reports from marts.dim_year order by 1") == [
        (2020, True, 1),
        (2021, True, 1),
    ]


def test_second_run_on_unchanged_input_gives_identical_marts(built):
    assert built["first"] == built["second"]
    assert all(built["first"][t] for t in MARTS)


def test_ci_runs_every_unit_test(built):
    """The pipeline's build leaves the unit tests out (orchestration/defs/transform.py BUILD_ARGS):
    this build, in `make test`/CI, must run each one declared in the project, and each passes."""
    manifest = json.loads((built["tmp"] / "target" / "manifest.json").read_text())
    results = json.loads((built["tmp"] / "target" / "run_results.json").read_text())["results"]
    passed = {r["unique_id"] for r in results if r["unique_id"].startswith("unit_test.") and r["status"] == "pass"}
    assert manifest["unit_tests"] and passed == set(manifest["unit_tests"])
