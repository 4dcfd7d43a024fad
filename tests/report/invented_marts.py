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


def _rows(columns: str, *rows: tuple) -> list[dict]:
    """One dict a row: `columns` (space-separated names) zipped with each row's values."""
    names = columns.split()
    assert all(len(r) == len(names) for r in rows), names
    return [dict(zip(names, r)) for r in rows]


MESSAGES = {
    "q_conflict": "新办读者证数有四个互相矛盾的全年数字：22454、2988、10119、3274 <script>alert(1)</script>",
    "q_sum": "支出分项之和 484.18万元 与 本年支出总计 754.55万元 不符 (差 270.37万元)",
    "q_count": "活动一览表列出 13 项活动，正文称 23 场 & 未关联数字",
    "q_impl": "外借人次 49800 超过 进馆人次 47000",
    "q_doc": "文档级问题：无法归属到图书馆",
}
SPENDING_LINE = "本年支出总计754.55万元；人员支出265.28万元，公用经费139.9万元，购书经费80万元。"


def frames() -> dict[str, pd.DataFrame]:
    rg = ("rugao", "如皋市图书馆")
    rsrc = "002_rugao.txt"
    t = RUGAO_TEXT
    reg, spend = "users.new_registrations", "spending."
    f08 = {"span": _span(t, "购书经费", "80")}
    f09 = {"qualifier": "range", "value_high": 70, "span": _span(t, "共开展", "53")}
    # rugao: figure id, metric, value, evidence, the number in it, raw unit, status, other fields
    rugao = [
        ("f01", reg, 22454, "办理新证 22454", "22454", "张", "conflicting", {}),
        ("f02", reg, 2988, '全年办理新证2988张，新增读者<b>活跃</b> & "持证"。', "2988", "张", "conflicting", {}),
        ("f03", reg, 10119, "办理新证 10119", "10119", "张", "conflicting", {}),
        ("f04", reg, 3274, "大事记：新增办理读者证3274份。", "3274", "份", "conflicting", {}),
        ("f05", spend + "total", 7545500, SPENDING_LINE, "754.55", "万元", "conflicting", {}),
        ("f06", spend + "staff", 2652800, SPENDING_LINE, "265.28", "万元", "reported", {}),
        ("f07", spend + "operations", 1399000, SPENDING_LINE, "139.9", "万元", "reported", {}),
        ("f08", spend + "collections", 800000, SPENDING_LINE, "80", "万元", "reported", f08),
        ("f09", "activities.events", 60, "共开展读者活动53次。", "53", "", "reported", f09),
    ]
    figures = [
        _fig(fid, RUGAO_DOC, rsrc, *rg, metric, value, ev, t, number, unit_raw=unit, status=status, **other)
        for fid, metric, value, ev, number, unit, status, other in rugao
    ]
    # jinhu: no document text -> character spans
    jd = (JINHU_DOC, "000_jinhu.txt", "jinhu", "金湖县图书馆")
    jinhu = [
        ("f10", "circulation.borrowers", 49800, "外借人次：49800，较去年<增长>", "49800", "人次", (120, 125)),
        ("f11", "visits.in_person", 47000, "进馆人次：4.7万人次", "4.7", "万人次", (300, 303)),
    ]
    figures += [
        _fig(fid, *jd, metric, value, ev, None, number, unit_raw=u, status="suspicious", span=sp)
        for fid, metric, value, ev, number, u, sp in jinhu
    ]
    r20, j20 = (RUGAO_DOC, rsrc, "rugao", 2020), (JINHU_DOC, "000_jinhu.txt", "jinhu", 2020)
    findings = _rows(
        "finding_id check severity document_id source_file library_key year metric",
        ("q_conflict", "conflict", "error", *r20, reg),
        ("q_sum", "sum_mismatch", "error", *r20, spend + "total"),
        ("q_count", "count_mismatch", "warn", *r20, "activities.events"),
        ("q_impl", "implausible", "warn", *j20, "circulation.borrowers"),
        ("q_doc", "invalid_value", "error", "f" * 64, "009_orphan.txt", None, None, None),
    )
    for finding in findings:
        finding["message"] = MESSAGES[finding["finding_id"]]
    links = _rows(
        "finding_id figure_id role",
        *[("q_conflict", f, "candidate") for f in ("f01", "f02", "f03", "f04")],
        ("q_sum", "f05", "total"),
        *[("q_sum", f, "part") for f in ("f06", "f07", "f08")],
        ("q_impl", "f10", "subject"),
        ("q_impl", "f11", "subject"),
    )
    summary = _rows(
        "library_key library_name year visits loans registrations registrations_candidates registrations_conflict"
        " events attendance spending n_findings",
        ("rugao", "如皋市图书馆", 2020, None, 205829, 22454, 4, True, 53, 10489.5, 7545500, 3),
        ("jinhu", "金湖县图书馆", 2020, 47000, None, None, 0, False, None, None, None, 1),
    )
    libraries = _rows(
        "library_key library_name region_code", ("jinhu", "金湖县图书馆", "320831"), ("rugao", "如皋市图书馆", "320682")
    )
    documents = _rows(
        "document_id source_file status reason encoding bytes chars library_name report_year text",
        (RUGAO_DOC, rsrc, "loaded", None, "utf-8", len(t.encode()), len(t), "如皋市图书馆", 2020, t),
        (JINHU_DOC, "000_jinhu.txt", "loaded", None, "gb18030", 1000, 500, "金湖县图书馆", 2020, None),
        (JINHU_DOC, "copy/000_jinhu.txt", "duplicate", None, "gb18030", 1000, 500, "金湖县图书馆", 2020, None),
        ("0" * 64, "bad.bin", "quarantined", "binary", None, 10, 0, None, None, None),
    )
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
