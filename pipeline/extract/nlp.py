"""The spaCy pipeline: spacy.blank("ru") with our components, built once per process."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Iterator
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# Importing the modules registers their components with spaCy.
from pipeline.extract import cities, counts, dates, money, participants  # noqa: F401
from pipeline.extract.mention import Mention, add, text_of

# Order matters: dates and money claim their numbers before counts look; persons are known before
# cities, so a surname is not read as a city («Игоря Николаева» is not Николаев).
COMPONENTS = ("archive_sentences", "archive_ner", "archive_dates", "archive_money", "archive_counts",
              "archive_participants", "archive_cities")


@functools.cache
def _natasha_ner() -> Any:
    from natasha import NewsEmbedding, NewsNERTagger

    return NewsNERTagger(NewsEmbedding())


@Language.component("archive_sentences")
def sentences_component(doc: Doc) -> Doc:
    """Sentence boundaries from razdel, which knows Russian abbreviations (им., г., т.д.)."""
    from razdel import sentenize

    # Kept as character spans in user_data: setting Token.is_sent_start re-checks the whole doc each
    # time (quadratic), and no component needs spaCy's own sentence API.
    doc.user_data["sentences"] = [(s.start, s.stop) for s in sentenize(text_of(doc))]
    return doc


class NatashaNER:
    """natasha's news NER: person and organisation candidates that the rule components refine.

    slovnet pays a large fixed cost per call, so a batch of blocks goes through it as one text
    (blocks joined by blank lines) and the spans are handed back to their blocks.
    """

    SEPARATOR = "\n\n"

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._tag(batch)
                batch = []
        yield from self._tag(batch)

    def _tag(self, docs: list[Doc]) -> list[Doc]:
        texts = [text_of(d) for d in docs]
        joined = self.SEPARATOR.join(texts)
        if not joined.strip():
            return docs
        starts, pos = [], 0
        for t in texts:
            starts.append(pos)
            pos += len(t) + len(self.SEPARATOR)
        # The tagger alone, as natasha's Doc.tag_ner calls it: it tokenises the text itself, and natasha's
        # segmentation (a tenth of our extraction time) would only attach its tokens to the spans.
        for span in _natasha_ner()(joined).spans:
            i = bisect.bisect_right(starts, span.start) - 1
            start, stop = span.start - starts[i], span.stop - starts[i]
            if stop <= len(texts[i]):  # a span across the separator belongs to no block
                add(docs[i], Mention(f"ner_{span.type.lower()}", start, stop))
        return docs


@Language.factory("archive_ner")
def make_ner(nlp: Language, name: str) -> NatashaNER:
    return NatashaNER()


@functools.cache
def pipeline() -> Language:
    nlp = spacy.blank("ru")
    # a footnote mark glued to a word is a token of its own: «Тюбингеном[3]» is «Тюбингеном» «[» «3» «]»
    infixes = [*nlp.Defaults.infixes, r"\[", r"\]"]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp
