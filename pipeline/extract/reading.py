"""The text extraction reads: a block with its line-end hyphenation undone, and the way back to offsets.

A text file's hard-wrapped lines may break words («Администра-\\nция»), which no rule then recognises.
Extraction reads the block joined as the PDF reader joins lines (pipeline/hyphenation.py) and maps each
record back to the stored text, whose offsets stay what they are."""

from __future__ import annotations

import re

from pipeline.extract.morph import hyphenated_pair
from pipeline.hyphenation import line_end_hyphen, vocabulary

# A hyphen at a line end, with the next line's indentation.
_LINE_END_HYPHEN = re.compile(r"[-\u2010][ \t]*\r?\n[ \t]*")


def hyphen_vocabulary(text: str) -> frozenset[str] | None:
    """What tells a wrapped compound from a broken word in `text`; None when no line ends in a hyphen."""
    return frozenset(vocabulary(text.splitlines())) if _LINE_END_HYPHEN.search(text) else None


class Reading:
    """`text` as extraction reads it; span() maps a span of it back to the stored text. With `vocab` None
    (hyphen_vocabulary found nothing to join) the reading is the stored text."""

    def __init__(self, stored: str, vocab: set[str] | frozenset[str] | None) -> None:
        self.text, self._length = stored, len(stored)
        self._kept: list[int] | None = None  # _kept[i]: the offset in `stored` of the read character i
        cuts: list[tuple[int, int]] = []  # spans of `stored` left out of the reading
        for m in _LINE_END_HYPHEN.finditer(stored) if vocab is not None else ():
            line_start = stored.rfind("\n", 0, m.start()) + 1
            how = line_end_hyphen(stored[line_start : m.start() + 1], stored[m.end() : m.end() + 40], vocab,
                                  hyphenated_pair)
            if how == "break":  # «Администра-\nция»: the hyphen and the line break go
                cuts.append((m.start(), m.end()))
            elif how == "compound":  # «город-\nпобратим»: the line break goes
                cuts.append((m.start() + 1, m.end()))
        if not cuts:
            return
        parts, kept, at = [], [], 0
        for start, end in cuts:
            parts.append(stored[at:start])
            kept.extend(range(at, start))
            at = end
        parts.append(stored[at:])
        kept.extend(range(at, len(stored)))
        self.text, self._kept = "".join(parts), kept

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The stored span of the read span [start, end)."""
        if self._kept is None:
            return start, end
        stored_start = self._kept[start] if start < len(self._kept) else self._length
        return stored_start, self._kept[end - 1] + 1 if end > start else stored_start
