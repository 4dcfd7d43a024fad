"""Unicode NFKC normalisation of a document's text: ingest's last step.

Annual reports mix full-width digits and punctuation (２０２０年，１２．５万) with
half-width ones (and ㎡, ½, ⑩, composed and decomposed accents). Extraction works
on NFKC text, and every span it reports (`char_start`, `char_end`) points into
that text, the one stored in `raw.documents.text`:

    normalise("全年接待读者２１．２万人次")   # '全年接待读者21.2万人次'
"""

from __future__ import annotations

import unicodedata

__all__ = ["normalise"]


def normalise(text: str) -> str:
    """`text` in Unicode NFKC (returned as it is when it already is)."""
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)
