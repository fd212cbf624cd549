"""The spaCy pipeline: spacy.blank("ru") with our components, built once per process."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# Importing the modules registers their components with spaCy.
from pipeline.extract import cities, counts, dates, money, participants  # noqa: F401
from pipeline.extract.mention import Mention, add

# Order matters: dates and money claim their numbers before counts look; persons are known before
# cities, so a surname is not read as a city («Игоря Николаева» is not Николаев).
COMPONENTS = ("archive_sentences", "archive_ner", "archive_dates", "archive_money", "archive_counts",
              "archive_participants", "archive_cities")


@functools.cache
def _natasha() -> tuple[object, object]:
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter

    return Segmenter(), NewsNERTagger(NewsEmbedding())


@Language.component("archive_sentences")
def sentences_component(doc: Doc) -> Doc:
    """Sentence boundaries from razdel, which knows Russian abbreviations (им., г., т.д.)."""
    from razdel import sentenize

    # Kept as character spans in user_data: setting Token.is_sent_start re-checks the whole doc each
    # time (quadratic), and no component needs spaCy's own sentence API.
    doc.user_data["sentences"] = [(s.start, s.stop) for s in sentenize(doc.text)]
    return doc


@Language.component("archive_ner")
def ner_component(doc: Doc) -> Doc:
    """natasha's news NER: person and organisation candidates that the rule components refine."""
    from natasha import Doc as NatashaDoc

    segmenter, tagger = _natasha()
    nd = NatashaDoc(doc.text)
    nd.segment(segmenter)
    nd.tag_ner(tagger)
    for span in nd.spans:
        add(doc, Mention(f"ner_{span.type.lower()}", span.start, span.stop))
    return doc


@functools.cache
def pipeline() -> Language:
    nlp = spacy.blank("ru")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp
