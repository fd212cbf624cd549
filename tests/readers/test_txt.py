"""Plain-text reader: encodings Russian files come in, blocks, headings."""

import pytest

from pipeline.document import ReadError
from pipeline.readers import read

REPORT = "ОМСК\n\nМеждународная деятельность\n\nАдминистрация города Омска продолжила работу.\nВторая строка.\n"


@pytest.mark.parametrize("encoding, prefix", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp1251", b""),
                                              ("utf-16", b"")])
def test_encodings_decode_to_the_same_text(tmp_path, encoding, prefix):
    p = tmp_path / "omsk-2023.txt"
    p.write_bytes(prefix + REPORT.encode(encoding))
    doc = read(p)
    assert doc.text == REPORT


def test_blocks_and_headings(tmp_path):
    p = tmp_path / "omsk-2023.txt"
    p.write_text(REPORT, encoding="utf-8")
    doc = read(p)
    assert [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks] == [
        ("heading", "ОМСК"), ("heading", "Международная деятельность"),
        ("paragraph", "Администрация города Омска продолжила работу.\nВторая строка.")]
    assert doc.blocks[2].section == 1


def test_sample_headings(sample_document):
    headings = [sample_document.text[b.start : b.end] for b in sample_document.blocks if b.kind == "heading"]
    assert "Город Фучжоу (провинция Фуцзянь, КНР)" in headings
    assert "Мероприятия в области культуры" in headings
    assert not any(h.startswith("В 2024 году планируется") for h in headings)


def test_mixed_line_endings_keep_offsets(tmp_path):
    text = "Заголовок\r\n\r\nПервый абзац.\n\nВторой абзац.\r\n"
    p = tmp_path / "x-2023.txt"
    p.write_bytes(text.encode("utf-8"))
    doc = read(p)
    assert [doc.text[b.start : b.end] for b in doc.blocks] == ["Заголовок", "Первый абзац.", "Второй абзац."]


@pytest.mark.parametrize("content, problem",
                         [(b"", "empty"), (b"   \n\n", "empty"), (b"\x00\x01\x02\xff" * 50, "binary")])
def test_bad_text_files(tmp_path, content, problem):
    p = tmp_path / "bad-2023.txt"
    p.write_bytes(content)
    with pytest.raises(ReadError, match=problem) as e:
        read(p)
    assert "bad-2023.txt" in str(e.value)
