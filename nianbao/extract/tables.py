"""Table segmentation: find the tables embedded in a report's plain text.

Reports arrive as plain text converted from .docx / .pdf / .html, and the
tables in them come out in several shapes. `find_tables(text)` recognises:

* **one cell per line** (a flattened .docx table): every cell is a line that
  starts with a tab, an empty cell is a line holding only a tab, and printed
  rows are separated by blank lines;
* **tab-separated rows**: one printed row per line, cells separated by tabs;
* **pipe-delimited rows**: ``| a | b |`` (Markdown style; ``|---|`` rule
  lines are skipped);
* **side-by-side repeated headers** (序号/名称/数量/序号/名称/数量): the header is
  folded to one copy and every printed row is split into logical rows; all
  left-hand rows come first, then the right-hand ones (reading order);
* **a single line holding N labels then N values** (header = labels,
  one row = values);
* tables with one column per year (2019年/2020年) or per month (1月…12月) are
  ordinary tables here; nothing special is needed beyond the shapes above;
* **statistical forms with a row-code column** (代码/行次/编码/编号) where the
  code and its value were glued together (``0312500`` for code ``03``,
  value ``12500``): the cell is split back into code and value.

Every `Cell` carries its span in `text` (``text[c.start:c.end] == c.text``),
so callers can point at evidence. Word artefacts such as ``[bookmark: X]``
at the edges of a cell are left out of the cell. The title is the nearest
preceding short line (or a leading one-cell row) that looks like a caption
(表 / 统计 / 一览 / 情况 …); a unit written in it such as ``(万元)`` or
``单位:万元`` becomes `unit_hint`.

Pure Python, no dependencies; works on NFKC-normalised or raw text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .lexicon import tables as tl

__all__ = ["Cell", "Table", "find_tables"]


@dataclass
class Cell:
    text: str
    start: int
    end: int


@dataclass
class Table:
    table_id: str
    title: str | None
    title_span: tuple[int, int] | None
    header: list[Cell]
    rows: list[list[Cell]]
    start: int
    end: int
    unit_hint: str | None
    # Extra (not in the original brief): one-cell rows printed between the
    # title and the header (a merged "base" row such as 外借室持证读者:约15万).
    preamble: list[Cell] = field(default_factory=list)
    # 'cell_per_line', 'tab', 'pipe', 'label_value', and (table_layouts) 'space_columns',
    # 'cell_stream', 'form', 'glued_columns', 'level_columns'
    layout: str = ""
    # one unit per value column, in column order, from a ``单位:万人次、万册`` line above
    unit_list: list[str] | None = None

    # -- small helpers for consumers --------------------------------------
    @property
    def header_texts(self) -> list[str]:
        return [norm_label(c.text) for c in self.header]

    def col_index(self, *keywords: str) -> int | None:
        """Index of the first header cell containing any keyword (spaces ignored)."""
        for kw in keywords:
            for i, h in enumerate(self.header_texts):
                if kw in h:
                    return i
        return None


# ------------------------------------------------------------------ helpers

_ARTEFACT = re.compile(r"\[(?:bookmark|BOOKMARK)\s*:[^\]]*\]")
_WS = " \t\u3000\u00a0\r"
_TITLE_WORDS = tl.TITLE_WORDS
_UNIT_CHARS = tl.UNIT_CHARS
_NUMERIC = re.compile(r"^[+-]?\d[\d,]*(?:\.\d+)?\s*(?:%|‰)?$|^[+-]?\.\d+$")


def norm_label(s: str) -> str:
    """Header text without any whitespace (名   称 → 名称)."""
    return re.sub(r"[\s\u3000]+", "", s)


def _is_numeric(s: str) -> bool:
    return bool(_NUMERIC.match(s.strip()))


def _mk_cell(text: str, start: int, end: int) -> Cell:
    """A cell for text[start:end], trimmed of whitespace and Word artefacts."""
    changed = True
    while changed:
        changed = False
        while start < end and text[start] in _WS:
            start += 1
        while end > start and text[end - 1] in _WS:
            end -= 1
        m = _ARTEFACT.match(text, start, end)
        if m:
            start = m.end()
            changed = True
        m2 = next(reversed(list(_ARTEFACT.finditer(text, start, end))), None)  # the last artefact
        if m2 is not None and m2.end() == end:
            end = m2.start()
            changed = True
    return Cell(text[start:end], start, end)


@dataclass
class _Line:
    no: int
    start: int  # offset of first char
    end: int  # offset after last char (before the newline)
    raw: str
    kind: str  # 'blank', 'cell', 'tabrow', 'pipe', 'prose'


def _split_lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    for no, raw in enumerate(text.split("\n")):
        end = pos + len(raw)
        line = raw.rstrip("\r")
        out.append(_Line(no, pos, pos + len(line), line, _classify(line)))
        pos = end + 1
    return out


def _classify(line: str) -> str:
    if not line.strip(" \u3000\u00a0\r"):
        # "" / spaces: blank.  "\t" only: an empty cell; several tabs: empty tab row
        n = line.count("\t")
        if n == 0:
            return "blank"
        return "cell" if n == 1 else "tabrow"
    s = line.strip(_WS)
    if s.startswith("|") and s.count("|") >= 2:
        return "pipe"
    body = line.lstrip(" \u3000\u00a0")
    if body.startswith("\t"):
        rest = body[1:].rstrip("\t \u3000\r")
        return "tabrow" if "\t" in rest else "cell"
    if "\t" in line.strip("\t \u3000\r"):
        return "tabrow"
    return "prose"


def _cells_of_line(text: str, ln: _Line, sep: str) -> list[Cell]:
    """Split one line into cells on `sep`, with spans. Leading/trailing empty
    pieces (from a leading tab or the outer pipes) are dropped."""
    pieces: list[tuple[int, int]] = []
    s = ln.start
    for i in range(ln.start, ln.end + 1):
        if i == ln.end or text[i] == sep:
            pieces.append((s, i))
            s = i + 1
    cells = [_mk_cell(text, a, b) for a, b in pieces]
    # drop the empty edges the separators create
    while cells and not cells[0].text and (sep == "|" or _edge_blank(text, pieces[0])):
        cells.pop(0)
        pieces.pop(0)
    while cells and not cells[-1].text and (sep == "|" or _edge_blank(text, pieces[-1])):
        cells.pop()
        pieces.pop()
    return cells


def _edge_blank(text: str, piece: tuple[int, int]) -> bool:
    return not text[piece[0] : piece[1]].strip(_WS)


def _unit_hint(title: str | None) -> str | None:
    if not title:
        return None
    from .normalize import for_matching

    title = for_matching(title)  # 單位:萬元 → 单位:万元
    m = re.search(r"单位\s*[::]?\s*([^\s()（）,，;；]{1,6})", title)
    if m:
        return m.group(1)
    for m in re.finditer(r"[(（]\s*([^()（）]{1,8}?)\s*[)）]", title):
        u = m.group(1).strip()
        if u and all(ch in _UNIT_CHARS for ch in u):
            return u
    return None


def _texts_above(lines: list[_Line], raw: _Raw, most: int = 4):
    """The non-blank lines above the table, nearest first, at most `most` of them (a caption,
    a 收入/支出 band between them), as matched: 單位:萬元 reads as 单位:万元."""
    from .normalize import for_matching

    j, seen = raw.first_line - 1, 0
    while j >= 0 and seen < most:
        ln = lines[j]
        j -= 1
        if not ln.raw.strip(_WS + "|"):
            continue
        seen += 1
        yield for_matching(ln.raw)


def _unit_line_above(lines: list[_Line], raw: _Raw) -> str | None:
    """The unit of a ``单位:万元`` line among the four lines above the table."""
    for text in _texts_above(lines, raw):
        if m := tl.UNIT_LINE.search(text):
            return m.group(1)
    return None


def _unit_list_above(lines: list[_Line], raw: _Raw) -> list[str] | None:
    """The units of a ``单位:万人次、万册`` line among the four lines above the table, one
    per value column in column order (None when the line names one unit or none)."""
    for text in _texts_above(lines, raw):
        if m := tl.UNIT_LIST_LINE.search(text):
            return tl.UNIT_LIST_SEP.split(m.group("units").strip())
    return None


def _title_like(s: str) -> bool:
    from .normalize import for_matching

    s = for_matching(s.strip(_WS))  # 統計表 / 一覽 in traditional characters
    return 0 < len(s) <= 40 and any(w in s for w in _TITLE_WORDS) and not s.endswith(("。", ";", ","))


def _short_line(s: str) -> bool:
    s = s.strip(_WS)
    return 0 < len(s) <= 30 and not s.endswith(("。", ";", ",", ":", "!", "?")) and not _is_numeric(s)


# ------------------------------------------------------------------ raw tables


@dataclass
class _Raw:
    layout: str
    rows: list[list[Cell]]  # printed rows, header first
    lead: list[Cell]  # leading one-cell rows (title / preamble candidates)
    start: int
    end: int
    first_line: int


def _collect(text: str, lines: list[_Line]) -> list[_Raw]:
    raws: list[_Raw] = []
    i, n = 0, len(lines)
    while i < n:
        k = lines[i].kind
        if k == "cell":
            i = _collect_cell_blocks(text, lines, i, raws)
        elif k in ("tabrow", "pipe"):
            i = _collect_rows(text, lines, i, k, raws)
        else:
            i += 1
    return raws


def _collect_cell_blocks(text: str, lines: list[_Line], i: int, raws: list[_Raw]) -> int:
    """One-cell-per-line tables: blocks of cell lines separated by blank lines."""
    n = len(lines)
    blocks: list[list[_Line]] = []
    cur: list[_Line] = []
    j = i
    blank_run = 0
    while j < n:
        ln = lines[j]
        if ln.kind == "cell":
            if blank_run >= 2 and cur == [] and blocks and _block_is_new_title(text, lines, j):
                break
            cur.append(ln)
            blank_run = 0
            j += 1
        elif ln.kind == "blank":
            if cur:
                blocks.append(cur)
                cur = []
            blank_run += 1
            # continue only if the next non-blank line is a cell line
            k = j
            while k < n and lines[k].kind == "blank":
                k += 1
            if k >= n or lines[k].kind != "cell":
                break
            j += 1
        else:
            break
    if cur:
        blocks.append(cur)
    end_line = j
    rows = [[_mk_cell(text, ln.start, ln.end) for ln in b] for b in blocks]
    raw_rows: list[list[Cell]] = []
    lead: list[Cell] = []
    seen_wide = False
    for r in rows:
        if all(not c.text for c in r):
            continue  # an all-empty printed row
        if not seen_wide and len(r) == 1:
            lead.append(r[0])
            continue
        seen_wide = True
        raw_rows.append(r)
    if len(raw_rows) == 1 and len(raw_rows[0]) >= 6:
        raw_rows = _unfold_single_block(raw_rows[0]) or raw_rows
    if raw_rows and (len(raw_rows) >= 2 or _is_label_value(raw_rows[0])):
        start = blocks[0][0].start
        last = blocks[-1][-1]
        raws.append(_Raw("cell_per_line", raw_rows, lead, start, last.end, blocks[0][0].no))
    return max(end_line, i + 1)


def _block_is_new_title(text: str, lines: list[_Line], j: int) -> bool:
    """After two blank lines, a lone title-like cell starts a new table."""
    ln = lines[j]
    nxt = lines[j + 1] if j + 1 < len(lines) else None
    return (nxt is None or nxt.kind == "blank") and _title_like(ln.raw)


def _unfold_single_block(cells: list[Cell]) -> list[list[Cell]] | None:
    """A table printed without blank lines between rows: find the width from a
    leading 序号 header (the first cell equal to '1' after it starts row 1)."""
    first = norm_label(cells[0].text)
    if first not in ("序号", "编号", "No", "No.", "NO"):
        return None
    for k in range(2, min(len(cells), 12)):
        if cells[k].text.strip() == "1":
            if len(cells) % k == 0:
                return [cells[a : a + k] for a in range(0, len(cells), k)]
            return None
    return None


def _collect_rows(text: str, lines: list[_Line], i: int, kind: str, raws: list[_Raw]) -> int:
    """Tab-separated or pipe-delimited rows, one printed row per line."""
    n = len(lines)
    sep = "\t" if kind == "tabrow" else "|"
    rows: list[list[Cell]] = []
    led: list[int | None] = []  # where a row's line starts with a tab (an empty first cell?)
    j = i
    last = i
    wrapped: set[int] = set()  # rows whose empty first cell was printed on a line of its own
    while j < n:
        ln = lines[j]
        if ln.kind == kind:
            cells = _cells_of_line(text, ln, sep)
            if kind == "pipe" and cells and all(re.fullmatch(r":?-{2,}:?", c.text) for c in cells):
                pass  # |---|---| rule
            elif cells and any(c.text for c in cells):
                if j - 1 in wrapped:
                    cells.insert(0, Cell("", lines[j - 1].start, lines[j - 1].start))
                rows.append(cells)
                body = ln.raw.lstrip(" \u3000\u00a0")
                led.append(ln.start + len(ln.raw) - len(body) if body.startswith("\t") else None)
            last = j
            j += 1
        elif ln.kind == "blank" and j + 1 < n and lines[j + 1].kind == kind:
            j += 1
        elif kind == "pipe" and ln.raw.strip(_WS) == "|" and j + 1 < n and lines[j + 1].kind == kind:
            # ``|`` alone on a line, then ``| 其中:盲文图书 | 册 | 709 |``: the row's empty first cell
            # (序号) was wrapped onto a line of its own; the table goes on
            wrapped.add(j)
            j += 1
        else:
            break
    if rows:
        wide = [r for r in rows if len(r) >= 2]
        if wide:
            if sep == "\t":
                _restore_corner(rows, led)
            lead: list[Cell] = []
            while rows and len(rows[0]) == 1:
                lead.append(rows.pop(0)[0])
            if len(rows) < 2 and not (rows and _is_label_value(rows[0])):
                return max(j, i + 1)  # one stray tabbed line: not a table
            raws.append(
                _Raw(kind if kind == "pipe" else "tab", rows, lead, lines[i].start, lines[last].end, lines[i].no)
            )
    return max(j, i + 1)


def _restore_corner(rows: list[list[Cell]], led: list[int | None]) -> None:
    """A header row one cell narrower than the rows below it, whose line starts with a
    tab, lost an empty top-left cell (``\t2020年\t2021年`` over ``进馆人次\t52000\t61000``)."""
    if len(rows) < 3 or led[0] is None:
        return
    width = Counter(len(r) for r in rows[1:]).most_common(1)[0][0]
    if len(rows[0]) == width - 1 and all(led[k] is None for k in range(1, len(rows))):
        rows[0].insert(0, Cell("", led[0], led[0]))


# ------------------------------------------------------------------ shaping


def _is_label_value(row: list[Cell]) -> bool:
    n = len(row)
    if n < 2 or n % 2:
        return False
    h = n // 2
    labels, values = row[:h], row[h:]
    return (
        all(c.text and not _is_numeric(c.text) for c in labels)
        and all(_is_numeric(c.text) for c in values if c.text)
        and sum(1 for c in values if c.text) >= max(1, h // 2)
    )


def _repeat_period(header: list[Cell]) -> int | None:
    """k when the header is k labels printed m>=2 times side by side."""
    labels = [norm_label(c.text) for c in header]
    n = len(labels)
    for k in range(2, n // 2 + 1):
        if n % k:
            continue
        if all(labels[i] == labels[i % k] for i in range(n)) and any(labels[:k]):
            return k
    return None


_CODE_HDR = tl.CODE_COLUMN_HEADS


def _split_glued_codes(header: list[Cell], rows: list[list[Cell]]) -> None:
    """Statistical forms: a row code glued to its value (``0312500``)."""
    hl = [norm_label(c.text) for c in header]
    ci = next((i for i, h in enumerate(hl) if any(w in h for w in _CODE_HDR)), None)
    if ci is None:
        return
    codes = [r[ci].text for r in rows if len(r) > ci]
    clean = [c for c in codes if re.fullmatch(r"\d{1,4}", c)]
    widths = Counter(len(c) for c in clean)
    w = widths.most_common(1)[0][0] if widths else 2
    prev: int | None = None
    for r in rows:
        if len(r) <= ci:
            continue
        c = r[ci]
        t = c.text
        value_missing = len(r) < len(header) or (len(r) > ci + 1 and not r[ci + 1].text)
        if re.fullmatch(r"\d+(?:\.\d+)?", t) and len(t) > w and value_missing:
            code = t[:w]
            expected = None if prev is None else str(prev + 1).zfill(w)
            if expected is None or code == expected or code == str(prev).zfill(w):
                code_cell = Cell(code, c.start, c.start + w)
                val_cell = Cell(t[w:], c.start + w, c.end)
                if len(r) < len(header):
                    r[ci : ci + 1] = [code_cell, val_cell]
                else:
                    r[ci] = code_cell
                    r[ci + 1] = val_cell
                t = code
        if re.fullmatch(r"\d{1,4}", t):
            prev = int(t)


def _plausible(rows: list[list[Cell]]) -> bool:
    """Reject runs of tab-indented prose paragraphs: table cells are short and
    most printed rows have the header's width."""
    cells = [c for r in rows for c in r if c.text]
    if not cells:
        return False
    if max(len(c.text) for c in cells) > 150 or sum(len(c.text) for c in cells) / len(cells) > 50:
        return False
    if len(rows) >= 2:
        w = len(rows[0])
        same = sum(1 for r in rows if len(r) == w or (w % len(r) == 0 and len(r) > 1))
        if same * 2 < len(rows):
            return False
    return True


def _shape(raw: _Raw) -> tuple[list[Cell], list[list[Cell]], str]:
    rows = [list(r) for r in raw.rows]
    layout = raw.layout
    # one line of N labels then N values
    if len(rows) == 1 and _is_label_value(rows[0]):
        h = len(rows[0]) // 2
        return rows[0][:h], [rows[0][h:]], "label_value"
    header, body = rows[0], rows[1:]
    k = _repeat_period(header)
    if k:
        m = len(header) // k
        logical: list[list[Cell]] = []
        for part in range(m):
            for r in body:
                piece = r[part * k : (part + 1) * k]
                if piece and any(c.text for c in piece):
                    logical.append(piece)
        header, body = header[:k], logical
    _split_glued_codes(header, body)
    _restore_row_numbers(header, body)
    return header, body, layout


def _restore_row_numbers(header: list[Cell], body: list[list[Cell]]) -> None:
    """A row one cell narrower than a header that opens with a 序号 column, whose first cell is
    no row number (``| 其中:少儿文献 | 册 | 200 |`` under ``| 序号 | 项目 | 单位 | 数量 |``), lost
    its empty number cell: it is put back, so that its cells stand under their heads."""
    if not header or not tl.ROW_NUMBER_HEAD.fullmatch(norm_label(header[0].text)):
        return
    for r in body:
        if len(r) == len(header) - 1 and r and not tl.ROW_NUMBER_CELL.fullmatch(norm_label(r[0].text)):
            r.insert(0, Cell("", r[0].start, r[0].start))


def _find_title(text: str, lines: list[_Line], raw: _Raw) -> tuple[Cell | None, list[Cell]]:
    """Nearest caption: a title-like leading one-cell row, else a title-like
    short line just above the table, else a short line directly above."""
    lead = list(raw.lead)
    for idx in range(len(lead) - 1, -1, -1):
        if _title_like(lead[idx].text):
            return lead[idx], lead[:idx] + lead[idx + 1 :]
    # walk back over blank lines; look at up to 3 non-blank lines
    j = raw.first_line - 1
    seen = 0
    fallback: Cell | None = None
    while j >= 0 and seen < 3:
        ln = lines[j]
        j -= 1
        if ln.kind == "blank":
            continue
        seen += 1
        if ln.kind not in ("prose", "cell"):
            break
        cell = _mk_cell(text, ln.start, ln.end)
        if _title_like(cell.text):
            return cell, lead
        if seen == 1 and _short_line(cell.text):
            fallback = cell
        if len(cell.text) > 40:
            break
    if fallback is None and lead and _short_line(lead[-1].text) and len(lead) == 1 and not _is_kv(lead[-1].text):
        return lead[-1], []
    return fallback, lead


def _is_kv(s: str) -> bool:
    return bool(re.search(r"[::]", s)) and bool(re.search(r"\d", s))


def _text_layout_raws(
    text: str, lines: list[_Line], raws: list[_Raw]
) -> list[tuple[_Raw, list[Cell], list[list[Cell]]]]:
    """Tables with no tab or pipe per row (`table_layouts`): space-aligned year
    columns, `|`-separated cell streams, statistical forms, glued columns."""
    from .table_layouts import find_blocks

    taken_lines: set[int] = set()
    for r in raws:
        last = next((ln.no for ln in lines if ln.start <= r.end <= ln.end + 1 and ln.no >= r.first_line), r.first_line)
        taken_lines.update(range(r.first_line, last + 1))
    # the layouts recognise head words (项目 / 行次 / 单位) written in simplified characters: they
    # read the matching text (same length, same offsets) and the cells are taken back from `text`
    from .normalize import for_matching

    mt = for_matching(text)
    mlines = lines if mt == text else _split_lines(mt)

    def orig(c: Cell) -> Cell:
        return c if mt == text else Cell(text[c.start : c.end], c.start, c.end)

    out = []
    for b in find_blocks(mt, mlines, lambda k: k in taken_lines):
        header, rows, lead = (
            [orig(c) for c in b.header],
            [[orig(c) for c in r] for r in b.rows],
            [orig(c) for c in b.lead],
        )
        raw = _Raw(b.layout, [header] + rows, lead, b.start, b.end, b.first_line)
        out.append((raw, header, rows))
    return out


def find_tables(text: str) -> list[Table]:
    """All tables in `text`, in order of appearance; ids are t0, t1, ..."""
    lines = _split_lines(text)
    found: list[tuple[_Raw, list[Cell], list[list[Cell]], str]] = []
    raws = _collect(text, lines)
    for raw in raws:
        if not _plausible(raw.rows):
            continue
        header, body, layout = _shape(raw)
        if header:
            found.append((raw, header, body, layout))
    found += [(raw, h, b, raw.layout) for raw, h, b in _text_layout_raws(text, lines, raws)]
    found.sort(key=lambda x: x[0].start)
    out: list[Table] = []
    for raw, header, body, layout in found:
        title, preamble = _find_title(text, lines, raw)
        out.append(
            Table(
                table_id=f"t{len(out)}",
                title=title.text if title else None,
                title_span=(title.start, title.end) if title else None,
                header=header,
                rows=body,
                start=raw.start,
                end=raw.end,
                unit_hint=_unit_hint(title.text if title else None) or _unit_line_above(lines, raw),
                preamble=preamble,
                layout=layout,
                unit_list=_unit_list_above(lines, raw),
            )
        )
    return out
