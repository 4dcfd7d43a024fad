"""Test cases kept as data: a YAML list of mappings beside the test module, each with an `id` (what the
case shows) and the same fields; `load_cases` turns it into `pytest.param`s for `pytest.mark.parametrize`."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml


def load_cases(path: Path, *fields: str) -> list:
    """One `pytest.param(*fields, id=id)` per entry of the YAML list at `path`; an entry with a missing
    or unknown field, or an id used twice, fails the collection with its id."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    params, seen = [], set()
    for entry in entries:
        keys = set(entry) - {"id"}
        if "id" not in entry or keys != set(fields) or entry["id"] in seen:
            raise ValueError(f"{path.name}: case {entry.get('id')!r} needs exactly id and {fields}, once")
        seen.add(entry["id"])
        params.append(pytest.param(*(entry[f] for f in fields), id=entry["id"]))
    return params
