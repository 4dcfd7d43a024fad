"""nianbao.extract.normalize: the traditional → simplified text for matching is opencc's own
conversion (its public `convert`), kept length for length so spans stay valid."""

from __future__ import annotations

from pathlib import Path

import pytest
from opencc import OpenCC

from nianbao.extract import normalize

BATCHES = Path(__file__).parent / "realdata"


def _texts(realdev_dir: Path) -> list[str]:
    files = sorted((realdev_dir / "docs").glob("*.txt")) + sorted(BATCHES.glob("batch*/docs/*.txt"))
    return [f.read_text(encoding="utf-8") for f in files]


def test_convert_is_opencc_convert_on_the_real_documents(realdev_dir):
    cc = OpenCC("t2s")
    texts = _texts(realdev_dir)
    assert len(texts) > 100
    changed = 0
    for text in texts:
        expected = cc.convert(text)
        assert normalize._convert(text) == expected
        changed += expected != text
    assert changed > 20  # traditional documents are among them: the comparison is not vacuous


@pytest.mark.parametrize(
    "text, simplified",
    [
        ("圖書館全年接待讀者", "图书馆全年接待读者"),  # character by character
        ("乾隆年間的藏書", "乾隆年间的藏书"),  # a phrase keeps 乾 (the character alone is 干)
        ("第一行沒有變化\n第二行：舉辦講座", "第一行没有变化\n第二行：举办讲座"),  # line by line
        ("全年接待读者", "全年接待读者"),  # simplified already: returned as it is
    ],
)
def test_for_matching_converts_and_keeps_the_length(text, simplified):
    out = normalize.for_matching(text * 10)  # longer than the cached short texts
    assert out == simplified * 10
    assert len(out) == len(text * 10)
    assert normalize.for_matching(text) == simplified


def test_for_matching_falls_back_to_characters_when_the_conversion_changes_the_length(monkeypatch):
    monkeypatch.setattr(normalize, "_convert", lambda s: s.replace("年報", "年度报告"))
    text = "舉辦講座的年報" * 10
    out = normalize.for_matching(text)
    assert out == "举办讲座的年报" * 10
    assert len(out) == len(text)


def test_a_text_without_changing_characters_is_not_walked(monkeypatch):
    calls: list[str] = []
    real = normalize._CC.convert
    monkeypatch.setattr(normalize._CC, "convert", lambda s: calls.append(s) or real(s))
    assert normalize._convert("全年接待读者\n舉辦講座") == "全年接待读者\n举办讲座"
    assert calls == ["舉辦講座"]
