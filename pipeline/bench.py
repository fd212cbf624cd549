"""`make bench`: extraction throughput beside its floors, measured in one run (medians of several)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "raw" / "omsk-2023.txt"


def _median_seconds(fn: Callable[[], object], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> int:
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    from pipeline.document import Document, split_blocks
    from pipeline.extract import extract
    from pipeline.extract.nlp import pipeline

    text = SAMPLE.read_text(encoding="utf-8") * 4
    doc = Document(source="bench.txt", format="txt", text=text, blocks=split_blocks(text))
    extract(doc, 2023)  # warm up: models and caches load once per process, as in a worker
    nlp = pipeline()
    segmenter, tagger = Segmenter(), NewsNERTagger(NewsEmbedding())

    def natasha() -> None:
        d = Doc(text)
        d.segment(segmenter)
        d.tag_ner(tagger)

    ours = len(text) / _median_seconds(lambda: extract(doc, 2023))
    tokens = len(text) / _median_seconds(lambda: list(nlp.tokenizer.pipe(text[b.start:b.end] for b in doc.blocks)))
    ner = len(text) / _median_seconds(natasha)
    noop = _median_seconds(lambda: subprocess.run([sys.executable, "-m", "pipeline", "ingest", "--quiet"],
                                                  capture_output=True, check=False))
    print(f"machine: {os.cpu_count()} cores; text: {len(text):,} characters (the sample, 4 times)")
    print(f"extraction:                 {ours:,.0f} chars/s per core")
    print(f"spacy.blank('ru') tokenise: {tokens:,.0f} chars/s  (extraction = {ours / tokens:.3f} of it)")
    print(f"natasha segmenter + NER:    {ner:,.0f} chars/s  (extraction = {ours / ner:.2f} of it; target >= 0.5)")
    print(f"no-op ingest (interpreter included): {noop:.2f} s (target <= 2 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
