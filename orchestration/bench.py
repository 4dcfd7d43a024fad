"""`make bench`: timings of a cold build, a warm (unchanged) build, and the extractor alone.

Builds a temporary raw folder of N documents (the repo's raw/ reports, each
copied with a different trailing line so that every copy is a distinct
document), then times `python -m orchestration.cli run` twice and the
extractor per document. Timings are printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

from nianbao.config import PROJECT_ROOT, raw_dir


def _timed_run(raw: Path, wh: Path) -> float:
    env = dict(os.environ, NIANBAO_RAW_DIR=str(raw), NIANBAO_WAREHOUSE=str(wh))
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "orchestration.cli", "run"], cwd=PROJECT_ROOT, env=env,
                          capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        print(proc.stderr[-3000:], file=sys.stderr)
        raise SystemExit("benchmark run failed")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=10, help="copies of each raw report (default 10)")
    args = parser.parse_args(argv)
    from nianbao.extract import extract_document

    sources = sorted(p for p in raw_dir().iterdir() if p.is_file())
    per_doc = []
    for p in sources:
        text = unicodedata.normalize("NFKC", p.read_text(encoding="utf-8", errors="replace"))
        start = time.perf_counter()
        extract_document(text, p.name)
        per_doc.append((time.perf_counter() - start, len(text), p.name))
    print("extractor alone:")
    for secs, chars, name in per_doc:
        print(f"  {name}: {chars} chars in {secs * 1000:.0f} ms ({chars / max(secs, 1e-9) / 1000:.0f}k chars/s)")
    with tempfile.TemporaryDirectory() as tmp:
        raw, wh = Path(tmp) / "raw", Path(tmp) / "wh" / "nianbao.duckdb"
        raw.mkdir()
        for i in range(args.copies):
            for p in sources:
                data = p.read_bytes() + f"\n(copy {i})\n".encode()
                (raw / f"{p.stem}_{i}{p.suffix}").write_bytes(data)
        n = len(list(raw.iterdir()))
        cold = _timed_run(raw, wh)
        warm = _timed_run(raw, wh)
    print(f"full build, {n} documents: cold {cold:.1f} s, warm (unchanged input) {warm:.1f} s")
    print(f"median extractor time per seed document: {statistics.median(s for s, _, _ in per_doc) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
