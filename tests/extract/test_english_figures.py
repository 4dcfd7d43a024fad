"""Figures written in English (nianbao/extract/english.py, lexicon/english.py): invented sentences."""

from __future__ import annotations

import pytest

from nianbao.extract import extract_document, matching_text
from nianbao.extract.english import english_figures, english_quantities


def _figs(text: str) -> list[tuple[str, float, str]]:
    return [(f.metric, f.value, f.qualifier) for f in english_figures(matching_text(text))]


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("In 2021, the county library welcomed 3.45 million visits from readers.", 3_450_000, "exact"),
        ("In 2021, the county library welcomed 1,234,500 visits from readers.", 1_234_500, "exact"),
        ("In 2021, the county library welcomed 1 234 500 visits from readers.", 1_234_500, "exact"),
        ("In 2021, the county library welcomed 2 million visits from readers.", 2_000_000, "exact"),
        ("In 2021, the county library welcomed more than 45,000 visits from readers.", 45_000, "at_least"),
        ("In 2021, the county library welcomed over 0.8 million visits from readers.", 800_000, "at_least"),
        ("In 2021, the county library welcomed nearly 9,800 visits from readers.", 9_800, "at_most"),
        ("In 2021, the county library welcomed about 12 thousand visits from readers.", 12_000, "approx"),
    ],
)
def test_english_number_forms(text, value, qualifier):
    assert _figs(text) == [("visits.in_person", value, qualifier)]


@pytest.mark.parametrize(
    ("text", "metric", "value"),
    [
        ("Last year the town library recorded 52,300 visitors to its reading halls.", "visits.in_person", 52_300),
        ("In 2020 the library lent 310,000 books to its members.", "circulation.loans", 310_000),
        ("In 2020 readers borrowed as many as 1.2 million books from the library.", "circulation.loans", 1_200_000),
        ("The library now holds 640,000 volumes of books and journals.", "collection.total", 640_000),
        ("The library bought 18,500 newly acquired volumes in 2020.", "collection.added", 18_500),
        ("The library has 86,400 registered readers in 2020.", "users.registered_total", 86_400),
        ("It issued 7,250 new library cards in 2020.", "users.new_registrations", 7_250),
        ("It organised 420 lectures and exhibitions in 2020.", "activities.events", 420),
        ("The reading festival drew 15,600 participants in 2020.", "activities.attendance", 15_600),
        ("The system runs 24 branch libraries across the district.", "network.branches", 24),
        ("There are 57 self-service libraries in the district in 2020.", "network.service_points", 57),
        ("The library website received 2.3 million online visits in 2020.", "visits.online", 2_300_000),
        ("In 2020, the number of registered readers reached 95,120.", "users.registered_total", 95_120),
        ("In 2020, the number of visitors stood at 731,000.", "visits.in_person", 731_000),
    ],
)
def test_english_cue_families(text, metric, value):
    assert (metric, value) in [(m, v) for m, v, _ in _figs(text)]


def test_mobile_libraries_are_service_points_of_their_segment():
    figs = english_figures(matching_text("The network has 40 static and 6 mobile libraries in 2020."))
    assert [(f.metric, f.value, f.segment) for f in figs] == [("network.service_points", 6, "mobile")]


def test_year_of_english_figure():
    figs = english_figures(matching_text("Loans reached 4.5 million in 2019, up from 4.1 million in 2018."))
    assert [(f.value, f.year) for f in figs][:1] == [(4_500_000, 2019)]
    figs = english_figures(matching_text("In 2017, the library had 230,500 registered borrowers."))
    assert figs[0].year == 2017


@pytest.mark.parametrize(
    "text",
    [
        "The library was founded in 1998 and renovated in 2015.",  # years
        "Call the library on 0571-8765-4321 for more details about the opening hours.",  # phone
        "The exhibition runs from 12 March to 30 April in the hall of the library.",  # dates
        "The library opens at 9 am and closes at 8 pm every day for the readers.",  # times
        "The new building has a floor area of 33 000 square metres and 1 200 seats.",  # sizes
        "The city spent 2.5 million yuan on the renovation of the library.",  # money
        "About 56.1 percent of the registered readers were young people.",  # a share
        "On average 12,000 readers visited the library every day in 2020.",  # a rate per day
        "Since its opening, the library has received 3.2 million visits.",  # since opening
        "The city has a total of 120 public libraries serving every district.",  # libraries counted
    ],
)
def test_english_negatives(text):
    assert _figs(text) == []


def test_chinese_text_is_not_read_as_english():
    assert english_quantities("2023年全年接待读者1,234,567人次,外借图书2 345册。") == []


def test_english_numbers_are_candidates():
    text = "In 2018, the city library received 2.48 million visits, and the total stock was 1 745 320 books."
    res = extract_document(text)
    values = {c.value for c in res.candidates}
    assert {2_480_000, 1_745_320} <= values
    figs = {(f.metric, f.value, f.year) for f in res.figures}
    assert ("visits.in_person", 2_480_000, 2018) in figs
    assert ("collection.total", 1_745_320, 2018) in figs


def test_english_line_of_a_bilingual_page():
    text = (
        "去年,某区书房共接待读者52万人次,借阅图书7.3万册次。\n\n"
        "Last year, the district's study rooms received 520,000 visitors and saw 73,000 books borrowed.\n\n"
        "书房环境优美。"
    )
    figs = {(f.metric, f.value) for f in english_figures(matching_text(text))}
    assert figs == {("visits.in_person", 520_000), ("circulation.loans", 73_000)}


def test_unit_in_brackets_is_no_figure():
    assert _figs("Total Collections of Public Library (1000 volumes) of the city in 2020") == []


def test_sentence_across_a_page_break():
    text = "The number of visits to the online library\n\nsystem stood at 4.6 million in 2020, the report said."
    assert _figs(text) == [("visits.online", 4_600_000, "exact")]


def test_volumes_need_a_holding_word():
    assert _figs("The exhibition in the hall displayed 200 rare items from private owners in 2020.") == []
    assert _figs("The library's collection comprises 1.5 million items in 2020.") == [
        ("collection.total", 1_500_000, "exact")
    ]


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("In 2020, all the city's public libraries received 8.1 million visitors.", "region"),
        ("In 2020, the library network received 8.1 million visitors.", "system"),
        ("In 2020, the central library received 8.1 million visitors.", "library"),
        ("In 2020, the library ran 14 branch libraries.", "system"),
    ],
)
def test_scope_of_english_figures(text, scope):
    assert [f.scope for f in english_figures(matching_text(text))] == [scope]


@pytest.mark.parametrize(
    ("text", "metric", "value"),
    [
        ("In 2020 the library spent 2.5 million yuan on new books.", "spending.collections", 2_500_000),
        ("In 2020 the book purchasing funds of the library were 830,000 yuan.", "spending.collections", 830_000),
        ("In 2020 the total expenditure of the library was 12.4 million yuan.", "spending.total", 12_400_000),
    ],
)
def test_english_spending(text, metric, value):
    assert [(f.metric, f.value) for f in english_figures(matching_text(text))] == [(metric, value)]
