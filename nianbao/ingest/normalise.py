"""Unicode NFKC normalisation that remembers where every character came from.

Annual reports mix full-width digits and punctuation (２０２０年，１２．５万) with
half-width ones. Extraction works on NFKC text, but evidence spans must be
traceable to the text as decoded, so `normalise` returns the normalised text
together with an offset map:

    nt = normalise("全年接待读者２１．２万人次")
    nt.text                 # '全年接待读者21.2万人次'
    nt.to_original(6)       # index in the original string of nt.text[6]
    nt.original_span(6, 10) # (start, end) in the original for nt.text[6:10]

Normalisation is done per *cluster* (a character followed by its combining
marks), so the result equals `unicodedata.normalize('NFKC', text)` for every
realistic Chinese text (it can differ only for conjoining Hangul jamo written
as separate letters). Text that is already NFKC takes a fast path with an
identity map. The map is stored as pieces, not one integer per character:
a run where every original cluster became exactly one character maps 1:1;
an expansion or contraction (㎡ -> m2, e + U+0301 -> é) is one piece whose
characters all map to the start of their original cluster.
"""

from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass, field

__all__ = ["NormalisedText", "normalise"]


@dataclass
class NormalisedText:
    """Normalised text plus the map back to the original string.

    `pieces` is a list of (norm_start, orig_start, norm_len, orig_len); a piece
    with norm_len == orig_len maps character for character, any other piece
    maps all its characters to orig_start. Empty list = identity.
    """

    text: str
    original: str
    pieces: list[tuple[int, int, int, int]] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._starts = [p[0] for p in self.pieces]

    def _piece(self, i: int) -> tuple[int, int, int, int] | None:
        if not self.pieces:
            return None
        k = bisect.bisect_right(self._starts, i) - 1
        return self.pieces[k] if k >= 0 else None

    def to_original(self, i: int) -> int:
        """Index in `original` of the character at normalised index `i`
        (`i == len(text)` maps to `len(original)`)."""
        if i < 0 or i > len(self.text):
            raise IndexError(f"normalised index {i} out of range 0..{len(self.text)}")
        if i == len(self.text):
            return len(self.original)
        p = self._piece(i)
        if p is None:
            return i
        ns, os_, nl, ol = p
        return os_ + (i - ns) if nl == ol else os_

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of `original` that produced `text[start:end]` (whole clusters)."""
        if start >= end:
            o = self.to_original(start)
            return o, o
        o_start = self.to_original(start)
        last = end - 1
        p = self._piece(last)
        if p is None:
            return o_start, last + 1
        ns, os_, nl, ol = p
        o_end = os_ + (last - ns) + 1 if nl == ol else os_ + ol
        return o_start, o_end

    def __len__(self) -> int:
        return len(self.text)

    def __str__(self) -> str:
        return self.text


def _clusters(text: str):
    """Yield (start, end) of clusters: a character plus following combining marks."""
    n = len(text)
    i = 0
    combining = unicodedata.combining
    while i < n:
        j = i + 1
        while j < n and combining(text[j]):
            j += 1
        yield i, j
        i = j


def normalise(text: str) -> NormalisedText:
    """NFKC-normalise `text`, keeping a map from normalised to original offsets."""
    if unicodedata.is_normalized("NFKC", text):
        return NormalisedText(text, text, [])
    out: list[str] = []
    pieces: list[tuple[int, int, int, int]] = []
    norm_pos = 0
    run_ns = run_os = None  # current 1:1 run start
    run_len = 0
    nfkc = unicodedata.normalize
    # Process line by line so the common case (a line already in NFKC) is one
    # C call, not a Python loop over its characters.
    pos = 0
    for line in text.splitlines(keepends=True):
        if unicodedata.is_normalized("NFKC", line):
            if run_ns is None:
                run_ns, run_os, run_len = norm_pos, pos, 0
            out.append(line)
            run_len += len(line)
            norm_pos += len(line)
        else:
            for a, b in _clusters(line):
                src = line[a:b]
                n = nfkc("NFKC", src) if (b - a > 1 or not src.isascii()) else src
                if len(n) == 1 and b - a == 1:
                    if run_ns is None:
                        run_ns, run_os, run_len = norm_pos, pos + a, 0
                    run_len += 1
                else:
                    if run_ns is not None and run_len:
                        pieces.append((run_ns, run_os, run_len, run_len))
                    run_ns = None
                    if n:
                        pieces.append((norm_pos, pos + a, len(n), b - a))
                out.append(n)
                norm_pos += len(n)
        pos += len(line)
    if run_ns is not None and run_len:
        pieces.append((run_ns, run_os, run_len, run_len))
    return NormalisedText("".join(out), text, pieces)
