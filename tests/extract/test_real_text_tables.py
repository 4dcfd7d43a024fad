"""Tables as real web pages and converted files show them: recognised by layout.

Every snippet here is invented (made-up libraries, labels and numbers); each test
states one layout rule of `nianbao.extract.table_layouts` / `table_figures`.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from nianbao.extract import extract_document
from nianbao.extract.table_layouts import _split_row
from nianbao.extract.tables import find_tables
from tests.support.cases import load_cases
from tests.support.figures import check_figures, with_fields


def _figs(text: str):
    text = unicodedata.normalize("NFKC", text)
    return text, [f for f in extract_document(text).figures if f.kind == "figure"]


def _sorted(text: str, *fields: str) -> list[tuple]:
    """The figures of `text` as sorted tuples of the named fields."""
    _, fs = _figs(text)
    return sorted(tuple(getattr(f, name) for name in fields) for f in fs)


def _got(text: str):
    return _sorted(text, "metric", "year", "value")


CASES = load_cases(
    Path(__file__).parent / "fixtures" / "cases" / "real_text_tables.yaml", "text", "layouts", "fields", "figures"
)


@pytest.mark.parametrize("text, layouts, fields, figures", CASES)
def test_table_figures(text, layouts, fields, figures):
    """The tables and figures of a table layout (fixtures/cases/real_text_tables.yaml), with the fields a
    case names; every cell's span holds its text."""
    tables = _spans_hold(text)
    assert layouts is None or [tb.layout for tb in tables] == layouts, [tb.layout for tb in tables]
    check_figures(with_fields(_figs(text)[1], fields), figures)


def _spans_hold(text: str):
    text = unicodedata.normalize("NFKC", text)
    for tb in find_tables(text):
        for row in [tb.header] + tb.rows:
            for c in row:
                assert text[c.start : c.end] == c.text, (tb.layout, c)
    return find_tables(text)


# ------------------------------------------------------------------ space-aligned year columns


def _table_text(name: str) -> str:
    """A table snippet kept as a text file in fixtures/real_text_tables/ (exact bytes: its tabs, spaces
    and blank lines are the table's layout)."""
    return (Path(__file__).parent / "fixtures" / "real_text_tables" / f"{name}.txt").read_bytes().decode("utf-8")


YEARBOOK = _table_text("yearbook")


def test_year_columns_with_the_unit_scale_in_the_label():
    tbs = _spans_hold(YEARBOOK)
    assert [t.layout for t in tbs] == ["space_columns"]
    got = _got(YEARBOOK)
    assert ("collection.total", 2019, 1_200_000) in got and ("collection.total", 2021, 1_410_000) in got
    assert ("visits.in_person", 2020, 420_000) in got
    assert ("activities.events", 2021, 35) in got  # (次): no scale
    assert ("activities.attendance", 2019, 51_000) in got
    assert not any(v in (300, 320) for _, _, v in got)  # no metric: seats


def test_a_part_word_in_a_yearbook_label_is_a_segment():
    _, fs = _figs(YEARBOOK)
    per = [f for f in fs if f.metric == "collection.total" and f.value == 90_000]
    assert len(per) == 1 and per[0].segment == "periodicals"
    assert per[0].evidence.startswith("报刊藏量")
    whole = [f for f in fs if f.metric == "collection.total" and f.value == 1_200_000]
    assert [f.segment for f in whole] == ["all"]  # 图书总藏量: the whole, not the books


def test_a_line_of_years_in_prose_is_not_a_table():
    t = "某县图书馆2021年工作总结\n我馆在 2019 2020 2021 三年间持续改进服务。\n全年接待读者12000人次。\n"
    assert all(tb.layout != "space_columns" for tb in find_tables(t))


def test_columns_aligned_with_runs_of_spaces():
    t = (
        "某县图书馆2022年服务统计\n"
        "项目          上半年      下半年      全年\n"
        "进馆人次      41000       45500       86500\n"
        "外借册次      20100       22000       42100\n"
        "座席数        300         300         300\n"
    )
    tbs = _spans_hold(t)
    assert [(tb.layout, len(tb.rows)) for tb in tbs] == [("space_columns", 3)]
    got = _got(t)
    assert ("visits.in_person", 2022, 86500) in got and ("circulation.loans", 2022, 42100) in got
    assert not any(v == 300 for _, _, v in got)


def test_single_spaces_in_prose_are_not_columns():
    t = "某县图书馆2022年工作总结\n项目 进展 情况 良好\n进馆人次 41000 人次 较多\n外借册次 20100 册次 稳定\n"
    assert all(tb.layout != "space_columns" for tb in find_tables(t))


# ------------------------------------------------------------------ cell streams between | lines


ROOMS = (
    "某区图书馆2022年(3月)数据统计\n二、进馆人次统计\n"
    "阅览室\n|\n3月\n|\n报刊阅览室\n|\n1200\n|\n少儿阅览室\n|\n800\n|\n城东分馆\n|\n450\n|\n合计\n|\n2450\n|\n"
    "(来源:日统计)\n"
)


def test_a_cell_stream_takes_its_metric_from_the_title():
    tbs = _spans_hold(ROOMS)
    assert [(t.layout, len(t.header), len(t.rows)) for t in tbs] == [("cell_stream", 2, 4)]
    got = _sorted(ROOMS, "metric", "value", "period")
    _, fs = _figs(ROOMS)
    assert got == [("visits.in_person", v, "partial") for v in (450, 800, 1200, 2450)]
    seg = {f.value: f.segment for f in fs}
    assert seg[800] == "minors" and seg[2450] == "all"
    assert [f.scope for f in fs if f.value == 450] == ["branches"]
    assert [f.scope for f in fs if f.value == 2450] == ["system"]  # the total over rooms and a branch


def test_a_cell_stream_with_metrics_in_the_header_and_a_month_row():
    t = (
        "某馆2021年5月统计\n三、外借统计\n月份\n|\n成人外借册次\n|\n少儿外借册次\n|\n城西外借册次\n|\n城北外借册次\n|\n"
        "5月\n|\n3100\n|\n900\n|\n640\n|\n210\n|\n外借合计:4850册\n"
    )
    tbs = _spans_hold(t)
    assert [(len(tb.header), len(tb.rows)) for tb in tbs if tb.layout == "cell_stream"] == [(5, 1)]
    _, fs = _figs(t)
    loans = {f.value: f for f in fs if f.metric == "circulation.loans" and f.table_id}
    assert set(loans) == {3100, 900, 640, 210}
    assert loans[3100].segment == "adults" and loans[900].segment == "minors"
    assert loans[640].scope == loans[210].scope == "branches"  # columns named after sites
    assert all(f.period == "partial" for f in loans.values())


def test_a_cell_stream_between_blank_lines():
    t = "某县图书馆2021年年报\n\n指标\n\n数量\n\n进馆人次\n\n52000\n\n外借册次\n\n31000\n\n新办读者证\n\n1800\n"
    tbs = _spans_hold(t)
    assert [(tb.layout, len(tb.header), len(tb.rows)) for tb in tbs] == [("cell_stream", 2, 3)]
    check_figures(
        with_fields(_figs(t)[1], "year"),
        "circulation.loans=31000:2021 users.new_registrations=1800:2021 visits.in_person=52000:2021",
    )


def test_short_paragraphs_between_blank_lines_are_not_a_table():
    t = "某县图书馆2021年年报\n\n一、基本情况\n\n我馆全年开放。\n\n二、读者服务\n\n全年接待读者52000人次。\n"
    assert find_tables(t) == []


# ------------------------------------------------------------------ statistical forms

FORM_CELLS = (
    "\n\n".join(
        [
            "2020年某市图书馆年报",
            "项     目",
            "代码",
            "单位",
            "指标",
            "一、从业人员",
            "11",
            "36",
            "十七、本年支出合计",
            "61",
            "千元",
            "9020",
            "二、藏量",
            "16",
            "册、件",
            "400500",
            "其中:基本支出",
            "62",
            "千元",
            "6020",
            "1、图书",
            "17",
            "350000",
            "项目支出",
            "63",
            "千元",
            "3000",
            "其中:盲文图书",
            "18",
            " ",
            "在支出合计中:工资福利支出",
            "65",
            "千元",
            "4100",
            "2、报刊",
            "21",
            "12500",
            "商品和服务支出",
            "66",
            "千元",
            "1500",
            "购书专项经费",
            "55",
            "千元",
            "800",
            "三、电子图书",
            "27",
            "900000",
            "1、本馆自建",
            "28",
            "30",
            "其中:新增藏量购置费",
            "75",
            "千元",
            "760",
        ]
    )
    + "\n"
)


def test_form_one_cell_per_line_with_blank_lines():
    tbs = _spans_hold(FORM_CELLS)
    assert [t.layout for t in tbs] == ["form"]
    # spending.collections: the spending, not the earmarked grant
    check_figures(
        with_fields(_figs(FORM_CELLS)[1], "year"),
        "collection.total=12500:2020 collection.total=350000:2020 collection.total=400500:2020 "
        "spending.collections=760000:2020 spending.operations=1500000:2020 spending.staff=4100000:2020 "
        "spending.total=3000000:2020 spending.total=6020000:2020 spending.total=9020000:2020",
    )


def test_form_parts_are_grouped_with_their_whole_for_sum_checks():
    _, fs = _figs(FORM_CELLS)
    by = {(f.metric, f.value): f for f in fs}
    spend, basic, project = (
        by[("spending.total", 9_020_000)],
        by[("spending.total", 6_020_000)],
        by[("spending.total", 3_000_000)],
    )
    assert spend.group_role == "total" and basic.group_role == project.group_role == "part"
    assert spend.group_id == basic.group_id == project.group_id
    assert basic.group_complete  # 其中: two rows break the total down
    books, per, whole = (
        by[("collection.total", 350_000)],
        by[("collection.total", 12_500)],
        by[("collection.total", 400_500)],
    )
    assert books.group_id == per.group_id == whole.group_id and whole.group_role == "total"
    assert not books.group_complete  # numbered items without 其他
    assert by[("spending.staff", 4_100_000)].group_id is None  # its own metric, not a part


def test_an_earmarked_grant_stands_when_no_spending_is_stated():
    t = FORM_CELLS.replace("其中:新增藏量购置费\n\n75\n\n千元\n\n760\n", "")
    got = _got(t)
    assert ("spending.collections", 2020, 800_000) in got
    assert ("spending.collections", 2020, 760_000) not in got


def test_form_parts_take_the_metric_and_segment_of_their_whole():
    _, fs = _figs(FORM_CELLS)
    seg = {(f.metric, f.value): f.segment for f in fs}
    assert seg[("collection.total", 350_000)] == "books"
    assert seg[("collection.total", 12_500)] == "periodicals"
    assert seg[("spending.total", 6_020_000)] == "basic" and seg[("spending.total", 3_000_000)] == "project"
    assert seg[("collection.total", 400_500)] == "all" and seg[("spending.total", 9_020_000)] == "all"


FORM_GLUED = _table_text("form_glued")


def test_form_with_code_and_value_glued_together():
    tbs = _spans_hold(FORM_GLUED)
    assert [t.layout for t in tbs] == ["form"]
    text, fs = _figs(FORM_GLUED)
    check_figures(
        with_fields(fs, "segment"),
        "collection.total=120:braille collection.total=4075:periodicals collection.total=55010:minors "
        "collection.total=180250:books collection.total=210300:all spending.total=2450000:all",
    )
    f = next(f for f in fs if f.value == 180_250)
    assert text[f.char_start : f.char_end] == "180,250"  # the code 17 is not in the value


def test_glued_lines_without_a_form_header_are_not_split():
    t = "某县图书馆2021年概况\n二、藏量16册、件210,300\n1、图书17180,250\n2、报刊214,075\n"
    assert all(tb.layout != "form" for tb in find_tables(t))


# ------------------------------------------------------------------ glued year columns


def test_a_glued_split_must_agree_with_the_change():
    blob = "3102211047.0"
    assert [blob[a:b] for a, b in _split_row(blob, 2)] == ["3102", "2110", "47.0"]
    assert _split_row("3102211050.0", 2) is None  # no split gives +50.0 %
    assert _split_row("1200012000——", 2) is None  # no change to check against


# ------------------------------------------------------------------ .docx / .html tables as cell grids


GRID = [
    ["指标", "2020年", "2021年"],
    ["进馆人次", "52000", "61000"],
    ["外借册次", "", "33000"],
    ["新办读者证(张)", "1500", "1800"],
]


def _extract_file(data: bytes, name: str):
    from nianbao.ingest.formats import extract_text

    ex = extract_text(data, name)
    assert ex.reason is None
    return _got(ex.text), find_tables(unicodedata.normalize("NFKC", ex.text))


EXPECTED_GRID = [
    ("circulation.loans", 2021, 33000),
    ("users.new_registrations", 2020, 1500),
    ("users.new_registrations", 2021, 1800),
    ("visits.in_person", 2020, 52000),
    ("visits.in_person", 2021, 61000),
]


def test_a_docx_table_reaches_the_extractor_as_a_grid():
    from tests.ingest.corpus import docx_table_bytes

    data = docx_table_bytes(["2021年某县图书馆工作报告", "表1 主要业务数据"], GRID, ["全年举办活动120场。"])
    got, tbs = _extract_file(data, "r.docx")
    assert [(tb.layout, len(tb.rows)) for tb in tbs] == [("row_blocks", 3)]
    assert tbs[0].rows[1][1].text == ""  # the empty cell keeps its column
    assert [g for g in got if g[0] != "activities.events"] == EXPECTED_GRID


def test_an_html_table_reaches_the_extractor_as_a_grid():
    rows = "".join(
        "<tr>" + "".join(f"<td><p>{v}</p></td>" if v else "<td></td>" for v in row) + "</tr>" for row in GRID
    )
    page = f"<html><body><p>2021年某县图书馆工作报告</p><table>{rows}</table><p>全年举办活动120场。</p></body></html>"
    got, tbs = _extract_file(page.encode("utf-8"), "r.html")
    assert [(tb.layout, len(tb.rows)) for tb in tbs] == [("row_blocks", 3)]
    assert [g for g in got if g[0] != "activities.events"] == EXPECTED_GRID


def test_paragraph_pairs_are_not_row_blocks():
    t = (
        "某县图书馆2021年工作总结\n\n一、基本情况\n全馆开放时间延长\n\n二、读者服务\n读者满意度提高\n\n"
        "三、活动\n全年举办活动120场\n"
    )
    assert find_tables(t) == []


def test_a_ruled_pdf_table_reaches_the_extractor_as_tab_rows():
    import io

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setFont("STSong-Light", 12)
    c.drawString(40, 800, "2021年某县图书馆工作报告")
    grid = [["", "2020年", "2021年"], ["进馆人次", "52000", "61000"], ["外借册次", "30000", "33000"]]
    xs, ys = [40, 160, 260, 360], [760, 740, 720, 700]
    for x in xs:
        c.line(x, ys[0], x, ys[-1])
    for y in ys:
        c.line(xs[0], y, xs[-1], y)
    for r, row in enumerate(grid):
        for k, v in enumerate(row):
            c.drawString(xs[k] + 4, ys[r] - 14, v)
    c.drawString(40, 680, "全年举办活动120场。")
    c.showPage()
    c.save()
    got, tbs = _extract_file(buf.getvalue(), "r.pdf")
    assert [tb.layout for tb in tbs] == ["tab"]
    assert [tb.header_texts for tb in tbs] == [["", "2020年", "2021年"]]  # the empty corner kept
    assert got == [
        ("activities.events", 2021, 120),
        ("circulation.loans", 2020, 30000),
        ("circulation.loans", 2021, 33000),
        ("visits.in_person", 2020, 52000),
        ("visits.in_person", 2021, 61000),
    ]


# ------------------------------------------------------------------ bilingual yearbook tables (issue 8)

BILINGUAL = _table_text("bilingual")


def test_a_bilingual_yearbook_row_is_read_by_its_chinese_label():
    got = _got(BILINGUAL)
    for metric, vals in (
        ("collection.total", (4100000, 4320000, 1200000, 1260000)),
        ("spending.total", (21000000, 24000000, 8000000, 9500000)),
    ):
        assert sorted(v for m, _, v in got if m == metric) == sorted(vals)
    assert not any(v in (900, 950, 300) for m, _, v in got)  # seats: no code
    assert {(y, v) for m, y, v in got if m == "collection.total"} >= {(2015, 4100000), (2016, 1260000)}


def test_a_row_label_broken_over_lines_keeps_its_numbers():
    got = _got(BILINGUAL)
    assert sorted(v for m, _, v in got if m == "circulation.loans") == [750000, 810000, 2110000, 2300000]
    assert sorted(v for m, _, v in got if m == "collection.added") == [70000, 80000, 190000, 220000]


def test_a_row_with_only_its_english_label_left():
    got = _got(BILINGUAL)
    assert sorted(v for m, _, v in got if m == "activities.events") == [90, 97, 310, 355]


def test_a_sub_row_marked_hash_shares_the_unit_of_its_parent_row():
    got = _got(BILINGUAL)
    assert sorted(v for m, _, v in got if m == "spending.collections") == [1100000, 1200000, 3000000, 3100000]


def test_a_label_line_then_a_prose_sentence_is_not_a_broken_row():
    text = "项目 2019 2020\n进馆人次(万人次) 12 15\n外借册次(万册次)说明如下:\n全年共办理借书证3000个,同比增长12%。\n"
    got = _got(text)
    assert ("circulation.loans", 2019, 3000) not in got and not any(m == "circulation.loans" for m, _, _ in got)


# ------------------------------------------------------------------ numbers with thousands separators in prose


def test_a_thousands_comma_ends_no_clause():
    from nianbao.extract.segment import clause_bounds

    text = "某館合併前藏書量約113,000冊(2014年3月),現存圖書約130,000冊。"
    s, e = clause_bounds(text, text.index("113"))
    assert text[s:e] == "某館合併前藏書量約113,000冊(2014年3月)"
    s, e = clause_bounds(text, text.index("000冊(2014"))
    assert text[s:e].startswith("某館合併前")
    _, fs = _figs(text)
    assert any(f.value == 113000 and "113,000冊" in f.evidence for f in fs)


# ------------------------------------------------------------------ budget forms one cell per line, each cell then `|`

PIPE_FORM = (
    "\n".join(
        [
            "某县图书馆2019年度部门决算表",
            "收入支出决算总表 | ||||||",
            "单位:万元 | |||||||",
            "收 入 |",
            "支 出 | |||||",
            "项 目 |",
            "行次 |",
            "金额 |",
            "项 目 |",
            "行次 |",
            "金额 | ||||",
            "一、财政拨款收入 |",
            "1 |",
            "86.40 |",
            "一、一般公共服务支出 |",
            "30 |",
            "|||||",
            "二、事业收入 |",
            "2 |",
            "二、教育支出 |",
            "31 |",
            "||||||",
            "3 |",
            "三、文化旅游体育与传媒支出 |",
            "32 |",
            "104.20 | |||",
            "4 |",
            "四、社会保障和就业支出 |",
            "33 |",
            "|||||",
        ]
    )
    + "\n"
)


def test_a_budget_form_with_one_cell_per_line_then_a_pipe():
    got = _got(PIPE_FORM)
    assert ("spending.total", 2019, 864000) in got  # 单位:万元 above the table
    assert not any(v in (2, 3, 4, 30, 31, 32, 33) for _, _, v in got)  # row codes are no values
    tables = _spans_hold(PIPE_FORM)
    assert any(tb.layout == "form" and tb.unit_hint == "万元" for tb in tables)


def test_short_lines_ending_in_a_pipe_without_a_code_column_are_no_form():
    text = (
        "\n".join(
            [
                "栏目 |",
                "新闻 |",
                "通知 |",
                "公告 |",
                "馆情 |",
                "2019 |",
                "12 |",
                "服务 |",
                "读者 |",
                "活动 |",
                "下载 |",
                "联系 |",
                "地址 |",
            ]
        )
        + "\n"
    )
    assert not any(tb.layout == "form" for tb in _spans_hold(text))


# ------------------------------------------------------------------ target columns


def test_events_counted_in_ge_or_qi_in_a_unit_column():
    text = (
        "指标名称        计量单位      本年实际     上年同期\n"
        "总流通人次      人次          186500       172300\n"
        "举办展览        个            12           10\n"
        "培训班          期            8            6\n"
        "阅览座席        个            600          600\n"
    )
    _, fs = _figs(text)
    check_figures(
        with_fields([f for f in fs if f.metric.startswith("activities")], "segment"),
        "activities.events=6:trainings activities.events=8:trainings "
        "activities.events=10:exhibitions activities.events=12:exhibitions",
    )
    assert not any(f.value == 600 for f in fs)


def test_an_indented_header_has_an_empty_corner_and_its_level_columns_are_regions():
    text = (
        "公共图书馆基本情况\n                    合计        市级        区县级\n"
        "机构数(个)          42          3           39\n"
        "总藏量(万册)        2810        1230        1580\n"
        "总流通人次(万人次)  3650        1420        2230\n"
    )
    got = _got(text)
    assert sorted(v for m, _, v in got if m == "collection.total") == [12300000, 15800000, 28100000]
    assert not any(v in (42, 3, 39) for _, _, v in got)
    _, fs = _figs(text)
    assert {f.scope for f in fs} == {"region"}  # 合计 / 市级 / 区县级: aggregates of many libraries


# ------------------------------------------------------------------ sites of a library system as rows or columns


def _scoped(text: str):
    return _sorted(text, "metric", "scope", "value")


def test_site_rows_under_metric_columns():
    text = (
        "某县图书馆2023年工作总结\n表1 各馆服务数据\n馆名\t进馆人次\t外借册次\n总馆\t50000\t30000\n"
        "城东分馆\t12000\t7000\n城西分馆\t8000\t5000\n合计\t70000\t42000\n"
    )
    got = _scoped(text)
    assert [g for g in got if g[0] == "visits.in_person"] == [
        ("visits.in_person", "branches", 8000),
        ("visits.in_person", "branches", 12000),
        ("visits.in_person", "library", 50000),
        ("visits.in_person", "system", 70000),
    ]
    _, fs = _figs(text)
    assert any(f.value == 12000 and "城东分馆" in f.evidence for f in fs)


def test_a_label_head_and_a_plain_value_head_separated_by_single_spaces():
    text = (
        "某区图书馆2021年度统计\n项目 数量\n全年接待读者(人次) 312000\n外借图书(册次) 150000\n新增持证读者(人) 4200\n"
    )
    got = _got(text)
    assert ("circulation.loans", 2021, 150000) in got and ("users.new_registrations", 2021, 4200) in got
    assert ("visits.in_person", 2021, 312000) in got
    assert not any(tb.layout == "space_columns" for tb in _spans_hold("项目 数量众多,内容丰富。\n活动 12\n"))


def test_layouts_read_head_words_in_traditional_characters():
    text = "臺南某圖書館統計\n項目 數量\n全年進館人次(人次) 3120000\n借閱冊數(冊) 782000\n"
    tables = _spans_hold(text)
    assert [tb.layout for tb in tables] == ["space_columns"] and tables[0].header[0].text == "項目"
    form = (
        "\n".join(
            [
                "年度預算表",
                "單位:萬元",
                "項 目 |",
                "行次 |",
                "金額 |",
                "一、財政撥款收入 |",
                "1 |",
                "97.97 |",
                "二、事業收入 |",
                "2 |",
                "三、其他收入 |",
                "3 |",
                "四、經營收入 |",
                "4 |",
                "五、上級補助收入 |",
                "5 |",
                "六、附屬單位上繳收入 |",
                "6 |",
            ]
        )
        + "\n"
    )
    _, fs = _figs(form)
    assert [(f.metric, f.value) for f in fs] == [("spending.total", 979700)]
    assert all(tb.unit_hint == "万元" for tb in _spans_hold(form))


def test_a_traditional_caption_gives_its_unit():
    text = "某市圖書館104-105年借閱統計(萬冊)\n項目\t104年\t105年\n借閱冊數\t610\t640\n"
    tables = _spans_hold(text)
    assert tables[0].title.startswith("某市圖書館") and tables[0].unit_hint == "万册"
    assert _got(text) == [("circulation.loans", 2015, 6100000), ("circulation.loans", 2016, 6400000)]


# ------------------------------------------------------------------ years as rows, levels as columns

YEAR_ROWS = _table_text("year_rows")


def test_a_year_column_with_metrics_in_the_header_gives_one_figure_per_year_and_column():
    # 年份 head over rows that start with a year; blank lines between row groups; the
    # last row cut before its 备注 cell; dashes are no figure; the scale comes from the head
    _spans_hold(YEAR_ROWS)
    got = _got(YEAR_ROWS)
    assert ("visits.in_person", 1961, 4500.0) in got
    assert ("visits.in_person", 1989, 39600.0) in got
    assert ("circulation.loans", 1988, 22500.0) in got
    assert ("circulation.loans", 1989, 24000.0) in got
    assert ("users.registered_total", 1988, 820.0) in got  # 发放借书证 (realdev h015)
    assert not any(m == "circulation.loans" and y == 1962 for m, y, _ in got)
    assert not any(v in (1961.0, 1988.0) for _, _, v in got)  # a year is a label, not a value


LEVEL_COLUMNS = _table_text("level_columns")


def test_level_columns_of_a_yearbook_table_each_give_a_figure_with_the_row_unit():
    # a header of aggregate levels (# marks a part, so an unnamed total column leads), rows of
    # a label with its unit in brackets and one bare number per column
    tbs = _spans_hold(LEVEL_COLUMNS)
    assert any(t.layout == "level_columns" for t in tbs)
    got = _got(LEVEL_COLUMNS)
    for v in (81_000_000.0, 23_000_000.0, 41_000_000.0):
        assert ("collection.total", 2011, v) in got
    assert ("visits.in_person", 2011, 9_000_000.0) in got
    assert ("spending.total", 2011, 902_000_000.0) in got
    # a row whose label is only its unit takes its words from the line above
    assert ("activities.events", 2011, 4050.0) in got
    assert not any(v in (210.0, 2_100_000.0) for _, _, v in got)  # floor area has no metric


def test_a_line_of_level_words_without_numbers_below_is_no_table():
    text = "#省级公共图书馆 #县级公共图书馆\n本年各馆继续开展阅读推广活动。\n"
    assert not any(t.layout == "level_columns" for t in find_tables(text))


def test_level_columns_with_a_provincial_level_are_national_aggregates_one_per_column():
    # 省级 exists once per province, so a total over it is national: each column its own region
    text = LEVEL_COLUMNS.replace("#地市级公共图书馆", "#省级公共图书馆")
    _, fs = _figs(text)
    names = {f.value: (f.library_name, f.scope) for f in fs if f.metric == "collection.total"}
    assert names[81_000_000.0] == ("全国公共图书馆", "region")
    assert names[23_000_000.0] == ("全国省级公共图书馆", "region")
    assert names[41_000_000.0] == ("全国县级公共图书馆", "region")
    # without a provincial level the place is not known: no national name is made up
    _, fs = _figs(LEVEL_COLUMNS)
    assert not any((f.library_name or "").startswith("全国") for f in fs)


def test_books_in_a_loans_head_is_the_usual_wording_not_a_part():
    # 外借图书 names loans as a whole (spec: 图书外借量), while 图书藏量 stays a part of holdings
    _, fs = _figs(YEAR_ROWS)
    assert {f.segment for f in fs if f.metric == "circulation.loans"} == {"all"}


def test_a_unit_line_naming_one_unit_per_column_scales_each_column():
    # ``单位:万人次、万册`` above a table whose heads carry no unit: the units go to the value
    # columns in order (a count mismatch would leave them unset)
    text = "某馆历年服务情况\n单位:万人次、万册\n年份  到馆人次  外借册次\n2001  1.2  0.8\n2002  1.5  0.9\n"
    got = _got(text)
    assert ("visits.in_person", 2001, 12000.0) in got
    assert ("circulation.loans", 2002, 9000.0) in got
    assert not any(v < 10 for _, _, v in got)


def test_a_final_accounts_table_one_cell_per_line_pairs_each_label_with_the_next_line():
    text = (
        "某馆2020年度决算表\n2020 年度收入支出决算总表\n单位:万元\n收入\n支出\n项目\n决算数\n项目\n决算数\n"
        "一、财政拨款收入\n812.50\n一、文化旅游体育与传媒支出\n \n二、事业收入\n12.00\n"
    )
    tbs = _spans_hold(text)
    assert [t.layout for t in tbs] == ["line_accounts"]
    got = _got(text)
    assert ("spending.total", 2020, 8_125_000.0) in got
    assert len([g for g in got if g[2] == 8_125_000.0]) == 1
    assert not any(v in (812.5, 2020.0) for _, _, v in got)


def test_alternating_lines_without_a_unit_line_and_heads_are_no_accounts_table():
    text = "一、财政拨款收入\n812.50\n二、事业收入\n12.00\n"
    assert not any(t.layout == "line_accounts" for t in find_tables(text))
