"""Persons and organisations: natasha's NER proposes, grammars over morphology decide and extend.

Organisations are found three ways: a head noun with a «quoted name» («корпорация «РАТА»»), a named
head noun without quotes («Администрация города Омска», «библиотека им. А.С. Пушкина»), and
abbreviations («ОмГПУ»); a legal form joins the name after it («ООО «Ромашка»», «МБОУ СОШ № 12»).
«(далее - X)» makes X an alias that later mentions are matched against.
A person inside an organisation's name belongs to the organisation (GOLD.md).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Token

from pipeline.extract import gazetteer
from pipeline.extract.cities import country_in_brackets, name_keys, name_line, own_forms, town_keys
from pipeline.extract.mention import Mention, add, line_at, mentions, overlaps, sentence_of, text_of
from pipeline.extract.money import ISO_CODES
from pipeline.extract.morph import (
    PLACE_ADJECTIVE_ENDING,
    PROXY_STEM,
    adjective_proxy,
    compound_lemma,
    fold,
    is_first_name,
    is_patronymic,
    match_case,
    parses,
    surname_first,
    to_nominative,
)
from pipeline.extract.orgwords import (
    ACTION_HEADS,
    ADJECTIVE_NAMED_HEADS,
    AGENCY_WORD,
    ALIAS_INTRO,
    BODIES,
    CAPITALISED_NAME_HEADS,
    CAPITALISED_ONLY_HEADS,
    EAST_ASIAN_SURNAMES,
    EPITHETS,
    EVENT_WORDS,
    GENERIC_BUILDINGS,
    GENERIC_LEVELS,
    HONORIFICS,
    INSTITUTION_ADJECTIVES,
    INSTITUTION_FORM,
    INSTITUTION_KINDS,
    JAPANESE_GIVEN_NAMES,
    LATIN_CAPITAL,
    LATIN_LEGAL_FORMS,
    LATIN_NOT_ORG_ABBREVIATIONS,
    LATIN_OF,
    LATIN_ORG_WORDS,
    LATIN_SMALL,
    LEGAL_FORMS,
    MEASURES_AFTER_NAME,
    NAMED_FOR_A_PERSON,
    NAMED_FOR_SOMEONE_HEADS,
    NOT_ORG_ABBREVIATIONS,
    NUMBERED_FORMATIONS,
    ORG_HEADS,
    PERSONAL_HEADS,
    QUOTED_ONLY_HEADS,
    ROMAN_REGNAL,
    SURNAME_ENDINGS,
    TITLES,
    latin_org_word,
)
from pipeline.extract.places import (
    CITY_MARKERS,
    COUNTRIES,
    FORMER_STATES,
    REGION_MARKERS,
    SETTLEMENT_WORDS,
    STREET_MARKERS,
    VESSEL_BEFORE,
)
from pipeline.extract.tables import cell_starts, in_later_cell, on_page_number_line

# «города Маньчжурия», «Республики Казахстан»: after these a name may stand in the nominative.
APPOSITION_HEADS = frozenset({"город", "г.", "республика", "область", "край", "провинция", "село", "поселок",
                              "посёлок", "станица", "деревня", "район", "округ", "штат", "община"})
OPEN_QUOTES = {"«": "»", "„": "“", "“": "”"}
# How a place's adjective is made from its name: the adjective's ending → what may stand for it in the name
# («Омский»: Омск, «Печорский»: Печора, «Интинский»: Инта, «Калужский»: Калуга, «Новополоцкий»: Новополоцк).
PLACE_ADJECTIVE_STEMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("инский", ("а", "ы", "и", "я")),  # «Ельнинский»: Ельня
    ("енский", ("а",)),  # «Нытвенский»: Нытва
    ("жский", ("га", "г")),
    ("цкий", ("цк", "ц")),
    ("ский", ("ск", "", "ь", "а", "ы", "и", "о", "е", "я", "ка")),  # «Жердевский»: Жердевка
)
# Letters of names: Russian, and the Cyrillic letters of Mongolian, Buryat and Kazakh names («Мөнхбаяр»).
_UPPER, _LOWER = "А-ЯЁӨҮҺӘІҢҒҚҰҖЈЋЂЉЊЏ", "а-яёөүһәіңғқұҗјћђљњџ"
_NAME_WORD = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?"
TURKIC_SON_OF = ("улы", "кызы", "угли", "оглы", "уулу", "гызы", "кизи")
# A Turkic patronymic: the father's name and «son of»/«daughter of» between the name and the surname
# («Айдаром Рафаэль улы Галиевым», «Гульнара Ринат кызы Мусина», «Бахтиёр Рустам угли Назаров»)
_TURKIC_PATRONYMIC = re.compile(
    rf"(?<![\w.]){_NAME_WORD}\s{_NAME_WORD}\s(?:{'|'.join(TURKIC_SON_OF)})\s{_NAME_WORD}(?!\w)")
_INITIALS_FIRST = re.compile(rf"(?<![\w.])(?:[А-ЯЁ]\.\s?){{1,2}}\s?{_NAME_WORD}")
_SURNAME_FIRST = re.compile(rf"(?<![\w.]){_NAME_WORD}\s[А-ЯЁ]\.\s?[А-ЯЁ]\.")
_NAME_AFTER = re.compile(rf"\s?[{_UPPER}][{_LOWER}]")
_SURNAME_SHAPED = re.compile(r"(?:[оеё]в|[иы]н)(?:а|у|ым|ой)?$|[сц]к(?:ий|ая|ого|ой|ому|им)$")
# Capitals, or capitals with a few small letters inside («ОмГУ», «ЮУрГУ», «СПбГУ», «ВолгГТУ», «СибГУТИ»).
# An abbreviation: capitals, or capitals with small letters between («ОмГТУ», «ЗиС»), one or two of them
# hyphenated or with a number («РФЯЦ-ВНИИЭФ», «КНИТУ-КАИ», «СКБ-385»).
_ABBREVIATION_PART = r"(?:[А-ЯЁ]{2,7}|[А-ЯЁ]{1,3}[а-яё]{1,5}[А-ЯЁ](?:[а-яё]?[А-ЯЁ]){1,4}|[А-ЯЁ][а-яё][А-ЯЁ])"
_ABBREVIATION = re.compile(rf"(?<![\w-]){_ABBREVIATION_PART}(?:-(?:{_ABBREVIATION_PART}|\d{{1,4}}))?(?![\w-])")
_NAMED_AFTER = ("им.", "имени", "им")
_INFLECTED_ABBREVIATION = re.compile(r"(?<![\w-])([А-ЯЁ]{3,7})(?:а|у|ом|е)(?![\w-])")
_AGENCY = re.compile(rf"(?<![\w-]){AGENCY_WORD}(?![\w-])")
_OWNER_AFTER = re.compile(rf"\s{AGENCY_WORD}(?:\s[А-ЯЁ][а-яё]+(?:ии|ы|и|а))?(?![\w-])")
_BRACKETED = re.compile(r" \(([^()\s]{2,8})\)")
_NAMED_AFTER_BEFORE = re.compile(r"(?<![\w])(?:им\.|имени)\s*$", re.IGNORECASE)
# A sole trader named by its owner: «ИП Ганиев Р. Ф.» is a business, not a person (all five in the written gold)
_SOLE_TRADER_BEFORE = re.compile(r"(?<![\w-])ИП\s+$")


_HEADS = ORG_HEADS | QUOTED_ONLY_HEADS | CAPITALISED_ONLY_HEADS
# The word tests below are pure functions of the word, asked again for every candidate phrase around
# it; pymorphy3's tag attributes are slow to read, so each answer is kept per word form.
_per_word = functools.lru_cache(maxsize=200_000)


@_per_word
def _lemma(word: str) -> str:
    return parses(word.lower())[0].normal_form


@_per_word
def _grammemes(word: str) -> frozenset[str]:
    return frozenset(g for p in parses(word.lower())[:3] for g in p.tag.grammemes)


@_per_word
def _is_adj(word: str) -> bool:
    ps = parses(word.lower())
    if ps[0].tag.POS in ("ADJF", "PRTF") or "Anum" in ps[0].tag:
        return True
    if not ps[0].is_known and word.islower() and any(p.tag.POS == "ADJF" for p in ps[:2]):
        return True  # «юртовое»: a word the dictionary guesses a noun first, and an adjective next
    if PLACE_ADJECTIVE_ENDING.search(word) and (not ps[0].is_known or (word[:1].isupper() and all(
            p.tag.POS == "NOUN" and {"Surn", "Geox"} & p.tag.grammemes for p in ps))):
        # «Лидском», «Лидским»: a town's adjective the dictionary guesses as a noun or a surname; «Горецким»,
        # «Новополоцком», which it knows only as a surname or as the town
        return True
    # an adjective that is a surname or a town too, which the dictionary reads first («Могилевского»: Могилевский;
    # «Печорском»: Печорск)
    return bool({"Surn", "Geox"} & ps[0].tag.grammemes) and any(p.tag.POS == "ADJF" and p.is_known for p in ps)


@_per_word
def _head(word: str, quoted: bool = False) -> str | None:
    """The organisation head lemma of `word` (singular only: plurals are generic), or None. Before a quoted
    name, a form that may be singular («мастер шахты «Обуховская»», where «шахты» reads first as a plural)."""
    if "-" in word:
        lemma = compound_lemma(word)
        if lemma in _HEADS:
            return lemma
        first = _head(word.partition("-")[0])  # «Библиотека-филиал», «библиотеке-филиале»
        if first and compound_lemma(word):
            return first
        if last := _head(word.rpartition("-")[2]):
            return last  # «яхт-клубом», «бизнес-центра»: a word before the head
    readings = parses(word.lower())
    for p in readings:
        if p.tag.POS == "NOUN" and p.normal_form in _HEADS:
            singular = p.tag.number != "plur" or (quoted and any(
                q.normal_form == p.normal_form and q.tag.POS == "NOUN" and q.tag.number == "sing" for q in readings))
            return p.normal_form if singular else None
    return None


def _agrees(adjective: str, noun: str) -> bool:
    """An adjective that can stand in the noun's case (and so belongs to its phrase); not a pronoun («Всего»)."""
    if not _is_adj(adjective) or "Apro" in parses(adjective.lower())[0].tag:
        return False
    # in number too: not «учащихся лицея № 39», a plural before a singular
    forms = {(p.tag.case, p.tag.number) for p in parses(noun.lower().rpartition("-")[2]) if p.tag.POS == "NOUN"}
    return any((p.tag.case, p.tag.number) in forms or (p.tag.case, None) in forms
               for p in parses(adjective_proxy(adjective.lower().rpartition("-")[2]))
               if p.tag.POS in ("ADJF", "PRTF") or "Anum" in p.tag)


_NAME_GRAMMEMES = frozenset({"Abbr", "Orgn", "Name", "Surn", "Geox"})
_INSTITUTION_FORM = re.compile(INSTITUTION_FORM)


@_per_word
def _is_abbreviation(word: str) -> bool:
    """An organisation's abbreviation («МБОУ», «ОмГПУ», «ООН»): capitals that are not a common word in
    capitals («ОТЧЕТ», «ЗА» in a heading) and not a place or another thing («РФ», «СМИ»)."""
    if not _ABBREVIATION.fullmatch(word) or word in NOT_ORG_ABBREVIATIONS or word.endswith("ССР"):
        return False  # «БССР», «Якутской АССР»: a state
    ps = parses(word.lower())[:3]
    return not any(p.is_known for p in ps) or any(_NAME_GRAMMEMES & p.tag.grammemes for p in ps)


def _is_legal_form(word: str) -> bool:
    """A legal form or a kind of institution, which joins the name after it."""
    return word in LEGAL_FORMS or word in INSTITUTION_KINDS or bool(_INSTITUTION_FORM.fullmatch(word))


@_per_word
def _of_place(word: str) -> bool:
    """An adjective made from a city's or a country's name («Томский», «Челябинским», «Российской»)."""
    lemma = fold(_lemma(word))
    if not _is_adj(word) or not lemma.endswith(("ский", "цкий")):
        return False
    return lemma in COUNTRIES or any(gazetteer.lookup(lemma[: -len(suffix)] + end)
                                     or gazetteer.lookup_small([lemma[: -len(suffix)] + end])
                                     for suffix, ends in PLACE_ADJECTIVE_STEMS if lemma.endswith(suffix)
                                     for end in ends)


@_per_word
def _nominative_first_name(word: str) -> bool:
    best = parses(word.lower())[0]
    return best.is_known and "Name" in best.tag and best.tag.case == "nomn"


def _first_name_like(word: str) -> bool:
    """A word that begins a name: a first name, or a Japanese given name or an East Asian surname."""
    return is_first_name(word) or word in JAPANESE_GIVEN_NAMES or word in EAST_ASIAN_SURNAMES


_OBLIQUE = frozenset({"gent", "datv", "ablt", "loct"})


@_per_word
def _oblique(word: str, pos: str) -> bool:
    """A reading of `word` as `pos` (NOUN, ADJF) in an oblique case («дальневосточных городов»)."""
    return any(p.tag.POS == pos and p.tag.case in _OBLIQUE for p in parses(word.lower()))


@_per_word
def _genitive(word: str) -> bool:
    """A noun that can be in the genitive («учёных», «культуры»; not «стоимостью»)."""
    return any(p.tag.POS == "NOUN" and p.tag.case == "gent" for p in parses(word.lower()))


@_per_word
def _instrumental_only(word: str) -> bool:
    nouns = [p for p in parses(word.lower()) if p.tag.POS == "NOUN"]
    return bool(nouns) and all(p.tag.case == "ablt" for p in nouns)


def _oblique_noun(word: str) -> bool:
    return _oblique(word, "NOUN")


@_per_word
def _is_verbish(word: str) -> bool:
    return parses(word.lower())[0].tag.POS in ("VERB", "INFN", "PRTS", "GRND", "ADVB", "PRCL", "CONJ", "PREP")


class _Tokens:
    """Hyphen-joined words of a doc with char offsets («Торгово-промышленной» is one word)."""

    def __init__(self, doc: Doc) -> None:
        self.words: list[tuple[str, int, int]] = []
        i = 0
        while i < len(doc):
            t: Token = doc[i]
            if t.is_space:
                i += 1
                continue
            text, start, end = t.text, t.idx, t.idx + len(t.text)
            while (i + 2 < len(doc) and doc[i + 1].text in ("-", "–") and not doc[i].whitespace_
                   and not doc[i + 1].whitespace_ and doc[i].is_alpha and doc[i + 2].is_alpha):
                text, end, i = f"{text}-{doc[i + 2].text}", doc[i + 2].idx + len(doc[i + 2].text), i + 2
            self.words.append((text, start, end))
            i += 1


def _quote_spans(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Outer «quoted names», nesting allowed; an unclosed inner quote ends at the last close in the sentence."""
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        close = OPEN_QUOTES.get(text[i])
        if close is None:
            i += 1
            continue
        limit = next((e for s, e in sentences if s <= i < e), len(text))
        depth, last, j = 0, None, i
        while j < limit:
            c = text[j]
            if c in OPEN_QUOTES and not (c == "“" and depth and close == "“"):
                depth += 1
            elif c == close or c in OPEN_QUOTES.values():
                depth -= 1
                last = j + 1
                following = text[j + 1 : j + 2]
                # «Группа компаний «Титан» often closes both quotes with one mark: an inner close
                # not followed by another close ends the outer name too.
                if depth == 0 or following not in OPEN_QUOTES.values():
                    break
            j += 1
        if last:
            spans.append((i, last))
            i = last
        else:
            i += 1
    return spans


def _left_descriptor(words: list[tuple[str, int, int]], k: int) -> int | None:
    """For a quote at word k, the start offset of «ADJ* HEAD gen-modifiers*» right before it, if any."""
    j = k - 1
    chain: list[int] = []
    while j >= 0 and len(chain) < 8:
        w = words[j][0]
        if not (w[0].isalpha() or w == "№" or w.isdigit()) or _is_verbish(w):
            break
        chain.append(j)
        j -= 1
    chain.reverse()
    # not a head that names only in capitals, in small letters («в единой информационной системе «…»», «на
    # базе детского лагеря «…»»)
    head_at = next((c for c in chain if (head := _head(words[c][0], quoted=True))
                    and not (head in CAPITALISED_ONLY_HEADS and words[c][0].islower())), None)
    if head_at is None:
        return None
    between = chain[chain.index(head_at) + 1 :]
    if _head(words[head_at][0]) in ACTION_HEADS and any(_oblique_noun(words[c][0]) for c in between):
        return None  # «на организацию лагеря «Евразия»»: organising something, which the quote names
    # Between the head and the quote only genitive modifiers may stand («учреждение культуры города Омска»).
    for c in between:
        w = words[c][0]
        if not (_is_adj(w) or _oblique_noun(w) or w[0].isupper() or w == "№" or w.isdigit()):
            return None
    start = head_at
    while start - 1 >= 0 and start - 1 in chain and _is_adj(words[start - 1][0]):
        start -= 1
    return words[start][1]


_CENTURY = re.compile(r"[IVXL]+ (?:век[а-я]*|вв?\.?)")


def _head_after_adjectives(words: list[tuple[str, int, int]], j: int) -> bool:
    """The first word from j on that is no adjective is an organisation's head."""
    while j < len(words) and _is_adj(words[j][0]):
        j += 1
    return j < len(words) and _head(words[j][0]) is not None


def _shared_case(word: str, name: str) -> bool:
    """`word` can be in a case the first name `name` is in, both singular."""
    cases = {p.tag.case for p in parses(name.lower()) if "Name" in p.tag and p.tag.number == "sing"}
    return any(p.tag.case in cases and p.tag.number == "sing" for p in parses(word.lower()))


def _right_complement(words: list[tuple[str, int, int]], k: int, quotes: list[tuple[int, int]],
                      stops: frozenset[int] = frozenset()) -> tuple[int, bool]:
    """Extend a head at word k over its complement; returns (end word index, whether it names something).
    A word starting at one of the offsets `stops` (a foreign name, a table's next cell) ends it; a body's
    fields listed with commas go on."""
    end, named, j = k, False, k + 1
    after_prep = fields = False
    # a body, or a head in small letters, is not named after the person who follows it («главой
    # администрации города Андреем Лузгиным», «в фонды музея Ирины Соколовой»); «Фонда Владимира Потанина» is
    head = _head(words[k][0])
    body = head in BODIES
    named_by_head = not (body or words[k][0].islower())
    while j < len(words):
        w, s, _ = words[j]
        low = w.lower()
        if w == "№" and j + 1 < len(words) and words[j + 1][0][:1].isdigit():
            end, named, j = j + 1, True, j + 2
            continue
        if low in _NAMED_AFTER:
            # «им. А.С. Пушкина», «имени Героя Советского Союза М. М. Кузьмина»: the name ends the organisation.
            person_end = _named_after_end(words, j + 1)
            if person_end is None:
                break
            return person_end, True
        quote = next((q for q in quotes if q[0] == s), None)
        if quote:
            return next(x for x in range(j, len(words)) if words[x][2] >= quote[1]), True
        if low == "при" and j + 1 < len(words) and _head(words[j + 1][0]):
            j += 1  # «университет при Правительстве Российской Федерации»: the body it is attached to
            continue
        if _nominative_first_name(w):
            break  # «в Российской Федерации Дмитрий Крутой»: a person begins
        if (j == k + 1 and _INITIALS_WORD.fullmatch(w) and head in PERSONAL_HEADS
                and (named_by_head or not (k and _OFFICE.fullmatch(words[k - 1][0])))
                and (person_end := _named_after_end(words, j)) is not None):
            # «Музея М.Е. Салтыкова-Щедрина», «ремонт музея Н.Н. Асеева»: named after him without «имени», as
            # initials tell (not «в фонды музея Ирины Соколовой», a collector's; not «директор музея Н.В.
            # Салтыкова», its officer)
            return person_end, True
        # a body's officer by first name and surname, though a town has the name too («городского собрания
        # Мартином Таммом»: Martin in Slovakia); a fund may be named after him («Фонда Владимира Потанина»)
        officer = body and j + 1 < len(words) and (
            (is_first_name(w) and "Surn" in _grammemes(words[j + 1][0]))
            or ("Surn" in _grammemes(w) and is_first_name(words[j + 1][0]))  # «района Котовой Еленой Юрьевной»
            # a surname the dictionary does not know as one, in its first name's case («райисполкома Карповичем
            # Андреем Михайловичем»), not a place's genitive before a name («мэрии Москвы Андрея …»)
            or (w[:1].isupper() and not is_first_name(w) and is_first_name(words[j + 1][0])
                and ({"Patr", "Surn"} & _grammemes(w) or not parses(low)[0].is_known)
                and _shared_case(w, words[j + 1][0]) and not _place_like(w)))
        if s in stops or _INITIALS_WORD.fullmatch(w) or officer \
                or (named_by_head is False and _person_begins(words, j)) \
                or (w[:1].isupper() and j + 1 < len(words) and _INITIALS_WORD.fullmatch(words[j + 1][0])):
            break  # a person: «советника городского совета Джеймса Кларка», «музея Ирины Соколовой», «… Пахомова М.О.»
        if low in ("по",) and not after_prep and j == end + 1:
            after_prep = True
            j += 1
            continue
        if w == "," and body and end > k and _listed_fields(words, j, words[k][0].isupper()):
            # «управление культуры, молодёжной политики и спорта», «отдел по культуре, туризму и внешним связям»:
            # the fields a body is for, listed, name it
            fields, named, j = True, True, j + (2 if words[j + 1][0] == "по" else 1)
            continue
        if fields and low == "и" and j + 2 < len(words) and words[j + 1][0] == "по":
            j += 2  # «… культуры и по делам молодёжи»
            continue
        if low == "в" and j + 2 < len(words) and _lemma(words[j + 1][0]) in ("город", "г."):
            j += 2
            continue
        if (_lemma(w) in ("город", "г.") and j + 1 < len(words) and words[j + 1][0][:1].isupper()
                and words[j + 1][1] not in stops and not _person_begins(words, j + 1)
                and not re.match(r"[А-ЯЁ]\.", words[j + 1][0])):  # «администрации города В.Г. Пантелеевым»
            end, named, j = j + 1, True, j + 2  # «администрации муниципального образования город Краснодар»
            continue
        # «…сибирских и дальневосточных городов», in a heading in capitals too («КУЛЬТУРЫ И МОЛОДЕЖНОЙ ПОЛИТИКИ»)
        if (low == "и" and j + 1 < len(words) and _same_case_style(w, words[j - 1][0], words[j + 1][0])
                and (_oblique_noun(words[j + 1][0]) or _oblique(words[j + 1][0], "ADJF"))
                and not _head_after_adjectives(words, j + 1)):
            j += 1  # not «комитета и школы № 3», «… и государственного учреждения «…»»: a second organisation
            continue
        if _is_abbreviation(w):
            if _is_legal_form(w):
                break  # another organisation begins: «…мэрии города Новосибирска МКУК «…»»
            end, named, j = j, True, j + 1
            continue
        known = parses(low)[0].is_known
        if _CENTURY.fullmatch(" ".join(x[0] for x in words[j : j + 2])):
            break  # «ансамблем XVIII века»: a time, not a name
        if not w[0].isalpha() or (_is_verbish(w) and (w.islower() or known)):
            break  # a capitalised word the dictionary does not know is a name («Университета Анадолу»)
        apposition = end == j - 1 and _lemma(words[end][0]) in APPOSITION_HEADS
        if w[0].isupper() and (apposition or not known or _oblique_noun(w) or _is_adj(w)
                               or not parses(low)[0].tag.POS):
            end, named, j = j, True, j + 1
            continue
        if w.islower() and _instrumental_only(w) and (named or fold(_lemma(w)) in MEASURES_AFTER_NAME):
            break  # «представительства Цзямусы площадью 120 кв. м», «Дома культуры стоимостью 27 млн рублей»: the
            # name ended, the sentence goes on
        if _is_adj(w) or _oblique_noun(w):
            end, j = j, j + 1
            continue
        break
    # An adjective cannot end a name: trim back to the last noun.
    while end > k and _is_adj(words[end][0]):
        end -= 1
    return end, named




def _listed_fields(words: list[tuple[str, int, int]], j: int, capitals: bool = False) -> bool:
    """The comma at word j goes on with a list of a body's fields that «и» closes, in small letters, or in capitals
    after a head in capitals («ОТДЕЛ КУЛЬТУРЫ, ТУРИЗМА И МЕЖМУНИЦИПАЛЬНЫХ СВЯЗЕЙ»)."""
    for w, _, _ in words[j + 1 : j + 12]:
        low = w.lower()
        if low == "и" and (w.islower() or capitals):
            return True
        if w != "," and not ((w.islower() or (capitals and w.isupper()))
                             and (low == "по" or low == "делам" or _oblique_noun(w) or _oblique(w, "ADJF"))):
            return False
    return False


def _caps_line(text: str, i: int) -> bool:
    """The line around offset i is written in capitals (a heading), most of its letters."""
    letters = [c for c in line_at(text, i) if c.isalpha()]
    return sum(c.isupper() for c in letters) > 0.6 * len(letters)


def _same_case_style(*ws: str) -> bool:
    return all(w.islower() for w in ws) or all(w.isupper() for w in ws)


def _person_begins(words: list[tuple[str, int, int]], j: int) -> bool:
    """A first name the dictionary knows followed by a capitalised word, or two capitalised words it does not
    know at all («городского хурала Батжаргал Ганболд»), at word j."""
    w = words[j][0]
    if not (w[:1].isupper() and j + 1 < len(words) and words[j + 1][0][:1].isupper()):
        return False
    if gazetteer.lookup_first(name_keys([w])):
        return False  # a city's name: «городского собрания Асахикавы Хироюки Сато»
    # Latin words after a Russian head name the organisation («театра Oxford Playhouse»): a person in
    # Latin letters would stand in brackets after the Russian spelling
    return is_first_name(w) or not (w.isascii() or any(parses(x.lower())[0].is_known for x in (w, words[j + 1][0])))


_INITIALS_WORD = re.compile(r"(?:[А-ЯЁ]\.)+")


def _named_after_end(words: list[tuple[str, int, int]], j: int) -> int | None:
    """Last word of the name after «им.»/«№»: initials, capitalised words, a number. Initials after the
    name's words begin another person («им. Ф.М. Достоевского С.В. Пономарев»)."""
    last, initials, named, start = None, False, False, j
    while j < len(words) and j - (last or j) <= 1:
        w = words[j][0]
        if re.fullmatch(r"[А-ЯЁ]\.?|\d+[а-я]?|[А-ЯЁ]\.[А-ЯЁ]\.?", w):
            if named and w[0].isalpha():
                break
            last, initials = j, initials or w[0].isalpha()
        elif w[0].isupper() and w[0].isalpha():
            if last is not None and words[last][0][0].isupper() and _nominative_first_name(w):
                break  # the name is in the genitive: «имени Али Алиева Шамиль Омаров» names two
            last, named = j, initials
        elif w in ("Героя", "героя") or (_oblique_noun(w) and last is None):
            last = j
        elif w.islower() and not any(x[0][:1].isupper() for x in words[start:j]) and (_is_adj(w) or _oblique_noun(w)):
            last = j  # a title before the name: «им. народного артиста СССР Г.Ц. Цыдынжапова»
        elif (w == "и" and last is not None and j + 1 < len(words) and words[j + 1][0][:1].isupper()
              and not _is_adj(words[j + 1][0]) and not _head(words[j + 1][0])
              and not _is_abbreviation(words[j + 1][0])):
            # not «им. С.Н. Донского и Северо-Восточного университета», «им. Н.П. Огарёва и Университетом …»,
            # «им. И.Н. Крамского и МБУ ДО «…»»
            j += 1  # «имени Ганса и Софи Шолль»
            last = j
            continue
        else:
            break
        j += 1
    return last


@functools.lru_cache(maxsize=100_000)
def _nominative_phrase(text: str) -> str:
    """Head noun and the adjectives before it to the nominative, agreeing with the head; the rest as written."""
    parts = re.split(r"(\s+)", text)
    # a legal form leads the name, and the head comes after it («МАОУ гимназию № 21» → «МАОУ гимназия № 21»)
    lead = 0
    while lead + 2 < len(parts) and _is_legal_form(parts[lead]) and _head(parts[lead + 2]):
        lead += 2
    # a quoted name stays as it is written: the head stands before it
    quoted = next((i for i, part in enumerate(parts) if part[:1] in OPEN_QUOTES), len(parts))
    head_at = next((i for i, part in enumerate(parts[:quoted]) if i >= lead and part.strip() and part[0].isalpha()
                    and (_head(part, quoted < len(parts)) or _is_abbreviation(part)
                         or (not _is_adj(part) and parses(part.lower())[0].tag.POS == "NOUN"))), None)
    if head_at is None:
        return text
    head = parts[head_at]
    readings = parses(head.lower().rpartition("-")[2])
    numbered = _ORDINAL.fullmatch(parts[lead]) is not None  # «4-й … бригады»: one formation, in the singular
    reading = next((p for p in readings if p.tag.number == "sing" and p.normal_form in NUMBERED_FORMATIONS),
                   readings[0]) if numbered else readings[0]  # «полка»: a regiment's, not a shelf
    tag = reading.tag
    number, gender = tag.number or "sing", tag.gender or "masc"
    out = parts[:lead] + [(_ordinal_nominative(p, number, gender) if _ORDINAL.fullmatch(p)
                           else _adjective_nominative(p, number, gender)) if p.strip() else p
                          for p in parts[lead:head_at]]
    out.append(match_case(reading.normal_form, head) if numbered else _noun_nominative(head, quoted < len(parts)))
    return "".join(out + parts[head_at + 1 :])


def _noun_nominative(word: str, quoted: bool = False) -> str:
    if (word[1:] != word[1:].lower() and not word.isupper()) or _is_abbreviation(word) or _ABBREVIATION.fullmatch(word):
        return word  # «ОмГПУ», «МБУК», «ТОГУ» (not «тога»): capitals are written as they are
    prefix, _, last = word.rpartition("-")
    if prefix and not _head(prefix.partition("-")[0]) and _head(last):
        return f"{prefix}-{_noun_nominative(last)}"  # «яхт-клубом» → «яхт-клуб»: only the head declines
    if "-" in word and all(parses(p.lower())[0].tag.POS == "NOUN" for p in word.split("-")):
        return "-".join(to_nominative(p) for p in word.split("-"))
    if head := _head(word, quoted):
        return match_case(head, word)  # of equally likely readings, the head's («лагере»: лагерь, not лагер)
    return to_nominative(word)


def _adjective_nominative(word: str, number: str, gender: str) -> str:
    if "-" in word:
        head, _, last = word.rpartition("-")
        return f"{head}-{_adjective_nominative(last, number, gender)}"
    proxy = adjective_proxy(word.lower())
    for p in parses(proxy):
        if p.tag.POS in ("ADJF", "PRTF"):
            form = p.inflect({"nomn", "plur"} if number == "plur" else {"nomn", "sing", gender})
            if form:
                # a proxy's ending on the word's own stem («Горецким» → «Горецкий»)
                ending = len(proxy) - len(PROXY_STEM)
                nominative = form.word if proxy == word.lower() else \
                    word.lower()[: len(word) - ending] + form.word[len(PROXY_STEM) :]
                return match_case(nominative, word)
    return word


_FIELDS_JOINED = re.compile(r"\S\s*,|\S\s+и\s")  # after a field, not right after the head («отделом и …»)
_LINE_FIRST_WORD = re.compile(r"\n[ \t]*([А-ЯЁ][А-ЯЁа-яё-]+)")


def _organisations(doc: Doc, words: list[tuple[str, int, int]], quotes: list[tuple[int, int]],
                   foreign: list[tuple[int, int]]) -> list[Mention]:
    found: list[Mention] = []
    text = text_of(doc)
    # a foreign name, a table's next cell (after a tab or a column's gap of spaces), and a line that starts with a
    # body's head of its own («Администрация Сергачского муниципального округа» over «Управление культуры …»:
    # a letterhead's two bodies)
    stops = frozenset([*(s for s, _ in foreign), *cell_starts(text),
                       *(m.start(1) for m in _LINE_FIRST_WORD.finditer(text) if _head(m.group(1)))])
    sentence_starts = {s for s, _ in doc.user_data.get("sentences", [])}
    word_at = {w[1]: i for i, w in enumerate(words)}

    def taken(s: int, e: int) -> bool:
        return any(m.start < e and s < m.end for m in found)

    # 1. Head noun with a quoted name.
    listed = _listed_after_plural(text, quotes, words, word_at)
    for qs, qe in quotes:
        k = word_at.get(qs)
        if k is None:
            continue
        inner = text[qs + 1 : qe - 1]
        # «ООО «Ромашка»», «ФГБОУ ВО «ОмГТУ»»: a legal form right before the name owns it, and a body
        # before the legal form is another («Управление культуры мэрии города Новосибирска МКУК «…»»)
        form = _legal_form_before(words, k)
        if form is None and k and _is_abbreviation(words[k - 1][0]) and words[k - 1][2] == qs - 1 \
                and not (k >= 2 and _lemma(words[k - 2][0]) in EVENT_WORDS):
            # «ААК «Прогресс»»: an abbreviation right before a quoted name is its owner's, unless the name is
            # an event's or a project's of it («проекта ГМИО «Параллели»»)
            form = k - 1
        start = words[form][1] if form is not None else _left_descriptor(words, k)
        if start is None and (qs, qe) in listed:
            start = qs
        if start is None:
            first = inner.split()[0] if inner.split() else ""
            head = _head(first.strip("«»„“\""))  # not «интеллект-игр «Лига мудрых»»: a capital starts any quote
            if not (head and head not in CAPITALISED_ONLY_HEADS and len(inner.split()) <= 6
                    and not re.search(r"[.!?:]", inner)):
                continue
            start = qs
        # «АУ «Чувашский государственный театр оперы и балета» Минкультуры Чувашии»: the body an institution
        # belongs to completes its legal name
        owner = _OWNER_AFTER.match(text, qe) if form is not None else None
        if owner is None and (bracket := _BRACKETED.match(text, qe)) and _is_legal_form(bracket[1]):
            owner = bracket  # «АК «АЛРОСА» (ПАО)», «ТАИФ-НК» (АО)»: the legal form after the name
        found.append(Mention("organization", start, owner.end() if owner else qe))
    # 2. Military formations named by their number.
    for m in _ORDINAL_BEFORE_WORD.finditer(text):
        if (end := _numbered_formation(text, m)) and not taken(m.start(), end):
            found.append(Mention("organization", m.start(), end))
    # 3. Named head nouns without quotes.
    for k, (w, s, e) in enumerate(words):
        head = _head(w)
        if not head or taken(s, e) or any(qs < s < qe for qs, qe in quotes):
            continue
        start_k = k
        while start_k - 1 >= 0 and words[start_k - 1][0][0].isalpha() and _agrees(words[start_k - 1][0], w):
            if words[start_k][0][0].isupper() and words[start_k - 1][0][0].islower() and start_k < k:
                break  # «учащихся Омской детской школы»: a name begins at its capital
            start_k -= 1
            if start_k >= 2 and words[start_k - 1][0] == "и" and words[start_k - 2][0].islower() \
                    and words[start_k][0].islower() and _agrees(words[start_k - 2][0], w):
                start_k -= 1  # «Тихвинский историко-мемориальный и архитектурно-художественный музей»
        if any(all(p.tag.number == "plur" for p in parses(words[x][0].lower())) for x in range(start_k, k)):
            continue  # «образовательные учреждения города Гомеля»: a plural is a kind, not a name
        if " ".join(fold(_lemma(words[x][0])) for x in range(start_k, k + 1)) in FORMER_STATES \
                or fold(_nominative_phrase(text[words[start_k][1] : e])) in COUNTRIES:
            continue  # «Героя Советского Союза Дмитрия Емлютина», «в Российской Федерации Годом экологии»: a state
        end_k, named = _right_complement(words, k, quotes, stops)
        if start_k == end_k:
            continue  # a bare «Совет», «Администрация» refers to a name given elsewhere
        latin_name = (k + 1 <= end_k and words[k + 1][0][:1].isupper() and words[k + 1][0].isascii()
                      and not set(words[k + 1][0]) <= set("IVXLCDM"))  # not «собора XII века»
        # «отдел культуры, спорта и туризма», «отдела внешних связей и туризма»: the fields a body is for name it
        fields = head in BODIES and _FIELDS_JOINED.search(text, e, words[end_k][2]) is not None
        named = named or fields
        if head in QUOTED_ONLY_HEADS and not latin_name and not fields and not (head in NAMED_FOR_SOMEONE_HEADS and any(
                words[x][0].lower() in _NAMED_AFTER for x in range(k, end_k))) \
                and not _capitalised_institution(words, head, (start_k, k, end_k), named, sentence_starts) \
                and not (head in ADJECTIVE_NAMED_HEADS and any(
                    words[x][0][0].isupper() and words[x][1] not in sentence_starts for x in range(start_k, k))):
            continue  # «в Белом зале», «в сквере им. Дзержинского», but «в концертном зале имени С. Сайдашева»,
            # a name in Latin letters as a quoted one («центром Arktikum», «арт-группа Pikene på Broen»), and
            # a capitalised institution's name («в Доме учёных»)
        if start_k and _is_legal_form(words[start_k - 1][0]):
            start_k -= 1  # «МАОУ гимназию № 21 города Тюмени»: the legal form of the institution after it
        first_word, first_start = words[start_k][0], words[start_k][1]
        # a capital that only starts the sentence names nothing, unless the word is a place's («Томский
        # областной театр драмы») or an adjective of an institution's rank follows («Башкирский государственный
        # театр оперы и балета»)
        capitalised = any(words[x][0][0].isupper() and (words[x][1] not in sentence_starts or _of_place(words[x][0]))
                          for x in range(start_k, k + 1)) or (
            start_k < k and words[start_k][0][0].isupper()
            and any(fold(_lemma(words[x][0])) in INSTITUTION_ADJECTIVES for x in range(start_k, k)))
        if not (named or capitalised) or (head in CAPITALISED_ONLY_HEADS and not capitalised):
            continue
        if taken(first_start, words[end_k][2]):
            continue
        if first_word[0].isupper() and first_start in sentence_starts and not named and start_k == k:
            continue  # «Музей продолжил…»: a capital that only starts the sentence names nothing
        found.append(Mention("organization", first_start, words[end_k][2]))
    # 4. Abbreviations, with a capitalised adjective before them («Омским НПЗ») and the abbreviations and
    # number after them («МБОУ СОШ № 12»).
    home_forms = own_forms(doc.user_data.get("home"))
    for m in _ABBREVIATION.finditer(text):
        a = m.group()
        heading = line_at(text, m.start()).strip() if _caps_line(text, m.start()) else None
        # capitals amid small letters are an abbreviation even where they spell a word («ТОГУ», not «тогу»)
        abbreviation = _is_abbreviation(a) or (a not in NOT_ORG_ABBREVIATIONS and not a.endswith("ССР")
                                               and heading is None)
        if not abbreviation or taken(*m.span()) or any(qs < m.start() < qe for qs, qe in quotes) \
                or overlaps(doc, *m.span(), "date"):
            continue  # «АПРЕЛЬ. С 18 по 21 апреля…»: a month in capitals is a date
        if heading and a.isupper() and (fold(a) in home_forms or gazetteer.lookup_first(town_keys([a]))):
            continue  # a town in a heading's case («ГОСТИ ИЗ КАЗАНИ», «СОБЫТИЯ ГОДА В ЛАИШЕВЕ»)
        if heading and a.isupper() and any((p.is_known and not _NAME_GRAMMEMES & p.tag.grammemes)
                                           or fold(p.normal_form) in COUNTRIES for p in parses(a.lower())[:3]):
            continue  # a word of a heading that is a common word or a country too («ГОД ПАМЯТИ И СЛАВЫ», «ГОРОДАМИ
            # РОССИИ»), as no abbreviation is
        if (a.isupper() and (gazetteer.lookup(fold(a)) or (heading and gazetteer.lookup_small(
                [fold(a), fold(heading)])) or (heading and gazetteer.lookup(fold(heading)))
                              or (name_line(line_at(text, m.start()).strip()) and gazetteer.lookup_small([fold(a)])))) \
                or (len(a) < 3 and a.isupper()):
            continue  # a town («ОМСК», and a small one heading its report: «РУЗА», «ОЛОНЕЦ», «ВЫШНИЙ ВОЛОЧЁК», «КЕМЬ
            # (карел. Kemi)»)
        if _is_legal_form(a) and text[m.start() - 1 : m.start()] == "(" and text[m.end() : m.end() + 1] == ")":
            continue  # «(ПАО)»: the legal form of the name before it, no organisation of its own
        k = word_at.get(m.start())
        # the tokenizer may keep a full stop with the word («ЗиС.»): the abbreviation ends where it does
        start, end = m.start(), m.end() if k is None or words[k][0] != a else _abbreviations_end(words, k)
        if k and words[k - 1][0][0].isupper() and _is_adj(words[k - 1][0]) and words[k - 1][1] not in sentence_starts:
            start = words[k - 1][1]
        if start < m.start() and a.isupper() and gazetteer.lookup_first(town_keys(text[start:end].split())):
            continue  # «260-ЛЕТИЯ НИЖНЕЙ САЛДЫ»: a town's name of two words in capitals
        if not taken(start, end):
            found.append(Mention("organization", start, end))
    # «КАМАЗа», «АВТОВАЗом»: an abbreviation that declines, named as it is written in the nominative.
    for m in _INFLECTED_ABBREVIATION.finditer(text):
        stem = m.group(1)
        # capitals with a small ending are an abbreviation, even where the dictionary knows it as a word
        if stem not in NOT_ORG_ABBREVIATIONS and fold(stem) not in COUNTRIES and not taken(*m.span()) \
                and not gazetteer.lookup(fold(stem)) and not _caps_line(text, m.start()):
            found.append(Mention("organization", *m.span(), {"name": stem}))
    # 4. One-word agency names («Росмолодежи», «Минкультуры»).
    for m in _AGENCY.finditer(text):
        word = m.group()
        reading = parses(word.lower())[0]
        if not taken(*m.span()) and (not reading.is_known or "Orgn" in reading.tag) \
                and not gazetteer.lookup_first(name_keys([word])):
            found.append(Mention("organization", *m.span()))
    # 5. Names in Latin letters: a run of words with an organisation's word among them, and capitals.
    found += [Mention("organization", s, e, {"name": text[s:e]}) for s, e in _latin_names(text) if not taken(s, e)]
    found = _branches(text, found)
    for mention in found:
        mention.fields.setdefault("name", _org_name(text[mention.start : mention.end]))
    return [m for m in found if fold(m.fields["name"]) not in COUNTRIES]


# What joins a branch to the body it is a branch of: «Лужский институт (филиал) ГАОУ ВО …», «Лесосибирский
# педагогический институт – филиал Сибирского федерального университета», «Кумертауский филиал ФГБОУ ВО …»
_BRANCH_BRACKET = re.compile(r"\s*\(филиал[а-я]*\)")
_BRANCH_OF = re.compile(rf"{_BRANCH_BRACKET.pattern}|\s+[–—-]\s+филиал[а-я]*(?=\s)")
_BRANCH = re.compile(r"(?<![\w-])филиал[а-я]*$", re.IGNORECASE)
_BRANCH_FIRST = re.compile(r"филиал", re.IGNORECASE)
_DASH_GAP = re.compile(r"\s+[–—-]\s+")


def _branches(text: str, found: list[Mention]) -> list[Mention]:
    """A branch and the body it is a branch of are one organisation, as the written gold has all of them."""
    found = sorted(found, key=lambda m: m.start)
    out: list[Mention] = []
    for m in found:
        if out and (prev := out[-1]).end <= m.start and not prev.fields and not m.fields:
            gap = text[prev.end : m.start]
            joined = _BRANCH_OF.match(gap)
            if (joined and not gap[joined.end() :].strip()) or (not gap.strip() and _BRANCH.search(
                    text[prev.start : prev.end])) or (_DASH_GAP.fullmatch(gap)
                                                      and _BRANCH_FIRST.match(text, m.start)):
                out[-1] = Mention("organization", prev.start, m.end)
                continue
        out.append(m)
    # «Елабужский институт (филиал)»: the word is the name's, with no body after it
    return [Mention("organization", m.start, bracket.end()) if not m.fields and (
        bracket := _BRANCH_BRACKET.match(text, m.end)) else m for m in out]


def _capitalised_institution(words: list[tuple[str, int, int]], head: str, bounds: tuple[int, int, int],
                             named: bool, sentence_starts: set[int]) -> bool:
    """An institution's head with words after it, in a phrase capitalised not only by the sentence's start:
    a name without quotes («в Доме учёных», «Национальной лаборатории Ок-Ридж»); not a price after it («Белого
    дворца стоимостью»), nor a kind of building alone («Дворец спорта»)."""
    start_k, k, end_k = bounds
    if head not in CAPITALISED_NAME_HEADS or end_k == k or not (
            named or _genitive(words[k + 1][0]) or _oblique(words[k + 1][0], "ADJF")):  # «центром народного …»
        return False
    if end_k == k + 1 and f"{head} {_lemma(words[end_k][0])}" in GENERIC_BUILDINGS and all(
            words[x][0].islower() and fold(_lemma(words[x][0])) in GENERIC_LEVELS for x in range(start_k, k)):
        return False  # «Дом культуры», «районного Дома культуры»: a kind of building
    return any(words[x][0][0].isupper() and words[x][1] not in sentence_starts for x in range(start_k, k + 1))


_LATIN = "A-Za-zÀ-ɏ"
# Words in Latin letters separated by single spaces, with the dots of their legal forms («Co.», «e.V.»).
_LATIN_RUN = re.compile(rf"(?<![\w.&'’-])[{_LATIN}][{_LATIN}'’&.-]*(?: [{_LATIN}][{_LATIN}'’&.-]*)*")
_LATIN_CAPITALISED = re.compile(rf"(?:[dl]['’])?[{LATIN_CAPITAL}]")  # «Université d'Orléans»
_LATIN_ACRONYM = re.compile(r"[A-ZİŞĞÜÖÇ]{3,6}")  # «TİKA»
_ROMAN = re.compile(r"(?:L?X{0,3}|XC)(?:IX|IV|V?I{0,3})")  # below a hundred: centuries, congresses, regnal


def _latin_runs(text: str) -> Iterator[list[tuple[str, int]]]:
    """Runs of words in Latin letters as (word, offset); a full stop ends a run, and is no part of its last
    word, unless the word is a legal form («Co.»)."""
    for m in _LATIN_RUN.finditer(text):
        words, at = [], m.start()
        for w in m.group().split(" "):
            if w in LATIN_LEGAL_FORMS or not w.endswith("."):
                words.append((w, at))
            else:
                yield [*words, (w.rstrip("."), at)]
                words = []
            at += len(w) + 1
        if words:
            yield words


def _latin_names(text: str) -> list[tuple[int, int]]:
    """Organisations named in Latin letters: a run of words (from its first capital to its last capital or
    organisation's word) that holds an organisation's word and a name besides it, or a compound of both
    («Kinross Gold Corporation», «Trondheim kommune», «Hansebüro»); and acronyms in capitals that are no
    term, currency, Roman numeral or word of a heading in capitals («DAAD»)."""
    spans: list[tuple[int, int]] = []
    for words in _latin_runs(text):
        capitals = [i for i, (w, _) in enumerate(words) if w[:1].isupper()]
        ends = [i for i, (w, _) in enumerate(words) if _LATIN_CAPITALISED.match(w) or latin_org_word(w)]
        if not capitals or not ends:
            continue  # «Ⱥ»: a capital no Latin name starts with
        first, last = capitals[0], ends[-1]
        if last + 2 < len(words) and words[last + 1][0] in LATIN_OF and latin_org_word(words[last][0]):
            last = len(words) - 1  # «Norsk institutt for naturforskning», «Institutet för rymdfysik»
        run = words[first : last + 1]
        if len(run) == 1:
            w, s = run[0]
            acronym = (_LATIN_ACRONYM.fullmatch(w) and w not in LATIN_NOT_ORG_ABBREVIATIONS and w not in ISO_CODES
                       and not _ROMAN.fullmatch(w) and not _caps_line(text, s))
            compound = w.lower() not in LATIN_ORG_WORDS and latin_org_word(w) and w not in LATIN_LEGAL_FORMS
            if acronym or compound:
                spans.append((s, s + len(w)))
            continue
        if any(latin_org_word(w) for w, _ in run) and not all(w.lower() in LATIN_ORG_WORDS for w, _ in run):
            spans.append((run[0][1], run[-1][1] + len(run[-1][0])))
    return spans


# What stands between two quoted names of a list: a place in brackets, and a comma or a conjunction.
_LIST_GAP = re.compile(r"(?:\s*\([^()]{1,60}\))?\s*(?:,|;|и|или|а также)\s*")


def _listed_after_plural(text: str, quotes: list[tuple[int, int]], words: list[tuple[str, int, int]],
                         word_at: dict[int, int]) -> set[tuple[int, int]]:
    """Quoted names listed after a head in the plural, each an organisation of its own («с командами «Енисей»
    (Красноярск), «Водник» и «Динамо»», «театров «Глобус» и «Красный факел»»)."""
    listed: set[tuple[int, int]] = set()
    previous: tuple[int, int] | None = None
    # a name after a head that may be a plural or a singular («шахты «Дуванная», «Донецкая» и «Северная»»): it
    # goes with its head, and a list after it makes the head a plural
    opener: tuple[int, int] | None = None
    for qs, qe in quotes:
        k = word_at.get(qs)
        if previous and (previous in listed or previous == opener) and _LIST_GAP.fullmatch(text, previous[1], qs):
            listed.add((qs, qe))
        elif (k and words[k - 1][2] == qs - 1 and _plural_head(words[k - 1][0], only=False)
              and _lemma(text[qs + 1 : qe].split(maxsplit=1)[0].strip("«»„“\"")) not in EVENT_WORDS):
            # not «среди команд «Кубок Краснодара»»: the tournament's name
            if _plural_head(words[k - 1][0]):
                listed.add((qs, qe))
            else:
                opener = (qs, qe)
        previous = (qs, qe)
    return listed


def _plural_head(word: str, only: bool = True) -> bool:
    """Only a plural of a head («командами», «театров»; not «лагеря», also a singular); or, not `only`, a form
    that may be one («шахты»)."""
    readings = [p for p in parses(word.lower()) if p.tag.POS == "NOUN" and p.normal_form in _HEADS]
    return bool(readings) and (all if only else any)(p.tag.number == "plur" for p in readings)


def _legal_form_before(words: list[tuple[str, int, int]], k: int) -> int | None:
    """The legal form that the capitals right before word k start («ФГБОУ ВО», «ГАУК ТО»), if any; the
    city it belongs to may stand between («БОУ г. Омска «СОШ № 7»»)."""
    if k >= 3 and words[k - 1][0][:1].isupper() and _lemma(words[k - 2][0]) in CITY_MARKERS:
        k -= 2
    form, j = None, k - 1
    while j >= 0 and k - j <= 3 and _ABBREVIATION.fullmatch(words[j][0]):
        form = j if _is_legal_form(words[j][0]) else form
        j -= 1
    if form and _OWNERSHIP.fullmatch(words[form - 1][0]) and words[form - 1][2] + 1 == words[form][1]:
        form -= 1  # «КГБ ПОУ «Ванинский колледж»»: whose institution it is, written apart from its kind
    return form


# Who owns an institution, written apart from its kind: краевое государственное бюджетное («КГБ ПОУ»),
# государственное автономное («ГА ПОУ»), муниципальное бюджетное («МБ ДОУ»).
_OWNERSHIP = re.compile(r"[КФОМ]?Г[БАК]|М[БАК]")



def _abbreviations_end(words: list[tuple[str, int, int]], k: int) -> int:
    """Where the abbreviation at word k ends with the «№ N» or «им. …» right after it, and after a legal
    form the capitals it belongs to («МБОУ СОШ № 12», «ФГБОУ ВО ОмГТУ», «МБОУ г. Иркутска СОШ № 14»)."""
    end, j = words[k][2], k + 1
    while j < len(words):
        if _ABBREVIATION.fullmatch(words[j][0]) and (_is_legal_form(words[k][0]) or (
                _is_abbreviation(words[j][0]) and not _is_legal_form(words[j][0]) and words[j][1] == end + 1)):
            end, j = words[j][2], j + 1  # «ФГБОУ ВО ОмГТУ»; a branch's and its university's («ИАТЭ НИЯУ МИФИ»)
        elif (words[j][0] == "(" and j + 2 < len(words) and words[j + 2][0] == ")" and words[j][1] == end + 1
              and _is_abbreviation(words[j + 1][0])):
            end, j = words[j + 2][2], j + 3  # «ЮРГПУ (НПИ)», «ЮУрГУ (НИУ)»: another name or a status in brackets
        elif (_is_legal_form(words[k][0]) and j == k + 1 and j + 2 < len(words)
              and _lemma(words[j][0]) in CITY_MARKERS and words[j + 1][0][:1].isupper()
              and _ABBREVIATION.fullmatch(words[j + 2][0])):
            j += 2  # «МБОУ г. Иркутска СОШ № 14»: the city the institution belongs to
        elif words[j][0] == "№" and j + 1 < len(words) and words[j + 1][0][:1].isdigit():
            end, j = words[j + 1][2], j + 2
        elif words[j][0].lower() in _NAMED_AFTER and (last := _named_after_end(words, j + 1)) is not None:
            end, j = words[last][2], last + 1  # «ОмГУ им. Ф.М. Достоевского»
        else:
            break
    return end


# «26-го танкового корпуса», «1-й гвардейской стрелковой дивизией»: a number's ordinal, adjectives and a noun
_ORDINAL = re.compile(r"\d{1,4}-(?:й|я|ю|го|ой|ому|му|м|е|ей|ого)")
_ORDINAL_BEFORE_WORD = re.compile(rf"(?<![\w-]){_ORDINAL.pattern}(?=\s)")
_NEXT_NAME_WORD = re.compile(r"\s+([А-ЯЁа-яё-]+)(?![\w-])")
# the larger formation it belongs to, named after it: «30-й армии Калининского фронта», «1-я революционная армия
# Восточного фронта»
_OF_FORMATION = re.compile(r"\s+[А-ЯЁ][а-яё-]+(?:ого|его|ой|ей)\s+(?:фронта|армии|флота|корпуса|округа)(?![\w-])")


def _numbered_formation(text: str, ordinal: re.Match[str]) -> int | None:
    """Where a formation's name ends that the ordinal starts: its adjectives (up to three) and its noun
    (NUMBERED_FORMATIONS) in the singular; None where no such noun follows."""
    adjectives: list[str] = []
    at = ordinal.end()
    while (word := _NEXT_NAME_WORD.match(text, at)) and len(adjectives) <= 3:
        nouns = [p for p in parses(word[1].lower()) if p.tag.POS == "NOUN" and p.normal_form in NUMBERED_FORMATIONS]
        if nouns:
            # «5-й и 6-й армий»: a plural is two formations; «бригады» may be either
            if not any(p.tag.number == "sing" for p in nouns) or not all(_agrees(a, word[1]) for a in adjectives) \
                    or (NUMBERED_FORMATIONS[nouns[0].normal_form] and not adjectives):
                return None
            return of.end() if (of := _OF_FORMATION.match(text, word.end())) else word.end()
        adjectives.append(word[1])
        at = word.end()
    return None


def _ordinal_nominative(ordinal: str, number: str, gender: str) -> str:
    """«26-го» → «26-й» before a masculine noun, «11-й» → «11-я» before a feminine one."""
    ending = "е" if number == "plur" or gender == "neut" else "я" if gender == "femn" else "й"
    return f"{ordinal.partition('-')[0]}-{ending}"


def _org_name(span: str) -> str:
    span = " ".join(span.split())
    if span[0] in OPEN_QUOTES and span.endswith(tuple(OPEN_QUOTES.values())):
        # «Центр культуры «Урал»: one mark closed both quotes, so only the outer one opens here
        inner = span[1:] if span.count("«") > span.count("»") else span[1:-1]
        return _nominative_phrase(inner) if _head(inner.partition(" ")[0]) else inner
    return _nominative_phrase(span)


def _aliases(doc: Doc, found: list[Mention], quotes: list[tuple[int, int]]) -> list[Mention]:
    """«(далее - Омская крепость, …)»: register the alias and find its mentions in this and later blocks."""
    registry: dict[tuple[str, ...], str] = doc.user_data.setdefault("aliases", {})
    text = text_of(doc)
    new: list[Mention] = []
    for m in re.finditer(ALIAS_INTRO + r"([^,;)]+)", text):
        alias = m.group(1).strip()
        words = alias.split()
        # a name of words, or an abbreviation («(далее — ЦБ)»: all 41 such in the written gold name the body)
        if (len(words) >= 2 and alias[0].isupper()) or (len(words) == 1 and len(alias) >= 2 and alias.isupper()
                                                        and alias.isalpha()):
            registry[tuple(fold(_lemma(w.strip("«»"))) for w in words)] = alias.strip("«»")
    if not registry:
        return new
    words = _word_spans(doc)
    lemmas = tuple(fold(_lemma(w)) for w, _, _ in words)  # each word's once, not once per window and alias
    for key, name in registry.items():
        n = len(key)
        for k in range(len(words) - n + 1):
            if lemmas[k : k + n] != key:
                continue
            s, e = words[k][1], words[k + n - 1][2]
            inside_other = any(x.start <= s and e <= x.end and (x.start, x.end) != (s, e) for x in found + new)
            in_quote = any(qs <= s and e <= qe for qs, qe in quotes)
            if not inside_other and not in_quote:
                new.append(Mention("organization", s, e, {"name": name}))
    return new


def _word_spans(doc: Doc) -> list[tuple[str, int, int]]:
    return [(t.text, t.idx, t.idx + len(t.text)) for t in doc if t.is_alpha]


def _genitive_or_unknown(word: str) -> bool:
    """A word that may stand in the genitive, as the name a street is named after does, or an unknown one."""
    if not word.isalpha():
        return True  # initials
    readings = parses(word.lower())
    return not readings[0].is_known or any(p.tag.case == "gent" for p in readings)


def _first_name_only(word: str) -> bool:
    """The dictionary knows `word` as a first name, and not as a surname."""
    grammemes = _grammemes(word)
    return "Name" in grammemes and "Surn" not in grammemes


def _town_cut_short(text: str, start: int, end: int) -> bool:
    """«Н. Новгород», «В. Луках»: a two-word town's name cut to an initial, not an initial and a surname."""
    short = gazetteer.INITIALLED.fullmatch(text, start, end)
    return short is not None and gazetteer.initialled(short[1], name_keys([short[2]])) is not None


def _persons(doc: Doc, orgs: list[Mention], foreign: list[tuple[int, int]]) -> list[Mention]:
    text = text_of(doc)
    spans: list[tuple[int, int]] = []
    for m in _INITIALS_FIRST.finditer(text):
        if not _town_cut_short(text, *m.span()):
            spans.append(m.span())
    initials_first = [s for s, _ in spans]
    for m in _SURNAME_FIRST.finditer(text):
        if any(m.start() < s < m.end() for s in initials_first):
            continue  # «Ф.М. Петров С.В. Пономарев»: «С.В.» begin the next name, not end this one
        word = m.group().split()[0]
        grammemes = _grammemes(word)
        # «с российской — Лыскова М.Ю.»: a town's name (or a surname too), but initials after it and no name
        # after them; «мэра Эрдэнэта Г. Мөнхбаяром» is the town before the initials of a name
        if ("Surn" in grammemes and "Geox" not in grammemes) or (
                ("Surn" in grammemes or _SURNAME_SHAPED.search(word)) and not _NAME_AFTER.match(text, m.end())):
            spans.append(m.span())
    for ner in mentions(doc, "ner_per"):
        # «Петер Чентшер (Peter Tschentscher)»: the spelling in brackets is a mention of its own
        bracket = text.find(" (", ner.start, ner.end)
        end = ner.end if bracket < 0 else bracket
        start, words = ner.start, text[ner.start : end].split()
        if "-на-" in text[start:end] or re.search(r"\s[–—-]\s", text[start:end]):
            continue  # «с Николаевском-на-Амуре»: a town on a river, not a surname; «Владимир – Муром»: a route
        if _town_cut_short(text, start, end):
            continue
        if len(words) > 1 and (_lemma(words[0]) in CITY_MARKERS or (
                (part := _LOWER_PART.search(words[0])) and _lemma(part[1]) in ORG_HEADS)):
            continue  # «Город-побратим Истаравшан» starting a line, «Ротари-клуб Омска»: a town after a word
        # a city or a region that the dictionary guesses to be a name: «Цзямусы», «мэра Эрдэнэта Г. Мөнхбаяром»,
        # «Мэр Решта Али Шахиди», «губернатора аймака Орхон»
        # «мэр города Хэйхэ Ван Лицзюнь», «Мэр Вакканая Тацуя Судзуки»
        if len(words) >= 3 and _INITIALS_WORD.fullmatch(words[1]) and "Surn" not in _grammemes(words[0]):
            # «Главой городского поселения Любим А.В. Корниловым», «Иван А.В. Петров»: only a surname comes before
            # a name's initials («глава города Чернецов В. Н.»)
            words.pop(0)
            start = text.index(words[0], start + 1)
        while words and not is_first_name(words[0]) and not surname_first(words) and (
                len(words) == 1 or _INITIALS_WORD.match(words[1]) or _first_name_like(words[1])
                or (len(words) >= 3 and (_TITLE_BEFORE.search(text, max(0, start - 40), start)
                                         or _lemma_before(text, start) in BODIES))) and (
                gazetteer.lookup_first(name_keys(words[:1])) or _lemma_before(text, start) in REGION_MARKERS
                or ((len(words) > 1 or "Surn" not in _grammemes(words[0])) and _small_town_inflected(words[0]))):
            words.pop(0)
            start = text.index(words[0], start + 1) if words else ner.end
        home = doc.user_data.get("home")
        if len(words) == 1 and ((home and fold(home.name) in name_keys(words)) or (
                (city := gazetteer.lookup_first(name_keys(words)))
                and city.geonameid in doc.user_data.get("towns_named", ()) and _first_name_only(words[0]))):
            # in Vladimir's report «Владимира» alone is the city, and so is «Мышкина», a small town's name, in
            # Myshkin's; «Владимира Потанина» is a person; a first name alone is a town the report has named
            # before («Город-партнёр Лида (… Беларусь)», then «школьники Котельнича и Лиды»), not a surname
            # («памятника Гагарину» in Gagarin's report)
            continue
        if len(words) == 1 and _family(words[0]):
            continue  # «династии Грибушиных», «Строгановы»: a family, not a person
        if len(words) == 1 and _SENTENCE_START.search(text, max(0, start - 6), start) and _common_noun(words[0]):
            continue  # «Путина 2023 года прошла…»: a common noun («путина», the fishing season) starting a sentence
        if (words and _only_towns(words)) or (len(words) == 1 and (_listed_with_town(doc, text, start, end)
                                                                     or _town_of_country_after(text, words[0], end)
                                                                     or _ends_town_name(text, start, words[0]))):
            continue  # «С Феррарой Коломну связывает…», «тур по Сергиеву Посаду», «из Мирного, Удачного и Айхала»
        if words and any({"Name", "Surn", "Patr"} & _grammemes(w) for w in words):
            spans.append((start, end))
    spans += foreign
    spans += [m.span() for m in _TURKIC_PATRONYMIC.finditer(text)]
    # Regnal numbers and epithets: «Петра I», «Екатерины Великой».
    # Overlapping search (lookahead): «Эпоха Петра Великого» must still try «Петра Великого».
    for m in re.finditer(r"(?<![\w])(?=(([А-ЯЁ][а-яё]+)\s+([IVX]{1,4}|[А-ЯЁ][а-яё]+))(?![\w]))", text):
        first, second = m.group(2), m.group(3)
        if "Name" not in _grammemes(first) or parses(first.lower())[0].tag.POS == "PREP":
            continue  # «Из Цхинвала»: a preposition that starts the sentence
        if second in ROMAN_REGNAL or fold(_lemma(second)) in EPITHETS or "Surn" in _grammemes(second):
            spans.append((m.start(1), m.end(1)))
    spans += _surnames_before(text, spans)
    spans += _first_names_before(text, spans)
    spans += _surnames_again(doc, _merge(spans, text), orgs)
    spans += _listed_with_persons(text, _merge(spans, text))
    out = []
    for s, e in _split_at_ends(_merge(spans, text), orgs, text):
        if (wrap := text.find("\n", s, e)) > 0 and on_page_number_line(text, wrap + 1):
            e = wrap  # a signature over a page's number: «О.В. Королёва» over «Стр. 4» is no «Королёва Стр»
        if in_later_cell(text, s, e - 1):
            continue  # «Онлайн-конкурс «Кожевенные       Хайнин (КНР)»: words of two cells of a table's row
        before = _lemma_before(text, s)
        if before in SETTLEMENT_WORDS or (before in STREET_MARKERS and _genitive_or_unknown(text[s:e].split()[0])):
            continue  # «на площади Марка Пьянкова», «пгт Шерловая Гора»: a street's, a square's, a place's name;
            # not «Директор парка Алексей Николаевич Кыштымов», whose first name is in no genitive
        if trader := _SOLE_TRADER_BEFORE.search(text, max(0, s - 4), s):
            add(doc, Mention("organization", trader.start(), e, {"name": " ".join(text[trader.start() : e].split())}))
            add(doc, Mention("person_in_org", s, e))
            continue
        if VESSEL_BEFORE.search(text, max(0, s - 30), s):
            add(doc, Mention("person_in_org", s, e))  # «теплоходе «Михаил Светлов»»: a ship's name
            continue
        # a name an organisation is named after belongs to the organisation, found or not (GOLD.md); an
        # event's, a prize's is a person («конкурс чтецов имени Г. Тукая»), and so is «от имени X»
        named = _NAMED_AFTER_BEFORE.search(text, max(0, s - 8), s)
        if any(o.start <= s and e <= o.end for o in orgs) or (named and not _named_for_event(text, named.start())):
            add(doc, Mention("person_in_org", s, e))  # so that cities skip «им. А.С. Пушкина» too
            continue
        out.append(Mention("person", s, e, {"name": person_nominative(text[s:e], _verb_gender(text, s, e) or _signed(
            text, s, e))}))
        if (latin := _LATIN_SPELLING.match(text, e)) and not any(m.start == latin.start(1) for m in out):
            out.append(Mention("person", *latin.span(1), {"name": latin[1]}))  # «Тийт Каск (Tiit Kask)»
    return sorted(out, key=lambda m: m.start)


_LOWER_PART = re.compile(r"-([а-яё]+)$")  # an organisation's word after a name: «Ротари-клуб», «Лайонс-клуб»
_WORD_BEFORE = re.compile(rf"(?<![\w-])({_NAME_WORD}) $")
_WORD_AFTER = re.compile(rf" ({_NAME_WORD})")


def _surnames_before(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A name and patronymic with the surname written before them, which natasha may leave out where it is a
    town's name too («Проректор Назарова Гулнора Абдуллозода», «председателя Давлатовым Рустамом Саидзода»)."""
    found = []
    for s, e in spans:
        words = text[s:e].split()
        if len(words) != 2 or not (before := _WORD_BEFORE.search(text, max(0, s - 40), s)):
            continue
        after = _WORD_AFTER.match(text, e)
        if (_SURNAME_SHAPED.search(before[1]) or "Surn" in _grammemes(before[1])) \
                and surname_first([before[1], *words, *([after[1]] if after else [])], named=True):
            found.append((before.start(1), e))
    return found


def _first_names_before(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A name that starts with a patronymic has its first name before it, one natasha may leave out where
    the dictionary does not know it («мэром города Асланбеком Ибрагимовичем Хадисовым»)."""
    found = []
    for s, e in spans:
        if is_patronymic(text[s:e].split()[0]) and (before := _WORD_BEFORE.search(text, max(0, s - 30), s)) \
                and not _SENTENCE_START.search(text, max(0, before.start(1) - 6), before.start(1)):
            found.append((before.start(1), e))
    return found


_WORDS_BEFORE = re.compile(r"(?:[А-ЯЁа-яё-]+\s+){1,5}$")


def _named_for_event(text: str, named: int) -> bool:
    """«имени»/«им.» at `named` follows «от», or an event's or a prize's word a few words before, with no
    punctuation between («фестивале юмора имени», «конкурс исполнителей татарской песни имени»)."""
    before = _WORDS_BEFORE.search(text, max(0, named - 80), named)
    words = before.group().split() if before else []
    return bool(words) and (words[-1].lower() == "от" or any(_lemma(w) in NAMED_FOR_A_PERSON for w in words))


# Words before a name that make it a place's («в Чайковском», «из Чехова», «города Чехова», «Дни Губкина»,
# «Город-побратим Губкин»).
_PLACE_BEFORE = re.compile(r"(?<!\w)(?:в|во|из|до|под|через|к|ко|между|город[аеуом]*|г\.|побратим[а-я]*"
                           r"|дн(?:и|ей|ях|ям))\s*$", re.IGNORECASE)
_CAPITALISED = re.compile(r"(?<![\w.-])[А-ЯЁ][а-яё]{2,}(?![\w-])")
_ROUTE_DASH = re.compile(r"\s[–—-]\s*$|^\s*[–—-]\s")


def _listed_with_persons(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A word the dictionary knows only as a surname, listed with a person («Замятин и Бунин», «Бунин и
    Замятин»), where it names no town («Чехов и Мелихово» is not listed)."""
    found = []
    for s, e in spans:
        for m in (_LISTED_AFTER.match(text, e), _LISTED_BEFORE.search(text, max(0, s - 40), s)):
            if m and all("Surn" in p.tag for p in parses(m.group(1).lower())) and not any(
                    a <= m.start(1) < b for a, b in spans) and not gazetteer.lookup_first(name_keys([m.group(1)])) \
                    and not gazetteer.lookup_small(name_keys([m.group(1)])):
                found.append(m.span(1))
    return found


def _surnames_again(doc: Doc, spans: list[tuple[int, int]], orgs: list[Mention]) -> list[tuple[int, int]]:
    """The surname alone of a man or a woman the text names in full elsewhere («П.И. Чайковского» …
    «произведения Чайковского», «выставка «Чайковский и Италия»»), where it may as well be a town's name. Not
    where a town's name is more likely: after a place's word («в Чайковском», «Дни Губкина»), a country's
    adjective («белорусским Дзержинском») or the dash of a route, listed with towns («между Свободным и
    Циолковским»), ending a town's name («Нижнего Ломова»), before a word it agrees with as an adjective
    («Чайковского городского округа», «Невский пир»), and the report's own town outside quotes."""
    text = text_of(doc)
    known: dict[str, str | None] = {}  # surname lemma → gender
    for s, e in spans:
        words = text[s:e].split()
        if len(words) < 2:
            continue
        for w in words:
            if (p := next((p for p in parses(w.lower()) if "Surn" in p.tag), None)) and not _INITIALS_WORD.fullmatch(w):
                known[p.normal_form] = p.tag.gender
    if not known:
        return []
    home = doc.user_data.get("home")
    quotes = [(m.start(), m.end()) for m in re.finditer(r"«[^«»\n]*»", text)]
    found: list[tuple[int, int]] = []
    for m in _CAPITALISED.finditer(text):
        s, e = m.span()
        # the surname first: the spans are looked through only for a word that is one
        surname = next((p for p in parses(m.group().lower()) if "Surn" in p.tag and p.normal_form in known
                        and p.tag.gender == known[p.normal_form] and p.tag.number == "sing"), None)
        if surname is None or any(a <= s < b for a, b in spans) or any(o.start <= s < o.end for o in orgs):
            continue
        if _PLACE_BEFORE.search(text, max(0, s - 10), s) \
                or _ROUTE_DASH.search(text[max(0, s - 3) : s]) or _ROUTE_DASH.match(text, e) \
                or _listed_with_town(doc, text, s, e) or _ends_town_name(text, s, m.group()):
            continue
        before = re.search(r"([а-яё]+)\s+$", text[max(0, s - 30) : s])
        if before and fold(_lemma(before.group(1))) in COUNTRIES:
            continue
        following = re.match(r"\s+([а-яё]+)", text[e : e + 30])
        if following and any(p.tag.POS in ("ADJF", "NOUN") and p.tag.case == surname.tag.case
                             and (p.tag.POS == "ADJF" or _is_adj(m.group())) for p in parses(following.group(1))[:1]):
            continue
        if home and fold(surname.normal_form) == fold(home.name) and not any(a < s < b for a, b in quotes):
            continue
        found.append(m.span())
    return found


@_per_word
def _small_town_inflected(word: str) -> bool:
    """A small town's name in another case than its own («Гамгебели Мцхеты Леван Кавтарадзе»); not one
    as written, which may be a surname that comes first («Петров Иван»)."""
    town = gazetteer.lookup_small(name_keys([word]))
    return town is not None and fold(town.name) != fold(word)


def _family(word: str) -> bool:
    """A surname that is only plural («Грибушиных», «Строгановы»; not «Шуваловым», also one man's)."""
    surnames = [p for p in parses(word.lower()) if "Surn" in p.tag]
    return bool(surnames) and all(p.tag.number == "plur" for p in surnames)


@_per_word
def _common_noun(word: str) -> bool:
    """A word the dictionary knows as a common noun in the nominative, besides any name it may be."""
    return any(p.is_known and p.tag.POS == "NOUN" and p.tag.case == "nomn" and not _PROPER & p.tag.grammemes
               for p in parses(word.lower()))


def _only_towns(words: list[str]) -> bool:
    """Words that are all towns' names and none a first name («Феррарой Коломну»), or a town's name of
    several words («Сергиеву Посаду»)."""
    if any(_first_name_like(w) or _INITIALS_WORD.match(w) for w in words):
        return False
    return len(words) > 1 and (all(gazetteer.lookup_first(name_keys([w])) for w in words)
                               or gazetteer.lookup_first(name_keys(words)) is not None
                               or gazetteer.lookup_small(name_keys(words), frozenset({"RU"})) is not None)


def _town_of_country_after(text: str, word: str, end: int) -> bool:
    """A word followed by a country in brackets that names a town of it («Борисов (Беларусь)»)."""
    if (country := country_in_brackets(text, end)) is None:
        return False
    town = gazetteer.lookup_first(name_keys([word]), frozenset({country}))
    return town is not None and town.country == country


# a word listed right before or after a name: «Мирного, Удачного и Айхала»
_LISTED_BEFORE = re.compile(r"([А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё]+)*)(?:,\s*|\s+и\s+)$")
_LISTED_AFTER = re.compile(r"(?:,\s*|\s+и\s+)([А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё]+)*)")


def _listed_with_town(doc: Doc, text: str, s: int, e: int) -> bool:
    """A word listed with a town's name that is no person's (natasha reads no person there, or the dictionary
    knows it as a place's or knows no name in it), and that names a town of the same country itself
    («Кольцова» after «Фрязина», «Айхала» after «Удачного», «Владимира» before «Иванова»)."""
    word = text[s:e]
    for m in (_LISTED_BEFORE.search(text, max(0, s - 40), s), _LISTED_AFTER.match(text, e)):
        if m is None or (overlaps(doc, m.start(1), m.end(1), "ner_per") and {"Name", "Surn", "Patr"} & _grammemes(
                m.group(1)) and not any("Geox" in p.tag for p in parses(m.group(1).lower()))):
            continue
        listed = name_keys([m.group(1)])
        if fold(_lemma(m.group(1))) in COUNTRIES or (
                town := gazetteer.lookup_first(listed) or gazetteer.lookup_small(listed)) is None:
            continue  # «Чайковский и Италия»: a country is no town to be listed with; a small town is one («из
            # Тарусы и Алексина»)
        keys, country = name_keys([word]), frozenset({town.country})
        itself = gazetteer.lookup_first(keys, country) or gazetteer.lookup_small(keys, country)
        if itself and itself.country == town.country:
            return True
    return False


# a name in its own letters after the Russian one («Айше Коркмаз (Ayşe Korkmaz)», «Каталин Сабо (Szabó Katalin)»)
_LATIN_NAME_WORD = rf"[{LATIN_CAPITAL}][{LATIN_SMALL}]+"
_LATIN_SPELLING = re.compile(rf" \(({_LATIN_NAME_WORD}(?:[ -]{_LATIN_NAME_WORD}){{1,2}})\)")
# the office may be given in its own language too: «мэром (kaupunginjohtaja) Пертти Хуттуненом»
_AFTER_TITLE = re.compile(rf"(?<![\w-])(?i:{TITLES})(?P<of>(?:\s+(?:[А-ЯЁа-яё-]+|\(?[{LATIN_SMALL}]+\)?)){{0,5}}?)"
                          rf"\s+(?P<name>{_NAME_WORD}\s{_NAME_WORD})(?![\w-]|\s[А-ЯЁ])")
# An office right before a name: «обер-бургомистром Вольфсбурга Маттиасом Кёлером» names a city, then a person.
_TITLE_BEFORE = re.compile(rf"(?<![\w-])(?i:{TITLES})\s+$")
_OFFICE = re.compile(rf"(?i:{TITLES}|сотрудни\w+|заведующ\w+|хранител\w+)")
_AFTER_HONORIFIC = re.compile(rf"(?<![\w-])(?i:{HONORIFICS})\s+({_NAME_WORD}(?:\s{_NAME_WORD}){{0,2}})")
_EAST_ASIAN = re.compile(rf"(?<![\w.-])((?:{'|'.join(sorted(EAST_ASIAN_SURNAMES))})(?:ом|ем|а|у)?)"
                         rf"((?:\s{_NAME_WORD}){{1,2}})")
_SENTENCE_START = re.compile(r"(?:^|[.!?:\n])[\s«\"(]*$")
_JAPANESE = re.compile(rf"(?<![\w.-])(?:{'|'.join(sorted(JAPANESE_GIVEN_NAMES))})\s{_NAME_WORD}")


def _foreign_names(text: str) -> list[tuple[int, int]]:
    """Names after a title of address («г-ном Пак Сон Хо»), names of two or three words that begin with
    a common Chinese, Korean or Vietnamese surname, the rest no adjective, verb or city («Ван Сюэпин»,
    «Нгуеном Ван Тунгом»), and a common Japanese given name with the surname after it («Хироси Накамурой»)."""
    spans = [m.span(1) for m in _AFTER_HONORIFIC.finditer(text)]
    for m in _EAST_ASIAN.finditer(text):
        if m.group(1) == "Во" and _SENTENCE_START.search(text, max(0, m.start() - 6), m.start()):
            continue  # «Во Франтишкови-Лазне»: a preposition that starts a sentence, not Võ
        given = m.group(2).split()
        # a syllable («Ван», «Хо») is a syllable of a name, and so is a word the dictionary only guesses at
        # («Сюэцзюнем» is no verb)
        while given and any(len(w) > 3 and (_is_adj(w) or (_is_verbish(w) and parses(w.lower())[0].is_known)
                                            or gazetteer.lookup(fold(w)) or (len(given) == 1 and _common_word(w)))
                            for w in given):
            given.pop()  # not «Во Дворце спорта»: a common word alone is no given name («Ван Тунгом» is one)
        if given:
            spans.append((m.start(1), text.index(given[-1], m.end(1)) + len(given[-1])))
    spans += [m.span() for m in _JAPANESE.finditer(text)]
    spans += _titled_names(text)
    return spans


def _titled_names(text: str) -> list[tuple[int, int]]:
    """Two capitalised words after an office and what it is of («консулом Индии Рагху Венкатараманом»): a
    person, where the office's complement is words in small letters and places, and the two words are
    neither places nor adjectives, nor both common words."""
    spans = []
    for m in _AFTER_TITLE.finditer(text):
        if not all(w.strip("()")[0].islower() or _place_like(w) for w in m["of"].split()):
            continue
        first, second = m["name"].split()
        # a place by its dictionary reading only: «Селимом» is no town «Селим» here
        if any(fold(_lemma(w)) in COUNTRIES or gazetteer.lookup(fold(_lemma(w))) or _known_adj(w) or _head(w)
               for w in (first, second)):
            continue
        if all(_common_word(w) for w in (first, second)):
            continue  # «Совет Федерации»
        if _lemma(first) in REGION_MARKERS and not {"Name", "Surn"} & _grammemes(first):
            continue  # «грант Главы Республики Карелия»: the office's region
        spans.append(m.span("name"))
    return spans


@_per_word
def _place_like(word: str) -> bool:
    """A capitalised word of a place: a city, a country or a place's adjective («Индии», «Омской»)."""
    return (fold(_lemma(word)) in COUNTRIES or fold(_lemma(word)) in _STATE_WORDS or _known_adj(word)
            or gazetteer.lookup_first(name_keys([word])) is not None)


def _common_word(word: str) -> bool:
    """A noun or an adjective the dictionary knows, and not as a name of someone or somewhere."""
    best = parses(word.lower())[0]
    return best.is_known and best.tag.POS in ("NOUN", "ADJF") and not _PROPER & _grammemes(word)


_PROPER = frozenset({"Name", "Surn", "Patr", "Geox"})


def _known_adj(word: str) -> bool:
    """An adjective the dictionary knows: not a guess, nor a rare participle («Селимом»: of «селить»)."""
    best = parses(word.lower())[0]
    return best.is_known and best.tag.POS == "ADJF"


def _ends_town_name(text: str, s: int, word: str) -> bool:
    """The word ends a town's name with the capitalised word before it («коллективы Нижнего Ломова»)."""
    before = _ANY_WORD_BEFORE.search(text, max(0, s - 30), s)
    return before is not None and before[1][:1].isupper() and _only_towns([before[1], word])


_STATE_WORDS = frozenset({"федерация", "республика", "королевство", "штат", "провинция", "префектура"})


_ANY_WORD_BEFORE = re.compile(r"([А-ЯЁа-яё]+)\s+$")
_ANY_WORD_AFTER = re.compile(r"\s+([А-ЯЁа-яё]+)")


def _lemma_before(text: str, s: int) -> str | None:
    before = _ANY_WORD_BEFORE.search(text, max(0, s - 30), s)
    return _lemma(before.group(1)) if before else None


def _verb_gender(text: str, s: int, e: int) -> str | None:
    """The gender of a past-tense verb whose subject the name is: the verb right after it («Смирнова
    выступила»), or an intransitive one right before it («выступила Смирнова»)."""
    after = _ANY_WORD_AFTER.match(text, e)
    before = _ANY_WORD_BEFORE.search(text, max(0, s - 30), s)
    for m, intransitive_only in ((after, False), (before, True)):
        if m:
            tag = parses(m.group(1).lower())[0].tag
            if tag.POS == "VERB" and tag.tense == "past" and tag.number == "sing" and tag.gender in ("masc", "femn") \
                    and (not intransitive_only or tag.transitivity == "intr"):
                return str(tag.gender)
    return None


# A signature: a name at its line's end after an office and a gap of spaces («Начальник отдела культуры      О.В.
# Королёва»), which is in the nominative
_SIGNATURE_GAP = re.compile(r"\S {3,}$")
_LINE_ENDS = re.compile(r"[ \t]*(?:\n|$)")


def _signed(text: str, s: int, e: int) -> str | None:
    """The gender a signature's name in the nominative has by its last letter («О.В. Королёва»: a woman's)."""
    if not _SIGNATURE_GAP.search(text, text.rfind("\n", 0, s) + 1, s) or not _LINE_ENDS.match(text, e):
        return None
    return "femn" if text[e - 1] in "ая" else "masc"


def _split_at_ends(spans: list[tuple[int, int]], orgs: list[Mention], text: str) -> list[tuple[int, int]]:
    """A name that runs past the end of an organisation's is two: the one it is named after, and a person
    («школы имени Али Алиева Шамиль Омаров»)."""
    out = []
    for s, e in spans:
        end = next((o.end for o in orgs if o.start <= s < o.end < e and text[o.end : o.end + 1] == " "), None)
        if end is None and _NAMED_AFTER_BEFORE.search(text, max(0, s - 8), s):
            # with no organisation found around it, the name after «имени» ends where a nominative begins
            words = [(m.group(), m.start()) for m in re.finditer(r"\S+", text[s:e])]
            end = next((s + at - 1 for k, (w, at) in enumerate(words) if k and _nominative_first_name(w)), None)
        out += [(s, end), (end + 1, e)] if end is not None else [(s, e)]
    return out


def _merge(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Union of overlapping spans, and of spans separated by a single space («Бухгольцу» «Ивану Дмитриевичу»)."""
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if merged and (s < merged[-1][1] or (text[merged[-1][1] : s] == " " and _joinable(text, merged[-1], s, e))):
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def _joinable(text: str, left: list[int], s: int, e: int) -> bool:
    """Parts of one name: at most four words, and initials in one part only («Ф.М. Достоевского
    С.В. Пономарев» are two people)."""
    return len(text[left[0] : e].split()) <= 4 and not (_INITIAL.search(text, left[0], left[1])
                                                       and _INITIAL.search(text, s, e))


_INITIAL = re.compile(r"(?<![А-ЯЁа-яё])[А-ЯЁ]\.")


def person_nominative(name: str, gender_hint: str | None = None) -> str:
    """«С.Н. Шелестом» → «С.Н. Шелест», «Екатерины Великой» → «Екатерина Великая».

    Gender and case come from the first name and patronymic, in a reading both agree with («Марии
    Ивановне»: the dative). `gender_hint` (from a verb, see _verb_gender) chooses between a name's
    readings of two genders («Али», indeclinable masculine or a form of «Аля»); without a first name
    (initials only) it is the gender, else masculine, the more frequent reading in reports.
    """
    words = name.split()
    # a Japanese given name is indeclinable, whatever the dictionary guesses of it
    named = [[p for p in parses(w.lower()) if {"Name", "Patr"} & set(p.tag.grammemes) and p.tag.number == "sing"]
             for w in words if not _is_surname_nominative(w) and w not in JAPANESE_GIVEN_NAMES]
    readings = []
    for ps in named:
        if not ps or all("Fixd" in p.tag for p in ps):
            continue  # a name that is only indeclinable («Такаси») tells no case: «Такаси Ямада» is no «Ямад»
        hinted = [p for p in ps if p.is_known and p.tag.gender == gender_hint]
        # else a reading that declines, which a form tells more by («Русаны»: of «Русана»)
        declinable = [p for p in ps if "Fixd" not in p.tag]
        chosen = [p for p in hinted if "Fixd" not in p.tag] or hinted or declinable
        readings.append([(p.tag.gender, p.tag.case) for p in chosen])
    initials_only = sum(not _INITIALS_WORD.fullmatch(w) for w in words) <= 1  # «О.А. Смирнова», «Смирнова О.А.»
    gender, case = (gender_hint, None) if gender_hint and initials_only else (None, None)
    if readings:
        agreed = [r for r in readings[0] if all(r in other for other in readings[1:])] or readings[0]
        # a surname in the nominative chooses that reading of the first name («Абдулла Курбанов»)
        if any(_is_surname_nominative(w) or _MASCULINE_SURNAME.search(w) for w in words[1:]):
            agreed.sort(key=lambda r: r[1] != "nomn")
        gender, case = agreed[0]
    out = []
    for k, w in enumerate(words):
        if w in TURKIC_SON_OF or (k + 1 < len(words) and words[k + 1] in TURKIC_SON_OF):
            out.append(w)  # «Рафаэль улы»: the father's name and «son of» do not decline
        elif re.fullmatch(r"(?:[А-ЯЁ]\.\s?)+|[IVX]+", w) or w in JAPANESE_GIVEN_NAMES:
            out.append(w)
        elif words[0] in JAPANESE_GIVEN_NAMES:  # a Japanese surname declines only if it ends in «-а»
            out.append(next((w[: -len(e)] + "а" for e in _A_DECLENSION if w.endswith(e) and len(w) > len(e) + 2), w))
        elif "-" in w:
            out.append("-".join(_person_word_nominative(x, gender, case) for x in w.split("-")))
        else:
            out.append(_person_word_nominative(w, gender, case))
    return " ".join(out)


_VOWELS = frozenset("аеёиоуыэюя")
_A_DECLENSION = ("ой", "ою", "ы", "е", "у")  # the oblique endings of «Накамура»
# A man's surname in the nominative by its ending, which the dictionary may read as another name's plural
# («Курбанов»: of «Курбан»)
_MASCULINE_SURNAME = re.compile(r"[а-яё](?:ов|ев|ёв|ин|ын|ский|цкий)$")


def _is_surname_nominative(word: str, gender: str = "masc") -> bool:
    return any("Surn" in p.tag and p.tag.case == "nomn" and p.tag.gender in (gender, None)
               for p in parses(word.lower()))


_ADJECTIVE_ENDING = re.compile(r"(?:[ыиео]й|ая|яя|[ое]го|[ое]му|[ыи]м|[ую]ю)$")


def _person_word_nominative(word: str, gender: str | None, case: str | None) -> str:
    ps = parses(word.lower())
    if case in (None, "nomn") and _is_surname_nominative(word, gender or "masc"):
        return word
    if case == "nomn" and gender == "masc" and word.endswith("ой"):
        return word  # «Иван Николаевич Крамской», which the dictionary reads only as a woman's oblique case
    want_gender = gender or "masc"
    named = [p for p in ps if {"Name", "Surn", "Patr"} & set(p.tag.grammemes) and p.tag.number != "plur"
             and (p.tag.gender == want_gender or "ms-f" in p.tag or p.tag.gender is None)
             and (case is None or p.tag.case == case)]
    named.sort(key=lambda p: "Fixd" in p.tag)  # «Анне»: the dative of «Анна» before the indeclinable «Анне»
    # a word the dictionary only guesses is an adjective by an adjective's ending, not by «-ом» («Хуттуненом»)
    adjective = bool(ps) and ps[0].tag.POS == "ADJF" and (ps[0].is_known or bool(_ADJECTIVE_ENDING.search(word)))
    if not named and word[:1].isupper() and not adjective:
        for (g, c), endings in SURNAME_ENDINGS.items():
            if g != want_gender or (case is not None and c != case):
                continue
            for ending, nominative in endings:
                stem = word[: len(word) - len(ending)]
                # a bare stem ends in a consonant: «Баяраа» is no «Баяра» in the genitive
                if word.lower().endswith(ending) and len(stem) > 2 and (nominative or stem[-1].lower() not in _VOWELS):
                    return stem + nominative
        return word
    for p in named or [p for p in ps if p.tag.POS in ("NOUN", "ADJF")]:
        form = p.inflect({"nomn", "sing"} | ({want_gender} if p.tag.POS == "ADJF" else set()))
        if form:
            return match_case(form.word, word)
    return word


@Language.component("archive_participants")
def participants_component(doc: Doc) -> Doc:
    text = text_of(doc)
    sentences = doc.user_data.get("sentences", [(0, len(text))])
    # «20» января 2022 г.: a day in quotes, as a document dates itself, names nothing
    quotes = [(s, e) for s, e in _quote_spans(text, sentences) if not text[s + 1 : e - 1].strip().isdigit()]
    words = _Tokens(doc).words
    foreign = _foreign_names(text)  # names that end an organisation's, and are persons
    orgs = _organisations(doc, words, quotes, foreign)
    orgs += _aliases(doc, orgs, quotes)
    for m in sorted(orgs, key=lambda m: m.start):
        if m.end > m.start and sentence_of(doc, m.start)[1] >= m.end:
            add(doc, m)
    for m in _persons(doc, orgs, foreign):
        add(doc, m)
    return doc
