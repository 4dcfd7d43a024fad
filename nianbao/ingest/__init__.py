"""Ingest: every file of the raw folder -> one `DocumentRecord`, whatever its encoding or format.

    from nianbao.ingest import read_folder, read_document, read_text
    records = read_folder(config.raw_dir())
    text = read_text(path)      # one file's text, exactly as the pipeline reads it

Modules: `scan` (list files), `decode` (bytes -> text, encoding detection),
`formats` (docx/html/pdf/text -> text), `normalise` (NFKC),
`reader` (records, duplicates, links, time limits; parsing runs in `_worker`).
Nothing outside the raw folder is ever opened (symbolic links are resolved by
`scan` first); names that are not UTF-8 are recorded escaped (`escape_name`).
"""

from nianbao.ingest.normalise import normalise
from nianbao.ingest.reader import read_document, read_entries, read_folder, read_text, shutdown_worker, summarise
from nianbao.ingest.scan import escape_name, list_files, scan_folder, unescape_name

__all__ = [
    "read_document",
    "read_folder",
    "read_text",
    "read_entries",
    "shutdown_worker",
    "summarise",
    "scan_folder",
    "list_files",
    "escape_name",
    "unescape_name",
    "normalise",
]
