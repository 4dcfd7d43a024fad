"""GX Data Docs that render offline: the CDN styles and scripts shipped with the site.

GX 1.x pages load Bootstrap, jQuery, bootstrap-table, Font Awesome… from CDNs and
the GX logo from S3; offline they are unstyled and their tables do not work.
`make_offline(site)` copies the files of ``expectations/data_docs_assets/`` into
``<site>/static/vendor/`` and rewrites every page to load them by relative path
(``assets.csv`` maps each CDN address to its file; an empty file drops the tag).
"""

from __future__ import annotations

import csv
import os
import re
import shutil
from pathlib import Path

from nianbao import config

ASSETS_DIR = config.EXPECTATIONS_DIR / "data_docs_assets"
VENDOR = Path("static") / "vendor"
GX_LOGO = re.compile(r"https://great-expectations-web-assets\.s3[^\"')\s]*")
LOCAL_LOGO = Path("static") / "images" / "logo-long.png"  # shipped by GX in every site
GX_FAVICON_FILE = Path("static") / "images" / "favicon.ico"
GX_FAVICON = re.compile(r'href="(?:\.{1,2}/)*static/images/favicon\.ico"')
# a resource the browser fetches by itself: <script src>, <link href>, <img src>, css url()
_EXTERNAL_LOAD = re.compile(
    r"<(?:script|link|img)\b[^>]*?\b(?:src|href)\s*=\s*[\"'](https?://[^\"']+)|url\(\s*[\"']?(https?://[^\"')]+)",
    re.IGNORECASE,
)


def asset_map() -> dict[str, str]:
    """CDN address -> file under ASSETS_DIR ('' drops the tag)."""
    with open(ASSETS_DIR / "assets.csv", encoding="utf-8", newline="") as f:
        return {row["url"]: row["file"] for row in csv.DictReader(f)}


def external_loads(html: str) -> list[str]:
    """The addresses a page would fetch from the network when opened."""
    return [a or b for a, b in _EXTERNAL_LOAD.findall(html)]


def _rewrite(html: str, page_dir: Path, site: Path, assets: dict[str, str]) -> str:
    def rel(target: Path) -> str:
        return Path(os.path.relpath(site / target, page_dir)).as_posix()

    for url, file in assets.items():
        if file:
            html = html.replace(f'"{url}"', f'"{rel(VENDOR / file)}"')
        else:
            quoted = re.escape(url)
            html = re.sub(rf'<link\b[^>]*\bhref="{quoted}"[^>]*>\s*', "", html)
            html = re.sub(rf'<script\b[^>]*\bsrc="{quoted}"[^>]*>\s*</script>\s*', "", html)
    html = GX_LOGO.sub(rel(LOCAL_LOGO), html)
    # GX counts one folder too few on validation-result pages
    return GX_FAVICON.sub(f'href="{rel(GX_FAVICON_FILE)}"', html)


def make_offline(site: Path) -> int:
    """Ship the assets into `site` and rewrite its pages; returns the number of pages."""
    site = Path(site)
    assets = asset_map()
    for file in sorted(set(filter(None, assets.values()))) + [
        str(p.relative_to(ASSETS_DIR)) for p in (ASSETS_DIR / "webfonts").iterdir()
    ]:
        dest = site / VENDOR / file
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ASSETS_DIR / file, dest)
    pages = sorted(site.rglob("*.html"))
    for page in pages:
        text = page.read_text(encoding="utf-8")
        new = _rewrite(text, page.parent, site, assets)
        if new != text:
            page.write_text(new, encoding="utf-8")
    return len(pages)
