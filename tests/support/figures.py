"""The expected figures of a test case written on one line: `"visits.in_person=583000 collection.total=5_000"`
is `[("visits.in_person", 583000), ("collection.total", 5000)]`, in that order; `""` is no figure."""

from __future__ import annotations


def number(text: str) -> int | float:
    """`583000` or `5_000` is an int, `10489.5` a float."""
    try:
        return int(text)
    except ValueError:
        return float(text)


def pairs(spec: str) -> list[tuple[str, int | float]]:
    """The (metric, value) pairs `spec` lists as space-separated `metric=value` items."""
    out = []
    for item in spec.split():
        metric, sep, value = item.partition("=")
        if not sep or not metric:
            raise ValueError(f"not metric=value: {item!r}")
        out.append((metric, number(value)))
    return out
