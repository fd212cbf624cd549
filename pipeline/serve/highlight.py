"""Marking text for the archive's pages: search hits by lemma, a record's span in its sentence.

Everything here returns either plain text with the markers ⟦ ⟧ (what SQL functions return, so the JSON
stays plain text) or markupsafe.Markup built from escaped text (what HTML cells get). Source text is
never trusted: it is escaped first and only our own markers become tags.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from markupsafe import Markup, escape

from pipeline.textindex import lemma

OPEN, CLOSE = "\u27e6", "\u27e7"  # ⟦ ⟧: not used in Russian prose, readable in JSON
_WORD = re.compile(r"\w+")  # the tokenisation of pipeline.textindex, so hits agree with the index
_MARKED = re.compile(f"{OPEN}([^{OPEN}{CLOSE}]*){CLOSE}")


def query_lemmas(q: str | None) -> frozenset[str]:
    """The lemmas of a user's search words («Телемосты с Гомелем» → {телемост, с, гомель})."""
    return frozenset(lemma(w) for w in _WORD.findall(q or ""))


def match_spans(text: str, lemmas: Iterable[str]) -> list[tuple[int, int]]:
    """Spans of the words of `text` whose lemma is one of `lemmas`."""
    wanted = frozenset(lemmas)
    if not wanted:
        return []
    return [(m.start(), m.end()) for m in _WORD.finditer(text) if lemma(m.group()) in wanted]


def _strip_markers(text: str) -> str:
    # A report that itself contains ⟦ ⟧ must not fake a hit.
    return text.replace(OPEN, "[").replace(CLOSE, "]")


def _mark(text: str, spans: list[tuple[int, int]], lo: int = 0, hi: int | None = None) -> str:
    hi = len(text) if hi is None else hi
    out, pos = [], lo
    for s, e in spans:
        if s < lo or e > hi:
            continue
        out += [text[pos:s], OPEN, text[s:e], CLOSE]
        pos = e
    out.append(text[pos:hi])
    return "".join(out)


def highlight_lemmas(text: str | None, q: str | None) -> str:
    """The whole text with every word that matches a query word (in any form) between ⟦ and ⟧."""
    if not text:
        return text or ""
    text = _strip_markers(text)
    return _mark(text, match_spans(text, query_lemmas(q)))


def snippet_lemmas(text: str | None, q: str | None, width: int = 320) -> str:
    """Like highlight_lemmas, cut to about `width` characters around the first hit (… where cut)."""
    if not text:
        return text or ""
    text = _strip_markers(text)
    spans = match_spans(text, query_lemmas(q))
    if len(text) <= width:
        return _mark(text, spans)
    first = spans[0][0] if spans else 0
    lo = max(0, first - width // 3)
    if lo:  # start on a word boundary
        space = text.find(" ", lo)
        lo = space + 1 if 0 <= space < first else lo
    hi = min(len(text), lo + width)
    if hi < len(text):
        space = text.rfind(" ", lo, hi)
        hi = space if space > first else hi
    return ("…" if lo else "") + _mark(text, spans, lo, hi) + ("…" if hi < len(text) else "")


def marks_to_html(text: str) -> Markup:
    """Escape everything, then turn balanced ⟦…⟧ pairs into <mark>…</mark>."""
    escaped = str(escape(text))
    return Markup(_MARKED.sub(r'<mark class="hit">\1</mark>', escaped))


def record_offset(sentence: str, text: str, start: int | None, paragraph_start: int | None,
                  paragraph_text: str | None) -> int | None:
    """Where a record's `text` stands in its `sentence`.

    The archive keeps the record's offset in the report and the paragraph's, not the sentence's, so
    the sentence is found inside its paragraph first; the occurrence that holds the record wins. When
    the sentence is not inside the paragraph (it crosses a block), the first occurrence of the text.
    """
    if start is not None and paragraph_start is not None and paragraph_text:
        rel = start - paragraph_start
        i = paragraph_text.find(sentence)
        while i != -1:
            k = rel - i
            if 0 <= k and sentence[k : k + len(text)] == text:
                return k
            i = paragraph_text.find(sentence, i + 1)
    k = sentence.find(text)
    return k if k >= 0 else None


def sentence_html(sentence: str, text: str, offset: int | None, label: str | None = None) -> Markup:
    """The sentence, escaped, with the record's span in <mark>."""
    if offset is None or not text:
        return Markup(escape(sentence))
    title = f' title="{escape(label)}"' if label else ""
    return Markup("{}<mark class=\"record\"{}>{}</mark>{}").format(
        sentence[:offset], Markup(title), sentence[offset : offset + len(text)],
        sentence[offset + len(text) :])
