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


def _failed(reason: str, detail: str, fmt: str | None = None, encoding: str | None = None) -> dict:
    """The result for a document that gives no text."""
    return {"reason": reason, "detail": detail, "format": fmt, "encoding": encoding, "text": None}


def process(data: bytes, source_file: str) -> dict:
    """Extract and normalise one document; never raises."""
    from nianbao.ingest.formats import extract_text
    from nianbao.ingest.normalise import normalise

    try:
        ex = extract_text(data, source_file)
    except MemoryError:
        return _failed("too_large", "out of memory while parsing")
    except RecursionError as e:
        return _failed("undecodable", f"structure nested too deeply: {e}"[:300])
    except Exception as e:
        return _failed("undecodable", f"parser failed: {type(e).__name__}: {e}"[:300])
    text = ex.text
    if ex.reason is None and text is not None:
        text = normalise(text)
        if not text.strip():
            return _failed("empty", "only whitespace after normalisation", ex.format, ex.encoding)
    return {
        "reason": ex.reason,
        "detail": ex.detail,
        "format": ex.format,
        "encoding": ex.encoding,
        "text": text if ex.reason is None else None,
    }
