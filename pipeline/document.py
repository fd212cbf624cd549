"""The document every reader returns: one text, and its blocks by offset."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.records import Block

# A heading is one short line without closing punctuation; longer or punctuated
# lines are prose. The limits come from how report headings are written.
HEADING_MAX_CHARS = 160
HEADING_MAX_WORDS = 22
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n|\f")
_HEADING_END = re.compile(r"[.!?:;,…]\s*$")


class ReadError(Exception):
    """A file that cannot be read; the message names the problem for the user."""


@dataclass
class Document:
    source: str
    format: str
    text: str
    blocks: list[Block] = field(default_factory=list)
    pages: int | None = None
    encoding: str | None = None

    def block_at(self, offset: int) -> int:
        """Index of the block that holds `offset` (the nearest preceding one)."""
        lo, hi = 0, len(self.blocks) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.blocks[mid].start <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo


def looks_like_heading(line: str) -> bool:
    """True for a short single line with no closing punctuation, starting with a capital."""
    s = line.strip()
    if not s or "\n" in s or len(s) > HEADING_MAX_CHARS or len(s.split()) > HEADING_MAX_WORDS:
        return False
    if _HEADING_END.search(s) or s[0] in "-–—•*":
        return False
    first = next((c for c in s if c.isalnum()), "")
    return first.isupper() or (first.isdigit() and not s[0].isdigit())


def with_sections(blocks: list[Block]) -> list[Block]:
    """Give each block the index of the heading it falls under."""
    out: list[Block] = []
    section: int | None = None
    for i, b in enumerate(blocks):
        if b.kind == "heading":
            section = i
        out.append(b.model_copy(update={"section": section}))
    return out


def split_blocks(text: str, page_starts: list[int] | None = None) -> list[Block]:
    """Blocks of plain text: chunks between blank lines, trimmed, with pages from form feeds."""
    page_starts = page_starts if page_starts is not None else [0] + [m.end() for m in re.finditer("\f", text)]
    blocks: list[Block] = []
    pos = 0
    for m in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        stripped = chunk.strip()
        if stripped:
            start = pos + (len(chunk) - len(chunk.lstrip()))
            stop = start + len(stripped)
            page = _page_of(start, page_starts) if len(page_starts) > 1 else None
            kind = "heading" if looks_like_heading(stripped) else "paragraph"
            blocks.append(Block(kind=kind, start=start, end=stop, page=page))
        pos = m.end() if m else len(text)
    return with_sections(blocks)


def _page_of(offset: int, page_starts: list[int]) -> int:
    page = 1
    for i, s in enumerate(page_starts):
        if s <= offset:
            page = i + 1
    return page
