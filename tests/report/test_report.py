"""The static quality report renders invented marts correctly and safely."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from nianbao.report import build_report, charts
from nianbao.report.highlight import evidence_segments, find_number, line_of, number_spellings
from tests.report.invented_marts import frames, write_db


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def finding(page: BeautifulSoup, finding_id: str):
    sec = page.find("section", id=f"finding-{finding_id}")
    assert sec is not None, f"finding {finding_id} not on the page"
    return sec


def test_index_totals_and_links(report_index):
    assert report_index.name == "index.html" and report_index.exists()
    page = soup(report_index)
    assert page.html["lang"] == "zh"
    assert page.find("meta", charset="utf-8") is not None
    assert page.find(id="total-documents").find(class_="big").text == "4"
    assert page.find(id="total-figures").find(class_="big").text == "11"
    findings = page.find(id="total-findings").get_text(" ")
    assert "error 3" in findings and "warn 2" in findings and "info 0" in findings
    links = [a["href"] for a in page.find(id="library-years").find_all("a")]
    assert links == ["ly/jinhu-2020.html", "ly/rugao-2020.html"]  # sorted by key
    for href in links:
        assert (report_index.parent / href).is_file()
    assert "如皋市图书馆" in page.find(id="library-years").text
    # the document-level finding (no library) is on the index
    assert "文档级问题：无法归属到图书馆" in finding(page, "q_doc").text


def test_conflict_shows_four_candidates_side_by_side(report_index):
    page = soup(report_index.parent / "ly" / "rugao-2020.html")
    sec = finding(page, "q_conflict")
    assert "conflict" in sec.find("h3").text and "error" in sec.find("h3").text
    cards = sec.find_all("div", class_="fig")
    assert [c.find(class_="value").text.split()[0] for c in cards] == ["22,454", "2,988", "10,119", "3,274"]
    for card in cards:
        text = card.get_text(" ")
        assert "candidate" in text
        for field in ("qualifier", "exact", "scope", "library", "segment", "all", "period", "year"):
            assert field in text
    # source file and line numbers computed from the document text
    srcs = [c.find_all(class_="src")[-1].text for c in cards]
    assert [s.split()[0] for s in srcs] == ["002_rugao.txt:2", "002_rugao.txt:3", "002_rugao.txt:4", "002_rugao.txt:5"]


def test_sum_mismatch_roles(report_index):
    sec = finding(soup(report_index.parent / "ly" / "rugao-2020.html"), "q_sum")
    assert "sum_mismatch" in sec.text and "754.55万元" in sec.find(class_="message").text
    roles = [c.find(class_="muted").text.split("·")[0].strip() for c in sec.find_all("div", class_="fig")]
    assert roles == ["total", "part", "part", "part"]
    marks = [m.text for m in sec.find_all("mark")]
    assert marks == ["754.55", "265.28", "139.9", "80"]


def test_finding_without_figures(report_index):
    sec = finding(soup(report_index.parent / "ly" / "rugao-2020.html"), "q_count")
    assert sec.find("div", class_="fig") is None
    assert "no figures linked" in sec.text
    assert "活动一览表列出 13 项活动" in sec.text


def test_number_highlighted_in_evidence(report_index):
    html = (report_index.parent / "ly" / "rugao-2020.html").read_text(encoding="utf-8")
    assert "全年办理新证<mark>2988</mark>张" in html
    assert "办理新证 <mark>22454</mark>" in html
    jinhu = (report_index.parent / "ly" / "jinhu-2020.html").read_text(encoding="utf-8")
    # no document text for jinhu: the value is found by spelling it (47000 as 4.7万) and the span is shown
    assert "进馆人次：<mark>4.7</mark>万人次" in jinhu
    assert "外借人次：<mark>49800</mark>" in jinhu
    assert "chars 120–125" in jinhu


def test_html_special_characters_escaped(report_index):
    html = (report_index.parent / "ly" / "rugao-2020.html").read_text(encoding="utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>活跃</b>" not in html
    assert "&lt;b&gt;活跃&lt;/b&gt; &amp; &#34;持证&#34;" in html
    jinhu = (report_index.parent / "ly" / "jinhu-2020.html").read_text(encoding="utf-8")
    assert "&lt;增长&gt;" in jinhu and "<增长>" not in jinhu


def test_headline_figures_on_page(report_index):
    page = soup(report_index.parent / "ly" / "rugao-2020.html")
    rows = {tr.th.text: tr.td.text for tr in page.find(id="headline").tbody.find_all("tr")}
    assert rows["loans"] == "205,829"
    assert rows["spending"] == "7,545,500"
    assert rows["attendance"] == "10,489.5"
    assert rows["visits"] == "—"
    # x_candidates / x_conflict are shown on the row of x, not as rows of their own
    assert "registrations_candidates" not in rows and "registrations_conflict" not in rows
    reg = [tr for tr in page.find(id="headline").tbody.find_all("tr") if tr.th.text == "registrations"][0]
    assert [td.get_text(" ", strip=True) for td in reg.find_all("td")] == ["22,454", "4", "conflict"]


def test_charts_written_and_referenced(report_index):
    site = report_index.parent
    names = sorted(p.name for p in (site / "charts").iterdir())
    assert names == ["findings_by_check.svg", "findings_by_library.svg", "headline_figures.svg"]
    for n in names:
        data = (site / "charts" / n).read_text(encoding="utf-8")
        assert "<svg" in data and len(data) > 2000
    srcs = [img["src"] for img in soup(report_index).find_all("img")]
    assert srcs == ["charts/findings_by_check.svg", "charts/findings_by_library.svg", "charts/headline_figures.svg"]


def test_no_external_resources(report_index):
    for page in [report_index, *sorted((report_index.parent / "ly").glob("*.html"))]:
        s = soup(page)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src")):
            for el in s.find_all(tag):
                ref = el.get(attr) or ""
                assert not ref.startswith(("http:", "https:", "//")), (page.name, ref)
        assert s.find("style") is not None


def test_chart_labels_ascii_without_cjk_font(monkeypatch):
    monkeypatch.setattr(charts, "cjk_font", lambda: None)
    assert charts.label_for("rugao", "如皋市图书馆", 2020) == "rugao 2020"
    code = charts.label_for("如皋", "如皋市图书馆")
    assert code.isascii() and code.startswith("lib-")
    monkeypatch.setattr(charts, "cjk_font", lambda: "Noto Sans CJK SC")
    assert charts.label_for("rugao", "如皋市图书馆", 2020) == "如皋市图书馆 2020"


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_deterministic_output(marts_db, report_index, tmp_path):
    again = build_report(marts_db, tmp_path / "again")
    assert _digest(again.parent) == _digest(report_index.parent)


def test_missing_tables_still_render(tmp_path):
    db = write_db(tmp_path / "partial.duckdb", {"fct_figures": frames()["fct_figures"]})
    index = build_report(db, tmp_path / "site")
    text = index.read_text(encoding="utf-8")
    assert "marts.dq_findings" in text  # listed as missing
    assert (tmp_path / "site" / "ly" / "rugao-2020.html").is_file()


def test_non_ascii_library_key_gets_stable_ascii_file_name(tmp_path):
    t = frames()
    for name in ("fct_figures", "library_year_summary"):
        t[name] = t[name].replace({"library_key": {"rugao": "如皋"}})
    t["dq_findings"] = t["dq_findings"].replace({"library_key": {"rugao": "如皋"}})
    index = build_report(write_db(tmp_path / "k.duckdb", t), tmp_path / "site")
    pages = sorted(p.name for p in (index.parent / "ly").glob("*.html"))
    assert len(pages) == 2 and all(p.isascii() for p in pages)
    assert f"ly/{charts.ascii_code('如皋')}-2020.html" in index.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("value", "unit", "text", "marked"),
    [
        (7545500, "万元", "本年支出总计754.55万元", "754.55"),
        (212000, "万人次", "接待读者21.2万余人次", "21.2"),
        (1234, "", "编号12345，另有1234册", "1234"),  # not inside a longer number
        (10489.5, "人", "读者活动总人次为10489.5人", "10489.5"),
        (205829, "册次", "普通借书量达到205,829册次", "205,829"),
    ],
)
def test_number_spellings_found(value, unit, text, marked):
    span = find_number(text, number_spellings(value, unit))
    assert span is not None and text[span[0] : span[1]] == marked


def test_evidence_segments_use_char_span():
    doc = "第一行\n共有分馆38家，服务点38个。"
    start = doc.index("38个")
    segs = evidence_segments("共有分馆38家，服务点38个。", 38, "个", doc, start, start + 2)
    assert segs == [("共有分馆38家，服务点", False), ("38", True), ("个。", False)]
    assert line_of(doc, start) == 2


def test_cjk_font_registered_from_fontconfig_file(monkeypatch):
    """A font fontconfig lists for :lang=zh is used even when matplotlib's cache
    does not know it (exercised with DejaVu, which is always there)."""
    from matplotlib import font_manager

    dejavu = font_manager.findfont("DejaVu Sans")
    monkeypatch.setattr(charts, "_fc_list_zh", lambda: [(dejavu, "Not A Cached Family")])
    charts.cjk_font.cache_clear()
    try:
        assert charts.cjk_font() == "DejaVu Sans"
    finally:
        charts.cjk_font.cache_clear()
    monkeypatch.setattr(charts, "_fc_list_zh", lambda: [])
    assert charts.cjk_font() is None
    charts.cjk_font.cache_clear()
