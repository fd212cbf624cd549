"""Readers: one module per format, each turning a file into a Document."""

from __future__ import annotations

from pathlib import Path

from pipeline.document import Document, ReadError

MAX_FILE_BYTES = 200 * 1024 * 1024  # a 300-page scanned report is well under this
SUPPORTED = {".txt": "txt", ".pdf": "pdf", ".docx": "docx"}


class UnsupportedFormat(ReadError):
    """A file whose extension no reader handles; ingest skips it with a warning."""


def read(path: Path) -> Document:
    """Read any supported report; raises ReadError with a message naming the file."""
    fmt = SUPPORTED.get(path.suffix.lower())
    if fmt is None:
        raise UnsupportedFormat(f"{path.name}: unsupported file type {path.suffix or '(none)'}; "
                                f"supported: {', '.join(SUPPORTED)}")
    size = path.stat().st_size
    if size == 0:
        raise ReadError(f"{path.name}: the file is empty")
    if size > MAX_FILE_BYTES:
        raise ReadError(f"{path.name}: {size / 2**20:.0f} MiB is over the {MAX_FILE_BYTES // 2**20} MiB limit")
    if fmt == "txt":
        from pipeline.readers import txt as module
    elif fmt == "pdf":
        from pipeline.readers import pdf as module  # type: ignore[no-redef]
    else:
        from pipeline.readers import docx as module  # type: ignore[no-redef]
    return module.read(path)
