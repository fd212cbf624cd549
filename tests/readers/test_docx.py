"""DOCX reader: same blocks as the txt reader on a DOCX copy of the sample report, and clean errors."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from pipeline import fixtures
from pipeline.document import Document, ReadError
from pipeline.readers import docx as docx_reader
from pipeline.readers import read, txt

RAW = Path(__file__).resolve().parents[2] / "raw" / "omsk-2023.txt"


def block_texts(doc: Document) -> list[str]:
    return [" ".join(doc.text[b.start:b.end].split()) for b in doc.blocks]


@pytest.fixture(scope="module")
def txt_doc() -> Document:
    return txt.read(RAW)


@pytest.fixture(scope="module")
def docx_doc(tmp_path_factory: pytest.TempPathFactory) -> Document:
    path = fixtures.make_docx(RAW.read_text(encoding="utf-8"), tmp_path_factory.mktemp("docx") / "omsk-2023.docx")
    return read(path)


def test_same_paragraphs_as_txt(txt_doc: Document, docx_doc: Document) -> None:
    assert block_texts(docx_doc) == block_texts(txt_doc)


def test_same_headings_as_txt(txt_doc: Document, docx_doc: Document) -> None:
    def headings(doc: Document) -> set[str]:
        return {doc.text[b.start:b.end] for b in doc.blocks if b.kind == "heading"}

    assert headings(docx_doc) == headings(txt_doc)
    assert [b.kind for b in docx_doc.blocks] == [b.kind for b in txt_doc.blocks]


def test_document_fields(docx_doc: Document) -> None:
    assert (docx_doc.source, docx_doc.format, docx_doc.pages, docx_doc.encoding) == (
        "omsk-2023.docx", "docx", None, None)
    text = docx_doc.text
    for prev, b in zip([None, *docx_doc.blocks], docx_doc.blocks, strict=False):
        assert b.page is None
        piece = text[b.start:b.end]
        assert piece and piece == piece.strip()
        if prev is not None:
            assert text[prev.end:b.start] == "\n\n"
    assert docx_doc.blocks[-1].end == len(text)
    assert all(b.section is not None for b in docx_doc.blocks)


def test_styles_bold_and_tables(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_heading("Отчет города", level=0)  # "Title" style
    d.add_paragraph("")  # empty: skipped
    d.add_paragraph().add_run("Раздел без стиля заголовка").bold = True
    p = d.add_paragraph("Первая строка\nвторая строка.")
    p.add_run(" Жирное окончание.").bold = True
    table = d.add_table(rows=2, cols=2)
    for r, row in enumerate([["Показатель", "2023"], ["Делегации", "11"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    d.add_paragraph().add_run("Жирная фраза с точкой.").bold = True
    path = tmp_path / "styled.docx"
    d.save(str(path))
    doc = docx_reader.read(path)
    assert [(b.kind, doc.text[b.start:b.end]) for b in doc.blocks] == [
        ("heading", "Отчет города"),
        ("heading", "Раздел без стиля заголовка"),
        ("paragraph", "Первая строка вторая строка. Жирное окончание."),
        ("paragraph", "Показатель | 2023"),
        ("paragraph", "Делегации | 11"),
        ("paragraph", "Жирная фраза с точкой."),
    ]


@pytest.mark.parametrize(("content", "fragment"), [
    (bytes(range(256)) * 20, "not a DOCX"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "old Word .doc or a password-protected DOCX"),
])
def test_garbage(tmp_path: Path, content: bytes, fragment: str) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(content)
    with pytest.raises(ReadError) as err:
        read(path)
    assert str(err.value).startswith("broken.docx: ") and fragment in str(err.value)


def test_zip_that_is_not_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "не документ")
    with pytest.raises(ReadError, match=r"^archive\.docx: not a DOCX"):
        read(path)


def test_empty_document(tmp_path: Path) -> None:
    import docx

    path = tmp_path / "empty.docx"
    docx.Document().save(str(path))
    with pytest.raises(ReadError, match=r"^empty\.docx: the document has no text"):
        read(path)
