"""What the extraction components write into a spaCy Doc, and how they read each other's output."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc


@dataclass
class Mention:
    type: str
    start: int  # offsets into doc.text
    end: int
    fields: dict[str, Any] = field(default_factory=dict)


def mentions(doc: Doc, *types: str) -> list[Mention]:
    found: list[Mention] = doc.user_data.setdefault("mentions", [])
    return [m for m in found if not types or m.type in types]


def add(doc: Doc, mention: Mention) -> None:
    doc.user_data.setdefault("mentions", []).append(mention)


def overlaps(doc: Doc, start: int, end: int, *types: str) -> bool:
    return any(m.start < end and start < m.end for m in mentions(doc, *types))


def sentence_of(doc: Doc, offset: int) -> tuple[int, int]:
    """Character span of the sentence holding `offset` (set by the sentence component)."""
    for s, e in doc.user_data.get("sentences", [(0, len(doc.text))]):
        if s <= offset < e:
            return s, e
    return 0, len(doc.text)
