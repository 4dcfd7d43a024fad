"""Helper for the kill -9 test: build a working DuckDB and publish it, over and over.

    python publish_loop.py WORKING PUBLISHED ITERATIONS ROWS

Each iteration rebuilds `marts.fct_figures` (ROWS rows, all stamped with the
iteration number) and `marts.meta` (the iteration and the row count) in the
working file, closes it and publishes. A published file is consistent when
every fct_figures row carries meta's iteration and the count matches.
Starts with `recover`, like a pipeline run. Prints one line per publish.
"""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from nianbao.publish import publish, recover  # noqa: E402

REQUIRED = ["marts.fct_figures", "marts.meta"]


def build(working: Path, it: int, rows: int) -> None:
    con = duckdb.connect(str(working))
    try:
        con.execute("create schema if not exists marts")
        con.execute(
            f"create or replace table marts.fct_figures as "
            f"select range as figure_id, {it} as build, random() as value from range({rows})"
        )
        con.execute(f"create or replace table marts.meta as select {it} as build, {rows} as n")
    finally:
        con.close()


def main() -> None:
    working, published = Path(sys.argv[1]), Path(sys.argv[2])
    iterations, rows = int(sys.argv[3]), int(sys.argv[4])
    recover(working, published)
    for it in range(iterations):
        build(working, it, rows)
        publish(working, published, REQUIRED)
        print(f"published {it}", flush=True)


if __name__ == "__main__":
    main()
