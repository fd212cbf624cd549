"""Readers: one module per format, each turning a file into a Document."""

from __future__ import annotations

import os
from pathlib import Path

from pipeline.document import Document, ReadError

# A 300-page scanned report is well under 200 MiB; ARCHIVE_MAX_FILE_MB changes the limit.
DEFAULT_MAX_FILE_MB = 200


def max_file_mb() -> float:
    return float(os.environ.get("ARCHIVE_MAX_FILE_MB", DEFAULT_MAX_FILE_MB))


def too_large(path: Path) -> str | None:
    """The one-line refusal for a file over the size limit, or None when it is within it."""
    size = path.stat().st_size
    if size <= max_file_mb() * 2**20:
        return None
    shown = f"{size / 2**20:.1f} MiB" if size >= 2**20 else f"{size / 1024:.1f} KiB"
    return f"{path.name}: {shown} is over the {max_file_mb():g} MiB limit (set ARCHIVE_MAX_FILE_MB to change it)"


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
    refusal = too_large(path)
    if refusal:
        raise ReadError(refusal)
    if fmt == "txt":
        from pipeline.readers import txt as module
    elif fmt == "pdf":
        from pipeline.readers import pdf as module  # type: ignore[no-redef]
    else:
        from pipeline.readers import docx as module  # type: ignore[no-redef]
    return module.read(path)
