"""How exact a number is: the words before it, as a table (GOLD.md qualifiers)."""

from __future__ import annotations

import re

# Longest phrases first: «не менее» must win over «менее», «более чем» over «более».
QUALIFIERS: dict[str, str] = {
    "не менее чем": "at_least", "не менее": "at_least", "не меньше": "at_least", "как минимум": "at_least",
    "минимум": "at_least",
    "не более чем": "at_most", "не более": "at_most", "не больше": "at_most", "не свыше": "at_most",
    "максимум": "at_most", "до": "at_most",
    "более чем": "more_than", "более": "more_than", "свыше": "more_than", "больше": "more_than",
    "почти": "less_than", "менее": "less_than", "меньше": "less_than", "чуть менее": "less_than",
    "около": "approx", "порядка": "approx", "примерно": "approx", "приблизительно": "approx",
    "ориентировочно": "approx", "почти что": "less_than",
    "≈": "approx", "~": "approx",  # a table's cell: «≈ 96 000», «~1 500 чел.»
}
QUALIFIER_RE = "|".join(
    r"(?<![а-яё])" + re.escape(q).replace(r"\ ", r"\s+") for q in sorted(QUALIFIERS, key=len, reverse=True)
)
# «почти на 12 тысяч»: a change by about so many; a sign may stand close to its number («≈8000»)
_TRAILING = re.compile(rf"(?P<q>{QUALIFIER_RE})\s+(?:на\s+)?$|(?P<sign>[≈~])$", re.IGNORECASE)
# Verbs that bound the number after them («превысило 640 тысяч»); unlike the words above, a verb is not
# part of the number's span. The first matching row wins.
VERB_QUALIFIERS: list[tuple[str, str]] = [(r"не\s+превы[сш]\w*", "at_most"), (r"превы[сш]\w*", "more_than")]
_VERBS = [(re.compile(rf"(?<![а-яё])(?:{p})\s+$", re.IGNORECASE), q) for p, q in VERB_QUALIFIERS]


def qualifier_of(phrase: str | None) -> str:
    if not phrase:
        return "exact"
    return QUALIFIERS[" ".join(phrase.lower().split())]


def qualifier_before(text: str, pos: int) -> tuple[str, int]:
    """The qualifier ending right before `pos` and where it starts, or ("exact", pos)."""
    m = _TRAILING.search(text, max(0, pos - 24), pos)
    if m:
        return qualifier_of(m["q"] or m["sign"]), m.start()
    return verb_qualifier(text, pos), pos


def verb_qualifier(text: str, pos: int) -> str:
    """The qualifier a verb right before `pos` gives the number there, or "exact"."""
    return next((q for pattern, q in _VERBS if pattern.search(text, max(0, pos - 24), pos)), "exact")
