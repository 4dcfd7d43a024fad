"""Headless Chromium renders the report: findings and numbers are in the live DOM.

Chromium must be installed (`apt-get install -y chromium`); when it is missing
this test FAILS on purpose (the lead's `make test` installs it).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.support.browser import run_chromium

pytestmark = pytest.mark.browser


def dump_dom(url: str, profile: Path) -> BeautifulSoup:
    out = run_chromium(["--dump-dom", url], profile).stdout
    assert "<html" in out, out[:500]
    return BeautifulSoup(out, "html.parser")


def test_chromium_renders_index_and_library_year_page(report_index, tmp_path):
    index = dump_dom(report_index.resolve().as_uri(), tmp_path / "profile")
    assert index.title.text.startswith("年报数据质量报告")
    assert index.find(id="total-figures").find(class_="big").text == "11"
    table = index.find(id="library-years").get_text(" ")
    assert "如皋市图书馆" in table and "金湖县图书馆" in table
    assert len(index.find_all("img", class_="chart")) == 3
    assert "文档级问题：无法归属到图书馆" in index.get_text()

    page_path = report_index.parent / "ly" / "rugao-2020.html"
    page = dump_dom(page_path.resolve().as_uri(), tmp_path / "profile")
    text = page.get_text(" ")
    # findings and messages
    assert "新办读者证数有四个互相矛盾的全年数字" in text
    assert "支出分项之和 484.18万元" in text
    assert "no figures linked" in text
    # escaped markup stays text in the live DOM: no injected elements
    assert page.find("script") is None and page.find("b") is None
    assert "<script>alert(1)</script>" in text
    # the four competing numbers, formatted and highlighted
    conflict = page.find("section", id="finding-q_conflict")
    assert [v.text.split()[0] for v in conflict.find_all(class_="value")] == ["22,454", "2,988", "10,119", "3,274"]
    assert [m.text for m in conflict.find_all("mark")] == ["22454", "2988", "10119", "3274"]
    assert "002_rugao.txt:3" in conflict.get_text(" ")


def test_chromium_screenshot(report_index, tmp_path):
    shot = tmp_path / "page.png"
    page_path = report_index.parent / "ly" / "rugao-2020.html"
    run_chromium(
        [f"--screenshot={shot}", "--window-size=1200,1600", page_path.resolve().as_uri()], tmp_path / "profile"
    )
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
