"""Characters of a PDF page from pdfium's text layer, as plain records for the layout reader.

pdfium parses a page in about a millisecond; the cost here is calling it per character through
ctypes, so the loop asks for as little as it can: the character's text object (none for the line
breaks and spaces pdfium puts in between objects) and its box. Font size, boldness, orientation and
baseline are looked up once per text object, and the page text comes in one call.

pdfium is not thread-safe, not even across documents: every use goes through PDFIUM_LOCK.
"""

from __future__ import annotations

import ctypes
import functools
import re
import threading
from ctypes import POINTER, c_double, c_float, c_int, c_uint, c_ulong, c_void_p
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pypdfium2 import PdfPage

# (x0, x1, top, size, bold, text) of one character: PDF points, top measured down from the page's top.
Char = tuple[float, float, float, float, bool, str]

PDFIUM_LOCK = threading.RLock()
# Put in place of a glyph whose font maps it to no Unicode character.
UNMAPPED = "\ufffd"

_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
_FORCE_BOLD = 1 << 18  # font descriptor flag
# A text object whose baseline runs off the horizontal by more than this (as tan) is rotated: stamps, watermarks.
_MAX_SLANT = 0.1
# pdfium replaces a hyphen ("-" or a soft hyphen) that ends a line by these: in the text, and per character.
# Which of the two it was is lost; it is read back as "-", and join_lines decides whether it broke a word.
# (The text also has U+FFFE for a glyph of code 0 with no Unicode.)
_PDFIUM_HYPHEN_TEXT = "\ufffe"
_PDFIUM_HYPHEN = 0x2
# A character's top is this share of its size above its baseline.
_CAP = 0.75
_PAGEOBJ_IMAGE = 3
_PAGEOBJ_FORM = 5


class _Matrix(ctypes.Structure):
    _fields_ = [("a", c_float), ("b", c_float), ("c", c_float), ("d", c_float), ("e", c_float), ("f", c_float)]


@functools.lru_cache(maxsize=1)
def _api() -> SimpleNamespace:
    """Own ctypes prototypes of the pdfium functions: plain integer handles and out-arrays instead of
    pypdfium2's typed pointers, which cost more per call (and pypdfium2's own stay untouched). The two
    called for every character go through cffi, whose calls cost two thirds of ctypes' (1.7 µs a
    character against 2.3)."""
    import pypdfium2.raw as raw
    from cffi import FFI

    def address(name: str) -> int:
        return ctypes.cast(getattr(raw, name), c_void_p).value or 0

    def fn(name: str, restype: Any, *argtypes: Any) -> Any:
        return ctypes.CFUNCTYPE(restype, *argtypes)(address(name))

    ffi = FFI()

    floats = POINTER(c_float)
    return SimpleNamespace(
        ffi=ffi,
        # per character: the text object (NULL for what pdfium put in between objects), the box into a float[4]
        char_object=ffi.cast("void *(*)(void *, int)", address("FPDFText_GetTextObject")),
        char_box=ffi.cast("int (*)(void *, int, float *)", address("FPDFText_GetLooseCharBox")),
        count_chars=fn("FPDFText_CountChars", c_int, c_void_p),
        get_text=fn("FPDFText_GetText", c_int, c_void_p, c_int, c_int, c_void_p),
        get_unicode=fn("FPDFText_GetUnicode", c_uint, c_void_p, c_int),
        font_size=fn("FPDFText_GetFontSize", c_double, c_void_p, c_int),
        font_info=fn("FPDFText_GetFontInfo", c_ulong, c_void_p, c_int, c_void_p, c_ulong, POINTER(c_int)),
        matrix=fn("FPDFText_GetMatrix", c_int, c_void_p, c_int, POINTER(_Matrix)),
        unmapped=fn("FPDFText_HasUnicodeMapError", c_int, c_void_p, c_int),
        origin=fn("FPDFText_GetCharOrigin", c_int, c_void_p, c_int, POINTER(c_double), POINTER(c_double)),
        count_objects=fn("FPDFPage_CountObjects", c_int, c_void_p),
        get_object=fn("FPDFPage_GetObject", c_void_p, c_void_p, c_int),
        form_count=fn("FPDFFormObj_CountObjects", c_int, c_void_p),
        form_object=fn("FPDFFormObj_GetObject", c_void_p, c_void_p, c_ulong),
        object_type=fn("FPDFPageObj_GetType", c_int, c_void_p),
        object_bounds=fn("FPDFPageObj_GetBounds", c_int, c_void_p, floats, floats, floats, floats),
        object_matrix=fn("FPDFPageObj_GetMatrix", c_int, c_void_p, POINTER(_Matrix)),
    )


def _handle(obj: Any) -> int:
    return ctypes.cast(obj, c_void_p).value or 0


@functools.lru_cache(maxsize=256)
def _is_bold(fontname: str, flags: int = 0) -> bool:
    return bool(flags & _FORCE_BOLD) or bool(_BOLD.search(fontname))


def is_bold_name(fontname: str) -> bool:
    """True for a font named bold (or black, heavy, semibold, demi)."""
    return _is_bold(fontname)


def page_chars(page: PdfPage) -> list[Char]:
    """The upright characters of the page, in pdfium's order.

    pdfium's own line breaks, and spaces it puts between text objects, are left out: lines and words
    are found from the boxes. A space it puts inside a text object (a gap in a TJ array, as TeX sets
    words) is kept, just before the next character: glyph boxes that overhang the gap may hide it.
    """
    api = _api()
    textpage = page.get_textpage()
    try:
        h = _handle(textpage.raw)
        n = api.count_chars(h)
        if n <= 0:
            return []
        page_top = page.get_bbox()[3]
        buf = ctypes.create_string_buffer(2 * (n + 1))
        written = api.get_text(h, 0, n, buf)
        if written == n + 1:
            text = buf.raw[: 2 * n].decode("utf-16-le", "replace")
        else:  # characters outside the BMP, or control characters pdfium leaves out of the text: one by one
            text = "".join(_unicode(api.get_unicode(h, i)) for i in range(n))
        return _chars(api, h, n, text, page_top)
    finally:
        textpage.close()


def _unicode(code: int) -> str:
    if code == _PDFIUM_HYPHEN:
        return _PDFIUM_HYPHEN_TEXT
    return chr(code) if 0 < code < 0x110000 else UNMAPPED


def _chars(api: Any, h: int, n: int, text: str, page_top: float) -> list[Char]:
    char_object, char_box, ffi = api.char_object, api.char_box, api.ffi
    page = ffi.cast("void *", h)
    box = ffi.new("float[4]")  # FS_RECTF: left, top, right, bottom
    values = memoryview(ffi.buffer(box)).cast("f")  # reads faster than the cffi array does
    objects: dict[Any, _Style | None] = {}
    chars: list[Char] = []
    append = chars.append
    last = ffi.NULL
    style: _Style | None = None
    top = size = 0.0
    bold = check = False
    space = False  # pdfium found a word gap inside the text object before this character
    px0 = px1 = -1.0
    for i in range(n):
        obj = char_object(page, i)
        if not obj:
            continue  # a line break or a space pdfium put between text objects
        if obj != last:
            last = obj
            space = False
            px0 = px1 = -1.0
            if obj in objects:
                style = objects[obj]
            else:
                style = objects[obj] = _style(api, h, i, page_top)
            if style is None:
                continue  # rotated
            top, size, bold, check = style
        elif style is None:
            continue
        char_box(page, i, box)
        x0 = values[0]
        x1 = values[2]
        ch = text[i]
        if ch == " ":
            if x1 - x0 < 0.01:
                space = True  # a space pdfium put in for a gap inside the object, with no width
                continue
        elif ch == _PDFIUM_HYPHEN_TEXT:
            ch = "-" if api.get_unicode(h, i) == _PDFIUM_HYPHEN else UNMAPPED
        elif check and api.unmapped(h, i):
            ch = UNMAPPED
        if space:
            append((x0 - 0.001, x0 - 0.001, top, size, bold, " "))
            space = False
        elif x0 == px0 and x1 == px1:
            # pdfium splits a ligature ("ﬁ") into pieces, each with the glyph's box: one character, as in pdfminer
            c = chars[-1]
            chars[-1] = (c[0], c[1], c[2], c[3], c[4], c[5] + ch)
            continue
        px0 = x0
        px1 = x1
        append((x0, x1, top, size, bold, ch))
    return chars


# (top, size, bold, whether each glyph needs a Unicode check) shared by the characters of one text object.
_Style = tuple[float, float, bool, bool]


def _style(api: Any, h: int, i: int, page_top: float) -> _Style | None:
    """How the characters of the text object of character i are set; None when they are rotated.

    A text object is one text-showing operator: its characters share a baseline. Their top is put at
    a fixed share of the size above it (pdfminer takes the font's descent, pdfium's boxes its ascent;
    both vary from font to font, and set characters on one line apart).
    """
    m = _Matrix()
    api.matrix(h, i, m)
    if not (m.a > 0 and m.d > 0 and abs(m.b) <= _MAX_SLANT * m.a):
        return None
    flags = c_int(0)
    length = api.font_info(h, i, None, 0, flags)  # the name's length, its final NUL included
    name = ctypes.create_string_buffer(max(1, length))
    api.font_info(h, i, name, len(name), flags)
    fontname = name.value.decode("utf-8", "replace")
    size = api.font_size(h, i) * (m.c * m.c + m.d * m.d) ** 0.5  # the font's size times the vertical scale
    if size <= 0:
        box = api.ffi.new("float[4]")
        api.char_box(api.ffi.cast("void *", h), i, box)
        size = box[1] - box[3]
    x, y = c_double(), c_double()
    api.origin(h, i, x, y)
    # A font with no Unicode map fails on every glyph: one check per object finds it.
    return (page_top - (y.value + _CAP * size), size, _is_bold(fontname, flags.value), bool(api.unmapped(h, i)))


def image_cover(page: PdfPage) -> float:
    """The largest share of the page one image covers, images inside form XObjects included."""
    api = _api()
    width, height = page.get_size()
    area = width * height
    if area <= 0:
        return 0.0
    largest = 0.0
    left, bottom, right, top = (c_float() for _ in range(4))
    # (object handle, matrix of the form it is drawn in, as a, b, c, d, e, f)
    stack: list[tuple[int, tuple[float, ...]]] = []
    page_h = _handle(page.raw)
    identity = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    stack.extend((api.get_object(page_h, i), identity) for i in range(api.count_objects(page_h)))
    while stack:
        obj, mat = stack.pop()
        if not obj:
            continue
        kind = api.object_type(obj)
        if kind == _PAGEOBJ_IMAGE:
            if api.object_bounds(obj, left, bottom, right, top):
                xs, ys = zip(*(_apply(mat, x, y) for x in (left.value, right.value) for y in (bottom.value, top.value)),
                             strict=True)
                largest = max(largest, (max(xs) - min(xs)) * (max(ys) - min(ys)))
        elif kind == _PAGEOBJ_FORM and len(stack) < 10_000:
            m = _Matrix()
            own = (m.a, m.b, m.c, m.d, m.e, m.f) if api.object_matrix(obj, m) else identity
            inner = _compose(own, mat)
            stack.extend((api.form_object(obj, i), inner) for i in range(api.form_count(obj)))
    return min(1.0, largest / area)


def _apply(m: tuple[float, ...], x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def _compose(inner: tuple[float, ...], outer: tuple[float, ...]) -> tuple[float, ...]:
    """The matrix applying `inner`, then `outer` (PDF row-vector convention)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)
