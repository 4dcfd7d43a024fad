"""An invented raw folder for the dbt model tests: every document status, figures of
both kinds, a figure about another library, events with and without dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from nianbao import warehouse
from nianbao.schema import ExtractionResult, stable_id
from tests.dbt_support import build_raw, make_document, make_event, make_figure

OWN = "如皋市图书馆"
OTHER = "南通市图书馆"

LOADED = "2020/如皋市图书馆2020年报.txt"
COPY = "copies/如皋2020副本.txt"
QUARANTINED = "bad/empty.txt"
REMOVED = "old/海安市图书馆2019年报.txt"
ANON = "2021/anonymous.txt"

G1 = {"group_id": "g1", "group_complete": True}  # a complete spending group
T1 = {"table_id": "t1", "table_title": "2020年活动一览", "table_segment": "all"}  # an events table


def loaded_result() -> ExtractionResult:
    figures = [
        make_figure("visits.in_person", 212000, qualifier="at_least", year=None, unit_raw="人次", start=10),
        make_figure("visits.online", 500000, year=None, unit_raw="次", start=30),
        make_figure("circulation.loans", 300000, year=None, unit_raw="册次", start=50),
        make_figure("users.new_registrations", 4000, year=None, unit_raw="张", start=70),
        make_figure("collection.total", 1200000, year=None, unit_raw="册", start=90),
        make_figure("spending.total", 7545500, year=None, unit_raw="万元", start=110, group_role="total", **G1),
        make_figure("spending.staff", 5000000, year=None, unit_raw="万元", start=130, group_role="part", **G1),
        make_figure("network.branches", 38, year=None, unit_raw="家", start=150),
        make_figure("activities.events", 60, qualifier="at_least", year=None, unit_raw="场", start=170),
        make_figure("activities.attendance", 15000, year=2020, unit_raw="人次", start=190),
        make_figure("population.served", 1200000, year=2020, unit_raw="人", start=210),
        # a plan for next year
        make_figure("visits.in_person", 250000, period="plan", year=2021, unit_raw="人次", start=230),
        # a figure about another library
        make_figure("visits.in_person", 900000, year=2020, unit_raw="人次", start=250, library_name=OTHER),
        # a stated ratio: never in fct_figures
        make_figure(
            "visits.per_capita",
            0.18,
            kind="ratio",
            year=2020,
            start=270,
            ratio_numerator="visits.in_person",
            ratio_denominator="population.served",
            ratio_scale=1,
        ),
    ]
    events = [
        make_event(
            "世界读书日活动",
            date(2020, 4, 23),
            start=300,
            end=320,
            evidence="4月23日 世界读书日活动 200人",
            attendance=200,
            attendance_unit="人",
            seq=1,
            **T1,
        ),
        make_event(
            "暑期少儿阅读营",
            date(2020, 7, 1),
            precision="month",
            start=321,
            end=340,
            evidence="7月 暑期少儿阅读营",
            seq=2,
            location="少儿阅览室",
            **T1,
        ),
        make_event("南通联合书展", start=400, end=420, evidence="与南通市图书馆联合举办书展", library_name=OTHER),
    ]
    return ExtractionResult(library_name=OWN, report_year=2020, figures=figures, events=events)


def build(db_path: Path) -> dict[str, str]:
    """Write the scenario into db_path; returns document ids by role."""
    loaded = make_document(LOADED, text="如皋市图书馆2020年工作报告")
    copy = make_document(COPY, status="duplicate", document_id=loaded.document_id, duplicate_of=LOADED)
    quarantined = make_document(
        QUARANTINED,
        text="",
        status="quarantined",
        reason="empty",
        detail="the file is empty",
        document_id=stable_id("empty"),
    )
    removed = make_document(REMOVED, text="海安市图书馆2019年工作报告")
    anon = make_document(ANON, text="某馆2021年报告")
    removed_result = ExtractionResult(
        library_name="海安市图书馆",
        report_year=2019,
        figures=[make_figure("visits.in_person", 1234, year=None, start=5)],
        events=[make_event("消失的活动", date(2019, 5, 1), start=1, end=4, evidence="5月1日 消失的活动")],
    )
    anon_result = ExtractionResult(
        library_name=None,
        report_year=2021,
        figures=[make_figure("circulation.borrowers", 777, year=None, unit_raw="人次", start=3)],
        events=[],
    )
    build_raw(
        db_path,
        [(loaded, loaded_result()), (copy, None), (quarantined, None), (removed, removed_result), (anon, anon_result)],
    )
    # the removed report's file disappears; its extraction stays in raw (no prune)
    with warehouse.connect(db_path) as con:
        warehouse.sync_documents(con, [loaded, copy, quarantined, anon])
    return {
        "loaded": loaded.document_id,
        "removed": removed.document_id,
        "anon": anon.document_id,
        "quarantined": quarantined.document_id,
    }
