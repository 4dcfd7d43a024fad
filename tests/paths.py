"""Where the tests find what lies outside the repository: the read-only `shared/` folder beside the
checkout (a CI clone has a copy of it beside it too). The one place tests spell these paths; use the
`seeds_dir` / `realdev_dir` fixtures of tests/conftest.py, which fail with one line when it is missing."""

from __future__ import annotations

from nianbao.config import PROJECT_ROOT

SHARED = PROJECT_ROOT.parent / "shared"
SEEDS = SHARED / "seeds"  # the four seed reports, gold.csv, gold_events.csv, NOTES.md
REALDEV = SHARED / "realdev"  # real dev documents (docs/), gold.csv, checks.csv
SPEC = SHARED / "spec"  # metrics.md, quality.md

# The four seed reports also committed in the repository's default raw folder, for end-to-end runs.
SEED_REPORTS = sorted((PROJECT_ROOT / "raw").glob("*.txt"))

__all__ = ["SHARED", "SEEDS", "REALDEV", "SPEC", "SEED_REPORTS"]
