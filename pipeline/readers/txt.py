"""Plain-text reports: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1251."""

from __future__ import annotations

from pathlib import Path

from pipeline.document import Document, ReadError, split_blocks

# Cyrillic letters that are common in Russian; a cp1252/latin-1 misreading has none.
_RUSSIAN = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Decode report bytes; returns (text, encoding). Raises ReadError when no encoding fits."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as e:
            raise ReadError(f"{source}: UTF-16 byte order mark but undecodable text ({e.reason})") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1251", errors="replace")
    letters = sum(ch.isalpha() for ch in text)
    if letters and sum(ch in _RUSSIAN for ch in text) / letters > 0.5 and "\ufffd" not in text:
        return text, "cp1251"
    raise ReadError(f"{source}: not UTF-8, UTF-16 or Windows-1251 text")


def read(path: Path) -> Document:
    data = path.read_bytes()
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError(f"{path.name}: binary data in a .txt file")
    text, encoding = decode(data, path.name)
    if not text.strip():
        raise ReadError(f"{path.name}: the file is empty")
    blocks = split_blocks(text)
    pages = text.count("\f") + 1 if "\f" in text else None
    return Document(source=path.name, format="txt", text=text, blocks=blocks, pages=pages, encoding=encoding)
