"""Generalising rules from the causes of the batch-11 first-read misses (tests/extract/FIRST_READ.md,
last row): layouts and numbers. Each test is an invented example (no text copied from a gold
document) and keeps a figure the text must give, so a rule that drops everything fails."""

from __future__ import annotations

from nianbao.extract import extract_document
from nianbao.extract.tables import find_tables


def _figs(text: str) -> dict[tuple[str, float], object]:
    return {(f.metric, f.value): f for f in extract_document(text).figures if f.kind == "figure"}


# a pipe form whose unit stands in its own column, whose item numbers (1 / ① / empty) stand in a
# 序号 column, and where a row with an empty number was wrapped: ``|`` alone on a line, then the row
PIPE_FORM = (
    "某县图书馆2022年业务统计表\n"
    "| 序号 | 项目 | 单位 | 数量 |\n"
    "| 1 | 藏量 | 册、件 | 52,300 |\n"
    "| ① | 图书 | 册 | 48,100 |\n"
    "|\n"
    "| 其中:盲文图书 | 册 | 120 |\n"
    "| ② | 古籍 | 册 | 200 |\n"
    "|\n"
    "| 其中:善本 | 册 | 0 |\n"
    "| ③ | 视听文献 | 件、套 | 4,000 |\n"
    "| ④ | 其他 | 册 | 0 |\n"
    "| 2 | 总流通人次 | 人次 | 96,500 |\n"
    "| 3 | 为读者举办各种活动 | — | — |\n"
    "| ① | 举办展览 | 个 | 12 |\n"
    "|\n"
    "| 参观人次 | 人次 | 3,400 |\n"
    "| ② | 举办培训班 | 个 | 9 |\n"
    "|\n"
    "| 参加人次 | 人次 | 410 |\n"
)


def test_a_lone_pipe_line_is_a_wrapped_empty_first_cell_and_the_table_goes_on():
    (tb,) = find_tables(PIPE_FORM)
    assert len(tb.rows) == 13
    sub = tb.rows[2]
    assert [c.text for c in sub] == ["", "其中:盲文图书", "册", "120"]


def test_a_row_number_column_nests_parts_under_their_whole():
    figs = _figs(PIPE_FORM)
    assert figs[("collection.total", 52300)].segment == "all"
    assert figs[("collection.total", 48100)].segment == "books"
    assert figs[("collection.total", 120)].segment == "braille"
    # 古籍 is also a cue of holdings: under 藏量 it is a part
    assert figs[("collection.total", 200)].segment == "ancient_books"
    assert figs[("collection.total", 4000)].segment == "audiovisual"
    assert ("visits.in_person", 96500) in figs


def test_a_zero_in_a_form_is_no_figure():
    figs = _figs(PIPE_FORM)
    assert not [k for k in figs if k[1] == 0]


def test_the_attendance_row_under_an_events_row_is_those_events_attendance():
    figs = _figs(PIPE_FORM)
    assert figs[("activities.events", 12)].segment == "exhibitions"
    assert figs[("activities.attendance", 3400)].segment == "exhibitions"
    assert figs[("activities.attendance", 410)].segment == "trainings"


def test_a_bare_attendance_row_with_no_events_row_above_is_not_read_as_attendance():
    text = (
        "某馆统计表\n| 序号 | 项目 | 单位 | 数量 |\n| 1 | 总流通人次 | 人次 | 8,800 |\n| 2 | 参观人次 | 人次 | 700 |\n"
    )
    figs = _figs(text)
    assert ("visits.in_person", 8800) in figs
    assert ("activities.attendance", 700) not in figs


def test_plain_digit_row_numbers_nest_by_their_sequence():
    # the pipeline reads NFKC text, where ① is 1: a 1 after a numbered row opens a list of items
    import unicodedata

    figs = _figs(unicodedata.normalize("NFKC", PIPE_FORM))
    assert figs[("collection.total", 48100)].segment == "books"
    assert figs[("collection.total", 200)].segment == "ancient_books"
    assert figs[("activities.attendance", 3400)].segment == "exhibitions"


def test_row_levels_follow_the_sequence():
    from nianbao.extract.table_figures import _row_levels

    assert _row_levels(["1", "2", "3"]) == ["一、", "一、", "一、"]
    assert _row_levels(["1", "1", "2", "2"]) == ["一、", "1、", "1、", "一、"]
    assert _row_levels(["1", "1", "2", "3", "2"]) == ["一、", "1、", "1、", "1、", "一、"]
    assert _row_levels(["①", "(2)", "一", ""]) == ["1、", "1、", "一、", ""]
