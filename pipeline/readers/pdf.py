"""PDF reports: characters from pdfium's text layer, grouped into lines, headings and paragraphs by layout and font.

Running headers, footers and page numbers are dropped, words hyphenated at a line end are joined,
and a paragraph that runs over a page break stays one block. Pages without a text layer go to OCR.

pdfium (pypdfium2, see pdfchars) reads the characters, several times faster than pdfplumber. pdfplumber
(pdfminer) reads a file pdfium cannot open or parse, and has a second look at one in which pdfium finds
no text before it goes to OCR; a broken, truncated or encrypted file fails with pdfminer's diagnosis.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.document import HEADING_MAX_WORDS, Document, ReadError, looks_like_heading, with_sections
from pipeline.hyphenation import PUNCT, line_end_hyphen, vocabulary
from pipeline.readers.pdfchars import PDFIUM_LOCK, UNMAPPED, Char, image_cover, is_bold_name, page_chars
from pipeline.records import Block

if TYPE_CHECKING:
    from pdfplumber.page import Page
    from pdfplumber.pdf import PDF

# A heading set in a heading font may wrap; more lines than this is prose set large or bold.
HEADING_MAX_LINES = 3
HEADING_FONT_MAX_CHARS = 250
# A text line repeated (digits aside) at the same height on this share of pages is a running header/footer.
REPEAT_SHARE = 0.4
# Header and footer candidates: this many lines at the top and the bottom of each page.
EDGE_LINES = 3
# A page at least this much covered by images, with no real text, is a scan.
SCAN_COVER = 0.5
# Fewer letters than this on a page covered by an image is no text layer (a stamped page number).
MIN_PAGE_LETTERS = 20
# A page with this share of its glyphs in a font without a Unicode map is unreadable as text: OCR reads it.
MAX_UNMAPPED_SHARE = 0.1
_CID = re.compile(r"\(cid:\d+\)")
_SENTENCE_END = re.compile(r"[.!?:;…][\s»\"”’)\]]*$")
_HEADING_END = re.compile(r"[.!?:;,…]\s*$")
# "3", "- 3 -", "Стр. 3", "Страница 3 из 40", "3/40", and front matter's "iv".
_PAGE_NUMBER = re.compile(
    r"^[-–—\s]*(?:(?:(?:стр(?:аница)?|с|page|p)\.?\s*)?\d{1,4}(?:\s*(?:из|/|of)\s*\d{1,4})?|(?-i:[ivxlc]{1,7}))[-–—\s]*$",
    re.IGNORECASE)


@dataclass
class _Line:
    """One text line of a page, in PDF points from the page's top left."""

    text: str
    top: float
    x0: float
    x1: float
    size: float
    bold: bool
    first_width: float  # of the first word: would it have fitted at the end of the line before?


@dataclass
class _Chunk:
    """Consecutive lines of one page that make one heading or paragraph (or its part on that page)."""

    page: int
    lines: list[str]
    font: tuple[float, bool] | None = None  # (size, bold) of the lines; None for OCR text
    heading_font: bool = False  # larger than the body or bold
    indented: bool | None = None  # the first line starts right of the page's left edge; None: unknown
    room_last: float | None = None  # points left free after the last line
    frame: _Frame | None = None  # of the page the last line is on
    first_width: float | None = None  # points taken by the first word
    size: float = 0.0


def read(path: Path) -> Document:
    """Read a PDF report into one text with heading and paragraph blocks."""
    _check_bytes(path)
    # pdfium first; what it cannot open or parse, pdfplumber reads (or fails on, naming the fault).
    read_pages = _pdfium_pages(path)
    if read_pages is None:
        read_pages = _pdfplumber_pages(path)
    elif not any(read_pages[0]):
        # No text at all: before OCR, which costs seconds a page, pdfminer has a look (it reads some fonts differently).
        try:
            second = _pdfplumber_pages(path)
        except ReadError:
            second = None
        if second is not None and any(second[0]):
            read_pages = second
    pages, scanned = read_pages
    n_pages = len(pages)
    if not any(pages):
        scanned = list(range(1, n_pages + 1))  # text drawn as curves is OCRed just the same
    ocr_text: dict[int, str] = {}
    if scanned:
        from pipeline.readers.ocr import ocr_available, ocr_pdf

        # A wholly scanned report must be OCRed (or fail saying how); a stray scanned page in a
        # text PDF is OCRed when OCR is installed and skipped otherwise.
        if not any(pages) or ocr_available():
            ocr_text = dict(zip(scanned, ocr_pdf(path, scanned), strict=True))
    chunks = _layout_chunks(pages)
    for number, text in ocr_text.items():
        chunks[number - 1] = _ocr_chunks(text, number)
    _drop_ocr_edges(chunks, set(ocr_text))
    text, blocks = _assemble(_merge_pages(chunks))
    if not blocks:
        raise ReadError(f"{path.name}: no text found in the PDF")
    return Document(source=path.name, format="pdf", text=text, blocks=with_sections(blocks), pages=n_pages,
                    encoding=None)


def _pdfium_pages(path: Path) -> tuple[list[list[_Line]], list[int]] | None:
    """Lines of each page, and the 1-based pages to OCR; None when pdfium cannot read the file."""
    import pypdfium2 as pdfium

    with PDFIUM_LOCK:
        try:
            pdf = pdfium.PdfDocument(str(path))
        except pdfium.PdfiumError:
            return None  # pdfplumber tells a wrong password from damage, in its own words
        try:
            if len(pdf) == 0:
                return None
            pages: list[list[_Line]] = []
            scanned: list[int] = []
            for index in range(len(pdf)):
                page = pdf[index]
                try:
                    lines = _lines(page_chars(page))
                    letters, garbled = _letters(lines)
                    if garbled or (letters < MIN_PAGE_LETTERS and image_cover(page) >= SCAN_COVER):
                        scanned.append(index + 1)
                        lines = []
                finally:
                    page.close()
                pages.append(lines)
        except pdfium.PdfiumError:
            return None
        finally:
            pdf.close()
    return pages, scanned


def _pdfplumber_pages(path: Path) -> tuple[list[list[_Line]], list[int]]:
    """Lines of each page, and the 1-based pages to OCR, through pdfplumber; ReadError when it cannot read them."""
    import pdfplumber

    try:
        pdf = pdfplumber.open(path)
    except Exception as e:  # pdfminer raises many kinds on a broken file; all mean "cannot read"
        raise _open_error(path, e) from None
    with pdf:
        all_pages = _pages(pdf, path)
        if not all_pages:
            raise ReadError(f"{path.name}: damaged PDF (no pages)")
        pages: list[list[_Line]] = []
        scanned: list[int] = []  # 1-based pages that are a picture with (almost) no text: scans
        for number, page in enumerate(all_pages, start=1):
            try:
                lines, cover = _page_lines(page)
            except Exception as e:  # as above, for a broken page
                raise ReadError(f"{path.name}: damaged PDF, page {number} cannot be read ({_one_line(e)})") from None
            finally:
                page.close()  # frees the page's parsed objects: reports run to hundreds of pages
            letters, garbled = _letters(lines)
            if garbled or (cover >= SCAN_COVER and letters < MIN_PAGE_LETTERS):
                scanned.append(number)
                lines = []  # a stamped page number or an unmapped font: OCR reads the page whole
            pages.append(lines)
    return pages, scanned


def _check_bytes(path: Path) -> None:
    """Reject what is not a PDF, or has lost its end, before a parser guesses its way through it."""
    with path.open("rb") as f:
        head = f.read(1024)
        f.seek(0, 2)
        size = f.tell()
        f.seek(max(0, size - 1024))
        tail = f.read()
    if b"%PDF-" not in head:
        raise ReadError(f"{path.name}: not a PDF (no %PDF header)")
    # The end-of-file marker must be in the last 1024 bytes; a cut-off download has none there,
    # and pdfium or pdfminer would otherwise rebuild what they can and silently lose pages.
    if b"%%EOF" not in tail:
        raise ReadError(f"{path.name}: damaged or truncated PDF (no end-of-file marker)")


def _open_error(path: Path, e: Exception) -> ReadError:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    cause = e.args[0] if e.args and isinstance(e.args[0], Exception) else e  # pdfplumber wraps pdfminer's
    if isinstance(cause, PDFPasswordIncorrect):
        return ReadError(f"{path.name}: encrypted, cannot be read without the password")
    if isinstance(cause, PDFEncryptionError):
        return ReadError(f"{path.name}: encrypted with an unsupported method ({_one_line(cause)})")
    return ReadError(f"{path.name}: damaged PDF ({_one_line(cause)})")


def _pages(pdf: PDF, path: Path) -> list[Page]:
    try:
        return pdf.pages
    except Exception as e:  # a broken page tree fails in many ways
        raise ReadError(f"{path.name}: damaged PDF, its page tree cannot be read ({_one_line(e)})") from None


def _one_line(e: BaseException) -> str:
    msg = " ".join(str(e).split()) or type(e).__name__
    return msg[:200]


# --- lines -------------------------------------------------------------------------------------


def _page_lines(page: Page) -> tuple[list[_Line], float]:
    """The page's text lines, top to bottom, and the largest share of the page one image covers, by pdfplumber.

    Reads the characters from pdfplumber's pdfminer layout: pdfplumber's own per-character dicts
    (page.chars, extract_words) cost as much again as parsing the page.
    """
    from pdfminer.layout import LTChar, LTContainer, LTImage

    layout = page.layout
    page_top = layout.y1
    chars: list[Char] = []
    image_area = 0.0
    stack = [layout]
    while stack:
        for obj in stack.pop():
            if isinstance(obj, LTChar):
                if obj.upright:  # rotated text is watermarks and stamps
                    text = obj.get_text()
                    chars.append((obj.x0, obj.x1, page_top - obj.y1, obj.size, is_bold_name(obj.fontname),
                                  UNMAPPED if _CID.fullmatch(text) else text))
            elif isinstance(obj, LTImage):
                image_area = max(image_area, obj.width * obj.height)
            elif isinstance(obj, LTContainer):
                stack.append(obj)  # figures (form XObjects) hold characters and images too
    page_area = layout.width * layout.height
    return _lines(chars), (image_area / page_area if page_area > 0 else 0.0)


_TOP_LEFT = itemgetter(2, 0)
_LEFT = itemgetter(0)
_TOP = itemgetter(2)
_SIZE = itemgetter(3)


def _lines(chars: list[Char]) -> list[_Line]:
    """Group characters into lines, top to bottom."""
    chars.sort(key=_TOP_LEFT)
    groups: list[list[Char]] = []
    line_top = 0.0
    for c in chars:
        # A character belongs to the current line when its top is within half its size of the line's top.
        if groups and c[2] - line_top <= 0.5 * c[3]:
            groups[-1].append(c)
        else:
            groups.append([c])
            line_top = c[2]
    lines = (_line(sorted(g, key=_LEFT)) for g in groups)  # stable: a glyph's pieces keep their order
    return [line for line in lines if line is not None]


def _line(chars: list[Char]) -> _Line | None:
    """One line from its characters, left to right; None when it is only spaces."""
    by_size: dict[float, int] = {}  # characters per font size
    bold_chars = 0
    parts: list[str] = []
    prev: Char | None = None
    first: Char | None = None
    prev_x0 = prev_x1 = 0.0
    prev_text = ""
    first_word_end: float | None = None
    spaced = False
    for c in chars:
        text = c[5]
        if text.isspace():
            spaced = prev is not None
            continue
        x0 = c[0]
        size = c[3]
        if prev is not None:
            if text == prev_text and abs(x0 - prev_x0) < 1:
                continue  # the same character printed twice, slightly offset: fake bold
            # A word ends at a space character, or at a gap wider than kerning (some PDFs place words without spaces).
            if spaced or x0 - prev_x1 > 0.15 * size:
                parts.append(" ")
                if first_word_end is None:
                    first_word_end = prev_x1
        else:
            first = c
        spaced = False
        parts.append(text)
        n = len(text)
        by_size[size] = by_size.get(size, 0) + n
        if c[4]:
            bold_chars += n
        prev, prev_x0, prev_x1, prev_text = c, x0, c[1], text
    if prev is None or first is None:
        return None
    sizes: Counter[float] = Counter()
    for s, n in by_size.items():
        sizes[round(s * 2) / 2] += n
    size = sizes.most_common(1)[0][0]
    # The line's top: of its characters in that size (spaces included).
    all_sizes = set(map(_SIZE, chars))
    if all(round(s * 2) / 2 == size for s in all_sizes):
        top = min(map(_TOP, chars))
    else:
        top = min(c[2] for c in chars if round(c[3] * 2) / 2 == size)
    return _Line(text="".join(parts), top=top, x0=first[0], x1=prev_x1, size=size,
                 bold=bold_chars * 2 >= sum(by_size.values()),
                 first_width=(first_word_end if first_word_end is not None else prev_x1) - first[0])


def _letters(lines: list[_Line]) -> tuple[int, bool]:
    """Letters on the page, and whether too many of its glyphs are in a font without a Unicode map."""
    text = "".join(line.text for line in lines)
    unmapped = text.count(UNMAPPED)
    glyphs = len(text) - text.count(" ")
    return sum(ch.isalpha() for ch in text), unmapped > 0 and unmapped >= MAX_UNMAPPED_SHARE * glyphs


# --- layout ------------------------------------------------------------------------------------


@dataclass
class _Style:
    """What the body text looks like across the document."""

    size: float
    bold: bool
    pitch: float  # baseline to baseline of body lines
    indents: bool = False  # paragraphs start with a first-line indent

    def expected(self, line: _Line) -> float:
        """Most a line's top may be from the next line's in the same paragraph; larger type is spaced wider."""
        return self.pitch * line.size / self.size + max(1.0, 0.12 * line.size)

    def heading_font(self, line: _Line) -> bool:
        return line.size >= self.size + 0.6 or (line.bold and not self.bold)

    def font(self, line: _Line) -> tuple[float, bool]:
        return (line.size, line.bold)


def _body_style(pages: list[list[_Line]]) -> _Style:
    sizes: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            sizes[line.size] += len(line.text)
    size = _weighted_median(sizes) if sizes else 10.0
    body = [line for lines in pages for line in lines if abs(line.size - size) < 0.6]
    bold = sum(len(line.text) for line in body if line.bold) * 2 > sum(len(line.text) for line in body)
    gaps = [b.top - a.top for lines in pages for a, b in pairwise(lines)
            if abs(a.size - size) < 0.6 and abs(b.size - size) < 0.6 and 0.8 * size < b.top - a.top < 3 * size]
    # Line spacing is the most common gap; paragraph spacing only adds larger ones.
    pitch = Counter(round(g, 1) for g in gaps).most_common(1)[0][0] if gaps else 1.2 * size
    return _Style(size=size, bold=bold, pitch=pitch)


def _weighted_median(counts: Counter[float]) -> float:
    half = sum(counts.values()) / 2
    seen = 0
    for value in sorted(counts):
        seen += counts[value]
        if seen >= half:
            return value
    return next(iter(counts))


def _layout_chunks(pages: list[list[_Line]]) -> list[list[_Chunk]]:
    """Per page, the chunks of its lines after dropping running headers, footers and page numbers."""
    style = _body_style(pages)
    pages = _drop_running_lines(pages, style)
    frames = _frames(pages, style)
    style.indents = _uses_indents(pages, frames, style)
    return [_page_chunks(lines, number, style, frame)
            for number, (lines, frame) in enumerate(zip(pages, frames, strict=True), start=1)]


def _drop_running_lines(pages: list[list[_Line]], style: _Style) -> list[list[_Line]]:
    """Remove page numbers and lines repeated at the same height on most pages, at the page edges."""
    def edges(lines: list[_Line]) -> list[int]:
        n = len(lines)
        return sorted(set(range(min(EDGE_LINES, n))) | set(range(max(0, n - EDGE_LINES), n)))

    drop: list[set[int]] = [set() for _ in pages]
    # (digit-free text) -> [(page index, line index, top)]
    seen: dict[str, list[tuple[int, int, float]]] = {}
    for p, lines in enumerate(pages):
        for i in edges(lines):
            line = lines[i]
            if _PAGE_NUMBER.match(line.text):
                # only the outermost line of the page: a bare number inside the text is kept
                if i == 0 or i == len(lines) - 1 or _isolated(lines, i, style):
                    drop[p].add(i)
                continue
            if line.size >= style.size + 0.6:
                continue  # headings larger than the body are never running heads ("Глава 2" at each page top)
            key = " ".join(re.sub(r"\d+", "", line.text).lower().split())
            if key.strip(PUNCT + "-–— "):
                seen.setdefault(key, []).append((p, i, line.top))
    needed = max(2, math.ceil(REPEAT_SHARE * len(pages)))
    for occurrences in seen.values():
        if len({p for p, _, _ in occurrences}) < needed:
            continue
        for _, _, top in occurrences:
            band = [(p, i) for p, i, t in occurrences if abs(t - top) <= 4]
            count = len({p for p, _ in band})
            if count < needed:
                continue
            for p, i in band:
                # Two pages can end on the same short line by chance; a header is also set apart.
                if count >= 3 or _isolated(pages[p], i, style, 1.5):
                    drop[p].add(i)
    return [[line for i, line in enumerate(lines) if i not in drop[p]] for p, lines in enumerate(pages)]


def _isolated(lines: list[_Line], i: int, style: _Style, pitches: float = 2.5) -> bool:
    """True when line i is set apart from its neighbours by more than `pitches` line spacings."""
    near = [abs(lines[j].top - lines[i].top) for j in (i - 1, i + 1) if 0 <= j < len(lines)]
    return all(d > pitches * style.pitch for d in near)


@dataclass
class _Frame:
    """The left and right edges of a page's body text, and whether its lines are justified."""

    left: float
    right: float
    justified: bool = False

    def indented(self, line: _Line) -> bool:
        return line.x0 > self.left + 0.4 * line.size

    def room(self, line: _Line, heading: bool) -> float:
        """Points left free after the line. Headings may be centred: for them, the width they leave free."""
        if heading:
            return (self.right - self.left) - (line.x1 - line.x0)
        return self.right - line.x1

    def ended(self, room: float, next_width: float, size: float, heading: bool = False) -> bool:
        """True when a line with `room` left free ended its paragraph rather than wrapped.

        Justified lines that wrap end at the right edge; otherwise a line wraps because the next
        word (plus a space, ~1/3 em) did not fit, so when it would have, the line ended early.
        """
        if self.justified and not heading:
            return room > _SHORT * size
        return room > next_width + 0.35 * size


# A justified line is "at the edge" within this share of the font size.
_SHORT = 0.2


def _frames(pages: list[list[_Line]], style: _Style) -> list[_Frame]:
    """Text edges of each page; pages with few lines borrow the document's, shifted by their own left edge."""
    def body(lines: list[_Line]) -> list[_Line]:
        return [line for line in lines if not style.heading_font(line)]

    everything = [line for lines in pages for line in body(lines)]
    whole = _frame(everything) if everything else _Frame(0.0, 0.0)
    frames = []
    for lines in pages:
        own = body(lines)
        if len(own) >= 6:
            frames.append(_frame(own))
        elif own:
            # Mirrored margins move the whole text block: keep the document's width.
            left = _frame(own).left
            frames.append(_Frame(left, whole.right + (left - whole.left), whole.justified))
        else:
            frames.append(whole)
    return frames


def _frame(lines: list[_Line]) -> _Frame:
    # Left: the leftmost start that several lines share (an indented first line is not the edge).
    lefts = Counter(round(line.x0) for line in lines)
    shared = [x for x, n in lefts.items() if n >= 2]
    left = float(min(shared) if shared else min(lefts))
    # Right: justified lines all end at the edge; ragged ones mostly near it. A high percentile
    # ignores the odd line that runs into the margin.
    rights = sorted(line.x1 for line in lines)
    right = max(rights[int(0.9 * (len(rights) - 1))], left)
    at_edge = sum(right - line.x1 <= _SHORT * line.size for line in lines)
    return _Frame(left, right, justified=len(lines) >= 4 and at_edge >= 0.5 * len(lines))


def _uses_indents(pages: list[list[_Line]], frames: list[_Frame], style: _Style) -> bool:
    """True when paragraphs start with a first-line indent: most lines after an early line end are indented."""
    starts = []
    for lines, frame in zip(pages, frames, strict=True):
        for a, b in pairwise(lines):
            if style.heading_font(a) or style.font(a) != style.font(b):
                continue
            if frame.ended(frame.room(a, False), b.first_width, b.size) or b.top - a.top > style.expected(a):
                starts.append(frame.indented(b))
    return len(starts) >= 3 and sum(starts) >= 0.6 * len(starts)


def _page_chunks(lines: list[_Line], page: int, style: _Style, frame: _Frame) -> list[_Chunk]:
    chunks: list[_Chunk] = []
    cur: list[_Line] = []
    for line in lines:
        if cur and _breaks(cur[-1], line, style, frame):
            chunks.append(_chunk(cur, page, style, frame))
            cur = []
        cur.append(line)
    if cur:
        chunks.append(_chunk(cur, page, style, frame))
    return chunks


def _breaks(a: _Line, b: _Line, style: _Style, frame: _Frame) -> bool:
    """True when line b starts a new block after line a."""
    if style.font(a) != style.font(b):
        return True
    if not 0 < b.top - a.top <= style.expected(a):
        return True  # a paragraph gap, or text further up: another column or a text box
    heading = style.heading_font(b)
    if style.indents and not heading and frame.indented(b):
        return True  # continuation lines start at the left edge
    return frame.ended(frame.room(a, heading), b.first_width, b.size, heading)


def _chunk(lines: list[_Line], page: int, style: _Style, frame: _Frame) -> _Chunk:
    first, last = lines[0], lines[-1]
    heading = style.heading_font(first)
    return _Chunk(page=page, lines=[line.text for line in lines], font=style.font(first), heading_font=heading,
                  indented=frame.indented(first) if style.indents else None, room_last=frame.room(last, heading),
                  frame=frame, first_width=first.first_width, size=first.size)


def _merge_pages(pages: list[list[_Chunk]]) -> list[_Chunk]:
    """Flatten the pages, joining a paragraph that runs on from one page to the next."""
    out: list[_Chunk] = []
    last_page = 0
    for chunks in pages:
        for i, c in enumerate(chunks):
            if i == 0 and out and out[-1].page == last_page and _continues(out[-1], c):
                prev = out[-1]
                out[-1] = _Chunk(page=prev.page, lines=prev.lines + c.lines, font=prev.font,
                                 heading_font=prev.heading_font, indented=prev.indented, room_last=c.room_last,
                                 frame=c.frame, first_width=prev.first_width, size=prev.size)
            else:
                out.append(c)
        if chunks:
            last_page = chunks[-1].page
    return out


def _continues(a: _Chunk, b: _Chunk) -> bool:
    """True when chunk b, first on its page (or OCR paragraph), continues chunk a, the one before."""
    if a.heading_font or b.heading_font or a.font != b.font:
        return False
    ends = bool(_SENTENCE_END.search(a.lines[-1]))
    ended = None  # did a's last line end early (by layout)? None: no layout (OCR)
    if a.frame is not None and a.room_last is not None and b.first_width is not None:
        ended = a.frame.ended(a.room_last, b.first_width, b.size)
    if b.indented is not None:
        # With indented paragraphs an unindented first line is a continuation, unless the text
        # before ended a sentence on a short line.
        return not b.indented and not (ends and ended)
    if not ends and _starts_lower(b.lines[0]):
        return True
    return ended is False and (not ends or bool(a.frame and a.frame.justified))


def _starts_lower(text: str) -> bool:
    first = next((ch for ch in text if ch.isalnum()), "")
    return first.islower()


# --- OCR pages ---------------------------------------------------------------------------------


def _ocr_chunks(text: str, page: int) -> list[_Chunk]:
    """Paragraphs of an OCRed page: lines between blank lines."""
    chunks: list[_Chunk] = []
    for part in re.split(r"\n\s*\n", text.replace("\f", "\n")):
        lines = [" ".join(line.split()) for line in part.splitlines() if line.strip()]
        if not lines:
            continue
        # tesseract sometimes sets widely spaced lines of one paragraph apart with a blank line.
        if chunks and _continues(chunks[-1], _Chunk(page=page, lines=lines)):
            chunks[-1].lines.extend(lines)
        else:
            chunks.append(_Chunk(page=page, lines=lines))
    return chunks


def _drop_ocr_edges(pages: list[list[_Chunk]], ocr_pages: set[int]) -> None:
    """Drop page numbers and repeated running lines at the start and end of OCRed pages, in place."""
    if not ocr_pages:
        return
    keys: Counter[str] = Counter()
    for number in ocr_pages:
        chunks = pages[number - 1]
        keys.update({_digitless(line) for line in _ocr_edge_lines(chunks)})
    needed = max(2, math.ceil(REPEAT_SHARE * len(ocr_pages)))
    for number in ocr_pages:
        chunks = pages[number - 1]
        for pos in (0, -1):
            if not chunks:
                break
            c = chunks[pos]
            line = c.lines[pos]
            key = _digitless(line)
            if _PAGE_NUMBER.match(line) or (key.strip(PUNCT + "-–— ") and keys[key] >= needed):
                del c.lines[pos]
                if not c.lines:
                    del chunks[pos]


def _ocr_edge_lines(chunks: list[_Chunk]) -> Iterable[str]:
    if chunks:
        yield chunks[0].lines[0]
        yield chunks[-1].lines[-1]


def _digitless(line: str) -> str:
    return " ".join(re.sub(r"\d+", "", line).lower().split())


# --- text --------------------------------------------------------------------------------------


def _assemble(chunks: list[_Chunk]) -> tuple[str, list[Block]]:
    """One text of all blocks joined by blank lines, and the blocks by offset."""
    vocab = vocabulary(line for c in chunks for line in c.lines)
    parts: list[str] = []
    blocks: list[Block] = []
    pos = 0
    for c in chunks:
        text = join_lines(c.lines, vocab).strip()
        if not text:
            continue
        if parts:
            parts.append("\n\n")
            pos += 2
        kind = "heading" if _is_heading(c, text) else "paragraph"
        blocks.append(Block(kind=kind, start=pos, end=pos + len(text), page=c.page))
        parts.append(text)
        pos += len(text)
    return "".join(parts), blocks


def _is_heading(c: _Chunk, text: str) -> bool:
    if c.heading_font and len(c.lines) <= HEADING_MAX_LINES:
        first = next((ch for ch in text if ch.isalnum()), "")
        return (len(text) <= HEADING_FONT_MAX_CHARS and len(text.split()) <= 2 * HEADING_MAX_WORDS
                and not _HEADING_END.search(text) and text[0] not in "-–—•*" and not first.islower())
    # The txt reader's rule: a lone short line without closing punctuation.
    return len(c.lines) == 1 and looks_like_heading(text)


def join_lines(lines: Sequence[str], vocab: set[str] | frozenset[str] = frozenset()) -> str:
    """Join the lines of a paragraph with spaces, undoing line-end hyphenation ("сотрудни-" + "чество")."""
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if not out:
            out = line
        elif out.endswith("\u00ad"):  # a soft hyphen is always a line-end break
            out = out[:-1] + line
        else:
            hyphen = line_end_hyphen(out, line, vocab)
            if hyphen == "break":
                out = out[:-1] + line
            elif hyphen == "compound":
                out = out + line
            else:
                out = out + " " + line
    return out.replace("\u00ad", "")
