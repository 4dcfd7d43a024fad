"""An invented marts DuckDB for the report and expectations tests.

Two library-years and one library without a key for its document finding:

- `rugao` 2020 (如皋市图书馆): a conflict with 4 candidate figures on
  users.new_registrations, a sum_mismatch on spending (total + 3 parts), a
  count_mismatch with no linked figures, and evidence with HTML special
  characters (`<b>`, `&`, quotes). Its document text is in marts.dim_document,
  so pages show line numbers.
- `jinhu` 2020 (金湖县图书馆): an implausible warning; no document text, so pages
  show character spans.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

RUGAO_DOC = "d" * 64
JINHU_DOC = "e" * 64

RUGAO_TEXT = "\n".join(
    [
        "2020年如皋市图书馆年报",  # line 1
        "办理新证 22454",  # line 2
        '全年办理新证2988张，新增读者<b>活跃</b> & "持证"。',  # line 3
        "办理新证 10119",  # line 4
        "大事记：新增办理读者证3274份。",  # line 5
        "本年支出总计754.55万元；人员支出265.28万元，公用经费139.9万元，购书经费80万元。",  # line 6
        "共开展读者活动53次。",  # line 7
    ]
)


def _span(text: str, needle: str, number: str) -> tuple[int, int]:
    base = text.index(needle)
    s = text.index(number, base)
    return s, s + len(number)


def _fig(
    fid,
    doc,
    src,
    key,
    name,
    metric,
    value,
    evidence,
    text,
    number,
    *,
    qualifier="exact",
    value_high=None,
    scope="library",
    segment="all",
    period="year",
    unit_raw="",
    status="reported",
    span=None,
):
    if span is None:
        cs, ce = _span(text, evidence, number) if text else (0, len(number))
    else:
        cs, ce = span
    return dict(
        figure_id=fid,
        document_id=doc,
        source_file=src,
        library_key=key,
        library_name=name,
        year=2020,
        metric=metric,
        value=float(value),
        value_high=value_high,
        qualifier=qualifier,
        scope=scope,
        segment=segment,
        period=period,
        unit_raw=unit_raw,
        evidence=evidence,
        char_start=cs,
        char_end=ce,
        status=status,
    )


def frames() -> dict[str, pd.DataFrame]:
    rg = ("rugao", "如皋市图书馆")
    rsrc = "002_rugao.txt"
    t = RUGAO_TEXT
    figures = [
        _fig(
            "f01",
            RUGAO_DOC,
            rsrc,
            *rg,
            "users.new_registrations",
            22454,
            "办理新证 22454",
            t,
            "22454",
            unit_raw="张",
            status="conflicting",
        ),
        _fig(
            "f02",
            RUGAO_DOC,
            rsrc,
            *rg,
            "users.new_registrations",
            2988,
            '全年办理新证2988张，新增读者<b>活跃</b> & "持证"。',
            t,
            "2988",
            unit_raw="张",
            status="conflicting",
        ),
        _fig(
            "f03",
            RUGAO_DOC,
            rsrc,
            *rg,
            "users.new_registrations",
            10119,
            "办理新证 10119",
            t,
            "10119",
            unit_raw="张",
            status="conflicting",
        ),
        _fig(
            "f04",
            RUGAO_DOC,
            rsrc,
            *rg,
            "users.new_registrations",
            3274,
            "大事记：新增办理读者证3274份。",
            t,
            "3274",
            unit_raw="份",
            status="conflicting",
        ),
        _fig(
            "f05",
            RUGAO_DOC,
            rsrc,
            *rg,
            "spending.total",
            7545500,
            "本年支出总计754.55万元；人员支出265.28万元，公用经费139.9万元，购书经费80万元。",
            t,
            "754.55",
            unit_raw="万元",
            status="conflicting",
        ),
        _fig(
            "f06",
            RUGAO_DOC,
            rsrc,
            *rg,
            "spending.staff",
            2652800,
            "本年支出总计754.55万元；人员支出265.28万元，公用经费139.9万元，购书经费80万元。",
            t,
            "265.28",
            unit_raw="万元",
        ),
        _fig(
            "f07",
            RUGAO_DOC,
            rsrc,
            *rg,
            "spending.operations",
            1399000,
            "本年支出总计754.55万元；人员支出265.28万元，公用经费139.9万元，购书经费80万元。",
            t,
            "139.9",
            unit_raw="万元",
        ),
        _fig(
            "f08",
            RUGAO_DOC,
            rsrc,
            *rg,
            "spending.collections",
            800000,
            "本年支出总计754.55万元；人员支出265.28万元，公用经费139.9万元，购书经费80万元。",
            t,
            "80",
            unit_raw="万元",
            span=_span(t, "购书经费", "80"),
        ),
        _fig(
            "f09",
            RUGAO_DOC,
            rsrc,
            *rg,
            "activities.events",
            60,
            "共开展读者活动53次。",
            t,
            "53",
            qualifier="range",
            value_high=70,
            span=_span(t, "共开展", "53"),
        ),
        # jinhu: no document text -> character spans
        _fig(
            "f10",
            JINHU_DOC,
            "000_jinhu.txt",
            "jinhu",
            "金湖县图书馆",
            "circulation.borrowers",
            49800,
            "外借人次：49800，较去年<增长>",
            None,
            "49800",
            unit_raw="人次",
            status="suspicious",
            span=(120, 125),
        ),
        _fig(
            "f11",
            JINHU_DOC,
            "000_jinhu.txt",
            "jinhu",
            "金湖县图书馆",
            "visits.in_person",
            47000,
            "进馆人次：4.7万人次",
            None,
            "4.7",
            unit_raw="万人次",
            status="suspicious",
            span=(300, 303),
        ),
    ]
    findings = [
        dict(
            finding_id="q_conflict",
            check="conflict",
            severity="error",
            document_id=RUGAO_DOC,
            source_file=rsrc,
            library_key="rugao",
            year=2020,
            metric="users.new_registrations",
            message="新办读者证数有四个互相矛盾的全年数字：22454、2988、10119、3274 <script>alert(1)</script>",
        ),
        dict(
            finding_id="q_sum",
            check="sum_mismatch",
            severity="error",
            document_id=RUGAO_DOC,
            source_file=rsrc,
            library_key="rugao",
            year=2020,
            metric="spending.total",
            message="支出分项之和 484.18万元 与 本年支出总计 754.55万元 不符 (差 270.37万元)",
        ),
        dict(
            finding_id="q_count",
            check="count_mismatch",
            severity="warn",
            document_id=RUGAO_DOC,
            source_file=rsrc,
            library_key="rugao",
            year=2020,
            metric="activities.events",
            message="活动一览表列出 13 项活动，正文称 23 场 & 未关联数字",
        ),
        dict(
            finding_id="q_impl",
            check="implausible",
            severity="warn",
            document_id=JINHU_DOC,
            source_file="000_jinhu.txt",
            library_key="jinhu",
            year=2020,
            metric="circulation.borrowers",
            message="外借人次 49800 超过 进馆人次 47000",
        ),
        dict(
            finding_id="q_doc",
            check="invalid_value",
            severity="error",
            document_id="f" * 64,
            source_file="009_orphan.txt",
            library_key=None,
            year=None,
            metric=None,
            message="文档级问题：无法归属到图书馆",
        ),
    ]
    links = (
        [dict(finding_id="q_conflict", figure_id=f, role="candidate") for f in ("f01", "f02", "f03", "f04")]
        + [dict(finding_id="q_sum", figure_id="f05", role="total")]
        + [dict(finding_id="q_sum", figure_id=f, role="part") for f in ("f06", "f07", "f08")]
        + [
            dict(finding_id="q_impl", figure_id="f10", role="subject"),
            dict(finding_id="q_impl", figure_id="f11", role="subject"),
        ]
    )
    summary = [
        dict(
            library_key="rugao",
            library_name="如皋市图书馆",
            year=2020,
            visits=None,
            loans=205829,
            registrations=22454,
            registrations_candidates=4,
            registrations_conflict=True,
            events=53,
            attendance=10489.5,
            spending=7545500,
            n_findings=3,
        ),
        dict(
            library_key="jinhu",
            library_name="金湖县图书馆",
            year=2020,
            visits=47000,
            loans=None,
            registrations=None,
            registrations_candidates=0,
            registrations_conflict=False,
            events=None,
            attendance=None,
            spending=None,
            n_findings=1,
        ),
    ]
    libraries = [
        dict(library_key="jinhu", library_name="金湖县图书馆", region_code="320831"),
        dict(library_key="rugao", library_name="如皋市图书馆", region_code="320682"),
    ]
    documents = [
        dict(
            document_id=RUGAO_DOC,
            source_file=rsrc,
            status="loaded",
            reason=None,
            encoding="utf-8",
            bytes=len(t.encode()),
            chars=len(t),
            library_name="如皋市图书馆",
            report_year=2020,
            text=t,
        ),
        dict(
            document_id=JINHU_DOC,
            source_file="000_jinhu.txt",
            status="loaded",
            reason=None,
            encoding="gb18030",
            bytes=1000,
            chars=500,
            library_name="金湖县图书馆",
            report_year=2020,
            text=None,
        ),
        dict(
            document_id=JINHU_DOC,
            source_file="copy/000_jinhu.txt",
            status="duplicate",
            reason=None,
            encoding="gb18030",
            bytes=1000,
            chars=500,
            library_name="金湖县图书馆",
            report_year=2020,
            text=None,
        ),
        dict(
            document_id="0" * 64,
            source_file="bad.bin",
            status="quarantined",
            reason="binary",
            encoding=None,
            bytes=10,
            chars=0,
            library_name=None,
            report_year=None,
            text=None,
        ),
    ]
    return {
        "fct_figures": pd.DataFrame(figures),
        "dq_findings": pd.DataFrame(findings),
        "dq_finding_figures": pd.DataFrame(links),
        "library_year_summary": pd.DataFrame(summary),
        "dim_library": pd.DataFrame(libraries),
        "dim_document": pd.DataFrame(documents),
    }


def write_db(path: Path, tables: dict[str, pd.DataFrame] | None = None) -> Path:
    """Write the frames as tables of schema `marts` in a new DuckDB file."""
    import duckdb

    tables = frames() if tables is None else tables
    con = duckdb.connect(str(path))
    try:
        cat = con.execute("select current_database()").fetchone()[0]  # marts.duckdb -> catalog `marts`
        con.execute(f'create schema if not exists "{cat}".marts')
        for name, df in tables.items():
            con.register("_df", df)
            con.execute(f'create table "{cat}".marts."{name}" as select * from _df')
            con.unregister("_df")
    finally:
        con.close()
    return path
