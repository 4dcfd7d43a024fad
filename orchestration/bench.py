"""`make bench`: timings of the extractor alone, of a cold build and of a warm (unchanged) build.

The extractor is timed per document on the real development set
(../shared/realdev/docs) and the seed reports (../shared/seeds), texts read as
the pipeline reads them (`nianbao.ingest`), one warm-up pass then the best of 3
runs per document, in CPU time of this process (`time.process_time`: other
work on a shared machine does not inflate it), and printed beside the baseline
recorded before the issue-8 rework (`orchestration/bench_baseline.json`: date,
commit, numbers; measured in wall time on an idle machine, where the two agree).
A second line per set times each document once after the caches were cleared and
warmed on the other set ("first sight", what a run pays: repeating a document
would find its own numbers, lines and names cached), beside the baseline's
first-sight time measured the same way. Then the raw load (one `store_extraction`
per document against `store_extractions` in bulk) and the report's library charts
for 200 and 2,000 synthetic library-years (skip with `--no-stages`).

Then it builds a temporary raw folder of N documents (the repo's raw/ reports,
each copied with a different trailing line so that every copy is a distinct
document) and times `python -m orchestration.cli run` twice (skip with
`--no-build`). `--workers-only` times the extraction stage alone
(`nianbao.pipeline.extract`) on 2,000 such documents with 1 and with 2 worker
processes (wall time; the machine's load average is printed with it). Timings
are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from nianbao.config import PROJECT_ROOT, child_env, raw_dir


def _timed_run(raw: Path, wh: Path) -> float:
    env = child_env(NIANBAO_RAW_DIR=str(raw), NIANBAO_WAREHOUSE=str(wh))
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "orchestration.cli", "run"], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True
    )
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        print(proc.stderr[-3000:], file=sys.stderr)
        raise SystemExit("benchmark run failed")
    return elapsed


BASELINE = Path(__file__).with_name("bench_baseline.json")
REPEATS = 3


def extractor_sets() -> dict[str, Path]:
    """The document folders the extractor is timed on (those present)."""
    shared = PROJECT_ROOT.parent / "shared"
    sets = {"realdev": shared / "realdev" / "docs", "seeds": shared / "seeds"}
    return {k: v for k, v in sets.items() if v.is_dir()}


def time_extractor(folder: Path, repeats: int = REPEATS) -> dict:
    """Per-document extraction time over the loaded documents of `folder` (best of `repeats`)."""
    from nianbao.evaluation import read_texts
    from nianbao.extract import extract_document

    texts = read_texts(folder)
    for name, text in texts.items():  # warm-up: imports, regex and converter caches
        extract_document(text, name)
    per_doc = []
    for name, text in texts.items():
        best = min(_once(extract_document, text, name) for _ in range(repeats))
        per_doc.append((best, len(text), name))
    total = sum(s for s, _, _ in per_doc)
    chars = sum(c for _, c, _ in per_doc)
    slowest = max(per_doc, default=(0.0, 0, ""))
    return {
        "docs": len(per_doc),
        "chars": chars,
        "total_s": round(total, 4),
        "mean_ms_per_doc": round(total / max(len(per_doc), 1) * 1000, 2),
        "median_ms_per_doc": round(statistics.median(s for s, _, _ in per_doc) * 1000, 2) if per_doc else 0.0,
        "max_ms": round(slowest[0] * 1000, 1),
        "max_doc": slowest[2],
        "chars_per_s": round(chars / total) if total else 0,
    }


def extractor_caches() -> list:
    """The extractor's caches that fill from the texts it reads (lru caches of more than one
    entry in `nianbao.extract`): cleared for a first-sight timing."""
    import importlib
    import pkgutil

    import nianbao.extract as ex

    mods = [ex] + [importlib.import_module(f"nianbao.extract.{m.name}") for m in pkgutil.iter_modules(ex.__path__)]
    found = {
        id(f): f
        for m in mods
        for f in vars(m).values()
        if hasattr(f, "cache_clear") and hasattr(f, "cache_info") and (f.cache_info().maxsize or 2) > 1
    }
    return list(found.values())


def time_first_sight(texts: dict[str, str], warm: dict[str, str], repeats: int = REPEATS) -> float:
    """Mean CPU ms per document when each is extracted once, as the pipeline does: caches
    cleared, warmed on other documents (`warm`), then every text in turn; best of `repeats`."""
    from nianbao.extract import extract_document

    best = float("inf")
    for _ in range(repeats):
        for cache in extractor_caches():
            cache.cache_clear()
        for name, text in warm.items():
            extract_document(text, name)
        start = time.process_time()
        for name, text in texts.items():
            extract_document(text, name)
        best = min(best, time.process_time() - start)
    return round(best / max(len(texts), 1) * 1000, 2)


def _once(fn, text: str, name: str) -> float:
    start = time.process_time()
    fn(text, name)
    return time.process_time() - start


def print_extractor_bench() -> dict[str, dict]:
    baseline = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else {}
    print(
        f"extractor alone, CPU time per document (best of {REPEATS}); baseline: commit {baseline.get('commit', '?')} "
        f"of {baseline.get('date', '?')}"
    )
    out = {}
    for name, folder in extractor_sets().items():
        now = out[name] = time_extractor(folder)
        base = baseline.get(name)
        line = (
            f"  {name:<8} {now['docs']:>3} docs {now['chars']:>7} chars: mean {now['mean_ms_per_doc']:.2f} ms/doc, "
            f"median {now['median_ms_per_doc']:.2f} ms, max {now['max_ms']:.1f} ms ({now['max_doc']}), "
            f"{now['chars_per_s'] / 1000:.0f}k chars/s"
        )
        if base:
            ratio = now["mean_ms_per_doc"] / base["mean_ms_per_doc"] if base["mean_ms_per_doc"] else float("nan")
            line += (
                f"   | baseline mean {base['mean_ms_per_doc']:.2f} ms/doc, "
                f"{base['chars_per_s'] / 1000:.0f}k chars/s"
                f" → {ratio:.2f}× the time"
            )
        print(line)
    from nianbao.evaluation import read_texts

    texts = {name: read_texts(folder) for name, folder in extractor_sets().items()}
    for name in texts:
        warm = {f"{k}/{n}": t for k, ts in texts.items() if k != name for n, t in ts.items()}
        ms = out[name]["first_sight_ms_per_doc"] = time_first_sight(texts[name], warm)
        base = (baseline.get("first_sight") or {}).get(name)
        print(
            f"  {name:<8} first sight (each document once, caches warmed on the other set): {ms:.2f} ms/doc"
            + (f"   | baseline {base:.2f} ms/doc → {ms / base:.2f}× the time" if base else "")
        )
    return out


def time_raw_load(texts: dict[str, str], n_docs: int = 300) -> dict[str, float]:
    """ms per document to write `n_docs` extraction results (the texts' results, cycled
    under distinct document ids) into a fresh raw schema: one `store_extraction` per
    document, then `store_extractions` in bulk."""
    from nianbao import warehouse
    from nianbao.extract import extract_document

    base = [extract_document(t, n) for n, t in texts.items()]
    results = [(f"bench{i:06d}", base[i % len(base)]) for i in range(n_docs)]
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for how in ("per_document", "bulk"):
            with warehouse.connect(Path(tmp) / f"{how}.duckdb") as con:
                start = time.perf_counter()
                if how == "bulk":
                    warehouse.store_extractions(con, results, "bench")
                else:
                    for document_id, result in results:
                        warehouse.store_extraction(con, document_id, result, "bench")
                out[how] = round((time.perf_counter() - start) / n_docs * 1000, 3)
    return out


def time_charts(n_library_years: int = 2000) -> float:
    """Seconds to draw the report's library charts (findings by library, headline small
    multiples) for `n_library_years` synthetic library-years."""
    import random

    from nianbao.report import charts

    rnd = random.Random(0)
    labels = [f"lib{i:05d} {2015 + i % 10}" for i in range(n_library_years)]
    cols = {f"metric{j}": [rnd.choice([None, rnd.randint(1, 10**6)]) for _ in labels] for j in range(8)}
    libs = [f"lib{i:05d}" for i in range(max(1, n_library_years // 10))]
    counts = {s: [rnd.randint(0, 20) for _ in libs] for s in ("error", "warn", "info")}
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        charts.stacked_bars(Path(tmp) / "lib.svg", "Findings by library", libs, counts)
        charts.headline_grid(Path(tmp) / "grid.svg", "Headline figures", labels, cols)
        return round(time.perf_counter() - start, 2)


def print_stage_bench() -> None:
    from nianbao.evaluation import read_texts

    folder = extractor_sets().get("realdev")
    if folder:
        r = time_raw_load(read_texts(folder))
        print(
            f"raw load, 300 documents of realdev results: one store_extraction per document {r['per_document']:.2f} "
            f"ms/doc, store_extractions in bulk {r['bulk']:.3f} ms/doc"
        )
    for n in (200, 2000):
        print(f"report charts for {n} library-years: {time_charts(n):.1f} s (wall)")


def write_copies(folder: Path, n_docs: int) -> int:
    """`n_docs` documents in `folder`: the raw/ reports in turn, each copy with its own trailing line
    (so that every copy is a distinct document); returns how many were written."""
    sources = sorted(p for p in raw_dir().iterdir() if p.is_file())
    for k in range(n_docs):
        p, i = sources[k % len(sources)], k // len(sources)
        (folder / f"{p.stem}_{i}{p.suffix}").write_bytes(p.read_bytes() + f"\n(copy {i})\n".encode())
    return n_docs


def _children_cpu() -> float:
    """CPU seconds of this process's ended children (the sandbox workers once their pool closed)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _load_average() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def time_extract_workers(n_docs: int = 2000, workers: tuple[int, ...] = (1, 2)) -> dict[int, float]:
    """Wall seconds of the extraction stage (`nianbao.pipeline.extract`: sandbox workers, bulk store)
    on `n_docs` synthetic documents, once per worker count, each on a fresh copy of one ingested
    working database."""
    import shutil

    from nianbao import pipeline

    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        raw, base = Path(tmp) / "raw", Path(tmp) / "wh" / "base.build.duckdb"
        raw.mkdir()
        base.parent.mkdir()
        write_copies(raw, n_docs)
        pipeline.ingest(raw, base, progress=False)
        for n in workers:
            working = base.with_name(f"w{n}.build.duckdb")
            shutil.copyfile(base, working)
            print(f"  load average before {n} worker(s): {_load_average()}", flush=True)
            cpu, own, start = _children_cpu(), time.process_time(), time.perf_counter()
            summary = pipeline.extract(working, progress=False, workers=n)
            out[n] = time.perf_counter() - start
            print(
                f"  {n} worker(s): {summary.extracted} documents extracted ({len(summary.failed)} failed) "
                f"in {out[n]:.1f} s wall; CPU: the workers {_children_cpu() - cpu:.1f} s, this process "
                f"{time.process_time() - own:.1f} s (reading, storing)",
                flush=True,
            )
    return out


def print_workers_bench(n_docs: int = 2000) -> None:
    from nianbao.pipeline import usable_cores

    print(
        f"extraction stage on {n_docs} synthetic documents, 1 and 2 worker processes ({usable_cores()} cores usable):"
    )
    t = time_extract_workers(n_docs)
    print(f"  2 workers / 1 worker: {t[2] / t[1]:.2f}× the time (load average now {_load_average()})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=10, help="copies of each raw report (default 10)")
    parser.add_argument("--no-build", action="store_true", help="time the extractor only, no full build")
    parser.add_argument("--no-stages", action="store_true", help="skip the raw-load and report-chart timings")
    parser.add_argument(
        "--workers-only",
        action="store_true",
        help="only the extraction stage on 2,000 synthetic documents, on 1 and on 2 workers",
    )
    parser.add_argument("--docs", type=int, default=2000, help="documents for --workers-only (default 2000)")
    parser.add_argument(
        "--sizes",
        default=None,
        help="only the build scaling (orchestration/bench_scale.py) for these corpus sizes, e.g. "
        "100,2000,10000: full, +1, 1 changed, unchanged, floor, peak RSS, stage times "
        "-> docs/performance.md",
    )
    args = parser.parse_args(argv)
    if args.sizes:
        from orchestration import bench_scale

        return bench_scale.main(["--sizes", args.sizes])
    if args.workers_only:
        print_workers_bench(args.docs)
        return 0
    from nianbao.extract import extract_document
    from nianbao.ingest import read_text

    print_extractor_bench()
    if not args.no_stages:
        print_stage_bench()
    if args.no_build:
        return 0

    sources = sorted(p for p in raw_dir().iterdir() if p.is_file())
    per_doc = []
    for p in sources:
        text = read_text(p)  # what the pipeline reads
        start = time.perf_counter()
        extract_document(text, p.name)
        per_doc.append((time.perf_counter() - start, len(text), p.name))
    print("extractor alone:")
    for secs, chars, name in per_doc:
        print(f"  {name}: {chars} chars in {secs * 1000:.0f} ms ({chars / max(secs, 1e-9) / 1000:.0f}k chars/s)")
    with tempfile.TemporaryDirectory() as tmp:
        raw, wh = Path(tmp) / "raw", Path(tmp) / "wh" / "nianbao.duckdb"
        raw.mkdir()
        n = write_copies(raw, args.copies * len(sources))
        cold = _timed_run(raw, wh)
        warm = _timed_run(raw, wh)
    print(f"full build, {n} documents: cold {cold:.1f} s, warm (unchanged input) {warm:.1f} s")
    print(f"median extractor time per seed document: {statistics.median(s for s, _, _ in per_doc) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
