"""`nianbao run|eval|export|docs|bench|validate`: the one command line (the `nianbao` script).

Each command hands the rest of the line to the module that does the work, so
`nianbao <command> --help` shows that command's own options; `python -m <module>`
still works the same way. This is the entry point above both packages: `run` and
`bench` live in `orchestration` (Dagster) and are imported only when asked for,
so the other commands never load Dagster.
"""

from __future__ import annotations

import argparse
import importlib
import sys

#: command -> (module with a `main(argv) -> int`, argv put before the user's, what it does)
COMMANDS: dict[str, tuple[str, list[str], str]] = {
    "run": ("orchestration.cli", ["run"], "build the warehouse from the raw folder, validate it, publish it"),
    "eval": ("nianbao.evaluation", [], "score marts.fct_figures against the gold (NIANBAO_GOLD_DIR)"),
    "export": ("nianbao.export", [], "every mart of the published warehouse as Parquet and CSV"),
    "docs": ("nianbao.dbt_docs", [], "the dbt docs site of the published warehouse (--serve to serve it)"),
    "bench": ("orchestration.bench", [], "time the pipeline on the seeds (not asserted)"),
    "validate": ("nianbao.expectations", [], "run the Great Expectations suites on a warehouse (--db)"),
}


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="nianbao",
        description=__doc__.split("\n")[0],
        epilog="\n".join(f"  {name:<9} {what}" for name, (_, _, what) in COMMANDS.items()),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("command", choices=COMMANDS, metavar="command", help=", ".join(COMMANDS))
    p.add_argument("args", nargs=argparse.REMAINDER, help="the command's own options (<command> --help)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(sys.argv[1:] if argv is None else argv)
    module, before, _ = COMMANDS[args.command]
    return int(importlib.import_module(module).main([*before, *args.args]) or 0)


if __name__ == "__main__":
    sys.exit(main())
