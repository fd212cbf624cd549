"""Which report a file is: its city and year, from the file name or else from the text."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.document import Document

_NAME = re.compile(r"^(?P<city>[a-z][a-z0-9_]*(?:-[a-z][a-z0-9_]*)*)[-_](?P<year>(?:18|19|20|21)\d\d)$", re.I)
# «В 2023 году …» is what a report is about; «в 2024 году планируется» is a plan, weighed less.
_YEAR_MENTION = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*(?:году|года|год|г\.)")
_PLAN = re.compile(r"планир|предполага|будет|намечен|перспектив|план", re.I)
_TRANSLIT = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                     ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
                      "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"]))


class IdentifyError(Exception):
    """The report's year cannot be told from its name or its text."""


@dataclass(frozen=True)
class Identity:
    report_id: str
    city: str | None
    year: int


def slug(s: str) -> str:
    out = "".join(_TRANSLIT.get(c, c) for c in s.lower())
    return re.sub(r"[^a-z0-9]+", "-", out).strip("-") or "report"


def year_from_text(text: str) -> int | None:
    votes: Counter[int] = Counter()
    for m in _YEAR_MENTION.finditer(text):
        context = text[max(0, m.start() - 60) : m.end() + 60]
        votes[int(m.group(1))] += 1 if _PLAN.search(context) else 3
    return votes.most_common(1)[0][0] if votes else None


def city_from_text(text: str, headings: list[str]) -> str | None:
    """The first heading that is a known city («ОМСК»)."""
    from pipeline.extract import gazetteer

    for h in headings[:5]:
        city = gazetteer.lookup(h.strip())
        if city:
            return city.name
    return None


def identify(stem: str, text: str, headings: list[str], year: int | None = None) -> Identity:
    m = _NAME.match(stem)
    city = city_from_text(text, headings)
    if m:
        y = year or int(m["year"])
        return Identity(f"{m['city'].lower()}-{y}", city or m["city"].capitalize(), y)
    y = year or year_from_text(text)
    if y is None:
        raise IdentifyError("no year in the file name (expected <city>-<year>) and none in the text")
    base = slug(city) if city else slug(stem)
    return Identity(f"{base}-{y}", city, y)


def identify_document(stem: str, doc: Document, year: int | None = None) -> Identity:
    """identify() for a read document, from its headings."""
    return identify(stem, doc.text, [doc.text[b.start : b.end] for b in doc.blocks if b.kind == "heading"], year)
