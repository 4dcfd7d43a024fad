"""The administrative gazetteer (province → prefecture → county) and library → region.

Built on `cpca`, which ships China's administrative codes (adcodes) and a
matcher for place names. We use it in two ways: the code list becomes
`raw.regions` (dim_region), and `resolve_library` maps a library's name
("如皋市图书馆", "江苏省各级公共图书馆") to the code of the place it serves.
"""

from __future__ import annotations

import functools
import re
import warnings
from pathlib import Path

from nianbao.schema import RegionRecord

# Words that name the institution rather than the place; stripped before matching.
_INSTITUTION = re.compile(r"(少年儿童|少儿|公共|各级|全体)?(图书馆|图书室|书馆|分馆|服务中心|文化馆)(.*)$")
_PLACEHOLDER_NAMES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


@functools.lru_cache(maxsize=1)
def _cpca():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import cpca  # noqa: PLC0415  (slow import: builds its matcher)
    return cpca


def _adcodes_csv() -> Path:
    return Path(_cpca().__file__).parent / "resources" / "adcodes.csv"


@functools.lru_cache(maxsize=1)
def load_regions() -> tuple[RegionRecord, ...]:
    """Every province, prefecture and county in cpca's code list."""
    import csv

    names: dict[str, str] = {}
    with _adcodes_csv().open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code = row["adcode"][:6]
            if row["adcode"][6:].strip("0") == "" and code not in names:
                names[code] = row["name"]
    for change in admin_changes():  # cpca's list is from about 2016: today's codes
        names.pop(change["replaces"], None)
        names[change["code"]] = change["name"]
    records = []
    for code, name in sorted(names.items()):
        if name in _PLACEHOLDER_NAMES:
            continue
        prov = code[:2] + "0000"
        pref = code[:4] + "00"
        if code == prov:
            level, pref_code = "province", None
        elif code == pref:
            level, pref_code = "prefecture", None
        else:
            level = "county"
            pref_code = pref if pref in names and names[pref] not in _PLACEHOLDER_NAMES else None
        if level == "prefecture":
            pref_code = code
        records.append(
            RegionRecord(
                region_code=code,
                region_name=name,
                level=level,
                province_code=prov,
                province_name=names.get(prov, ""),
                prefecture_code=pref_code,
                prefecture_name=names.get(pref_code) if pref_code else None,
            )
        )
    return tuple(records)


CHANGES_CSV = Path(__file__).with_name("gazetteer_changes.csv")


@functools.lru_cache(maxsize=1)
def admin_changes() -> tuple[dict[str, str], ...]:
    """Regions set up since cpca's code list (CHANGES_CSV: code, name, parent_code,
    replaces (the abolished code, or empty), effective_year, source)."""
    import csv

    with CHANGES_CSV.open(encoding="utf-8", newline="") as fh:
        return tuple(csv.DictReader(fh))


def _changed_region(place: str) -> str | None:
    """The code of a region of CHANGES_CSV that `place` ends with: its name alone when
    no other region bears it, else only after its prefecture's name ('深圳市龙华区')."""
    regions = load_regions()
    for change in admin_changes():
        if not place.endswith(change["name"]):
            continue
        before = place[: -len(change["name"])]
        parent = next((r.region_name for r in regions if r.region_code == change["parent_code"]), "")
        unique = sum(r.region_name == change["name"] for r in regions) == 1
        if unique or (parent and parent.rstrip("市") in before):
            return change["code"]
    return None


def place_part(library_name: str) -> str:
    """The place words of a library name: '如皋市图书馆' → '如皋市'."""
    return _INSTITUTION.sub("", library_name).strip()


@functools.lru_cache(maxsize=4096)
def resolve_library(library_name: str | None) -> str | None:
    """The 6-digit code of the most specific region a library name names, or None."""
    if not library_name:
        return None
    place = place_part(library_name)
    if not place:
        return None
    if changed := _changed_region(place):
        return changed
    df = _cpca().transform([place])
    code = df.loc[0, "adcode"]
    if not code or str(code) == "nan":
        return None
    code = str(code)[:6]
    code = {c["replaces"]: c["code"] for c in admin_changes() if c["replaces"]}.get(code, code)  # abolished
    known = {r.region_code for r in load_regions()}
    return code if code in known else None
