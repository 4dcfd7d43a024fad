"""Ingest never leaks or chokes on what an adversarial raw folder holds (issue 13).

Symbolic links (outside the folder: quarantined `outside_raw_folder` and never
opened; inside: followed once; loops and folder links: not followed), names
that are not UTF-8 (escaped reversibly, written to DuckDB), the warehouse
folder inside the raw folder (skipped), an empty or missing raw folder, and no
absolute host path in any `detail`.
"""

from __future__ import annotations

import builtins
import os
from pathlib import Path

import duckdb
import pytest

from nianbao import pipeline, warehouse
from nianbao.ingest import read_folder
from nianbao.ingest import reader as reader_mod
from nianbao.ingest.scan import escape_name, unescape_name
from nianbao.schema import QUARANTINE_REASONS

REPORT = "2021年某县图书馆年报\n全年接待读者23456人次。\n"
SECRET = "2020年某市图书馆年报\n全年接待读者876543人次。口令XYZZY-7731\n"


def by_name(records):
    return {r.source_file: r for r in records}


@pytest.fixture
def guarded_open(monkeypatch):
    """Fail the test if anything opens a path under one of the `forbidden` folders."""
    forbidden: list[Path] = []

    def check(path) -> None:
        if isinstance(path, int):
            return
        real = Path(os.path.realpath(os.fsdecode(path)))
        for f in forbidden:
            if real == f or f in real.parents:
                raise AssertionError(f"opened {real}, which is outside the raw folder")

    real_open, real_os_open = builtins.open, os.open

    def fake_open(file, *a, **k):
        check(file)
        return real_open(file, *a, **k)

    def fake_os_open(path, *a, **k):
        check(path)
        return real_os_open(path, *a, **k)

    monkeypatch.setattr(reader_mod, "open", fake_open, raising=False)
    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(os, "open", fake_os_open)
    return forbidden


def test_link_to_a_file_outside_is_quarantined_unread(tmp_path, guarded_open):
    raw, outside = tmp_path / "raw", tmp_path / "outside"
    raw.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    (raw / "report.txt").write_text(REPORT, encoding="utf-8")
    os.symlink(outside / "secret.txt", raw / "leak.txt")
    os.symlink(outside, raw / "outside-folder")  # a folder outside: not followed
    os.symlink("../outside/secret.txt", raw / "relative-leak.txt")
    guarded_open.append(outside.resolve())
    recs = by_name(read_folder(raw, progress=False))
    assert set(recs) == {"report.txt", "leak.txt", "outside-folder", "relative-leak.txt"}
    for name in ("leak.txt", "outside-folder", "relative-leak.txt"):
        r = recs[name]
        assert (r.status, r.reason) == ("quarantined", "outside_raw_folder"), r
        assert r.document_id == "" and r.bytes == 0 and r.text is None  # not even hashed
        assert r.is_link and r.link_target is None
        assert str(tmp_path) not in (r.detail or "")
    assert recs["report.txt"].status == "loaded" and not recs["report.txt"].is_link
    assert "outside_raw_folder" in QUARANTINE_REASONS


def test_link_inside_is_followed_once(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "report.txt").write_text(REPORT, encoding="utf-8")
    os.symlink("d/report.txt", tmp_path / "a-link.txt")  # sorts before its target
    os.symlink(tmp_path / "a-link.txt", tmp_path / "b-link-to-link.txt")
    recs = by_name(read_folder(tmp_path, progress=False))
    real = recs["d/report.txt"]
    assert real.status == "loaded" and not real.is_link
    for name in ("a-link.txt", "b-link-to-link.txt"):
        r = recs[name]
        assert (r.status, r.duplicate_of, r.document_id) == ("duplicate", "d/report.txt", real.document_id), r
        assert r.is_link and r.link_target == "d/report.txt"


def test_loops_and_folder_links_are_not_followed(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "report.txt").write_text(REPORT, encoding="utf-8")
    os.symlink("loop2", tmp_path / "loop1")
    os.symlink("loop1", tmp_path / "loop2")
    os.symlink(".", tmp_path / "d" / "self")  # a folder inside: not followed
    os.symlink("self-loop", tmp_path / "self-loop")
    recs = by_name(read_folder(tmp_path, progress=False))
    assert set(recs) == {"d/report.txt", "loop1", "loop2", "d/self", "self-loop"}
    for name in ("loop1", "loop2", "d/self", "self-loop"):
        assert (recs[name].status, recs[name].reason) == ("quarantined", "unreadable"), recs[name]
        assert recs[name].is_link and str(tmp_path) not in recs[name].detail


@pytest.mark.parametrize(
    "raw_name", ["图书馆年报.txt".encode("gbk"), b"caf\xe9 \\x41 back\\slash.txt", b"new\nline\ttab.txt"]
)
def test_escape_is_reversible(raw_name):
    escaped = escape_name(os.fsdecode(raw_name))
    assert escaped.isprintable() and escaped.encode("utf-8")
    assert unescape_name(escaped) == raw_name


def test_non_utf8_names_are_recorded_escaped(tmp_path):
    gbk = "图书馆年报.txt".encode("gbk")
    root = os.fsencode(tmp_path)
    os.mkdir(os.path.join(root, "子目录".encode("gbk")))
    with open(os.path.join(root, gbk), "wb") as f:
        f.write(REPORT.encode("gbk"))
    with open(os.path.join(root, "子目录".encode("gbk"), b"\xff\xfe.bin"), "wb") as f:
        f.write(bytes(range(256)) * 4)
    (tmp_path / "ok.txt").write_text(REPORT.replace("23456", "34567"), encoding="utf-8")
    recs = read_folder(tmp_path, progress=False)
    names = {r.source_file: r for r in recs}
    assert len(recs) == 3
    escaped = escape_name(os.fsdecode(gbk))
    assert escaped in names and names[escaped].status == "loaded"
    assert unescape_name(escaped) == gbk
    assert all(r.source_file.encode("utf-8") for r in recs)
    # the raw writer takes every record (it used to crash on the first such name)
    with warehouse.connect(tmp_path.parent / f"{tmp_path.name}.duckdb") as con:
        warehouse.sync_documents(con, recs)
        stored = {r[0] for r in con.execute("select source_file from raw.documents").fetchall()}
    assert stored == set(names)


def test_no_absolute_paths_in_detail(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    os.mkfifo(raw / "pipe")
    (raw / "sub").mkdir()
    os.symlink(raw / "sub", raw / "folder-link")
    os.symlink(raw / "missing.txt", raw / "dangling.txt")
    os.symlink("loop", raw / "loop")
    (raw / "ok.txt").write_text(REPORT, encoding="utf-8")
    recs = read_folder(raw, progress=False)
    assert len(recs) == 5
    for r in recs:
        assert str(tmp_path) not in (r.detail or ""), r


def test_warehouse_inside_raw_is_skipped(tmp_path, capsys):
    raw = tmp_path / "raw"
    wh = raw / "warehouse"
    (wh / "quality_report").mkdir(parents=True)
    (wh / "logs").mkdir()
    (raw / "report.txt").write_text(REPORT, encoding="utf-8")
    (wh / "quality_report" / "index.html").write_text(f"<p>{REPORT}</p>", encoding="utf-8")
    (wh / "logs" / "last_run.log").write_text(REPORT, encoding="utf-8")
    os.symlink("warehouse/logs/last_run.log", raw / "log-link.txt")
    summary = pipeline.ingest(raw, wh / "nianbao.build.duckdb", progress=False)
    with duckdb.connect(str(wh / "nianbao.build.duckdb"), read_only=True) as con:
        files = dict(con.execute("select source_file, coalesce(reason, status) from raw.documents").fetchall())
    assert files == {"report.txt": "loaded", "log-link.txt": "outside_raw_folder"}
    assert summary.seen == 2
    err = capsys.readouterr().err
    skipped = [line for line in err.splitlines() if "warehouse/" in line and "skip" in line]
    assert len(skipped) == 1, err


def test_raw_folder_inside_the_warehouse_folder_is_read_whole(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "report.txt").write_text(REPORT, encoding="utf-8")
    os.symlink("report.txt", raw / "link.txt")
    summary = pipeline.ingest(raw, tmp_path / "nianbao.build.duckdb", progress=False)
    assert summary.seen == 2 and summary.by_status["loaded"] == summary.by_status["duplicate"] == 1


def test_warehouse_folder_equal_to_raw_is_refused(tmp_path):
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    problem = pipeline.raw_folder_problem(tmp_path, tmp_path / "nianbao.duckdb")
    assert problem and str(tmp_path) in problem and "\n" not in problem


def test_raw_folder_problems(tmp_path):
    wh = tmp_path / "wh" / "nianbao.duckdb"
    missing = tmp_path / "no-such-raw"
    problem = pipeline.raw_folder_problem(missing, wh)
    assert problem and str(missing) in problem and "\n" not in problem
    empty = tmp_path / "empty"
    empty.mkdir()
    assert pipeline.raw_folder_problem(empty, wh) is None  # nothing published yet
    wh.parent.mkdir()
    with duckdb.connect(str(wh)) as con:
        con.execute("create schema marts")
        con.execute("create table marts.dim_document as select 'a.txt' as source_file, 'loaded' as status")
    problem = pipeline.raw_folder_problem(empty, wh)
    assert problem and "--allow-empty" in problem and str(empty) in problem
    assert pipeline.raw_folder_problem(empty, wh, allow_empty=True) is None
    (empty / "a.txt").write_text(REPORT, encoding="utf-8")
    assert pipeline.raw_folder_problem(empty, wh) is None
    with pytest.raises(pipeline.RawFolderError):
        pipeline.ingest(missing, wh.with_name("nianbao.build.duckdb"), progress=False)


def test_dbt_accepts_exactly_the_quarantine_reasons():
    """The reason codes live in `schema.QUARANTINE_REASONS`; dbt's accepted values and the README follow."""
    import yaml

    from nianbao.config import DBT_PROJECT_DIR, PROJECT_ROOT

    found = 0
    for path in DBT_PROJECT_DIR.joinpath("models").rglob("*.yml"):
        for model in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("models", []):
            for column in model.get("columns", []):
                if model["name"] in ("dim_document", "stg_nianbao__documents") and column["name"] == "reason":
                    values = [
                        t["accepted_values"]["arguments"]["values"]
                        for t in column.get("data_tests", [])
                        if isinstance(t, dict) and "accepted_values" in t
                    ]
                    assert values == [list(QUARANTINE_REASONS)], (path, model["name"])
                    found += 1
    assert found == 2
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert all(f"| `{reason}` |" in readme for reason in QUARANTINE_REASONS)
