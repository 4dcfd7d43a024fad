"""A throwaway PostgreSQL cluster for the tests that need the server target (issue 12).

`pg_cluster()` runs Debian's initdb/pg_ctl (/usr/lib/postgresql/<version>/bin) on a free
port of 127.0.0.1 in a temporary folder and yields the NIANBAO_PG_* settings the dbt
profile reads (dbt_project/profiles.yml, target `postgres`). As root it runs the server
as the unprivileged `postgres` user (created by the package; else `nobody`), since
PostgreSQL refuses to run as root. The cluster is UTF-8 with the C.UTF-8 locale, so text
sorts by code point as in DuckDB, and without JIT compilation (see
dbt_project/macros/cross_db/session_settings.sql). A missing installation is a failure, not a skip:
`make postgres` (a dependency of `make test`) installs it.

    python -m tests.pg      # start a cluster, print its settings, stop it on Enter
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_ROOT = Path("/usr/lib/postgresql")
USER = "nianbao"
DBNAME = "nianbao"


def pg_bin() -> Path | None:
    """The bin folder of the newest installed PostgreSQL server, or None."""
    versions = sorted(
        (p for p in PG_ROOT.glob("*/bin") if (p / "initdb").exists()),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    )
    return versions[-1] if versions else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run_as() -> list[str]:
    """The command prefix that drops root (PostgreSQL refuses to run as root)."""
    if os.geteuid() != 0:
        return []
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return ["runuser", "-u", name, "--"]
    raise RuntimeError("running as root and no unprivileged user (postgres, nobody) to run PostgreSQL")


def _owner(prefix: list[str]) -> tuple[int, int] | None:
    return None if not prefix else pwd.getpwnam(prefix[2])[2:4]


@contextlib.contextmanager
def pg_cluster() -> Iterator[dict[str, str]]:
    """Start a cluster, yield its NIANBAO_PG_* settings, stop and delete it afterwards."""
    bin_dir = pg_bin()
    if bin_dir is None:
        pytest.fail(f"PostgreSQL is not installed (no {PG_ROOT}/*/bin/initdb): run `make postgres`")
    prefix = _run_as()
    base = Path(tempfile.mkdtemp(prefix="nianbao-pg-"))
    owner = _owner(prefix)
    if owner:
        os.chown(base, *owner)
    data, port = base / "data", _free_port()
    env = dict(os.environ, LC_ALL="C.UTF-8")

    def run(*cmd: str) -> None:
        proc = subprocess.run([*prefix, *cmd], cwd=base, env=env, capture_output=True, text=True, timeout=120)
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed:\n{proc.stdout}\n{proc.stderr}")

    try:
        run(
            str(bin_dir / "initdb"),
            "-D",
            str(data),
            "-U",
            USER,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        run(
            str(bin_dir / "pg_ctl"),
            "-D",
            str(data),
            "-l",
            str(base / "server.log"),
            "-w",
            "-t",
            "60",
            "-o",
            f"-h 127.0.0.1 -p {port} -k {base} -F -c jit=off",
            "start",
        )
        try:
            run(str(bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", USER, DBNAME)
            yield {
                "NIANBAO_PG_HOST": "127.0.0.1",
                "NIANBAO_PG_PORT": str(port),
                "NIANBAO_PG_USER": USER,
                "NIANBAO_PG_PASSWORD": "",
                "NIANBAO_PG_DBNAME": DBNAME,
            }
        finally:
            run(str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")
    finally:
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_env() -> Iterator[dict[str, str]]:
    """A running throwaway cluster for the session: its NIANBAO_PG_* settings."""
    with pg_cluster() as settings:
        yield settings


if __name__ == "__main__":
    with pg_cluster() as settings:
        print(" ".join(f"{k}={v}" for k, v in settings.items()), flush=True)
        input("PostgreSQL is running; Enter stops it. ")
