"""Every mart of the published warehouse as Parquet and CSV files, with a manifest.

    python -m nianbao.export [--warehouse warehouse/nianbao.duckdb] [--out DIR]

reads the published file read-only and writes, into `<warehouse folder>/export/`
(or DIR), one `<table>.parquet` and one `<table>.csv` (UTF-8, header line, comma
separated) per table of the `marts` schema, plus `manifest.json`.

The CSV files start with a UTF-8 byte order mark (BOM) by default: Excel, opening a
CSV by double-click, reads it as UTF-8 only when the BOM is there (without it the
Chinese text shows as mojibake in the local ANSI code page); DuckDB, pandas
(`encoding="utf-8-sig"`), LibreOffice and R read it either way. `--no-bom`
(`export_marts(..., bom=False)`) writes plain UTF-8 for tools that keep the BOM as
part of the first column name. The manifest gives each CSV's `encoding`
(`utf-8-sig` with the BOM, `utf-8` without):

    {"warehouse": "nianbao.duckdb", "exported_at": "...Z", "storage_version": ...,
     "files": [{"table": "marts.fct_figures", "format": "parquet", "file": "fct_figures.parquet",
                "rows": 96, "columns": [{"name": "figure_id", "type": "VARCHAR"}, ...],
                "description": "...", "sha256": "...", "encoding": null}, ...]}

Rows are written in a fixed order (`order by all`), so an unchanged warehouse gives
the same CSV bytes. The files are written to a staging folder beside the export
folder, which then replaces it: a reader never sees half an export.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from nianbao.folders import swap_folder

__all__ = ["export_marts", "export_dir", "FORMATS", "SCHEMA", "MANIFEST", "UTF8_BOM"]

SCHEMA = "marts"
EXPORT_DIRNAME = "export"
MANIFEST = "manifest.json"
# format -> (file suffix, COPY options)
FORMATS = {
    "parquet": (".parquet", "FORMAT parquet, COMPRESSION zstd"),
    "csv": (".csv", "FORMAT csv, HEADER true, DELIMITER ','"),
}
UTF8_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class ExportedFile:
    table: str
    format: str
    file: str
    rows: int
    columns: list[dict[str, str]]
    description: str | None
    sha256: str
    encoding: str | None = None  # text files only: utf-8-sig (with BOM) or utf-8


def export_dir(published: Path) -> Path:
    """The export folder of a published warehouse: `export/` beside it."""
    return Path(published).resolve().parent / EXPORT_DIRNAME


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _tables(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str | None]]:
    return con.execute(
        "select table_name, comment from duckdb_tables() where schema_name = ? order by table_name", [SCHEMA]
    ).fetchall()


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[dict[str, str]]:
    rows = con.execute(
        "select column_name, data_type from duckdb_columns() where schema_name = ? and table_name = ? "
        "order by column_index",
        [SCHEMA, table],
    ).fetchall()
    return [{"name": n, "type": t} for n, t in rows]


def _storage_version(published: Path) -> int:
    with open(published, "rb") as fh:
        head = fh.read(20)  # checksum (8 bytes), "DUCK", version number (8 bytes)
    return int.from_bytes(head[12:20], "little") if head[8:12] == b"DUCK" else -1


def _prepend_bom(path: Path) -> None:
    """Rewrite `path` with the UTF-8 BOM in front (streamed: any file size)."""
    tmp = path.with_name(path.name + ".bom")
    with open(path, "rb") as src, open(tmp, "wb") as dst:
        dst.write(UTF8_BOM)
        shutil.copyfileobj(src, dst, 1 << 20)
    os.replace(tmp, path)


def export_marts(published: Path, out: Path | None = None, bom: bool = True) -> list[ExportedFile]:
    """Export every table of `marts` in `published`; returns what was written (also in
    out/manifest.json). CSV files start with the UTF-8 BOM unless `bom` is False.
    Raises FileNotFoundError when the warehouse does not exist."""
    published = Path(published)
    if not published.is_file():
        raise FileNotFoundError(f"no published warehouse at {published} (run `make run` first)")
    out = Path(out) if out is not None else export_dir(published)
    staging = out.with_name(f".{out.name}.staging-{os.getpid()}")
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    written: list[ExportedFile] = []
    con = duckdb.connect(str(published), read_only=True)
    try:
        for table, description in _tables(con):
            columns = _columns(con, table)
            rows = con.execute(f"select count(*) from {SCHEMA}.{_quote(table)}").fetchone()[0]
            for fmt, (suffix, options) in FORMATS.items():
                target = staging / f"{table}{suffix}"
                con.execute(
                    f"COPY (select * from {SCHEMA}.{_quote(table)} order by all) TO {_literal(target)} ({options})"
                )
                encoding = None
                if fmt == "csv":
                    if bom:
                        _prepend_bom(target)
                    encoding = "utf-8-sig" if bom else "utf-8"
                written.append(
                    ExportedFile(
                        f"{SCHEMA}.{table}", fmt, target.name, rows, columns, description, _sha256(target), encoding
                    )
                )
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        con.close()
    manifest = {
        "warehouse": published.name,
        "exported_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "storage_version": _storage_version(published),
        "files": [f.__dict__ for f in written],
    }
    (staging / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    swap_folder(staging, out)
    return written


def main(argv: list[str] | None = None) -> int:
    from nianbao import config

    ap = argparse.ArgumentParser(prog="python -m nianbao.export", description=__doc__.splitlines()[0])
    ap.add_argument("--warehouse", type=Path, default=None, help="the published warehouse (default: NIANBAO_WAREHOUSE)")
    ap.add_argument("--out", type=Path, default=None, help="the export folder (default: export/ beside the warehouse)")
    ap.add_argument(
        "--no-bom",
        action="store_true",
        help="CSV without the UTF-8 byte order mark (default: with it, so Excel reads the Chinese text)",
    )
    args = ap.parse_args(argv)
    published = args.warehouse or config.warehouse_path()
    try:
        files = export_marts(published, args.out, bom=not args.no_bom)
    except FileNotFoundError as e:
        print(e, file=sys.stderr)
        return 1
    out = args.out or export_dir(published)
    tables = sorted({f.table for f in files})
    print(f"exported {len(tables)} marts ({len(files)} files) to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
