"""Extraction: a Document's blocks through the spaCy pipeline, out as validated records."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import TypeAdapter, ValidationError

from pipeline.document import Document
from pipeline.records import Record

RECORD_TYPES = ("city", "date", "count", "money", "person", "organization")
_RECORD = TypeAdapter(Record)


@dataclass
class Extraction:
    records: list[Any] = field(default_factory=list)  # validated Record models
    rejected: list[str] = field(default_factory=list)  # why a candidate did not validate


def extract(document: Document, year: int) -> Extraction:
    """Every record in the document; a month or day without a year takes `year`."""
    from pipeline.extract.nlp import pipeline

    nlp = pipeline()
    aliases: dict[tuple[str, ...], str] = {}  # shared by the blocks: an alias holds for the rest of the report
    docs = []
    for block in document.blocks:
        doc = nlp.make_doc(document.text[block.start : block.end])
        heading = document.blocks[block.section] if block.section is not None else None
        doc.user_data.update(year=year, aliases=aliases,
                             heading=document.text[heading.start : heading.end] if heading else "")
        docs.append(doc)
    out = Extraction()
    seen: set[tuple[str, int, int]] = set()
    for index, (block, doc) in enumerate(zip(document.blocks, nlp.pipe(docs, batch_size=64))):
        sentences = doc.user_data.get("sentences") or [(0, len(doc.text))]
        for m in doc.user_data.get("mentions", []):
            key = (m.type, block.start + m.start, block.start + m.end)
            if m.type not in RECORD_TYPES or key in seen:
                continue
            seen.add(key)
            s_start = next((s for s, e in sentences if s <= m.start < e), 0)
            s_end = next((e for s, e in sentences if s < m.end <= e), len(doc.text))
            raw = {"type": m.type, "start": block.start + m.start, "end": block.start + m.end,
                   "text": doc.text[m.start : m.end], "block": index, "page": block.page,
                   "sentence_start": block.start + s_start, "sentence_end": block.start + max(s_end, m.end),
                   **m.fields}
            try:
                out.records.append(_RECORD.validate_python(raw))
            except ValidationError as e:
                problem = "; ".join(err["msg"] for err in e.errors())
                out.rejected.append(f"{m.type} {raw['text']!r} at {raw['start']}: {problem}")
    out.records.sort(key=lambda r: (r.start, r.end, r.type))
    return out
