"""Tables written as text: a run of lines with as many cell separators each (tabs, or « | »), or with cells
aligned in columns by runs of spaces; the first line of the run is its header, and a rule under it
(«-----+-----») is passed over, as are the second lines of cells wrapped as a PDF's text layer gives them.
A line of periods under an aligned header («2018   2019   2018   2019») is a second header row: each period's
column counts what the header over it names. The components ask what a number alone in its cell stands for."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from pipeline.extract.morph import known

# a bar glued to the cell before it separates too («| III квартал| 3 475 |»); the space after a bar is the next
# cell's, so that empty cells' bars each separate («Итого | | | 103»)
_SEPARATOR = re.compile(r"\t| \|(?= )|(?<=\S)\|(?= )")
# Cells aligned under their header by spaces («Показатель      2016    2017»): three spaces or more between
# two words, which the prose of the written gold's 498 texts never has.
_GAP = re.compile(r"(?<=\S) {3,}(?=\S)")
_TAB_OR_GAP = re.compile(rf"\t|{_GAP.pattern}")
# On a line whose cells are aligned, two spaces separate cells too: a row's label run into its first number
# («…гостей, ед.  38       51       64»), narrow columns («Гости,  Затраты,» over «12 000  1 385 500»). All 26
# such runs on the aligned lines of the written gold's 690 texts separate cells.
_NARROW_GAP = re.compile(r"(?<=\S) {2}(?=\S)")
# the line under a header: «-----+-----», «=====», «|------|------|», «+------+------+» (a grid's, above it too)
_RULE = re.compile(r"[ \t|:+]*[-=—_]{3,}[-=—_+|: \t]*")
# A wrapped cell's second line, with no separators of its own: it starts with a small letter or a bracket
# («под открытым небом, посещений», «(11 структурных подразделений)»), is indented under a later column
# («            г. Себеж»), or closes a bracket or quotes the line above opened («III квартал (включая» over «День
# города)», «Форум «Красноперекопск —» over «Яровое: 80 лет вместе»»). Never a table's caption.
_WRAPPED = re.compile(r"(?! *(?:Таблица|Табл\.))(?: {2,}\S| ?[a-zа-яё(«]|[^()\n]*\)|[^«»\n]*»)")
_CHUNK = re.compile(r"\S+(?: \S+)*")  # the words of a wrapped line that belong to one cell
# A header's second line of words under several columns, its first column empty («            конкурсов
# участников      (дипломы») or not, its cells then aligned («п/п      соглашения      мероприятий»; a row of
# bars, «июль | концерт | 12», is one chunk): every cell's words start with a small letter or a bracket, as no
# row's do
_CONTINUED = re.compile(r" *(?=[a-zа-яё(])")
_CONTINUED_CHUNK = re.compile(r"[a-zа-яё(]")
_CLOSING_BAR = re.compile(r"\s*\|\s*$")  # «| 2 140 | 4 870 |»: a table drawn with bars on both sides
# A page's number on a line of its own, as a PDF's text layer keeps it: «— 7 —», «Стр. 7», «7»
PAGE_NUMBER = re.compile(r"[ \t]*(?:[-–—][ \t]*\d{1,4}[ \t]*[-–—]|(?:[Сс]тр\.|Страница)[ \t]*\d{1,4}|\d{1,4})[ \t]*")



def on_page_number_line(text: str, i: int) -> bool:
    """Offset i is on a line that is a page's number alone (see PAGE_NUMBER)."""
    return bool(PAGE_NUMBER.fullmatch(text, *_line(text, i)))

def _line(text: str, i: int) -> tuple[int, int]:
    end = text.find("\n", i)
    return text.rfind("\n", 0, i) + 1, len(text) if end < 0 else end


def _split(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], bool]:
    """The spans between a table line's cells (its tabs or « | », else its runs of spaces), and whether they are
    runs of spaces: cells aligned under their header. One scan of the line for what each helper asks."""
    found = [(start + a, start + b) for a, b in (m.span() for m in _SEPARATOR.finditer(text[start:end]))]
    if found:
        if bar := _CLOSING_BAR.search(text, found[-1][1], end):
            # a closing bar separates an empty last cell: a wrapped cell's line («  | «Славянский венок» |  |»)
            # under rows whose last cell has words has as many cells as they
            found.append(bar.span())
        return found, False
    gaps = [m.span() for m in _GAP.finditer(text, start, end)]
    if gaps:
        gaps = sorted([*gaps, *(m.span() for m in _NARROW_GAP.finditer(text, start, end))])
    return gaps, bool(gaps)


def _separators(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return _split(text, start, end)[0]


def _aligned(text: str, start: int, end: int) -> bool:
    return _split(text, start, end)[1]


def _shape(text: str, start: int, end: int) -> int:
    """What the lines of one table share: as many separators, or for aligned cells (-1) only that; 0 for none."""
    separators, aligned = _split(text, start, end)
    return -1 if aligned else len(separators)


def _bounds(text: str, start: int, end: int, split: tuple[list[tuple[int, int]], bool] | None = None
            ) -> list[tuple[int, int]]:
    """The spans of a table line's cells, unstripped; an aligned line's first starts at its first word. `split`
    is the line's _split where the caller has it already."""
    separators, aligned = split or _split(text, start, end)
    line = text[start:end]
    first = start + len(line) - len(line.lstrip(" ")) if aligned else start
    edges = [first, *(x for sep in separators for x in sep), end]
    return list(zip(edges[::2], edges[1::2], strict=True))


def _index(bounds: list[tuple[int, int]], s: int) -> int:
    return next((k for k, (a, b) in enumerate(bounds) if s <= b), len(bounds) - 1)


def _wrapped(text: str, start: int, end: int) -> bool:
    if end > start and not _separators(text, start, end):
        return bool(_WRAPPED.match(text, start, end)) or _cell_goes_on(text, start)
    return _continued(text, start, end)


def _cell_goes_on(text: str, start: int) -> bool:
    """The table line above the line at `start` ends its first cell with a comma: the list it holds goes on here
    («Андреаполь, Западная Двина,      6      2 450» over «Белый»)."""
    if start < 2:
        return False
    above = text.rfind("\n", 0, start - 1) + 1
    separators = _separators(text, above, start - 1)
    return bool(separators) and text[above : separators[0][0]].rstrip().endswith(",")


def _continued(text: str, start: int, end: int) -> bool:
    """A line of words that continue the cells above it: an aligned one (see _CONTINUED), or one of bars whose
    cells with words start with a small letter («| на укрепление МТБ, тыс. руб. |      |      |»)."""
    separators, aligned = split = _split(text, start, end)
    if separators and not aligned:
        words = [cell for a, b in _bounds(text, start, end, split) if (cell := text[a:b].strip(" |\t"))]
        return bool(words) and all(_CONTINUED_CHUNK.match(cell) for cell in words)
    return bool(m := _CONTINUED.match(text, start, end)) and (m.end() > start or aligned) \
        and all(_CONTINUED_CHUNK.match(c.group()) for c in _CHUNK.finditer(text, start, end))


# A row's label begun on a line of its own, its numbers on the next line with the label's last words
# («Ельнинская центральная районная» over «библиотека (МБУК «Ельнинская ЦБС»)    188    34 905»), which may be
# indented, then with any letter («Бюджет городского округа ЗАТО» over «  Межгорье    61 735,2»)
_LABEL_GOES_ON = re.compile(r" *[a-zа-яё(]|[^\s«»]*»| {2,}\S")


def _label_begun(text: str, start: int, at: int) -> bool:
    """The line at `start` is the first part of the label of the table line at `at` (see _LABEL_GOES_ON)."""
    return bool(_LABEL_GOES_ON.match(text, at)) and bool(text[start : at - 1].strip()) \
        and not _separators(text, start, at - 1) and not _WRAPPED.match(text, start, at - 1)


def _page_break(text: str, start: int, end: int) -> int | None:
    """Where the line at `start` is the last of a page break within a table, as a PDF's text layer gives it,
    the start of its first line: a page's number, and a running header or footer beside it."""
    if not start:
        return None
    above = text.rfind("\n", 0, start - 1) + 1
    if PAGE_NUMBER.fullmatch(text, start, end):
        return above if _running(text, above, start - 1) else start
    if PAGE_NUMBER.fullmatch(text, above, start - 1) and _running(text, start, end):
        return above
    return None


def _running(text: str, start: int, end: int) -> bool:
    """A running header or footer beside a page's number: a line of words with no cells (a table's own lines
    have them, its wrapped cells' lines start small or indented, as no running line need)."""
    line = text[start:end]
    return bool(line.strip()) and not line[:1].isspace() and not PAGE_NUMBER.fullmatch(line) \
        and not _separators(text, start, end)


def _above(text: str, at: int, shape: int) -> int | None:
    """The start of the table line of `shape` above the line starting at `at`, past a rule, a page break and
    at most two lines of wrapped cells; None where the table ends."""
    wrapped = 0
    while at:
        above = text.rfind("\n", 0, at - 1) + 1
        if _shape(text, above, at - 1) == shape and not _continued(text, above, at - 1):
            return above
        if (page := _page_break(text, above, at - 1)) is not None:
            at = page
            continue
        if not _RULE.fullmatch(text, above, at - 1):
            if wrapped == 2 or not (_wrapped(text, above, at - 1) or _label_begun(text, above, at)):
                return None
            wrapped += 1
        at = above
    return None


def _wrapped_below(text: str, line_end: int, shape: int) -> list[tuple[int, int]]:
    """The lines of wrapped cells after a table line (at most two), where a table line of `shape` follows, or
    the table ends with a blank line or a page's number (the last row's «Доходы от платных услуг,» over «тыс.
    руб.»)."""
    found: list[tuple[int, int]] = []
    while len(found) <= 2:
        if line_end >= len(text):
            return found
        start, end = _line(text, line_end + 1)
        if (_shape(text, start, end) == shape and not _continued(text, start, end)) \
                or (found and (start == end or PAGE_NUMBER.fullmatch(text, start, end))):
            return found
        if not _wrapped(text, start, end):
            return []
        found.append((start, end))
        line_end = end
    return []


def _top(text: str, line_start: int) -> int:
    """The start of the first line of the table whose line starts at `line_start`: its header."""
    shape = _shape(text, line_start, _line(text, line_start)[1])
    top = line_start
    while shape and (above := _above(text, top, shape)) is not None:
        top = above
    return top


def _texts(text: str, line_start: int, line_end: int) -> list[str]:
    """A table line's cells, stripped, with the words of its wrapped cells' lines below added to the cell
    they stand under."""
    bounds = _bounds(text, line_start, line_end)
    cells = [text[a:b].strip() for a, b in bounds]
    columns = [(a - line_start, b - line_start) for a, b in bounds]
    for start, end in _wrapped_below(text, line_end, _shape(text, line_start, line_end)):
        for m in _CHUNK.finditer(text, start, end):
            k = _index(columns, m.start() - start)
            cells[k] = _joined(cells[k], m.group())
    return cells


_BROKEN = re.compile(r"(\w+)-$")
_GOES_ON = re.compile(r"[а-яё]+")


def _joined(cell: str, more: str) -> str:
    """A cell's words and those of its next line, with a word hyphenated at the line's end joined: without
    the hyphen where the dictionary knows it so («Участ-» over «ников»), else with it («онлайн-формате»)."""
    broken, goes_on = _BROKEN.search(cell), _GOES_ON.match(more)
    if broken and goes_on:
        return cell[:-1] + more if known((broken.group(1) + goes_on.group()).lower()) else cell + more
    return f"{cell} {more}".strip()


def _periods(text: str, top: int) -> tuple[int, list[tuple[int, int]]] | None:
    """The line of periods under an aligned table's header («2018   2019   2018   2019»), with its cells'
    spans relative to the line's start; None where the table has none."""
    header_end = _line(text, top)[1]
    if not _aligned(text, top, header_end):
        return None
    start, end = _line(text, header_end + 1)
    while end < len(text) and (_RULE.fullmatch(text, start, end) or _wrapped(text, start, end)):
        start, end = _line(text, end + 1)
    if not _aligned(text, start, end) or _top(text, start) != top:
        return None
    bounds = _bounds(text, start, end)
    if not all(is_period(text[a:b]) for a, b in bounds):
        return None
    return start, [(a - start, b - start) for a, b in bounds]


def _overlap(a: int, b: int, spans: list[tuple[int, int]], first: int) -> int:
    """The index, from `first`, of the span [a, b) stands most under, else the nearest."""
    return max(range(first, len(spans)), default=0, key=lambda j: (
        min(b, spans[j][1]) - max(a, spans[j][0]), -abs(a + b - spans[j][0] - spans[j][1])))


class _Cell(NamedTuple):
    start: int
    end: int
    column: int
    top: int  # the start of the table's header line


def _cell(text: str, s: int, e: int) -> _Cell | None:
    """The cell [s, e) is in, below a table's header, else None."""
    line_start, line_end = _line(text, s)
    if e > line_end or not _separators(text, line_start, line_end):
        return None
    top = _top(text, line_start)
    if top == line_start:
        return None
    periods = _periods(text, top)
    if periods and periods[0] == line_start:
        return None  # the header's second row
    bounds = _bounds(text, line_start, line_end)
    k = i = _index(bounds, s)
    if k and _aligned(text, line_start, line_end):
        # the header's cell it stands most under, else the nearest; the row's first cell is its label
        a, b = (x - line_start for x in bounds[k])
        header = [(x - top, y - top) for x, y in _bounds(text, top, _line(text, top)[1])]
        if periods:
            # under a period of the second row: the header's cell over that period, else the one before it
            a, b = periods[1][_overlap(a, b, periods[1], 0)]
            over = [j for j in range(1, len(header)) if min(b, header[j][1]) > max(a, header[j][0])]
            k = over[0] if over else max((j for j in range(1, len(header)) if header[j][0] <= b), default=0)
        elif len(header) != len(bounds):
            k = _overlap(a, b, header, 1)
        # else a row of as many cells as its header: the k-th under the k-th, wherever a long label shifts them
    return _Cell(*bounds[i], k, top)


def _header(text: str, top: int) -> list[str]:
    return _texts(text, top, _line(text, top)[1])


def cell_of(text: str, s: int, e: int) -> tuple[str, int, int] | None:
    """For [s, e) in a table's cell below its header: the header of its column and the cell's span, else None."""
    if (cell := _cell(text, s, e)) is None:
        return None
    header = _header(text, cell.top)
    return (header[cell.column] if cell.column < len(header) else ""), cell.start, cell.end


def headers_before(text: str, s: int) -> list[str]:
    """The headers of the columns between the row's label and the cell at s, nearest first."""
    cell = _cell(text, s, s)
    return _header(text, cell.top)[1 : cell.column][::-1] if cell else []


_CAPTION = re.compile(r"^(?:Таблица|Табл\.)\s*\d*\.?\s*|[,(]\s*(?:(?:тыс|млн)\.\s*)?"
                      r"(?:чел(?:\.|овек)?|ед\.?|руб(?:\.|лей)|евро|долл\.)\)?[:.]?\s*$", re.IGNORECASE)


def caption_of(text: str, s: int, before: str = "") -> str | None:
    """The caption above the table that offset s is in («Таблица 1. Посещаемость музеев…, чел.»): the line
    before its header, past a blank one, where it says it is a table's or ends in its numbers' unit. `before`
    is the line before `text`, where the table starts it."""
    end = _top(text, _line(text, s)[0]) - 1
    while end > 0:  # the line above, past blank ones and a grid's rule over the header («+------+------+»)
        start = text.rfind("\n", 0, end) + 1
        if start < end and not _RULE.fullmatch(text, start, end):
            break
        end = start - 1
    line = (text[text.rfind("\n", 0, end) + 1 : end] if end > 0 else before).strip()
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
    """[s, e) is in a cell of a table's header line (the first line of a table of two lines or more), or is a
    period of its second row."""
    line_start, line_end = _line(text, s)
    if e > line_end or not _separators(text, line_start, line_end):
        return False
    if (top := _top(text, line_start)) != line_start:
        periods = _periods(text, top)
        return bool(periods) and periods[0] == line_start and any(
            text[line_start + a : line_start + b] == text[s:e] for a, b in periods[1])
    if not any(a <= s and e <= b for a, b in _bounds(text, line_start, line_end)):
        return False
    below = line_end + 1
    while below < len(text) and (_RULE.fullmatch(text, below, end := _line(text, below)[1])
                                 or _wrapped(text, below, end)):
        below = end + 1
    return below < len(text) and _top(text, below) == line_start


def row_label(text: str, s: int) -> str | None:
    """The first cell of the table line that offset s is on, where s is in a later cell, else None."""
    line_start, line_end = _line(text, s)
    if not _separators(text, line_start, line_end):
        return None
    return _label(text, line_start, line_end) if _index(_bounds(text, line_start, line_end), s) else None


def _label(text: str, line_start: int, line_end: int) -> str:
    """A table line's first cell: its row's label («| Число мероприятий | 64 |»), with its wrapped line's words
    and those of its line above where it begins there."""
    label = _texts(text, line_start, line_end)[0].lstrip("|").lstrip()
    if line_start and _label_begun(text, above := text.rfind("\n", 0, line_start - 1) + 1, line_start):
        return _joined(text[above : line_start - 1].strip(), label)
    return label


def labels_above(text: str, s: int) -> Iterator[str]:
    """The first cells of the table's rows above the one offset s is on, nearest first, to its header."""
    line_start = _line(text, s)[0]
    top = _top(text, line_start)
    shape = _shape(text, line_start, _line(text, line_start)[1])
    while (above := _above(text, line_start, shape)) is not None and above > top:
        line_start = above
        yield _label(text, *_line(text, line_start))


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


def cell_starts(text: str) -> Iterator[int]:
    """Where a later cell of a table's line may start: after a tab or a column's gap of spaces."""
    return (m.end() for m in _TAB_OR_GAP.finditer(text))


def in_later_cell(text: str, a: int, b: int) -> bool:
    """Offset b is in a later cell of a table's line than offset a: a tab or a column's gap lies between."""
    # the gap's last space may be right before b: its lookahead reads the character at b
    return "\n" not in text[a:b] and _TAB_OR_GAP.search(text, a, b + 1) is not None


def may_hold_table(text: str) -> bool:
    """`text` has a line that may be a table's: with tabs, « | » or a run of spaces between words."""
    return "\t" in text or " | " in text or _GAP.search(text) is not None


def cells(text: str) -> Iterator[tuple[int, int]]:
    """The spans of the cells after the first of each table line, stripped; the components ask
    `heading_of` which are below a header."""
    at = 0
    for line in text.split("\n"):
        if _separators(line, 0, len(line)):
            for a, b in _bounds(line, 0, len(line))[1:]:
                if stripped := line[a:b].strip():
                    start = at + a + line[a:b].index(stripped)
                    yield start, start + len(stripped)
        at += len(line) + 1
