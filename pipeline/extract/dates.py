"""Dates: calendar points and ranges in Russian prose, normalised to inclusive ISO ranges.

The grammar is a table of patterns, tried all at once; the longest match wins where they overlap.
A day or month written without a year takes the nearest explicit year earlier in the same sentence
(«в 2024 году в марте…» is March 2024), otherwise the report's year (GOLD.md).
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Callable

from hijridate import Hijri
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extract.mention import Mention, add, overlaps, sentence_of, text_of
from pipeline.extract.numbers import A_YEAR_EARLIER
from pipeline.extract.tables import cell_of, crosses_row, in_header

MONTHS: dict[str, int] = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6,
    "июл": 7, "август": 8, "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}
_M = (r"(?:январ[ьяею]|феврал[ьяею]|март[аеу]?|апрел[ьяею]|ма[йяею]|июн[ьяею]|июл[ьяею]|август[аеу]?"
      r"|сентябр[ьяею]|октябр[ьяею]|ноябр[ьяею]|декабр[ьяею])(?![а-яё])")
_Y = r"(?<![\d.,])(?:1[0-9]{3}|20[0-9]{2}|21[0-9]{2})(?![\d])"
_BORN = r"г\.\s?р\.|гг\.\s?р\."  # «2008 г.р.», «2006–2007 г.р.»: years of birth
_YW = rf"(?:(?!{A_YEAR_EARLIER})\s*(?:год(?:а|у|ом|е)?(?![а-яё])|{_BORN}|г\.|г(?![а-яё])))"  # «году», «г.»
_YSW = rf"(?:\s*(?:{_BORN}|(?:гг\.?|годы|годов|годах|годам|г\.|год(?:а|у)?)(?![а-яё])))"  # after a year range
_D = r"(?<![\d.,])(?:[12]?\d|3[01])(?:-?(?:го|е))?(?![\d])"
_DASH = r"\s*[-–—]\s*"
_EDGE = r"(?:(?:начал[еоау]|конец|конц[еау]|середин[еыу])\s+)"  # «в конце ноября» keeps the month
# Roman numerals as printed and as OCR misreads them: Cyrillic Х, І, У (V), И (II), Ш (III).
_R = r"(?<![\w])[IVXХІУИШ]{1,6}(?![\w])"
_ROMAN_OCR = str.maketrans({"Х": "X", "І": "I", "У": "V"})
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ORD = r"(?:-?(?:го|й|м|е))?"  # «XIX-го», «3-й»
# «XIX века», «XVIII–XIX вв.», «XVIII столетия» (after a Roman numeral only: «за 2 столетия» is a time's length)
_CENTURY_WORD = (r"(?:\s*(?:век(?:а|ов|е|у|ами|ах|ам|ом)?(?![а-яё])|вв?\.)"
                 r"|(?<=[IVXLХІУИШ])\s+столети(?:е|я|ю|ем|и|й|ях)(?![а-яё]))")
_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4,
             "перв": 1, "втор": 2, "трет": 3, "четв": 4}
_Q = r"(?:IV|I{1,3}|[1-4](?:-?(?:й|м|го))?|перв\w*|втор\w*|трет\w*|четв[её]рт\w*)"

Range = tuple[dt.date, dt.date, str]


def month_number(word: str) -> int:
    w = word.lower()
    return next(n for stem, n in MONTHS.items() if w.startswith(stem) and (stem != "ма" or len(w) <= 3))


def roman(s: str) -> int | None:
    """Value of a Roman numeral, reading OCR's Cyrillic look-alikes; None if it is not one."""
    s = s.translate(_ROMAN_OCR).replace("И", "II").replace("Ш", "III")
    if not s or any(c not in _ROMAN_VALUES for c in s):
        return None
    total = 0
    for i, c in enumerate(s):
        v = _ROMAN_VALUES[c]
        total += -v if i + 1 < len(s) and _ROMAN_VALUES[s[i + 1]] > v else v
    canonical = _to_roman(total)
    return total if canonical == s else None


def _to_roman(n: int) -> str:
    out = ""
    for v, sym in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out, n = out + sym, n - v
    return out


def _day(s: str) -> int:
    return int(re.match(r"\d+", s).group())  # type: ignore[union-attr]


def _month_range(y: int, m: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])


def _century(n: int) -> tuple[dt.date, dt.date]:
    return dt.date(100 * (n - 1) + 1, 1, 1), dt.date(100 * n, 12, 31)


# Each builder gets the match and the year to use where the text gives none.
Builder = Callable[[re.Match[str], int], Range]


def _y(m: re.Match[str], name: str, default: int) -> int:
    v = m.groupdict().get(name)
    return int(v) if v else default


def _numeric(m: re.Match[str], year: int) -> Range:
    d = dt.date(int(m["y1"]), int(m["m1"]), int(m["d1"]))
    if m.groupdict().get("d2"):
        return d, dt.date(int(m["y2"]), int(m["m2"]), int(m["d2"])), "day"
    return d, d, "day"


def _numeric_no_year(m: re.Match[str], year: int) -> Range:
    """«с 01.06 по 31.08»: days and months of the year in context, or of the last date's («с 01.03 по
    30.04.2019»)."""
    year = int(m["y2"]) if m["y2"] else year
    first, last = dt.date(year, int(m["m1"]), int(m["d1"])), dt.date(year, int(m["m2"]), int(m["d2"]))
    if last < first:
        raise ValueError("not a range")
    return first, last, "day"


_DATE_COLUMN = re.compile(r"дат|срок|период|когда", re.IGNORECASE)


def _day_of_year(m: re.Match[str], year: int) -> Range:
    """«18.02» alone in a table's cell under «Дата» or «Сроки»: a day of the year in context (under «2022» it is a
    figure: «Средний балл | 12.05»)."""
    cell = cell_of(m.string, m.start(), m.end())
    if cell is None or not _DATE_COLUMN.search(cell[0]):
        raise ValueError("not a date's column")
    d = dt.date(year, int(m["m1"]), int(m["d1"]))
    return d, d, "day"


def _this_year(m: re.Match[str], year: int) -> Range:
    """«в конце года»: the year in context, as «в конце ноября» is the month."""
    return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"


def _year_pair(m: re.Match[str]) -> tuple[int, int]:
    """«2018/2019», «2023-2024 учебный год»: two years in a row, or no such phrase."""
    y1, y2 = int(m["y1"]), int(m["y2"])
    if y2 != y1 + 1:
        raise ValueError("not two years in a row")
    return y1, y2


def _adjacent_years(m: re.Match[str], year: int) -> Range:
    y1, y2 = _year_pair(m)
    return dt.date(y1, 1, 1), dt.date(y2, 12, 31), "year"


def _two_days(m: re.Match[str], year: int) -> Range:
    """«26 и 27 октября»: two days in a row are a range; others are a list of days (_listed_day)."""
    first, last = _day(m["d1"]), _day(m["d2"])
    if last != first + 1:
        raise ValueError("not two days in a row")
    y, month = _y(m, "y2", year), month_number(m["m2"])
    return dt.date(y, month, first), dt.date(y, month, last), "day"


def _listed_day(m: re.Match[str], year: int) -> Range:
    """«11» of «11 и 25 ноября», «5» and «12» of «5, 12 и 19 мая»: a day of the month named after the list."""
    day = dt.date(_y(m, "y2", year), month_number(m["m2"]), _day(m["d1"]))
    return day, day, "day"


def _numeric_days(m: re.Match[str], year: int) -> Range:
    month, y = int(m["m2"]), _y(m, "y2", year)
    if int(m["d2"]) <= int(m["d1"]):
        raise ValueError("not a range")
    return dt.date(y, month, int(m["d1"])), dt.date(y, month, int(m["d2"])), "day"


def _across_new_year(m: re.Match[str], first: dt.date, last: dt.date) -> dt.date:
    """«с 15 ноября по 15 января»: with no year written, a range that ends before it starts ends a year on."""
    if last < first and not m.groupdict().get("y1") and not m.groupdict().get("y2"):
        return last.replace(year=last.year + 1)
    return last


def _day_range(m: re.Match[str], year: int) -> Range:
    y2 = _y(m, "y2", year)
    y1 = _y(m, "y1", y2)
    m2 = month_number(m["m2"])
    m1 = month_number(m["m1"]) if m["m1"] else m2
    first, last = dt.date(y1, m1, _day(m["d1"])), dt.date(y2, m2, _day(m["d2"]))
    return first, _across_new_year(m, first, last), "day"


def _month_span(m: re.Match[str], year: int) -> Range:
    y2 = _y(m, "y2", year)
    y1 = _y(m, "y1", y2)
    a = _month_range(y1, month_number(m["m1"]))[0]
    b = _month_range(y2, month_number(m["m2"]))[1]
    return a, _across_new_year(m, a, b), "month"


def _day_month(m: re.Match[str], year: int) -> Range:
    d = dt.date(_y(m, "y1", year), month_number(m["m1"]), _day(m["d1"]))
    return d, d, "day"


def _new_style(m: re.Match[str], year: int) -> Range:
    """«1 (14) марта 1917 года»: the day in brackets is the Gregorian one (the date the written gold gives, all
    five times); a bracketed day below the first falls in the next month («20 (2) сентября» is 2 October)."""
    y, month, day = _y(m, "y1", year), month_number(m["m1"]), _day(m["d1"])
    if day < _day(m["d0"]):
        y, month = (y + 1, 1) if month == 12 else (y, month + 1)
    d = dt.date(y, month, day)
    return d, d, "day"


# «в последнее воскресенье августа» (Miner's Day), «во второе воскресенье сентября»: a day named by its weekday
WEEKDAYS: dict[str, int] = {"понедельник": 0, "вторник": 1, "сред": 2, "четверг": 3, "пятниц": 4, "суббот": 5,
                            "воскресень": 6}
_WEEKDAY_ORDINALS: dict[str, int] = {"перв": 0, "втор": 1, "трет": 2, "четв": 3, "последн": -1}  # → index


def _stem_value(table: dict[str, int], word: str) -> int:
    return next(n for stem, n in table.items() if word.lower().startswith(stem))


def _weekday_of_month(m: re.Match[str], year: int) -> Range:
    y, month = _y(m, "y1", year), month_number(m["m1"])
    weekday = _stem_value(WEEKDAYS, m["wd"])
    days = [d for d in range(1, calendar.monthrange(y, month)[1] + 1) if dt.date(y, month, d).weekday() == weekday]
    d = dt.date(y, month, days[_stem_value(_WEEKDAY_ORDINALS, m["nth"])])
    return d, d, "day"


def _month(m: re.Match[str], year: int) -> Range:
    return (*_month_range(_y(m, "y1", year), month_number(m["m1"])), "month")


def _years(m: re.Match[str], year: int) -> Range:
    y1 = int(m["y1"])
    y2 = int(m["y2"]) if m.groupdict().get("y2") else y1
    return dt.date(y1, 1, 1), dt.date(y2, 12, 31), "year"


def _bare_years(m: re.Match[str], year: int) -> Range:
    """«программы «Эстония – Россия» 2014–2020», a table's «2020–2021»: years without a word for them, where
    the second follows the first (not «2020–2014», a count's bounds or a score)."""
    if not 0 < int(m["y2"]) - int(m["y1"]) <= 50:
        raise ValueError("not a range of years")
    return _years(m, year)


def _quarter_number(word: str) -> int:
    key = word.lower()
    numeral = re.match(r"iv|i{1,3}|[1-4]", key)
    return _QUARTERS[numeral.group() if numeral else key[:4]]


def _quarter(m: re.Match[str], year: int) -> Range:
    q = _quarter_number(m["q"])
    y = _y(m, "y1", year)
    return dt.date(y, 3 * q - 2, 1), _month_range(y, 3 * q)[1], "quarter"


def _quarters(m: re.Match[str], year: int) -> Range:
    """«во II–III кварталах 2023 года»: from the first quarter's first day to the last's last."""
    y = _y(m, "y1", year)
    return dt.date(y, 3 * _quarter_number(m["q"]) - 2, 1), _month_range(y, 3 * _quarter_number(m["q2"]))[1], \
        "quarter"


def _half(m: re.Match[str], year: int) -> Range:
    key = m["q"].lower()
    h = 2 if key.startswith(("ii", "2", "втор")) else 1
    y = _y(m, "y1", year)
    return dt.date(y, 6 * h - 5, 1), _month_range(y, 6 * h)[1], "half"


def _school_year(m: re.Match[str], year: int) -> Range:
    """«2019/2020 учебный год»: the two years, by GOLD.md's rule for a range of years, as each of the six
    annotators who met one read it (not September to August)."""
    y1, y2 = _year_pair(m)
    return dt.date(y1, 1, 1), dt.date(y2, 12, 31), "year"


def _centuries(m: re.Match[str], year: int) -> Range:
    first = roman(m["c1"]) if not m["c1"].isdigit() else int(m["c1"])
    last = (roman(m["c2"]) if not m["c2"].isdigit() else int(m["c2"])) if m.groupdict().get("c2") else first
    if not first or not last or not (1 <= first <= last <= 22):
        raise ValueError("not a century")
    return _century(first)[0], _century(last)[1], "century"


def _decades(m: re.Match[str], year: int) -> Range:
    last = m["d2"]
    first = int(m["d1"]) if m.groupdict().get("d1") else None
    if len(last) == 2:
        if first is None:
            raise ValueError("decade without a century")
        last_year = first // 100 * 100 + int(last)
    else:
        last_year = int(last)
    first = first if first is not None else last_year
    if first % 10 or last_year % 10 or last_year < first:
        raise ValueError("not a decade")
    return dt.date(first, 1, 1), dt.date(last_year + 9, 12, 31), "decade"


# The days of a month's part: (its word, the ordinal's stem) → first day, last day (None: the month's last). A
# half of a month is the month, as «в конце ноября» is in GOLD.md: 21 of the 25 halves of a month in the written
# gold are read so, where 74 of its 97 decades are read as their days.
MONTH_PARTS: dict[tuple[str, str], tuple[int, int | None]] = {
    ("декад", "перв"): (1, 10), ("декад", "втор"): (11, 20), ("декад", "трет"): (21, None),
    ("декад", "последн"): (21, None), ("половин", "перв"): (1, None), ("половин", "втор"): (1, None),
    ("декад", "1"): (1, 10), ("декад", "2"): (11, 20), ("декад", "3"): (21, None),
}


def _month_part(m: re.Match[str], year: int) -> Range:
    """«в первой декаде мая» (1–10 May): the days a decade holds; «во второй половине октября»: the month (see
    MONTH_PARTS)."""
    first, last = _month_range(_y(m, "y1", year), month_number(m["m1"]))
    if (part := MONTH_PARTS.get((m["part"].lower(), m["n"].lower()))) is None:
        raise ValueError("not a part of a month")
    if part == (1, None):
        return first, last, "month"
    return first.replace(day=part[0]), last if part[1] is None else first.replace(day=part[1]), "day"


def _months_of_year(m: re.Match[str], year: int) -> Range:
    """«за 9 месяцев 2019 года»: the year's first months, the period a report of that time covers."""
    months = int(m["n"])
    if not 1 <= months <= 11:
        raise ValueError("not a part of the year")
    y = int(m["y1"])
    return dt.date(y, 1, 1), _month_range(y, months)[1], "month"


def _decade_of_century(m: re.Match[str], year: int) -> Range:
    if m["c1"] is None:  # «прошлого века»: the century before the report's year
        century = (year - 1) // 100
    else:
        century = roman(m["c1"]) if not m["c1"].isdigit() else int(m["c1"])
    if not century or not 1 <= century <= 22:
        raise ValueError("not a century")
    first = 100 * (century - 1) + int(m["dd"])
    return dt.date(first, 1, 1), dt.date(first + 9, 12, 31), "decade"


def _p(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# The months of the Islamic calendar as Russian texts spell them, in any case («шавваля», «зуль-хиджа»).
HIJRI_MONTHS: list[tuple[str, int]] = [
    (r"мухаррам", 1), (r"сафар", 2), (r"раби(?:-?\s?уль|\s+аль)-?\s?авв?ал", 3),
    (r"раби(?:-?\s?уль|\s+ас)-?\s?(?:ахир|сани)", 4), (r"джумад[аы](?:-?\s?уль|\s+аль)-?\s?(?:ул[яи]|авв?ал)", 5),
    (r"джумад[аы](?:-?\s?уль|\s+ас)-?\s?(?:ахир|сани)", 6), (r"раджаб", 7), (r"ша(?:а|ъ)бан", 8),
    (r"рамадан|рамазан", 9), (r"шавв?ал", 10), (r"зу-?ль-?ка(?:а|ъ)?д", 11), (r"зу-?ль-?хидж(?:ж)?", 12),
]
_HM = "|".join(f"(?:{stem})" for stem, _ in HIJRI_MONTHS)
_HIJRI_MONTH = [(re.compile(stem, re.IGNORECASE), number) for stem, number in HIJRI_MONTHS]
# a year of the Hijra: «1444 г. х.», «1440 года хиджры», «1445 года по хиджре»
_HIJRI_MARK = r"(?:\s*(?:по\s+хиджре|хиджры|х\.))"
_HIJRI_YEAR = r"(?P<hy>1[34]\d\d)(?:\s*(?:год[ау]?|г\.))?"


def _hijri(m: re.Match[str], year: int) -> Range:
    """«10 зуль-хиджа 1444 г. х.», «Рамадан 1439 года по хиджре», «1440 год хиджры»: the Gregorian days of a
    day, a month or a year of the Islamic calendar."""
    y = int(m["hy"])
    month = next((n for stem, n in _HIJRI_MONTH if stem.match(m["hm"])), None) if m["hm"] else None
    try:
        if month is None:
            first, last = Hijri(y, 1, 1), Hijri(y, 12, Hijri(y, 12, 1).month_length())
            kind = "year"
        elif m["hd"]:
            first = last = Hijri(y, month, int(m["hd"]))
            kind = "day"
        else:
            first, last = Hijri(y, month, 1), Hijri(y, month, Hijri(y, month, 1).month_length())
            kind = "month"
    except OverflowError as e:  # beyond the tables (1343–1500 AH)
        raise ValueError(str(e)) from None
    return dt.date(*first.to_gregorian().datetuple()), dt.date(*last.to_gregorian().datetuple()), kind


# The space before a month's or a quarter's year: a line's break, or one or two spaces, not a table's gap between
# cells («IV кв.    2023 г.» heads two columns)
_YEAR_SPACE = r"(?:[^\S\n]{1,2}|[^\S\n]*\n[^\S\n]*)"
_Y1 = rf"(?:{_YEAR_SPACE}(?P<y1>{_Y}){_YW}?)"
_Y2 = rf"(?:{_YEAR_SPACE}(?P<y2>{_Y}){_YW}?)"
_NUMERIC_YW = r"(?:\s*(?:года|г\.))?"
_DECADE_WORD = r"(?:год(?:ов|ы|ах|ам|ами)|гг\.?)(?![а-яё])"  # after «1990-х», «2000-е», «1930-м»
_DECADE_END = r"-?(?:х|е|ми|м)"  # «1990-х», «2000-е», «к 1930-м годам», «1920-ми годами»
# What a text must hold for a pattern to match in it (each cue a part no match of the pattern is without): a
# pattern is run only where its cues are. Most blocks have no month's name, century or quarter, and where a
# pattern starts with optional words, re tries it at every position: scanning for them took a tenth of the
# extraction's time.
CUES: dict[str, re.Pattern[str]] = {name: _p(cue) for name, cue in {
    "digit": r"\d", "dash": r"[-–—]", "so": r"\bсо?\s", "month": _M, "year": r"(?:1\d|2[01])\d\d",
    "this_year": r"года", "quarter": r"квартал|кв\.", "half_year": r"полугоди", "half": r"половин", "school": r"учебн",
    "century": r"век|в\.|столети", "decade": r"\d-?[хем]", "month_part": r"декад|половин", "months": r"месяц",
    "year_word": r"году|годом", "weekday": "|".join(WEEKDAYS), "hijri": rf"{_HM}|хиджр|г\.\s?х\.",
}.items()}
# (pattern, what it builds, the CUES it needs)
PATTERNS: list[tuple[re.Pattern[str], Builder, str]] = [
    # the Islamic calendar: a day or a month with a year of the Hijra, or such a year named so
    (_p(rf"(?<![\d.,])(?:(?P<hd>\d{{1,2}})\s+)?(?<![а-яё])(?P<hm>{_HM})[а-яё]*\s+{_HIJRI_YEAR}{_HIJRI_MARK}?(?![а-яё])"),
     _hijri, "hijri"),
    (_p(rf"(?<![\d.,]){_HIJRI_YEAR}{_HIJRI_MARK}(?P<hm>)(?P<hd>)"), _hijri, "hijri"),
    (_p(r"(?<![\d.])(?P<d1>\d{1,2})\.(?P<m1>\d{1,2})\.(?P<y1>\d{4})" + _DASH
        + r"(?P<d2>\d{1,2})\.(?P<m2>\d{1,2})\.(?P<y2>\d{4})(?!\d)"), _numeric, "digit dash"),
    (_p(r"\bсо?\s+(?P<d1>\d{1,2})\.(?P<m1>\d{1,2})\.(?P<y1>\d{4})" + _NUMERIC_YW + r"\s+(?:по|до)\s+"
        r"(?P<d2>\d{1,2})\.(?P<m2>\d{1,2})\.(?P<y2>\d{4})(?![\d.]\d)" + _NUMERIC_YW), _numeric, "so digit"),
    (_p(r"(?<![\d.])(?P<d1>\d{1,2})\.(?P<m1>\d{1,2})\.(?P<y1>\d{4})(?![\d.]\d)" + _NUMERIC_YW), _numeric, "digit"),
    # without a year only as a range, where «с … по …» or two places for day and month each («01.02–30.04»,
    # a table's period) tell a date from a decimal number
    (_p(r"\bсо?\s+(?P<d1>\d{1,2})\.(?P<m1>\d{2})\s+(?:по|до)\s+(?P<d2>\d{1,2})\.(?P<m2>\d{2})"
        r"(?:\.(?P<y2>\d{4}))?(?![\d.]\d)" + _NUMERIC_YW), _numeric_no_year, "so digit"),
    (_p(r"(?<![\d.,])(?P<d1>\d{2})\.(?P<m1>\d{2})" + _DASH + r"(?P<d2>\d{2})\.(?P<m2>\d{2})"
        r"(?:\.(?P<y2>\d{4}))?(?![\d.,]\d)" + _NUMERIC_YW), _numeric_no_year, "digit dash"),
    (_p(r"(?<![\d.,])(?P<d1>\d{1,2})" + _DASH + r"(?P<d2>\d{1,2})\.(?P<m2>\d{1,2})\.(?P<y2>\d{4})(?![\d.]\d)"
        + _NUMERIC_YW), _numeric_days, "digit dash"),  # «20–22.07.2023»
    (_p(r"(?<![\d.,])(?P<d1>\d{1,2})" + _DASH + r"(?P<d2>\d{1,2})\.(?P<m2>\d{2})(?![\d.,]\d)"),
     _numeric_days, "digit dash"),
    # «1  18.02   Лыжный марафон»: a day and month alone in a table's cell of dates (all 19 such cells in the written
    # gold)
    (re.compile(r"(?:^|(?<=\t)|(?<=  )|(?<=\| ))(?P<d1>[0-3]?\d)\.(?P<m1>[01]\d)(?=\t| {2,}| \||[ \t]*$)",
                re.MULTILINE), _day_of_year, "digit"),
    # «14–16.06» (a table's period): the days of the month of the year in context
    (_p(rf"\bсо?\s+(?P<d1>{_D})(?:\s+(?P<m1>{_M}){_Y1}?)?\s+(?:по|до)\s+(?P<d2>{_D})\s+(?P<m2>{_M}){_Y2}?"),
     _day_range, "so month"),
    (_p(rf"(?P<d1>{_D})(?:\s+(?P<m1>{_M}){_Y1}?)?{_DASH}(?P<d2>{_D})\s+(?P<m2>{_M}){_Y2}?"), _day_range, "month dash"),
    # «по начало октября», «с конца августа по середину сентября»
    (_p(rf"\bсо?\s+{_EDGE}?(?P<m1>{_M}){_Y1}?\s+(?:по|до)\s+{_EDGE}?(?P<m2>{_M}){_Y2}?"), _month_span, "so month"),
    (_p(rf"{_EDGE}?(?P<m1>{_M}){_Y1}?{_DASH}{_EDGE}?(?P<m2>{_M}){_Y2}?"),
     _month_span, "month dash"),  # «феврале — начале марта»
    (_p(rf"(?P<d0>{_D})\s+\((?P<d1>{_D})\)\s+(?P<m1>{_M}){_Y1}?"), _new_style, "digit month"),
    (_p(rf"«(?P<d1>{_D})»\s+(?P<m1>{_M}){_Y1}?"), _day_month, "digit month"),  # a signature's «20» января 2022 г.
    (_p(rf"(?P<d1>{_D})\s+(?P<m1>{_M}){_Y1}?"), _day_month, "digit month"),
    (_p(rf"(?<![\w-])(?P<nth>{'|'.join(_WEEKDAY_ORDINALS)})\w*\s+(?P<wd>{'|'.join(WEEKDAYS)})\w*(?<!среди)\s+(?P<m1>{_M}){_Y1}?"),
     _weekday_of_month, "weekday month"),
    (_p(rf"(?P<d1>{_D})\s+и\s+(?P<d2>{_D})\s+(?P<m2>{_M}){_Y2}?"), _two_days, "digit month"),  # «26 и 27 октября»
    (_p(rf"(?P<d1>{_D})(?=(?:\s*,\s*{_D})*(?:\s*,\s*|\s+и\s+){_D}\s+(?P<m2>{_M}){_Y2}?)"), _listed_day, "digit month"),
    (_p(rf"{_EDGE}?(?<![\w-])(?P<m1>{_M}){_Y1}?"), _month, "month"),
    (_p(rf"\bсо?\s+(?P<y1>{_Y})\s+(?:по|до)\s+(?P<y2>{_Y}){_YSW}"), _years, "so year"),
    (_p(rf"(?P<y1>{_Y}){_DASH}(?P<y2>{_Y}){_YSW}"), _years, "year dash"),
    (_p(rf"(?P<y1>{_Y})/(?P<y2>{_Y})(?!\s*учебн)"), _adjacent_years, "year"),  # a season «2018/2019»
    # not before a word in small letters: «1500–2000 зрителей» counts
    (_p(rf"(?P<y1>{_Y}){_DASH}(?P<y2>{_Y})(?![.,]\d)(?!\s+[а-яё])"), _bare_years, "year dash"),
    (_p(rf"(?P<y1>{_Y}){_YW}"), _years, "year"),
    # «в конце года»; not «до конца года», «с начала года» (none of the eight in the written gold is a date)
    (_p(r"(?:начал[еоу]|конц[еу]|середин[еу])\s+года(?![а-яё])"), _this_year, "this_year"),
    (_p(rf"(?<![\w-])(?P<q>{_Q}){_DASH}(?P<q2>{_Q})\s+(?:квартал(?:ы|ов|ах|ам|ами|а|е|у|ом)?(?![а-яё])|кв\.){_Y1}?"),
     _quarters, "quarter dash"),
    (_p(rf"(?<![\w-])(?P<q>{_Q})\s+(?:квартал(?:а|е|у|ом)?(?![а-яё])|кв\.){_Y1}?"), _quarter, "quarter"),
    (_p(rf"(?<![\w-])(?P<q>II?|[12](?:-?(?:е|м|го))?|перв\w*|втор\w*)\s+полугоди[еяюи](?:м)?(?![а-яё]){_Y1}?"),
     _half, "half_year"),
    (_p(rf"(?<![\w-])(?P<q>перв\w*|втор\w*)\s+половин[аеуы](?![а-яё])(?:{_Y1}|\s+год[аеу]?(?![а-яё]))"), _half, "half"),
    (_p(rf"(?P<y1>{_Y})\s*[-–/]\s*(?P<y2>{_Y})\s+учебн(?:ый|ого|ому|ом)\s+год[ауе]?(?![а-яё])"),
     _school_year, "school"),
    # «XIX–XX веков», «конца XIX – начала XX века»: the whole centuries, as «в конце ноября» is the month
    (re.compile(rf"{_EDGE}?(?P<c1>{_R}|\d{{1,2}}){_ORD}{_DASH}{_EDGE}?(?P<c2>{_R}|\d{{1,2}})"
                rf"{_ORD}{_CENTURY_WORD}"), _centuries, "century dash"),
    # «с XV по XX век»: as «с 12 по 15 мая» is the days
    (re.compile(rf"\b[сС]о?\s+{_EDGE}?(?P<c1>{_R}|\d{{1,2}}){_ORD}{_CENTURY_WORD}?\s+(?:по|до)\s+{_EDGE}?"
                rf"(?P<c2>{_R}|\d{{1,2}}){_ORD}{_CENTURY_WORD}"), _centuries, "century"),
    (re.compile(rf"{_EDGE}?(?P<c1>{_R}|(?<![\d.,])\d{{1,2}}){_ORD}{_CENTURY_WORD}"), _centuries, "century"),
    # «во второй половине XIX века»: the whole century, as five of seven annotators read it
    (_p(rf"(?:перв|втор)\w*\s+половин[аеуы](?![а-яё])\s+(?P<c1>{_R}|(?<![\d.,])\d{{1,2}}){_ORD}{_CENTURY_WORD}"),
     _centuries, "half century"),
    (_p(rf"(?:(?P<d1>{_Y})(?:{_DECADE_END})?{_DASH})?(?P<d2>\d{{3,4}}|\d{{2}}){_DECADE_END}\s+{_DECADE_WORD}"),
     _decades, "decade"),
    (_p(rf"(?<![\d.,])(?P<d2>\d{{4}}){_DECADE_END}(?=\s+и\s+\d{{4}}{_DECADE_END}\s+{_DECADE_WORD})"),
     _decades, "decade"),
    # «ремонтировалось в 1990-х», «в конце 1980-х открылся музей»: a decade without its word
    (_p(r"(?<![\d.,])(?P<d2>\d{3}0)-(?:х|е|ми)(?![\w-])"), _decades, "decade"),
    # a year after a town's name on a line of its own, a title page's imprint or a running header («г. Бобров, 2022»,
    # «Жердевка — 2023. Ежегодный отчёт», «ПАЛЛАСОВКА – 2021», «г. Урень» over «2024»: all thirteen such lines in
    # the written gold)
    (re.compile(r"^[ \t]*(?:[гГ]\.\s?)?(?:[А-ЯЁ][а-яё]+(?:[ -][А-ЯЁ][а-яё]+)?|[А-ЯЁ]{3,}(?:[ -][А-ЯЁ]{2,})?)"
                r"(?:(?:,|\s[—–])\s|[ \t]*\n[ \t]*)(?P<date>(?P<y1>(?:19|20)\d\d))(?=\.?[ \t]*$|\.\s)", re.MULTILINE),
     _years, "year"),
    # a life's years in brackets («Султана Хан-Гирея (1808–1842)»), and the first of two years before «годах»
    (_p(rf"(?<=\()(?P<y1>{_Y}){_DASH}(?P<y2>{_Y})(?=\))"), _years, "year dash"),
    (_p(rf"(?<=\(ок\.\s)(?P<y1>{_Y}){_DASH}(?P<y2>{_Y})(?=\))"), _years, "year dash"),  # «(ок. 1605–1673)»
    (_p(rf"(?<=\()(?P<y1>{_Y})(?=\))"), _years, "year"),  # «(2020)»: all seven in the written gold are dates
    (_p(rf"(?P<y1>{_Y})(?=(?:,\s+{_Y})*(?:,\s+|\s+и\s+){_Y}{_YSW})"), _years, "year"),  # «1888, 1889 и 1890 годов»
    # the first of two ranges of years before the word they share («в 1934–1936 и 1949–1951 годах»)
    (_p(rf"(?P<y1>{_Y}){_DASH}(?P<y2>{_Y})(?=\s+и\s+{_Y}{_DASH}{_Y}{_YSW})"), _years, "year dash"),
    (_p(rf"(?<=\sи\s)(?P<y1>{_Y}){_YSW}"), _years, "year"),
    # «в первой декаде мая», «во второй половине сентября»: the days of a part of the month; «9 месяцев 2019 года»
    (_p(rf"(?P<n>перв|втор|трет|последн|(?<![\d.,])[123](?=-?[йяюе]))(?:\w*|-?[йяюе]\w?)\s+(?P<part>декад|половин)[аеыу]"
        rf"\s+(?P<m1>{_M}){_Y1}?"), _month_part, "month_part month"),  # «во 2-й декаде июля»
    (_p(rf"(?<![\d.,])(?P<n>\d{{1,2}})\s+месяц(?:ев|а)\s+(?P<y1>{_Y}){_YW}"), _months_of_year, "months year"),
    # «30-е годы XX века»: a decade of the century named after it, or of the century before the report's («в 70-х
    # годах прошлого века»)
    (re.compile(rf"(?<![\d.,])(?P<dd>[1-9]0)-?(?:х|е)\s+(?:год(?:ов|ы|ах|ам)|гг\.?)\s+(?:(?P<c1>{_R}|\d{{1,2}})"
                rf"{_ORD}{_CENTURY_WORD}|прошлого\s+(?:века|столетия)(?![а-яё]))"),
     _decade_of_century, "decade century"),
    # a year before 1000 only with the word «год» in the singular, or «г.» after «в» («датируется 862 годом»,
    # «в 903 г.»): «862 года» may be a duration, «300 г.» grams
    (_p(rf"(?<![\d.,])(?P<y1>[1-9]\d{{2}})(?!{A_YEAR_EARLIER})\s*(?:году|годом)(?![а-яё])"), _years, "year_word"),
    (_p(r"(?<=[вВ]\s)(?P<y1>[1-9]\d{2})\s*г\.(?!\s*\d)"), _years, "digit"),
    # «в 2020-м году», «в 2020-м», «по сравнению с 2021-м»: a year (not the decade of «к 1930-м годам»)
    (_p(rf"(?<![\w-])(?P<y1>{_Y})-м(?:\s+году(?![а-яё]))?(?![а-яё])(?!\s*(?:год|гг))"), _years, "digit"),
]


def find_dates(text: str) -> list[tuple[int, int, re.Match[str], Builder]]:
    """All date phrases in `text`, longest first where they overlap, in text order."""
    cued: dict[str, bool] = {}

    def has(cue: str) -> bool:
        if cue not in cued:
            cued[cue] = CUES[cue].search(text) is not None
        return cued[cue]

    # A phrase that is no date («1 и 5 мая» is no range) leaves its words to a shorter one («5 мая»).
    # a pattern's group «date» is the date where the words around it are only its context
    found = [(*span, m, b) for pattern, b, needs in PATTERNS if all(map(has, needs.split()))
             for m in pattern.finditer(text)
             if _builds(m, b) and not crosses_row(text, *(span := m.span("date" if "date" in m.re.groupindex else 0)))]
    found.sort(key=lambda x: (-(x[1] - x[0]), x[0]))
    chosen: list[tuple[int, int, re.Match[str], Builder]] = []  # kept sorted by start
    for f in found:
        i = bisect.bisect_left(chosen, f[0], key=lambda c: c[0])
        clear_before = i == 0 or chosen[i - 1][1] <= f[0]
        clear_after = i == len(chosen) or f[1] <= chosen[i][0]
        if clear_before and clear_after:
            chosen.insert(i, f)
    return chosen


def _builds(m: re.Match[str], build: Builder) -> bool:
    """The phrase makes a date, and no range that ends before it starts («2024 - 2017 гг.», a slip of the
    pen): that is no date of either year, and leaves its words to shorter phrases."""
    try:
        start, end, _ = build(m, 2000)  # a leap year: «29 февраля» builds
    except (ValueError, KeyError, StopIteration):
        return False
    return start <= end


# A year further than this from the report's is history («основанием Костромы в 1152 году, состоялось
# 13–14 августа»): the dates after it in its sentence keep the report's year.
HISTORY = 50
# Headings of a column of years: when a tie was made, signed, founded.
_YEAR_HEADING = re.compile(r"(?:год|дата|соглашени|договор|подписан|основан|установлен)", re.IGNORECASE)
_BARE_YEAR = re.compile(_Y)
_QUARTER_CELL = re.compile(r"(?<![\w.])(?P<q>IV|I{1,3})(?![\w.])")
_QUARTER_HEADING = re.compile(r"квартал|кв\.?", re.IGNORECASE)
_DAY_MONTH_CELL = re.compile(r"(?<![\d.,])(?P<d>\d{1,2})\.(?P<m>\d{2})(?![\d.,])")
_DATE_HEADING = re.compile(r"(?:дата|даты|сроки?|когда)(?![а-яё])", re.IGNORECASE)
_BORN_AFTER = re.compile(rf"(?:{_BORN})$")
# «с 2007 года» (since), «до 2007 года» (until), «к 2021 году, %» and «против 2019 года» (compared with): a year
# that dates nothing after it
_LENDS_NOTHING = re.compile(r"(?<![а-яё])(?:с|до|к|против|по\s+сравнению\s+с)\s+$", re.IGNORECASE)
# A year of another calendar follows its number with the calendar's name («1443 года по хиджре», «1443 г. х.»): the
# Islamic calendar's days, months and years are dated by _hijri, a longer phrase; any other such year is no date.
_OTHER_CALENDAR = re.compile(r"(?:\s*г\.)?\s*(?:по\s+хиджре|хиджры|х\.(?!\w)|по\s+(?:мусульманскому|исламскому|лунному"
                             r"|буддийскому|еврейскому|иудейскому)\s+календарю)", re.IGNORECASE)


def _in_quoted_name(text: str, start: int, end: int) -> bool:
    """[start, end) is inside quotes that hold no number: a name («Красный май», «Апрель», «Крагуевацкий
    октябрь»), where a month is no date (none of the 44 such months in the written gold is one)."""
    opens = text.rfind("«", 0, start)
    closes = text.find("»", end)
    return opens >= 0 and closes >= 0 and "»" not in text[opens:start] and "«" not in text[end:closes] \
        and "\n" not in text[opens:closes] and not any(c.isdigit() for c in text[opens:closes])


def _explicit_year(m: re.Match[str]) -> int | None:
    """The year a date names, which dates after it in its sentence take; none for a range across years
    («на 2021–2023 гг. 20–22 августа» is in the report's year, and so is «с 1 ноября 2022 года по 31 января
    2023 года …; за ноябрь–декабрь»)."""
    if m.groupdict().get("y1") and m.groupdict().get("y2") and m["y1"] != m["y2"]:
        return None
    for name in ("y2", "y1"):
        if m.groupdict().get(name) and m.re.groupindex.get(name) and len(m[name]) == 4:
            return int(m[name])
    return None


@Language.component("archive_dates")
def dates_component(doc: Doc) -> Doc:
    report_year: int = doc.user_data.get("year") or dt.date.today().year
    sentence_year: dict[tuple[int, int], int] = {}
    for start, end, m, build in find_dates(text_of(doc)):
        sentence = sentence_of(doc, start)
        try:
            first, last, granularity = build(m, sentence_year.get(sentence, report_year))
        except (ValueError, KeyError, StopIteration):
            continue  # 31 февраля, «XLV век»: looks like a date, is not one
        if _OTHER_CALENDAR.match(text_of(doc), end) or (granularity == "month" and _in_quoted_name(text_of(doc), start,
                                                                                                  end)):
            continue
        explicit = _explicit_year(m)
        lends_nothing = _LENDS_NOTHING.search(text_of(doc), max(0, start - 20), start)
        history = explicit and abs(explicit - report_year) > HISTORY
        born = _BORN_AFTER.search(m.group())  # a year of birth is the age group's, not the events' after it
        if explicit and granularity in ("year", "month", "day") and not lends_nothing and not history and not born:
            sentence_year[sentence] = explicit
        # Spans start at the first word of the date, not at a preposition the pattern may carry.
        add(doc, Mention("date", start, end, {"start_date": first, "end_date": last, "granularity": granularity}))
    # a year alone in a table's column headed «Год …» («Год подписания соглашения»), «Соглашение», «Дата …», or
    # labelling a row («Период | Посетители, чел.» over «2019 | 28 640»: all 18 such years in the written gold)
    text = text_of(doc)
    for m in _BARE_YEAR.finditer(text):
        cell = cell_of(text, *m.span())
        alone = cell is not None and text[cell[1] : cell[2]].strip() == m.group()
        first_column = cell is not None and text.rfind("\n", 0, cell[1]) + 1 == cell[1]
        if (alone and (_YEAR_HEADING.match(cell[0]) or first_column)) or (
                in_header(text, *m.span()) and not overlaps(doc, *m.span(), "date")):
            # and a year heading a column («Показатель | 2019 | 2020»), or in its heading («Посещений, 2021»)
            year = int(m.group())
            add(doc, Mention("date", *m.span(), {"start_date": dt.date(year, 1, 1), "end_date": dt.date(year, 12, 31),
                                                 "granularity": "year"}))
    # a quarter's numeral alone in a column headed «Квартал» (all eight such cells in the written gold)
    for m in _QUARTER_CELL.finditer(text):
        cell = cell_of(text, *m.span())
        if cell is not None and text[cell[1] : cell[2]].strip() == m.group() and _QUARTER_HEADING.fullmatch(cell[0]):
            first, last, granularity = _quarter(m, report_year)
            add(doc, Mention("date", *m.span(), {"start_date": first, "end_date": last, "granularity": granularity}))
    # a day and a month alone in a column headed «Дата» or «Сроки» («26.02»), which elsewhere could be a decimal
    for m in _DAY_MONTH_CELL.finditer(text):
        cell = cell_of(text, *m.span())
        if cell is not None and text[cell[1] : cell[2]].strip() == m.group() and _DATE_HEADING.match(cell[0]):
            try:
                day = dt.date(report_year, int(m["m"]), int(m["d"]))
            except ValueError:
                continue  # «31.02»: no day
            add(doc, Mention("date", *m.span(), {"start_date": day, "end_date": day, "granularity": "day"}))
    return doc
