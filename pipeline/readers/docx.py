"""DOCX reports via python-docx: heading-styled (or short all-bold) paragraphs are headings, the rest paragraphs."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.document import HEADING_MAX_CHARS, Document, ReadError, looks_like_heading, with_sections
from pipeline.records import Block

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

# Built-in heading styles are stored in English ("heading 1"); Russian Word may also save localised names.
_HEADING_STYLE = re.compile(r"^(heading|заголовок)\s*\d|^(title|заголовок|название)$", re.IGNORECASE)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a .doc, or a password-protected .docx


def read(path: Path) -> Document:
    """Read a DOCX report into one text with heading and paragraph blocks."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    with path.open("rb") as f:
        head = f.read(8)
    if head == _OLE_MAGIC:
        raise ReadError(f"{path.name}: an old Word .doc or a password-protected DOCX, not a readable DOCX")
    if not zipfile.is_zipfile(path):
        raise ReadError(f"{path.name}: not a DOCX (not a zip archive)")
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as e:
        raise ReadError(f"{path.name}: not a DOCX ({' '.join(str(e).split()) or type(e).__name__})") from None
    except Exception as e:  # a damaged part can fail anywhere in lxml or python-docx
        raise ReadError(f"{path.name}: damaged DOCX ({type(e).__name__}: {' '.join(str(e).split())[:200]})") from None
    parts: list[str] = []
    blocks: list[Block] = []
    pos = 0
    for kind, text in _blocks(document):
        if parts:
            parts.append("\n\n")
            pos += 2
        blocks.append(Block(kind=kind, start=pos, end=pos + len(text)))
        parts.append(text)
        pos += len(text)
    if not blocks:
        raise ReadError(f"{path.name}: the document has no text")
    return Document(source=path.name, format="docx", text="".join(parts), blocks=with_sections(blocks), pages=None,
                    encoding=None)


def _blocks(document: DocxDocument) -> Iterator[tuple[str, str]]:
    """(kind, text) of the body's paragraphs and table rows, in document order, skipping empty ones."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            text = _clean(item.text)
            if text:
                yield ("heading" if _is_heading(item, text) else "paragraph"), text
        elif isinstance(item, Table):
            yield from _table_rows(item)


def _table_rows(table: Table) -> Iterator[tuple[str, str]]:
    # A row reads as one paragraph, cells separated by " | "; merged cells repeat in python-docx, so dedupe.
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            text = _clean(cell.text)
            if text:
                cells.append(text)
        if cells:
            yield "paragraph", " | ".join(cells)


def _clean(text: str) -> str:
    # Line breaks and tabs inside a paragraph are layout, not structure; soft hyphens are invisible.
    return " ".join(text.replace("\u00ad", "").split())


def _is_heading(paragraph: Paragraph, text: str) -> bool:
    style = getattr(paragraph, "style", None)
    while style is not None:  # a custom style based on "Heading 2" is a heading too
        if _HEADING_STYLE.match(style.name or ""):
            return len(text) <= 2 * HEADING_MAX_CHARS  # a whole body paragraph styled as heading is prose
        style = style.base_style
    if _outline_level(paragraph) is not None:
        return True
    runs = [r for r in paragraph.runs if r.text.strip()]
    return bool(runs) and all(_bold(r, paragraph) for r in runs) and looks_like_heading(text)


def _outline_level(paragraph: Paragraph) -> int | None:
    """The paragraph's own outline level (w:outlineLvl 0-8), which Word uses for its navigation pane."""
    ppr = paragraph._p.pPr
    if ppr is None:
        return None
    lvl = ppr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}outlineLvl")
    if lvl is None:
        return None
    val = lvl.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val", "9")
    return int(val) if val.isdigit() and int(val) < 9 else None


def _bold(run: Run, paragraph: Paragraph) -> bool:
    if run.bold is not None:
        return bool(run.bold)
    style = paragraph.style
    while style is not None:
        if style.font.bold is not None:
            return bool(style.font.bold)
        style = style.base_style
    return False
