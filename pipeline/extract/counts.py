"""Counts: how many of something, in digits or words, with a qualifier and the counted noun's lemma."""

from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from pipeline.extract.mention import Mention, add, overlaps, sentence_of, text_of
from pipeline.extract.morph import Parse, compound_lemma, parses
from pipeline.extract.numbers import (
    A_YEAR_EARLIER,
    AND_A_HALF,
    DIGITS,
    NARROW_SPACES,
    collective_value,
    combine,
    digits_value,
    is_one,
    multiplier_value,
    word_value,
)
from pipeline.extract.qualifiers import qualifier_before
from pipeline.extract.tables import (
    caption_of,
    crosses_row,
    headers_before,
    heading_of,
    in_later_cell,
    is_period,
    labels_above,
    on_page_number_line,
    row_label,
)

# Nouns whose count is a duration, an age, a share or a measure, not a number of things.
NOT_COUNTED: frozenset[str] = frozenset({
    "год", "лет", "месяц", "неделя", "день", "сутки", "час", "минута", "секунда", "век", "столетие",
    "десятилетие", "квартал", "полугодие", "раз", "процент", "доля", "балл", "градус", "метр", "километр",
    "сантиметр", "миллиметр", "гектар", "тонна", "килограмм", "грамм", "литр", "рубль", "копейка",
    "доллар", "евро", "юань", "тенге", "м", "км", "см", "мм", "кг", "т", "га", "л", "миля",
    "кубометр", "куб", "ватт", "киловатт", "мегаватт", "гигаватт", "квт", "мвт", "гвт",  # «3000 мегаватт», «110 МВт»
    # the months of the Islamic calendar, whose days are dates of that calendar («1 шавваля»)
    "мухаррам", "сафар", "раби", "джумада", "раджаб", "шаабан", "рамадан", "шавваль", "зуль-када", "зуль-хиджа",
    "зуля-хидж", "число",
    "треть", "четверть",  # a fraction of what follows: «больше двух третей населения»
})
# Nouns that follow a rank up to this number («занял 3 место») and a count above it («на 1 275 мест»).
RANKS: dict[str, int] = {"место": 3}
# Abbreviated nouns of tables and summaries («350 чел.», «1200 экз.») → their lemma; counting words
# («15 ед. мероприятий») stand before the noun they count, and are the unit only when none follows.
NOUN_ABBREVIATIONS: dict[str, str] = {"чел": "человек", "экз": "экземпляр"}
COUNTING_WORDS: dict[str, str] = {"ед": "единица", "шт": "штука"}
# Endings glued to digits by a hyphen that keep the number cardinal («3-х», «5-ти»); any other
# glued ending makes an ordinal («6-й», «21-го») or a word («25-летие»).
CARDINAL_ENDINGS: frozenset[str] = frozenset({"х", "ти", "ми", "ух", "ех", "и"})
# Signs before a number that make it a name or a label, not a count.
LABEL_BEFORE = re.compile(r"(?:№|N|#|No\.?)\s*$")
# The numbers after the first of a list of labels: «школ № 3, 13 и 90» (not «СОШ № 14 и 30 обучающихся»).
LABELS_BEFORE = re.compile(r"№\s*\d+(?:(?:\s*,\s*\d+)*\s*,|(?:\s*,\s*\d+)+\s+и)\s*$")
# Nouns that numbers up to this name grades of, not counts, in a range or after the pupils of them
# («учащихся 9–11 классов», «ученикам 5 класса»).
GRADES: dict[str, int] = {"класс": 11}
_PUPILS_BEFORE = re.compile(r"(?:учащ|учени|школьник|обучающ|выпускник)[а-яё]*\s+$", re.IGNORECASE)
# Grammemes of the dictionary's names, and plural endings of residents' names that the dictionary knows only
# as surnames («казанцев»: Казанцев) or does not know («волгодонцев», «ангарчан») → their singular's.
NAMES: frozenset[str] = frozenset({"Name", "Surn", "Patr"})
RESIDENT_PLURALS: list[tuple[str, str]] = [("йцев", "ец"), ("цев", "ец"), ("чан", "чанин"), ("лян", "лянин")]
MAX_MODIFIERS = 4  # adjectives between a number and its noun: «12 омских муниципальных библиотек»
_HYPHEN_WORD = re.compile(r"-([а-яёa-z]+)", re.IGNORECASE)
_SCORE_BEFORE = re.compile(r"\d:$")  # the second number of a score or a time: «3:1», «10:30»
_THIN_SPACES = frozenset(NARROW_SPACES)


# After a number first on its line: a list's marker («1.», «2)»), or a table's row number before its label's
# cell («1  Республика Башкортостан      4      5»)
_MARKER_AFTER = re.compile(r"[.)]| {2,}[А-ЯЁA-Z]")


def _is_list_marker(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    if not (end - start <= 3 and text[start:end].isdigit() and not text[line_start:start].strip()):
        return False
    marker = _MARKER_AFTER.match(text, end)  # not «1 512)», a figure a line's wrap put first
    if marker and marker.group() == ")":
        # nor «652)» closing the bracket the line before opened («(в 2023 году –» over «652), их посетили»)
        before = text[max(0, line_start - 100) : line_start]
        return before.rfind("(") <= before.rfind(")")
    return marker is not None


# Nouns of which a report means another reading than the dictionary's likeliest («Кружки и клубные
# формирования»: hobby groups, not mugs), where the word has that reading.
PREFERRED_NOUNS: dict[str, str] = {"кружка": "кружок"}


def _lemma(p: Parse, readings: list[Parse]) -> str:
    lemma = p.normal_form.replace("ё", "е")
    preferred = PREFERRED_NOUNS.get(lemma)
    return preferred if preferred and any(q.normal_form == preferred for q in readings) else lemma


def _noun(word: str, value: int | float | None = None) -> str | None:
    """Lemma of `word` when its most likely reading is a noun (ё written е)."""
    ps = parses(word.lower())
    resident = next((word[: len(word) - len(e)] + n for e, n in RESIDENT_PLURALS if word.endswith(e)), None)
    if word.islower() and resident and (not ps[0].is_known or all(NAMES & p.tag.grammemes for p in ps)):
        # a word in lower case is no name: «казанцев» is the surname Казанцев only in the dictionary; and the
        # dictionary's guess at a resident's name may be another word's («волгодонцев»: not «волгодонце»)
        return resident
    governed = _governed(value)
    if governed and (fits := [p for p in ps if p.tag.POS == "NOUN" and (p.tag.case, p.tag.number) == governed
                              and not (word.islower() and NAMES & p.tag.grammemes)]) and ps[0].tag.POS in _NOUNISH:
        return _lemma(fits[0], ps)
    if governed and any(p.tag.POS == "VERB" and p.is_known for p in ps):
        return None  # «из них 1 200 прибыли на теплоходе»: a verb, where a noun would be in the number's form
    if word.islower() and all(NAMES & p.tag.grammemes for p in ps):
        return None  # a name in lower case that no resident's ending makes a noun
    for p in ps:
        if p.tag.POS == "NOUN" and not (word.islower() and NAMES & p.tag.grammemes):
            return _lemma(p, ps)
        if p.tag.POS not in _NOUNISH and p.score > 0.4:
            return None
    return None


# A number's noun, or a short adjective, which cannot follow a number and so is another reading of a noun
# («саженцев»: саженец, not the short form of «саженцевый»).
_NOUNISH = frozenset({"NOUN", "ADJS"})


def _governed(value: int | float | None) -> tuple[str, str] | None:
    """The case and number a number in the nominative puts its noun in: «21 участник», «3 команды», «6 премьер»."""
    if not isinstance(value, int):
        return None
    if value % 10 == 1 and value % 100 != 11:
        return None  # nominative or accusative singular: too many readings to choose by
    return ("gent", "sing") if 2 <= value % 10 <= 4 and not 12 <= value % 100 <= 14 else ("gent", "plur")


def _substantive(word: str) -> str | None:
    """«учащихся» → «учащийся»: an adjective or participle that the dictionary marks as used as a noun."""
    for p in parses(word.lower()):
        if p.tag.POS in ("ADJF", "PRTF") and "Subx" in p.tag:
            form = p.inflect({"masc", "sing", "nomn"})
            return form.word.replace("ё", "е") if form else None
    return None


def _agrees(word: str, next_word: str) -> bool:
    """`word` can be an adjective of `next_word`: the same case and number, or, after 2–4, a plural
    adjective before a singular genitive noun («23 рабочие поездки»)."""
    forms = {(p.tag.case, p.tag.number) for p in parses(word.lower()) if p.tag.POS in ("ADJF", "PRTF")}
    nexts = parses(next_word.lower())
    if nexts[0].tag.POS not in ("NOUN", "ADJF", "PRTF"):
        return False
    heads = {(p.tag.case, p.tag.number) for p in nexts if p.tag.POS in ("NOUN", "ADJF", "PRTF")}
    return bool(forms & heads) or (("nomn", "plur") in forms and ("gent", "sing") in heads)


def _is_modifier(word: str) -> bool:
    p = parses(word.lower())[0]
    return p.tag.POS in ("ADJF", "PRTF", "NUMR") or "Anum" in p.tag


def _word_at(doc: Doc, i: int) -> tuple[str, int] | None:
    """The word starting at token i, joining hyphenated compounds («мастер-классов»); (word, next i)."""
    t = doc[i]
    if not t.is_alpha:
        return None
    word, j = t.text, i + 1
    while j + 1 < len(doc) and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_ \
            and doc[j + 1].is_alpha:
        word, j = f"{word}-{doc[j + 1].text}", j + 2
    return word, j


def counted_noun(doc: Doc, i: int, value: int | float | None = None) -> tuple[str, int] | None:
    """The counted noun's lemma and the char offset where it ends, starting the search at token i; of
    a noun's readings, the one in the form the number `value` puts it in («шесть премьер»: премьера)."""
    for _ in range(MAX_MODIFIERS + 1):
        wrapped = False
        while i < len(doc) and doc[i].is_space and doc[i].text.count("\n") < 2:
            if "\t" in doc[i].text or "  " in doc[i].text.split("\n", 1)[0]:
                return None  # «84<tab>сборная Ферганы», «14      лауреат»: the next cell is another column's
            wrapped, i = wrapped or "\n" in doc[i].text, i + 1  # «25\nстудентами»: a line wrapped after the number
        if i >= len(doc) or (wrapped and (doc[i].text[:1].isupper() or crosses_row(
                text_of(doc), max(0, text_of(doc).rfind("\n", 0, doc[i].idx) - 1), doc[i].idx + 1))):
            # a capital after a line break starts the next line («460\nАкция…»), as a table's does, and a table's
            # line ends its cells (past a wrapped cell's indentation)
            return None
        abbreviated = _abbreviation_at(doc, i)
        if abbreviated:
            key, end, nxt = abbreviated
            if key in NOUN_ABBREVIATIONS:
                return NOUN_ABBREVIATIONS[key], end
            return counted_noun(doc, nxt, value) or (COUNTING_WORDS[key], end)
        found = _word_at(doc, i)
        if found is None:
            return None
        word, nxt = found
        if word[0].isupper() and i and doc[i - 1].text.endswith("."):
            return None  # «300 тыс. Спонсоры…»: after an abbreviation's period a capital starts a sentence
        lemma = _hyphen_lemma(word) if "-" in word else _noun(word, value)
        end = doc[nxt - 1].idx + len(doc[nxt - 1].text)
        # «рабочие поездки», «омских муниципальных библиотек»: a word the next one agrees with is its adjective
        modifies = nxt < len(doc) and doc[nxt].is_alpha and doc[nxt].text.islower() and _agrees(word, doc[nxt].text)
        if lemma and not modifies and not (_is_modifier(word) and nxt < len(doc) and doc[nxt].is_alpha):
            return lemma, end
        first = parses(word.lower())[0]
        if (substantive := _substantive(word)) and (not modifies or (first.is_known and not (
                first.tag.POS == "ADJF" and parses(doc[nxt].text)[0].tag.POS == "NOUN"))):
            # «46 учащихся МАОУ СОШ № 14», «25 учащихся тольяттинских колледжей»: a word used as a noun is
            # the counted one, though the words after it could agree with it as an adjective; an adjective
            # before a noun is that noun's («146 одиноких ветеранов»), a participle stays one («учащихся школ»)
            return substantive, end
        if not _is_modifier(word) and not modifies:
            return None
        i = nxt
        if i + 1 < len(doc) and doc[i].text == "и" and _is_modifier(doc[i + 1].text):
            i += 1  # «486 официальных физкультурных и спортивных мероприятий»
    return None


def _modifiers(doc: Doc, i: int) -> tuple[int | None, int]:
    """Where the adjectives in small letters from token i end (None if there are none), and the next token."""
    end = None
    while i < len(doc) and doc[i].is_alpha and doc[i].text.islower() and _is_modifier(doc[i].text) \
            and parses(doc[i].text.lower())[0].tag.POS != "NUMR":
        end, i = doc[i].idx + len(doc[i].text), i + 1
    return end, i


def _modifiers_end(doc: Doc, i: int) -> int | None:
    """Where adjectives from token i end when a comma or «и» follows them, and so another number's noun is
    theirs («12 золотых, 8 серебряных и 5 бронзовых медалей»)."""
    end, i = _modifiers(doc, i)
    return end if end is not None and i < len(doc) and doc[i].text in (",", "и") else None


def _shared_noun(doc: Doc, runs: list[tuple[int, int, int | float, int]], k: int) -> str | None:
    """The noun of the numbers after run k that end a list of numbers with adjectives, if they do: each after
    the last's adjectives and a comma or «и» (not «3 серебряные и 1 бронзовую, а команда заняла 1 место»)."""
    text = text_of(doc)
    last = _modifiers_end(doc, runs[k][3])
    for j in range(k + 1, min(len(runs), k + 6)):
        if last is None or not _LIST_GAP.fullmatch(text, last, qualifier_before(text, runs[j][0])[1]):
            return None
        if noun := counted_noun(doc, runs[j][3]):
            return noun[0]
        last = _modifiers_end(doc, runs[j][3])
    return None


_LIST_GAP = re.compile(r"\s*(?:,\s*(?:и\s+)?|и\s+|или\s+)", re.IGNORECASE)  # before the number's qualifier


def _is_label(value: int | float, word: str) -> bool:
    """«в 203 микрорайоне»: a number before a singular noun in a case a count would not put it in, which
    makes the number a label or an ordinal. After a number ending in 1 the noun is singular in any case."""
    if not isinstance(value, int) or (value % 10 == 1 and value % 100 != 11):
        return False
    nouns = [p for p in parses(word.lower()) if p.tag.POS == "NOUN"]
    return bool(nouns) and all(p.tag.number == "sing" and p.tag.case not in ("gent", "nomn", "accs") for p in nouns)


def _abbreviation_at(doc: Doc, i: int) -> tuple[str, int, int] | None:
    """An abbreviated noun or counting word at token i, as one token («чел.») or a word and its period
    («ед» «.»): (its key, the char offset where it ends, the next token)."""
    t = doc[i]
    key = t.text.lower().rstrip(".")
    if key not in NOUN_ABBREVIATIONS and key not in COUNTING_WORDS:
        return None
    if not t.text.endswith(".") and i + 1 < len(doc) and doc[i + 1].text == "." and not t.whitespace_:
        return key, doc[i + 1].idx + 1, i + 2
    return key, t.idx + len(t.text), i + 1


def _hyphen_lemma(word: str) -> str | None:
    lemma = compound_lemma(word) if _noun(word.rpartition("-")[2]) else None
    return lemma.replace("ё", "е") if lemma else None


def _number_runs(doc: Doc) -> list[tuple[int, int, int | float, int]]:
    """(start char, end char, value, next token index) of every candidate number in the doc."""
    # spaCy builds a Token object on every access: read the words once here, not at every look below
    starts = [t.idx for t in doc]
    words = [t.text if t.is_alpha else None for t in doc]
    runs: list[tuple[int, int, int | float, int]] = []
    text = text_of(doc)
    for m in DIGITS.finditer(text):
        s, e = m.span()
        glued_before = s > 1 and text[s - 1] == "-" and text[s - 2].isalpha()  # «Библионочь-2023»
        if LABEL_BEFORE.search(text, max(0, s - 4), s) or glued_before or LABELS_BEFORE.search(text, max(0, s - 30), s):
            continue
        if (e < len(text) and text[e].isalpha()) or text[e : e + 1] in ("%", ":") or text[e : e + 2] == " %" \
                or _is_list_marker(text, s, e) or _SCORE_BEFORE.search(text, max(0, s - 2), s) \
                or on_page_number_line(text, s):
            continue
        glued = _HYPHEN_WORD.match(text, e)
        if glued:
            if glued.group(1).lower() not in CARDINAL_ENDINGS:
                continue
            e = glued.end()
        value = digits_value(m.group())
        i = k = bisect.bisect_left(starts, e)
        if k + 1 < len(doc) and doc[k].is_space and (doc[k].text in _THIN_SPACES or (
                doc[k].text.count("\n") == 1 and not crosses_row(text, e, doc[k + 1].idx))):
            # «около 6,7\nтыс. жителей»: a line wrapped after the number, before its thousands; «47\u2009тыс.
            # человек»: a thin or no-break space, which the tokenizer keeps as a token
            k += 1
        if k < len(doc):
            mult = (multiplier_value(doc[k].text) or collective_value(doc[k].text)
                    if doc[k].is_alpha or doc[k].text.endswith(".") else None)
            if mult:
                value, e, i = value * mult, doc[k].idx + len(doc[k].text), k + 1
        value = _amount(value)
        # «1 млн 170 тыс.», «6 тыс. 820 человек»: a number in millions or thousands and the rest after it
        larger = _LAST_WORD.search(text, runs[-1][0], runs[-1][1]) if runs else None
        unit = multiplier_value(larger.group()) if larger else None
        if unit and value < unit and not runs[-1][2] % unit and not text[runs[-1][1] : s].strip():
            runs[-1] = (runs[-1][0], e, runs[-1][2] + value, i)
            continue
        runs.append((s, e, value, i))
    consumed = {k for s, e, _, _ in runs for k in range(bisect.bisect_left(starts, s), bisect.bisect_left(starts, e))}
    i = 0
    while i < len(words):
        if i in consumed:
            i += 1
            continue
        j, values = i, []
        while j < len(words):
            if (word := words[j]) is None:
                if values and j + 1 < len(words) and words[j + 1] is not None and doc[j].is_space \
                        and doc[j].text.count("\n") == 1 and not crosses_row(text, starts[j - 1], starts[j + 1]):
                    j += 1  # «сто\nдвадцать семь человек»: a line wrapped inside the numeral
                    continue
                break
            v = word_value(word) if not word[0].isupper() or j == i else None
            v = v if v is not None else multiplier_value(word)
            if v is None and values and values[-1] % 10 == 0 and 20 <= values[-1] % 100 and is_one(word):
                v = 1  # «сорока одного», «ста двадцати одной»
            if v is None and values and 0 < values[-1] < 1000 and tuple(w and w.lower() for w in words[j : j + 2]) \
                    == AND_A_HALF:
                values[-1] += 0.5  # «двух с половиной тысяч»
                j += 2
                continue
            if v is None and (collective := collective_value(word)):
                if values:
                    values[-1] *= collective  # «двух десятков»
                elif qualifier_before(text, starts[j])[0] != "exact":
                    values.append(collective)  # «около сотни»
                else:
                    break
                j += 1
                continue
            if v is None:
                break
            values.append(v)
            j += 1
        while j > i and words[j - 1] is None:
            j -= 1  # not the line's end after the last numeral
        if values:
            runs.append((starts[i], starts[j - 1] + len(words[j - 1] or ""), combine(values), j))
            i = j
        else:
            i += 1
    return sorted(runs)


@Language.component("archive_counts")
def counts_component(doc: Doc) -> Doc:
    text = text_of(doc)
    last_unit: dict[tuple[int, int], str] = {}
    runs = _number_runs(doc)
    # Two numbers of one noun: «от 50 до 100 команд», «10–15 человек» give its bounds; «с 50 до 100 человек»
    # a change, from one exact number to another.
    pairs = [_pair(text, runs[k], runs[k + 1]) if k + 1 < len(runs) else None for k in range(len(runs))]
    quoted = _quoted(text)
    previous: tuple[int, str, int, int] | None = None  # the last count's end, noun, thousands and start
    units: dict[tuple[int, int], list[str]] = {}  # a sentence's counted nouns, in order
    # «(в 2022 году — 2 051 и 89,7 тыс. соответственно)»: where the year before's figures of two counts start
    respective = {m.start("a"): m.start("b") for m in _RESPECTIVELY.finditer(text)} \
        if "соответственно" in text else {}
    respective_pairs: dict[int, list[str]] = {}  # the second figure's start → the two nouns
    for k, (s, e, value, i) in enumerate(runs):
        if overlaps(doc, s, e, "date", "money") or any(qs < s < qe and not in_later_cell(text, qs, s)
                                                          for qs, qe in quoted):
            # a number in a «quoted name» is part of the name («фестиваль «Два берега»»), but not a number a
            # table's later column holds beside a name wrapped onto the next line
            continue
        sentence = sentence_of(doc, s)
        year_earlier = _YEAR_EARLIER.match(text, e) is not None
        noun = None if year_earlier else counted_noun(
            doc, runs[k + 1][3] if pairs[k] else i, runs[k + 1][2] if pairs[k] else value)
        if noun is None and (shared := _modifiers_end(doc, i)) is not None and (unit := _shared_noun(doc, runs, k)):
            noun = unit, shared  # the noun of the last in a list of numbers with adjectives
        if noun is None and s in respective and len(counted := units.get(sentence, [])) >= 2:
            respective_pairs[respective[s]] = counted[-2:]  # the two counts before, in their order
            noun = counted[-2], e
        elif noun is None and s in respective_pairs:
            noun = respective_pairs[s][1], e
        if noun is None and previous and _YEAR_BEFORE_BRACKET.fullmatch(text, previous[0], s) \
                and text[e : e + 1] == ")":
            # «412 мероприятий (586)», «52,3 тыс. зрителей (97,8)», «1 846 мероприятий (в 2021 году — 1 512)»: the
            # year before's figure, in the same thousands
            noun = previous[1], e
            value = _amount(value * previous[2]) if previous[2] > 1 and value < previous[2] else value
        if noun is None and previous and _FROM_WHOLE.search(text, max(0, previous[3] - 4), previous[3]) \
                and _WORDS_BETWEEN.fullmatch(text, previous[0], s):
            # «из 215 предметов 64 поступили впервые», «Из 31 выпускника городской школы 12 поступили»: a part of
            # the whole before it
            noun = previous[1], e
        if noun is None and (_ends_phrase(doc, last := runs[k + 1][3] if pairs[k] else i)
                             or doc[last].text in ("и", "|")):
            # «количество онлайн-просмотров превысило 640 тысяч», a table's «Количество участников»; a change's
            # first figure where its second ends the phrase («число формирований увеличилось с 118 до 124»)
            if (unit := _number_of(text, sentence[0], s)) is None and (
                    column := _column_of(text, s, e, doc.user_data.get("before", ""))):
                unit, factor = column
                value = round(value * factor) if factor > 1 else value
            noun = (unit, e) if unit else None
        if noun is None:
            # Elliptical: «в 2022 году — три площадки, в 2023 году — семь» counts площадки again, and
            # «17 медалей, в том числе пять золотых» медали. Only after a dash, a comma, «из них» or «в том
            # числе», or before «из них» («— семь», «— около 33,4 тыс.», «в том числе 11 — из Оренбурга», «более
            # 1 100 из них»): in «посещений зафиксировано 612 700» the noun stands before the number.
            before = qualifier_before(text, s)[1]
            intro = _ELLIPSIS_INTRO.search(text, max(0, before - 16), before)
            # «около 38 тыс. человек, из них в самом городе проживает почти 32 тысячи»: a part of the count before,
            # the clause's last words
            part = previous is not None and previous[0] >= sentence[0] and _OF_THEM_CLAUSE.fullmatch(
                text, previous[0], before)
            beside_dash = intro or part or _DASH_AFTER.match(text, e) or _OF_THEM.match(text, e)
            adjectives = _adjectives_end(doc, i)
            if adjectives is not None and (intro or _AND_BEFORE.search(text, max(0, before - 3), before)):
                # «из них восемь иностранных», «две золотые медали и одну серебряную»: the noun before
                if (unit := _noun_before(doc, intro.start() if intro else before, last_unit.get(sentence))) is None:
                    continue
                end = adjectives
            elif not (_ends_phrase(doc, i) or _OF_THEM.match(text, e) or (
                    intro and i < len(doc) and (_preposition(doc, i) or _may_be_verb(doc[i])
                                                or year_earlier or (intro.group()[:1].isalpha()
                                                                    and _adverb(doc, i))))) or not beside_dash:
                continue
            elif sentence in last_unit:
                unit, end = last_unit[sentence], e
            elif _OF_THEM.match(text, e) and last_unit and _SENTENCE_GAP.fullmatch(text, max(last_unit)[1] - 1, before):
                # «3 108 выпускников; 42 из них…»: the sentence splitter cut at the semicolon; «…провела 412
                # мероприятий. Сорок восемь из них прошли…»: the sentence before's count, the number first in its own
                unit, end = last_unit[max(last_unit)], e
            else:
                continue
        else:
            unit, end = noun
        if unit in NOT_COUNTED or (unit in RANKS and value <= RANKS[unit]) or _is_label(value, text[s:end].split()[-1]):
            continue
        if not float(value).is_integer() and not (pairs[k] and _thousands_of(text, runs[k + 1]) > 1):
            continue  # «10.09» in a table's cell of dates: things are counted in whole numbers
        if (digits := DIGITS.match(text, s)) and _ZERO_FRACTION.search(digits.group()) \
                and value == digits_value(digits.group()):
            continue
        if unit in GRADES and value <= GRADES[unit] and (
                pairs[k] or (k and pairs[k - 1]) or _PUPILS_BEFORE.search(text, max(0, s - 25), s)):
            continue
        qualifier, start = qualifier_before(text, s)
        if pairs[k]:
            # the first number is a record of its own, beside the second whose noun it counts, in the second's
            # thousands where it has none of its own («с 4,2 до 11,9 тысячи человек»)
            qualifier, start, end = pairs[k], s, e
            if _thousands_of(text, runs[k]) == 1:
                value = _amount(value * _thousands_of(text, runs[k + 1]))
            if qualifier == "at_least" and (m := _FROM.search(text, max(0, s - 4), s)):
                start = m.start()
        elif k and pairs[k - 1]:
            qualifier, start = ("at_most", start) if pairs[k - 1] == "at_least" else ("exact", s)
        last_unit[sentence] = unit
        units.setdefault(sentence, []).append(unit)
        previous = end, unit, _thousands_of(text, runs[k]), start
        add(doc, Mention("count", start, end, {"value": value, "qualifier": qualifier, "unit": unit}))
    return doc


def _quoted(text: str) -> list[tuple[int, int]]:
    """Spans of «quoted» text, outermost pairs."""
    spans, depth, opened = [], 0, 0
    for m in _GUILLEMET.finditer(text):
        if m.group() == "«":
            opened = m.start() if depth == 0 else opened
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                spans.append((opened, m.end()))
    return spans


_GUILLEMET = re.compile("[«»]")
_YEAR_EARLIER = re.compile(A_YEAR_EARLIER)
_OF_THEM = re.compile(r"\s+из\s+(?:них|которых)(?![а-яё])")
_OF_THEM_CLAUSE = re.compile(r",\s+из\s+(?:них|которых)\s[^\d,;:.()«»—–-]{0,60}")
# A verb that gives a number to «количество/число …» before it, and the qualifiers between the two.
_QUANTITY_VERB = re.compile(
    r"(?<![а-яё])(?:состав|превы[сш]|достиг|вырос|возрос|увелич|сократ|сниз|насчитыва)[а-яё]*\s+"
    r"(?:со?\s+\d[\d \u00a0\u2009,]*\s+)?"  # «увеличилось с 118 до 124», «со 168 до 214»: both figures count
    r"(?:(?:на|до|со?|почти|более|свыше|около|порядка|примерно|не|менее|уже|лишь|всего)\s+){0,3}$", re.IGNORECASE)
# «Иностранных туристов — 36», «; зрителей — около 500»: a plural's genitive, with an adjective, opening the clause
_PLURAL_DASH = re.compile(r"(?:^|[;:,(]\s*)(?:[А-ЯЁа-яё]+(?:ых|их)\s+)?([А-ЯЁа-яё]+)\s[–—]\s+$")
_NUMBER_OF = re.compile(r"(?<![а-яё])(?:(?:количеств|числ)[оаеу]|кол-во)\s+", re.IGNORECASE)
# «число читателей — около 6 400», «общее число зрителей и участников — более чем 31 тысяча»: a dash for the
# verb (not «в том числе ансамбль … – 392 тыс.»)
_NUMBER_OF_DASH = re.compile(r"(?<![а-яё])(?<!том\s)(?:количеств|числ)[оаеу]\s+[а-яё -]{3,60}?\s[–—]\s+$",
                             re.IGNORECASE)
# Nouns that a heading counting people («, чел.») names only as people with another noun («Участники и
# зрители, чел.»). The annotators are split on «Участники, чел.» (144 cells of the written gold count
# «участник», 110 «человек»), and «Участники обменов, чел.» or «Иногородние участники, чел.» are participants
# to nearly all. Most count «Посетители, чел.» or «Экскурсанты, чел.» as visitors and sightseers.
PEOPLE_AS_SUCH: frozenset[str] = frozenset({"участник"})
# A column of numbers of people: «Численность, чел.», «Участники, человек», «Посетители (тыс. чел.)»
_PEOPLE_HEADER = re.compile(r"^численность|(?<![а-яё])чел(?:\.|овек)?\)?$", re.IGNORECASE)
# What a heading says of its numbers after its noun: «, чел.», «(тыс. чел.)», «, ед.»
_HEADING_MEASURE = re.compile(r"\s*[,(]\s*(?:тыс\.?\s*)?(?:чел(?:\.|овек)?|ед(?:\.|иниц)?|шт\.?)\s*\)?\s*$",
                              re.IGNORECASE)
_MEASURE_HEADING = re.compile(
    r"[,(]\s*(?:(?:тыс|млн)\.?\s*)?(?:т|тонн[а-я]*|кг|км|м|га|л|%|куб\.\s*м|м[23²³])\.?\s*\)?\s*$|^\s*%",
    re.IGNORECASE)  # and «% исполнения»
# «12,0», «100,0»: a figure written to a tenth is a measure (a share, a change), unless thousands make it a count
_ZERO_FRACTION = re.compile(r"[,.]0+$")
_THOUSANDS = re.compile(r"[,(]\s*тыс(?:\.|яч[а-я]*)?(?![а-яё])", re.IGNORECASE)  # «, тыс. чел.», «Посещения, тыс.»
_FROM_WHERE = re.compile(r"(?:из|от|с|со)\s", re.IGNORECASE)  # «из Казахстана», «из других регионов»
_OF_THEM_HEAD = re.compile(r"^(?:из\s+них|в\s+т\.\s*ч\.|в\s+том\s+числе)\s*", re.IGNORECASE)
_WORD = re.compile(r"[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*")
_UNIT_AFTER_COMMA = re.compile(r",\s*([а-яё]+(?:-[а-яё]+)*)\s*$")
# «Книговыдача, тыс. экз.», «Поступило новых документов, экз.»: a unit abbreviated after the comma is what the
# numbers count (people, «чел.», are the people a heading names, below)
_ABBREVIATED_UNIT = re.compile(
    rf"[,(]\s*(?:тыс\.?\s*)?({'|'.join(k for k in NOUN_ABBREVIATIONS if k != 'чел')})\.?\s*\)?\s*$", re.IGNORECASE)
# «3,1 тыс. человек против более 8,5 тыс. в 2019 году», «6 судов вместо 38»: a comparison counts the same noun,
# and so does a part of a whole («12 делегатов из 56») and a number added («1 860 человек, ещё около 4 тысяч»)
_ELLIPSIS_INTRO = re.compile(r"(?:[-–—,:;]|(?<![а-яё])из(?:\s+(?:них|которых))?|(?<![а-яё])в\s+том\s+числе"
                             r"|(?<![а-яё])(?:против|вместо|ещё|еще))\s*$", re.IGNORECASE)
_LAST_WORD = re.compile(r"[а-яё]+\.?$", re.IGNORECASE)
_SENTENCE_GAP = re.compile(r"[;.]\s*")
_AND_BEFORE = re.compile(r"(?<![а-яё])и\s+$")
_DASH_AFTER = re.compile(r"\s*[–—-]\s")
_DASH_GAP = re.compile(r"\s*[-–—]\s*")
_TO_GAP = re.compile(r"\s+до\s+", re.IGNORECASE)
_FROM = re.compile(r"(?<![а-яё])от\s+$", re.IGNORECASE)
# «Туристский поток по объектам показа (число посетителей)»: a caption's «number of» after a bracket or a comma
_NUMBER_OF_IN = re.compile(r"[(,]\s*(?:количеств|числ)[оа]\s", re.IGNORECASE)
_FROM_WHOLE = re.compile(r"(?<![а-яё])из\s+$", re.IGNORECASE)
_WORDS_BETWEEN = re.compile(r"\s+(?:[а-яё]+\s+){0,3}")  # small letters only: no clause, no name between
_CHANGE_FROM = re.compile(r"(?<![а-яё])со?\s+$", re.IGNORECASE)  # «с 118 до 124», «со 168 до 214»
# Between a count and the year before's figure in brackets after it: « (», « (в 2021 году — »
_YEAR_BEFORE_BRACKET = re.compile(r" \((?:(?:в|за)\s+(?:19|20)\d\d\s*(?:году|г\.)\s*[—–-]\s*)?")


def _thousands_of(text: str, run: tuple[int, int, int | float, int]) -> int:
    """The multiplier a number's words give it («11,9 тысячи»: 1,000), 1 where it has none."""
    s, _, value, _ = run
    digits = DIGITS.match(text, s)
    written = digits_value(digits.group()) if digits else value
    return round(value / written) if written and value != written else 1


def _amount(value: int | float) -> int | float:
    value = round(value, 6)  # «33,4 тыс.»: 33.4 × 1000 is 33399.999999999996 in binary floating point
    return int(value) if float(value).is_integer() else value


def _pair(text: str, first: tuple[int, int, int | float, int], second: tuple[int, int, int | float, int]
          ) -> str | None:
    """The first number's qualifier when the second follows it as the other end of one figure, else None."""
    s, e = first[0], first[1]
    if "   " in text[e : second[0]] or "\t" in text[e : second[0]]:
        return None  # two cells of a table's row («9 864      -12,0»)
    if _DASH_GAP.fullmatch(text, e, second[0]) or (_TO_GAP.fullmatch(text, e, second[0])
                                                    and _FROM.search(text, max(0, s - 4), s)):
        return "at_least"
    if _TO_GAP.fullmatch(text, e, second[0]) and _CHANGE_FROM.search(text, max(0, s - 4), s):
        return "exact"
    return None


def _number_of(text: str, sentence_start: int, s: int) -> str | None:
    """The counted noun of «количество/число X» when a verb of quantity gives it the number at `s`
    («Количество судозаходов составило 2 684», «число посещений выросло почти на 12 тысяч»), or a growth to it
    («увеличить к 2024 году число посещений учреждений культуры до 80 тысяч»), or of a plural that opens the
    clause before a dash («Иностранных туристов — 36»)."""
    before = qualifier_before(text, s)[1]
    if _TO_BEFORE.search(text, max(sentence_start, s - 5), s):
        growth = max(_GROWTH_OF.finditer(text, sentence_start, s), key=lambda m: m.start(), default=None)
        if growth and not _DIGIT.search(text, growth.end(), before - 4):  # the last one, no figure between
            return _noun_after(text, growth.end())
    if (dash := _PLURAL_DASH.search(text[sentence_start:before])) and _plural_genitive(dash[1]):
        return _noun(dash[1])
    verb = _QUANTITY_VERB.search(text, sentence_start, s) or _NUMBER_OF_DASH.search(
        text, max(sentence_start, s - 80), before)
    subjects = list(_NUMBER_OF.finditer(text, sentence_start, verb.start() + 6)) if verb else []
    if not subjects:
        return None
    return _noun_after(text, subjects[-1].end())  # the last one before the verb


_FIGURE = r"\d[\d \u00a0\u2009\u202f]*(?:,\d+)?(?:\s*тыс\.?)?"
_RESPECTIVELY = re.compile(rf"\((?:в|за)\s+(?:19|20)\d\d\s*(?:году|г\.)\s*[—–-]\s*(?P<a>{_FIGURE})\s+и\s+"
                           rf"(?P<b>{_FIGURE})\s+соответственно\)", re.IGNORECASE)
# A growth of a number to a figure, the target of a plan: «увеличение числа посещений», «доведение количества
# зрителей», «Рост числа посещений учреждений культуры до 100 тыс.»
_GROWTH_OF = re.compile(r"(?<![а-яё])(?:увелич|рост|доведени|довести|повышени|повысить)[а-яё]*\s+"
                        r"(?:к\s+(?:19|20)\d\d\s+году\s+)?(?:(?:числ|количеств)[оау]|кол-во)\s+", re.IGNORECASE)
_TO_BEFORE = re.compile(r"(?<![а-яё])до\s+$", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_ROW_NUMBERS = re.compile(r"\s*(?:(?:№|No\.?|N)\s*(?:п/п|пп)?|п/п|пп)\s*", re.IGNORECASE)  # not an empty header


def _column_of(text: str, s: int, e: int, before: str) -> tuple[str, int] | None:
    """The counted noun of a number alone in a table's cell (with its qualifier), and the factor its heading
    gives it: its column's heading, or its row's first cell where the column is a year's («2019 год»)."""
    heading = heading_of(text, s, e)
    if heading is None or text[heading.cell_start : qualifier_before(text, s)[1]].strip() \
            or text[e : heading.cell_end].strip():
        return None
    if _MEASURE_HEADING.search(heading.text) or _ROW_NUMBERS.fullmatch(heading.text):
        return None  # «Вылов, т», «Доля, %»: a measure; «№ п/п»: the rows' numbers
    named = _HEADING_MEASURE.sub("", _OF_THEM_HEAD.sub("", heading.text))
    of_them = _OF_THEM_HEAD.match(heading.text) is not None  # «в т.ч. …», «из них …»: a part of another's
    named_noun = _heading_noun(named) if of_them else None
    if of_them and _FROM_WHERE.match(named.strip()):
        # «Отдыхающие | в т. ч. из Казахстана, тыс. чел.»: a part of the column before's, by where they came from
        before_noun = next((found for h in headers_before(text, s) if (found := _heading_noun(h))), None)
        if before_noun:
            return before_noun[0], 1_000 if _THOUSANDS.search(heading.text) else 1
    if of_them and heading.text != row_label(text, s) and not named_noun:
        # «Мероприятий | Участники, чел. | в т.ч. онлайн»: a part of a column before's, by how they were held; of
        # people where the heading counts people, else of things
        people = bool(_PEOPLE_HEADER.search(heading.text))
        nouns = [found for h in headers_before(text, s) if (found := _heading_noun(h))]
        if found := next((n for n in nouns if _animate(n[0]) == people), nouns[0] if nouns else None):
            return found[0], 1_000 if _THOUSANDS.search(heading.text) else 1
    if of_them and heading.text == row_label(text, s) and named_noun is None:
        # «Принято делегаций | 5» over «  в т.ч. иностранных | 2», «Туристы и экскурсанты, чел. | 18 640» over «  в
        # т.ч. иностранные, чел. | 212»: a part of the row above's, in this row's thousands
        own = _heading_noun(heading.text)  # of its measure alone («, чел.»), if it has one
        above = next((found for label in labels_above(text, s)
                      if not _OF_THEM_HEAD.match(label) and (found := _heading_noun(label))), None)
        if above or own is None:
            return (above[0], (own or above)[1]) if above else None
    if found := _heading_noun(heading.text):
        if not _animate(found[0]) and not _HEADING_MEASURE.search(heading.text) \
                and (caption := caption_of(text, s, before)) and _PEOPLE_HEADER.search(caption):
            # «Событийные мероприятия | 14 500» under years, in «Число посетителей объектов показа, чел.»: the
            # people the row's events had; «Организованные группы | 1 120» in «Туристский поток, чел.»: the people
            # in them
            return _caption_noun(caption) or found
        return found
    if (words := _WORD.findall(named)) and all(_is_modifier(w) and "Apro" not in parses(w.lower())[0].tag
                                               for w in words):
        # «Всего туристов | в т.ч. иностранных»: the noun of the column before (not «Всего»'s)
        if found := next((found for h in headers_before(text, s) if (found := _heading_noun(h))), None):
            return found
    if (label := row_label(text, s)) and label != heading.text and (found := _heading_noun(label)):
        # a column headed by no noun («Федерального значения», «Онлайн»): the row's label names its numbers
        return found
    # where the heading names none («Ирбитский музей мотоциклов» in a row under months), the table's caption
    # («Таблица 1. Посещаемость музеев, чел.»)
    return _caption_noun(caption) if (caption := caption_of(text, s, before)) else None


def _animate(noun: str) -> bool:
    return parses(noun)[0].tag.animacy == "anim"


def _caption_noun(caption: str) -> tuple[str, int] | None:
    """What a table's caption says its numbers count: people its first noun for people names («Иностранные
    туристы по странам (чел.)», «Распределение посетителей по странам, человек»), else as a heading says."""
    found = _heading_noun(caption)
    if found is None and (number_of := _NUMBER_OF_IN.search(caption)):
        found = _heading_noun(caption[number_of.start() + 1 :].strip())  # «число посетителей» is a heading
    if found and found[0] == "человек":
        for word in _WORD.findall(caption):
            if any(p.tag.POS == "NOUN" and p.tag.number == "plur" and p.tag.animacy == "anim"
                   and p.tag.case in ("nomn", "gent") and not NAMES & p.tag.grammemes
                   for p in parses(word.lower())[:2]):
                noun = _noun(word)
                return ("человек" if not noun or noun in PEOPLE_AS_SUCH else noun), found[1]
    return found


def _heading_noun(heading: str) -> tuple[str, int] | None:
    """What a table's heading says its numbers count: «Количество/Число X», «X, чел.», «X (тыс. чел.)», «X, ед.»,
    a noun in the plural first («Экскурсии», «Из них дети», «Участники мероприятий»), a noun in the genitive
    plural after a verb («Проведено экскурсий», «Принято официальных делегаций»), people of a place («Музей
    истории, тыс. чел.»)."""
    factor = 1_000 if _THOUSANDS.search(heading) else 1
    if _MEASURE_HEADING.search(heading) or is_period(heading):
        return None  # «Грузов, тыс. т»: a measure, not things counted; «Май»: a row's period
    if unit := _ABBREVIATED_UNIT.search(heading):
        return NOUN_ABBREVIATIONS[unit[1].lower()], factor
    if subject := _NUMBER_OF.match(heading):
        noun = _noun_after(_HEADING_MEASURE.sub("", heading), subject.end())
        return (noun, factor) if noun else None
    if (number_of := _NUMBER_OF_IN.search(heading)) and heading[number_of.start()] == "(":
        # «Клубные формирования (число участников, включая детей)»: the bracket says what is counted
        return _heading_noun(heading[number_of.start() + 1 :])
    named = _HEADING_MEASURE.sub("", _OF_THEM_HEAD.sub("", heading)).strip()
    if _PEOPLE_HEADER.search(heading) and (not named or named.lower().startswith("численност")):
        return "человек", factor  # «Численность, чел.»: people as such
    words = _WORD.findall(named)
    if words and parses(words[0].lower())[0].tag.POS in ("PRTS", "VERB"):
        # «Проведено экскурсий», «Размещено туристов, чел.», «Принято официальных делегаций»; with no noun after
        # the verb, the people a heading names («Доставлено на месторождение, чел.»)
        if noun := _noun_after(named, named.index(words[0]) + len(words[0])):
            return noun, factor
        return ("человек", factor) if _PEOPLE_HEADER.search(heading) else None
    if not _PEOPLE_HEADER.search(heading) and not _HEADING_MEASURE.search(heading) \
            and (unit := _UNIT_AFTER_COMMA.search(heading)) and _plural_genitive(unit[1]):
        # «Номерной фонд, койко-мест», «Библиотеки с филиалами, посещений»: the unit its numbers count, after the
        # comma, over a noun before it
        return (_hyphen_lemma(unit[1]) if "-" in unit[1] else _noun(unit[1])), factor
    # the adjectives before it («Клубные формирования», «Межрегиональные и международные мероприятия, ед.»)
    first = next((k for k, w in enumerate(words) if not (_is_modifier(w) or w.lower() == "и")), 0)
    noun = _noun(words[first]) if words else None
    readings = parses(words[first].lower()) if words else []
    if noun and any(p.tag.POS == "NOUN" and p.tag.number == "plur" and p.tag.case in ("nomn", "gent")
                    and _lemma(p, readings) == noun for p in readings[:3]) and all(
            any(p.tag.number == "plur" for p in parses(w.lower())[:3]) for w in words[:first]
            if w.lower() != "и" and "Apro" not in parses(w.lower())[0].tag):
        # «Участники, чел.», «Экскурсии, ед.», «Из них дети (чел.)», «Мероприятий», «Участники мероприятий»,
        # «Мероприятий в онлайн-формате»; a plural of the noun read, not of another word («зал»: «зала»); not
        # after an adjective only in the singular: «Федерального значения» (of federal rank) counts nothing,
        # «Всего туристов» does
        # «Участники и гости, чел.»: people as such; «Участники, чел.» counts participants (144 of 254 such cells in
        # the written gold)
        as_such = noun in PEOPLE_AS_SUCH and _PEOPLE_HEADER.search(heading) and len(words) > 1 \
            and words[1].lower() == "и"
        return ("человек" if as_such else noun), factor
    if _PEOPLE_HEADER.search(heading):
        # «Отдыхающие, тыс. чел.»: a word used as a noun names them; «Музей истории, тыс. чел.»: the people a
        # place had
        return (words and _substantive(words[0])) or "человек", factor
    return None


def _plural_genitive(word: str) -> bool:
    """`word` may be a noun's genitive plural («туристов», «койко-мест»), not an abbreviation («чел»)."""
    return any(p.tag.POS == "NOUN" and p.tag.number == "plur" and p.tag.case == "gent" and "Abbr" not in p.tag
               for p in parses(word.lower())[:2])


def _noun_after(text: str, pos: int) -> str | None:
    """The first noun from `pos` on, past its adjectives: «культурно-массовых мероприятий» → мероприятие."""
    words = _WORD.findall(text, pos, pos + 80)[: MAX_MODIFIERS + 1]
    for k, word in enumerate(words):
        if not _is_modifier(word):
            return _hyphen_lemma(word) if "-" in word else _noun(word)
        # «Количество отдыхающих, чел.»: a participle used as a noun, not an adjective of the word after it
        if (k + 1 == len(words) or not _agrees(word, words[k + 1])) and (substantive := _substantive(word)):
            return substantive
    return None


def _adjectives_end(doc: Doc, i: int) -> int | None:
    """Where the adjectives from token i end when no noun follows them («пять золотых.», «7 иностранных;»)."""
    end, i = _modifiers(doc, i)
    # or «и» and the next number («3 серебряные и 1 бронзовую»)
    and_number = i + 1 < len(doc) and doc[i].text == "и" and doc[i + 1].text[:1].isdigit()
    return end if end is not None and (_ends_phrase(doc, i) or _preposition(doc, i) or and_number) else None


def _noun_before(doc: Doc, offset: int, counted: str | None = None) -> str | None:
    """The lemma of the nearest noun in small letters before `offset`, within a few words: what an
    elliptical number with adjectives counts («19 делегаций, из них восемь иностранных», «получили дипломы,
    в том числе 4 золотых»). A noun after a preposition is where or how, and the noun `counted` before in the
    sentence is meant («17 медалей на всероссийских соревнованиях, из них 5 золотых»)."""
    words = [t for t in doc if t.idx < offset and t.is_alpha][-8:]
    for k in range(len(words) - 1, -1, -1):
        t = words[k]
        p = parses(t.text.lower())[0]
        if t.text.islower() and p.tag.POS == "NOUN" and not NAMES & p.tag.grammemes:
            lemma = p.normal_form.replace("ё", "е")
            j = k - 1
            while j >= 0 and (_is_modifier(words[j].text) or words[j].text == "и"):
                j -= 1
            if counted and j >= 0 and parses(words[j].text.lower())[0].tag.POS == "PREP":
                return counted
            return None if lemma in NOT_COUNTED else lemma
    return None


def _preposition(doc: Doc, i: int) -> bool:
    return i < len(doc) and parses(doc[i].text.lower())[0].tag.POS == "PREP"


def _ends_phrase(doc: Doc, i: int) -> bool:
    # «– около 33,4 тыс. Ежесуточно…»: an abbreviation's period, then a capital, ends the sentence
    return i >= len(doc) or doc[i].is_punct or doc[i].is_space or _is_verb(doc[i]) or (
        i > 0 and doc[i - 1].text.endswith(".") and doc[i].text[:1].isupper())


def _adverb(doc: Doc, i: int) -> bool:
    """«около 70 человек, из них 23 очно»: an adverb after the number ends its phrase, unless words it modifies
    follow («из них три практически полных скелета»)."""
    return parses(doc[i].text.lower())[0].tag.POS == "ADVB" and (
        i + 1 == len(doc) or not doc[i + 1].is_alpha or _may_be_verb(doc[i + 1]))


def _may_be_verb(t: Token) -> bool:
    return any(p.tag.POS == "VERB" and p.is_known for p in parses(t.text.lower()))


def _is_verb(t: Token) -> bool:
    return parses(t.text.lower())[0].tag.POS in ("VERB", "INFN", "PRTS")

