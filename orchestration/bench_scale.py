"""Build scaling: `python -m orchestration.bench_scale --sizes 100,2000,10000` (`make bench`).

For each size N it writes a synthetic corpus of N reports into a temporary folder
and times, with `python -m orchestration.cli run` on a new warehouse:

- **full**: the first build of the N reports;
- **+1 report**: one new report added;
- **1 changed**: one report's text changed;
- **unchanged**: a re-run with nothing changed;
- **floor**, in the same run: read every file, decode it and make one regex pass
  over all the text (the least any build must do), and DuckDB's `read_text` over
  the folder;

with the peak RSS of each run (the largest single process of the run's tree:
`wait4`'s `ru_maxrss`, which covers the dbt and extraction worker children) and
the time per stage, from the time stamps of the run's progress lines (`nianbao: …`
on stderr; a stage ends with the line that reports it, e.g. `built N dbt models`; start-up, with the
checks before the build and Dagster's import, ends with `building …` or with the line saying that
nothing changed since the published build, which ends an unchanged run).

The synthetic reports are the repo's `raw/` reports, report k rewritten for a
county of the gazetteer (`dim_region`, by code: the source library's place name
replaced by the county's) and a year (the report year minus k // counties, mod 10),
so each of them is a distinct document of a distinct library-year, as in a
national corpus; a last line numbers the copy.

The results go into `docs/performance.md` (`--out`): a table per measure, one row
per size, each with the date, the commit measured and the load (`uptime`). Sizes
measured earlier keep their rows (the numbers are kept in a JSON comment at the end
of the file), so the slow 10,000 run can be made on its own.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from nianbao.config import PROJECT_ROOT, child_env, raw_dir

SIZES = (100, 2000, 10000)
DEFAULT_OUT = PROJECT_ROOT / "docs" / "performance.md"
SCENARIOS = ("full", "add_one", "change_one", "unchanged")
SCENARIO_LABELS = {"full": "full build", "add_one": "+1 report", "change_one": "1 changed", "unchanged": "unchanged"}
# a stage ends with the progress line that reports it (nianbao.pipeline.say / orchestration.defs.*)
STAGE_ENDS = (
    # the checks before the build (raw folder, lock, fingerprint) and Dagster's import; an unchanged run ends here
    ("start-up", re.compile(r"^(building(?! dbt models)|nothing changed since)")),
    ("ingest", re.compile(r"^read \d+ files")),
    ("extract", re.compile(r"^found \d+ figures")),
    ("gazetteer", re.compile(r"^gazetteer")),
    ("dbt", re.compile(r"^built \d+ dbt models")),
    ("report + GX", re.compile(r"^quality report staged")),
    ("publish", re.compile(r"^published ")),
)
STAGES = (*(s for s, _ in STAGE_ENDS), "other")
DATA_MARK = "<!-- bench-data "
#: the hand-written analysis below the tables starts here; a new measure keeps it as it is
NOTES_MARK = "<!-- notes: written by hand, kept by bench_scale -->"
DIGITS = re.compile(r"\d+")


# ---------------------------------------------------------------- the corpus


def _counties() -> list[str]:
    from nianbao.gazetteer import load_regions

    return [r.region_name for r in sorted(load_regions(), key=lambda r: r.region_code) if r.level == "county"]


@dataclass(frozen=True)
class Source:
    name: str
    text: str
    place: str | None
    year: int | None


def sources(folder: Path | None = None) -> list[Source]:
    """The reports the corpus is made from, with the place and year the extractor reads in them."""
    from nianbao.extract import extract_document
    from nianbao.gazetteer import place_part
    from nianbao.ingest import read_text

    out = []
    for p in sorted(x for x in Path(folder or raw_dir()).iterdir() if x.is_file()):
        text = read_text(p)
        res = extract_document(text, p.name)
        place = place_part(res.library_name) if res.library_name else None
        out.append(Source(p.stem, text, place or None, res.report_year))
    return out


def synthetic_text(src: Source, k: int, counties: list[str]) -> str:
    """Report k of the corpus: `src` moved to county k mod C and year − (k // C) mod 10."""
    text = src.text
    if src.place:
        text = text.replace(src.place, counties[k % len(counties)])
    if src.year:
        text = text.replace(str(src.year), str(src.year - (k // len(counties)) % 10))
    return f"{text}\n(synthetic report {k})\n"


def write_corpus(folder: Path, start: int, stop: int, srcs: list[Source], counties: list[str]) -> list[Path]:
    """Reports start..stop-1 as UTF-8 files in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for k in range(start, stop):
        src = srcs[k % len(srcs)]
        path = folder / f"r{k:06d}_{src.name}.txt"
        path.write_text(synthetic_text(src, k, counties), encoding="utf-8")
        out.append(path)
    return out


def floor_seconds(folder: Path) -> dict[str, float]:
    """The floor: read + decode every file and one regex pass over all the text (Python), and
    DuckDB's read_text over the folder."""
    import duckdb

    start = time.perf_counter()
    n = 0
    for p in sorted(folder.iterdir()):
        n += len(DIGITS.findall(p.read_bytes().decode("utf-8", errors="replace")))
    python = time.perf_counter() - start
    start = time.perf_counter()
    con = duckdb.connect()
    con.execute("select sum(length(content)) from read_text(?)", [str(folder / "*")]).fetchone()
    con.close()
    return {"python": round(python, 2), "duckdb": round(time.perf_counter() - start, 2), "numbers": n}


# ---------------------------------------------------------------- one timed run


@dataclass
class RunResult:
    wall_s: float
    peak_rss_mb: float
    stages: dict[str, float] = field(default_factory=dict)
    ok: bool = True


def stage_times(lines: list[tuple[float, str]], end: float) -> dict[str, float]:
    """Seconds per stage from (seconds since start, progress line) pairs: each stage from the
    previous stage's end (start-up: from the start) to the line that reports it (start-up: the
    `building …` line, or the line saying nothing changed); the rest (lines of no known stage,
    the summary, exit) as `other`."""
    out = dict.fromkeys(STAGES, 0.0)
    progress = [(t, ln[len("nianbao: ") :]) for t, ln in lines if ln.startswith("nianbao: ")]
    last = 0.0
    for t, msg in progress:
        for stage, pattern in STAGE_ENDS:
            if pattern.search(msg):
                out[stage] += t - last
                last = t
                break
    out["other"] = end - sum(v for k, v in out.items() if k != "other")
    return {k: round(v, 2) for k, v in out.items()}


def timed_run(env: dict[str, str], cwd: Path = PROJECT_ROOT) -> RunResult:
    """`python -m orchestration.cli run` with `env`: wall time, peak RSS, stage times."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "orchestration.cli", "run"],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        errors="replace",
    )
    lines: list[tuple[float, str]] = []
    tail: list[str] = []
    assert proc.stderr is not None
    for line in proc.stderr:
        lines.append((time.perf_counter() - start, line.rstrip("\n")))
        tail = (tail + [line])[-40:]
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        print("".join(tail), file=sys.stderr)
    return RunResult(round(wall, 2), round(usage.ru_maxrss / 1024, 1), stage_times(lines, wall), proc.returncode == 0)


def _load() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def _commit(cwd: Path) -> str:
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True).stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "?"
    return head + (" (+ uncommitted changes)" if git("status", "--porcelain", "--untracked-files=no") else "")


def measure(
    n: int, srcs: list[Source], counties: list[str], cwd: Path = PROJECT_ROOT, on_progress=lambda result: None
) -> dict:
    """Every scenario for a corpus of `n` reports (a temporary folder, removed afterwards);
    `on_progress(result)` after each scenario (a long run keeps what it has measured)."""
    result: dict = {
        "n": n,
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": _commit(cwd),
        "cores": os.cpu_count(),
        "load_before": _load(),
    }
    with tempfile.TemporaryDirectory(prefix="nianbao-bench-") as tmp:
        raw, wh = Path(tmp) / "raw", Path(tmp) / "wh"
        env = child_env(
            NIANBAO_RAW_DIR=str(raw),
            NIANBAO_WAREHOUSE=str(wh / "nianbao.duckdb"),
            DAGSTER_HOME=str(Path(tmp) / "dagster_home"),
        )
        env.pop("NIANBAO_SETTINGS", None)
        write_corpus(raw, 0, n, srcs, counties)
        result["floor"] = floor_seconds(raw)
        runs = result["runs"] = {}
        for scenario in SCENARIOS:
            if scenario == "add_one":
                write_corpus(raw, n, n + 1, srcs, counties)
            elif scenario == "change_one":
                first = sorted(raw.iterdir())[0]
                first.write_text(first.read_text(encoding="utf-8") + "本年度另有补充说明。\n", encoding="utf-8")
            print(f"bench: {n} reports, {SCENARIO_LABELS[scenario]} … (load {_load()})", file=sys.stderr, flush=True)
            runs[scenario] = asdict(r := timed_run(env, cwd))
            print(
                f"bench: {n} reports, {SCENARIO_LABELS[scenario]}: {r.wall_s:.1f} s, peak RSS {r.peak_rss_mb:.0f} MB"
                + ("" if r.ok else " (FAILED)"),
                file=sys.stderr,
                flush=True,
            )
            result["load_after"] = _load()
            on_progress(result)
    return result


# ---------------------------------------------------------------- the table


def _s(v: float | None) -> str:
    return "—" if v is None else f"{v:,.1f} s"


def render(results: dict[str, dict], notes: str = "") -> str:
    """docs/performance.md from the results by size (str(n) -> measure()) and the hand-written `notes`."""
    rows = [results[k] for k in sorted(results, key=int)]
    out = [
        "# Performance",
        "",
        "Measured by `make bench` (`python -m orchestration.bench_scale --sizes 100,2000,10000`; see its",
        "docstring): synthetic corpora made from the `raw/` reports, each report moved to its own county and",
        "year; every scenario is one `python -m orchestration.cli run` (wall time, from process start to exit).",
        "Peak RSS is the largest single process of the run (the run itself, dbt or an extraction worker).",
        "The floor (read + decode every file, one regex pass over all text) is measured in the same run.",
        "Timings on a shared 2-core machine: the load average (`uptime`) is given with each size.",
        "",
        "| reports | floor (Python / DuckDB read_text) | full build | +1 report | 1 changed | unchanged "
        "| peak RSS (full / +1) | measured | commit | load before → after |",
        "|---:|---:|---:|---:|---:|---:|---:|---|---|---|",
    ]
    for r in rows:
        runs = r.get("runs", {})
        wall = {s: (runs[s]["wall_s"] if runs.get(s, {}).get("ok") else None) for s in SCENARIOS}  # — not measured
        rss = "/".join(f"{runs[s]['peak_rss_mb'] / 1024:.2f}" for s in ("full", "add_one") if s in runs)
        fl = r.get("floor", {})
        out.append(
            f"| {r['n']:,} | {fl.get('python', 0):.2f} s / {fl.get('duckdb', 0):.2f} s | "
            + " | ".join(_s(wall[s]) for s in SCENARIOS)
            + f" | {rss} GB | {r['date']} | {r['commit']} | {r['load_before']} → {r.get('load_after', '?')} |"
        )
    missing = [f"{n:,}" for n in SIZES if str(n) not in results]
    partial = [f"{r['n']:,}" for r in rows if set(r.get("runs", {})) != set(SCENARIOS)]
    if missing or partial:
        out += [
            "",
            "Not measured yet: "
            + "; ".join(
                ([f"sizes {', '.join(missing)}"] if missing else [])
                + ([f"some runs at {', '.join(partial)} (— in the table)"] if partial else [])
            )
            + " (`make bench SIZES=…` adds them to this file).",
        ]
    out += [
        "",
        "Time per stage (seconds; a stage ends with the progress line that reports it):",
        "",
        "| reports | run | " + " | ".join(STAGES) + " | total |",
        "|---:|---|" + "---:|" * (len(STAGES) + 1),
    ]
    for r in rows:
        for s in SCENARIOS:
            run = r.get("runs", {}).get(s)
            if run:
                st = run["stages"]
                out.append(
                    f"| {r['n']:,} | {SCENARIO_LABELS[s]}{'' if run['ok'] else ' (failed)'} | "
                    + " | ".join(f"{st.get(k, 0):.1f}" for k in STAGES)
                    + f" | {run['wall_s']:.1f} |"
                )
    if notes.strip():
        out += ["", NOTES_MARK, "", notes.strip()]
    out += ["", DATA_MARK + json.dumps(results, ensure_ascii=False, sort_keys=True) + " -->", ""]
    return "\n".join(out)


def read_results(path: Path) -> dict[str, dict]:
    """The results kept in an earlier docs/performance.md ({} when none)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return {}
    i = text.rfind(DATA_MARK)
    if i < 0:
        return {}
    try:
        return json.loads(text[i + len(DATA_MARK) : text.index(" -->", i)])
    except ValueError:
        return {}


def read_notes(path: Path) -> str:
    """The hand-written part of an earlier docs/performance.md ("" when none)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return ""
    i, j = text.find(NOTES_MARK), text.rfind(DATA_MARK)
    return text[i + len(NOTES_MARK) : j if j > i else len(text)].strip() if i >= 0 else ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m orchestration.bench_scale", description=__doc__.splitlines()[0])
    ap.add_argument(
        "--sizes", default=",".join(map(str, SIZES)), help="corpus sizes, comma separated (default 100,2000,10000)"
    )
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the Markdown file (default docs/performance.md)")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    srcs, counties = sources(), _counties()
    results, notes = read_results(args.out), read_notes(args.out)
    args.out.parent.mkdir(parents=True, exist_ok=True)

    def save(result: dict) -> None:  # after every scenario: a long run keeps what it has measured
        results[str(result["n"])] = result
        args.out.write_text(render(results, notes), encoding="utf-8")

    for n in sizes:
        measure(n, srcs, counties, on_progress=save)
    print(args.out)
    return 0 if all(r["ok"] for n in sizes for r in results[str(n)]["runs"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
