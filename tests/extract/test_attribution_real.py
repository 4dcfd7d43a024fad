"""Attribution on invented snippets worded like real reports: canonical library
names, region aggregates, branches, years against the document's date, scope,
period and confidence."""

from __future__ import annotations

import pytest

from nianbao.extract.attribute import canonical_library, is_aggregate, library_key


@pytest.mark.parametrize("mention, canonical", [
    ("如皋图书馆", "如皋市图书馆"),
    ("如皋市图书馆", "如皋市图书馆"),
    ("读书节启动仪式在湖南省图书馆", "湖南省图书馆"),
    ("湖南图书馆", "湖南省图书馆"),
    ("杭州市西湖区图书馆", "西湖区图书馆"),
    ("浙江省少年儿童图书馆", "浙江省少儿图书馆"),
    ("溫州市圖書館", "温州市图书馆"),
    ("嘉兴图(tú)书(shū)馆(guǎn)", "嘉兴市图书馆"),
    ("国家图书馆", "国家图书馆"),
    ("XX县图书馆", "XX县图书馆"),
])
def test_library_mentions_resolve_to_one_name(mention, canonical):
    assert canonical_library(mention) == canonical


def test_variants_share_a_key():
    assert library_key("宁波图书馆") == library_key("宁波市图书馆")
    assert library_key("宁波市图书馆") != library_key("宁波市少儿图书馆")


def test_aggregates_name_their_region():
    assert canonical_library("浙江全省公共图书馆") == "浙江省全省公共图书馆"
    assert canonical_library("浙江省各级公共图书馆") == "浙江省全省公共图书馆"
    assert canonical_library("全国公共图书馆") == "全国公共图书馆"
    # no place in the words: the report's own place, climbed to the level the word names
    assert canonical_library("全省公共图书馆", "温州市图书馆") == "浙江省全省公共图书馆"
    assert canonical_library("全市公共图书馆", "鹿城区图书馆") == "温州市全市公共图书馆"
    assert canonical_library("全市公共图书馆", "义乌市图书馆") == "义乌市全市公共图书馆"
    assert canonical_library("浙江省县级以上公共图书馆") == "浙江省县级以上公共图书馆"
    assert is_aggregate("浙江省全省公共图书馆") and not is_aggregate("浙江省图书馆")


def test_branch_keeps_its_main_library():
    assert canonical_library("鄞州区图书馆东湖分馆") == "鄞州区图书馆东湖分馆"
    assert canonical_library("宁波鄞州区图书馆东湖分馆") == "鄞州区图书馆东湖分馆"
