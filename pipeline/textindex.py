"""Lemmatised text for Russian full-text search: every word to its lemma, ё read as е."""

from __future__ import annotations

import functools
import re

_WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=300_000)
def lemma(word: str) -> str:
    from pipeline.extract.morph import parses

    w = word.lower().replace("ё", "е")
    if w.isdigit():
        return w
    return parses(w)[0].normal_form.replace("ё", "е")


def lemmatize_text(text: str) -> str:
    """«телемоста с Гомелем» → «телемост с гомель»: what the FTS index and the query both go through."""
    return " ".join(lemma(w) for w in _WORD.findall(text))


def fts_query(q: str) -> str:
    """A user's search words as an FTS5 query over lemmas: every word must match (any form)."""
    words = [lemma(w) for w in _WORD.findall(q)]
    return " ".join(f'"{w}"' for w in words) if words else '""'
