"""Extraction: a Document's blocks through the spaCy pipeline, out as validated records."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import TypeAdapter, ValidationError

from pipeline.document import Document
from pipeline.records import Record

RECORD_TYPES = ("city", "date", "count", "money", "person", "organization")
# A paragraph longer than this (a table dumped as text, a broken scan) is cut at whitespace into pieces,
# so that memory stays bounded and spaCy's length limit is never reached.
MAX_PIECE = 50_000
_RECORD = TypeAdapter(Record)


@dataclass
class Extraction:
    records: list[Any] = field(default_factory=list)  # validated Record models
    rejected: list[str] = field(default_factory=list)  # why a candidate did not validate


def extract(document: Document, year: int, city: str | None = None) -> Extraction:
    """Every record in the document; a month or day without a year takes `year`. `city` is the report's own
    (as identify() names it), whose name is the city's where it could be a first name too («Владимира»)."""
    from pipeline.extract import gazetteer
    from pipeline.extract.mention import sentence_of
    from pipeline.extract.morph import fold
    from pipeline.extract.nlp import pipeline
    from pipeline.extract.reading import Reading, hyphen_vocabulary
    from pipeline.extract.tables import last_line

    home = (gazetteer.lookup(fold(city)) or gazetteer.latin_index().get(city)
            or gazetteer.lookup_small([fold(city)], frozenset({"RU"})) or gazetteer.unlisted(city)) if city else None

    nlp = pipeline()
    # shared by the blocks: an alias holds for the rest of the report, and so do a town's spelling and the
    # towns named so far
    aliases: dict[tuple[str, ...], str] = {}
    spelled_out: dict[str, Any] = {}
    towns_named: set[int] = set()
    villages: set[int] = set()
    vocab = hyphen_vocabulary(document.text)
    docs = []
    pieces = []
    for index, block in enumerate(document.blocks):
        heading = document.blocks[block.section] if block.section is not None else None
        for start, end in _pieces(document.text, block.start, block.end):
            reading = Reading(document.text[start:end], vocab)
            doc = nlp.make_doc(reading.text)
            # the last line of the block before, which may be the caption of a table this one starts with
            before = document.blocks[index - 1] if index else None
            doc.user_data.update(text=reading.text, year=year, aliases=aliases, spelled_out=spelled_out, home=home,
                                 towns_named=towns_named, villages=villages,
                                 heading=document.text[heading.start : heading.end] if heading else "",
                                 before=last_line(document.text, before.start, before.end) if before else "")
            docs.append(doc)
            pieces.append((index, block, start, reading))
    out = Extraction()
    seen: set[tuple[str, int, int]] = set()
    for (index, block, offset, reading), doc in zip(pieces, nlp.pipe(docs, batch_size=64)):
        for m in doc.user_data.get("mentions", []):
            # offsets of the stored text, whatever the reading joined
            start, end = reading.span(m.start, m.end)
            key = (m.type, offset + start, offset + end)
            if m.type not in RECORD_TYPES or key in seen:
                continue
            seen.add(key)
            s_start, s_end = reading.span(sentence_of(doc, m.start)[0], sentence_of(doc, m.end - 1)[1])
            raw = {"type": m.type, "start": offset + start, "end": offset + end,
                   "text": document.text[offset + start : offset + end], "block": index, "page": block.page,
                   "sentence_start": offset + s_start, "sentence_end": offset + max(s_end, end),
                   **m.fields}
            try:
                out.records.append(_RECORD.validate_python(raw))
            except ValidationError as e:
                problem = "; ".join(err["msg"] for err in e.errors())
                out.rejected.append(f"{m.type} {raw['text']!r} at {raw['start']}: {problem}")
    out.records.sort(key=lambda r: (r.start, r.end, r.type))
    return out


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) cut into spans of at most MAX_PIECE characters, at whitespace where there is some."""
    spans = []
    while end - start > MAX_PIECE:
        # A line break, else a sentence end, else any space, in the second half of the window.
        cut = -1
        for sep in ("\n", ". ", " "):
            cut = text.rfind(sep, start + MAX_PIECE // 2, start + MAX_PIECE)
            if cut >= 0:
                cut += len(sep)
                break
        cut = cut if cut > start else start + MAX_PIECE
        spans.append((start, cut))
        start = cut
    spans.append((start, end))
    return spans
