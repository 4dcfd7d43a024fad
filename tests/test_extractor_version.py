"""The extraction cache key (`pipeline.extractor_version`) covers the code that makes the
extractor's text: a change to how a .docx/.html/.pdf is read re-extracts every document."""

from __future__ import annotations

from nianbao import pipeline


def test_the_ingest_text_code_is_part_of_the_version():
    names = {p.name for p in pipeline.TEXT_SOURCES}
    assert "formats.py" in names
    assert all(p.is_file() for p in pipeline.TEXT_SOURCES)


def test_changing_the_text_code_changes_the_version(tmp_path, monkeypatch):
    reader = tmp_path / "formats.py"
    reader.write_text("def extract_text(data): return data.decode()\n", encoding="utf-8")
    monkeypatch.setattr(pipeline, "TEXT_SOURCES", (reader,))
    before = pipeline.extractor_version()
    assert pipeline.extractor_version() == before  # stable for the same code
    reader.write_text("def extract_text(data): return data.decode().strip()\n", encoding="utf-8")
    assert pipeline.extractor_version() != before
