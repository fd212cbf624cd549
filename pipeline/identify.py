"""Which report a file is: its city and year, from the file name or else from the text."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pipeline.document import Document
    from pipeline.extract.gazetteer import City

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
    # a Latin letter with a mark is the letter («Orlová»: orlova, no «orlov» to take a Russian town's file name)
    out = "".join(c for c in unicodedata.normalize("NFKD", out) if not unicodedata.combining(c))
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


def city_from_file_name(name: str, text: str) -> str | None:
    """The city a file name spells in Latin letters («komsomolsk», «velikieluki», «novgorod»), by GeoNames'
    and our transliteration of its Russian names, whole or one of their parts; among several, the one whose
    name's parts the text names most («Петропавловск-Камчатский», not Petropavlovsk in Kazakhstan), under
    its Russian name the text uses most («Улан-Удэ», not «Улан Уде»)."""
    from pipeline.extract import gazetteer

    key = _compact(name.lower().replace("_", "-"))
    index = _cities_by_slug()
    whole, parts = index.get(key, []), index.get(f"part:{key}", [])
    low = text.lower()
    if not whole:
        # a small town («suzdal»), where the text names it by its usual name (not «Задонськ», a spelling the
        # index holds too): small towns' names are often common words'. Its whole name is the file's, where a
        # larger town only has it as a part («zadonsk»: Задонск, not Северо-Задонск), unless the text names
        # that one more often («komsomolsk»: Комсомольск-на-Амуре).
        towns = [name for t in _small_towns_by_slug().get(key, []) if _uses(low, name := gazetteer.usual_name(t))]
        if towns and (not parts or _whole_uses(low, towns[0]) > max(_whole_uses(low, c) for p in parts
                                                                    for c in p[1:])):
            return towns[0]
    candidates = whole + parts
    if not candidates:
        return None

    def used(spelling: str) -> int:
        return low.count(spelling.lower()[: max(4, len(spelling) - 2)])

    def usual(city: tuple[str, ...]) -> str:
        """Of its spellings the text uses, in any case, the closest to GeoNames' name («Улан-Удэ», not «Улан
        Уде»; «Петропавловск», not «Петропавл»; «Великий Новгород», not «Новгород»)."""
        latin, *spellings = city
        return max(spellings, key=lambda spelling: (_uses(low, spelling), gazetteer.closeness(spelling, latin),
                                                    low.count(spelling.lower())))

    def score(city: tuple[str, ...]) -> tuple[int, bool, int, int]:
        # first how often the text names the city whole, not as a part of a longer name («Железногорск», not
        # «Железногорск-Илимский», in Zheleznogorsk's report; «Комсомольск-на-Амуре», not «Комсомольск»)
        counts = [used(p) for p in re.split(r"[- ]", usual(city)) if len(p) > 3]
        return _whole_uses(low, usual(city)), all(counts), sum(c > 0 for c in counts), sum(counts)

    return usual(max(candidates, key=score))  # in population order: the most populous of equals


def _heading_spelled(name: str, headings: list[str]) -> str | None:
    """A heading that spells the file name's city in Russian («АЗНАКАЕВО» for «aznakayevo»), for a town
    the gazetteer does not have."""
    from pipeline.extract import gazetteer

    for h in headings[:5]:
        if re.fullmatch(r"[А-ЯЁа-яё -]{3,40}", h.strip()) and gazetteer.closeness(h.strip(), name) >= 0.8:
            return "-".join(w.capitalize() for w in h.strip().lower().split("-"))
    return None


# A name as a text writes it in the nominative: a capitalised word or one in capitals, hyphenated parts too.
_NAME_WORD = re.compile(r"(?<![\w-])[А-ЯЁ](?:[а-яё]+|[А-ЯЁ]+)(?:-[А-ЯЁа-яё][а-яё]*)*(?![\w-])")


def _text_spelled(name: str, text: str) -> str | None:
    """The word the text spells the file name's city with most often, in its Russian letters («г. Дмитриев»
    for «dmitriev»), for a town neither the gazetteer nor a heading names."""
    from pipeline.extract import gazetteer

    words = Counter("-".join(w.capitalize() for w in m.group().lower().split("-")) for m in _NAME_WORD.finditer(text))
    scored = [(n, gazetteer.closeness(word, name), word) for word, n in words.items()]
    return max((s for s in scored if s[1] >= 0.8), default=(0, 0.0, None))[2]


def _in_any_case(spelling: str) -> str:
    """A pattern for a city's name in some case: each word's stem and an ending of its own."""
    words = [re.escape(w[: max(3, len(w) - 2)]) + r"\w{0,4}" for w in re.split(r"[- ]", spelling.lower())]
    return r"(?<!\w)" + r"[\s-]+".join(words)


def _whole_uses(text: str, spelling: str) -> int:
    """How often `text` (lower case) names the city so, and not as the first part of a longer name."""
    return len(re.findall(_in_any_case(spelling) + r"(?![\w-])", text))


def _uses(text: str, spelling: str) -> bool:
    """`text` (lower case) names the city so, in some case."""
    return re.search(_in_any_case(spelling) + r"(?!\w)", text) is not None


_SHORT_I = re.compile(r"(?<=[aeou])y(?![aeiouy])")


def _compact(spelled: str) -> str:
    """A slug without hyphens, «iy» and «yy» as «y» («nizhniynovgorod», «nizhnynovgorod»; «svobodnyy»,
    «svobodny»), «yo» as «e», as «ё» is written with or without its dots («zhigulyovsk»: GeoNames'
    Zhigulevsk), and «й» after a vowel as «i», as it is spelled either way («gai», GeoNames' Gay)."""
    return _SHORT_I.sub("i", spelled.replace("-", "").replace("iy", "y").replace("yy", "y").replace("yo", "e"))


@functools.cache
def _cities_by_slug() -> dict[str, list[tuple[str, ...]]]:
    """Every gazetteer city as GeoNames' name and its Russian names, most populous first, under their slugs
    without hyphens («gornoaltaysk»), and under each part of a compound name («part:novgorod»)."""
    from pipeline.extract import gazetteer

    cities: dict[int, Any] = {}
    names: dict[int, list[str]] = {}
    for found in gazetteer.index().values():
        for city in found:
            cities.setdefault(city.geonameid, city)
            names.setdefault(city.geonameid, []).append(city.name)
    out: dict[str, list[tuple[str, ...]]] = {}
    for gid, city in sorted(cities.items(), key=lambda item: -item[1].population):
        spellings = (city.latin, *dict.fromkeys(names[gid]))
        for spelled in {slug(n) for n in spellings}:
            keys = {_compact(spelled), *(f"part:{_compact(p)}" for p in spelled.split("-") if "-" in spelled)}
            for k in keys:
                if spellings not in out.setdefault(k, []):
                    out[k].append(spellings)
    return out


@functools.cache
def _small_towns_by_slug() -> dict[str, list[City]]:
    """Russia's small towns, most populous first, under the slugs of their Latin and one Russian name."""
    from pipeline.extract import gazetteer

    towns: dict[int, City] = {}
    for found in gazetteer.small_index().values():
        for t in found:
            # of a town's names, the one closest to its Latin name («Темников», not Moksha's «Чополт ош»)
            if t.country == "RU" and (t.geonameid not in towns or gazetteer.closeness(t.name, t.latin) >=
                                      gazetteer.closeness(towns[t.geonameid].name, t.latin)):
                towns[t.geonameid] = t
    out: dict[str, list[City]] = {}
    for town in sorted(towns.values(), key=lambda t: -t.population):
        for key in {_compact(slug(town.latin)), _compact(slug(town.name))}:
            out.setdefault(key, []).append(town)
    return out


def identify(stem: str, text: str, headings: list[str], year: int | None = None) -> Identity:
    m = _NAME.match(stem)
    city = city_from_text(text, headings)
    if m:
        y = year or int(m["year"])
        city = city or city_from_file_name(m["city"], text) or _heading_spelled(m["city"], headings) \
            or _text_spelled(m["city"], text) or m["city"].capitalize()
        return Identity(f"{m['city'].lower()}-{y}", city, y)
    y = year or year_from_text(text)
    if y is None:
        raise IdentifyError("no year in the file name (expected <city>-<year>) and none in the text")
    base = slug(city) if city else slug(stem)
    return Identity(f"{base}-{y}", city, y)


def identify_document(stem: str, doc: Document, year: int | None = None) -> Identity:
    """identify() for a read document, from its headings."""
    return identify(stem, doc.text, [doc.text[b.start : b.end] for b in doc.blocks if b.kind == "heading"], year)
