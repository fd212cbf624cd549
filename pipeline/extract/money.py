"""Sums of money: a number, an optional multiplier and a currency, normalised to currency units."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extract import gazetteer
from pipeline.extract.mention import Mention, add, mentions, overlaps, sentence_of, text_of
from pipeline.extract.morph import parses
from pipeline.extract.numbers import (
    DIGITS,
    MULTIPLIER_ABBREVIATIONS,
    combine,
    digits_value,
    multiplier_value,
    word_value,
)
from pipeline.extract.qualifiers import QUALIFIER_RE, qualifier_of, verb_qualifier
from pipeline.extract.tables import caption_of, cells, crosses_row, heading_of, may_hold_table

# ISO 4217 codes a report writes as they are («USD 50 000», «341 млн USD»).
ISO_CODES: frozenset[str] = frozenset({
    "BYN", "RUB", "KZT", "CNY", "USD", "EUR", "KGS", "UZS", "AZN", "NOK", "SEK", "GBP", "JPY", "KRW", "MNT", "AED",
    "TRY", "INR", "CHF", "PLN", "HUF", "UAH", "TJS", "VND", "EGP", "BGN", "RSD", "IRR", "GEL", "AMD", "DKK", "CZK",
    "CAD", "AUD", "SGD", "HKD",
})
# Crowns without their adjective are the crowns of the one crown country a paragraph names.
CROWN = "crown"
CROWNS: dict[str, str] = {"CZ": "CZK", "SE": "SEK", "NO": "NOK", "DK": "DKK", "IS": "ISK"}
# Currency phrase (regex, case-insensitive) → ISO 4217. The first matching row wins, so the
# adjective-qualified rows (roubles, dollars) come before the plain ones.
CURRENCIES: list[tuple[str, str]] = [
    (r"бел(?:орусск\w+|\.)\s+руб(?:л[а-яё]*|\.)?", "BYN"),
    (r"(?:российск\w+\s+)?руб(?:л[а-яё]*|\.)?|р\.|₽", "RUB"),
    (r"тенге", "KZT"),
    (r"юан[а-яё]*", "CNY"),
    (r"канадск\w+\s+доллар[а-яё]*", "CAD"),
    (r"австралийск\w+\s+доллар[а-яё]*", "AUD"),
    (r"сингапурск\w+\s+доллар[а-яё]*", "SGD"),
    (r"гонконгск\w+\s+доллар[а-яё]*", "HKD"),
    (r"доллар[а-яё]*(?:\s+США)?|\$", "USD"),
    (r"евро|€", "EUR"),
    (r"сомони", "TJS"),  # before the som, which it starts with
    (r"сом[а-яё]{0,3}", "KGS"),
    (r"манат[а-яё]{0,3}", "AZN"),
    (r"норвежск\w+\s+крон[а-яё]{0,2}", "NOK"),
    (r"шведск\w+\s+крон[а-яё]{0,2}", "SEK"),
    (r"датск\w+\s+крон[а-яё]{0,2}", "DKK"),
    (r"чешск\w+\s+крон[а-яё]{0,2}", "CZK"),
    (r"крон(?:[аеуы]|ам|ами|ах)?", CROWN),  # of the country the paragraph names
    (r"фунт[а-яё]{0,3}\s+стерлинг[а-яё]{0,3}", "GBP"),
    (r"иен[а-яё]{0,2}", "JPY"),
    (r"(?:южнокорейск\w+\s+)?вон[а-яё]{0,2}", "KRW"),
    (r"тугрик[а-яё]{0,3}", "MNT"),
    (r"лари", "GEL"),
    (r"драм[а-яё]{0,3}", "AMD"),
    (r"дирхам[а-яё]{0,3}", "AED"),
    (r"(?:турецк\w+\s+)?лир[аеуы]?", "TRY"),
    (r"(?:индийск\w+\s+)?рупи[а-яё]{0,3}", "INR"),
    (r"злот[а-яё]{1,3}", "PLN"),
    (r"форинт[а-яё]{0,3}", "HUF"),
    (r"гривн[а-яё]{0,3}|гривен", "UAH"),
    (r"(?:узбекск\w+\s+)?сум(?:ов|ам|ами|ах|а|ы)?(?![а-яё])", "UZS"),  # not «сумма»
    (r"донг[а-яё]{0,3}", "VND"),
    (r"швейцарск\w+\s+франк[а-яё]{0,3}", "CHF"),
    (r"египетск\w+\s+фунт[а-яё]{0,3}", "EGP"),
    (r"(?:болгарск\w+\s+)?лев(?:а|ов|ы|ам)?", "BGN"),  # the animal is «львов»
    (r"(?:сербск\w+\s+)?динар[а-яё]{0,3}", "RSD"),  # the dinar of the partner most reports name
    (r"(?:иранск\w+\s+)?риал[а-яё]{0,3}", "IRR"),
    # ISO codes name themselves
    ("|".join(sorted(ISO_CODES)), None),
]
_MULT_WORDS = r"тыс\.?|тысяч[а-яё]*|млн\.?|миллион[а-яё]*|млрд\.?|миллиард[а-яё]*"
_WORD_MULTIPLIERS = {"тыс": 1_000, "млн": 1_000_000, "млрд": 1_000_000_000, "миллион": 1_000_000,
                     "миллиард": 1_000_000_000, "тысяч": 1_000}
_CURRENCY_RE = "|".join(f"(?:{c})" for c, _ in CURRENCIES)
# «1 млн 200 тыс. рублей»: a larger part before the number
_LARGER = rf"(?:(?P<n0>{DIGITS.pattern})\s*(?P<mult0>млрд\.?|миллиард[а-яё]*|млн\.?|миллион[а-яё]*)\s+)"
# «примерно в 1,2 млн динаров», «почти на 12 млн рублей»: the preposition between belongs to the sum
_QUALIFIER = rf"(?P<q>{QUALIFIER_RE})\s+(?:(?:в|на)\s+)?"
# «2 480 000 (два миллиона четыреста восемьдесят тысяч) рублей»: the sum in words, as contracts write it
_IN_WORDS = r"(?:\([а-яё ]{3,120}\)\s*)"
MONEY = re.compile(
    rf"(?:{_QUALIFIER})?{_LARGER}?(?P<n>{DIGITS.pattern})\s*(?P<mult>{_MULT_WORDS})?\s*{_IN_WORDS}?"
    rf"(?P<cur>{_CURRENCY_RE})(?![а-яё\w])",
    re.IGNORECASE,
)


# A sign or an ISO code before the number: «$1,2 млн», «€300 тыс.», «USD 50 000».
_CURRENCY_BEFORE = r"\$|€|₽|BYN|RUB|KZT|CNY|USD|EUR|KGS|UZS|AED"
MONEY_AFTER_CURRENCY = re.compile(
    rf"(?:(?P<q>{QUALIFIER_RE})\s+)?(?<!\w)(?P<cur>{_CURRENCY_BEFORE})\s?(?P<n>{DIGITS.pattern})"
    rf"(?:\s*(?P<mult>{_MULT_WORDS})(?![а-яё]))?",
    re.IGNORECASE,
)


# A part of a sum, or the year before's, right after it, in its currency: «1,2 млн рублей, из них 600 тысяч
# предоставила…», «412 млн рублей, в том числе 57,4 млн – на ремонт», «286,4 млн долларов (за 2018 год – 341 млн)»,
# «186,4 млн рублей (в 2020 году – 171,9 млн)»
_PART_OF_SUM = re.compile(
    rf",?\s*(?:из\s+(?:них|которых)|в\s+том\s+числе|в\s+т\.\s?ч\.|\((?:за\s+\d{{4}}\s+год|в\s+\d{{4}}\s+году)\s*[–—-])\s+"
    rf"(?:{_QUALIFIER})?(?P<n>{DIGITS.pattern})\s*(?P<mult>{_MULT_WORDS})(?![а-яё])"
    r"(?!\.?\s*\d)", re.IGNORECASE)  # not «1 млн» of «в том числе 1 млн 150 тыс. рублей»
# A later part of a sentence's sum without its currency, after a dash, «в» or «по», ending its clause: «в том
# числе из областного бюджета – 12,3 млн, из федерального…», «при потребности в 8 млн.», «по 150 тысяч,»
_LATER_PART = re.compile(
    rf"(?:[–—-]|(?<![а-яё])(?:в|по))\s+(?:{_QUALIFIER})?(?P<n>{DIGITS.pattern})\s*(?P<mult>{_MULT_WORDS})"
    rf"(?![а-яё])(?!\.?\s+(?-i:[а-яё]))(?=\.?\s*(?:[,;:)]|$)|\.(?:\s|$))", re.IGNORECASE | re.MULTILINE)
_LAST_WORD = re.compile(r"([а-яё]+)\s*\S*\s*$", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s+([а-яё]+)")
_KOPECKS = re.compile(r"\s*(?P<k>\d{1,2})\s*коп(?:\.|е(?:ек|йки|йка|йку))", re.IGNORECASE)  # «6 718 450 руб. 60 коп.»

# Most blocks name no currency: finding none is a cheap scan, while MONEY tries its qualifiers at every
# character.
_ANY_CURRENCY = re.compile(_CURRENCY_RE, re.IGNORECASE)


def currency_code(phrase: str) -> str:
    for pattern, code in CURRENCIES:
        if re.fullmatch(pattern, phrase, re.IGNORECASE):
            return code or phrase.upper()
    raise KeyError(phrase)


def multiplier(word: str | None) -> int:
    if not word:
        return 1
    w = word.lower()
    if w in MULTIPLIER_ABBREVIATIONS:
        return MULTIPLIER_ABBREVIATIONS[w]
    return next(v for stem, v in _WORD_MULTIPLIERS.items() if w.startswith(stem))


@Language.component("archive_money")
def money_component(doc: Doc) -> Doc:
    text = text_of(doc)
    # a block without a currency names no sum, unless it holds a table whose caption before it names one
    if not _ANY_CURRENCY.search(text) and not (may_hold_table(text) and _HEADING_CURRENCY.search(
            doc.user_data.get("before", "").rstrip(":"))):
        return doc
    for m in [*MONEY.finditer(text), *MONEY_AFTER_CURRENCY.finditer(text)]:
        larger = m.groupdict().get("n0")
        figure = min(m.start("n0") if larger else m.start("n"), m.start("cur"))
        if overlaps(doc, figure, m.end(), "date", "money") or crosses_row(text, figure, m.end()):
            continue  # «+85,9» of a row over its label's wrapped «тыс. руб.»
        value = digits_value(m["n"]) * multiplier(m["mult"])
        if larger:
            if multiplier(m["mult"]) >= multiplier(m["mult0"]):
                continue  # «2 млн 3 млн рублей» is no one sum
            value += digits_value(larger) * multiplier(m["mult0"])
        value = _amount(value)
        start = m.start("q") if m["q"] else figure
        qualifier = qualifier_of(m["q"]) if m["q"] else verb_qualifier(text, start)  # «превысил 95 млн долларов»
        if currency := _currency(m["cur"], text):
            end = m.end()
            if currency == "RUB" and not m["mult"] and (kopecks := _KOPECKS.match(text, end)):
                value, end = _amount(value + int(kopecks["k"]) / 100), kopecks.end()
            add(doc, Mention("money", start, end, {"value": value, "currency": currency, "qualifier": qualifier}))
            if (part := _PART_OF_SUM.match(text, m.end())) and not _counted_after(text, part.end()) \
                    and not overlaps(doc, part.start("q") if part["q"] else part.start("n"), part.end(), "money"):
                fields = {"value": _amount(digits_value(part["n"]) * multiplier(part["mult"])), "currency": currency,
                          "qualifier": qualifier_of(part["q"]) if part["q"] else "exact"}
                add(doc, Mention("money", part.start("q") if part["q"] else part.start("n"), part.end(), fields))
            if m["q"] and m["q"].lower() == "до" and (low := _FROM_BEFORE.search(text, max(0, start - 30), start)):
                # «от 50 до 300 тыс. рублей»: the lower bound in the same thousands and currency
                fields = {"value": _amount(digits_value(low["n"]) * multiplier(m["mult"])), "currency": currency,
                          "qualifier": "at_least"}
                add(doc, Mention("money", low.start(), low.end("n"), fields))
    for m in _ANY_CURRENCY.finditer(text):
        if text[m.end() : m.end() + 1].isalpha():
            continue  # «рубцовских»: no currency
        if (found := _in_words(text, m)) and not overlaps(doc, found[0], m.end(), "date", "money"):
            start, value = found
            q = _QUALIFIER_BEFORE.search(text, max(0, start - 20), start)
            qualifier = qualifier_of(q["q"]) if q else verb_qualifier(text, start)
            if currency := _currency(m.group(), text):
                fields = {"value": value, "currency": currency, "qualifier": qualifier}
                add(doc, Mention("money", q.start() if q else start, m.end(), fields))
    for m in _LATER_PART.finditer(text) if mentions(doc, "money") else ():
        start = m.start("q") if m["q"] else m.start("n")
        sentence = sentence_of(doc, start)
        before = [x for x in mentions(doc, "money") if sentence[0] <= x.start and x.end <= start]
        if not before or overlaps(doc, start, m.end(), "date", "money") or _counted_before(text, m.start()):
            continue
        fields = {"value": _amount(digits_value(m["n"]) * multiplier(m["mult"])),
                  "currency": max(before, key=lambda x: x.end).fields["currency"],
                  "qualifier": qualifier_of(m["q"]) if m["q"] else "exact"}
        add(doc, Mention("money", start, m.end(), fields))
    for s, e in cells(text):
        if (m := _CELL_NUMBER.fullmatch(text, s, e)) and (heading := heading_of(text, s, e)) \
                and (unit := _HEADING_CURRENCY.search(heading.text) or (
                    "%" not in heading.text and _caption_currency(text, s, doc))) \
                and not overlaps(doc, s, e, "date", "money"):
            # a number alone under «Расходы, тыс. руб.», or in the row so labelled under a year, or in a table
            # whose caption says so («Выручка по кварталам (тыс. руб.):») but for a column of shares («Исполнение, %»)
            if currency := _currency(unit["cur"], text):
                fields = {"value": _amount(digits_value(m["n"]) * multiplier(unit["mult"])), "currency": currency,
                          "qualifier": qualifier_of(m["q"]) if m["q"] else "exact"}
                add(doc, Mention("money", s, e, fields))
    return doc


def _counted_after(text: str, end: int) -> bool:
    """A noun in the genitive follows: the number counts it («из них 600 тысяч просмотров»)."""
    word = _NEXT_WORD.match(text, end)
    return bool(word) and any(p.tag.POS == "NOUN" and p.tag.case == "gent" for p in parses(word[1]))


def _counted_before(text: str, at: int) -> bool:
    """A noun in the genitive plural ends the words before: «посетителей – 12 тыс.» counts them, no sum."""
    word = _LAST_WORD.search(text, max(0, at - 40), at)
    return bool(word) and any(p.tag.POS == "NOUN" and p.tag.number == "plur" and p.tag.case == "gent"
                              for p in parses(word[1].lower())[:2])


def _caption_currency(text: str, s: int, doc: Doc) -> re.Match[str] | None:
    caption = caption_of(text, s, doc.user_data.get("before", ""))
    return _HEADING_CURRENCY.search(caption) if caption else None


def _currency(phrase: str, text: str) -> str | None:
    code = currency_code(phrase)
    if code != CROWN:
        return code
    crowns = {CROWNS[c] for c in gazetteer.countries_in(text) if c in CROWNS}
    return crowns.pop() if len(crowns) == 1 else None


def _amount(value: int | float) -> int | float:
    value = round(value, 2)  # «8,3 млн»: 8.3 × 10⁶ is 8300000.000000001 in binary floating point
    return int(value) if float(value).is_integer() else value


_FROM_BEFORE = re.compile(rf"(?<![А-ЯЁа-яё])от\s+(?P<n>{DIGITS.pattern})\s+$", re.IGNORECASE)
_CELL_NUMBER = re.compile(rf"(?:(?P<q>{QUALIFIER_RE})\s+)?(?P<n>{DIGITS.pattern})", re.IGNORECASE)
_HEADING_CURRENCY = re.compile(rf"[,(]\s*(?:(?P<mult>{_MULT_WORDS})\s*)?(?P<cur>{_CURRENCY_RE})\s*\)?\s*$",
                               re.IGNORECASE)
_WORD_BEFORE = re.compile(r"([а-яё]+)\s+$", re.IGNORECASE)
_QUALIFIER_BEFORE = re.compile(rf"{_QUALIFIER}$", re.IGNORECASE)


def _in_words(text: str, currency: re.Match[str]) -> tuple[int, int | float] | None:
    """A sum written in words before the currency («двести тысяч рублей», «полтора миллиона евро»): its start
    and value."""
    start, values, numbers = currency.start(), [], 0
    while (w := _WORD_BEFORE.search(text, max(0, start - 20), start)) and len(values) < 6:
        value = word_value(w[1]) or multiplier_value(w[1])
        if value is None:
            break
        numbers += value < 1000
        values.insert(0, value)
        start = w.start(1)
    return (start, combine(values)) if numbers else None
