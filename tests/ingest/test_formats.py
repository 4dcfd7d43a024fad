"""formats: docx (paragraphs + tables in order), HTML (charset, dropped tags, blocks), PDF."""

from __future__ import annotations

import io

from nianbao.ingest.formats import extract_text
from nianbao.ingest.normalise import normalise
from tests.ingest.corpus import DOCX_TEXT, HTML_GBK, HTML_TEXT, PDF_LINES, docx_bytes, pdf_bytes, zip_bytes


def _n(ex):
    return normalise(ex.text) if ex.text is not None else None


def test_docx_paragraphs_and_tables_in_order():
    ex = extract_text(docx_bytes(), "r.docx")
    assert ex.reason is None and ex.format == "docx"
    assert _n(ex) == DOCX_TEXT


def test_docx_merged_cells_once():
    import docx

    d = docx.Document()
    t = d.add_table(rows=2, cols=3)
    a = t.cell(0, 0).merge(t.cell(0, 2))
    a.text = "2020年主要业务数据"
    for c, v in enumerate(["到馆", "外借", "活动"]):
        t.cell(1, c).text = v
    buf = io.BytesIO()
    d.save(buf)
    ex = extract_text(buf.getvalue(), "m.docx")
    assert ex.text == "2020年主要业务数据\n\n到馆\n外借\n活动\n"


def test_html_gbk_meta_charset():
    ex = extract_text(HTML_GBK.encode("gbk"), "page.html")
    assert ex.reason is None and ex.encoding == "gb18030"
    assert _n(ex) == HTML_TEXT
    assert "脚本" not in ex.text and "导航" not in ex.text and "color" not in ex.text


def test_html_wrong_declaration_and_detection():
    utf8_declared_gbk = HTML_GBK.encode("utf-8")
    ex = extract_text(utf8_declared_gbk, "page.htm")
    assert ex.encoding == "utf-8" and _n(ex) == HTML_TEXT
    undeclared = HTML_GBK.replace('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', "")
    ex = extract_text(undeclared.encode("gb18030"), "page.html")
    assert ex.encoding == "gb18030" and _n(ex) == HTML_TEXT


def test_html_without_extension_and_no_text():
    ex = extract_text(HTML_GBK.encode("gbk"), "saved_as.xls")  # an HTML page saved as .xls
    assert ex.format == "html" and _n(ex) == HTML_TEXT
    ex = extract_text(b"<html><body><script>x()</script><img src=a.png></body></html>", "e.html")
    assert ex.reason == "no_text"


def test_html_deep_nesting():
    depth = 30_000  # the corpus test reads one 100 000 levels deep
    data = b"<html><body>" + b"<div>" * depth + "深层文本".encode() + b"</div>" * depth + b"</body></html>"
    ex = extract_text(data, "deep.html")
    assert ex.reason is None and ex.text.strip() == "深层文本"


def test_pdf_text_layer_and_scan():
    ex = extract_text(pdf_bytes(PDF_LINES), "r.pdf")
    assert ex.reason is None and ex.format == "pdf"
    assert _n(ex) == normalise("\n".join(PDF_LINES) + "\n")
    assert extract_text(pdf_bytes(None), "scan.pdf").reason == "no_text"
    assert extract_text(b"%PDF-1.4\n garbage", "broken.pdf").reason == "undecodable"


def test_unsupported_and_binary():
    assert extract_text(zip_bytes({"xl/workbook.xml": b"<w/>"}), "s.xlsx").reason == "unsupported_format"
    assert extract_text(zip_bytes({"ppt/presentation.xml": b"<p/>"}), "s.pptx").reason == "unsupported_format"
    assert extract_text(b"{\\rtf1\\ansi hello}", "a.rtf").reason == "unsupported_format"
    assert extract_text(zip_bytes({"a.txt": b"x"}), "a.zip").reason == "binary"
    assert extract_text(b"\x1f\x8b\x08\x00" + bytes(50), "a.txt.gz").reason == "binary"
