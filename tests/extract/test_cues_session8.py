"""Cue words and blockers from the misses of batch 15's first read (issue 8), each on invented
sentences: capacity is not holdings, holdings parts and additions named by words outside the
lexicon, acquisition money by kind, and persons counted with 位. Each case lists figures the text
must give and (metric, value) pairs it must not (checked as session 4's cases are)."""

from __future__ import annotations

import pytest

from tests.extract.test_generalising_session4 import test_generalising_case as check_case

CASES = [
    # 1. capacity is not holdings (simplified and traditional)
    (
        "某县图书馆简介\n建筑面积6000平方米,设计总藏书量80万册,阅览座位400个。现有藏书30万册。其他从略。\n",
        "collection.total=300000",
        "collection.total=800000",
    ),
    (
        "某縣圖書館簡介\n建築面積6000平米,設計總藏書量100萬冊。書庫可容300萬冊藏書。現有藏書30萬冊。其他從略。\n",
        "collection.total=300000",
        "collection.total=1000000 collection.total=3000000",
    ),
    # 2. holdings parts and sizes
    (
        "某市图书馆概况\n截止2003年,馆藏总量44.5万册,其中6万册报刊合订本。持证读者1万个。其他从略。\n",
        "collection.total=445000 collection.total=60000",
        "",
    ),
    (
        "某市图书馆概况\n2020年,该馆馆藏总量30万册;中文报纸期刊约3.2万件,年征订报刊800余种。其他从略。\n",
        "collection.total=300000 collection.total=32000",
        "",
    ),
    ("某市图书馆\n馆藏\n规模170万余册(2018年8月馆藏总量)\n其他从略。\n", "collection.total=1700000", ""),
    (
        "某市图书馆2020年工作总结\n2020年分编入藏文献7.16万册,馆文献藏总量67.51万册件。其他从略。\n",
        "collection.added=71600 collection.total=675100",
        "",
    ),
    # additions: books another library handed over or gave
    (
        "某县图书馆\n馆藏总量23019册。接受国家图书馆下架图书2548册,省馆捐赠图书609册。其他从略。\n",
        "collection.total=23019 collection.added=2548 collection.added=609",
        "",
    ),
    # (a gift merely received from the public stays out)
    (
        "某县图书馆\n馆藏总量23019册。活动现场接受捐书769册。其他从略。\n",
        "collection.total=23019",
        "collection.added=769",
    ),
    # new cards, service points, branches, visits
    (
        "某区图书馆\n今年以来,该馆图书流通量达19万余册,办理读书证18000余张。其他从略。\n",
        "circulation.loans=190000 users.new_registrations=18000",
        "",
    ),
    (
        "某省图书馆\n截至2010年底,省图书馆在全省的山区、学校等开设41处外借点。其他从略。\n",
        "network.service_points=41",
        "",
    ),
    (
        "某市图书馆2025\n2025年,全市有17个城区分馆、7个县(市、区)分馆。其他从略。\n",
        "network.branches=17 network.branches=7",
        "",
    ),
    (
        "某市图书馆新馆周末迎来三万多读者\n记者在市图书馆采访时得知,周末人很多。其他从略。\n",
        "visits.in_person=30000",
        "",
    ),
    # 3. acquisition money by kind
    (
        "某市图书馆2020年概况\n2020年文献采购经费131万元(纸质图书79万元、地方文献10万元、视听资料2万元、电子图书18万元)。"
        "报刊经费16万元。其他从略。\n",
        "spending.collections=1310000 spending.collections=790000 spending.collections=100000 "
        "spending.collections=20000 spending.collections=180000 spending.collections=160000",
        "",
    ),
    # 4. persons counted with 位
    ("某市图书馆\n今年以来,已有60354 位市民办理了读者证。其他从略。\n", "users.new_registrations=60354", ""),
    # one reader's own loans (他/她) are not the library's
    (
        "某市图书馆\n2020年该馆外借图书5万册。自从他办理读书证以来,已经从图书馆借阅了近300册图书。其他从略。\n",
        "circulation.loans=50000",
        "circulation.loans=300",
    ),
]


@pytest.mark.parametrize("text, present, absent", CASES)
def test_session8_case(text, present, absent):
    check_case(text, present, absent, [])
