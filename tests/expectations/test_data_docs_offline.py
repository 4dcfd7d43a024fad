"""GX Data Docs render offline: no page loads a style, script or image from the
network, and every local file a page loads exists in the site."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from nianbao import config
from nianbao.expectations import validate_marts
from nianbao.gx_offline import ASSETS_DIR, asset_map, external_loads
from tests.report.invented_marts import frames, write_db

_LOCAL_LOAD = re.compile(r"<(?:script|link|img)\b[^>]*?\b(?:src|href)\s*=\s*\"([^\"#?]+)", re.IGNORECASE)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("gx_offline")
    root = tmp / "expectations"
    shutil.copytree(config.EXPECTATIONS_DIR / "gx", root / "gx", ignore=shutil.ignore_patterns("uncommitted"))
    db = write_db(tmp / "nianbao.duckdb", frames())
    docs = tmp / "data_docs"
    validate_marts(db, docs, project_root=root)
    return docs


def test_no_page_loads_anything_from_the_network(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 5  # index, suites, validation results
    leftovers = {p.relative_to(site).as_posix(): external_loads(p.read_text(encoding="utf-8")) for p in pages}
    assert not any(leftovers.values()), {k: v for k, v in leftovers.items() if v}


def test_every_local_asset_a_page_loads_is_in_the_site(site):
    loaded = 0
    for page in site.rglob("*.html"):
        for ref in _LOCAL_LOAD.findall(page.read_text(encoding="utf-8")):
            if ref.startswith(("http:", "https:", "data:", "mailto:")) or not ref.strip():
                continue
            if ref.endswith(".html"):
                continue  # links between pages
            target = (page.parent / ref).resolve()
            assert target.is_file() and site.resolve() in target.parents, (page.name, ref)
            loaded += 1
    assert loaded > 0
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "static/vendor/js/jquery.min.js" in index and "static/vendor/css/bootstrap.min.css" in index


def test_the_font_awesome_fonts_are_where_its_css_looks(site):
    css = (site / "static" / "vendor" / "css" / "fontawesome-all.min.css").read_text(encoding="utf-8")
    woff2 = set(re.findall(r"url\(\.\./webfonts/([\w-]+\.woff2)\)", css))
    shipped = {p.name for p in (site / "static" / "vendor" / "webfonts").iterdir()}
    assert {"fa-solid-900.woff2", "fa-regular-400.woff2"} <= shipped <= woff2


def test_the_asset_map_names_shipped_files_only():
    for url, file in asset_map().items():
        assert url.startswith("https://")
        assert not file or (ASSETS_DIR / file).is_file(), file
