"""The rules name no library, place or file: every string literal of the extractor's code
(`nianbao/extract/**`, lexicon included; docstrings and comments excluded) is searched
for the library names and file names of the gold sets (../shared/realdev, ../shared/seeds,
tests/extract/realdata/batch*/, read at test time) and for the gazetteer's prefecture and
county names longer than two characters."""

from __future__ import annotations

import ast
import re
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

from nianbao import config
from nianbao.extract.normalize import for_matching
from nianbao.gazetteer import load_regions
from tests.paths import SHARED

EXTRACT = config.PROJECT_ROOT / "nianbao" / "extract"
GOLD_FILES = [
    SHARED / "realdev" / "gold.csv",
    SHARED / "seeds" / "gold.csv",
    *sorted((config.PROJECT_ROOT / "tests" / "extract" / "realdata").rglob("gold.csv")),
]
# generic words a gold `library` value may be made of (全省公共图书馆 …): not names
GENERIC = re.compile(r"^(?:全[省市区县州盟国])?(?:公共)?图书馆$")


def _docstring_nodes(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if (
                isinstance(first, ast.Expr)
                and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)
            ):
                out.add(id(first.value))
    return out


def rule_strings(root: Path = EXTRACT) -> list[tuple[str, int, str]]:
    """(file, line, text) of every string literal in the code under `root`, docstrings excluded;
    comments are not in the AST. Data files of the lexicon count whole."""
    out = []
    for path in sorted(root.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        rel = path.relative_to(root.parent).as_posix()
        if path.suffix == ".py":
            tree = ast.parse(path.read_text(encoding="utf-8"))
            skip = _docstring_nodes(tree)
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
                    out.append((rel, node.lineno, node.value))
        elif path.suffix in (".csv", ".json", ".txt", ".yml", ".yaml", ".tsv"):
            for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                out.append((rel, i, line))
    return out


def _simplified(s: str) -> str:
    return for_matching(unicodedata.normalize("NFKC", s))


def gold_names() -> tuple[set[str], set[str]]:
    """Library names and file stems of every gold file present."""
    libraries, files = set(), set()
    for g in GOLD_FILES:
        if not g.exists():
            continue
        gold = pd.read_csv(g, dtype=str)
        for name in gold.get("library", pd.Series(dtype=str)).dropna():
            name = name.strip()
            if len(name) > 2 and not GENERIC.match(name):
                libraries.add(name)
                libraries.add(_simplified(name))
        for f in gold["file"].dropna():
            stem = Path(f).stem
            files.add(stem)
            files.update(p for p in re.split(r"[_\-]", stem) if len(p) >= 4)  # 000_c7ba… → its hash too
    return libraries, files


def place_names() -> set[str]:
    return {r.region_name for r in load_regions() if r.level in ("prefecture", "county") and len(r.region_name) > 2}


@pytest.fixture(scope="module")
def strings():
    found = rule_strings()
    assert len(found) > 100, "the extractor's code was not found"
    return found


def _hits(strings, names: set[str], boundary: bool = False) -> list[str]:
    if not names:
        return []
    alts = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))
    rx = re.compile(rf"(?<![A-Za-z0-9_])(?:{alts})(?![A-Za-z0-9_])" if boundary else alts)
    out = []
    for rel, line, text in strings:
        for m in rx.finditer(text):
            out.append(f"{rel}:{line}: {m.group(0)!r} in {text[:80]!r}")
    return out


def test_gold_sets_are_there():
    assert any(g.exists() for g in GOLD_FILES), f"no gold file among {GOLD_FILES}"


def test_no_library_names_in_rules(strings):
    libraries, _ = gold_names()
    assert libraries
    hits = _hits(strings, libraries)
    assert not hits, "library names in rule code:\n" + "\n".join(hits[:30])


def test_no_file_names_in_rules(strings):
    _, files = gold_names()
    assert files
    hits = _hits(strings, files, boundary=True)
    hits += [
        h
        for h in _hits(strings, {"h0"}, boundary=False)
        if re.search(r"(?<![A-Za-z0-9_])h0\d\d(?!\d)", h.split(": ", 1)[1])
    ]
    assert not hits, "file names in rule code:\n" + "\n".join(hits[:30])


def test_no_place_names_in_rules(strings):
    places = place_names()
    assert len(places) > 1000, "gazetteer not loaded"
    hits = _hits(strings, places)
    assert not hits, "place names in rule code:\n" + "\n".join(hits[:50])


def test_the_search_finds_a_planted_name(tmp_path):
    """The test can fail: a name planted in a rule string is reported, one in a comment or docstring is not."""
    libraries, files = gold_names()
    place = sorted(place_names())[0]
    lib = sorted(libraries)[0]
    planted = tmp_path / "extract"
    planted.mkdir()
    (planted / "rules.py").write_text(
        f'"""Docstring naming {lib} is fine."""\n# a comment naming {place} is fine\n'
        f'RULE = r"(?:{place})"\nOTHER = "{lib}"\nFILE = "{sorted(files)[0]}.txt"\n',
        encoding="utf-8",
    )
    found = rule_strings(planted)
    assert [t for _, _, t in found] == [f"(?:{place})", lib, f"{sorted(files)[0]}.txt"]
    assert len(_hits(found, {place})) == 1
    assert len(_hits(found, libraries)) >= 1
    assert len(_hits(found, files, boundary=True)) == 1
