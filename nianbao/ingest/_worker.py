"""What the ingest sandbox child runs: `process(data, source_file)` parses one document's bytes.

`reader` calls it through `nianbao.sandbox.run_in_child` (time limit, memory cap, killed on
overrun), never in its own process; `PRELOAD` are the parsers the child imports before its first
document.
"""

from __future__ import annotations

PRELOAD = (
    "nianbao.ingest.formats",
    "nianbao.ingest.normalise",
    "bs4",
    "lxml.etree",
    "charset_normalizer",
    "docx",
    "pdfplumber",
)


def process(data: bytes, source_file: str) -> dict:
    """Extract and normalise one document; never raises."""
    from nianbao.ingest.formats import extract_text
    from nianbao.ingest.normalise import normalise

    try:
        ex = extract_text(data, source_file)
    except MemoryError:
        return {
            "reason": "too_large",
            "detail": "out of memory while parsing",
            "format": None,
            "encoding": None,
            "text": None,
        }
    except RecursionError as e:
        return {
            "reason": "undecodable",
            "detail": f"structure nested too deeply: {e}"[:300],
            "format": None,
            "encoding": None,
            "text": None,
        }
    except Exception as e:
        return {
            "reason": "undecodable",
            "detail": f"parser failed: {type(e).__name__}: {e}"[:300],
            "format": None,
            "encoding": None,
            "text": None,
        }
    text = ex.text
    if ex.reason is None and text is not None:
        text = normalise(text)
        if not text.strip():
            return {
                "reason": "empty",
                "detail": "only whitespace after normalisation",
                "format": ex.format,
                "encoding": ex.encoding,
                "text": None,
            }
    return {
        "reason": ex.reason,
        "detail": ex.detail,
        "format": ex.format,
        "encoding": ex.encoding,
        "text": text if ex.reason is None else None,
    }
