"""`make docs`: the dbt docs site of the published warehouse, in `dbt_docs/` beside it.

`dbt docs generate --static` runs against the published file opened read-only
(the profile's `published` target, `access_mode: READ_ONLY`), with dbt's target
and logs in a temporary folder: the published file and the checkout are left as
they were. `dbt_docs/index.html` is dbt's static page (manifest and catalog
inside, no network needed); `manifest.json` and `catalog.json` sit beside it.
`--serve` then serves the folder on 127.0.0.1 until Ctrl-C.

Not part of every `make run`: it takes about 30 s (it compiles every model).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from nianbao import config
from nianbao.folders import swap_folder

DBT_TARGET = "published"  # dbt_project/profiles.yml
DB_ENV = "NIANBAO_DOCS_DB"
DEFAULT_PORT = 8080


def build(published: Path | None = None) -> Path:
    """Generate the site from `published` (default: the configured warehouse) and
    swap it into `config.dbt_docs_dir`; returns the path of its index.html."""
    published = Path(published) if published is not None else config.warehouse_path()
    if not published.is_file():
        raise FileNotFoundError(f"no published warehouse at {published}: run `make run` first")
    out = config.dbt_docs_dir(published)
    tmp = Path(tempfile.mkdtemp(prefix="nianbao-dbt-docs-"))
    try:
        # dbt-duckdb reads the profile's path as a URL and names the catalog after the
        # file: reach the file through a plain-named link (any folder, spaces, `#`, CJK)
        name = published.name if re.fullmatch(r"\w+\.duckdb", published.name, re.ASCII) else "nianbao.duckdb"
        link = tmp / "db" / name
        link.parent.mkdir()
        link.symlink_to(published.resolve())
        env = config.child_env(**{DB_ENV: str(link)}, DBT_SEND_ANONYMOUS_USAGE_STATS="false")
        dbt = Path(sys.executable).parent / "dbt"
        cmd = [
            str(dbt),
            "docs",
            "generate",
            "--static",
            "--target",
            DBT_TARGET,
            "--project-dir",
            str(config.DBT_PROJECT_DIR),
            "--profiles-dir",
            str(config.DBT_PROJECT_DIR),
            "--target-path",
            str(tmp / "target"),
            "--log-path",
            str(tmp / "logs"),
        ]
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
        if proc.returncode != 0:
            raise RuntimeError(f"dbt docs generate failed:\n{proc.stdout[-4000:]}\n{proc.stderr[-2000:]}")
        staging = out.with_name(f".{out.name}.staging-{os.getpid()}")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        shutil.copyfile(tmp / "target" / "static_index.html", staging / "index.html")
        for part in ("manifest.json", "catalog.json"):
            shutil.copyfile(tmp / "target" / part, staging / part)
        swap_folder(staging, out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out / "index.html"


def serve(folder: Path, port: int = DEFAULT_PORT) -> None:
    """Serve `folder` on http://127.0.0.1:<port>/ until Ctrl-C."""
    import functools
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(folder))
    with ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        print(f"dbt docs: http://127.0.0.1:{port}/ (Ctrl-C stops)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="nianbao.dbt_docs", description=__doc__)
    parser.add_argument("--warehouse", type=Path, help="the published warehouse (default: NIANBAO_WAREHOUSE)")
    parser.add_argument("--serve", action="store_true", help="serve the site once built")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    args = parser.parse_args(argv)
    try:
        index = build(args.warehouse)
    except (FileNotFoundError, RuntimeError) as exc:
        print(f"nianbao: {exc}", file=sys.stderr)
        return 1
    print(f"dbt docs: {index}")
    if args.serve:
        serve(index.parent, args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
