"""Build the static quality report from the marts of a DuckDB file.

`build_report(db_path, out_dir)` reads (read-only) `marts.fct_figures`,
`marts.dq_findings`, `marts.dq_finding_figures`, `marts.library_year_summary`,
`marts.dim_library` and `marts.dim_document`; any of them
may be missing or lack optional columns. It writes::

    out_dir/index.html                  totals, charts, library-year table
    out_dir/charts/*.svg                findings by check / by library, headline figures
    out_dir/ly/<library_code>-<year>.html   one page per library-year
    out_dir/pages.json                  page fingerprints: unchanged pages are reused (nianbao.report.pages)

Document text, when some table has a `text` column keyed by `document_id`
(marts first, then any schema), gives line numbers and the source line;
without it the page shows the character span. Output is deterministic: rows are
sorted, file names derive from library_key + year, no timestamps are written.
"""

from __future__ import annotations

import math
import re
import shutil
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nianbao.report import charts
from nianbao.report.highlight import evidence_segments, line_of, source_line
from nianbao.report.pages import PageWriter, fingerprint
from nianbao.storage import View, read, source_name

SEVERITY_ORDER = {"error": 0, "warn": 1, "info": 2}
ROLE_ORDER = {
    r: i for i, r in enumerate(("candidate", "total", "part", "stated", "numerator", "denominator", "subject"))
}
QUALIFIER_SIGNS = {"exact": "", "at_least": "≥ ", "approx": "≈ ", "at_most": "≤ ", "range": ""}
QUALIFIER_ZH = {"exact": "确数", "at_least": "余/多/以上", "approx": "约", "at_most": "近/不到", "range": "区间"}
SUMMARY_KEYS = ("library_key", "library_name", "year")


# ---------------------------------------------------------------- loading


@dataclass
class Marts:
    figures: list[dict] = field(default_factory=list)
    findings: list[dict] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)
    summary: list[dict] = field(default_factory=list)
    summary_columns: list[str] = field(default_factory=list)
    libraries: list[dict] = field(default_factory=list)
    documents: list[dict] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    #: what findings link that is no row of fct_figures (stated ratios, numbers read as no figure)
    linked_only: list[dict] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def _clean(v: Any) -> Any:
    """NaN/NaT -> None; numpy scalars -> Python."""
    if v is None:
        return None
    if hasattr(v, "item") and not isinstance(v, (str, bytes)):
        try:
            v = v.item()
        except (ValueError, AttributeError):
            pass
    if isinstance(v, float) and math.isnan(v):
        return None
    try:
        import pandas as pd

        if v is pd.NaT or (not isinstance(v, (str, bytes, list, dict)) and pd.isna(v)):
            return None
    except (TypeError, ValueError):
        pass
    return v


def _rows(con, sql: str) -> tuple[list[dict], list[str]]:
    cur = con.execute(sql)
    cols = [d[0] for d in cur.description]
    return [{c: _clean(v) for c, v in zip(cols, row)} for row in cur.fetchall()], cols


def load_marts(db_path: Path | View) -> Marts:
    """The report's tables from `db_path`: a DuckDB file, or a storage's view (`nianbao.storage`)."""
    m = Marts()
    with read(db_path) as (con, marts):
        # qualify with the catalog: a file named marts.duckdb makes `marts` ambiguous
        cat = con.execute("select current_database()").fetchone()[0].replace('"', '""')
        cols_by_table: dict[tuple[str, str], set[str]] = defaultdict(set)
        for schema, table, col in con.execute(
            "select table_schema, table_name, column_name from information_schema.columns "
            "where table_catalog = current_database()"
        ).fetchall():
            cols_by_table[(schema, table)].add(col)

        def has(table: str) -> bool:
            return (marts, table) in cols_by_table

        def load(table: str) -> tuple[list[dict], list[str]]:
            if not has(table):
                m.missing.append(f"marts.{table}")
                return [], []
            return _rows(con, f'select * from "{cat}"."{marts}"."{table}"')

        m.figures, _ = load("fct_figures")
        m.findings, _ = load("dq_findings")
        m.links, _ = load("dq_finding_figures")
        m.summary, m.summary_columns = load("library_year_summary")
        m.libraries, _ = load("dim_library")
        if has("dim_document"):
            cols = cols_by_table[(marts, "dim_document")] - {"text"}
            sel = ", ".join(f'"{c}"' for c in sorted(cols))
            m.documents, _ = _rows(con, f'select {sel} from "{cat}"."{marts}".dim_document')
        else:
            m.missing.append("marts.dim_document")

        # linked ids that are no rows of fct_figures (a stated ratio, a number the extractor read
        # but kept as no figure: a date, a count restated): their evidence from the staging tables
        known = {f.get("figure_id") for f in m.figures}
        linked = sorted({str(link.get("figure_id")) for link in m.links if link.get("figure_id") not in known})
        if linked:
            files = {d.get("document_id"): d.get("source_file") for d in m.documents}
            m.linked_only = _linked_elsewhere(con, cat, cols_by_table, marts, linked, files)
            m.linked_only += _spans_in_ids(set(linked) - {f["figure_id"] for f in m.linked_only}, files)

        # document text: marts first, then any other schema (e.g. raw.documents)
        wanted = {f.get("document_id") for f in m.figures + m.linked_only if f.get("document_id")}
        sources = sorted(
            (k for k, c in cols_by_table.items() if {"document_id", "text"} <= c),
            key=lambda k: (k[0] != marts, k[1] not in ("dim_document", "documents"), k),
        )
        for schema, table in sources:
            if not wanted - set(m.texts):
                break
            for doc_id, text in con.execute(
                f'select document_id, text from "{cat}"."{schema}"."{table}" where text is not null'
            ).fetchall():
                if doc_id in wanted and doc_id not in m.texts and isinstance(text, str):
                    m.texts[doc_id] = text
    for f in m.linked_only:  # a span named by its start only: the date or number written there
        text = m.texts.get(f.get("document_id") or "")
        if f.get("char_end") is None and text and 0 <= f["char_start"] < len(text):
            hit = _WRITTEN_AT.match(text, f["char_start"])
            f["char_end"] = hit.end() if hit else f["char_start"] + 1
    return m


#: what a table must have to lend the evidence of a linked id missing from fct_figures
_FIGURE_LIKE = {"figure_id", "document_id", "evidence", "char_start", "char_end"}
_CANDIDATE_LIKE = {"candidate_id", "document_id", "char_start", "char_end"}


def _linked_elsewhere(con, cat: str, cols_by_table: dict, marts: str, ids: list[str], files: dict) -> list[dict]:
    """Rows in the shape of fct_figures for the ids a finding links that fct_figures lacks: a
    stated ratio (the staging figures, kind 'ratio') or a candidate number that is no figure
    (the staging candidates: a date, a restated count, a daily average). Each keeps its document
    and character span, so the page shows its file, line and source line beside the others;
    `in_marts` is False and `status` says what it is. Tables are found by their columns (staging
    first), as the document text is."""
    out: dict[str, dict] = {}
    order = sorted(cols_by_table, key=lambda k: (k[0] != "staging", k[0] == marts, k))
    for schema, table in order:
        cols = cols_by_table[(schema, table)]
        if (schema, table) == (marts, "fct_figures") or not (ids_left := [i for i in ids if i not in out]):
            continue
        if _FIGURE_LIKE <= cols:
            id_col, wanted = "figure_id", [c for c in _FIGURE_COLUMNS if c in cols]
        elif _CANDIDATE_LIKE <= cols:
            id_col, wanted = "candidate_id", [c for c in _CANDIDATE_COLUMNS if c in cols]
        else:
            continue
        sel = ", ".join(f'"{c}"' for c in wanted)
        literals = ", ".join("'" + i.replace("'", "''") + "'" for i in ids_left)  # both drivers: no placeholders
        rows, _ = _rows(con, f'select {sel} from "{cat}"."{schema}"."{table}" where "{id_col}" in ({literals})')
        for r in rows:
            fid = str(r.pop(id_col))
            if fid in out:
                continue
            if id_col == "candidate_id":
                r["unit_raw"] = r.pop("unit", None)
                what = ": ".join(str(x) for x in (r.pop("fate", None), r.pop("reason", None)) if x)
                r["status"] = "a number read, not a figure" + (f" ({what})" if what else "")
                r["evidence"] = None
            else:
                kind = r.get("kind")
                r["status"] = "stated ratio" if kind == "ratio" else f"not in marts.fct_figures ({kind})"
            r.update(figure_id=fid, source_file=files.get(r.get("document_id")), in_marts=False)
            out[fid] = r
    return [out[i] for i in ids if i in out]


#: an id that names its place: "date:<document_id>:<offset>" (a date the rules read from the text)
_SPAN_ID = re.compile(r"^[a-z_]+:([0-9a-f]{16,}):([0-9]+)$")
#: what is written at such a place: a date or number (2021年9月29日, 2020/5/8, 2023-04-24)
_WRITTEN_AT = re.compile(r"[0-9０-９]+(?:[年月日/.\-:：][0-9０-９]+)*[年月日号]?")


def _spans_in_ids(ids: set[str], files: dict) -> list[dict]:
    """Rows for linked ids that name a document and an offset ("date:<document_id>:163"): the
    page shows the file, line and source line there."""
    out = []
    for fid in sorted(ids):
        m = _SPAN_ID.match(fid)
        if m and m.group(1) in files:
            out.append(
                {
                    "figure_id": fid,
                    "document_id": m.group(1),
                    "source_file": files[m.group(1)],
                    "metric": fid.split(":", 1)[0],
                    "char_start": int(m.group(2)),
                    "char_end": None,
                    "status": "written in the text, not a figure",
                    "in_marts": False,
                }
            )
    return out


_FIGURE_COLUMNS = (
    "figure_id", "document_id", "kind", "metric", "value", "value_high", "qualifier", "scope", "segment",
    "period", "unit_raw", "evidence", "char_start", "char_end",
)  # fmt: skip
_CANDIDATE_COLUMNS = (
    "candidate_id", "document_id", "metric", "value", "unit", "char_start", "char_end", "fate", "reason",
)  # fmt: skip


# ---------------------------------------------------------------- view model


def page_name(library_key: Any, year: Any) -> str:
    """Stable file name of a library-year page (relative to out_dir)."""
    y = "unknown" if year is None else str(int(year)) if isinstance(year, (int, float)) else str(year)
    return f"ly/{charts.ascii_code(library_key)}-{y}.html"


def fmt_num(v: Any) -> str:
    if v is None:
        return "—"
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, int):
        return f"{v:,}"
    if isinstance(v, float):
        if v.is_integer() and abs(v) < 1e15:
            return f"{int(v):,}"
        s = f"{v:,.4f}".rstrip("0").rstrip(".")
        return s
    return str(v)


def fmt_value(fig: dict) -> str:
    q = fig.get("qualifier") or "exact"
    v, hi = fig.get("value"), fig.get("value_high")
    if q == "range" and hi is not None:
        return f"{fmt_num(v)} – {fmt_num(hi)}"
    return QUALIFIER_SIGNS.get(q, "") + fmt_num(v)


def _sort_key(v: Any) -> tuple:
    return (v is None, str(v) if v is not None else "")


def _year_key(y: Any) -> Any:
    if y is None:
        return None
    try:
        return int(y)
    except (TypeError, ValueError):
        return y


def figure_view(fig: dict, role: str | None, texts: dict[str, str]) -> dict:
    doc_text = texts.get(fig.get("document_id") or "")
    cs, ce = fig.get("char_start"), fig.get("char_end")
    cs = int(cs) if cs is not None else None
    ce = int(ce) if ce is not None else None
    ev = evidence_segments(fig.get("evidence"), fig.get("value"), fig.get("unit_raw"), doc_text, cs, ce)
    lineno = src = None
    if doc_text and cs is not None and ce is not None and 0 <= cs < ce <= len(doc_text):
        lineno, src = source_line(doc_text, cs, ce)
    elif doc_text and cs is not None and 0 <= cs <= len(doc_text):
        lineno = line_of(doc_text, cs)
    return {
        "missing": False,
        "figure_id": fig.get("figure_id"),
        "role": role,
        "metric": fig.get("metric"),
        "value": fmt_value(fig),
        "value_raw": fig.get("value"),
        "qualifier": fig.get("qualifier"),
        "qualifier_zh": QUALIFIER_ZH.get(fig.get("qualifier") or "", ""),
        "scope": fig.get("scope"),
        "segment": fig.get("segment"),
        "period": fig.get("period"),
        "unit_raw": fig.get("unit_raw"),
        "status": fig.get("status"),
        "evidence": ev,
        "source_file": fig.get("source_file"),
        "line": lineno,
        "source_line": src,
        "char_start": cs,
        "char_end": ce,
    }


def _library_names(m: Marts) -> dict[Any, str]:
    names: dict[Any, str] = {}
    for src in (m.figures, m.summary, m.libraries):
        for r in src:
            if r.get("library_key") is not None and r.get("library_name"):
                names[r["library_key"]] = r["library_name"]
    return names


def headline_rows(row: dict, cols: list[str]) -> list[dict]:
    """Rows of the headline table. Columns are treated generically; a column `x`
    with siblings `x_candidates` / `x_conflict` (any `x_*` suffix) becomes one row
    with those as extra cells, the others are plain rows."""
    colset = set(cols)
    attached: dict[str, dict[str, Any]] = defaultdict(dict)
    owner: dict[str, str] = {}
    for c in cols:
        for base in cols:
            if c != base and c.startswith(base + "_") and base in colset:
                if len(base) > len(owner.get(c, "")):
                    owner[c] = base
    for c, base in owner.items():
        attached[base][c[len(base) + 1 :]] = row.get(c)
    out = []
    for c in cols:
        if c in owner:
            continue
        extra = attached.get(c, {})
        conflict = extra.pop("conflict", None)
        candidates = extra.pop("candidates", None)
        out.append(
            {
                "name": c,
                "value": fmt_num(row.get(c)),
                "candidates": fmt_num(candidates) if candidates is not None else "",
                "conflict": bool(conflict) if conflict is not None else None,
                "extra": [(k, fmt_num(v)) for k, v in sorted(extra.items())],
            }
        )
    return out


def build_views(m: Marts) -> dict:
    names = _library_names(m)
    figs_by_id = {f.get("figure_id"): f for f in m.linked_only + m.figures}
    links_by_finding: dict[Any, list[dict]] = defaultdict(list)
    for link in m.links:
        links_by_finding[link.get("finding_id")].append(link)

    def finding_view(f: dict) -> dict:
        figs = []
        for link in links_by_finding.get(f.get("finding_id"), []):
            fig = figs_by_id.get(link.get("figure_id"))
            if fig is None:
                figs.append({"figure_id": link.get("figure_id"), "role": link.get("role"), "missing": True})
                continue
            figs.append(figure_view(fig, link.get("role"), m.texts))
        figs.sort(
            key=lambda x: (
                ROLE_ORDER.get(x.get("role") or "", 99),
                x.get("source_file") or "",
                x.get("char_start") or 0,
                str(x.get("figure_id")),
            )
        )
        return {
            "finding_id": f.get("finding_id"),
            "check": f.get("check"),
            "severity": f.get("severity") or "info",
            "metric": f.get("metric"),
            "message": f.get("message"),
            "source_file": f.get("source_file"),
            "library_key": f.get("library_key"),
            "year": _year_key(f.get("year")),
            "figures": figs,
            # every file the finding's evidence comes from (two for a cross_document finding)
            "source_files": sorted(
                {x["source_file"] for x in figs if x.get("source_file")} or {f.get("source_file")} - {None}
            ),
        }

    findings = sorted(
        (finding_view(f) for f in m.findings),
        key=lambda x: (SEVERITY_ORDER.get(x["severity"], 9), x["check"] or "", x["metric"] or "", str(x["finding_id"])),
    )

    # library-years: union of summary, figures and findings
    keys: set[tuple[Any, Any]] = set()
    for src in (m.summary, m.figures):
        for r in src:
            if r.get("library_key") is not None:
                keys.add((r["library_key"], _year_key(r.get("year"))))
    for f in findings:
        if f["library_key"] is not None:
            keys.add((f["library_key"], f["year"]))
    ordered = sorted(keys, key=lambda k: (str(k[0]), _sort_key(k[1])))

    summary_by_key = {(r.get("library_key"), _year_key(r.get("year"))): r for r in m.summary}
    headline_cols = [c for c in m.summary_columns if c not in SUMMARY_KEYS]
    figs_by_ly: dict[tuple, list[dict]] = defaultdict(list)
    for f in m.figures:
        figs_by_ly[(f.get("library_key"), _year_key(f.get("year")))].append(f)
    findings_by_ly: dict[tuple, list[dict]] = defaultdict(list)
    orphans: list[dict] = []
    for f in findings:
        if f["library_key"] is None:
            orphans.append(f)
        else:
            findings_by_ly[(f["library_key"], f["year"])].append(f)

    pages = []
    for key in ordered:
        lk, yr = key
        srow = summary_by_key.get(key)
        headline = headline_rows(srow, headline_cols) if srow else []
        fl = findings_by_ly.get(key, [])
        sev = Counter(f["severity"] for f in fl)
        fig_rows = figs_by_ly.get(key, [])
        pages.append(
            {
                "library_key": lk,
                "library_name": names.get(lk, str(lk)),
                "year": yr,
                "file": page_name(lk, yr),
                "headline": headline,
                "findings": fl,
                "n_error": sev.get("error", 0),
                "n_warn": sev.get("warn", 0),
                "n_info": sev.get("info", 0),
                "n_figures": len(fig_rows),
                "figure_rows": fig_rows,  # rendered one page at a time: `page_figures`
            }
        )

    doc_status = Counter(d.get("status") or "unknown" for d in m.documents)
    fig_status = Counter(f.get("status") or "unknown" for f in m.figures)
    sev_all = Counter(f["severity"] for f in findings)
    totals = {
        "documents": len(m.documents),
        "documents_by_status": sorted(doc_status.items()),
        "figures": len(m.figures),
        "figures_by_status": sorted(fig_status.items()),
        "findings": len(findings),
        "findings_by_severity": [(s, sev_all.get(s, 0)) for s in ("error", "warn", "info")]
        + sorted((s, n) for s, n in sev_all.items() if s not in SEVERITY_ORDER),
    }
    quarantined = sorted(
        (d for d in m.documents if d.get("status") == "quarantined"), key=lambda d: str(d.get("source_file"))
    )
    return {
        "totals": totals,
        "pages": pages,
        "findings": findings,
        "orphans": orphans,
        "headline_cols": headline_cols,
        "names": names,
        "quarantined": quarantined,
        "missing": m.missing,
        "has_text": bool(m.texts),
    }


def page_figures(page: dict, texts: dict[str, str]) -> list[dict]:
    """The figure views of one library-year page (built when the page is rendered, so
    only one page's views are held at a time)."""
    return sorted(
        (figure_view(f, None, texts) for f in page["figure_rows"]),
        key=lambda x: (x["metric"] or "", x["source_file"] or "", x["char_start"] or 0, str(x["figure_id"])),
    )


# ---------------------------------------------------------------- charts


def _numeric_headline(pages: list[dict], m: Marts, cols: list[str]) -> dict[str, list]:
    by_key = {(r.get("library_key"), _year_key(r.get("year"))): r for r in m.summary}
    numeric = []
    for c in cols:
        vals = [by_key.get((p["library_key"], p["year"]), {}).get(c) for p in pages]
        if any(isinstance(v, (int, float)) and not isinstance(v, bool) for v in vals):
            numeric.append(c)
    # headline figures before candidate counts and other bookkeeping columns
    primary = [c for c in numeric if not any(t in c.lower() for t in ("candidate", "count", "n_", "finding"))]
    chosen = (primary or numeric)[:8]
    out: dict[str, list] = {}
    for c in chosen:
        row = []
        for p in pages:
            v = by_key.get((p["library_key"], p["year"]), {}).get(c)
            row.append(float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None)
        out[c] = row
    return out


def write_charts(out_dir: Path, views: dict, m: Marts) -> list[dict]:
    cdir = out_dir / "charts"
    findings = views["findings"]
    out: list[dict] = []

    tally = Counter((f["check"] or "?", f["severity"]) for f in findings)  # one pass: any number of findings
    checks = sorted({c for c, _ in tally})
    counts = {s: [tally[(c, s)] for c in checks] for s in ("error", "warn", "info")}
    charts.stacked_bars(cdir / "findings_by_check.svg", "Findings by check", checks, counts)
    out.append({"file": "charts/findings_by_check.svg", "title": "按检查类型统计的问题 (findings by check)"})

    tally = Counter((f["library_key"], f["severity"]) for f in findings if f["library_key"] is not None)
    libs = sorted({k for k, _ in tally}, key=str)
    labels = [charts.label_for(k, views["names"].get(k)) for k in libs]
    counts = {s: [tally[(k, s)] for k in libs] for s in ("error", "warn", "info")}
    charts.stacked_bars(cdir / "findings_by_library.svg", "Findings by library", labels, counts)
    out.append({"file": "charts/findings_by_library.svg", "title": "按图书馆统计的问题 (findings by library)"})

    pages = [p for p in views["pages"] if p["headline"]]
    cols = _numeric_headline(pages, m, views["headline_cols"])
    labels = [charts.label_for(p["library_key"], p["library_name"], p["year"]) for p in pages]
    charts.headline_grid(cdir / "headline_figures.svg", "Headline figures per library-year", labels, cols)
    out.append({"file": "charts/headline_figures.svg", "title": "各馆主要指标 (headline figures)"})
    return out


# ---------------------------------------------------------------- render


def _env():
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=PackageLoader("nianbao.report", "templates"),
        autoescape=select_autoescape(["html", "j2"], default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["num"] = fmt_num
    return env


def build_report(db_path: Path | View, out_dir: Path, run: dict | None = None, previous: Path | None = None) -> Path:
    """Write the static quality report for the marts in `db_path` to `out_dir`;
    return the path of index.html.

    `run` ({"published", "time", "id"}) is shown in the header of the index: the
    pipeline writes into an empty staging folder that `nianbao.publish` swaps in
    with the published file, so the header names the build the report shows.
    `previous` (the published report) lends every library-year page whose figures
    and findings are unchanged (`nianbao.report.pages`: fingerprints in
    `pages.json`); only new and changed pages are rendered, each with the run
    that wrote it. Without `previous`, the pages already in `out_dir` are reused
    the same way; pages of library-years no longer in the marts are removed."""
    db_path = db_path if isinstance(db_path, View) else Path(db_path)
    out_dir = Path(out_dir)
    m = load_marts(db_path)
    views = build_views(m)

    out_dir.mkdir(parents=True, exist_ok=True)
    if (out_dir / "charts").is_dir():
        shutil.rmtree(out_dir / "charts")
    writer = PageWriter(out_dir, previous if previous is not None else out_dir)
    chart_list = write_charts(out_dir, views, m)

    env = _env()
    page_tpl = env.get_template("library_year.html")
    for p in views["pages"]:
        page = {k: v for k, v in p.items() if k != "figure_rows"}
        page["figures"] = page_figures(p, m.texts)
        fp = fingerprint([page, views["has_text"]])
        writer.write(
            p["file"],
            fp,
            lambda page=page: page_tpl.render(
                page=page,
                root="../",
                title=f"{page['library_name']} {page['year']}",
                has_text=views["has_text"],
                run=run,
                page_run=True,
            ),
        )
    writer.close()
    index = out_dir / "index.html"
    index.write_text(
        env.get_template("index.html").render(
            v=views,
            charts=chart_list,
            root="",
            title="年报数据质量报告 · nianbao quality report",
            db_name=source_name(db_path),
            run=run,
        ),
        encoding="utf-8",
    )
    return index
