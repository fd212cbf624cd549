"""Line-end hyphens: a word broken at the end of a line, or a hyphenated word wrapped at its hyphen.

Shared by the PDF reader, which joins a paragraph's lines, and by extraction, which reads a text file's
hard-wrapped lines joined (extract/reading.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

# "фото- и видеоработы": a hyphen left hanging before a conjunction stays, with its space.
SUSPENDED_BEFORE = frozenset({"и", "или", "либо", "а", "и/или"})
PUNCT = "«»\"'“”„()[]{}.,;:!?…"


def vocabulary(lines: Iterable[str]) -> set[str]:
    """Lowercased words as printed inside lines, to tell "город-побратим" from a hyphenated "побра-тим"."""
    words: set[str] = set()
    for line in lines:
        for w in line.split()[:-1]:  # the last word may be the broken one
            words.add(w.strip(PUNCT).lower())
    return words


def line_end_hyphen(before: str, after: str, vocab: set[str] | frozenset[str],
                    pair: Callable[[str, str], bool] | None = None) -> str:
    """How `before` and `after` meet: "break" (a word hyphenated at the line end), "compound"
    (a hyphenated word such as "город-побратим" wrapped at its hyphen) or "space". `pair`, a dictionary's
    test of two word forms, tells a compound the report prints nowhere else ("городами-партнёрами")."""
    if len(before) < 2 or before[-1] not in "-\u2010" or not after[:1].isalpha():
        return "space"
    head_word = before.split()[-1]  # never empty: `before` ends in the hyphen
    if (before[-2].isdigit() and after[:1].islower()) or (head_word[:1].isupper() and after[:1].isupper()
                                                          and after[1:2].islower()):
        return "compound"  # «800-\nлетие», «Кирово-\nЧепецке»: no word breaks before a digit's ending or a capital
    if not before[-2].isalpha() or not after[:1].islower():
        return "space"
    tail_word = after.split()[0]
    if tail_word.lower() in SUSPENDED_BEFORE:
        return "space"
    head = before.split()[-1].strip(PUNCT)[:-1].lower()
    tail = tail_word.strip(PUNCT).lower()
    # A word printed whole with its hyphen elsewhere in the report is a compound, not a break.
    if f"{head}-{tail}" in vocab and f"{head}{tail}" not in vocab:
        return "compound"
    if pair is not None and f"{head}{tail}" not in vocab and pair(head, tail):
        return "compound"
    return "break"
