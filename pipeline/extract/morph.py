"""Russian morphology through pymorphy3, loaded once per process and cached per word form."""

from __future__ import annotations

import functools
import re
from typing import Any

import pymorphy3

Parse = Any  # pymorphy3.analyzer.Parse


class _Parse(pymorphy3.analyzer.Parse):
    """A parse that asks the dictionary whether its word is known once per word form: pymorphy3 walks
    its dictionary again on every `is_known`, which took 7% of extraction's time."""

    __slots__ = ()

    @property
    def is_known(self) -> bool:
        return known(self.word)


@functools.cache
def analyzer() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer(lang="ru", result_type=_Parse)


@functools.lru_cache(maxsize=500_000)
def known(word: str) -> bool:
    """The lower-case word form is in the dictionary (ё and е alike), as pymorphy3's `Parse.is_known`."""
    return analyzer().word_is_known(word)


@functools.lru_cache(maxsize=500_000)
def parses(word: str) -> tuple[Parse, ...]:
    try:
        return tuple(analyzer().parse(word))
    except ValueError:
        # pymorphy3 asks unicodedata for the name of each letter of a word it does not know, and some
        # letters have none in this Python (Tangut ideographs, U+17000...). Such a word is read as pymorphy3
        # reads any word of a foreign script: one parse, unknown (UNKN), its own lemma.
        unknown = analyzer().parse("一")[0]  # a CJK ideograph, which has a name
        ((unit, _),) = unknown.methods_stack
        return (unknown._replace(word=word, normal_form=word, methods_stack=((unit, word),)),)


def fold(s: str) -> str:
    """Lower case with ё read as е, the key every comparison uses."""
    return s.lower().replace("ё", "е")


def hyphenated_pair(head: str, tail: str) -> bool:
    """Two words of a hyphenated compound, each declined as the other («городами-партнёрами»: nouns in one
    case and number), which joined make no word: a compound wrapped at its hyphen, not a word broken at a line
    end («Ново-грудка», «Скобе-лева»)."""
    if not (known(head) and known(tail)) or known(head + tail):
        return False
    forms = {(p.tag.case, p.tag.number) for p in parses(head) if p.tag.POS in ("NOUN", "ADJF") and p.tag.case}
    return any((p.tag.case, p.tag.number) in forms for p in parses(tail) if p.tag.POS == "NOUN")


@functools.lru_cache(maxsize=200_000)
def noun_lemma(word: str) -> str | None:
    """Nominative singular of `word` read as a noun, or None when it cannot be a noun."""
    for p in parses(word):
        if p.tag.POS == "NOUN":
            return p.normal_form
    return None


@functools.lru_cache(maxsize=100_000)
def to_nominative(word: str, *, keep_number: bool = True, gender: str | None = None) -> str:
    """The nominative form of a word of a name, keeping its capitalisation pattern."""
    if not word or not any(c.isalpha() for c in word):
        return word
    if word.isupper() and len(word) > 1 and not any(p.is_known for p in parses(word.lower())):
        return word  # capitals the dictionary does not know: an abbreviation, as it is written
    options = [p for p in parses(word) if p.tag.POS in ("NOUN", "ADJF", "PRTF")]
    if gender:
        options = [p for p in options if p.tag.gender in (gender, None)] or options
    if not options:
        return word
    p = options[0]
    want = {"nomn"}
    if keep_number and p.tag.number:
        want.add(p.tag.number)
    if p.tag.POS in ("ADJF", "PRTF") and p.tag.number == "sing" and p.tag.gender:
        want.add(p.tag.gender)
    form = p.inflect(want)
    return match_case(form.word if form else word, word)


def match_case(new: str, like: str) -> str:
    """Give `new` the capitalisation of `like` (Title, UPPER or lower, per hyphen part)."""
    if "-" in new and "-" in like and new.count("-") == like.count("-"):
        return "-".join(match_case(a, b) for a, b in zip(new.split("-"), like.split("-")))
    if like.isupper() and len(like) > 1:
        return new.upper()
    if like[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def compound_lemma(word: str) -> str | None:
    """Noun lemma of a hyphenated compound: «Домом-музеем» → «дом-музей», «мастер-классов» → «мастер-класс»."""
    parts = word.lower().split("-")
    lemmas = [noun_lemma(p) for p in parts]
    if all(lemmas) and len(parts) > 1:
        return "-".join(lemmas)  # type: ignore[arg-type]
    whole = noun_lemma(word.lower())
    if whole is None:
        return None
    head, _, last = word.lower().rpartition("-")
    last_lemma = noun_lemma(last)
    return f"{head}-{last_lemma}" if last_lemma and whole.startswith(head) else whole


@functools.lru_cache(maxsize=100_000)
def is_first_name(word: str) -> bool:
    """A first name the dictionary knows, in any of its readings («Данияром», «Али»)."""
    return any(p.is_known and "Name" in p.tag for p in parses(word.lower()))


# A patronymic by its ending («Андреевич», «Ивановной», «Ильича»), or a Tajik or Persian surname built on
# the father's name («Саидзода», «Абдуллозода»), which stands where a patronymic would.
_PATRONYMIC_ENDING = re.compile(r"(?:[оеь]вич|ьич|[оеи]вн|ичн)(?:а|у|ем|ом|ой|е|ы)?$|(?:зода|заде)$")


@functools.lru_cache(maxsize=100_000)
def is_patronymic(word: str) -> bool:
    w = word.lower()
    return bool(_PATRONYMIC_ENDING.search(w)) or any(p.is_known and "Patr" in p.tag for p in parses(w))


def surname_first(words: list[str], named: bool = False) -> bool:
    """The first word is a surname written before the name and patronymic that follow it, with no surname
    after them («Киле Пётр Андреевич», «Давлатовым Рустамом Саидзода»), and in the name's case where it
    declines: not a town before a name («мэр Королёва Александр Николаевич Ходырев», «общины Вршац Гораном
    Петровичем»). `named`: the second word is known to be a first name, one the dictionary may not know
    («Гулнора»)."""
    if len(words) < 3 or not (named or is_first_name(words[1])) or not is_patronymic(words[2]) or (
            len(words) > 3 and words[3][:1].isupper()):
        return False
    surname = words[0].lower()
    # a man's surname in the nominative the dictionary does not know reads as a plural genitive («Давлатов»)
    cases = {p.tag.case for p in parses(surname)} | ({"nomn"} if surname.endswith(_MASCULINE_ENDINGS) else set())
    return surname.endswith(_INDECLINABLE_ENDINGS) or bool(
        cases & {p.tag.case for p in parses(words[1].lower()) if named or "Name" in p.tag})


_INDECLINABLE_ENDINGS = ("е", "и", "о", "у", "ю", "э")
_MASCULINE_ENDINGS = ("ов", "ев", "ёв", "ин", "ын")


# A place's adjective by its ending («Горецким», «Новополоцком», «Лидском»): -ский, -цкий in any form.
PLACE_ADJECTIVE_ENDING = re.compile(r"[сц]к(ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими)$")
PROXY_STEM = "омск"  # a town's adjective the dictionary knows in every form


def adjective_proxy(word: str) -> str:
    """A word the dictionary reads only as a noun (a surname, a town: «горецким», «новополоцком») but which
    ends as a place's adjective, read by that ending («омским»); any other word as it is. Before a word it
    agrees with, such a word is the adjective."""
    if any(p.tag.POS in ("ADJF", "PRTF") for p in parses(word)) or not (m := PLACE_ADJECTIVE_ENDING.search(word)):
        return word
    return PROXY_STEM + m.group(1)
