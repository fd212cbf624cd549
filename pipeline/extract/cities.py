"""Cities: capitalised nouns that the gazetteer knows, or that a «город»/«г.» announces.

Not adjectives («Омская крепость»), regions («провинция Фуцзянь»), countries, or surnames
(a name inside a person mention, or after «им.»). Homonyms resolve by the countries that the
sentence and its section heading mention, then those of its paragraph, then by population.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from collections.abc import Callable, Mapping

from spacy.language import Language
from spacy.tokens import Doc, Token

from pipeline.extract import gazetteer
from pipeline.extract.mention import Mention, add, line_at, mentions, sentence_of, text_of
from pipeline.extract.morph import (
    Parse,
    adjective_proxy,
    fold,
    is_first_name,
    is_patronymic,
    parses,
    surname_first,
    to_nominative,
)
from pipeline.extract.orgwords import LATIN_CAPITAL, LATIN_SMALL, LOCAL_ORG_WORDS, latin_org_word
from pipeline.extract.places import (
    CASE_ENDINGS,
    CITY_MARKERS,
    CODE_NAMES,
    COUNTRIES,
    DIVISION_WORDS,
    FEATURES_AFTER,
    FORMER_NAME_BEFORE,
    FORMER_STATES,
    KOREAN_INITIALS,
    LANGUAGE_MARKERS,
    LATIN_CASE_ENDINGS,
    LATIN_IN,
    LATIN_PARTICLES,
    LATIN_TOWN_WORDS,
    LATIN_WORDS_NOT_CITIES,
    OTHER_NAMES,
    PLACE_PREFIXES,
    PLURAL_MARKERS,
    REGION_IN_BRACKETS,
    REGION_MARKERS,
    REGIONS_NOT_CITIES,
    RUSSIAN_BEFORE_LATIN_TOWN,
    RUSSIAN_NAMED,
    SETTLEMENT_WORDS,
    STREET_ABBREVIATIONS,
    STREET_MARKERS,
    TOWN_NAME_ENDINGS,
    VESSEL_BEFORE,
    VILLAGE_ABBREVIATIONS,
)
from pipeline.extract.tables import crosses_row, on_page_number_line

NAMED_AFTER = frozenset({"им.", "им", "имени"})
_YEAR = re.compile(r"1[89]\d\d|2[01]\d\d")
_CAPITALS = rf"[А-ЯЁ{gazetteer.NATIVE_UPPER}]+(?:[- ][А-ЯЁ{gazetteer.NATIVE_UPPER}]+){{0,3}}"


_LATIN_NAME = re.compile(rf"[{LATIN_CAPITAL}][{LATIN_SMALL}]+(?:-[{LATIN_CAPITAL}][{LATIN_SMALL}]+)*")
# «Сольнок (Szolnok)», «Кухмо (Kuhmo, Кайнуу, Финляндия)», «Читта-ди-Кастелло (Città di Castello, Умбрия)»,
# «Вильнёв-д’Аск (Villeneuve-d'Ascq)», «Сортавала (фин. Sortavala)»
_LATIN_TOWN = (rf"([{LATIN_CAPITAL}][{LATIN_SMALL}'’]+(?:(?:[ -](?:(?:{'|'.join(LATIN_PARTICLES)})[ -])?|-d['’])"
               rf"[{LATIN_CAPITAL}][{LATIN_SMALL}'’]+)*)[),]")
_LANGUAGE = rf"(?:{'|'.join(LANGUAGE_MARKERS)})\s+"
_LATIN_IN_BRACKETS = re.compile(rf" \((?:{_LANGUAGE})?{_LATIN_TOWN}")
# a line of capitals that is a name, or a name and its spelling in another language («БАЙМАК / БАЙМАҠ»,
# «БЕЛЕБЕЙ (БӘЛӘБӘЙ)», «КЕМЬ (карел. Kemi)»), and the second spelling on such a line
_WHOLE_NAME = re.compile(
    rf"{_CAPITALS}(?:\s*/\s*{_CAPITALS}|\s*\({_CAPITALS}\)|\s*\((?:{_LANGUAGE})?{_LATIN_TOWN})?")
# A paragraph's run-in heading of capitals: all 7 such names of towns in the written gold are (the others are
# «США», «КНР», «ЗАТО» and months)
_RUN_IN_NAME = re.compile(rf"[ \t]*{_CAPITALS}[.:][ \t]+[А-ЯЁ«]")
# The only capitalised words a page's number line holds (tables.PAGE_NUMBER): asked of them alone, not of every
# capital
_PAGE_WORDS = frozenset({"Стр", "Страница"})
_CAPITALS_AGAIN = re.compile(rf"[ \t]*(?:/[ \t]*|\()({_CAPITALS})(?=\)|[ \t]*$)", re.MULTILINE)
# The town's name in one more language after that one («Приозерск (фин. Käkisalmi, швед. Kexholm)»).
_LATIN_ALSO = re.compile(rf",\s*{_LANGUAGE}{_LATIN_TOWN}")
_FORMER_NAME = re.compile(r"\b(" + "|".join(FORMER_NAME_BEFORE) + r")\s*[«(\"]?\s*", re.IGNORECASE)
_LATIN_WORD = re.compile(rf"[A-Z{LATIN_SMALL}-]+")
_LATIN_PART = re.compile(rf"[{LATIN_CAPITAL}{LATIN_SMALL}'’]+")


def _latin_city(doc: Doc, i: int, paragraph: Callable[[], frozenset[str]], listed: bool = False,
                spelled: Mapping[str, gazetteer.City] | None = None) -> tuple[gazetteer.City, int] | None:
    """A town in Latin letters, and its last token: where its country is named, or beside an organisation's
    word in its own language, which its name names («Tartu Ülikool», «Kiruna kommun», «Luleå tekniska
    universitet», «Musikschule Bad Ischl»), there in its own case too («Rovaniemen kaupunginhallitus»,
    «Městské muzeum v Blansku»); a small town only there (not Ross in «Fort Ross»). Two capitalised words may
    be one name («Bad Oldesloe»)."""
    if not _latin_name(doc, i):
        return None
    lasts = [i]
    if i + 1 < len(doc) and _latin_name(doc, i + 1) and doc[i].whitespace_ == " ":
        lasts.insert(0, i + 1)
    elif i + 2 < len(doc) and doc[i + 1].text in LATIN_PARTICLES and _latin_name(doc, i + 2) \
            and doc[i].whitespace_ == doc[i + 1].whitespace_ == " ":
        lasts.insert(0, i + 2)  # «Ústí nad Labem», «Città di Castello»
    glued = i  # «Château-Thierry», «Biel/Bienne»: the tokenizer splits at the hyphen or the slash
    while glued + 2 < len(doc) and doc[glued + 1].text in ("-", "/") and not doc[glued].whitespace_ \
            and not doc[glued + 1].whitespace_ and _LATIN_PART.fullmatch(doc[glued + 2].text):
        glued += 2
    if glued > i:
        lasts.insert(0, glued)
    # «Cantù», «Città di Castello», which the report gave in brackets after «Канту», «Читта-ди-Кастелло» before
    for last in range(min(len(doc), i + 5) - 1, i - 1, -1) if spelled else ():
        if doc[i : last + 1].text in spelled:
            return spelled[doc[i : last + 1].text], last
    for last in lasts:
        word = doc[i : last + 1].text
        if word in LATIN_WORDS_NOT_CITIES:
            return None
        after = list(itertools.takewhile(lambda t: _LATIN_WORD.fullmatch(t.text), doc[last + 1 : last + 6]))
        before = list(itertools.takewhile(lambda t: _LATIN_WORD.fullmatch(t.text), reversed(doc[max(0, i - 5) : i])))
        names_org = any(latin_org_word(t.text, LOCAL_ORG_WORDS) or t.text in LATIN_TOWN_WORDS
                        for t in [*after, *before]) or (i > 0 and doc[i - 1].text in LATIN_IN)
        # in a phrase of the town's own language («Mozsga gyermekei Jászberényben») the name is in its case too
        forms = _latin_case_forms(word) if names_org or len(after) + len(before) >= 2 else [word]
        # a form by a case ending is of a foreign town's name: not «Linde AG» as Линда
        found = [city for form in forms if (city := gazetteer.latin_index().get(form))
                 and (form == word or city.country not in RUSSIAN_NAMED)]
        # of the name as written and as a genitive («Kemin»: Кемин in Kyrgyzstan, or Kemi's), one of a country
        # the paragraph names, or the larger
        city = next((c for c in found if c.country in paragraph() and (names_org or not gazetteer.is_small(c))),
                    None)
        if city := city or (max(found, key=lambda c: c.population) if names_org and found else None):
            return city, last
        if found and (country := country_in_brackets(text_of(doc), doc[last].idx + len(doc[last].text))) and (
                city := next((c for c in found if c.country == country), None)):
            return city, last  # «Banská Štiavnica (Словацкая Республика)»: a small town, its country after it
        if (listed or (i > 0 and doc[i - 1].text.lower() in RUSSIAN_BEFORE_LATIN_TOWN)) and (
                city := next((c for c in found if not gazetteer.is_small(c)), None)):
            return city, last
    return None


# A town's name in another language in brackets after it, with the language's abbreviation or not.
_OTHER_SPELLING = re.compile(
    rf" \((?P<language>(?:{'|'.join(LANGUAGE_MARKERS)})\s*[–—-]?\s*)?"
    rf"(?P<name>[А-ЯЁ{gazetteer.NATIVE_UPPER}][а-яё{''.join(gazetteer.NATIVE_LETTERS)}]+"
    rf"(?:[ -][А-ЯЁ{gazetteer.NATIVE_UPPER}][а-яё{''.join(gazetteer.NATIVE_LETTERS)}]+)?)\)")


def _spelling_of(m: re.Match[str], city: gazetteer.City) -> bool:
    """The name in brackets is the town's in another language: it says which, or the name has a letter of
    another alphabet, or it is close to the town's and no place the dictionary knows («Чистай»; not
    «Казань (Татарстан)», a region)."""
    name = m["name"]
    if fold(name.lower()) in COUNTRIES or fold(name.lower()) in REGIONS_NOT_CITIES:
        return False
    if m["language"] or gazetteer.NATIVE_LETTERS.intersection(name.lower()):
        return True
    if " " in name:
        return False  # «Сарапулом (Удмуртская Республика)»: a region
    first = parses(name.lower())[0]
    other = gazetteer.lookup_first(town_keys([name]))
    return "Geox" not in first.tag and gazetteer.closeness(name, city.name) >= 0.4 \
        and (other is None or other.geonameid == city.geonameid)


_BRACKETS = re.compile(r" \(([^()\n]{1,60})\)")
# A name with a region or a country in brackets after it (see REGION_IN_BRACKETS); the country's words all
# capitalised («(Республика Сербия)», «(КНР)»), not any that names one («(с эстонской стороны – Koidula)»).
_NAME_AND_BRACKETS = re.compile(r"(?<![\w-])([А-ЯЁ][а-яё]+)(?:[ -][А-ЯЁ][а-яё]+)? \(([^()\n]{3,60})\)")


def _region_bracketed(text: str) -> set[int]:
    """Where the names start that a region or a country in brackets follows («Каменцом (Беларусь)»)."""
    starts: set[int] = set()
    for m in _NAME_AND_BRACKETS.finditer(text):
        words = m.group(2).split(",")[0].split()
        # a Russian region's word after its adjective («Пермский край»), a republic's either side; not
        # «(округ Камикава)», a Japanese district's
        if (REGION_IN_BRACKETS.intersection(w.lower() for w in words[1:]) or words[0].lower() == "республика") or (
                all(w[:1].isupper() for w in words) and gazetteer.countries_in(" ".join(words))):
            starts.add(m.start(1))
    return starts


def country_in_brackets(text: str, end: int) -> str | None:
    """The country named last in the brackets right after `end` («(КНР)», «(провинция Хэйлунцзян, КНР)»)."""
    if not (m := _BRACKETS.match(text, end)):
        return None
    last = re.split(r"[,;]\s*", m[1])[-1].strip()
    words = [fold(p.normal_form) for w in last.split() for p in parses(w.lower())[:1]]
    # the name, or before or after the state's word («Республика Казахстан», «Словацкая Республика»)
    keys = [" ".join(words[k:]) for k in range(len(words))] + [" ".join(words[:k])
                                                               for k in range(len(words) - 1, 0, -1)]
    return next((COUNTRIES[key] for key in keys if key in COUNTRIES), None) or COUNTRIES.get(fold(last.lower()))


def _spelled_out(doc: Doc, candidates: list[tuple[list[str], int]], spelled: dict[str, gazetteer.City]
                 ) -> tuple[gazetteer.City, int] | None:
    """A town by a Russian spelling no list has (one of the `candidates` runs of words), given its own after it
    in brackets («Канту (Cantù, Ломбардия, Италия)»), named as the text spells it in Russian; or by that
    Russian spelling again."""
    text = text_of(doc)
    for words, last in candidates:
        written = " ".join(words).replace(" - ", "-")
        if written in spelled:
            return spelled[written], last
        if not (m := _LATIN_IN_BRACKETS.match(text, doc[last].idx + len(doc[last].text))):
            continue
        if any(gazetteer.lookup_first(town_keys(words[k:])) for k in range(1, len(words)) if words[k] != "-"):
            continue  # «Город Вакканай (Wakkanai)», «Делегация Фуюаня (Fuyuan)»: a word before a town
        # the name as written, or after a word for a town («Stadt Weißwasser»; but «Città di Castello» is one)
        first, _, rest = m[1].partition(" ")
        for latin in (m[1], *([rest] if first in LATIN_TOWN_WORDS and rest else [])):
            if not (city := gazetteer.latin_index().get(latin) or gazetteer.latin_names().get(latin)):
                continue
            # of a word, the town's Russian name where GeoNames has one («Лиэксы (Lieksa)»: Лиекса, not a guess at
            # its nominative); else the nominative, or the name as written where that is closer to the Latin
            # (indeclinable: «Канту»; «Читта-ди-Кастелло», where GeoNames has «Чита ди Кастело»)
            name = city.name if city.name != city.latin and len(words) == 1 else max(
                dict.fromkeys([written, _nominative_guess(written) if len(words) == 1 else written]),
                key=lambda n: gazetteer.closeness(n, latin))
            spelled[latin] = spelled[written] = city = dataclasses.replace(city, name=name)
            return city, last
    return None


def _latin_case_forms(name: str) -> list[str]:
    """The name as written, and what it may be in the nominative, each word by its case endings («Kutné Hoře»:
    «Kutná Hora»)."""
    forms = [""]
    for k, word in enumerate(name.split(" ")):
        options = [word] + [word[: -len(end)] + instead for end, instead in LATIN_CASE_ENDINGS
                            if word.endswith(end) and len(word) > len(end) + 1]
        forms = [f"{form} {option}" if k else option for form in forms for option in dict.fromkeys(options)]
    return forms


def _latin_name(doc: Doc, i: int) -> bool:
    return bool(_LATIN_NAME.fullmatch(doc[i].text)) and not latin_org_word(doc[i].text)


def _words_after(doc: Doc, i: int, n: int) -> list[str]:
    """Up to n words after token i, each after a plain space."""
    words: list[str] = []
    for t in doc[i + 1 : i + 1 + n]:
        if not t.is_alpha or doc[t.i - 1].whitespace_ != " ":
            break
        words.append(t.text)
    return words


def own_forms(home: gazetteer.City | None) -> set[str]:
    """Case forms of the report's own name that name_keys() does not give: a name in «-о» declined in speech,
    as the report declines its own («делегация Волосова», «в Пущине»), a plural name in its cases, though
    the word is a common noun's too («в Грязях», «из Грязей»), and an adjective's name in its own gender's
    cases («в Яровом», «из Ярового»: the dictionary's lemma is the masculine «яровой»)."""
    if home is None or " " in home.name:
        return set()
    forms = {fold(home.name[:-1] + e) for e in ("а", "у", "ом", "е")} if home.name.endswith("о") else set()
    return forms | _plural_forms(home.name) | _adjective_forms(home.name)


def _adjective_forms(name: str) -> frozenset[str]:
    """The singular case forms of a one-word name the dictionary reads as an adjective, in the name's gender."""
    for p in parses(name.lower()):
        if p.tag.POS == "ADJF" and p.tag.case == "nomn" and p.tag.number == "sing":
            return frozenset(fold(f.word) for f in p.lexeme
                             if f.tag.POS == "ADJF" and f.tag.number == "sing" and f.tag.gender == p.tag.gender)
    return frozenset()


def _previous_word(doc: Doc, i: int) -> str | None:
    """Lemma of the word before token i, joining «города-побратима» and keeping «г.» as written.

    A plural («городами-побратимами Хэнани») gives None: the name after it is not one of them, and so does
    a tab: a table's cells are not one phrase («Город<tab>Сроки визита»).
    """
    j = i - 1
    while j >= 0 and doc[j].is_space:
        if "\t" in doc[j].text:
            return None
        j -= 1
    if j < 0:
        return None
    if doc[j].text in ("-", "–") and j > 0 and doc[j].whitespace_ == "" and doc[j - 1].whitespace_ == "":
        j -= 1
    t = doc[j]
    # «с. Гальбштадт», «ул. Кирова», «(ул. Кирова»: as one token or as the tokenizer splits them
    abbreviation = doc[j - 1].text + "." if t.text == "." and j and not doc[j - 1].whitespace_ else t.text
    if abbreviation in STREET_ABBREVIATIONS:
        return STREET_ABBREVIATIONS[abbreviation]
    if abbreviation in VILLAGE_ABBREVIATIONS:
        return abbreviation
    if t.text.lower() in ("г.", "гор.", "обл.", "респ.", "им.") or (t.text == "." and j and doc[j - 1].text == "г"):
        if t.text.lower() != "им." and j and _YEAR.fullmatch(doc[j - 1 if t.text != "." else j - 2].text):
            return None  # «2022 г.»: a year's, no town's («школа № 4 г. Джавы» is)
        return t.text.lower() if t.text != "." else "г."
    if not t.is_alpha:
        return t.text
    readings = parses(t.text.lower())
    singular = [p for p in readings if p.tag.number != "plur"]
    if not singular and readings[0].normal_form in PLURAL_MARKERS:
        return readings[0].normal_form  # «по берегам Терека»
    return singular[0].normal_form if singular else None


def _is_adjective(word: str) -> bool:
    best = parses(word.lower())[0]
    if not best.is_known:  # a guess: «Вакканая» reads like an adjective, «Иркутского» is one
        return bool(_GUESSED_ADJECTIVE.search(word.lower()))
    return best.tag.POS in ("ADJF", "PRTF")


_INFLECTED_CAPITALS = re.compile(r"[А-ЯЁ]{2,}[а-яё]{1,3}$")
LOCATIVE_PREPOSITIONS = frozenset({"в", "во", "на", "о", "об", "обо", "при"})
_GUESSED_ADJECTIVE = re.compile(r"[сц]к(?:ий|ая|ое|ие|ого|ой|ому|им|ом|ую|их|ими)$")


def _adjective_here(doc: Doc, i: int) -> bool:
    """Token i is an adjective here: «Иркутском» is one before a word it agrees with («в Иркутском
    районе», «в Иркутском и Красноярском краях»), and the city otherwise («между Иркутском и Красноярском»)."""
    word = doc[i].text
    ps = parses(word.lower())
    # «в Новополоцком городском исполнительном комитете»: a town's name that ends as its adjective is the
    # adjective before a small word it agrees with
    proxy = adjective_proxy(word.lower())
    if proxy != word.lower() and i + 1 < len(doc) and not doc[i + 1].is_space and doc[i + 1].text.islower():
        return _agrees_with(proxy, parses(doc[i + 1].text.lower())[:1], adjectives=True)
    cases = {p.tag.case for p in ps if p.tag.POS in ("ADJF", "PRTF")}
    # «в Смоленском соборе»: the dictionary reads «Смоленском» as the city first, and as an adjective only in
    # the prepositional, which a preposition of that case must ask for («с Смоленском» is the city)
    locative = cases == {"loct"} and _previous_word(doc, i) in LOCATIVE_PREPOSITIONS
    if not (_is_adjective(word) or locative):
        return False
    if not any(p.tag.POS == "NOUN" and "Geox" in p.tag for p in ps) and not _adjective_city(ps):
        return True  # «Мирного» may be Мирный, «Омского» is only an adjective
    j = i + 1
    while j < len(doc):
        t = doc[j]
        if t.is_space or t.text in (",", "(", ")") or t.text.lower() == "и":
            j += 1  # «в Иркутском и Красноярском краях», «с Северным (Арктическим) университетом»
        elif t.is_alpha and t.text[:1].isupper() and _is_adjective(t.text):
            j += 1  # another adjective in the row
        else:
            break
    if j == len(doc) or not doc[j].is_alpha:
        return False
    while j + 2 < len(doc) and doc[j + 1].text == "-" and not doc[j].whitespace_ and not doc[j + 1].whitespace_ \
            and doc[j + 2].is_alpha and doc[j].is_lower:
        j += 2  # «Центрального военно-морского музея»: a compound adjective agrees by its last part
    ps = parses(doc[j].text.lower())  # read as the dictionary reads it first: «в» is a preposition
    region = fold(ps[0].normal_form) in REGIONS_NOT_CITIES or fold(ps[0].normal_form) in COUNTRIES
    # «Северной и Южной Осетии»: the first of two adjectives of one name, not «Мирного и Нового Уренгоя»
    shared = j > i + 1 and doc[j - 1].is_alpha and ps[0].is_known and _agrees_with(word, ps) \
        and _agrees_with(doc[j - 1].text, ps) and not gazetteer.lookup_first(town_keys([doc[j].text])) \
        and not gazetteer.lookup_first(town_keys([doc[j - 1].text, doc[j].text]))
    if doc[j].text[:1].isupper() and not region and not shared and not (j == i + 1 and _agrees_with(word, ps)) and (
            not ps[0].is_known or any("Geox" in p.tag for p in ps) or gazetteer.lookup_first(town_keys([doc[j].text]))):
        # another name: «Якутска, Мирного и Нерюнгри», «Удачного и Айхала» (a town the dictionary knows as a name);
        # but «Героя Советского Союза», «Центральной Азии», and the adjective of a name right before its noun
        # («Северной Двины», «Северную Двину»)
        return False
    return ps[0].tag.POS in ("NOUN", "ADJF", "PRTF") and any(
        p.tag.POS == ps[0].tag.POS and p.tag.case in cases for p in ps)


def _agrees_with(adjective: str, noun: tuple, *, adjectives: bool = False) -> bool:
    """An adjective in the gender, number and case of one of a noun's readings («Северной Двины»), or with
    `adjectives`, of another adjective's."""
    forms = {(p.tag.case, p.tag.number, p.tag.gender) for p in parses(adjective.lower()) if p.tag.POS == "ADJF"}
    kinds = ("NOUN", "ADJF", "PRTF") if adjectives else ("NOUN",)
    return any((p.tag.case, p.tag.number, p.tag.gender) in forms for p in noun if p.tag.POS in kinds)


def _adjective_of_compound(words: list[str], name: str) -> bool:
    """«Каменск-Уральском» of «Каменск-Уральский»: the first part as the name has it, the last declined. The
    town itself declines both («Каменске-Уральском»)."""
    written, named = fold("".join(words)).split("-"), fold(name).split("-")
    return len(written) == len(named) > 1 and written[0] == named[0] and written[-1] != named[-1]


def name_keys(words: list[str]) -> list[str]:
    """Gazetteer keys for a run of words: a place-name lemma first, then as written (indeclinable
    names: Урумчи, Алматы), then any noun lemma (guessed for unknown words: Кайфына → кайфын)."""
    return list(_name_keys(tuple(words)))


# the same words are asked about again and again: by each candidate run, and by the person and organisation
# rules that ask whether a word names a city
@functools.lru_cache(maxsize=100_000)
def _name_keys(words: tuple[str, ...]) -> tuple[str, ...]:
    surface = fold(" ".join(words)).replace(" - ", "-")
    if len(words) == 1:
        ps = parses(words[0].lower())
        keys = [fold(p.normal_form) for p in ps if "Geox" in p.tag]
        keys += [surface] + [fold(p.normal_form) for p in ps if p.tag.POS == "NOUN"]
        if not ps[0].is_known:  # a foreign name the dictionary only guesses at: «Тяньцзине», «Эрдэнэта»
            keys += _ending_guesses(surface)
        if gazetteer.NATIVE_LETTERS.intersection(surface) and not is_first_name(
                russian := surface.translate(gazetteer.NATIVE_TO_RUSSIAN)):
            keys.append(russian)  # «Қостанай» as written: Костанай; not «Ӧльга», a name
        elif all({"Name", "Surn"} & p.tag.grammemes for p in ps):  # or knows only as someone's: «Сиане» (Сиана)
            keys += [g for g in _ending_guesses(surface) if g != surface and not g.startswith(surface)]
        # «Мирного»: Мирный, in a masculine form as the name is, or a plural («двух Заречных»), not another
        # gender's («Бологое-Московское», «Центральной» name no town Московский, Центральный)
        keys += [fold(p.normal_form) for p in ps if p.tag.POS == "ADJF" and (p.tag.gender == "masc"
                                                                             or p.tag.number == "plur")]
        # «в Глубоком», «с Глубоким»: Глубокое, a neuter's name in the neuter
        keys += _neuter_names_of(words[0].lower())
        # a plural's nominative, where the dictionary reads the word as another noun's plural («Валуек»: валуйка,
        # Валуйки; «Осиповичей»: Осиповичи); not a former name a town's other names hold («От Бобриков до
        # Сталиногорска»: Бобрики, now Novomoskovsk)
        plurals = [fold(form.word) for p in ps if p.tag.POS == "NOUN" and p.tag.number == "plur"
                   and (form := p.inflect({"nomn", "plur"}))]
        keys = list(dict.fromkeys([*keys, *(k for k in plurals if not _former_name(k))]))
    else:
        lemmas = [w if w == "-" else fold(parses(w.lower())[0].normal_form) for w in words]
        # «Петропавловском-Камчатским»: the first reading may be an adjective's, the place's comes after it
        place_lemmas = " ".join(w if w == "-" else fold(_place_lemma(w)) for w in words).replace(" - ", "-")
        # «Ростове-на-Дону»: only the first word declines; «Усть-Каменогорском»: only the last, which the
        # dictionary may not know, so its nominative is guessed from its ending
        first_declined = " ".join([lemmas[0], *(fold(w) for w in words[1:])]).replace(" - ", "-")
        # «Николаевском-на-Амуре»: the dictionary reads the first word as an adjective first
        first_place = " ".join([fold(_place_lemma(words[0])), *(fold(w) for w in words[1:])]).replace(" - ", "-")
        # «Набережных Челнах»: each word in the nominative of its own number («Набережные Челны»)
        nominatives = " ".join(w if w == "-" else fold(to_nominative(w)) for w in words).replace(" - ", "-")
        # «Старого Оскола»: adjectives in the gender of the noun they agree with (not «старое»)
        gender = _place_reading(words[-1]).tag.gender
        agreeing = " ".join(w if w == "-" else fold(to_nominative(w, gender=gender)) for w in words).replace(" - ", "-")
        keys = [" ".join(lemmas).replace(" - ", "-"), place_lemmas, nominatives, agreeing, surface, first_declined,
                first_place]
        if all(p.tag.number == "plur" for p in parses(words[0].lower()) if p.tag.POS == "ADJF"):
            # «Великих Лук»: a plural adjective makes the name plural, whatever the noun's first reading
            keys.append(" ".join(w if w == "-" else fold(_plural_nominative(w)) for w in words).replace(" - ", "-"))
        if "-" in words:
            keys += _ending_guesses(surface)
            # «Усолья-Сибирского»: the adjective after the hyphen agrees with the noun before it
            gender = _place_reading(words[0]).tag.gender
            keys.append(" ".join(w if w == "-" else fold(to_nominative(w, gender=gender)) for w in words)
                        .replace(" - ", "-"))
        elif len(words) == 2 and (genders := _adjective_genders(words[0])):
            # «Старой Руссой», «Старую Руссу»: the dictionary reads the noun as another word, so its nominative
            # is taken from the place's reading or guessed from its ending, with the adjective agreeing
            nouns = [fold(_place_lemma(words[1])), *_ending_guesses(fold(words[1]))]
            keys += [f"{fold(to_nominative(words[0], gender=g))} {n}" for g in genders for n in nouns]
    return tuple(dict.fromkeys(keys))


def _former_name(key: str) -> bool:
    """The gazetteer's town of that name is named so no longer: its Latin name is another («Бобрики»:
    Novomoskovsk)."""
    city = gazetteer.lookup(key)
    return city is not None and gazetteer.closeness(city.name, city.latin) < 0.5


def _adjective_genders(word: str) -> list[str]:
    """The genders an adjective's singular readings give it («Старой»: femn), or none for another word."""
    return list(dict.fromkeys(p.tag.gender for p in parses(word.lower())
                              if p.tag.POS == "ADJF" and p.tag.number == "sing" and p.tag.gender))


def town_keys(words: list[str], marked: bool = False) -> list[str]:
    """name_keys() less the countries and regions that towns share a name with (Армения, Алтай), which
    name a town only after «город» (`marked`)."""
    return [k for k in name_keys(words) if marked or (k not in REGIONS_NOT_CITIES and k not in COUNTRIES)]


def name_line(line: str) -> bool:
    """A line of capitals that may be a town's name, as a report's heading («ОМСК», «КЕМЬ (карел. Kemi)»), or
    that opens with one as its paragraph's run-in heading («   РЕЧИЦА. В марте подписан протокол…»)."""
    return len(line) >= 3 and (_WHOLE_NAME.fullmatch(line) is not None or _RUN_IN_NAME.match(line) is not None)


@functools.lru_cache(maxsize=64)
def _plural_forms(name: str) -> frozenset[str]:
    """The case forms of a one-word name the dictionary reads as a plural noun («Грязи»: «грязях», «грязей»)."""
    for p in parses(name.lower()):
        if p.tag.POS == "NOUN" and p.tag.number == "plur" and p.tag.case == "nomn":
            return frozenset(fold(f.word) for f in p.lexeme if f.tag.number == "plur")
    return frozenset()


def _plural_nominative(word: str) -> str:
    ps = [p for p in parses(word.lower()) if p.tag.POS in ("NOUN", "ADJF")]
    # a plural reading first; else any («Полярных Зорей»: the dictionary reads «зорей» only as «зоря», singular)
    for p in sorted(ps, key=lambda p: p.tag.number != "plur"):
        if form := p.inflect({"nomn", "plur"}):
            return str(form.word)
    return word


def _small_town(doc: Doc, i: int, countries: frozenset[str], marked: bool,
                guess: bool = False) -> tuple[gazetteer.City, int] | None:
    """A town of 1,000 to 15,000 people named at token i («Киркенес»), asked only of a name that «город»
    announces or that the dictionary does not know or knows as a place's: the list holds many towns named
    like common words or regions («Алтай»), which only «город» (`marked`) makes towns. With `guess`, a word's
    nominative is guessed from its ending too, where the dictionary's lemma names another place («в Лукоянове
    и Пильне»: «пильня», not Пильна)."""
    for words, last in _candidate_words(doc, i):
        if _glued_after(doc, last):
            continue  # «Сёр-Варангер», «Иссык-Куль»: a part of a compound that names no town as a whole
        keys = town_keys(words, marked)
        if guess and len(words) == 1:
            keys = [*keys, *_ending_guesses(fold(words[0]))]
        if city := gazetteer.lookup_small(keys, countries):
            return city, last
    return None


def _korean(keys: list[str]) -> gazetteer.City | None:
    """A Korean city found under GeoNames' spelling of its first consonant («Дэджон»: Тэджон), named as the
    text spells it, which is how people write it."""
    for key in keys:
        for old, new in KOREAN_INITIALS:
            if key.startswith(old) and (city := gazetteer.lookup(new + key[len(old) :])) and city.country == "KR":
                return dataclasses.replace(city, name=key[:1].upper() + key[1:])
    return None


def _place_lemma(word: str) -> str:
    """The lemma of a word read as a place where it can be («Петропавловском» → «петропавловск»)."""
    return _place_reading(word).normal_form


def _place_reading(word: str) -> Parse:
    ps = parses(word.lower())
    return next((p for p in ps if "Geox" in p.tag), ps[0])


def _ending_guesses(surface: str) -> list[str]:
    # a stem of two letters at least: «Лах» is no case of «Ли»
    return [surface[: len(surface) - len(ending)] + nominative for ending, nominative in CASE_ENDINGS
            if surface.endswith(ending) and len(surface) - len(ending) >= 2]


def _is_common_noun(word: str) -> bool:
    """A dictionary word that is never a place name («Дом», «Мир», «Так»): a city only after «город»."""
    ps = parses(word.lower())
    return ps[0].is_known and not any("Geox" in p.tag for p in ps) and not _adjective_city(ps)


def _surname_only(word: str) -> bool:
    """A word the dictionary knows only as a surname («Чаплыгина»)."""
    return all("Surn" in p.tag for p in parses(word.lower()))


def _of_home_region(city: gazetteer.City, home: gazetteer.City) -> bool:
    return bool(home.admin1) and (city.country, city.admin1) == (home.country, home.admin1)


def _near_common_word(doc: Doc, i: int, words: list[str], city: gazetteer.City, home: gazetteer.City | None) -> bool:
    """A town of the report's own region (GeoNames' first division) named by one word the dictionary knows only as
    a common noun («в Плёсе» in Privolzhsk's report), not after a capitalised word («Дальнего Востока»): the
    dictionary's rivers, mountains and regions («Сура», «Эльбрус», «Даурия») are towns too, and names."""
    if home is None or not _of_home_region(city, home):
        return False
    if len(words) != 1 or (i and doc[i - 1].text[:1].isupper()):
        return False
    return all(p.tag.POS == "NOUN" and not {"Geox", "Name", "Surn", "Patr"} & p.tag.grammemes
               for p in parses(words[0].lower()))


def _adjective_city(ps: tuple) -> bool:
    """A city named by an adjective («Мирный», «Полярный», «Глубокое»), of which `ps` are a form's readings."""
    return any(gazetteer.lookup(p.normal_form) for p in ps if p.tag.POS == "ADJF" and "Abbr" not in p.tag) \
        or any(gazetteer.lookup(name) for name in _neuter_names(ps))


def _neuter_names(ps: tuple) -> tuple[str, ...]:
    """The neuter nominatives of a form's neuter readings as an adjective («в Глубоком»: «глубокое»), the name a
    town may have; none for a surname's form too («Никольским», «Александровского»), as often a person's."""
    return _neuter_names_of(ps[0].word) if ps else ()


# asked of every capitalised word, more than once, and inflecting is slow: once per word form
@functools.lru_cache(maxsize=100_000)
def _neuter_names_of(word: str) -> tuple[str, ...]:
    ps = parses(word)
    if any("Surn" in p.tag for p in ps):
        return ()
    return tuple(fold(form.word) for p in ps if p.tag.POS == "ADJF" and p.tag.gender == "neut"
                 and not {"Abbr", "Fixd"} & p.tag.grammemes and (form := p.inflect({"nomn", "sing", "neut"})))


@functools.lru_cache(maxsize=64)
def _adjective_name(name: str) -> bool:
    """A city's name that is an adjective («Мирный», «Северный»), not one with an adjective of its own
    («Брянск», whose «Брянском» is both)."""
    return any(p.tag.POS == "ADJF" and "Abbr" not in p.tag for p in parses(name.lower()))


def _nominative_guess(word: str) -> str:
    for p in parses(word.lower()):
        if p.tag.POS == "NOUN" and "Geox" in p.tag:
            return p.normal_form.capitalize()
    for p in parses(word.lower()):
        if p.tag.POS == "NOUN":
            return p.normal_form.capitalize()
    return word


_SMALL_WORD_NEXT = re.compile(r" [а-яё]+[»\"]")


def _quoted_word(text: str, start: int, length: int) -> bool:
    """The word at `start` is alone in quotes, or first before a word in small letters («Туган тел», «Парма
    гор»): a name's word."""
    return 0 < start and text[start - 1] in "«\"" and (text[start + length : start + length + 1] in ("»", '"')
                                                      or bool(_SMALL_WORD_NEXT.match(text, start + length)))
_NO_TOWNS = frozenset(COUNTRIES) | REGIONS_NOT_CITIES | FORMER_STATES | REGION_MARKERS  # «города Республики Коми»


def _region_or_country(word: str) -> bool:
    """«России», «Северо-Запада», «бывшей Югославии»: no town's name after «город» or a former name's words."""
    return bool({fold(_nominative_guess(word)), *(fold(p.normal_form) for p in parses(word.lower()))} & _NO_TOWNS)


def _candidate_words(doc: Doc, i: int) -> list[tuple[list[str], int]]:
    """Runs of capitalised words starting at token i (hyphen-joined parts kept), longest first."""
    runs: list[tuple[list[str], int]] = []
    words: list[str] = []
    j = i
    while j < len(doc) and len(words) - words.count("-") < gazetteer.longest_name_words():
        t = doc[j]
        if not t.is_alpha:
            break
        words.append(t.text)
        runs.append((list(words), j))
        if j + 2 < len(doc) and doc[j + 1].text == "-" and not t.whitespace_ and not doc[j + 1].whitespace_:
            words.append("-")
            j += 2
        elif t.whitespace_ and j + 1 < len(doc) and doc[j + 1].text[:1].isupper():
            j += 1
        elif not t.whitespace_ and j + 2 < len(doc) and doc[j + 1].text == "\n" and doc[j + 2].text[:1].isupper() \
                and not crosses_row(text_of(doc), t.idx, doc[j + 2].idx + 1):
            j += 2  # «из Великих\nЛук»: a name wrapped at the line's end, not a table's next row
        else:
            break
    return [(w, end) for w, end in reversed(runs) if w[-1] != "-"]


def _place_word(word: str) -> bool:
    """A noun the dictionary knows as a place's name only («Чадане», «Сусумана»)."""
    ps = parses(word.lower())
    return all(p.tag.POS == "NOUN" and ("Geox" in p.tag or "Surn" in p.tag) for p in ps)


def _in_the_area_of(doc: Doc, i: int) -> bool:
    """«в районе Сольцов», «в районе Сталинграда»: a name in the genitive after «в районе» is the town it is near,
    not a district's name."""
    return i >= 2 and doc[i - 1].text.lower() == "районе" and doc[i - 2].text.lower() == "в" \
        and parses(doc[i].text.lower())[0].tag.case == "gent"


def _only_a_place(word: str) -> bool:
    """A word the dictionary knows as a place's name and nothing else, not a surname's («Порхов», «Солигалич»)."""
    return all("Geox" in p.tag and "Surn" not in p.tag for p in parses(word.lower()))


def _only_a_name(word: str) -> bool:
    return all({"Name", "Surn"} & p.tag.grammemes for p in parses(word.lower()))


def _inside_larger_name(doc: Doc, i: int) -> bool:
    """The name of several words that starts at token i with an adjective follows a capitalised adjective that
    agrees with it, and so is part of a larger name («Кавказских Минеральных Вод», not «Минеральных Вод»)."""
    if i == 0 or not (before := doc[i - 1]).is_alpha or not before.text[:1].isupper():
        return False
    cases = {p.tag.case for p in parses(doc[i].text.lower()) if p.tag.POS == "ADJF"}
    return bool(cases) and any(p.tag.POS == "ADJF" and p.tag.case in cases for p in parses(before.text.lower()))


def _glued_after(doc: Doc, i: int) -> str | None:
    """The word glued by a hyphen after token i, if any."""
    if i + 2 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_ and not doc[i + 1].whitespace_ \
            and doc[i + 2].is_alpha:
        return str(doc[i + 2].text)
    return None


def _second_part(doc: Doc, i: int) -> bool:
    """Token i is glued by a hyphen to a word before it that names no city (a city's would have taken the
    compound as its name, or been one of two: «Москва-Пекин»)."""
    if i < 2 or doc[i - 1].text != "-" or doc[i - 2].whitespace_ or doc[i - 1].whitespace_ or not doc[i - 2].is_alpha:
        return False
    return not gazetteer.lookup_first(town_keys([doc[i - 2].text]))


def _quoted(text: str, start: int, i: int) -> bool:
    """Offset i is inside quotes opened since `start`."""
    return text.count("«", start, i) > text.count("»", start, i) or text.count('"', start, i) % 2 == 1


def _glued_to_lowercase(doc: Doc, i: int) -> bool:
    """The first part of a compound word whose parts after it are all lowercase («Домом-музеем», not
    «Ростов-на-Дону»)."""
    parts = []
    while i + 2 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_ and not doc[i + 1].whitespace_:
        parts.append(doc[i + 2].text)
        i += 2
    return bool(parts) and not any(p[:1].isupper() for p in parts)


_LIST_GAPS = frozenset({",", "и", "–", "—"})
_ADJECTIVE_END = re.compile(r"(?:ий|ый|ой|ая|ое|ие|ые)$")


def _adjective_town(doc: Doc, last: int, keys: list[str], listed: str | None) -> bool:
    """A town named by an adjective where no noun follows it: listed with towns («из Славгорода, Яровое»,
    «Свободным, Циолковским и Белогорском») or followed by its country in brackets («Рудный (Костанайская
    область, Республика Казахстан)»)."""
    if _before_its_noun(doc, last):
        return False
    beside = frozenset(country for country in (
        listed, _listed_before(doc, last), country_in_brackets(text_of(doc), doc[last].idx + len(doc[last].text)))
        if country)
    named = gazetteer.lookup_first(keys, beside) if beside else None
    return named is not None and named.country in beside


def _listed_before(doc: Doc, last: int) -> str | None:
    """The country of the city listed right after token `last` («из Ниша и Крагуеваца»), if any."""
    j = last + 1
    if j + 1 < len(doc) and doc[j].text in _LIST_GAPS and doc[j + 1].text[:1].isupper() and doc[j + 1].is_alpha:
        # the next name whole, a hyphenated one too («в Тайге, Анжеро-Судженске и Мариинске»)
        for words, _ in _candidate_words(doc, j + 1):
            keys = town_keys(words)
            # or a small town the dictionary does not know («С Хвалынском, Шиханами и Балаковом») or knows as a
            # place only («с Чухломой и Солигаличем»)
            city = gazetteer.lookup_first(keys) or (
                None if len(words) == 1 and parses(words[0].lower())[0].is_known and not _only_a_place(words[0])
                else gazetteer.lookup_small(keys))
            if city:
                return city.country
    return None


# Adjectives between a division's name and its word («Спасского муниципального района», «Тверского городского
# округа»: none of 233 such names before «муниципального района/округа» in the written gold is a town)
DIVISION_KINDS: frozenset[str] = frozenset({"муниципальный", "городской", "сельский", "административный"})


def _region_adjective(doc: Doc, i: int) -> bool:
    """Token i is an adjective agreeing with a division's word right after it («Пермского края»), or after an
    adjective of the division's kind («Спасского муниципального района»)."""
    while _before_its_noun(doc, i):
        readings = parses(doc[i + 1].text.lower())
        if any(p.normal_form in DIVISION_WORDS for p in readings):
            return True
        if not any(p.normal_form in DIVISION_KINDS for p in readings):
            return False
        i += 1
    return False


def _small_towns_named(doc: Doc, i: int) -> set[int]:
    """The GeoNames ids of the small towns a name starting at token i may be («Шерегеш», «Яр-Сале»)."""
    found = set()
    for words, _ in _candidate_words(doc, i):
        keys = town_keys(words)
        for city in (gazetteer.lookup_first(keys), gazetteer.lookup_small(keys)):
            if city and gazetteer.is_small(city):
                found.add(city.geonameid)
    return found


def _feature_name(doc: Doc, i: int) -> bool:
    """Token i names the place the noun right after it, in its case, is («по Куликову полю»)."""
    if i + 1 >= len(doc) or not doc[i].whitespace_ or not doc[i + 1].is_lower:
        return False
    cases = {p.tag.case for p in parses(doc[i].text.lower())}
    return any(p.normal_form in FEATURES_AFTER and p.tag.case in cases for p in parses(doc[i + 1].text))


def _before_its_noun(doc: Doc, i: int) -> bool:
    """Token i is an adjective that the word right after it agrees with, with nothing between them."""
    if i + 1 >= len(doc) or not doc[i].whitespace_ or not doc[i + 1].is_alpha:
        return False
    # an accusative's animacy too: «со стороны Ясного документ подписал» (an animate's accusative, a thing's)
    forms = {(p.tag.case, p.tag.number, p.tag.animacy) for p in parses(doc[i].text.lower()) if p.tag.POS == "ADJF"}
    return any(p.tag.POS in ("NOUN", "ADJF", "PRTF") and any(
        (case, number) == (p.tag.case, p.tag.number) and (animacy is None or p.tag.animacy in (None, animacy))
        for case, number, animacy in forms) for p in parses(doc[i + 1].text.lower()))


def _adjective_before_noun(doc: Doc, last: int) -> bool:
    """Token `last` ends a hyphenated word in an adjective's ending that agrees with the noun after it
    («Усть-Илимском районе», not «с Усть-Каменогорском и Омском»)."""
    word = doc[last].text
    if not _GUESSED_ADJECTIVE.search(word.lower()):
        return False
    # past the adjectives agreeing with it («Каменск-Уральском городском округе»)
    for i in range(last + 1, min(last + 4, len(doc))):
        following = parses(doc[i].text)
        if not doc[i].is_lower or not _agrees_with(word, following, adjectives=True):
            return False
        if following[0].tag.POS == "NOUN":
            return True
        if following[0].tag.POS != "ADJF":
            return False
    return False


@functools.lru_cache(maxsize=64)
def _short_names(name: str) -> frozenset[str]:
    """What a city's long name is cut to in its own report: the first part of a compound («Ростов»,
    «Петропавловск»), the noun after an adjective («Новгород»)."""
    short = {fold(name.split("-")[0])} if "-" in name else set()
    words = name.split()
    if len(words) == 2 and _adjective_genders(words[0]):
        short.add(fold(words[1]))
    return frozenset(short - {fold(name)})


_CODE_NAME = re.compile(r"(?<![\w-])([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)*)-(\d{1,3})(?![\w-])")
_CODE_KEYS = {fold(name): geonameid for name, geonameid in CODE_NAMES.items()}


def _code_names(text: str) -> dict[int, tuple[int, gazetteer.City]]:
    """Closed towns' code names in any case («Челябинском-40»), and two-word names cut to an initial («Н.
    Новгород»): start → (end, the town named so now)."""
    found = {}
    for m in _CODE_NAME.finditer(text):
        parts = m.group(1).split("-")
        words = [w for part in parts for w in (part, "-")][:-1]
        gid = next((g for key in name_keys(words) if (g := _CODE_KEYS.get(f"{key}-{m.group(2)}"))), None)
        if gid is not None:
            found[m.start()] = (m.end(), gazetteer.city_by_id(gid))
    for m in gazetteer.INITIALLED.finditer(text):
        if city := gazetteer.initialled(m[1], name_keys([m[2]])):
            found[m.start()] = (m.end(), city)
    return found


@Language.component("archive_cities")
def cities_component(doc: Doc) -> Doc:
    persons = [(m.start, m.end) for m in mentions(doc, "person", "person_in_org")]
    places = [(m.start, m.end) for m in mentions(doc, "ner_loc")]  # natasha's
    heading_countries = gazetteer.countries_in(doc.user_data.get("heading", ""))
    sentence_countries: dict[tuple[int, int], frozenset[str]] = {}
    text = text_of(doc)
    paragraph_countries: list[frozenset[str]] = []  # read once, when a city first needs them
    home: gazetteer.City | None = doc.user_data.get("home")  # the report's own city
    home_forms = own_forms(home)
    # token → the country of the city listed right before it («в Аргуне, Шали и Урус-Мартане»): a word listed
    # with a city names a town of that country though it is a common word or a small town's name
    listed_after: dict[int, str] = {}
    compounds: dict[str, gazetteer.City] = {}  # a compound name's first part → the city named so in this block
    # the country of the town named last, of which a former name that follows is («Дальнегорск (до 1972 года –
    # Тетюхе)»)
    renamed: str | None = home.country if home else None
    # where a name follows what announces a former one, found in one pass rather than at every capital
    former_at = {m.end(): m for m in _FORMER_NAME.finditer(text)}
    bracketed = _region_bracketed(text) if " (" in text else set()
    # towns the report named by a Russian spelling no list has and their own in brackets («Канту (Cantù,
    # Италия)»): either spelling → the town, named as the Russian one, for the rest of the report
    spelled_out: dict[str, gazetteer.City] = doc.user_data.setdefault("spelled_out", {})
    # the GeoNames ids of the towns the report has named so far: a small town named once where a sentence gave
    # its country is that town for the rest of the report («Выру (Эстонская Республика)», then «Партнёрские
    # отношения Порхова и Выру»), and so is a first name that names one (participants.py)
    towns_named: set[int] = doc.user_data.setdefault("towns_named", set())
    # the small towns' GeoNames ids that the report has named as villages («посёлок Шерегеш»): the name alone is
    # the village for the rest of the report too («в Шерегеше прошёл фестиваль»)
    villages: set[int] = doc.user_data.setdefault("villages", set())

    def paragraph() -> frozenset[str]:
        if not paragraph_countries:
            paragraph_countries.append(gazetteer.countries_in(text))
        return paragraph_countries[0]

    code_names = _code_names(text)
    i = 0
    while i < len(doc):
        t: Token = doc[i]
        i += 1
        if code := code_names.get(t.idx):
            end, city = code
            add(doc, Mention("city", t.idx, end, {
                "name": gazetteer.usual_name(city), "country": city.country, "geonameid": city.geonameid,
                "latitude": city.latitude, "longitude": city.longitude, "population": city.population}))
            while i < len(doc) and doc[i].idx < end:
                i += 1
            continue
        joined = i + 1 < len(doc) and doc[i].text == "-" and not t.whitespace_  # «Ла-Рошели»
        if not (t.is_alpha and t.text[0].isupper() and (len(t.text) >= 3 or joined)) \
                or _INFLECTED_CAPITALS.match(t.text):
            continue  # «БАМа», «КАМАЗом»: an abbreviation with its case ending, no town
        if t.text in _PAGE_WORDS and on_page_number_line(text, t.idx):
            continue  # «оба города» over a page's «Стр. 1»: no town
        previous = _previous_word(doc, t.i)
        former = former_at.get(t.idx)
        announced = previous in CITY_MARKERS
        marked = announced or former is not None
        # a region in brackets after the name makes it a town's as «город» does, but keeps a common word's
        # reading («из Ниша (Республика Сербия)»: Ниш, not «ниша»)
        named_region = t.idx in bracketed
        cued = marked or named_region
        line = line_at(text, t.idx).strip()
        # the report's own city's name is its city in capitals, after a street's word or in a brand too («на
        # набережной Амурска», «Кванториум-Рубцовск»)
        own_name = home is not None and fold(home.name) in town_keys([t.text])
        if not own_name and home is not None and " " in home.name:
            # «ГОРОДСКОГО ОКРУГА НИЖНЯЯ САЛДА», «260-ЛЕТИЯ НИЖНЕЙ САЛДЫ», «на площади Красного Холма»: the report's
            # own name of two words
            own_name = any(fold(home.name) in town_keys(words) for words, _ in _candidate_words(doc, t.i))
        if t.is_upper and not marked and not name_line(line) and not (own_name or fold(t.text) in home_forms):
            # «РАТА», «МИР»: capitals name a city only as a line of their own («ОМСК», «УЛАН-УДЭ»), or the report's
            # own in any case («СОБЫТИЯ ГОДА В ЛАИШЕВЕ», «3. 870-ЛЕТИЕ ДОРОГОБУЖА»: all 27 in the written gold)
            continue
        if _glued_to_lowercase(doc, t.i):
            continue  # «Домом-музеем»: the first part of a compound word
        if _glued_after(doc, t.i) == "на" and not any("Geox" in p.tag for p in parses(t.text.lower())) \
                and any(p.tag.POS == "ADJF" for p in parses(t.text.lower())):
            continue  # «Комсомольский-на-Амуре авиационный завод»: the adjective of «Комсомольск-на-Амуре»
        if _second_part(doc, t.i) and (not own_name or doc[t.i - 2].text.lower() in PLACE_PREFIXES):
            continue  # «Алтай-Тур», «Волга-Днепр»: a part of a compound whose first part names no city
        if (previous in REGION_MARKERS and not _in_the_area_of(doc, t.i)) or previous in NAMED_AFTER \
                or (previous in STREET_MARKERS and not own_name):
            if previous in SETTLEMENT_WORDS or previous in VILLAGE_ABBREVIATIONS:
                villages.update(_small_towns_named(doc, t.i))
            # and the name's words after it, past a line's wrap too: «реки Большой Кинель», «улица Карла Маркса»,
            # «озера Большое» over «Яровое»
            while i < len(doc):
                wrap = doc[i].text == "\n" and doc[i - 1].is_alpha and not doc[i - 1].whitespace_
                word = doc[i + 1] if wrap and i + 1 < len(doc) else doc[i]
                if not (word.is_alpha and word.text[0].isupper() and (wrap or doc[i - 1].whitespace_ == " ")):
                    break
                i = word.i + 1
            continue
        if _region_adjective(doc, t.i):
            continue  # «самый маленький город Ярославской области»: «город» announces no town here
        if not marked and _feature_name(doc, t.i):
            continue  # «Поле Куликово», «по Куликову полю»: a field named after a place
        if previous == "на" and "loct" in (cases := {p.tag.case for p in parses(t.text.lower())}) \
                and not cases & {"nomn", "accs"}:
            continue  # «город на Тереке», «на Урале»: a river's, a region's or an island's; a town is «в» one
        # natasha may read a Latin town as a person
        latin = _latin_city(doc, t.i, paragraph, listed_after.get(t.i) is not None, spelled_out)
        # In a person's name a word is no city, unless «город» announces it and the name is that one word
        # («в городе Кирове»); «главой города Вячеславом Франком» names the head.
        if not latin and any(s <= t.idx < e and (not cued or len(text[s:e].split()) > 1) for s, e in persons):
            continue
        if t.i + 2 < len(doc) and is_first_name(doc[t.i + 1].text) and surname_first(
                [t.text, *_words_after(doc, t.i, 3)]):
            continue  # «резчик Киле Пётр Андреевич»: a surname before the name and patronymic
        if t.i + 1 < len(doc) and doc[t.i + 1].text[:1].isupper() and is_patronymic(doc[t.i + 1].text):
            continue  # «мэром города Асланбеком Ибрагимовичем Хадисовым»: a first name before a patronymic
        if t.idx and text[t.idx - 1] == "«" and VESSEL_BEFORE.search(text, max(0, t.idx - 30), t.idx):
            continue  # «танкер «Оха»»: a ship named after the town
        sentence = sentence_of(doc, t.idx)
        if sentence not in sentence_countries:
            sentence_countries[sentence] = gazetteer.countries_in(text[sentence[0] : sentence[1]]) | heading_countries
        # a foreign city the dictionary knows only as a name or surname («Зальцгиттера», «Геры») where natasha
        # reads a place; not «Пушкина», which names a writer as often as his town
        place_named = any(s <= t.idx < e for s, e in places)
        place = place_named and _only_a_name(t.text)
        listed = listed_after.get(t.i)
        match = None
        adjective_compound = None
        candidates = _candidate_words(doc, t.i)
        for words, last in candidates:
            keys = town_keys(words, marked)
            adjective = len(words) == 1 and not cued and _adjective_here(doc, t.i)
            if home is not None and (fold(home.name) in keys or (len(words) == 1 and fold(words[0]) in home_forms)):
                # the report's own city wherever its name stands (a small town: «Суздаль»; an adjective's name:
                # «Мирный, основанный…», «из Мирного»), unless the name is an adjective there: the city's
                # adjective («в Брянском театре»), or an adjective's name right before a word agreeing with it
                # («Волжский историко-краеведческий музей»)
                if adjective and (not _adjective_name(home.name) or _before_its_noun(doc, last)):
                    continue
                if len(words) == 1 and (genders := _adjective_genders(words[0])) and _adjective_name(home.name) \
                        and not set(genders) & set(_adjective_genders(home.name)):
                    continue  # «Чайковская осень» in Чайковский's report: the adjective in another gender
                if "-" in words and not marked and _adjective_before_noun(doc, last) and (
                        _adjective_of_compound(words, home.name) or fold("".join(words)) == fold(home.name)):
                    continue  # «Юрьев-Польская центральная библиотека», «Юрьев-Польский хлебозавод»: its adjective
                match = (home, last)
                break
            if adjective and not _adjective_town(doc, last, keys, listed):
                continue
            alone_quoted = len(words) == 1 and not marked and _quoted_word(text, t.idx, len(t.text))
            if alone_quoted and _adjective_city(parses(t.text.lower())):
                continue  # «пляжи «Центральный» и «Донской»»: a quoted adjective names something else
            if "-" in words and not marked and _adjective_before_noun(doc, last) and (whole := gazetteer.lookup_first(
                    keys)) and _ADJECTIVE_END.search(whole.name) and _adjective_of_compound(words, whole.name):
                adjective_compound = last  # «в Каменск-Уральском городском округе»: nor its first part a town
                break
            if "-" in words and not marked and _adjective_before_noun(doc, last) and not (
                    (whole := gazetteer.lookup_first(keys)) and _ADJECTIVE_END.search(whole.name)):
                continue  # «в Усть-Илимском районе»: the adjective of a hyphenated town, whose name is no adjective
                # («Петропавловска-Камчатского городского округа» is the town), or one whose first part does not
                # decline as the town's does («в Каменск-Уральском городском округе»)
            if len(words) > 1 and _inside_larger_name(doc, t.i):
                continue  # «Кавказских Минеральных Вод»: a region whose name holds the town's
            if _glued_after(doc, last) and _adjective_before_noun(doc, last + 2):
                continue  # «Павлово-Посадского городского округа», «Иваново-Вознесенского землячества»: the first
                # part of another town's adjective, though a town's name too
            if (after := _glued_after(doc, last)) and not gazetteer.lookup_first(name_keys([after])) and not (
                    (written := gazetteer.lookup(fold(" ".join(words)).replace(" - ", "-")))
                    and written.country in {"RU", *sentence_countries[sentence], *paragraph()}):
                # the first part of a compound («Камбы-Ламы»), unless it is a city as written of a country the
                # text names («Сочи-Трэвел»; not Serres in «коммуны Сёр-Варангер») or both parts are cities
                # («Москва-Пекин»)
                continue
            common = len(words) == 1 and not marked and _is_common_noun(words[0])
            near = sentence_countries[sentence]
            # in its own report a long name cut short is the report's city, whether the gazetteer knows the short
            # name as another town («Ростова»: not Rostov the Great) or not at all («Переславля»)
            # unless a region in brackets says which town it is («тёзками — Калачом (Воронежская область)»)
            own = home if home and len(words) == 1 and not common and not named_region \
                and _short_names(home.name) & set(keys) else None
            city = own or gazetteer.lookup_first(keys, near) or _korean(keys)
            if city and home and home.admin1 and not _of_home_region(city, home) \
                    and home.country in (near or {home.country}) \
                    and (regional := gazetteer.lookup_in_region(keys, home.country, home.admin1)):
                city = regional  # «в Камышине, Волжском и Саратове» in a report of the Volgograd region: Волжский, not
                # Волжск (Mari El), whose name the word's first reading gives
            # a common word names a town the report has named, but not first in a sentence («Ниша в стене…»)
            mid_sentence = t.idx > sentence[0]
            if city is None and common and (guessed := gazetteer.lookup_first(
                    _ending_guesses(fold(words[0])), near)) and (
                    guessed.country in near or (mid_sentence and guessed.geonameid in towns_named)):
                city = guessed  # «скупштина Ниша выделила … сербских динаров»: a common word's form, of a town
                # of the country the sentence names, or of one the report has named («Ниш (Сербия)», then
                # «в Нише подписан меморандум»)
            if city is None and mid_sentence and (small := gazetteer.lookup_small(keys, near)) \
                    and (small.geonameid in towns_named or _near_common_word(doc, t.i, words, small, home)):
                # «Плёс (Ивановская область)», then «в Плёсе прошёл семинар»: a small town named before; in a
                # report of the Ivanovo region, «в Плёсе» at once: a town of the report's own region
                city = small
            if city is None and "-" in words and (small := gazetteer.lookup_small(keys, near)):
                match = (small, last)  # «Ак-Довурак», before its first part alone («Ак»: Аки, Japan)
                break
            common = common and not (place and city and city.country != "RU")
            if common and (neighbours := {listed, after := _listed_before(doc, last)} - {None}):
                # listed with a town of a country, a common word names a town of that country, whatever the
                # case its ending stands for («из Ниша и Крагуеваца»), and in a quoted route too («Сухой Лог –
                # Богданович»); listed between two towns, a town of any country («из Южно-Сахалинска, Отару и
                # Тонхэ»)
                of_country = gazetteer.lookup_first([*keys, *_ending_guesses(fold(words[0]))], neighbours)
                if of_country and (of_country.country in neighbours or (listed and after)):
                    match = (of_country, last)
                    break
            if common and not (city and (city.country in near or (place_named and city.country in paragraph())
                                         or (mid_sentence and (city.geonameid in towns_named
                                                               or _near_common_word(doc, t.i, words, city, home))))
                               and not _quoted(text, sentence[0], t.idx)):
                # a common word, unless the sentence names the city's country («Анкориджа (штат Аляска, США)»),
                # or the paragraph where natasha reads a place, and it is not a quoted name («Центр японской
                # культуры "Сакура"»)
                continue
            if city and alone_quoted and city.country not in {"RU", *near, *paragraph()}:
                continue  # «Дворец спорта «Ермак»», «клуба «Ермак»»: a foreign town's name alone in quotes names
                # a hall, a club or a hotel where the text does not name its country
            if city and len(words) == 1 and (longer := compounds.get(keys[0])) and longer.country != city.country:
                city = longer  # «Комсомольск-на-Амуре … жителям Комсомольска»: the longer name named before
            if city:
                if city.country not in near and gazetteer.has_homonyms(city):  # named in the next sentence?
                    if wider := paragraph() - near:
                        city = gazetteer.lookup_first(keys, wider) or city
                if named_region and city.country not in near and (small := gazetteer.lookup_small(keys, near)) \
                        and small.country in near:
                    city = small  # «Каменцом (Беларусь)»: Каменец, a small town of the country named, not Kamenz
                match = (city, last)
                break
        if adjective_compound is not None:
            i = adjective_compound + 1
            continue
        # the small towns: a name «город» announces, or one the dictionary does not know, or knows only as a
        # place's and natasha reads as one («Чадане», «Сусумана»)
        known = parses(t.text.lower())[0].is_known
        # a place's name the dictionary knows as one only, which natasha may not read as one: a foreign town's
        # where the sentence names its country (in a table's row: «Выру | Эстония»), a Russian small town's
        # of a town's shape («с Порховом», «Гдов»; not «Гжель», «Калевала», «Даурия», «Дунай»)
        known_place = known and not place_named and t.text[1:].islower() and _only_a_place(t.text)
        if match is None and (cued or not known or (place_named and _place_word(t.text)) or known_place) \
                and (cued or not _adjective_here(doc, t.i)):  # «Пятигорского государственного университета»
            match = _small_town(doc, t.i, sentence_countries[sentence], cued)
            if match and _quoted_word(text, t.idx, len(t.text)) and not marked \
                    and match[0].country not in {"RU", *sentence_countries[sentence], *paragraph()}:
                match = None  # «Корё сарам»: a word of a quoted name, as a foreign town's alone in quotes
            if match and known_place and not marked and (
                    (match[0].country != "RU" and match[0].country not in sentence_countries[sentence])
                    or (match[0].country == "RU" and not match[0].name.endswith(TOWN_NAME_ENDINGS))
                    or _quoted_word(text, t.idx, len(t.text))) \
                    and match[0].geonameid not in towns_named:  # «организацией «Самур»»: a name
                match = None
        if match is None and (listed := listed or _listed_before(doc, t.i)):
            small = _small_town(doc, t.i, frozenset({listed}), marked, guess=True)
            # «в Анадыре и Певеке», and a surname's form («из Липецка, Ельца и Чаплыгина»); a common word or an
            # adjective only as the first of a name's words («Гаврилова Посада», «Мариинского Посада»), or
            # between two towns listed («из Порхова, Дно, Старой Руссы»)
            match = small if small and small[0].country == listed and (
                small[1] > t.i or not ((_is_common_noun(t.text) and not _surname_only(t.text))
                                       or _adjective_here(doc, t.i))
                or (listed_after.get(t.i) == listed and _listed_before(doc, t.i) == listed)) else None
        if match is None:
            match = latin
        if match is None and not former and "А" <= t.text[0] <= "Я" and not t.is_upper:
            match = _spelled_out(doc, candidates, spelled_out)
        elsewhere = False  # a former name that the gazetteer has only as another country's town
        if match and former and renamed and (match[0].country != renamed or match[0].disputed) \
                and match[0].name not in OTHER_NAMES:  # not a former name known as one («Виипури»)
            # a town's former name is of the town's country («Энгельс (прежде — Покровск)»: not Pokrovsk in the
            # Donetsk region; «Риддером, который … назывался Лениногорском»: not the Tatar town)
            small = _small_town(doc, t.i, frozenset({renamed}), marked)
            match, elsewhere = (small, False) if small and small[0].country == renamed else (match, True)
        if match and not marked and match[0].geonameid in villages and match[0] != home:
            # not the report's own town, which a village was once named as («В селе Дмитровка … город Дмитровск»)
            i = match[1] + 1
            continue
        if match:
            city, last = match
            end = doc[last].idx + len(doc[last].text)
            towns_named.add(city.geonameid)
            fields = {"name": city.name if former else gazetteer.usual_name(city),
                      "country": None if city.disputed else city.country,
                      "geonameid": city.geonameid,
                      "latitude": city.latitude, "longitude": city.longitude, "population": city.population}
            if elsewhere:
                fields |= {"country": renamed, "geonameid": None, "latitude": None, "longitude": None,
                           "population": None}
            elif city.geonameid == gazetteer.UNLISTED:
                fields |= {"geonameid": None, "latitude": None, "longitude": None, "population": None}
            add(doc, Mention("city", t.idx, end, fields))
            if (first := re.split(r"[- ]", fold(city.name))[0]) != fold(city.name):
                compounds.setdefault(first, city)
            i = last + 1
            renamed = city.country
            if spelled := _LATIN_IN_BRACKETS.match(text, end):
                # «Сольнок (Szolnok)»: the same town; «(Stadt Weißwasser, Германия)»: its name after the word
                start = spelled.start(1)
                while (word := text[start:].split(" ", 1)[0]) in LATIN_TOWN_WORDS \
                        and start + len(word) < spelled.end(1) and text[start + len(word) + 1].isupper():
                    start += len(word) + 1  # not «Città di Castello»
                add(doc, Mention("city", start, spelled.end(1), fields))
                at = spelled.end(1)
                while also := _LATIN_ALSO.match(text, at):
                    add(doc, Mention("city", *also.span(1), fields))
                    at = also.end(1)
                while i < len(doc) and doc[i].idx < at:
                    i += 1
            elif (other := _OTHER_SPELLING.match(text, end)) and _spelling_of(other, city):
                # «Казани (тат. Казан)», «Костанай (Қостанай)», «Чистополем (Чистай)»: its name in another language
                add(doc, Mention("city", *other.span("name"), fields))
                while i < len(doc) and doc[i].idx < other.end("name"):
                    i += 1
            elif t.is_upper and (other := _CAPITALS_AGAIN.match(text, end)) and name_line(line):
                # «БАВЛЫ / БАУЛЫ», «ТЕТЮШИ (ТӘТЕШ)»: a heading's name and its spelling in another language
                add(doc, Mention("city", *other.span(1), fields))
                while i < len(doc) and doc[i].idx < other.end(1):
                    i += 1
            if i + 1 < len(doc) and doc[i].text in _LIST_GAPS:
                listed_after[i + 1] = city.country  # «в Аргуне, Шали», «Сухой Лог – Богданович»
        elif former and "А" <= t.text[0] <= "Я" and not t.is_upper and not _region_or_country(t.text) and (
                len((run := _candidate_words(doc, t.i)[0])[0]) > 1 or not _is_adjective(t.text)):
            # a former name no list has, of one word or several («Медвежья Гора», «Куйбышевка-Восточная»), as
            # written: after these words it is in the nominative, but for «переименовании Сталиногорска в» and
            # a name the dictionary knows («назывался Прикумском»)
            words, last = run
            name = _nominative_guess(t.text) if len(words) == 1 and (
                former.group(1).startswith("переименовани") or parses(t.text.lower())[0].is_known) \
                else " ".join(words).replace(" - ", "-")
            fields = {"name": name, "country": renamed, "geonameid": None,
                      "latitude": None, "longitude": None, "population": None}
            add(doc, Mention("city", t.idx, doc[last].idx + len(doc[last].text), fields))
            i = last + 1
        elif (listed := listed_after.get(t.i)) and not parses(t.text.lower())[0].is_known and not t.is_upper \
                and (country := country_in_brackets(text, t.idx + len(t.text))):
            # a town no list has, listed after one and followed by its country («Фуюань и Тунцзян (провинция
            # Хэйлунцзян, КНР)»)
            fields = {"name": _nominative_guess(t.text), "country": country, "geonameid": None,
                      "latitude": None, "longitude": None, "population": None}
            add(doc, Mention("city", t.idx, t.idx + len(t.text), fields))
        elif announced and not _is_adjective(t.text) and not t.is_upper and not joined and not is_first_name(t.text) \
                and not _region_or_country(t.text):
            # a name «город» announces that no list has; not «города Северо-Запада», «акима города Данияром»,
            # «восточный город России»
            fields = {"name": _nominative_guess(t.text), "country": None, "geonameid": None,
                      "latitude": None, "longitude": None, "population": None}
            add(doc, Mention("city", t.idx, t.idx + len(t.text), fields))
    return doc
