"""Ingest: every file of the raw folder -> one `DocumentRecord`, whatever its encoding or format.

    from nianbao.ingest import read_folder, read_document
    records = read_folder(config.raw_dir())

Modules: `scan` (list files), `decode` (bytes -> text, encoding detection),
`formats` (docx/html/pdf/text -> text), `normalise` (NFKC with an offset map),
`reader` (records, duplicates, time limits; parsing runs in `_worker`).
"""

from nianbao.ingest.normalise import NormalisedText, normalise
from nianbao.ingest.reader import read_document, read_folder, shutdown_worker, summarise
from nianbao.ingest.scan import list_files, scan_folder

__all__ = ["read_document", "read_folder", "shutdown_worker", "summarise", "scan_folder",
           "list_files", "normalise", "NormalisedText"]
