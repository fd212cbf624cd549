"""Tables written as text: a run of lines with as many cell separators each (tabs, or « | »), the first
line of the run its header. The components ask what a number alone in its cell stands for."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

_SEPARATOR = re.compile(r"\t| \| ")


def _separators(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + a, start + b) for a, b in (m.span() for m in _SEPARATOR.finditer(text[start:end]))]


def _line(text: str, i: int) -> tuple[int, int]:
    end = text.find("\n", i)
    return text.rfind("\n", 0, i) + 1, len(text) if end < 0 else end


_CLOSING_BAR = re.compile(r"\s*\|\s*$")  # «| 2 140 | 4 870 |»: a table drawn with bars on both sides


def _cells_end(text: str, line_start: int, line_end: int) -> int:
    bar = _CLOSING_BAR.search(text, line_start, line_end)
    return bar.start() if bar else line_end


def cell_of(text: str, s: int, e: int) -> tuple[str, int, int] | None:
    """For [s, e) in a table's cell below its header: the header of its column and the cell's span, else None."""
    line_start, line_end = _line(text, s)
    separators = _separators(text, line_start, line_end)
    if not separators or e > line_end:
        return None
    column = sum(1 for _, b in separators if b <= s)
    cell_start = separators[column - 1][1] if column else line_start
    cell_end = separators[column][0] if column < len(separators) else _cells_end(text, line_start, line_end)
    top = _top(text, line_start, len(separators))
    if top == line_start:
        return None
    return _header(text, top)[column], cell_start, cell_end


def _header(text: str, top: int) -> list[str]:
    return [cell.strip() for cell in _SEPARATOR.split(text[top : _cells_end(text, top, _line(text, top)[1])])]


def headers_before(text: str, s: int) -> list[str]:
    """The headers of the columns between the row's label and the cell at s, nearest first."""
    line_start, line_end = _line(text, s)
    separators = _separators(text, line_start, line_end)
    top = _top(text, line_start, len(separators))
    column = sum(1 for _, b in separators if b <= s)
    return _header(text, top)[1:column][::-1] if top != line_start else []


def _top(text: str, line_start: int, separators: int) -> int:
    """The start of the first line of the table whose line starts at `line_start`: its header."""
    top = line_start
    while top:
        above = text.rfind("\n", 0, top - 1) + 1
        if len(_separators(text, above, top - 1)) != separators:
            break
        top = above
    return top


_CAPTION = re.compile(r"^(?:Таблица|Табл\.)\s*\d*\.?\s*|[,(]\s*(?:(?:тыс|млн)\.\s*)?"
                      r"(?:чел(?:\.|овек)?|ед\.?|руб(?:\.|лей)|евро|долл\.)\)?[:.]?\s*$", re.IGNORECASE)


def caption_of(text: str, s: int, before: str = "") -> str | None:
    """The caption above the table that offset s is in («Таблица 1. Посещаемость музеев…, чел.»): the line
    before its header, past a blank one, where it says it is a table's or ends in its numbers' unit. `before`
    is the line before `text`, where the table starts it."""
    line_start, line_end = _line(text, s)
    top = _top(text, line_start, len(_separators(text, line_start, line_end)))
    end = top - 1
    while end > 0 and text[end - 1] == "\n":
        end -= 1
    line = (text[text.rfind("\n", 0, end) + 1 : end] if top else before).strip()
    return line.rstrip(":") if line and not _separators(line, 0, len(line)) and _CAPTION.search(line) else None


def last_line(text: str, start: int, end: int) -> str:
    """The last line of text[start:end] that is not blank."""
    while end > start and text[end - 1] in "\n ":
        end -= 1
    return text[max(start, text.rfind("\n", start, end) + 1) : end]


def crosses_row(text: str, s: int, e: int) -> bool:
    """[s, e) runs over a line break from or into a table's line: a phrase never does («38\nиюнь» is two
    cells of two rows)."""
    if "\n" not in text[s:e]:
        return False
    return bool(_separators(text, *_line(text, s))) or bool(_separators(text, *_line(text, e)))


def in_header(text: str, s: int, e: int) -> bool:
    """[s, e) is a whole cell of a table's header line (a line the next one has as many cells as, the line
    before it not)."""
    line_start, line_end = _line(text, s)
    separators = _separators(text, line_start, line_end)
    if not separators or e > line_end:
        return False
    bounds = [line_start, *(x for sep in separators for x in sep), line_end]
    cells = list(zip(bounds[::2], bounds[1::2], strict=True))
    if not any(text[a:b].strip() == text[s:e] and a <= s and e <= b for a, b in cells):
        return False
    below = _line(text, line_end + 1) if line_end < len(text) else None
    above = _line(text, line_start - 1) if line_start else None
    return bool(below) and len(_separators(text, *below)) == len(separators) and not (
        above and len(_separators(text, *above)) == len(separators))


def row_label(text: str, s: int) -> str | None:
    """The first cell of the table line that offset s is on, where s is in a later cell, else None."""
    line_start, line_end = _line(text, s)
    separators = _separators(text, line_start, line_end)
    if not separators or s < separators[0][1]:
        return None
    return text[line_start : separators[0][0]].strip().lstrip("|").lstrip()  # «| Число мероприятий | 64 |»


_YEAR = r"(?:19|20)\d\d(?:\s*(?:год[аеу]?|г\.))?"
_MONTHS = "январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь"
# A column's header that is a period: a year, a quarter, a half-year, a month, months from the year's start
# («2019 год», «I квартал», «1 кв.», «1-е полугодие», «Май 2021», «9 месяцев», «Навигация 2021 года»), the
# row's label names its numbers.
_PERIOD = re.compile(
    rf"(?:(?:навигаци[яи]|сезон|период)\s+)?(?:{_YEAR}|(?:(?:[IV]{{1,3}}|[1-4](?:-?[йея])?)\s*(?:квартал|кв\.)|(?:[IV]{{1,2}}|[12](?:-?[еоя])?)\s*"
    rf"полугодие|{_MONTHS}|\d{{1,2}}\s*месяц(?:а|ев))(?:\s+{_YEAR})?)", re.IGNORECASE)


# A column of the rows' totals, whose numbers the row's first cell names as a period's column does
_TOTAL = re.compile(r"(?:итого|всего|итог)(?:\s+за\s+(?:год|период))?", re.IGNORECASE)


def is_period(heading: str) -> bool:
    """A heading that is a period («2019 год», «II квартал», «Май»), which names no numbers' noun."""
    return bool(_PERIOD.fullmatch(heading.strip()))


class Heading(NamedTuple):
    text: str  # what names the cell's numbers: the column's header, or the row's first cell
    cell_start: int
    cell_end: int


def heading_of(text: str, s: int, e: int) -> Heading | None:
    """What names the numbers of the cell [s, e): its column's header, or its row's first cell where the
    column is a period's («2019 год», «II квартал») or the total's («Итого»); with the cell's span. None outside
    a table."""
    found = cell_of(text, s, e)
    if found is None:
        return None
    header, cell_start, cell_end = found
    if is_period(header) or _TOTAL.fullmatch(header.strip()):
        label = row_label(text, s)
        return Heading(label, cell_start, cell_end) if label else None
    return Heading(header, cell_start, cell_end)


def cells(text: str) -> Iterator[tuple[int, int]]:
    """The spans of the cells after the first of each table line, stripped; the components ask
    `heading_of` which are below a header."""
    at = 0
    for line in text.split("\n"):
        separators = _separators(line, 0, len(line))
        for k, (_, b) in enumerate(separators):
            end = separators[k + 1][0] if k + 1 < len(separators) else _cells_end(line, 0, len(line))
            cell = line[b:end]
            if stripped := cell.strip():
                start = at + b + cell.index(stripped)
                yield start, start + len(stripped)
        at += len(line) + 1
