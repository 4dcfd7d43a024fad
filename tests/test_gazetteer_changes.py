"""The gazetteer is current: regions set up after cpca's code list (nianbao/gazetteer_changes.csv)
are in it, abolished ones are not, and re-districted names resolve to today's codes."""

from __future__ import annotations

import pytest

from nianbao.gazetteer import admin_changes, load_regions, resolve_library


@pytest.fixture(scope="module")
def regions():
    return {r.region_code: r for r in load_regions()}


@pytest.mark.parametrize(
    ("library", "code", "prefecture"),
    [
        ("临安区图书馆", "330112", "杭州市"),  # cpca: 临安市 330185, abolished 2017
        ("杭州市临安区图书馆", "330112", "杭州市"),
        ("临安市图书馆", "330112", "杭州市"),  # the old name: today's code
        ("长乐区图书馆", "350112", "福州市"),
        ("福州市长乐区图书馆", "350112", "福州市"),
        ("深圳市龙华区图书馆", "440309", "深圳市"),
        ("深圳龙华区图书馆", "440309", "深圳市"),
        ("广信区图书馆", "361104", "上饶市"),
        ("上饶县图书馆", "361104", "上饶市"),
    ],
)
def test_redistricted_names_resolve_to_current_codes(regions, library, code, prefecture):
    assert resolve_library(library) == code
    region = regions[code]
    assert region.level == "county" and region.prefecture_name == prefecture


def test_a_name_two_regions_bear_needs_its_prefecture():
    assert resolve_library("海口市龙华区图书馆") == "460106"  # the other 龙华区, in cpca's list
    assert resolve_library("龙华区图书馆") == "460106"  # alone: cpca's reading, not the newer one


def test_abolished_codes_are_gone_and_unchanged_places_stay(regions):
    for change in admin_changes():
        assert change["code"] in regions, change
        if change["replaces"]:
            assert change["replaces"] not in regions, change
    assert resolve_library("如皋市图书馆") == "320682"
    assert resolve_library("江苏省各级公共图书馆") == "320000"


def test_every_change_is_dated_sourced_and_placed_under_its_parent(regions):
    changes = admin_changes()
    assert len({c["code"] for c in changes}) == len(changes)
    for change in changes:
        assert change["code"][:4] + "00" == change["parent_code"], change
        assert regions[change["parent_code"]].level == "prefecture"
        assert 2016 <= int(change["effective_year"]) and change["source"].strip()
