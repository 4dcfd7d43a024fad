"""The build fingerprint (nianbao/fingerprint.py): the pure function, the reuse of recorded
content hashes, and the check against the record beside the published build."""

from __future__ import annotations

import os

import pytest

from nianbao import fingerprint as fp

FILES = [("a.txt", "d1"), ("sub/b.txt", "d2")]
VERSIONS = {"extractor": "e1", "dbt": "x1"}
SETTINGS = {"raw_dir": "/r", "target": "duckdb"}


def test_fingerprint_ignores_order_and_sees_every_input():
    base = fp.fingerprint(FILES, VERSIONS, SETTINGS)
    assert base == fp.fingerprint(list(reversed(FILES)), dict(reversed(VERSIONS.items())), SETTINGS)
    variants = [
        ([("a.txt", "d1"), ("sub/b.txt", "d3")], VERSIONS, SETTINGS),  # one file's content
        ([("a.txt", "d1"), ("sub/c.txt", "d2")], VERSIONS, SETTINGS),  # renamed
        (FILES + [("new.txt", "d4")], VERSIONS, SETTINGS),  # added
        (FILES[:1], VERSIONS, SETTINGS),  # removed
        (FILES, {**VERSIONS, "extractor": "e2"}, SETTINGS),  # extractor version
        (FILES, {**VERSIONS, "dbt": "x2"}, SETTINGS),  # dbt project
        (FILES, VERSIONS, {**SETTINGS, "target": "postgres"}),  # a setting
    ]
    values = {fp.fingerprint(*v) for v in variants}
    assert base not in values and len(values) == len(variants)


def test_tree_digest_changes_with_content_not_with_caches(tmp_path):
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "m.sql").write_text("select 1")
    before = fp.tree_digest([tmp_path])
    (tmp_path / "target").mkdir()
    (tmp_path / "target" / "manifest.json").write_text("{}")
    (tmp_path / "models" / "__pycache__").mkdir()
    (tmp_path / "models" / "__pycache__" / "x.pyc").write_bytes(b"\0")
    assert fp.tree_digest([tmp_path]) == before
    (tmp_path / "models" / "m.sql").write_text("select 2")
    assert fp.tree_digest([tmp_path]) != before


@pytest.fixture
def layout(tmp_path, monkeypatch):
    raw, wh = tmp_path / "raw", tmp_path / "wh" / "nianbao.duckdb"
    raw.mkdir()
    wh.parent.mkdir()
    (raw / "r1.txt").write_text("图书馆2020年接待读者1万人次。", encoding="utf-8")
    (raw / "r2.txt").write_text("馆藏10万册。", encoding="utf-8")
    monkeypatch.setenv("NIANBAO_RAW_DIR", str(raw))
    monkeypatch.setenv("NIANBAO_WAREHOUSE", str(wh))
    monkeypatch.setattr(fp, "code_versions", lambda: dict(VERSIONS))  # the code is not what is tested here
    return raw, wh


def _publish(wh):
    """Stand-ins for what a run publishes: the database and its report."""
    wh.write_bytes(b"duckdb")
    (wh.parent / "quality_report").mkdir(exist_ok=True)
    (wh.parent / "quality_report" / "index.html").write_text("<html/>")


def test_recorded_build_is_unchanged_until_an_input_changes(layout):
    raw, wh = layout
    inputs = fp.current(wh)
    assert not fp.is_unchanged(wh, inputs)  # nothing recorded yet
    assert fp.changes(wh, inputs) == ["no recorded build"]
    _publish(wh)
    fp.record(wh, inputs)
    assert fp.fingerprint_path(wh).parent == wh.parent
    stale = wh.parent / f".{fp.fingerprint_path(wh).name}.999999.tmp"  # a run killed while recording
    stale.write_text("{")
    fp.record(wh, inputs)
    assert not stale.exists() and not [p for p in wh.parent.iterdir() if p.name.endswith(".tmp")]
    assert fp.is_unchanged(wh, fp.current(wh))

    os.utime(raw / "r1.txt", ns=(1, 1))  # touched, same content: still unchanged
    assert fp.is_unchanged(wh, fp.current(wh))
    (raw / "r3.txt").write_text("新报告", encoding="utf-8")
    now = fp.current(wh)
    assert not fp.is_unchanged(wh, now)
    assert fp.changes(wh, now) == ["1 raw file added"]


def test_a_replaced_or_missing_published_build_is_rebuilt(layout):
    raw, wh = layout
    _publish(wh)
    fp.record(wh, fp.current(wh))
    os.utime(wh, ns=(5, 5))  # another build (or a writer) replaced it
    assert not fp.is_unchanged(wh, fp.current(wh))
    _publish(wh)
    fp.record(wh, fp.current(wh))
    (wh.parent / "quality_report" / "index.html").unlink()
    assert not fp.is_unchanged(wh, fp.current(wh))


def test_settings_and_code_are_part_of_it(layout, monkeypatch):
    raw, wh = layout
    _publish(wh)
    fp.record(wh, fp.current(wh))
    monkeypatch.setenv("NIANBAO_DOC_TIMEOUT", "7")
    assert fp.changes(wh, fp.current(wh)) == ["setting doc_timeout_s changed"]
    monkeypatch.delenv("NIANBAO_DOC_TIMEOUT")
    monkeypatch.setattr(fp, "code_versions", lambda: {**VERSIONS, "dbt": "x9"})
    assert fp.changes(wh, fp.current(wh)) == ["dbt changed"]
    assert not fp.is_unchanged(wh, fp.current(wh))


def test_unchanged_files_are_not_read_again(layout, monkeypatch):
    """A file whose size and mtime are those recorded keeps its recorded digest (it is not hashed)."""
    raw, wh = layout
    _publish(wh)
    inputs = fp.current(wh)
    fp.record(wh, inputs)
    opened = []
    real_open = open

    def spy(path, *a, **k):
        opened.append(str(path))
        return real_open(path, *a, **k)

    monkeypatch.setattr("builtins.open", spy)
    again = fp.current(wh)
    assert not [p for p in opened if p.startswith(str(raw))]
    assert again.value == inputs.value
    (raw / "r2.txt").write_text("馆藏20万册。", encoding="utf-8")  # same size, new content and mtime
    changed = fp.current(wh)
    assert str(raw / "r2.txt") in opened and changed.value != inputs.value
    assert fp.changes(wh, changed) == ["1 raw file changed"]


def test_real_code_versions_cover_the_extractor_and_the_dbt_project():
    versions = fp.code_versions()
    assert {"extractor", "pipeline", "dbt", "expectations", "dependencies"} <= set(versions)
    assert all(len(v) >= 12 for v in versions.values())


def test_a_raw_folder_gone_is_a_change_not_a_crash(layout, tmp_path, monkeypatch):
    raw, wh = layout
    _publish(wh)
    fp.record(wh, fp.current(wh))
    monkeypatch.setenv("NIANBAO_RAW_DIR", str(tmp_path / "unmounted"))
    now = fp.current(wh)
    assert not fp.is_unchanged(wh, now) and "2 raw files removed" in fp.changes(wh, now)
