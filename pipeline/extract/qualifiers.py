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
}
QUALIFIER_RE = "|".join(
    r"(?<![а-яё])" + re.escape(q).replace(r"\ ", r"\s+") for q in sorted(QUALIFIERS, key=len, reverse=True)
)
_TRAILING = re.compile(rf"(?:{QUALIFIER_RE})\s+$", re.IGNORECASE)


def qualifier_of(phrase: str | None) -> str:
    if not phrase:
        return "exact"
    return QUALIFIERS[" ".join(phrase.lower().split())]


def qualifier_before(text: str, pos: int) -> tuple[str, int]:
    """The qualifier ending right before `pos` and where it starts, or ("exact", pos)."""
    m = _TRAILING.search(text, max(0, pos - 20), pos)
    if not m:
        return "exact", pos
    return qualifier_of(m.group().strip()), m.start()
