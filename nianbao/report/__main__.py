"""`python -m nianbao.report [--db PATH] [--out DIR]`: build the static quality report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from nianbao import config
from nianbao.report import build_report


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m nianbao.report", description=__doc__)
    p.add_argument("--db", type=Path, default=None, help="DuckDB file (default: the published warehouse)")
    p.add_argument("--out", type=Path, default=None, help="output folder (default: config.report_dir())")
    a = p.parse_args(argv)
    index = build_report(a.db or config.warehouse_path(), a.out or config.report_dir())
    print(index)
    return 0


if __name__ == "__main__":
    sys.exit(main())
