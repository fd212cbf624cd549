"""Tables written as text: a run of lines with as many cell separators each (tabs, or « | »), the first
line of the run its header. The components ask what a number alone in its cell stands for."""

from __future__ import annotations

import re

_SEPARATOR = re.compile(r"\t| \| ")


def _separators(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + a, start + b) for a, b in (m.span() for m in _SEPARATOR.finditer(text[start:end]))]


def _line(text: str, i: int) -> tuple[int, int]:
    end = text.find("\n", i)
    return text.rfind("\n", 0, i) + 1, len(text) if end < 0 else end


def cell_of(text: str, s: int, e: int) -> tuple[str, int, int] | None:
    """For [s, e) in a table's cell below its header: the header of its column and the cell's span, else None."""
    line_start, line_end = _line(text, s)
    separators = _separators(text, line_start, line_end)
    if not separators or e > line_end:
        return None
    column = sum(1 for _, b in separators if b <= s)
    cell_start = separators[column - 1][1] if column else line_start
    cell_end = separators[column][0] if column < len(separators) else line_end
    top = line_start
    while top:
        above = text.rfind("\n", 0, top - 1) + 1
        if len(_separators(text, above, top - 1)) != len(separators):
            break
        top = above
    if top == line_start:
        return None
    header = _SEPARATOR.split(text[top : _line(text, top)[1]])
    return header[column].strip(), cell_start, cell_end


def row_label(text: str, s: int) -> str | None:
    """The first cell of the table line that offset s is on, where s is in a later cell, else None."""
    line_start, line_end = _line(text, s)
    separators = _separators(text, line_start, line_end)
    if not separators or s < separators[0][1]:
        return None
    return text[line_start : separators[0][0]].strip()
