"""What the extraction components write into a spaCy Doc, and how they read each other's output."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc


@dataclass
class Mention:
    type: str
    start: int  # offsets into doc.text
    end: int
    fields: dict[str, Any] = field(default_factory=dict)


def text_of(doc: Doc) -> str:
    """The doc's text, built once: Doc.text joins every token's text again on each read, and each
    component reads it."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text


def mentions(doc: Doc, *types: str) -> list[Mention]:
    if not types:
        return list(doc.user_data.setdefault("mentions", []))
    by_type: dict[str, list[Mention]] = doc.user_data.setdefault("by_type", {})
    return [m for t in types for m in by_type.get(t, [])]


def add(doc: Doc, mention: Mention) -> None:
    doc.user_data.setdefault("mentions", []).append(mention)
    doc.user_data.setdefault("by_type", {}).setdefault(mention.type, []).append(mention)


def overlaps(doc: Doc, start: int, end: int, *types: str) -> bool:
    return any(m.start < end and start < m.end for m in mentions(doc, *types))


def sentence_of(doc: Doc, offset: int) -> tuple[int, int]:
    """Character span of the sentence holding `offset` (set by the sentence component); O(log n)."""
    sentences = doc.user_data.get("sentences")
    if not sentences:
        return 0, len(text_of(doc))
    starts = doc.user_data.get("sentence_starts")
    if starts is None or len(starts) != len(sentences):
        starts = doc.user_data["sentence_starts"] = [s for s, _ in sentences]
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and sentences[i][0] <= offset < sentences[i][1]:
        return sentences[i]
    return (sentences[i][0], sentences[i][1]) if i >= 0 else sentences[0]


def line_at(text: str, i: int) -> str:
    """The line of `text` that offset i is on, without its line breaks."""
    end = text.find("\n", i)
    return text[text.rfind("\n", 0, i) + 1 : end if end >= 0 else len(text)]
