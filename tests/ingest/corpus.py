"""The awkward-file corpus for the ingest tests, generated on the fly (no committed binaries).

`build_corpus(root)` writes every file and returns {source_file: expectation}
where an expectation is a dict with `status` and, for quarantined files, the
allowed `reasons`, and for loaded files optionally `text` (the exact expected
normalised text) or `contains` (substrings).
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib
from pathlib import Path

from nianbao.ingest.normalise import normalise

PARAGRAPH = (
    "2020年金湖县图书馆工作年报\n"
    "2020年，金湖县图书馆在县文化广电和旅游局的领导下，坚持以人民为中心的发展思想，积极应对新冠肺炎疫情带来的影响，"
    "全面推进各项业务工作。全年接待读者21.2万余人次，外借图书5.6万册次，新增注册读者3,215人。"
    "举办各类读者活动126场，参与人数达1.8万人次；线上服务点击量达45.3万次（含微信公众号推送文章218篇）。\n"
    "全年新增馆藏图书12,580册，馆藏总量达到68.7万册（件），其中少儿图书15.2万册。"
    "图书馆总分馆体系建设稳步推进，新建分馆3个、流动服务点12个，基层服务点总数达到86个，覆盖全县11个镇（街道）。\n"
    "全年财政拨款总额为356.8万元，其中购书经费120万元，数字资源建设经费35万元，免费开放补助资金50万元。"
    "“4·23世界读书日”期间开展“书香金湖”全民阅读系列活动，吸引2,600余名读者参与。\n"
)
# The same report in traditional characters (Big5 cannot encode simplified ones).
PARAGRAPH_TRAD = (
    "2020年金湖縣圖書館工作年報\n"
    "2020年，金湖縣圖書館在縣文化廣電和旅遊局的領導下，堅持以人民為中心的發展思想，積極應對新冠肺炎疫情帶來的影響，"
    "全面推進各項業務工作。全年接待讀者21.2萬餘人次，外借圖書5.6萬冊次，新增注冊讀者3,215人。"
    "舉辦各類讀者活動126場，參與人數達1.8萬人次；線上服務點擊量達45.3萬次（含微信公眾號推送文章218篇）。\n"
    "全年新增館藏圖書12,580冊，館藏總量達到68.7萬冊（件），其中少兒圖書15.2萬冊。"
    "圖書館總分館體系建設穩步推進，新建分館3個、流動服務點12個，基層服務點總數達到86個，覆蓋全縣11個鎮（街道）。\n"
    "全年財政撥款總額為356.8萬元，其中購書經費120萬元，數字資源建設經費35萬元，免費開放補助資金50萬元。"
    "「4·23世界讀書日」期間開展「書香金湖」全民閱讀系列活動，吸引2,600餘名讀者參與。\n"
)
FULLWIDTH = str.maketrans("0123456789.,%", "０１２３４５６７８９．，％")


def N(text: str) -> str:
    return normalise(text)


def png_bytes() -> bytes:
    """A real 2x2 PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def docx_table_bytes(before: list[str], cells: list[list[str]], after: list[str], heading: str | None = None) -> bytes:
    """A .docx: an optional level-1 `heading`, the paragraphs `before`, one table of `cells` (rows of
    equal length), the paragraphs `after`."""
    import docx

    d = docx.Document()
    if heading is not None:
        d.add_heading(heading, level=1)
    for text in before:
        d.add_paragraph(text)
    t = d.add_table(rows=len(cells), cols=len(cells[0]))
    for r, row in enumerate(cells):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    for text in after:
        d.add_paragraph(text)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def docx_bytes() -> bytes:
    cells = [["序号", "活动名称", "参与人数"], ["1", "书香金湖读书节", "2600"], ["2", "少儿绘本阅读", "１８０"]]
    return docx_table_bytes(
        ["全年接待读者21.2万余人次，外借图书5.6万册次。"],
        cells,
        ["表后的段落：全年新增馆藏图书12,580册。"],
        heading="2020年金湖县图书馆年报",
    )


DOCX_TEXT = (
    "2020年金湖县图书馆年报\n全年接待读者21.2万余人次,外借图书5.6万册次。\n\n"
    "序号\n活动名称\n参与人数\n\n1\n书香金湖读书节\n2600\n\n2\n少儿绘本阅读\n180\n\n"
    "表后的段落:全年新增馆藏图书12,580册。\n"
)


def pdf_bytes(lines: list[str] | None) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    if lines:
        c.setFont("STSong-Light", 12)
        y = 800
        for line in lines:
            c.drawString(40, y, line)
            y -= 18
    else:
        c.rect(50, 50, 200, 200, fill=1)  # a "scan": drawing, no text
    c.showPage()
    c.save()
    return buf.getvalue()


PDF_LINES = ["2020年金湖县图书馆年报", "全年接待读者21.2万余人次，外借图书5.6万册次。", "新增馆藏图书12,580册。"]

HTML_GBK = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>2020年乾县图书馆工作年报</title>
<script>var banner = "不应出现的脚本文字";</script><style>.x{color:red}</style></head>
<body><nav>首页 / 工作动态 / 导航文字</nav>
<div class="content"><h1>乾县图书馆2020年工作总结</h1>
<p>2020年，乾县图书馆全年接待读者<b>21.2万</b>余人次，
外借图书5.6万册次。</p>
<table><tr><td>项目</td><td>数量</td></tr><tr><td>到馆人次</td><td>212,000</td></tr></table>
<p>举办活动126场。</p></div></body></html>
"""
HTML_TEXT = (
    "2020年乾县图书馆工作年报\n乾县图书馆2020年工作总结\n"
    "2020年,乾县图书馆全年接待读者21.2万余人次,外借图书5.6万册次。\n\n"
    "项目\n数量\n\n到馆人次\n212,000\n\n举办活动126场。\n"
)

LOADED = {"status": "loaded"}


def q(*reasons: str) -> dict:
    return {"status": "quarantined", "reasons": set(reasons)}


def build_corpus(root: Path) -> dict[str, dict]:
    rnd = random.Random(20201231)
    exp: dict[str, dict] = {}

    def put(rel: str, data: bytes, expectation: dict) -> None:
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)
        exp[rel] = expectation

    clean, trad = N(PARAGRAPH), N(PARAGRAPH_TRAD)
    # encodings: all must give exactly the clean text
    put("enc/a_utf8.txt", PARAGRAPH.encode("utf-8"), {**LOADED, "text": clean})
    # GBK and GB18030 give the same bytes for GBK characters: the GB18030 file
    # is another library's report with a 4-byte GB18030 character (𠮷).
    gb = PARAGRAPH.replace("金湖县", "𠮷安县")
    put("enc/gb18030.txt", gb.encode("gb18030"), {**LOADED, "text": N(gb)})
    put("enc/gbk.txt", PARAGRAPH.encode("gbk"), {**LOADED, "text": clean})
    put("enc/big5.txt", PARAGRAPH_TRAD.encode("big5"), {**LOADED, "text": trad})
    put("enc/utf16le_bom.txt", b"\xff\xfe" + PARAGRAPH.encode("utf-16-le"), {**LOADED, "text": clean})
    put("enc/utf16be_bom.txt", b"\xfe\xff" + PARAGRAPH.encode("utf-16-be"), {**LOADED, "text": clean})
    put("enc/utf8_bom.txt", b"\xef\xbb\xbf" + PARAGRAPH.encode("utf-8"), {**LOADED, "text": clean})
    put("enc/crlf_gbk.txt", PARAGRAPH.replace("\n", "\r\n").encode("gbk"), {**LOADED, "text": clean})
    put("enc/cr_utf8.txt", PARAGRAPH.replace("\n", "\r").encode("utf-8"), {**LOADED, "text": clean})
    put("enc/fullwidth.txt", PARAGRAPH.translate(FULLWIDTH).encode("utf-8"), {**LOADED, "text": clean})
    put(
        "enc/fullwidth_gb18030_crlf.txt",
        PARAGRAPH.translate(FULLWIDTH).replace("\n", "\r\n").encode("gb18030"),
        {**LOADED, "text": clean},
    )
    # truncated multi-byte sequence at the end: loaded, the tail replaced
    body = PARAGRAPH.rstrip("\n")
    put("enc/truncated_utf8.txt", body.encode("utf-8")[:-1], {**LOADED, "text": N(body[:-1] + "\ufffd")})
    put("enc/truncated_gbk.txt", body.encode("gbk")[:-1], {**LOADED, "text": N(body[:-1] + "\ufffd")})

    # awkward
    put("awkward/empty.txt", b"", q("empty"))
    put("awkward/whitespace.txt", " \t\r\n\u3000\n".encode("utf-8"), q("empty"))
    put("awkward/image.png", png_bytes(), q("binary"))
    put("awkward/png_named.txt", png_bytes() + b"x", q("binary"))
    put("awkward/random.bin", rnd.randbytes(4096), q("binary"))
    put("awkward/random_no_ext", bytes(b for b in rnd.randbytes(3000) if b), q("binary"))
    put("awkward/archive.zip", zip_bytes({"a.txt": PARAGRAPH.encode()}), q("binary", "unsupported_format"))
    put("awkward/nul_bytes.txt", PARAGRAPH.encode()[:60] + b"\x00\x00\x00" + PARAGRAPH.encode()[60:], q("binary"))
    put(
        "awkward/garbage_cjk.txt",
        bytes(rnd.choice(range(0x80, 0x100)) for _ in range(3000)),
        q("undecodable", "binary"),
    )
    digits = "".join(rnd.choice("0123456789") for _ in range(10_000))
    put(
        "awkward/ten_thousand_digits.txt",
        f"全年接待读者{digits}人次。\n".encode(),
        {**LOADED, "text": f"全年接待读者{digits}人次。\n"},
    )
    line = (PARAGRAPH.replace("\n", "") * 2000)[:700_000]  # ~2.1 MB of UTF-8, one line
    put("awkward/one_line_2mb.txt", line.encode(), {**LOADED, "text": N(line)})
    depth = 100_000
    put(
        "awkward/deep.html",
        b"<html><body>" + b"<div>" * depth + "深层文本2020年".encode() + b"</div>" * depth + b"</body></html>",
        {"status": {"loaded", "quarantined"}, "reasons": {"timeout", "undecodable", "no_text"}},
    )
    big = root / "awkward/big_50mb.txt"  # sparse: written in no time
    with open(big, "wb") as f:
        f.write(PARAGRAPH.encode())
        f.truncate(50_000_000)
    exp["awkward/big_50mb.txt"] = q("too_large")

    # formats
    put("docs/report.docx", docx_bytes(), {**LOADED, "text": DOCX_TEXT})
    put("docs/empty.docx", _empty_docx(), q("no_text"))
    put("docs/not_a_zip.docx", "这不是docx文件\n".encode(), q("undecodable"))
    put("docs/same_bytes_as_text.docx", "读者21.2万人次\n".encode(), q("undecodable"))
    put("docs/page_gbk.html", HTML_GBK.encode("gbk"), {**LOADED, "text": HTML_TEXT})
    put("docs/report.pdf", pdf_bytes(PDF_LINES), {**LOADED, "text": N("\n".join(PDF_LINES) + "\n")})
    put("docs/scan.pdf", pdf_bytes(None), q("no_text"))
    put("docs/legacy.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + rnd.randbytes(2000), q("unsupported_format"))
    put(
        "docs/sheet.xlsx",
        zip_bytes({"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"<w/>"}),
        q("unsupported_format"),
    )
    put(
        "docs/report.md",
        "# 年报\n\n全年接待读者２１．２万人次。\n".encode(),
        {**LOADED, "text": "# 年报\n\n全年接待读者21.2万人次。\n"},
    )

    # names, nesting, hidden files, duplicates
    put("names/with space 年报 📚.txt", "读者21.2万人次\n".encode(), {**LOADED, "text": "读者21.2万人次\n"})
    put("names/a/b/c/d/e/深层 文件.txt", "外借5.6万册次\n".encode(), {**LOADED, "text": "外借5.6万册次\n"})
    put(".hidden.txt", "隐藏文件的内容\n".encode(), LOADED)
    put(".git-like/notes", "隐藏目录里的文件\n".encode(), LOADED)
    put(
        "names/copy of a_utf8.txt", PARAGRAPH.encode("utf-8"), {"status": "duplicate", "duplicate_of": "enc/a_utf8.txt"}
    )
    put("zz/another copy.txt", PARAGRAPH.encode("utf-8"), {"status": "duplicate", "duplicate_of": "enc/a_utf8.txt"})
    put("zz/empty copy.txt", b"", q("empty"))
    return exp


def _empty_docx() -> bytes:
    import docx

    buf = io.BytesIO()
    docx.Document().save(buf)
    return buf.getvalue()


def random_bytes(n: int, seed: int = 0) -> bytes:
    return random.Random(seed).randbytes(n)


if __name__ == "__main__":  # write the corpus somewhere to look at it: python -m tests.ingest.corpus DIR
    import sys

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "ingest_corpus")
    for k, v in build_corpus(out).items():
        print(k, v.get("status"), sorted(v.get("reasons", [])))
