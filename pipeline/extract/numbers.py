"""Numbers as Russian reports write them: digits with group spaces and decimal commas, or words."""

from __future__ import annotations

import functools
import re

from pipeline.extract.morph import parses

# After a number, «годом ранее» compares it with the year before: the number is no year, and counts what the
# figure it is compared with counts («37 теплоходов против 212 годом ранее»).
A_YEAR_EARLIER = r"\s+годом\s+(?:ранее|раньше|прежде)(?![а-яё])"

# Lemma of a cardinal numeral (or numeral-like noun) → its value. «один» is left out on purpose:
# «одного из них», «с одной стороны» are not counts, and reports write single items without a number; so
# are «оба», «обе»: «обеих стран» refers to things named before, as a pronoun does.
NUMBER_WORDS: dict[str, int | float] = {
    "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9,
    "десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14,
    "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19,
    "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70,
    "восемьдесят": 80, "девяносто": 90, "сто": 100, "двести": 200, "триста": 300, "четыреста": 400,
    "пятьсот": 500, "шестьсот": 600, "семьсот": 700, "восемьсот": 800, "девятьсот": 900,
    "полтора": 1.5, "полторы": 1.5,
    "двое": 2, "трое": 3, "четверо": 4, "пятеро": 5, "шестеро": 6, "семеро": 7,
}
# Case forms of numerals the dictionary does not know (ё written е).
NUMBER_FORMS: dict[str, int] = {"четырехсот": 400, "четырехстам": 400, "четырехстами": 400, "четырехстах": 400}
# What adds a half to the numeral before it: «двух с половиной тысяч», «трёх с половиной часов».
AND_A_HALF = ("с", "половиной")
# Multipliers, as words (any case) and abbreviations.
MULTIPLIER_WORDS: dict[str, int] = {"тысяча": 1_000, "миллион": 1_000_000, "миллиард": 1_000_000_000}
# Nouns that multiply the number before them, and count nothing alone («двух десятков проектов» is 20,
# «десятки проектов» no number) unless a qualifier says one is meant («около сотни делегатов» is 100).
COLLECTIVES: dict[str, int] = {"десяток": 10, "сотня": 100, "полусотня": 50, "полсотни": 50}
MULTIPLIER_ABBREVIATIONS: dict[str, int] = {
    "тыс": 1_000, "тыс.": 1_000, "млн": 1_000_000, "млн.": 1_000_000, "млрд": 1_000_000_000, "млрд.": 1_000_000_000,
}
NARROW_SPACES = "\u00a0\u2009\u202f"  # no-break and thin spaces, which the tokenizer keeps as tokens
_GROUP_SPACES = " " + NARROW_SPACES
DIGITS = re.compile(
    # 6 000, 1 200 000; and a number a line's end breaks before a group of its thousands that words follow
    # («в размере 1 480» over «000 рублей»)
    rf"(?<![\w.,/-])\d{{1,3}}(?:[{_GROUP_SPACES}]\d{{3}})*(?:[{_GROUP_SPACES}]\d{{3}}|\n\d{{3}}(?= [а-яё]))(?:,\d+)?"
    r"(?![\w,.]\d)"
    r"|(?<![\w.,/])\d+(?:[,.]\d+)?"  # 1312, 1,5
)


def digits_value(s: str) -> int | float:
    s = "".join(ch for ch in s if ch not in _GROUP_SPACES and ch != "\n").replace(",", ".")
    v = float(s)
    return int(v) if v.is_integer() else v


# Asked of every word of every block: kept per word form (pymorphy3's tag attributes are slow to read).
@functools.lru_cache(maxsize=200_000)
def word_value(word: str) -> int | float | None:
    """Value of one numeral word in any case («двух» → 2, «шести» → 6), or None."""
    w = word.lower().replace("ё", "е")
    if w in NUMBER_FORMS:
        return NUMBER_FORMS[w]
    for p in parses(w):
        lemma = p.normal_form.replace("ё", "е")
        if lemma in NUMBER_WORDS and p.tag.POS in ("NUMR", "NOUN", "ADJF", None):
            return NUMBER_WORDS[lemma]
    return None


@functools.lru_cache(maxsize=200_000)
def is_one(word: str) -> bool:
    """A form of «один», which counts only after tens («сорока одного волонтера», «двадцать одну страну»)."""
    return any(p.normal_form == "один" and "Anum" in p.tag for p in parses(word.lower()))


@functools.lru_cache(maxsize=200_000)
def multiplier_value(word: str) -> int | None:
    w = word.lower()
    if w in MULTIPLIER_ABBREVIATIONS:
        return MULTIPLIER_ABBREVIATIONS[w]
    for p in parses(w):
        if p.normal_form in MULTIPLIER_WORDS and p.tag.POS == "NOUN":
            return MULTIPLIER_WORDS[p.normal_form]
    return None


@functools.lru_cache(maxsize=200_000)
def collective_value(word: str) -> int | None:
    return next((COLLECTIVES[p.normal_form] for p in parses(word.lower()) if p.normal_form in COLLECTIVES
                 and p.tag.POS == "NOUN"), None)


def combine(values: list[int | float]) -> int | float:
    """Value of a run of numeral words: «двадцать пять» → 25, «две тысячи триста» → 2300."""
    total: float = 0
    current: float = 0
    for v in values:
        if v >= 1000:
            total += (current or 1) * v
            current = 0
        else:
            current += v
    result = total + current
    return int(result) if float(result).is_integer() else result
