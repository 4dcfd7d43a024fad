"""Tables that plain text shows with no tab or pipe per row (used by `tables.find_tables`).

Each recogniser reads the layout only, never the wording of one report:

* **space_columns**: a header line ending in two or more period heads
  (``项目 2016 2017 2018`` / ``2019年 2020年`` / ``1月 2月``) and rows of one label
  followed by exactly as many numbers, separated by spaces (a yearbook table).
  Lines without digits between rows (a translation, a footnote) are skipped.
  Also (`gap_columns`): a header of three or more short text heads and rows of a
  label and numbers, the columns separated by runs of two or more spaces; under a
  年份 head the rows start with a year instead (years as rows, metrics in the header),
  may come in groups separated by blank lines and may lose a trailing 备注 cell.
* **single_space_columns**: single spaces between cells (``年度 藏书 借书证`` over ``1978 20100 1200``,
  ``馆名 总藏量(万册)`` over ``某县图书馆 12.5``): three or more short text heads, then rows of a label
  (a year under a 年份 head, after a row number under a 序号 head) and as many numbers.
* **line_accounts**: a 决算 / 预算 table one cell per line with nothing between cells: a
  ``单位:万元`` line, head lines (收入 / 项目 / 决算数), then a label line and a value line per row.
* **level_columns**: a header line of aggregate levels only (``#省级 #县级``, a # head
  being a part, so an unnamed total column may lead) over rows of a label with its unit
  in brackets and one bare number per column; group lines without numbers and blank
  lines may sit between rows, and a row labelled only ``(次)`` takes the line above.
* **cell_stream**: one cell per line with a lone ``|`` line (or a blank line) between
  cells, the row ends lost; the width is the smallest one that makes every row after the header a
  label followed by numbers (trailing note cells are left out).
* **form**: a statistical form (``项目 代码 单位 指标``): records of a label, a row
  code, an optional unit and an optional value, one cell per line or glued on one
  line (``二、藏量16册、件457,600``, ``1、图书17285,251``: the code width comes from
  the codes that are unambiguous, the value must be a well-grouped number).
* **row_blocks**: a .docx / .html table as the readers flatten it: one cell per
  line, one block of lines per row, a blank line between rows (a lone tab is an
  empty cell); a text header block and two or more rows of the same width.
* **glued_columns**: header and rows with no separator at all
  (``指标名称单位2020年2019年同比增减(%)`` / ``总藏量万册313330124.0``); the digits are split
  so that the change column agrees with the two year columns, else the row is left out.

`find_blocks(text, lines, taken)` returns `Block`s (header first, cells with spans
into `text`); `taken(line_no)` tells which lines another layout already owns.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .lexicon import tables as tl
from .tables import Cell, _mk_cell, norm_label

__all__ = ["Block", "find_blocks"]

_WS = " \t\u3000\u00a0\r"
_NUM = re.compile(r"\d[\d,]*(?:\.\d+)?")


@dataclass
class Block:
    """One table found by layout: header cells, body rows, span and line range."""

    layout: str
    header: list[Cell]
    rows: list[list[Cell]]
    start: int
    end: int
    first_line: int
    last_line: int
    lead: list[Cell] = field(default_factory=list)


def _scan(text: str, lines, taken, block_at) -> list[Block]:
    """The blocks of one layout, looked for from the top line by line: `block_at(text, lines,
    taken, i)` is None when no block starts at line i (then the next line is looked at), else
    the block (or None) and the line to look at next; a taken line starts nothing."""
    out: list[Block] = []
    i = 0
    while i < len(lines):
        found = None if taken(i) else block_at(text, lines, taken, i)
        if found is None:
            i += 1
            continue
        block, i = found
        if block is not None:
            out.append(block)
    return out


def _scan_headed(text: str, lines, taken, header, block_under) -> list[Block]:
    """The blocks of a layout that starts at a header line of prose: `header(text, line)` reads
    the header there (None: none), `block_under(text, lines, taken, i, head)` the block below it
    (as `_scan`'s `block_at`)."""

    def block_at(text: str, lines, taken, i: int):
        head = header(text, lines[i]) if lines[i].kind == "prose" else None
        return None if head is None else block_under(text, lines, taken, i, head)

    return _scan(text, lines, taken, block_at)


def _numeric(s: str) -> bool:
    """A number cell (or a dash for nothing)."""
    return bool(tl.NUMERIC_CELL.match(s.strip()))


def _tokens(text: str, start: int, end: int) -> list[Cell]:
    """Whitespace-separated tokens of text[start:end], with spans."""
    return [
        Cell(m.group(0), start + m.start(), start + m.end())
        for m in re.finditer(r"[^ \t\u3000\u00a0\r]+", text[start:end])
    ]


def _empty(pos: int) -> Cell:
    """An empty cell at `pos` (a value or unit that is not written)."""
    return Cell("", pos, pos)


# ------------------------------------------------------------------ space-aligned columns


def _period_header(text: str, ln) -> tuple[Cell, list[Cell]] | None:
    """(label head(s), value heads) of a header line ending in >= 2 period heads,
    possibly followed by change columns (增减% / 同比)."""
    toks = _tokens(text, ln.start, ln.end)
    c = 0  # trailing change columns (增减% / 同比)
    while (
        c < len(toks)
        and c < 2
        and tl.CHANGE_HEAD.search(toks[len(toks) - 1 - c].text)
        and not tl.PERIOD_HEAD.fullmatch(toks[len(toks) - 1 - c].text)
    ):
        c += 1
    k = 0
    while k + c < len(toks) and tl.PERIOD_HEAD.fullmatch(toks[len(toks) - 1 - c - k].text):
        k += 1
    if (
        k < 2
        and c == 0
        and len(toks) <= 4
        and toks
        and tl.FORM_LABEL_HEAD.fullmatch(toks[0].text)
        and all(tl.PLAIN_VALUE_HEAD.fullmatch(t.text) for t in toks[1:])
        and len(toks) >= 2
    ):
        # 项目 数量 / 指标 数值 本年实际: a label head, then value heads that name no period
        return [toks[0]], toks[1:]
    if k < 2 or len(ln.raw.strip()) > 120:
        return None
    heads = toks[len(toks) - c - k :]
    lead = toks[: len(toks) - c - k]
    if len(lead) >= 2 and tl.FORM_UNIT_HEAD.fullmatch(lead[-1].text):
        # 指标 单位 2020 2021: a unit column before the periods
        return [_mk_cell(text, lead[0].start, lead[-2].end), lead[-1]], heads
    label = _mk_cell(text, lead[0].start, lead[-1].end) if lead else _empty(ln.start)
    return [label], heads


_GAP = re.compile(r"(?: {2,}|\u3000+|\t+)")


def _gap_cells(text: str, ln) -> list[Cell]:
    """Cells of a line split at runs of 2+ spaces (or ideographic spaces, tabs)."""
    raw = text[ln.start : ln.end]
    cells, pos = [], 0
    for m in list(_GAP.finditer(raw)) + [None]:
        a, b = pos, (m.start() if m else len(raw))
        c = _mk_cell(text, ln.start + a, ln.start + b)
        if c.text:
            cells.append(c)
        pos = m.end() if m else len(raw)
    return cells


def _gap_header(text: str, ln) -> list[Cell] | None:
    """A header line of >= 3 short text heads separated by runs of spaces."""
    cells = _gap_cells(text, ln)
    if len(cells) < 3 or any(_numeric(c.text) or len(c.text) > 12 or re.search(r"\d", c.text) for c in cells):
        return None
    return cells


def _gap_row(
    text: str,
    ln,
    k: int,
    unit_i: int | None = None,
    year_rows: bool = False,
    tail_optional: bool = False,
    numbered: bool = False,
) -> list[Cell] | None:
    """k cells split at runs of spaces: a text label, then numbers (or empty dashes);
    the cell under a 单位 head may be a unit. Under a 年份 head (`year_rows`) the label is a
    year; a trailing 备注 column (`tail_optional`) may be missing (a row cut off at the end).
    Under a 序号 head (`numbered`) a row number comes first, or nothing (其中: rows)."""
    cells = _gap_cells(text, ln)
    if numbered:
        if len(cells) == k - 1 and not tl.ROW_NUMBER_CELL.fullmatch(cells[0].text):
            cells = [_empty(cells[0].start)] + cells
        if len(cells) != k or (cells[0].text and not tl.ROW_NUMBER_CELL.fullmatch(cells[0].text)):
            return None
        if _numeric(cells[1].text) or not all(
            _numeric(c.text) or (i == unit_i and len(c.text) <= 4 and not re.search(r"\d", c.text))
            for i, c in enumerate(cells)
            if i > 1
        ):
            return None
        return cells
    cut = tail_optional and len(cells) == k - 1
    if len(cells) != k and not cut:
        return None
    if year_rows:
        if not tl.YEAR_ROW_LABEL.fullmatch(cells[0].text):
            return None
    elif _numeric(cells[0].text):
        return None
    if not all(
        _numeric(c.text) or (i == unit_i and len(c.text) <= 4 and not re.search(r"\d", c.text))
        for i, c in enumerate(cells)
        if i
    ):
        return None
    return cells + [_empty(ln.end)] if cut else cells


def gap_columns(text: str, lines, taken) -> list[Block]:
    """Columns aligned with runs of spaces under a header of short text heads."""
    return _scan_headed(text, lines, taken, _gap_header, _gap_block)


def _gap_block(text: str, lines, taken, i: int, head) -> tuple[Block, int] | None:
    n = len(lines)
    if (
        i + 1 < n
        and lines[i].raw[:2].strip(_WS) == ""
        and lines[i + 1].kind == "prose"
        and _gap_row(text, lines[i + 1], len(head) + 1) is not None
    ):
        # an indented header over rows with one more cell: the empty top-left corner
        # (``      合计  市级  区县级`` over ``总藏量(万册)  2810  1230  1580``)
        head = [_empty(lines[i].start)] + head
    unit_i = next((k for k, c in enumerate(head) if k and tl.FORM_UNIT_HEAD.fullmatch(c.text)), None)
    # a 年份 head over rows that start with a year: one row per year, metrics in the header;
    # such rows may come in groups with blank lines between them
    year_rows = bool(tl.YEAR_COLUMN_HEAD.fullmatch(head[0].text))
    tail_optional = year_rows and bool(tl.OPTIONAL_TAIL_HEAD.fullmatch(head[-1].text))
    numbered = bool(tl.ROW_NUMBER_HEAD.fullmatch(norm_label(head[0].text))) and len(head) >= 3
    rows, j, last = [], i + 1, i
    while j < n and not taken(j):
        if year_rows and lines[j].kind == "blank" and rows:
            j += 1
            continue
        row = (
            None
            if lines[j].kind != "prose"
            else _gap_row(text, lines[j], len(head), unit_i, year_rows, tail_optional, numbered)
        )
        if row is None:
            break
        rows.append(row)
        last = j
        j += 1
    if len(rows) < 2:
        return None
    return Block("space_columns", head, rows, lines[i].start, lines[last].end, i, last), last + 1


def _single_space_row(text: str, ln, k: int, years: bool, numbered: bool) -> list[Cell] | None:
    """k single-space tokens: a label (a year under a 年份 head; after a row number under a
    序号 head), then numbers (or dashes for nothing)."""
    toks = _tokens(text, ln.start, ln.end)
    if len(toks) != k:
        return None
    lab = 1 if numbered else 0
    if numbered and not toks[0].text.isdigit():
        return None
    label = toks[lab].text
    if not (tl.YEAR_ROW_LABEL.fullmatch(label) if years else not re.search(r"\d", label)):
        return None
    return toks if all(_numeric(c.text) for c in toks[lab + 1 :]) else None


def single_space_columns(text: str, lines, taken) -> list[Block]:
    """Columns with single spaces between the cells: a header of three or more short text
    heads (``年度 藏书 借书证 接待读者`` / ``馆名 总藏量(万册) 到馆人次(万人次)``), then two or
    more rows of a label (a year under a 年份 head) and exactly as many numbers."""
    return _scan(text, lines, taken, _single_space_block)


def _single_space_block(text: str, lines, taken, i: int) -> tuple[Block, int] | None:
    n = len(lines)
    if lines[i].kind != "prose":
        return None
    head = _tokens(text, lines[i].start, lines[i].end)
    if len(head) < 3 or any(_numeric(c.text) or len(c.text) > 12 or re.search(r"\d", c.text) for c in head):
        return None
    years = bool(tl.YEAR_COLUMN_HEAD.fullmatch(head[0].text))
    numbered = tl.ROW_NUMBER_HEAD.fullmatch(head[0].text) is not None
    rows, j = [], i + 1
    while j < n and not taken(j) and lines[j].kind == "prose":
        row = _single_space_row(text, lines[j], len(head), years, numbered)
        if row is None:
            break
        rows.append(row)
        j += 1
    if len(rows) < 2:
        return None
    return Block("space_columns", head, rows, lines[i].start, lines[j - 1].end, i, j - 1), j


def _value_row(text: str, ln, k: int, unit_col: bool = False) -> list[Cell] | None:
    """[label, (unit,) v1..vk] when the line is a label (and a unit) then exactly k numbers."""
    toks = _tokens(text, ln.start, ln.end)
    if len(toks) <= k + unit_col or not all(_numeric(t.text) for t in toks[-k:]):
        return None
    if _numeric(toks[-k - 1].text):
        return None  # more numbers than columns
    if unit_col:
        unit = toks[-k - 1]
        if len(unit.text) > 4 or re.search(r"\d", unit.text):
            return None
        return [_mk_cell(text, toks[0].start, toks[-k - 2].end), unit] + toks[-k:]
    return [_mk_cell(text, toks[0].start, toks[-k - 1].end)] + toks[-k:]


def _broken_row(text: str, lines, j: int, k: int, taken) -> list[Cell] | None:
    """[label, v1..vk] of a row whose label line lost its numbers to the next line
    (``书刊外借册次(万册次) Number of Books Borrowed by Readers (10 000`` / ``586 554 136 143``):
    line j is a short label with Chinese text and no k numbers at its end, line j+1 holds
    exactly k numbers and nothing else."""
    if j + 1 >= len(lines) or taken(j + 1) or lines[j].kind != "prose" or lines[j + 1].kind != "prose":
        return None
    lab = _mk_cell(text, lines[j].start, lines[j].end)
    if (
        not lab.text
        or len(lab.text) > 100
        or not re.search(r"[\u4e00-\u9fff]", lab.text)
        or _numeric(lab.text)
        or tl.SENTENCE_END.search(lab.text)
    ):
        return None
    toks = _tokens(text, lines[j + 1].start, lines[j + 1].end)
    vals, rest = toks[len(toks) - k :], toks[: len(toks) - k]
    if len(toks) < k or not all(_numeric(t.text) for t in vals):
        return None
    # the rest of the label's English translation may lead the number line (``volumes) 28 46``)
    if rest and (_numeric(rest[-1].text) or any(re.search(r"[\u4e00-\u9fff]", t.text) for t in rest)):
        return None
    return [lab] + vals


def space_columns(text: str, lines, taken) -> list[Block]:
    """Yearbook-style tables: period heads on one line, label + numbers below."""
    return _scan(text, lines, taken, _space_block)


def _space_block(text: str, lines, taken, i: int) -> tuple[Block, int] | None:
    n = len(lines)
    ln = lines[i]
    hd = None if ln.kind != "prose" else _period_header(text, ln)
    if hd is None:
        return None
    lead, heads = hd
    rows, j, last, misses = [], i + 1, i, 0
    while j < n and not taken(j):
        lj = lines[j]
        row = _value_row(text, lj, len(heads), len(lead) == 2) if lj.kind == "prose" else None
        broken = None if row or len(lead) == 2 else _broken_row(text, lines, j, len(heads), taken)
        if row:
            rows.append(row)
            last, misses = j, 0
        elif broken:
            rows.append(broken)
            last, misses = j + 1, 0
            j += 1
        elif (
            (not re.search(r"\d", lj.raw) or not re.search(r"[\u4e00-\u9fff]", lj.raw))
            and len(lj.raw.strip()) <= 80
            and misses < 2
        ):
            misses += 1  # a translation line, a note, a blank line
        else:
            break
        j += 1
    if not rows:
        return None
    return Block("space_columns", lead + heads, rows, ln.start, lines[last].end, i, last), last + 1


def _level_header(text: str, ln) -> list[Cell] | None:
    """Heads of a line made only of aggregate levels (``#省级公共图书馆 #县级公共图书馆``)."""
    toks = _tokens(text, ln.start, ln.end)
    if len(toks) < 2 or len(ln.raw.strip()) > 60 or not all(tl.LEVEL_HEAD.fullmatch(t.text) for t in toks):
        return None
    return toks


def _level_row(text: str, ln, widths: tuple[int, ...]) -> list[Cell] | None:
    """[label, v1..vm] of a line ending in m numbers, m one of `widths`; the label holds Chinese
    text or a bracketed unit."""
    toks = _tokens(text, ln.start, ln.end)
    for m in widths:
        if len(toks) > m and all(_numeric(t.text) for t in toks[-m:]) and not _numeric(toks[-m - 1].text):
            lab = _mk_cell(text, toks[0].start, toks[-m - 1].end)
            if re.search(r"[\u4e00-\u9fff]", lab.text) and not tl.SENTENCE_END.search(lab.text):
                return [lab] + toks[-m:]
    return None


def level_columns(text: str, lines, taken) -> list[Block]:
    """A yearbook table whose columns are levels of an aggregate: a header line of level heads
    (``#省级 #县级``; a head starting with # is a part, so an unnamed total column may lead),
    then rows of a label (with its unit in brackets) and one number per column. Blank lines and
    group lines without numbers (``图书流通情况``) may sit between rows; a row whose label is only
    a unit (``(次) 8312 710 6409``) takes its words from the line above."""
    return _scan_headed(text, lines, taken, _level_header, _level_block)


def _level_block(text: str, lines, taken, i: int, heads) -> tuple[Block, int] | None:
    n = len(lines)
    k = len(heads)
    widths: tuple[int, ...] = (k + 1, k) if heads[0].text[:1] in "#＃" else (k,)
    rows, j, last, above = [], i + 1, i, None
    while j < n and not taken(j):
        ln = lines[j]
        if ln.kind == "blank" or not ln.raw.strip(_WS):
            j += 1
            continue
        if ln.kind != "prose":
            break
        row = _level_row(text, ln, widths)
        if row is not None:
            widths = (len(row) - 1,)
            if tl.UNIT_ONLY_LABEL.fullmatch(row[0].text) and above is not None:
                row[0] = _mk_cell(text, above.start, row[0].end)
            rows.append(row)
            last, above = j, None
        elif not re.search(r"\d", ln.raw) and len(ln.raw.strip(_WS)) <= 30:
            above = ln  # a group line, or the words of the next row's label
        else:
            break
        j += 1
    if len(rows) < 2:
        return None
    m = len(rows[0]) - 1
    lead = [_empty(lines[i].start)] * (1 + m - k)
    return Block("level_columns", lead + heads, rows, lines[i].start, lines[last].end, i, last), last + 1


def line_accounts(text: str, lines, taken) -> list[Block]:
    """A 决算 / 预算 table printed one cell per line with nothing between cells: a ``单位:万元``
    line, two or more head lines (收入 / 支出 / 项目 / 决算数, side-by-side halves repeat them),
    then rows of a label line followed by its value line (a line of spaces is an empty value).
    The header becomes [项目, <value head>]; rows whose value is empty stay (no figure)."""
    return _scan(text, lines, taken, _account_block)


def _account_block(text: str, lines, taken, i: int) -> tuple[Block, int] | None:
    n = len(lines)
    if not tl.UNIT_LINE.search(lines[i].raw):
        return None
    j, heads = i + 1, []
    while j < n and not taken(j) and tl.ACCOUNT_HEAD_LINE.fullmatch(lines[j].raw.strip(_WS)):
        heads.append(lines[j])
        j += 1
    lab_h = next((h for h in heads if tl.FORM_LABEL_HEAD.fullmatch(h.raw.strip(_WS))), None)
    val_h = next((h for h in heads if tl.ACCOUNT_VALUE_HEAD.fullmatch(h.raw.strip(_WS))), None)
    if len(heads) < 2 or lab_h is None or val_h is None:
        return None
    rows, last = [], j - 1
    while j + 1 < n and not taken(j) and not taken(j + 1):
        lab, val = lines[j], lines[j + 1]
        lt, vt = lab.raw.strip(_WS), val.raw.strip(_WS)
        if (
            not lt
            or re.search(r"\d", re.sub(tl.ITEM_NUMBER, "", lt))
            or len(lt) > 40
            or not (vt == "" or _numeric(vt))
            or lab.kind != "prose"
            or val.kind not in ("prose", "blank")
        ):
            break
        vcell = _mk_cell(text, val.start, val.end) if vt else _empty(val.start)
        rows.append([_mk_cell(text, lab.start, lab.end), vcell])
        last = j + 1
        j += 2
    if not (sum(1 for r in rows if r[1].text) >= 1 and len(rows) >= 2):
        return None
    head = [_mk_cell(text, lab_h.start, lab_h.end), _mk_cell(text, val_h.start, val_h.end)]
    first = heads[0].no
    return Block("line_accounts", head, rows, lines[first].start, lines[last].end, first, last), last + 1


# ------------------------------------------------------------------ cell streams (cell | cell | …)


def _stream_width(cells: list[Cell]) -> int | None:
    """Smallest width that makes a text header and rows of label + numbers."""
    for w in range(2, min(13, len(cells) // 2 + 1)):
        nrows = len(cells) // w
        if nrows < 2:
            break
        if any(_numeric(c.text) for c in cells[nrows * w :]):
            continue  # trailing cells must be notes, not values
        rows = [cells[r * w : (r + 1) * w] for r in range(nrows)]
        if any(not c.text or _numeric(c.text) for c in rows[0]):
            continue
        if all(
            r[0].text
            and not _numeric(r[0].text)
            and all(_numeric(c.text) or not c.text for c in r[1:])
            and any(c.text for c in r[1:])
            for r in rows[1:]
        ):
            return w
    return None


def _pipe_sep(raw: str) -> bool:
    """A line that is only a `|`."""
    return bool(tl.CELL_SEPARATOR_LINE.match(raw))


def _blank_sep(raw: str) -> bool:
    """An empty line."""
    return raw.rstrip("\r") == ""


def _stream_at(text: str, lines, i: int, is_sep, max_len: int) -> tuple[list[Cell], list[int]]:
    """Cells from line i on, one per line, a separator line between two cells."""
    cells, nos, j, n = [], [], i, len(lines)
    while (
        j < n
        and not is_sep(lines[j].raw)
        and len(lines[j].raw.strip()) <= max_len
        and not tl.CELL_SEPARATOR_LINE.match(lines[j].raw)
    ):
        cells.append(_mk_cell(text, lines[j].start, lines[j].end))
        nos.append(j)
        if not (j + 2 < n and is_sep(lines[j + 1].raw)):
            break
        j += 2
    return cells, nos


def cell_streams(text: str, lines, taken) -> list[Block]:
    """One cell per line with a lone `|` line, or a blank line, between cells
    (a whitespace-only line between blank lines is an empty cell)."""
    out: list[Block] = []
    n = len(lines)
    for is_sep, max_len, min_rows in ((_pipe_sep, 40, 1), (_blank_sep, 30, 2)):
        i = 0
        while i < n:
            if (
                taken(i)
                or any(b.first_line <= i <= b.last_line for b in out)
                or not lines[i].raw.strip()
                or is_sep(lines[i].raw)
                or i + 1 >= n
                or not is_sep(lines[i + 1].raw)
            ):
                i += 1
                continue
            all_cells, all_nos = _stream_at(text, lines, i, is_sep, max_len)
            for lead in range(min(3, len(all_cells))):  # a caption or two may lead the stream
                cells, nos = all_cells[lead:], all_nos[lead:]
                w = _stream_width(cells) if len(cells) >= 4 else None
                used = (len(cells) // w) * w if w else 0
                if w and used // w - 1 >= min_rows and not any(taken(k) for k in nos[:used]):
                    rows = [cells[r * w : (r + 1) * w] for r in range(used // w)]
                    out.append(
                        Block(
                            "cell_stream", rows[0], rows[1:], cells[0].start, cells[used - 1].end, nos[0], nos[used - 1]
                        )
                    )
                    i = nos[used - 1] + 1
                    break
            else:
                i = (all_nos[-1] + 1) if all_nos else i + 1
    return out


# ------------------------------------------------------------------ row blocks (flattened .docx / .html tables)


def _blocks_from(lines, i: int, max_len: int = 60) -> list[list]:
    """Runs of short non-blank lines from line i, each ended by exactly one blank line;
    collection stops at the first run whose size differs from the second run's (rows of
    one table have one width), at a long line or at two blank lines."""
    blocks, cur, n, j = [], [], len(lines), i
    while j < n:
        raw = lines[j].raw
        if raw.rstrip("\r") == "":
            if not cur or (j + 1 < n and lines[j + 1].raw.rstrip("\r") == ""):
                break  # two blank lines end the table
            blocks.append(cur)
            cur = []
            if len(blocks) > 2 and len(blocks[-1]) != len(blocks[1]):
                break
        elif len(raw.strip()) > max_len:
            break
        else:
            cur.append(lines[j])
        j += 1
    if cur:
        blocks.append(cur)
    return blocks


def _value_like(s: str) -> bool:
    """A cell that holds a value (a number with an optional unit, or a date)."""
    return bool(tl.VALUE_LIKE_CELL.match(s.strip()))


def row_blocks(text: str, lines, taken) -> list[Block]:
    """A table flattened one cell per line, one block of lines per row, blocks
    separated by a blank line (python-docx / HTML cells): a text header block
    and at least two body blocks of the same width, each with a value-like cell.
    A line holding only a tab is an empty cell."""
    return _scan(text, lines, taken, _row_block)


def _row_block(text: str, lines, taken, i: int) -> tuple[Block, int] | None:
    if not lines[i].raw.strip() or (i > 0 and lines[i - 1].raw.strip()):
        return None
    blocks = _blocks_from(lines, i)
    k = len(blocks[0]) if blocks else 0
    body = []
    for b in blocks[1:]:
        if len(b) != k or any(taken(ln.no) for ln in b):
            break
        body.append(b)
    cells = [[_mk_cell(text, ln.start, ln.end) for ln in b] for b in [blocks[0]] + body] if body else []
    ok = (
        k >= 2
        and len(body) >= 2
        and all(c.text and not _numeric(c.text) for c in cells[0])
        and all(any(_value_like(c.text) for c in r) for r in cells[1:])
    )
    if not ok:
        return None
    last = body[-1][-1].no
    return Block("row_blocks", cells[0], cells[1:], cells[0][0].start, cells[-1][-1].end, i, last), last + 1


# ------------------------------------------------------------------ statistical forms


@dataclass
class _Tok:
    """A token of a form line: a label, a number or a unit cell."""

    kind: str  # 'label', 'num', 'unit'
    cell: Cell
    line: int


_ITEM_AT = re.compile(tl.ITEM_NUMBER.pattern.lstrip("^"))


def _line_tokens(text: str, ln, after_num: bool = False) -> list[_Tok]:
    """Labels, numbers and unit cells of one form line (cells may be glued);
    `after_num`: the previous line ended in a number (a unit may follow it)."""
    toks: list[_Tok] = []
    p, end = ln.start, ln.end
    item = _ITEM_AT
    while p < end:
        if text[p] in _WS:
            p += 1
            continue
        if (toks[-1].kind == "num") if toks else after_num:
            m = tl.FORM_UNIT_RE.match(text, p, end)
            # a unit ends at a digit, a space, the line's end or the next row's item number
            # (古籍1910685册十五、本年支出合计: 册, then the right-hand row 十五、)
            if m and (
                m.end() == end or text[m.end()].isdigit() or text[m.end()] in _WS or item.match(text, m.end(), end)
            ):
                toks.append(_Tok("unit", Cell(m.group(0), p, m.end()), ln.no))
                p = m.end()
                continue
        im = item.match(text, p, end)
        m = None if im else _NUM.match(text, p, end)
        if m:
            toks.append(_Tok("num", Cell(m.group(0), p, m.end()), ln.no))
            p = m.end()
            continue
        q = im.end() if im else p
        while q < end and not text[q].isdigit():
            q += 1
        cell = _mk_cell(text, p, q)
        if cell.text:
            toks.append(_Tok("label", cell, ln.no))
        p = q
    return toks


def _is_head_line(raw: str) -> bool:
    """A line made of column-head words only (项 目 / 代码单位指标项目代码单位指标)."""
    return bool(raw) and not tl.FORM_HEAD_WORDS.sub("", raw).strip(_WS)


def _form_header(text: str, lines, i: int) -> int | None:
    """Index of the last header line when lines[i:] start a form header: lines of
    head words only (blank lines between) naming a code column and a unit column."""
    seen_code = seen_unit = False
    k, last = i, None
    while k < len(lines):
        raw = lines[k].raw.strip(_WS)
        if raw:
            if not _is_head_line(raw):
                break
            seen_code = seen_code or bool(tl.FORM_CODE_HEAD.search(raw))
            seen_unit = seen_unit or bool(tl.FORM_UNIT_HEAD.search(raw))
            last = k
        elif last is None:
            return None
        k += 1
    if not (seen_code and seen_unit):
        return None
    # label first (项目 代码 单位 指标); a code-first form (代码 指标名称 …) is read line by line
    # elsewhere (`table_figures.form_line_figures`)
    head = " ".join(ln.raw for ln in lines[i : last + 1])
    code, label = tl.FORM_CODE_HEAD.search(head), tl.FORM_LABEL_HEAD.search(head)
    return last if label and label.start() < code.start() else None


def _code_width(toks: list[_Tok]) -> int:
    """Width of row codes, from codes followed by a unit or by a separate value."""
    widths: Counter = Counter()
    for a, b, c in zip(toks, toks[1:], toks[2:]):
        if a.kind == "label" and b.kind == "num" and (c.kind == "unit" or (c.kind == "num" and c.line != b.line)):
            widths[len(b.cell.text)] += 1
    return widths.most_common(1)[0][0] if widths else 2


def _well_grouped(s: str) -> bool:
    """A number whose thousands separators (if any) are where they belong."""
    if not s or (s[0] == "0" and len(s) > 1 and s[1] != "."):
        return False
    head = s.split(".")[0]
    parts = head.split(",")
    return 1 <= len(parts[0]) <= (3 if len(parts) > 1 else 12) and all(len(p) == 3 for p in parts[1:])


def _split_glued(num: Cell, w: int) -> tuple[Cell, Cell | None] | None:
    """A row code glued to its value: (code, value) or (code, None) or None."""
    t = num.text
    if len(t) == w and t.isdigit():
        return num, None
    if len(t) > w and t[:w].isdigit() and _well_grouped(t[w:]):
        return Cell(t[:w], num.start, num.start + w), Cell(t[w:], num.start + w, num.end)
    return None


def _next_code(num: Cell, w: int, seen: set[int]) -> tuple[Cell, Cell] | None:
    """(code, value) of a number that starts with the code the form's numbering expects next
    (one more than a code already read, in either of a two-column form's sequences) and goes on
    with a well-formed value: 盲文图书181000册 after code 17 is code 18 and 1000 册."""
    t = num.text
    if len(t) <= w or not t[:w].isdigit() or int(t[:w]) - 1 not in seen or int(t[:w]) in seen:
        return None
    if not _well_grouped(t[w:]):
        return None
    return Cell(t[:w], num.start, num.start + w), Cell(t[w:], num.start + w, num.end)


def _with_unit(val: Cell, toks: list[_Tok], i: int) -> tuple[Cell, int]:
    """The value cell with a scaled unit written right after it (14.5万册), and the next index."""
    if i < len(toks) and toks[i].kind == "unit" and toks[i].cell.start == val.end and toks[i].cell.text[0] in "万千亿":
        u = toks[i].cell
        return Cell(val.text + u.text, val.start, u.end), i + 1
    return val, i


def _form_records(toks: list[_Tok]) -> list[list[Cell]]:
    """[label, code, unit, value] records from the token stream."""
    w = _code_width(toks)
    out: list[list[Cell]] = []
    seen: set[int] = set()  # the row codes read so far
    i = 0
    while i < len(toks):
        lab = toks[i]
        i += 1
        if lab.kind != "label":
            continue
        code = unit = val = None
        if i < len(toks) and toks[i].kind == "num":
            num = toks[i]
            i += 1
            nxt = toks[i] if i < len(toks) else None
            glued = _next_code(num.cell, w, seen)
            if glued:
                # 图书1713万册 after code 16: code 17, value 13 万册 (the unit after the value)
                code, val = glued
                if nxt is not None and nxt.kind == "unit" and nxt.cell.start == val.end:
                    val = Cell(val.text + nxt.cell.text, val.start, nxt.cell.end)
                    i += 1
            elif nxt is not None and nxt.kind == "unit":
                code, unit = num.cell, nxt.cell
                i += 1
                if i < len(toks) and toks[i].kind == "num":
                    val, i = _with_unit(toks[i].cell, toks, i + 1)
            elif nxt is not None and nxt.kind == "num" and nxt.line != num.line and len(num.cell.text) == w:
                code, val = num.cell, nxt.cell
                i += 1
            else:
                split = _split_glued(num.cell, w)
                if split:
                    code, val = split
        if code is None:
            continue
        if code.text.isdigit() and len(code.text) == w:
            seen.add(int(code.text))
        pos = code.end
        out.append([lab.cell, code, unit or _empty(pos), val or _empty((unit or code).end)])
    return out


def _form_head_cells(text: str, lines, a: int, b: int) -> list[Cell]:
    """项目 / 代码 / 单位 / 指标 cells of the header lines a..b (empty cells when absent)."""
    start, end = lines[a].start, lines[b].end
    heads = []
    for rx in (
        tl.FORM_LABEL_HEAD,
        tl.FORM_CODE_HEAD,
        tl.FORM_UNIT_HEAD,
        re.compile(r"指\s*标|数\s*值|本年|实\s*际|合\s*计"),
    ):
        m = rx.search(text, start, end)
        heads.append(Cell(m.group(0), m.start(), m.end()) if m else _empty(start))
    if not heads[0].text:
        heads[0] = Cell("", start, start)
    return heads


def forms(text: str, lines, taken) -> list[Block]:
    """Statistical forms with a row-code column, one cell per line or glued."""
    return _scan(text, lines, taken, _form_block)


def _form_block(text: str, lines, taken, i: int) -> tuple[Block | None, int] | None:
    n = len(lines)
    hb = _form_header(text, lines, i)
    if hb is None:
        return None
    toks: list[_Tok] = []
    j, blanks, last = hb + 1, 0, hb
    while j < n and not taken(j):
        raw = lines[j].raw.strip(_WS)
        if not lines[j].raw.strip("\r"):
            blanks += 1
            if blanks > 4:
                break
        elif len(raw) > 60 or "。" in raw:
            break
        else:
            blanks = 0
            toks += _line_tokens(text, lines[j], bool(toks) and toks[-1].kind == "num")
            last = j
        j += 1
    recs = _form_records(toks)
    if len(recs) < 3:
        return None, hb + 1
    head = _form_head_cells(text, lines, i, hb)
    return Block("form", head, recs, lines[i].start, lines[last].end, i, last), last + 1


# ------------------------------------------------------------------ forms one cell per line, each cell then `|`


def _pipe_cell_runs(text: str, lines, taken, min_lines: int = 12) -> list[list[tuple[int, Cell]]]:
    """Runs of lines that each hold at most one cell followed by `|` (or only `|`s):
    [(line no, cell)] of the non-empty cells of each run of at least `min_lines` lines."""
    runs, cur, count = [], [], 0
    for ln in list(lines) + [None]:
        m = None if ln is None or taken(ln.no) else tl.PIPE_TRAILED_CELL.match(ln.raw)
        if m:
            count += 1
            c = _mk_cell(text, ln.start + m.start("cell"), ln.start + m.end("cell"))
            if c.text:
                cur.append((ln.no, c))
            continue
        if count >= min_lines and cur:
            runs.append(cur)
        cur, count = [], 0
    return runs


def _pipe_form_records(cells: list[tuple[int, Cell]]) -> list[list[Cell]]:
    """[label, code, value] records: a text cell, its row code, then (when written) an amount."""
    out, label, code = [], None, None
    for _, c in cells:
        t = c.text
        if not _numeric(t):
            label, code = c, None
        elif label is not None and code is None and tl.ROW_CODE_CELL.fullmatch(t):
            code = c
        elif label is not None and code is not None and tl.AMOUNT_CELL.fullmatch(t):
            out.append([label, code, c])
            label = code = None
        else:
            label = code = None  # a row code with no label (an empty printed row)
    return out


def pipe_forms(text: str, lines, taken) -> list[Block]:
    """A statistical (budget) form whose cells come one per line, each followed by `|`
    (``项 目 |`` / ``行次 |`` / ``金额 |`` … ``一、财政拨款收入 |`` / ``1 |`` / ``97.97 |``): a
    项目 / 行次 / 金额 header, then records of a label, its row code and its amount (a row
    whose amount is not written has none; side-by-side halves are read in cell order)."""
    out: list[Block] = []
    for run in _pipe_cell_runs(text, lines, taken):
        heads = {}
        first = None
        for k, (_, c) in enumerate(run):
            sq = re.sub(r"\s+", "", c.text)
            if tl.ITEM_NUMBER.match(c.text) and heads.keys() >= {"label", "code"}:
                first = k
                break
            for name, rx in (("label", tl.FORM_LABEL_HEAD), ("code", tl.FORM_CODE_HEAD), ("value", tl.FORM_VALUE_HEAD)):
                if name not in heads and rx.fullmatch(sq):
                    heads[name] = c
        if first is None or "value" not in heads:
            continue
        recs = _pipe_form_records(run[first:])
        if len(recs) < 1:
            continue
        header = [heads["label"], heads["code"], heads["value"]]
        top = next(no for no, c in run if c is header[0])  # caption lines above stay out of the table
        out.append(Block("form", header, recs, header[0].start, run[-1][1].end, top, run[-1][0]))
    return out


# ------------------------------------------------------------------ glued columns


_PIECE = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?|[—–]{1,2}|-{2}")


def _splits(blob: str, k: int):
    """Every way to cut `blob` into k number pieces (as (start, end) offsets)."""
    if k == 1:
        if _PIECE.fullmatch(blob):
            yield [(0, len(blob))]
        return
    for cut in range(1, len(blob)):
        if _PIECE.fullmatch(blob[:cut]):
            for rest in _splits(blob[cut:], k - 1):
                yield [(0, cut)] + [(a + cut, b + cut) for a, b in rest]


def _agrees(a: str, b: str, pct: str) -> bool:
    """pct is the change from b to a in per cent, to the precision it is written with."""
    try:
        va, vb, vp = float(a), float(b), float(pct)
    except ValueError:
        return False
    if vb == 0:
        return False
    dec = len(pct.split(".")[1]) if "." in pct else 0
    return abs((va - vb) / vb * 100 - vp) <= 0.5 * 10**-dec + 1e-9


def _split_row(blob: str, years: int) -> list[tuple[int, int]] | None:
    """The one split of the digits into `years` values and a change that agrees."""
    found = [
        s
        for s in _splits(blob, years + 1)
        if _agrees(blob[s[0][0] : s[0][1]], blob[s[1][0] : s[1][1]], blob[s[-1][0] : s[-1][1]])
    ]
    return found[0] if len(found) == 1 else None


def _glued_header(text: str, ln) -> tuple[list[Cell], bool] | None:
    """Header cells, and whether a unit column follows the label, of a glued header line
    (指标名称单位2020年2019年同比增减(%)), which must end in a change column."""
    raw = ln.raw
    if len(raw.strip()) > 60 or re.search(r"\s\S", raw.strip()):
        return None
    years = list(re.finditer(r"(?:19|20)\d\d年(?:度)?", raw))
    if len(years) != 2:
        return None
    tail = raw[years[-1].end() :].strip()
    if not tail or not tl.CHANGE_HEAD.search(tail) or years[1].start() != years[0].end():
        return None
    s = ln.start
    lead = raw[: years[0].start()]
    um = tl.FORM_UNIT_HEAD.search(lead)
    heads = []
    if um and um.end() == len(lead.rstrip()):
        heads += [_mk_cell(text, s, s + um.start()), Cell(um.group(0), s + um.start(), s + um.end())]
    else:
        heads.append(_mk_cell(text, s, s + len(lead)))
    heads += [Cell(m.group(0), s + m.start(), s + m.end()) for m in years]
    heads.append(_mk_cell(text, s + years[-1].end(), ln.end))
    return heads, len(heads) == 5


_GLUED_ROW = re.compile(
    r"^(?P<label>[^\d\s][^\d]*?)(?P<unit>(?:万|千)?(?:" + "|".join(tl.FORM_UNITS) + r"))?"
    r"(?P<blob>[\d.,\-—–]+)$"
)


def glued_columns(text: str, lines, taken) -> list[Block]:
    """Header and rows without separators, split with the help of the change column."""
    return _scan_headed(text, lines, taken, _glued_header, _glued_block)


def _glued_block(text: str, lines, taken, i: int, hd) -> tuple[Block | None, int] | None:
    n = len(lines)
    heads, unit_col = hd
    rows, j, last = [], i + 1, i
    while j < n and not taken(j) and lines[j].raw.strip(_WS):
        ln = lines[j]
        m = _GLUED_ROW.match(ln.raw.strip(_WS))
        if not m:
            break
        off = ln.start + (len(ln.raw) - len(ln.raw.lstrip(_WS)))
        blob_s = off + m.start("blob")
        cut = _split_row(m.group("blob"), 2)
        last = j
        j += 1
        if cut is None:
            continue
        lab = Cell(m.group("label"), off, off + m.end("label"))
        unit = Cell(m.group("unit"), off + m.start("unit"), off + m.end("unit")) if m.group("unit") else _empty(blob_s)
        vals = [Cell(m.group("blob")[a:b], blob_s + a, blob_s + b) for a, b in cut]
        rows.append([lab] + ([unit] if unit_col else []) + vals)
    block = Block("glued_columns", heads, rows, lines[i].start, lines[last].end, i, last) if rows else None
    return block, max(last + 1, i + 1)


# ------------------------------------------------------------------ all


def find_blocks(text: str, lines, taken) -> list[Block]:
    """Every block of the four layouts; later layouts skip lines earlier ones took."""
    out: list[Block] = []
    own: set[int] = set()

    def busy(k: int) -> bool:
        return taken(k) or k in own

    for finder in (
        forms,
        pipe_forms,
        glued_columns,
        space_columns,
        gap_columns,
        single_space_columns,
        level_columns,
        line_accounts,
        cell_streams,
        row_blocks,
    ):
        for b in finder(text, lines, busy):
            out.append(b)
            own.update(range(b.first_line, b.last_line + 1))
    return sorted(out, key=lambda b: b.start)
