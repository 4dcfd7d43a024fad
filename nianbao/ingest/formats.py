"""File formats -> plain text: plain text, HTML, .docx and PDF.

`extract_text(data, source_file)` looks at the bytes first (magic numbers beat
file extensions: a PNG named .txt is still a PNG, an HTML page saved as .xls
is still HTML), then at the extension, and returns an `Extracted` with the
text (line ends '\\n', not yet NFKC-normalised) or a quarantine reason.

* text (.txt .md .csv .tsv .log, no extension, any unknown extension whose
  bytes are text): `decode.decode_bytes`.
* .html/.htm/.xhtml/.shtml (or text that starts like an HTML document):
  the BOM, else the declared charset (<meta charset>, http-equiv, XML
  declaration; GB2312/GBK widened to GB18030; valid UTF-8 wins over a
  wrong declaration), else detection; parsed with
  BeautifulSoup + lxml; script/style/nav/noscript/template/iframe/svg/form
  controls dropped; block elements (p, div, li, h1-h6, br, tr ...) become
  line breaks, every table cell its own line (breaks inside a cell become
  spaces, an empty cell is a line holding one tab) and table rows separated
  by a blank line. No text -> 'no_text'.
* .docx (a ZIP with word/document.xml): python-docx, paragraphs and tables
  in document order; every cell its own line (its paragraphs and nested
  tables joined by spaces; horizontally merged cells once; an empty cell is a
  line holding one tab), rows separated by a blank line.
  Text boxes, headers and footers are not read. No text -> 'no_text'.
* .pdf (%PDF- in the first KiB): pdfplumber, page by page; pages separated by
  a blank line; ruled tables (pdfplumber's table finder) as one tab-separated
  line per row, at their place on the page; '(cid:N)' glyphs without a Unicode map dropped; no text
  layer -> 'no_text'; encrypted -> 'unsupported_format'.
* other ZIP containers (xlsx, pptx, ODF, EPUB, OFD), OLE2 files (.doc, .xls,
  .ppt) and known office/e-book extensions (.wps, .rtf, .caj ...) ->
  'unsupported_format'; images, archives, executables, random bytes ->
  'binary'.

Corrupt containers (a .docx that is not a valid ZIP, a PDF pdfminer cannot
parse) -> 'undecodable' with the parser's message in `detail`.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from nianbao.ingest.decode import decode_bytes, looks_binary, normalise_newlines, sniff_magic

__all__ = [
    "Extracted",
    "extract_text",
    "html_to_text",
    "docx_to_text",
    "pdf_to_text",
    "TEXT_EXTENSIONS",
    "HTML_EXTENSIONS",
    "UNSUPPORTED_EXTENSIONS",
]

TEXT_EXTENSIONS = frozenset({"", "txt", "text", "md", "markdown", "csv", "tsv", "log", "json", "xml", "yaml", "yml"})
HTML_EXTENSIONS = frozenset({"html", "htm", "xhtml", "shtml", "php", "asp", "aspx", "jsp"})
UNSUPPORTED_EXTENSIONS = frozenset(
    {
        "doc",
        "dot",
        "xls",
        "xlsx",
        "xlsm",
        "xlt",
        "ppt",
        "pptx",
        "pps",
        "wps",
        "et",
        "dps",
        "odt",
        "ods",
        "odp",
        "rtf",
        "epub",
        "mobi",
        "azw3",
        "ofd",
        "caj",
        "kdh",
        "nh",
        "pages",
        "numbers",
        "key",
        "mht",
        "mhtml",
        "djvu",
        "xps",
        "oxps",
        "vsd",
        "pub",
        "chm",
    }
)
_ARCHIVE_EXTENSIONS = frozenset({"zip", "rar", "7z", "gz", "tgz", "tar", "bz2", "xz", "zst", "iso"})


@dataclass
class Extracted:
    text: str | None
    format: str
    encoding: str | None = None
    reason: str | None = None
    detail: str | None = None


def _ext(source_file: str) -> str:
    name = source_file.rsplit("/", 1)[-1]
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem.strip("."):  # no dot, or a dot-file like '.bashrc'
        return ""
    return ext.lower()


_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta)\b", re.I | re.S
)


def _looks_like_html(data: bytes) -> bool:
    head = data[:2048]
    for bom in (b"\xef\xbb\xbf",):
        if head.startswith(bom):
            head = head[len(bom) :]
    return bool(_HTML_START.match(head))


def extract_text(data: bytes, source_file: str) -> Extracted:
    """Extract text from the bytes of one file (see the module docstring)."""
    ext = _ext(source_file)
    if not data:
        return Extracted(None, ext or "txt", None, "empty", "zero bytes")
    magic = sniff_magic(data)
    if magic == "PDF document":
        return pdf_to_text(data)
    if magic is not None and magic.startswith("ZIP"):
        return _zip_container(data, ext)
    if magic is not None and magic.startswith("OLE2"):
        return Extracted(
            None,
            ext or "ole2",
            None,
            "unsupported_format",
            f"legacy Microsoft Office file ({magic}); save it as .docx, .pdf or .txt",
        )
    if magic is not None:
        label = magic.split()[0].lower()
        return Extracted(None, label, None, "binary", f"{magic} (.{ext})" if ext else magic)

    if ext == "docx":
        return Extracted(None, "docx", None, "undecodable", "not a valid .docx: not a ZIP container")
    if ext == "pdf":
        return Extracted(None, "pdf", None, "undecodable", "not a valid PDF: no %PDF- header")
    if ext in HTML_EXTENSIONS or _looks_like_html(data):
        if ext not in HTML_EXTENSIONS and looks_binary(data) is not None:
            return Extracted(None, ext or "binary", None, "binary", looks_binary(data))
        return html_to_text(data)
    if ext in UNSUPPORTED_EXTENSIONS:
        why = looks_binary(data)
        return Extracted(
            None, ext, None, "unsupported_format", f".{ext} files are not read" + (f" ({why})" if why else "")
        )
    if ext in _ARCHIVE_EXTENSIONS:
        return Extracted(None, ext, None, "binary", f".{ext} archive")

    d = decode_bytes(data)
    fmt = ext if ext in TEXT_EXTENSIONS and ext else "txt"
    if not d.ok and d.reason == "binary":
        fmt = ext or "binary"
    return Extracted(d.text, fmt, d.encoding, d.reason, d.detail)


# ---------------------------------------------------------------- zip containers


def _zip_container(data: bytes, ext: str) -> Extracted:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        if ext == "docx":
            return Extracted(None, "docx", None, "undecodable", f"corrupt .docx (bad ZIP): {e}")
        return Extracted(None, ext or "zip", None, "binary", f"ZIP archive (unreadable: {e})")
    if "word/document.xml" in names:
        return docx_to_text(data)
    kinds = (
        ("xl/workbook.xml", "xlsx", "Excel workbook"),
        ("ppt/presentation.xml", "pptx", "PowerPoint presentation"),
        ("OFD.xml", "ofd", "OFD document"),
        ("mimetype", ext or "odf", "OpenDocument/EPUB file"),
    )
    for member, fmt, desc in kinds:
        if member in names:
            return Extracted(None, fmt, None, "unsupported_format", f"{desc} (ZIP container) is not read")
    return Extracted(None, ext or "zip", None, "binary", f"ZIP archive with {len(names)} member(s)")


# ---------------------------------------------------------------- HTML

_CHARSET_RE = (
    re.compile(rb"<meta[^>]+?charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.\-]+)", re.I),
    re.compile(rb"<\?xml[^>]+encoding\s*=\s*[\"']([A-Za-z0-9_:.\-]+)", re.I),
)
_CHARSET_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "gb_2312-80": "gb18030",
    "big5": "big5hkscs",
    "x-x-big5": "big5hkscs",
    "cp950": "big5hkscs",
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "us-ascii": "utf-8",
    "ascii": "utf-8",
    "utf8": "utf-8",
    "unicode": "utf-16",
}
_DROP_TAGS = (
    "script",
    "style",
    "nav",
    "noscript",
    "template",
    "iframe",
    "svg",
    "canvas",
    "object",
    "embed",
    "button",
    "select",
    "textarea",
    "input",
    "map",
    "audio",
    "video",
)
_LINE_TAGS = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "dt",
        "dd",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "title",
        "pre",
        "blockquote",
        "section",
        "article",
        "header",
        "footer",
        "main",
        "aside",
        "figure",
        "figcaption",
        "address",
        "ul",
        "ol",
        "dl",
        "hr",
        "caption",
        "td",
        "th",
        "center",
        "form",
        "fieldset",
        "legend",
        "details",
        "summary",
        "option",
        "tbody",
        "thead",
        "tfoot",
    }
)
_PARA_TAGS = frozenset({"table", "tr"})
_NL, _PARA = "\x00", "\x01"
_CELL_TAGS = frozenset({"td", "th"})
_CELL_END = "\x02"  # walk event: a table cell closes
_WS = re.compile(r"[ \t\r\n\f\v]+")
# A space the source's line wrapping put between two CJK characters.
_CJK_GAP = re.compile(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]) (?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])")


def _declared_charset(data: bytes) -> str | None:
    head = data[:4096]
    for rx in _CHARSET_RE:
        m = rx.search(head)
        if m:
            return m.group(1).decode("ascii", "replace").strip().lower()
    return None


def _decode_html(data: bytes) -> tuple[str | None, str | None, str | None]:
    """(text, encoding, problem): BOM, then declared charset, then detection."""
    import codecs

    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return normalise_newlines(data.decode(enc, errors="replace")), enc, None
    declared = _declared_charset(data)
    if declared and declared.replace("-", "").replace("_", "") not in ("utf8", "usascii", "ascii"):
        # Valid UTF-8 with non-ASCII bytes is UTF-8 whatever the page claims
        # (pages copied from a GBK site into a UTF-8 CMS keep their old meta).
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            if not data.isascii():
                return normalise_newlines(text), "utf-8", f"declared charset {declared!r} but the bytes are UTF-8"
    if declared:
        enc = _CHARSET_ALIASES.get(declared, declared)
        try:
            codecs.lookup(enc)
        except LookupError:
            enc = None
        if enc:
            try:
                return normalise_newlines(data.decode(enc)), enc, None
            except UnicodeDecodeError:
                text = data.decode(enc, errors="replace")
                if text.count("\ufffd") <= max(4, len(text) // 1000):
                    return normalise_newlines(text), enc, "some bytes did not decode with the declared charset"
    d = decode_bytes(data)
    if not d.ok:
        return None, d.encoding, f"{d.reason}: {d.detail}"
    note = f"declared charset {declared!r} does not fit; detected {d.encoding}" if declared else None
    return d.text, d.encoding, note


def html_to_text(data: bytes) -> Extracted:
    """Visible text of an HTML page, one block per line."""
    text, enc, note = _decode_html(data)
    if text is None:
        reason = note.split(":", 1)[0] if note else "undecodable"
        return Extracted(
            None, "html", enc, reason if reason in ("empty", "binary", "undecodable") else "undecodable", note
        )
    import gc

    # A big page is hundreds of thousands of objects: the cyclic GC would
    # rescan them over and over while the tree is built (2-3x slower).
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _html_text(text, enc, note)
    finally:
        if gc_was_enabled:
            gc.enable()


def _html_text(text: str, enc: str | None, note: str | None) -> Extracted:
    from bs4 import BeautifulSoup
    from bs4.element import CData, Comment, Declaration, Doctype, NavigableString, ProcessingInstruction

    soup = BeautifulSoup(text, "lxml")
    for tag in soup.find_all(_DROP_TAGS):  # one pass over the tree
        if tag.parent is not None:  # not already removed with an ancestor
            tag.extract()
    skip = (Comment, Doctype, Declaration, ProcessingInstruction, CData)
    parts: list[str] = []
    # Iterative walk with explicit open/close events: pages can be nested far
    # deeper than Python's recursion limit.
    stack: list[tuple[object, str | None]] = [(soup, None)]
    in_pre = in_cell = 0
    while stack:
        node, closing = stack.pop()
        if closing is not None:
            if closing == "pre":
                in_pre -= 1
            elif closing == _CELL_END:
                in_cell -= 1
                if not _WS.sub("", "".join(p for p in parts[node:] if p not in (_NL, _PARA))):
                    parts.append("\t")
            else:
                parts.append(closing)
            continue
        if isinstance(node, NavigableString):
            if not isinstance(node, skip):
                s = str(node)
                parts.append(s if in_pre else _WS.sub(" ", s))
            continue
        name = getattr(node, "name", None)
        if name in _CELL_TAGS:
            # one line per cell: breaks inside it become spaces; an empty cell is a lone tab
            parts.append(_NL)
            stack.append((node, _NL))
            stack.append((len(parts), _CELL_END))
            in_cell += 1
        elif (name in _LINE_TAGS or name in _PARA_TAGS) and in_cell:
            parts.append(" ")
            stack.append((node, " "))
        elif name in _LINE_TAGS or name in _PARA_TAGS:
            brk = _PARA if name in _PARA_TAGS else _NL
            parts.append(brk)
            stack.append((node, brk))
        if name == "pre":
            in_pre += 1
            stack.append((node, "pre"))
        contents = getattr(node, "contents", None)
        if contents:
            stack.extend((c, None) for c in reversed(contents))
    out = _join_blocks("".join(parts))
    if not out.strip():
        return Extracted(None, "html", enc, "no_text", "HTML page without visible text")
    return Extracted(out, "html", enc, None, note)


def _join_blocks(s: str) -> str:
    """Turn break markers into lines: _NL = line break, _PARA = blank line."""
    lines: list[str] = []
    pending = None  # None, "\n" or "\n\n"
    for chunk in re.split(f"([{_NL}{_PARA}]+)", s):
        if not chunk:
            continue
        if chunk[0] in (_NL, _PARA):
            want = "\n\n" if _PARA in chunk else "\n"
            if pending != "\n\n":
                pending = want
            continue
        text = "\n".join(_CJK_GAP.sub("", line.strip(" ")) for line in chunk.split("\n"))
        if not text.strip() and text != "\t":  # a lone tab is an empty table cell
            continue
        if lines and pending:
            lines.append(pending)
        elif lines and not pending:
            pass
        lines.append(text)
        pending = None
    return "".join(lines).strip("\n") + "\n"


# ---------------------------------------------------------------- docx


def docx_to_text(data: bytes) -> Extracted:
    """Paragraphs and tables of a .docx in document order."""
    try:
        import docx  # python-docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises many kinds on corrupt files
        return Extracted(None, "docx", None, "undecodable", f"corrupt .docx: {type(e).__name__}: {e}"[:300])

    lines: list[str] = []

    def emit_table(table: Table, depth: int) -> None:
        if lines and lines[-1] != "":
            lines.append("")
        for row in table.rows:
            seen: set[int] = set()
            for cell in row.cells:
                key = id(cell._tc)
                if key in seen:
                    continue  # a horizontally merged cell is returned once per grid column
                seen.add(key)
                texts: list[str] = []
                for item in cell.iter_inner_content():
                    if isinstance(item, Paragraph):
                        if item.text.strip():
                            texts.append(item.text.strip())
                    elif depth < 8:
                        texts.extend(table_texts(item, depth + 1))
                # one line per cell (its paragraphs joined); a lone tab keeps an empty cell's place
                lines.append(" ".join(texts) if texts else "\t")
            if lines and lines[-1] != "":
                lines.append("")

    def table_texts(table: Table, depth: int) -> list[str]:
        """The text of a table nested in a cell, for that cell's line."""
        out: list[str] = []
        for row in table.rows:
            for cell in row.cells:
                for item in cell.iter_inner_content():
                    if isinstance(item, Paragraph) and item.text.strip():
                        out.append(item.text.strip())
                    elif not isinstance(item, Paragraph) and depth < 8:
                        out.extend(table_texts(item, depth + 1))
        return out

    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            lines.append(item.text)
        else:
            emit_table(item, 0)
    text = normalise_newlines("\n".join(lines))
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"
    if not text.strip():
        return Extracted(None, "docx", None, "no_text", ".docx without text in its body")
    return Extracted(text, "docx", None, None, None)


# ---------------------------------------------------------------- pdf

_CID = re.compile(r"\(cid:\d+\)")


def _pdf_cell(c: str | None) -> str:
    """A table cell on one line (a wrapped cell's lines joined; no space between CJK)."""
    return _CJK_GAP.sub("", " ".join((c or "").split()))


def _pdf_page_text(page) -> str:
    """The page's text; ruled tables (pdfplumber) as tab-separated rows, in place."""
    try:
        # a ruled table needs ruling lines: a page without any is only text (and faster)
        ruled = page.lines or page.rects
        tables = sorted(page.find_tables(), key=lambda t: t.bbox[1]) if ruled else []
    except Exception:  # table finding is a bonus: never lose the page's text for it
        tables = []
    if not tables:
        return page.extract_text() or ""
    boxes = [t.bbox for t in tables]

    def outside(obj) -> bool:
        if obj.get("object_type") != "char":
            return True
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    rest = page.filter(outside)
    x0, top, x1, bottom = page.bbox
    out: list[str] = []
    for t in tables:
        if t.bbox[1] > top:
            out.append(rest.crop((x0, top, x1, t.bbox[1])).extract_text() or "")
        out.append("\n".join("\t".join(_pdf_cell(c) for c in row) for row in t.extract() if any(row)))
        top = max(top, t.bbox[3])
    if top < bottom:
        out.append(rest.crop((x0, top, x1, bottom)).extract_text() or "")
    return "\n".join(x.strip("\n") for x in out if x.strip())


def pdf_to_text(data: bytes) -> Extracted:
    """The text layer of a PDF, page by page."""
    try:
        import pdfplumber
    except ImportError as e:  # pragma: no cover - declared dependency
        return Extracted(None, "pdf", None, "unsupported_format", f"pdfplumber not installed: {e}")
    pages: list[str] = []
    n_cid = 0
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            n_pages = len(pdf.pages)
            for page in pdf.pages:
                t = _pdf_page_text(page)
                n_cid += len(_CID.findall(t))
                pages.append(_CID.sub("", t))
                page.close()
    except Exception as e:
        name = type(e).__name__
        if "Password" in name or "Encrypt" in name:
            return Extracted(None, "pdf", None, "unsupported_format", f"encrypted PDF ({name})")
        return Extracted(None, "pdf", None, "undecodable", f"PDF could not be parsed: {name}: {e}"[:300])
    text = normalise_newlines("\n\n".join(p.strip("\n") for p in pages))
    if not text.strip():
        why = f"{n_cid} glyphs without a Unicode map" if n_cid else "no text layer (scanned?)"
        return Extracted(None, "pdf", None, "no_text", f"PDF with {n_pages} page(s): {why}")
    return Extracted(text.strip("\n") + "\n", "pdf", None, None, f"{n_cid} unmapped glyphs dropped" if n_cid else None)
