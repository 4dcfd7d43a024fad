"""orchestration.bench_scale without a build: the synthetic corpus gives every report its own
library-year, stage times come from the progress lines, and docs/performance.md keeps the
sizes measured earlier."""

from __future__ import annotations

from orchestration.bench_scale import (
    SCENARIOS,
    STAGES,
    Source,
    floor_seconds,
    read_notes,
    read_results,
    render,
    stage_times,
    synthetic_text,
    write_corpus,
)

SRC = [
    Source("a", "金湖县图书馆2020年工作总结。2020年接待读者47000人次，金湖县全民阅读。", "金湖县", 2020),
    Source("b", "乾县图书馆2020年年报：乾县馆藏10万册。", "乾县", 2020),
]
COUNTIES = ["甲县", "乙区", "丙市"]


def test_every_report_its_own_library_and_year(tmp_path):
    paths = write_corpus(tmp_path / "raw", 0, 12, SRC, COUNTIES)
    texts = [p.read_text(encoding="utf-8") for p in paths]
    assert len(set(texts)) == 12
    keys = set()
    for k, t in enumerate(texts):
        place, year = COUNTIES[k % 3], 2020 - (k // 3) % 10
        assert f"{place}图书馆{year}年" in t, t
        assert "金湖县" not in t and "乾县图书馆" not in t
        keys.add((place, year))
    assert len(keys) == 12
    assert synthetic_text(SRC[0], 4, COUNTIES) == texts[4]  # deterministic
    # the next report continues the numbering (the +1 scenario)
    (extra,) = write_corpus(tmp_path / "raw", 12, 13, SRC, COUNTIES)
    assert extra.name.startswith("r000012_") and "(synthetic report 12)" in extra.read_text(encoding="utf-8")


def test_floor_reads_every_file(tmp_path):
    write_corpus(tmp_path / "raw", 0, 4, SRC, COUNTIES)
    fl = floor_seconds(tmp_path / "raw")
    assert fl["numbers"] == 2 * 3 + 2 * 2 + 4 * 1  # a: 2020, 2020, 47000, k; b: 2020, 10, k
    assert fl["python"] >= 0 and fl["duckdb"] >= 0


def test_stage_times_from_progress_lines():
    lines = [
        (1.5, "nianbao: building /w from /r"),
        (1.6, "ingest: 10%"),
        (3.0, "nianbao: read 10 files: loaded 10"),
        (3.1, "nianbao: extracting 10 documents"),
        (9.0, "nianbao: found 5 figures, 1 stated ratios"),
        (9.5, "nianbao: gazetteer: 3224 regions"),
        (9.6, "nianbao: building dbt models (staging)"),
        (30.0, "nianbao: built 40 dbt models"),
        (40.0, "nianbao: quality report staged: /x"),
        (41.0, "nianbao: published /w/nianbao.duckdb"),
    ]
    st = stage_times(lines, 42.0)
    assert st == {
        "start-up": 1.5,
        "ingest": 1.5,
        "extract": 6.0,
        "gazetteer": 0.5,
        "dbt": 20.5,
        "report + GX": 10.0,
        "publish": 1.0,
        "other": 1.0,
    }
    assert set(st) == set(STAGES)
    # a run that skips stages (nothing to extract) still sums to its wall time
    st = stage_times([(2.0, "nianbao: building"), (2.5, "nianbao: read 3 files"), (8.0, "nianbao: published /w")], 9.0)
    assert st["extract"] == 0 and st["publish"] == 5.5 and abs(sum(st.values()) - 9.0) < 1e-6


def _result(n: int, wall: float) -> dict:
    run = {"wall_s": wall, "peak_rss_mb": 512.0, "ok": True, "stages": dict.fromkeys(STAGES, wall / len(STAGES))}
    return {
        "n": n,
        "date": "2026-12-01 03:00 UTC",
        "commit": "abc1234",
        "cores": 2,
        "load_before": "1.00, 1.00, 1.00",
        "load_after": "2.00, 1.50, 1.00",
        "floor": {"python": 0.1, "duckdb": 0.05, "numbers": 9},
        "runs": {s: dict(run, wall_s=wall if s == "full" else wall / 10) for s in SCENARIOS},
    }


def test_table_keeps_earlier_sizes(tmp_path):
    out = tmp_path / "performance.md"
    out.write_text(render({"100": _result(100, 40.0)}), encoding="utf-8")
    results = read_results(out)
    assert results["100"]["runs"]["full"]["wall_s"] == 40.0
    results["2000"] = _result(2000, 120.0)
    out.write_text(render(results), encoding="utf-8")
    text = out.read_text(encoding="utf-8")
    rows = [ln for ln in text.splitlines() if ln.startswith("| 100 |") or ln.startswith("| 2,000 |")]
    assert rows[0].startswith("| 100 | 0.10 s / 0.05 s | 40.0 s | 4.0 s | 4.0 s | 4.0 s | 0.50/0.50 GB |")
    assert rows[1].startswith("| 2,000 |") and "120.0 s" in rows[1] and "abc1234" in rows[1]
    assert sum(1 for ln in rows if "| full build |" in ln) == 2  # stage table: one row per size and run
    assert set(read_results(out)) == {"100", "2000"}
    assert "Not measured yet: sizes 10,000 (" in text
    del results["2000"]["runs"]["unchanged"]
    assert "some runs at 2,000 (— in the table)" in render(results)
    assert read_results(tmp_path / "none.md") == {}


def test_hand_written_notes_survive_a_new_measure(tmp_path):
    out = tmp_path / "performance.md"
    out.write_text(render({"100": _result(100, 40.0)}, "## Where dbt's time goes\n\nmodels 42 s"), encoding="utf-8")
    notes = read_notes(out)
    assert notes == "## Where dbt's time goes\n\nmodels 42 s"
    out.write_text(render({**read_results(out), "2000": _result(2000, 99.0)}, notes), encoding="utf-8")
    text = out.read_text(encoding="utf-8")
    assert "models 42 s" in text and "99.0 s" in text and read_notes(out) == notes
    assert read_notes(tmp_path / "none.md") == ""
