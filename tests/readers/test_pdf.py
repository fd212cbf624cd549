"""PDF reader: same blocks as the txt reader on a typeset copy of the sample report, and clean errors."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from pipeline import fixtures
from pipeline.document import Document, ReadError
from pipeline.readers import ocr, pdf, pdfchars, read, txt

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

RAW = Path(__file__).resolve().parents[2] / "raw" / "omsk-2023.txt"
TITLE = "Отчёт администрации города Омска о международной деятельности за 2023 год"


def norm(s: str) -> str:
    return " ".join(s.split())


def block_texts(doc: Document) -> list[str]:
    return [norm(doc.text[b.start:b.end]) for b in doc.blocks]


def headings(doc: Document) -> list[str]:
    return [norm(doc.text[b.start:b.end]) for b in doc.blocks if b.kind == "heading"]


@pytest.fixture(scope="module")
def txt_doc() -> Document:
    return txt.read(RAW)


@pytest.fixture(scope="module")
def pdf_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf")
    # Through the CLI, so it is tested too; it writes the DOCX as well.
    assert fixtures.main([str(RAW), "--out", str(out), "--title", TITLE]) == 0
    return out / "omsk-2023.pdf"


@pytest.fixture(scope="module")
def pdf_doc(pdf_path: Path) -> Document:
    return read(pdf_path)


def test_same_paragraphs_as_txt(txt_doc: Document, pdf_doc: Document) -> None:
    assert block_texts(pdf_doc) == block_texts(txt_doc)
    assert [b.kind for b in pdf_doc.blocks] == [b.kind for b in txt_doc.blocks]


def test_same_headings_as_txt(txt_doc: Document, pdf_doc: Document) -> None:
    assert set(headings(pdf_doc)) == set(headings(txt_doc))
    assert "Информация о памятнике Бухгольцу Ивану Дмитриевичу и основателям первой Омской крепости" in headings(
        pdf_doc)  # wraps over two lines in the PDF


def test_document_fields(pdf_doc: Document) -> None:
    assert (pdf_doc.source, pdf_doc.format, pdf_doc.encoding) == ("omsk-2023.pdf", "pdf", None)
    assert pdf_doc.pages is not None and pdf_doc.pages >= 5


def test_no_running_headers_or_page_numbers(pdf_doc: Document) -> None:
    assert TITLE not in pdf_doc.text
    assert "ОМСК" in pdf_doc.text  # the first heading stays
    assert not re.search(r"–\s*\d+\s*–", pdf_doc.text)


def test_pages_ascend(pdf_doc: Document) -> None:
    pages = [b.page for b in pdf_doc.blocks]
    assert all(isinstance(p, int) for p in pages)
    assert pages == sorted(pages)
    assert pages[0] == 1 and pages[-1] == pdf_doc.pages and pages[-1] > 1


def test_offsets(pdf_doc: Document) -> None:
    text = pdf_doc.text
    for prev, b in zip([None, *pdf_doc.blocks], pdf_doc.blocks, strict=False):
        piece = text[b.start:b.end]
        assert piece and piece == piece.strip() and "\n" not in piece
        if prev is not None:
            assert text[prev.end:b.start] == "\n\n"
    assert pdf_doc.blocks[0].start == 0 and pdf_doc.blocks[-1].end == len(text)


def test_sections(pdf_doc: Document) -> None:
    for i, b in enumerate(pdf_doc.blocks):
        if b.kind == "heading":
            assert b.section == i
        else:
            assert b.section is not None and pdf_doc.blocks[b.section].kind == "heading"


def test_running_header_same_as_first_heading(tmp_path: Path, txt_doc: Document) -> None:
    # The default header repeats the first heading ("ОМСК"); only the header copies may go.
    short = "\n\n".join(txt_doc.text[b.start:b.end] for b in txt_doc.blocks[:24])
    doc = pdf.read(fixtures.make_pdf(short, tmp_path / "short.pdf"))
    assert doc.pages is not None and doc.pages >= 2
    assert block_texts(doc) == block_texts(txt_doc)[:24]


def _canvas_pdf(path: Path, pages: list[list[str]]) -> Path:
    """A PDF with exactly these lines per page, drawn word by word and justified like a typeset report.

    A line starting with a tab is a paragraph's indented first line; one ending with a newline is its
    last line (not stretched to the right edge).
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    fixtures._register_fonts()
    font, size, left, right = fixtures.FONT_REGULAR, 11, 72.0, 460.0
    c = Canvas(str(path), pagesize=A4, invariant=1)
    for lines in pages:
        c.setFont(font, size)
        y = A4[1] - 72
        for line in lines:
            x = left + (28 if line.startswith("\t") else 0)
            words = line.split()
            widths = [stringWidth(w, font, size) for w in words]
            gap = stringWidth(" ", font, size)
            if not line.endswith("\n") and len(words) > 1:
                gap = (right - x - sum(widths)) / (len(words) - 1)
            for w, width in zip(words, widths, strict=True):
                c.drawString(x, y, w)
                x += width + gap
            y -= 14
        c.showPage()
    c.save()
    return path


def test_hyphenation_and_page_break(tmp_path: Path) -> None:
    path = _canvas_pdf(tmp_path / "hyphen.pdf", [
        ["\tАдминистрация города Омска продолжила сотрудни-",
         "чество с городами-партнерами, а также с городами-",
         "партнерами из Китая. Принимались фото-",
         "и видеоработы. В ноябре -",
         "декабре работа продолжилась, в рамках соглашения о"],
        ["сотрудничестве между школами прошел телемост.\n",
         "\tВ мае омские предприятия приняли участие в выставке.\n"],
    ])
    doc = pdf.read(path)
    assert block_texts(doc) == [
        ("Администрация города Омска продолжила сотрудничество с городами-партнерами, а также с городами-партнерами"
         " из Китая. Принимались фото- и видеоработы. В ноябре - декабре работа продолжилась, в рамках соглашения"
         " о сотрудничестве между школами прошел телемост."),
        "В мае омские предприятия приняли участие в выставке.",
    ]
    assert [b.page for b in doc.blocks] == [1, 2]
    assert [b.kind for b in doc.blocks] == ["paragraph", "paragraph"]


def test_join_lines() -> None:
    assert pdf.join_lines(["сотрудни-", "чество"]) == "сотрудничество"
    # a capital after a capitalised word's hyphen, an ending after a number's: a compound, no broken word
    assert pdf.join_lines(["в Кирово-", "Чепецке"]) == "в Кирово-Чепецке"
    assert pdf.join_lines(["отмечалось 800-", "летие"]) == "отмечалось 800-летие"
    assert pdf.join_lines(["МЕЖДУНАРОД-", "НОЕ"]) == "МЕЖДУНАРОД- НОЕ"  # capitals: which, nothing tells
    assert pdf.join_lines(["в ноябре -", "декабре"]) == "в ноябре - декабре"  # a dash, with its space
    assert pdf.join_lines(["из-", "за"], {"из-за"}) == "из-за"
    assert pdf.join_lines(["пере\u00ad", "рыв"]) == "перерыв"


def assert_read_error(path: Path, *fragments: str) -> str:
    with pytest.raises(ReadError) as err:
        read(path)
    msg = str(err.value)
    assert msg.startswith(path.name + ": ") and "\n" not in msg
    for f in fragments:
        assert f in msg
    return msg


def test_garbage_is_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "garbage.pdf"
    path.write_bytes(bytes(range(256)) * 40)
    assert_read_error(path, "not a PDF")


def test_truncated(tmp_path: Path, pdf_path: Path) -> None:
    data = pdf_path.read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[: len(data) // 2])
    assert_read_error(path, "truncated")


def test_damaged(tmp_path: Path) -> None:
    # Header and end marker intact, nothing sound between them.
    path = tmp_path / "damaged.pdf"
    path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8 + b"\ntrailer\n<< >>\n%%EOF\n")
    assert_read_error(path, "damaged PDF")


def test_encrypted(tmp_path: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption

    path = fixtures.make_pdf("Заголовок\n\nТекст отчета.", tmp_path / "locked.pdf",
                             encrypt=StandardEncryption("secret", ownerPassword="owner"))
    assert_read_error(path, "encrypted, cannot be read without the password")


def _image_pdf(path: Path, text_first: bool = False) -> Path:
    """A PDF whose page is a scan: a page-sized picture of Russian text (after a text page, if asked)."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    # 1/4 scale of a 300 dpi A4 page: small to store, still ~11 pt type once drawn on the page.
    font = ImageFont.truetype(str(fixtures.font_path(fixtures.FONT_REGULAR)), 12)
    image = Image.new("L", (620, 877), 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(["Администрация города Омска продолжила", "работу с городами-партнерами.", "",
                              "Международная деятельность"]):
        draw.text((60, 60 + i * 17), line, font=font, fill=0)
    image = image.resize((2480, 3508))
    c = Canvas(str(path), pagesize=A4, invariant=1)
    if text_first:
        fixtures._register_fonts()
        c.setFont(fixtures.FONT_REGULAR, 11)
        c.drawString(72, A4[1] - 72, "Текстовая страница отчета о работе администрации.")
        c.showPage()
    c.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
    c.showPage()
    c.save()
    return path


def test_scanned_without_ocr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "_tesseract", lambda: None)
    path = _image_pdf(tmp_path / "scan.pdf")
    assert_read_error(path, "no text layer", "apt-get install tesseract-ocr tesseract-ocr-rus")


@pytest.mark.skipif(not ocr.ocr_available(), reason="tesseract with Russian is not installed")
def test_scanned_with_ocr(tmp_path: Path) -> None:
    doc = read(_image_pdf(tmp_path / "scan.pdf"))
    low = doc.text.lower()
    assert "администрация" in low and "омска" in low and "партнерами" in low
    assert doc.pages == 1 and all(b.page == 1 for b in doc.blocks)
    assert all(doc.text[b.start:b.end].strip() for b in doc.blocks)


@pytest.mark.skipif(not ocr.ocr_available(), reason="tesseract with Russian is not installed")
def test_scanned_page_in_text_pdf(tmp_path: Path) -> None:
    doc = read(_image_pdf(tmp_path / "mixed.pdf", text_first=True))
    assert doc.pages == 2
    assert block_texts(doc)[0] == "Текстовая страница отчета о работе администрации."
    assert doc.blocks[0].page == 1 and {b.page for b in doc.blocks[1:]} == {2}
    assert "города омска" in doc.text[doc.blocks[1].start:].lower()


def test_scanned_page_in_text_pdf_without_ocr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A stray scanned page cannot fail the whole report when OCR is missing: it is left out.
    monkeypatch.setattr(ocr, "_tesseract", lambda: None)
    doc = read(_image_pdf(tmp_path / "mixed.pdf", text_first=True))
    assert block_texts(doc) == ["Текстовая страница отчета о работе администрации."]


def test_empty_page_pdf(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "blank.pdf"
    c = Canvas(str(path), invariant=1)
    c.showPage()
    c.save()
    assert_read_error(path, "no text")


def test_text_file_named_pdf(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_text("Просто текст отчета", encoding="utf-8")
    assert_read_error(path, "not a PDF")


# --- pdfium and pdfplumber -----------------------------------------------------------------------


def test_pdfplumber_reads_the_same(pdf_path: Path, pdf_doc: Document, monkeypatch: pytest.MonkeyPatch) -> None:
    # pdfplumber reads what pdfium cannot open: the same characters give the same document.
    monkeypatch.setattr(pdf, "_pdfium_pages", lambda path: None)
    doc = read(pdf_path)
    assert doc.text == pdf_doc.text
    assert [(b.kind, b.start, b.end, b.page) for b in doc.blocks] == [
        (b.kind, b.start, b.end, b.page) for b in pdf_doc.blocks]


def test_pdfium_failure_falls_back_to_pdfplumber(tmp_path: Path, txt_doc: Document,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import pypdfium2

    def broken(page: object) -> list[pdfchars.Char]:
        raise pypdfium2.PdfiumError("Failed to load page.")

    short = "\n\n".join(txt_doc.text[b.start:b.end] for b in txt_doc.blocks[:24])  # two pages
    path = fixtures.make_pdf(short, tmp_path / "short.pdf")
    monkeypatch.setattr(pdf, "page_chars", broken)
    assert block_texts(read(path)) == block_texts(txt_doc)[:24]


def test_concurrent_reads(tmp_path: Path, txt_doc: Document) -> None:
    # pdfium is not thread-safe; the reader serialises its calls.
    from concurrent.futures import ThreadPoolExecutor

    short = "\n\n".join(txt_doc.text[b.start:b.end] for b in txt_doc.blocks[:24])
    path = fixtures.make_pdf(short, tmp_path / "short.pdf")
    with ThreadPoolExecutor(4) as pool:
        docs = list(pool.map(lambda _: read(path), range(8)))
    assert all(block_texts(d) == block_texts(txt_doc)[:24] for d in docs)


def test_per_character_text_matches_page_text(pdf_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # When pdfium's page text does not line up with its characters (characters beyond the BMP, control
    # characters), each character is asked for on its own: the same result.
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(pdf_path))
    try:
        page = doc[1]
        whole = pdfchars.page_chars(page)
        monkeypatch.setattr(pdfchars._api(), "get_text", lambda *args: 0)
        assert pdfchars.page_chars(page) == whole
        page.close()
    finally:
        doc.close()
    assert len(whole) > 1000


def _canvas(path: Path, draw: Callable[[Canvas], None]) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    fixtures._register_fonts()
    c = Canvas(str(path), pagesize=A4, invariant=1)
    draw(c)
    c.showPage()
    c.save()
    return path


def test_rotated_text_is_dropped(tmp_path: Path) -> None:
    def draw(c: Canvas) -> None:
        c.setFont(fixtures.FONT_REGULAR, 11)
        c.drawString(72, 770, "Администрация города Омска продолжила работу с городами-партнерами.")
        for angle, x, y in ((45, 150, 300), (90, 520, 200), (180, 400, 100)):  # a watermark, a stamp, upside down
            c.saveState()
            c.translate(x, y)
            c.rotate(angle)
            c.setFont(fixtures.FONT_BOLD, 40)
            c.drawString(0, 0, "ОБРАЗЕЦ")
            c.restoreState()

    doc = read(_canvas(tmp_path / "watermark.pdf", draw))
    assert block_texts(doc) == ["Администрация города Омска продолжила работу с городами-партнерами."]


def test_word_gaps_inside_one_text_object(tmp_path: Path) -> None:
    # TeX sets a line as one TJ array, words apart by displacements and with no space characters;
    # a small displacement is kerning.
    def draw(c: Canvas) -> None:
        c.setFont("Helvetica", 12)
        c.drawString(72, 770, "Kerning")  # makes /F1 the page's font
        c._code.append("BT /F1 12 Tf 72 700 Td [(Words) -350 (set) -350 (apart,) -30 (kerned) -350 (once.)] TJ ET")

    doc = read(_canvas(tmp_path / "tj.pdf", draw))
    assert block_texts(doc)[-1] == "Words set apart,kerned once."


def test_ligatures_read_as_letters(tmp_path: Path) -> None:
    def draw(c: Canvas) -> None:
        c.setFont(fixtures.FONT_REGULAR, 11)
        c.drawString(72, 770, "Oﬃcial ﬁgures of the ﬂow.")

    assert block_texts(read(_canvas(tmp_path / "ligatures.pdf", draw))) == ["Official figures of the flow."]


def test_font_size_includes_the_text_matrix(tmp_path: Path) -> None:
    # A heading set in a 1-point font scaled 14 times is 14-point type.
    body = "Администрация города Омска продолжила работу с городами-партнерами в течение всего года."

    def draw(c: Canvas) -> None:
        t = c.beginText()
        t.setTextTransform(14, 0, 0, 14, 72, 770)
        t.setFont(fixtures.FONT_REGULAR, 1)
        t.textOut("Международное сотрудничество")
        c.drawText(t)
        c.setFont(fixtures.FONT_REGULAR, 10)
        for i in range(4):
            c.drawString(72, 740 - 14 * i, body)

    doc = read(_canvas(tmp_path / "scaled.pdf", draw))
    assert headings(doc) == ["Международное сотрудничество"]


def test_font_without_unicode_map_is_no_text_layer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Without its ToUnicode map a subset font's glyph codes mean nothing: the page is OCRed, or fails without OCR.
    monkeypatch.setattr(ocr, "_tesseract", lambda: None)
    path = fixtures.make_pdf("Заголовок\n\nТекст отчета о работе администрации города.", tmp_path / "mapped.pdf")
    data = re.sub(rb"/ToUnicode \d+ 0 R", lambda m: b" " * len(m.group()), path.read_bytes())
    path = tmp_path / "unmapped.pdf"
    path.write_bytes(data)
    assert_read_error(path, "no text layer")


def test_image_cover_inside_a_form(tmp_path: Path) -> None:
    # Scanners often wrap the page image in a form XObject, scaled there.
    import pypdfium2
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    def draw(c: Canvas) -> None:
        c.beginForm("scan")
        c.drawImage(ImageReader(Image.new("L", (50, 70), 200)), 0, 0, width=300, height=400)
        c.endForm()
        c.saveState()
        c.translate(20, 20)
        c.scale(1.8, 1.8)
        c.doForm("scan")
        c.restoreState()

    doc = pypdfium2.PdfDocument(str(_canvas(tmp_path / "form.pdf", draw)))
    try:
        page = doc[0]
        width, height = page.get_size()
        assert pdfchars.image_cover(page) == pytest.approx(540 * 720 / (width * height), rel=1e-3)
        page.close()
    finally:
        doc.close()
