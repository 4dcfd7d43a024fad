"""nianbao.export: every mart as Parquet and CSV, with a manifest whose rows, columns and
sha256 match the files."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import duckdb
import pytest

from nianbao.export import MANIFEST, export_dir, export_marts, main


@pytest.fixture
def published(tmp_path) -> Path:
    db = tmp_path / "wh" / "nianbao.duckdb"
    db.parent.mkdir()
    con = duckdb.connect(str(db))
    con.execute("create schema marts")
    con.execute("create schema raw")
    con.execute("""create table marts.fct_figures as
        select figure_id, library_name, year, cast(value as double) as value, is_preferred
        from (values ('f2', '如皋市图书馆', 2020, 474500.0, true),
                     ('f1', '如皋市图书馆', 2020, 212000.0, false),
                     ('f3', '乾县图书馆, "县馆"', 2021, null, true))
        as t(figure_id, library_name, year, value, is_preferred)""")
    con.execute("comment on table marts.fct_figures is 'one row per stated figure'")
    con.execute(
        "create table marts.dim_year as select 2020 + range as year, cast(date '2020-12-31' + "
        "to_years(range::int) as date) as year_end from range(2)"
    )
    con.execute("create table marts.empty_mart (a integer)")
    con.execute("create table raw.documents as select 1 as x")  # not a mart: not exported
    con.execute("create view marts.v as select * from marts.fct_figures")  # a view: not exported
    con.close()
    return db


def _manifest(out: Path) -> dict:
    return json.loads((out / MANIFEST).read_text(encoding="utf-8"))


def test_every_mart_in_both_formats_with_matching_manifest(published):
    export_marts(published)
    out = export_dir(published)
    assert out == published.parent / "export"
    manifest = _manifest(out)
    assert manifest["warehouse"] == "nianbao.duckdb"
    with open(published, "rb") as fh:
        assert manifest["storage_version"] == int.from_bytes(fh.read(20)[12:20], "little") > 0
    by = {(f["table"], f["format"]): f for f in manifest["files"]}
    assert set(by) == {
        (t, fmt) for t in ("marts.fct_figures", "marts.dim_year", "marts.empty_mart") for fmt in ("parquet", "csv")
    }
    assert sorted(p.name for p in out.iterdir()) == sorted([f["file"] for f in manifest["files"]] + [MANIFEST])
    con = duckdb.connect()
    for (table, fmt), entry in by.items():
        path = out / entry["file"]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"]
        reader = "read_parquet" if fmt == "parquet" else "read_csv"
        n = con.execute(f"select count(*) from {reader}(?)", [str(path)]).fetchone()[0]
        assert n == entry["rows"], (table, fmt)
        names = [c[0] for c in con.execute(f"describe select * from {reader}(?)", [str(path)]).fetchall()]
        assert names == [c["name"] for c in entry["columns"]], (table, fmt)
    assert by[("marts.fct_figures", "csv")]["rows"] == 3
    assert by[("marts.fct_figures", "parquet")]["description"] == "one row per stated figure"
    assert by[("marts.fct_figures", "parquet")]["columns"][3] == {"name": "value", "type": "DOUBLE"}


def test_values_and_types_survive(published):
    export_marts(published)
    out = export_dir(published)
    con = duckdb.connect()
    rows = con.execute(
        "select figure_id, library_name, year, value, is_preferred from read_parquet(?)",
        [str(out / "fct_figures.parquet")],
    ).fetchall()
    assert rows == [
        ("f1", "如皋市图书馆", 2020, 212000.0, False),
        ("f2", "如皋市图书馆", 2020, 474500.0, True),
        ("f3", '乾县图书馆, "县馆"', 2021, None, True),
    ]
    csv_rows = con.execute("select * from read_csv(?)", [str(out / "fct_figures.csv")]).fetchall()
    assert csv_rows == rows
    assert con.execute(
        "select year_end from read_parquet(?) order by 1", [str(out / "dim_year.parquet")]
    ).fetchall() == [(date(2020, 12, 31),), (date(2021, 12, 31),)]


def test_export_is_repeatable_and_replaces_the_old_one(published):
    export_marts(published)
    out = export_dir(published)
    first = (out / "fct_figures.csv").read_bytes()
    (out / "stale.csv").write_text("left from an older export")
    export_marts(published)
    assert (out / "fct_figures.csv").read_bytes() == first
    assert not (out / "stale.csv").exists()
    assert [p.name for p in published.parent.iterdir() if p.name.startswith(".")] == []


def test_cli_and_missing_warehouse(published, tmp_path, capsys):
    target = tmp_path / "elsewhere"
    assert main(["--warehouse", str(published), "--out", str(target)]) == 0
    assert "exported 3 marts (6 files)" in capsys.readouterr().out
    assert (target / MANIFEST).exists()
    assert main(["--warehouse", str(tmp_path / "nope.duckdb")]) == 1
    assert "no published warehouse" in capsys.readouterr().err


def test_csv_has_a_bom_for_excel_by_default(published, tmp_path):
    """Excel reads a CSV as UTF-8 only with the byte order mark; the text after it is the
    same UTF-8 as without it, and readers that know the BOM see no difference."""
    import csv

    export_marts(published)
    with_bom = export_dir(published)
    plain = tmp_path / "plain"
    assert main(["--warehouse", str(published), "--out", str(plain), "--no-bom"]) == 0
    a, b = (with_bom / "fct_figures.csv").read_bytes(), (plain / "fct_figures.csv").read_bytes()
    assert a.startswith(b"\xef\xbb\xbf") and not b.startswith(b"\xef\xbb\xbf")
    assert a[3:] == b
    with open(with_bom / "fct_figures.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][0] == "figure_id"  # the BOM is not part of the first column name
    assert ["f3", '乾县图书馆, "县馆"'] == rows[3][:2]
    con = duckdb.connect()
    assert (
        con.execute(
            "select count(*) from read_csv(?) where library_name = '如皋市图书馆'", [str(with_bom / "fct_figures.csv")]
        ).fetchone()[0]
        == 2
    )
    enc = {(f["format"], f["file"]): f["encoding"] for f in _manifest(with_bom)["files"]}
    assert enc[("csv", "fct_figures.csv")] == "utf-8-sig" and enc[("parquet", "fct_figures.parquet")] is None
    assert {f["encoding"] for f in _manifest(plain)["files"] if f["format"] == "csv"} == {"utf-8"}
