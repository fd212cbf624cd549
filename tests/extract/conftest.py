"""Run the real pipeline on a snippet of report text."""

from __future__ import annotations

import pytest

from pipeline.document import Document, split_blocks
from pipeline.extract import extract


def records_of(text: str, type_: str, year: int = 2023, city: str | None = None) -> list:
    doc = Document(source="snippet.txt", format="txt", text=text, blocks=split_blocks(text))
    found = [r for r in extract(doc, year, city).records if r.type == type_]
    for r in found:
        assert text[r.start : r.end] == r.text
    return found


@pytest.fixture
def extract_records():
    return records_of
