"""The rules that read a number's surroundings in a chunk of the text (macros/document_chunks.sql,
issue 11): on an invented text several chunks long, a qualifier clash whose number starts
exactly where a chunk starts (its 约 in the chunk before) and one early in the text are both
found with their words, as substr on the whole text read them. The chunks are cut from the
simplified copy of the text (raw.documents.text_simplified, issue 9): words written in
traditional characters are read as the seeds write them (约…余 from 約…餘; a share 佔…N%, which
no seed spells, is read as 占…N%)."""

from __future__ import annotations

import pytest

from nianbao.schema import Candidate, ExtractionResult
from tests.dbt_support import build_raw, make_document, query, run_dbt
from tests.quality.support import F

STEP, MARGIN = 256, 128  # macros/document_chunks.sql: chunk_step, chunk_margin
FILLER = "本馆持续推进阅读推广工作，服务效能稳步提升。"  # 22 characters, no number
EARLY = "到馆约5万余人次。"
LEAD = "全年接待读者约"
HEAD = EARLY + FILLER * 20
HEAD = HEAD + "。" * (2 * STEP - len(HEAD) - len(LEAD))  # the number of the far clash starts at 2 × STEP
TRADITIONAL = "每年接待讀者約3萬餘人次。"  # the words in traditional characters (seeds/dq_qualifier_words.csv)
# a share in traditional characters that does not fit: 3萬 of 10萬 is 30%, not 40% (佔: no seed spells it)
SHARE = "全年到館10萬人次。少兒到館3萬人次，佔總數的40%。"
TEXT = HEAD + LEAD + "14万余人次。" + FILLER * 20 + TRADITIONAL + SHARE
START = len(HEAD) + len(LEAD)
TRAD_START = len(TEXT) - len(SHARE) - len(TRADITIONAL) + len("每年接待讀者約")
WHOLE_START = len(TEXT) - len(SHARE) + len("全年到館")
PART_START = len(TEXT) - len(SHARE) + SHARE.index("3萬")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("dq_chunks")
    db = tmp / "working.duckdb"
    doc = make_document("chunked_report.txt", text=TEXT)
    # (value, unit, start, end, evidence) of each clash: early, at the chunk's start, traditional
    clashes = [
        (50000, "万人次", 3, 5, EARLY),
        (140000, "万人次", START, START + 3, LEAD + "14万余人次"),
        (30000, "萬人次", TRAD_START, TRAD_START + 2, TRADITIONAL),
    ]
    figures = [
        F("visits.in_person", v, unit_raw=u, year=2020, start=s, end=e, qualifier="at_least", evidence=ev)
        for v, u, s, e, ev in clashes
    ]
    figures += [
        F(
            "visits.in_person",
            100000,
            unit_raw="萬人次",
            year=2020,
            start=WHOLE_START,
            end=WHOLE_START + 3,
            evidence="全年到館10萬人次",
        ),
        F(
            "visits.in_person",
            30000,
            unit_raw="萬人次",
            year=2020,
            segment="minors",
            start=PART_START,
            end=PART_START + 2,
            evidence="少兒到館3萬人次，佔總數的40%",
        ),
    ]
    build_raw(db, [(doc, ExtractionResult(library_name="某县图书馆", report_year=2020, figures=figures))])
    run_dbt(
        db,
        tmp,
        "build",
        "--select",
        "+int_dq_qualifier_conflict",
        "+int_dq_ratio_percent",
        "--indirect-selection",
        "cautious",
    )
    return db


def test_clashes_early_at_a_chunk_start_and_in_traditional_characters_are_read_with_their_words(db):
    assert START == 2 * STEP and TEXT[START - 1] == "约" and TEXT[3:5] == "5万"
    messages = sorted(r[0] for r in query(db, "select message from intermediate.int_dq_qualifier_conflict"))
    assert len(messages) == 3, messages
    # read in the simplified copy (the rule names the seeds' words), quoted as the text writes it
    assert any('"約3萬"' in m and "约 and 余" in m for m in messages), messages
    assert any('"约14万"' in m and "约 and 余" in m for m in messages), messages
    assert any('"约5万"' in m and "约 and 余" in m for m in messages), messages


def test_a_share_written_in_traditional_characters_is_read_in_the_simplified_copy(db):
    # before issue 9 the chunks were the original text: 佔 matched no seed and this was missed
    assert TEXT[PART_START : PART_START + 2] == "3萬" and TEXT[WHOLE_START : WHOLE_START + 3] == "10萬"
    rows = query(db, "select severity, message from intermediate.int_dq_ratio_percent where role = 'numerator'")
    assert len(rows) == 1, rows
    assert "40%" in rows[0][1] and "30%" in rows[0][1], rows


# a table written one cell a line, across the step of chunk 2 (character 512), after lines of prose:
# its lines are numbered from the line breaks before each chunk's step (int_dq_sum_lines)
TABLE_LINES = ["閱覽人數", "內地人 39,134人", "本島人 28,149人", "計 67,281人"]
PROSE_LINE = "本馆持续推进阅读推广工作。\n"  # 14 characters


def _table_document():
    head = PROSE_LINE * 33  # 462 characters, 33 line breaks
    head += "。" * (2 * STEP - len(head) - len("\n".join(TABLE_LINES[:3])) - 3)  # 計's number past 512
    text = head + "\n".join(TABLE_LINES) + "\n" + PROSE_LINE * 5
    cells = []
    for line in TABLE_LINES[1:]:
        number = line.split(" ")[1]
        start = text.index(number)
        cells.append(
            Candidate(
                start,
                start + len(number),
                number,
                float(number[:-1].replace(",", "")),
                "人",
                "rejected",
                "unknown_metric",
            )
        )
    return text, cells


def test_a_one_cell_a_line_table_across_a_chunk_step_is_summed(tmp_path):
    text, cells = _table_document()
    assert cells[1].char_start < 2 * STEP <= cells[2].char_start  # the table crosses the step
    db = tmp_path / "working.duckdb"
    doc = make_document("table_report.txt", text=text)
    build_raw(db, [(doc, ExtractionResult(library_name="某县图书馆", report_year=1934, candidates=cells))])
    run_dbt(db, tmp_path, "build", "--select", "+int_dq_sum_lines", "--indirect-selection", "cautious")
    messages = [r[0] for r in query(db, "select distinct message from intermediate.int_dq_sum_lines")]
    assert len(messages) == 1, messages
    assert "39,134人 + 28,149人" in messages[0] and "計 67,281人" in messages[0], messages[0]
