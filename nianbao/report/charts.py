"""Static charts of the quality report (matplotlib, Agg backend, SVG files).

Labels are Chinese library names only when a CJK-capable font is installed
(``fc-list :lang=zh``, then confirmed with matplotlib's font manager); otherwise
they are ASCII ``library_key`` codes so nothing renders as tofu boxes. SVG output
is made deterministic (no date metadata, fixed hash salt, text as paths).

Every chart is bounded whatever the size of the corpus: at most `TOP_N` bars per
panel (the largest; the rest summed into one "others" bar, or counted in the
panel's title), so time and memory do not grow with the number of libraries.
"""

from __future__ import annotations

import functools
import hashlib
import re
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

SEVERITY_COLORS = {"error": "#c0392b", "warn": "#e67e22", "info": "#2980b9"}
#: most bars one panel draws (the largest; see `top_categories`, `top_values`)
TOP_N = 25


def _mpl():
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    matplotlib.rcParams.update({"svg.hashsalt": "nianbao", "svg.fonttype": "path", "figure.dpi": 100})
    return matplotlib, plt


def _fc_list_zh() -> list[tuple[str, str]]:
    """(font file, family) pairs of installed fonts covering Chinese, from fontconfig."""
    if not shutil.which("fc-list"):
        return []
    try:
        out = subprocess.run(
            ["fc-list", ":lang=zh", "--format", "%{file}\t%{family}\n"], capture_output=True, text=True, timeout=20
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    pairs = []
    for line in out.splitlines():
        path, _, fam = line.partition("\t")
        if path.strip():
            pairs.append((path.strip(), fam.split(",")[0].strip()))
    return sorted(set(pairs))


@functools.lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """Family name (as matplotlib knows it) of an installed font that can draw
    Chinese, or None. Fonts installed after matplotlib built its font cache are
    registered from their file."""
    pairs = _fc_list_zh()
    if not pairs:
        return None
    _mpl()
    from matplotlib import font_manager

    known = {f.name for f in font_manager.fontManager.ttflist}
    for _, fam in pairs:
        if fam in known:
            return fam
    for path, _ in pairs:
        try:
            font_manager.fontManager.addfont(path)
            return font_manager.FontProperties(fname=path).get_name()
        except Exception:  # unreadable or unsupported font file: try the next
            continue
    return None


def ascii_code(key: str | None) -> str:
    """A stable ASCII code for a key: the key itself when it is a plain ASCII code,
    else its ASCII letters/digits plus a short hash (`如皋` -> `lib-3f2a9c1b`)."""
    key = "" if key is None else str(key)
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", key).strip("_.-")
    if safe and safe == key:
        return safe
    h = hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]
    return f"{safe}-{h}" if safe else f"lib-{h}"


def label_for(library_key: str, library_name: str | None, year: int | None = None) -> str:
    """Chart label of a library(-year): the Chinese name with a CJK font, else an ASCII code."""
    base = library_name if (library_name and cjk_font()) else ascii_code(library_key)
    return f"{base} {year}" if year is not None else base


def _save(fig, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, format="svg", metadata={"Date": None, "Creator": "nianbao"}, bbox_inches="tight")
    import matplotlib.pyplot as plt

    plt.close(fig)
    return path


def _setup_font():
    matplotlib, plt = _mpl()
    fam = cjk_font()
    if fam:
        matplotlib.rcParams["font.sans-serif"] = [fam, "DejaVu Sans"]
        matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["axes.unicode_minus"] = False
    return plt


def _empty(ax, text: str = "no data") -> None:
    ax.text(0.5, 0.5, text, ha="center", va="center", transform=ax.transAxes, color="#666")
    ax.set_xticks([])
    ax.set_yticks([])


def top_categories(
    categories: Sequence[str], counts: dict[str, Sequence[int]], top_n: int = TOP_N
) -> tuple[list[str], dict[str, list[int]]]:
    """The `top_n - 1` categories with the most counts (ties: first given) and one
    "others (k)" category summing the rest, when there are more than `top_n`."""
    n = len(categories)
    if n <= top_n:
        return list(categories), {s: list(v) for s, v in counts.items()}
    totals = [sum(v[i] for v in counts.values()) for i in range(n)]
    keep = sorted(sorted(range(n), key=lambda i: -totals[i])[: top_n - 1])
    rest = sorted(set(range(n)) - set(keep))
    cats = [categories[i] for i in keep] + [f"others ({len(rest)})"]
    return cats, {s: [v[i] for i in keep] + [sum(v[i] for i in rest)] for s, v in counts.items()}


def top_values(
    labels: Sequence[str], values: Sequence[float | None], top_n: int = TOP_N
) -> tuple[list[str], list[float]]:
    """The `top_n` largest stated values with their labels, largest first (ties: first given)."""
    pairs = [(v, i) for i, v in enumerate(values) if v is not None]
    best = sorted(pairs, key=lambda p: (-p[0], p[1]))[:top_n]
    return [labels[i] for _, i in best], [v for v, _ in best]


def stacked_bars(
    path: Path,
    title: str,
    categories: Sequence[str],
    counts: dict[str, Sequence[int]],
    *,
    horizontal: bool = True,
    top_n: int = TOP_N,
) -> Path:
    """Bars per category stacked by severity (`counts`: severity -> one count per category);
    beyond `top_n` categories the smallest are summed into one "others" bar."""
    plt = _setup_font()
    categories, counts = top_categories(categories, counts, top_n)
    n = len(categories)
    fig, ax = plt.subplots(figsize=(7.5, max(2.2, 0.38 * n + 1.2)))
    if not n:
        _empty(ax)
    else:
        left = [0] * n
        pos = list(range(n))[::-1]  # first category on top
        for sev in ("error", "warn", "info"):
            vals = list(counts.get(sev, [0] * n))
            if not any(vals):
                continue
            ax.barh(pos, vals, left=left, color=SEVERITY_COLORS[sev], label=sev, height=0.65)
            left = [a + b for a, b in zip(left, vals)]
        ax.set_yticks(pos)
        ax.set_yticklabels(list(categories))
        ax.set_xlabel("findings")
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
        for p, total in zip(pos, left):
            ax.text(total, p, f" {total}", va="center", fontsize=8)
    ax.set_title(title)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return _save(fig, path)


def headline_grid(
    path: Path, title: str, labels: Sequence[str], columns: dict[str, Sequence[float | None]], *, top_n: int = TOP_N
) -> Path:
    """Small multiples: one horizontal bar chart per headline column with the `top_n`
    library-years of largest value (the panel's title says how many state one)."""
    plt = _setup_font()
    cols = list(columns)
    k = max(1, len(cols))
    ncol = 2 if k > 1 else 1
    nrow = (k + ncol - 1) // ncol
    panels = {name: top_values(labels, columns[name], top_n) for name in cols}
    n = max((len(v[0]) for v in panels.values()), default=0)
    fig, axes = plt.subplots(nrow, ncol, figsize=(11, max(2.4, nrow * (0.3 * n + 1.3))), squeeze=False)
    for i, ax in enumerate(axes.flat):
        if i >= len(cols):
            ax.axis("off")
            continue
        name = cols[i]
        shown, vals = panels[name]
        stated = sum(1 for v in columns[name] if v is not None)
        if not shown or not any(vals):
            _empty(ax)
        else:
            pos = list(range(len(shown)))[::-1]  # largest on top
            ax.barh(pos, vals, color="#34495e", height=0.6)
            ax.set_yticks(pos)
            ax.set_yticklabels(shown, fontsize=8)
            for p, raw in zip(pos, vals):
                ax.text(raw, p, f" {_fmt(raw)}", va="center", fontsize=7)
            ax.ticklabel_format(axis="x", style="plain", useOffset=False)
            ax.tick_params(axis="x", labelsize=7)
        more = f" (top {len(shown)} of {stated})" if stated > len(shown) else ""
        ax.set_title(name + more, fontsize=10)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    fig.suptitle(title)
    fig.tight_layout()
    return _save(fig, path)


def _fmt(v: float | None) -> str:
    if v is None:
        return "n/a"
    if float(v).is_integer():
        return f"{int(v):,}"
    return f"{v:,.2f}"
