"""Marts that sum correctly: `is_preferred` (int_figures_preferred), `mart_library_year`,
event de-duplication (`event_key`) and `library_name` on every fact table.

Two warehouses: an invented report that exercises each step of the preference rule
(dbt build: contracts, data tests and the singular tests run too), and the seeds
(ingest + extract + dbt run), where the acceptance numbers of issue 10 are checked."""

from __future__ import annotations

import csv
import json
import re
import shutil
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from nianbao import pipeline
from nianbao.schema import Event, ExtractionResult
from tests.dbt_support import FACT_TABLES, build_raw, make_document, make_event, make_figure, query, run_dbt
from tests.paths import SEEDS

OWN = "如皋市图书馆"


# the two event tables of the invented report
MINORS_TABLE = {"table_id": "t1", "table_title": "未成年人活动一览表", "table_segment": "minors"}
ALL_TABLE = {"table_id": "t2", "table_title": "各类读者活动统计表", "table_segment": "all"}


def _event(table: dict[str, str], seq: int, title: str, day: date, span: tuple[int, int], evidence: str) -> Event:
    """One event dated to the day, row `seq` of `table`, at characters `span` of the document."""
    return make_event(title, day, start=span[0], end=span[1], evidence=evidence, seq=seq, **table)


def _result() -> ExtractionResult:
    f = make_figure
    figures = [
        # visits: the full year (stated twice), a partial year, a plan, a segment
        f("visits.in_person", 474500, qualifier="at_least", start=10, confidence=0.9),
        f("visits.in_person", 212000, qualifier="at_least", period="partial", start=30, confidence=0.85),
        f("visits.in_person", 474500, qualifier="at_least", start=50, confidence=0.9),
        f("visits.in_person", 500000, period="plan", year=2021, start=60),
        f("visits.in_person", 30000, segment="minors", start=65),
        f("visits.online", 346000, start=68),
        # the most precise: an exact value over a rounded at_least
        f("circulation.loans", 206000, qualifier="at_least", start=70, confidence=0.9),
        f("circulation.loans", 205829, start=90, confidence=0.9),
        f("circulation.loans", 371715, scope="system", start=95),
        # a table cell over prose, even when prose is more confident
        f("spending.staff", 5612900, start=110, confidence=0.95),
        f("spending.staff", 2652800, start=130, confidence=0.65, table_id="t9"),
        # equal in all else: the higher confidence
        f("users.new_registrations", 3274, start=150, confidence=0.9),
        f("users.new_registrations", 2988, start=170, confidence=1.0),
        # an impossible (fractional) count is not preferred, though it has fewer trailing zeros
        f("activities.attendance", 10489.5, start=190, confidence=0.9),
        f("activities.attendance", 87500, start=210, confidence=0.9),
        # only the system's total is stated
        f("collection.total", 2280294, scope="system", start=230),
        f("network.branches", 38, scope="branches", start=250),
    ]
    events = [
        _event(MINORS_TABLE, 1, "闹花灯,迎新春——宫廷花灯制作", date(2020, 1, 12), (300, 320), "1月12日 闹花灯"),
        _event(MINORS_TABLE, 2, "读书分享会", date(2020, 1, 20), (330, 340), "1月20日 读书分享会"),
        # the same event in the second table: other punctuation and spacing
        _event(ALL_TABLE, 1, "闹花灯，迎新春—宫廷花灯制作 ", date(2020, 1, 12), (500, 520), "2020.1.12 闹花灯"),
        # the same title on another day is another event
        _event(ALL_TABLE, 2, "闹花灯,迎新春——宫廷花灯制作", date(2020, 2, 9), (540, 560), "2月9日 闹花灯"),
        # two untitled events on one day are two events
        _event(ALL_TABLE, 3, "", date(2020, 3, 5), (600, 610), "3月5日 讲座"),
        _event(ALL_TABLE, 4, "—", date(2020, 3, 5), (620, 630), "3月5日 展览"),
    ]
    return ExtractionResult(library_name=OWN, report_year=2020, figures=figures, events=events)


@pytest.fixture(scope="module")
def invented(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("dbt_preferred")
    db = tmp / "working.duckdb"
    doc = make_document("2020/report.txt", text="如皋市图书馆2020年工作报告")
    build_raw(db, [(doc, _result())])
    proc = run_dbt(db, tmp, "build")
    return {"db": db, "proc": proc, "tmp": tmp}


def q(db: Path, sql: str) -> list[tuple]:
    return query(db, sql)


def preferred(db: Path, metric: str, **where: str) -> list[float]:
    cond = "".join(f" and {k} = '{v}'" for k, v in where.items())
    return [
        r[0]
        for r in q(
            db, f"select value from marts.fct_figures where is_preferred and metric = '{metric}'{cond} order by value"
        )
    ]


def test_build_passes_contracts_and_tests(invented):
    out = invented["proc"].stdout
    assert "ERROR=0" in out, out[-3000:]
    assert "assert_one_preferred_figure_per_key" in out and "assert_event_key_one_kept" in out


def test_sum_of_preferred_is_the_year_figure(invented):
    db = invented["db"]
    naive = q(db, "select sum(value) from marts.fct_visits where metric = 'visits.in_person' and year = 2020")
    right = q(
        db,
        "select sum(value) from marts.fct_visits where is_preferred and metric = 'visits.in_person' "
        "and year = 2020 and segment = 'all'",
    )
    assert right == [(474500.0,)]
    assert naive[0][0] > right[0][0]
    # a plan is never preferred, not even alone in its year
    assert q(db, "select count(*) from marts.fct_figures where is_preferred and period = 'plan'") == [(0,)]
    assert q(db, "select count(*) from marts.fct_figures where year = 2021 and is_preferred") == [(0,)]
    # a segment is its own key
    assert preferred(db, "visits.in_person", segment="minors") == [30000.0]


def test_each_step_of_the_rule(invented):
    db = invented["db"]
    assert preferred(db, "circulation.loans", scope="library") == [205829.0]
    assert preferred(db, "spending.staff") == [2652800.0]
    assert preferred(db, "users.new_registrations") == [2988.0]
    assert preferred(db, "activities.attendance") == [87500.0]
    # the statement repeated: one preferred, the first by position
    rows = q(
        db,
        "select char_start, is_preferred, preference_rank, n_candidates from marts.fct_figures "
        "where metric = 'visits.in_person' and year = 2020 and segment = 'all' order by char_start",
    )
    assert rows == [(10, True, 1, 3), (30, False, 3, 3), (50, False, 2, 3)]


def test_exactly_one_preferred_per_key(invented):
    rows = q(
        invented["db"],
        """
        select library_key, year, metric, scope, segment,
               count(*) filter (where is_preferred), count(*) filter (where period <> 'plan')
        from marts.fct_figures group by all""",
    )
    assert rows
    for *key, n_preferred, n_actual in rows:
        assert n_preferred == (1 if n_actual else 0), key


def test_subject_facts_and_activities_carry_the_flag(invented):
    db = invented["db"]
    mismatched = q(
        db,
        """
        select count(*) from marts.fct_figures f
        left join (select figure_id, is_preferred from marts.fct_visits union all
                   select figure_id, is_preferred from marts.fct_circulation union all
                   select figure_id, is_preferred from marts.fct_spending union all
                   select figure_id, is_preferred from marts.fct_registrations union all
                   select figure_id, is_preferred from marts.fct_collection union all
                   select figure_id, is_preferred from marts.fct_network union all
                   select activity_id, is_preferred from marts.fct_activities where grain = 'reported_total') s
          using (figure_id)
        where s.is_preferred is distinct from f.is_preferred""",
    )
    assert mismatched == [(0,)]


def test_library_name_on_every_fact_table(invented):
    db = invented["db"]
    for table in FACT_TABLES + ["mart_library_year"]:
        assert q(db, f"select count(*) from marts.{table}")[0][0] > 0, table
        assert q(db, f"select count(*) from marts.{table} where library_name is null") == [(0,)], table
        assert q(db, f"select distinct library_name from marts.{table}") == [(OWN,)], table


def test_events_listed_twice_share_one_key(invented):
    db = invented["db"]
    rows = q(
        db,
        "select char_start, is_duplicate, is_preferred from marts.fct_activities "
        "where grain = 'event' order by char_start",
    )
    assert rows == [
        (300, False, True),
        (330, False, True),
        (500, True, False),
        (540, False, True),
        (600, False, True),
        (620, False, True),
    ]
    keys = q(db, "select count(distinct event_key) from marts.fct_activities where grain = 'event'")
    assert keys == [(5,)]
    same = q(db, "select count(distinct event_key) from marts.fct_activities where char_start in (300, 500)")
    assert same == [(1,)]
    per_month = dict(
        q(
            db,
            "select month(event_date), count(*) from marts.fct_activities "
            "where grain = 'event' and not is_duplicate group by 1",
        )
    )
    assert per_month == {1: 2, 2: 1, 3: 2}


def test_mart_library_year(invented):
    db = invented["db"]
    rows = q(
        db,
        """select year, visits, visits_scope, visits_status, online_visits, loans, loans_scope,
                           attendance, collection, collection_scope, spending, n_listed_events
                    from marts.mart_library_year order by year""",
    )
    assert rows == [
        (2020, 474500.0, "library", "reported", 346000.0, 205829.0, "library", 87500.0, 2280294.0, "system", None, 5),
        (2021, None, None, None, None, None, None, None, None, None, None, 0),
    ]


def test_every_mart_column_is_described(invented):
    manifest = json.loads((invented["tmp"] / "target" / "manifest.json").read_text())
    for name in FACT_TABLES + ["mart_library_year", "dim_metric"]:
        node = manifest["nodes"][f"model.nianbao.{name}"]
        cols = {
            r[0]
            for r in q(
                invented["db"],
                "select column_name from information_schema.columns "
                f"where table_schema = 'marts' and table_name = '{name}'",
            )
        }
        described = {c for c, spec in node["columns"].items() if spec.get("description")}
        assert cols and cols <= described, (name, cols - described)


# --- the seeds: issue 10's acceptance numbers -------------------------------------------


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    if not (SEEDS / "gold.csv").exists():
        pytest.fail(f"seeds not found at {SEEDS}")
    tmp = tmp_path_factory.mktemp("dbt_preferred_seeds")
    raw = tmp / "raw"
    raw.mkdir()
    for p in SEEDS.glob("*.txt"):
        shutil.copy(p, raw / p.name)
    db = tmp / "nianbao.build.duckdb"
    pipeline.ingest(raw, db, progress=False)
    pipeline.extract(db, progress=False)
    pipeline.load_gazetteer(db)
    run_dbt(
        db,
        tmp,
        "build",
        "--select",
        "+mart_library_year",
        "+fct_visits",
        "+fct_activities",
        "--exclude",
        "test_type:data",
    )
    return db


def _norm(title: str) -> str:
    return re.sub(r"[\W_]", "", title).lower()


def test_seeds_preferred_visits_sum_to_the_stated_year(seeds):
    rows = dict(
        q(
            seeds,
            """select library_name, sum(value) from marts.fct_visits
                            where is_preferred and metric = 'visits.in_person' and year = 2020
                            group by 1""",
        )
    )
    assert rows["如皋市图书馆"] == 474500.0
    assert rows["源城区图书馆"] == 47000.0
    assert q(
        seeds, "select visits from marts.mart_library_year where library_name = '如皋市图书馆' and year = 2020"
    ) == [(474500.0,)]


def test_seeds_events_per_month_have_no_duplicates(seeds):
    with open(SEEDS / "gold_events.csv", encoding="utf-8") as fh:
        gold = list(csv.DictReader(fh))
    # a range (2020-04/2020-05) is keyed by its first day, as event_date is
    listed_twice = Counter((g["file"], g["date"].split("/")[0], _norm(g["title"])) for g in gold)
    assert any(n > 1 for n in listed_twice.values())  # the seeds do list events twice
    kept = q(
        seeds,
        """select source_file,
                              case date_precision when 'month' then strftime(event_date, '%Y-%m')
                                   else cast(event_date as varchar) end,
                              title
                       from marts.fct_activities where grain = 'event' and not is_duplicate""",
    )
    kept_keys = Counter((f, d, _norm(t)) for f, d, t in kept)
    for key in listed_twice:
        assert kept_keys[key] == 1, key
    per_month = q(
        seeds,
        """select library_key, month(event_date), count(*), count(distinct event_key)
                            from marts.fct_activities where grain = 'event' and not is_duplicate
                            group by all""",
    )
    assert per_month and all(n == k for _, _, n, k in per_month)
