"""natasha's NER inside the pipeline: blocks go through the tagger as one text, and each block gets the
spans that natasha's own Doc pipeline (segmenter, then NER) finds in that text."""

from __future__ import annotations

from pipeline.extract.mention import mentions


def test_a_batch_of_blocks_gets_the_spans_natasha_finds_in_their_text(sample_document):
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    from pipeline.extract.nlp import NatashaNER, pipeline

    nlp = pipeline()
    blocks = [sample_document.text[b.start : b.end] for b in sample_document.blocks][:40]
    docs = list(NatashaNER().pipe((nlp.make_doc(t) for t in blocks), batch_size=len(blocks)))
    ours, pos = set(), 0
    for text, doc in zip(blocks, docs, strict=True):
        ours |= {(m.type, pos + m.start, pos + m.end) for m in mentions(doc) if m.type.startswith("ner_")}
        pos += len(text) + len(NatashaNER.SEPARATOR)

    whole = Doc(NatashaNER.SEPARATOR.join(blocks))
    whole.segment(Segmenter())
    whole.tag_ner(NewsNERTagger(NewsEmbedding()))
    theirs = {(f"ner_{s.type.lower()}", s.start, s.stop) for s in whole.spans if "\n\n" not in s.text}
    assert ours == theirs
    assert len(ours) > 20  # the sample's first blocks name many people and organisations
