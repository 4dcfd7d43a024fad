"""Candidates: every number of a document, ending as a figure or rejected with a reason
(invented snippets), and candidate recall on the real development set (≥ 0.98)."""

from __future__ import annotations

import pandas as pd
import pytest

from nianbao.extract import extract_document
from nianbao.extract.lexicon.candidates import REASON_RULES, REASONS
from nianbao.schema import CANDIDATE_FATES
from tests.paths import REALDEV

REPORT = """某县图书馆2021年工作总结
发布时间:2022-01-05 浏览次数:356
2021年全年接待读者12.5万人次,比上年增长15%,外借图书8.6万册次,人均借阅1.2册。
新办读者证两千余张,举办讲座三十场,参与人数约4500人次。
7月15日开展读书活动。咨询热线0571-87654321。
馆舍建筑面积6000平方米,阅览座位800个,职工25人。
“十三五”期间累计接待读者50万人次。我馆在全省排名第3名。
1、加强服务
全年经费支出128.5万元,其中购书经费30万元。办公用品支出2万元。
分馆3家,流通点12个。新增藏书"""


@pytest.fixture(scope="module")
def report():
    res = extract_document(REPORT, "invented.txt")
    by_text: dict[str, list] = {}
    for c in res.candidates:
        by_text.setdefault(c.text, []).append(c)
    return res, by_text


def _one(by_text, written):
    assert written in by_text, f"{written!r} is not a candidate: {sorted(by_text)}"
    return by_text[written][0]


def test_every_figure_is_a_candidate_with_its_metric_and_value(report):
    res, by_text = report
    figs = [f for f in res.figures if f.kind == "figure"]
    assert figs
    for f in figs:
        hit = [
            c for c in res.candidates if c.fate == "figure" and c.char_start < f.char_end and f.char_start < c.char_end
        ]
        assert hit, f"figure {f.metric} {f.value} has no candidate"
    c = _one(by_text, "12.5万人次")
    assert (c.fate, c.metric, c.value, c.reason) == ("figure", "visits.in_person", 125000, None)
    assert _one(by_text, "两千余张").fate == "figure"  # Chinese numerals
    assert _one(by_text, "128.5万元").value == 1285000  # 万元 in base units


@pytest.mark.parametrize(
    "written, reason",
    [
        ("2021", "year"),
        ("356", "junk_line"),
        ("15%", "percentage"),
        ("1.2册", "ratio"),
        ("0571-87654321", "phone"),
        ("7", "date"),
        ("15", "date"),
        ("6000", "other_unit"),
        ("800个", "non_metric"),
        ("25人", "non_metric"),
        ("50万人次", "cumulative"),
        ("3名", "ordinal"),
        ("1", "ordinal"),
        ("2万元", "money_other"),
    ],
)
def test_rejected_numbers_carry_the_reason(report, written, reason):
    _, by_text = report
    reasons = {c.reason for c in by_text.get(written, [])}
    assert reason in reasons, f"{written!r}: {reasons}"
    assert all(c.fate == "rejected" for c in by_text[written] if c.reason == reason)


def test_rejected_count_keeps_the_metric_its_context_suggests(report):
    _, by_text = report
    assert _one(by_text, "50万人次").metric == "visits.in_person"


def test_fates_and_reasons_come_from_the_lexicon(report):
    res, _ = report
    assert {c.fate for c in res.candidates} == set(CANDIDATE_FATES)
    assert {c.reason for c in res.candidates if c.fate == "rejected"} <= set(REASONS)
    assert {r.reason for r in REASON_RULES} <= set(REASONS)
    assert all(c.reason is None for c in res.candidates if c.fate == "figure")


def test_spans_point_at_the_number():
    res = extract_document(REPORT)
    for c in res.candidates:
        assert REPORT[c.char_start : c.char_end] == c.text
        assert any(ch.isdigit() or ch in "零〇一二两三四五六七八九十百千万亿" for ch in c.text)


def test_words_and_bare_chinese_numerals_are_not_candidates():
    res = extract_document("一是加强管理,千家万户受益,十分重要。")
    assert res.candidates == []


def test_number_cut_off_at_the_end_is_truncated():
    res = extract_document("全年举办活动50场,外借文献96")
    assert [(c.text, c.reason) for c in res.candidates if c.fate == "rejected"] == [("96", "truncated")]


def test_scale_stated_in_the_label_or_above():
    text = "项目 单位 2020 2021\n图书总藏量(千册) 3051 3322\n#报刊 243 255\n"
    res = extract_document(text)
    values = {c.text: c.value for c in res.candidates}
    assert values["3051"] == 3051000 and values["255"] == 255000
    res = extract_document("收入支出决算表\n单位:万元\n项目 | 金额\n财政拨款收入 | 97.97\n")
    assert {c.text: c.value for c in res.candidates}["97.97"] == 979700


def test_statistical_form_splits_the_glued_row_code():
    text = "项 目代码单位指标\n二、藏量16册、件457,600\n  1、图书17285,251\n  3、报刊212,189\n"
    res = extract_document(text)
    got = {c.text: (c.value, c.reason) for c in res.candidates if c.char_start >= text.index("图书")}
    assert got["17"] == (17, "code") and got["21"] == (21, "code")
    assert got["285,251"][0] == 285251 and got["2,189"][0] == 2189
    assert "17285" not in got and "212,189" not in got


def test_word_numbers_and_spaced_thousands():
    res = extract_document("全年到馆读者破百万,视听文献4 960件。")
    values = {c.value for c in res.candidates}
    assert 1_000_000 in values and 4960 in values


def test_candidate_recall_on_the_real_development_set():
    """Every gold value (file + value within 0.5 %) is among the document's candidates, ≥ 98 %."""
    assert (REALDEV / "gold.csv").exists(), f"{REALDEV} is missing (../shared/realdev next to the repo)"
    from nianbao.evaluation import read_texts, score_candidates

    texts = read_texts(REALDEV / "docs")
    assert len(texts) >= 38
    rows = []
    for name, text in texts.items():
        for c in extract_document(text, name).candidates:
            rows.append({"source_file": name, "value": c.value})
    gold = pd.read_csv(REALDEV / "gold.csv", dtype={"file": str})
    s = score_candidates(pd.DataFrame(rows), gold)
    assert s.gold == len(gold) and s.gold > 300
    assert s.recall >= 0.98, f"candidate recall {s.recall:.3f}; missing:\n{s.missing[['file', 'value', 'evidence']]}"
