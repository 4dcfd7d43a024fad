"""Text for matching: traditional → simplified characters, length preserved.

Rules are written in simplified characters. `for_matching(text)` returns a
string of exactly the same length as `text` (converted character by character
when a phrase conversion would change the length), so every offset found in
it is also an offset into the original text.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

try:
    from opencc import OpenCC
    _CC = OpenCC("t2s")
except Exception:  # pragma: no cover - opencc is a declared dependency
    _CC = None


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


@lru_cache(maxsize=4096)
def _char(c: str) -> str:
    out = _CC.convert(c)
    return out if len(out) == 1 else c


def for_matching(text: str) -> str:
    if _CC is None or not text:
        return text
    # cheap check: no character changes → return as is
    conv = _CC.convert(text)
    if conv == text:
        return text
    if len(conv) == len(text):
        return conv
    return "".join(_char(c) for c in text)
