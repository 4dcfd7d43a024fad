"""dbt's partial parsing between runs.

Each run gives dbt a temporary target folder (nothing accumulates in the checkout),
so dbt would find no saved parse state and re-parse all ~200 files every run
("Unable to do partial parsing because saved manifest not found"). The parse state,
`partial_parse.msgpack`, is kept per warehouse in `<warehouse folder>/.dbt_state/`:
`partial_parse(target_path, state_dir(published))` puts it into the run's target
folder before dbt starts and saves dbt's new one after dbt exits. dbt itself checks
that the state still fits (dbt version, profile, variables, file hashes) and
re-parses what changed, or everything when the profile changed.

Measured with `dbt parse` (2 cores, busy machine): a full parse ~13 s wall / 5.4 s CPU,
a partial parse with the saved state ~2 s wall / 2.6 s CPU.

The last run's `run_results.json` (the time of every model and test) is kept there too
(`LAST_RUN_RESULTS`): where the dbt stage spent its time, without re-running dbt.

The incremental models (the per-document rules, macros/dq_incremental.sql) compute again only
the documents whose inputs changed; a change of the code (dbt project, seeds, extractor,
Python, dependencies, the settings that change the output) is no change of their inputs, so
the code's digest of the last successful dbt build is kept there too (`CODE_VERSION`): a build
whose code differs, or after a dbt build that failed or was stopped (the digest is removed
before dbt starts), runs with `--full-refresh` (`full_refresh_needed`).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

STATE_DIRNAME = ".dbt_state"
PARTIAL_PARSE = "partial_parse.msgpack"
#: dbt's run_results.json of the last run, kept for profiling (read by nothing else)
LAST_RUN_RESULTS = "last_run_results.json"
#: the code's digest of the last dbt build that succeeded (absent while dbt runs)
CODE_VERSION = "code_version"


def state_dir(published: Path) -> Path:
    """Where dbt's parse state of the warehouse `published` is kept between runs."""
    return Path(published).parent / STATE_DIRNAME


@contextmanager
def partial_parse(target_path: Path, state: Path) -> Iterator[None]:
    """Give dbt the saved parse state in `target_path`; afterwards save dbt's new one in
    `state` (replaced atomically; kept as it was when dbt wrote none), with dbt's
    run_results.json as `LAST_RUN_RESULTS`."""
    target_path, state = Path(target_path), Path(state)
    target_path.mkdir(parents=True, exist_ok=True)
    saved = state / PARTIAL_PARSE
    if saved.is_file():
        shutil.copyfile(saved, target_path / PARTIAL_PARSE)
    try:
        yield
    finally:
        for name, kept in ((PARTIAL_PARSE, PARTIAL_PARSE), ("run_results.json", LAST_RUN_RESULTS)):
            new = target_path / name
            if new.is_file():
                state.mkdir(parents=True, exist_ok=True)
                tmp = state / f".{kept}.{os.getpid()}.tmp"
                shutil.copyfile(new, tmp)
                os.replace(tmp, state / kept)


def code_digest() -> str:
    """One digest of the code trees, the extractor version and the settings that change the
    output (not the raw folder: its files are the inputs the incremental models follow)."""
    from nianbao.config import settings
    from nianbao.fingerprint import code_versions, decisive_settings

    decisive = {k: v for k, v in decisive_settings(settings()).items() if k != "raw_dir"}
    return hashlib.sha256(json.dumps([code_versions(), decisive], sort_keys=True).encode()).hexdigest()


def full_refresh_needed(state: Path, code: str) -> bool:
    """Whether the incremental models must be built from scratch: the last dbt build that
    succeeded had other code (or none is recorded: a first build, or the last one failed)."""
    try:
        return (Path(state) / CODE_VERSION).read_text(encoding="utf-8").strip() != code
    except OSError:
        return True


@contextmanager
def code_version(state: Path, code: str, record: bool = True) -> Iterator[None]:
    """Around a dbt build: forget the recorded digest, and record `code` when the build ends
    without an exception (a failed or stopped build leaves none: the next one refreshes) and
    `record` (False for a build of some models only: the others did not follow int_dq_scope)."""
    path = Path(state) / CODE_VERSION
    path.unlink(missing_ok=True)
    yield
    if not record:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{CODE_VERSION}.{os.getpid()}.tmp")
    tmp.write_text(code + "\n", encoding="utf-8")
    os.replace(tmp, path)
