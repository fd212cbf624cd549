"""Russian spellings of Chinese, Japanese, Korean and Turkish names from their Latin ones, by the systems
Russian texts use: Palladius's for pinyin («Suifenhe» → «Суйфэньхэ»), Polivanov's for Hepburn («Maizuru» →
«Майдзуру»), Kontsevich's for the Revised Romanization («Anyang-si» → «Анъян»), and the usual transcription
of Turkish («Akşehir» → «Акшехир», «İnegöl» → «Инегёль»).

GeoNames has no Russian name for most of China's towns and many of Japan's, Korea's and Turkey's, which
partner cities in the Far East and of Russia's Turkic republics often are; the gazetteer names them by these.
The systems are tables of syllables or letters.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Pinyin initials → Cyrillic; "" is a syllable without one.
PINYIN_INITIALS: dict[str, str] = {
    "b": "б", "p": "п", "m": "м", "f": "ф", "d": "д", "t": "т", "n": "н", "l": "л", "g": "г", "k": "к",
    "h": "х", "j": "цз", "q": "ц", "x": "с", "zh": "чж", "ch": "ч", "sh": "ш", "r": "ж", "z": "цз", "c": "ц",
    "s": "с", "": "",
}
# Pinyin finals → Cyrillic after an initial («ian» → «янь»: «lian» → «лянь»). «ü» is written «v».
PINYIN_FINALS: dict[str, str] = {
    "a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань", "en": "энь",
    "ang": "ан", "eng": "эн", "ong": "ун", "er": "эр", "i": "и", "ia": "я", "iao": "яо", "ie": "е", "iu": "ю",
    "ian": "янь", "in": "инь", "iang": "ян", "ing": "ин", "iong": "юн", "u": "у", "ua": "уа", "uo": "о",
    "uai": "уай", "ui": "уй", "uan": "уань", "un": "унь", "uang": "уан", "v": "юй", "ve": "юэ", "van": "юань",
    "vn": "юнь",
}
# Finals each group of initials takes (j, q, x write «ü» as «u»); a combination outside these is no syllable.
_I_FINALS = {"i", "ia", "iao", "ie", "iu", "ian", "in", "iang", "ing", "iong"}
_U_FINALS = {"u", "ua", "uo", "uai", "ui", "uan", "un", "uang"}
_PLAIN_FINALS = {"a", "o", "e", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong", "er"}
# Syllables written apart from the tables above: without an initial, retroflex «i», and Palladius's own.
PINYIN_SYLLABLES: dict[str, str] = {
    "yi": "и", "ya": "я", "yao": "яо", "ye": "е", "you": "ю", "yan": "янь", "yin": "инь", "yang": "ян",
    "ying": "ин", "yong": "юн", "yu": "юй", "yue": "юэ", "yuan": "юань", "yun": "юнь", "yo": "ё",
    "wu": "у", "wa": "ва", "wo": "во", "wai": "вай", "wei": "вэй", "wan": "вань", "wen": "вэнь", "wang": "ван",
    "weng": "вэн", "zhi": "чжи", "chi": "чи", "shi": "ши", "ri": "жи", "zi": "цзы", "ci": "цы", "si": "сы",
    "ju": "цзюй", "qu": "цюй", "xu": "сюй", "jue": "цзюэ", "que": "цюэ", "xue": "сюэ", "juan": "цзюань",
    "quan": "цюань", "xuan": "сюань", "jun": "цзюнь", "qun": "цюнь", "xun": "сюнь", "hui": "хуэй",
    "nv": "нюй", "lv": "люй", "nve": "нюэ", "lve": "люэ",
}


@functools.cache
def _pinyin() -> dict[str, str]:
    syllables = dict(PINYIN_SYLLABLES)
    for ini, cyr in PINYIN_INITIALS.items():
        if ini in ("j", "q", "x"):
            finals = _I_FINALS  # and «ü» written «u», in PINYIN_SYLLABLES
        elif ini == "":
            finals = _PLAIN_FINALS - {"ong"}
        elif ini in ("b", "p", "m", "d", "t", "n", "l"):
            finals = _PLAIN_FINALS | _U_FINALS | _I_FINALS
        else:
            finals = _PLAIN_FINALS | _U_FINALS
        for fin in finals:
            syllables.setdefault(ini + fin, cyr + PINYIN_FINALS[fin])
    return syllables


_VOWEL_START = "аоэиуяеюё"


def palladius(name: str) -> str | None:
    """«Suifenhe» → «Суйфэньхэ», «Huai'an» → «Хуайань»; None for a name that is not pinyin syllables."""
    words = _plain(name).replace("ü", "v").split()
    if len(words) != 1:
        return None
    parts = []
    for chunk in words[0].split("'"):
        syllables = _segment(chunk, _pinyin(), first_may_be_vowel=True)
        if syllables is None:
            return None
        parts += syllables
    out = ""
    for s in parts:
        # «Jiangyin» → «Цзянъинь»: a hard sign parts «-н» from a vowel after it
        if out.endswith("н") and s[0] in _VOWEL_START:
            out += "ъ"
        out += s
    return out[:1].upper() + out[1:]


def _segment(chunk: str, table: dict[str, str], first_may_be_vowel: bool) -> list[str] | None:
    """`chunk` as the fewest syllables of `table`, in Cyrillic. A syllable inside a word starts with a
    consonant: pinyin writes an apostrophe before one that does not («Xi'an»)."""

    @functools.cache
    def best(i: int) -> tuple[str, ...] | None:
        if i == len(chunk):
            return ()
        options = []
        for j in range(min(len(chunk), i + 6), i, -1):
            syllable = chunk[i:j]
            if syllable not in table or (i and syllable[0] in "aoe"):
                continue
            rest = best(j)
            if rest is not None:
                options.append((table[syllable], *rest))
        return min(options, key=len) if options else None

    found = best(0)
    return list(found) if found is not None and (first_may_be_vowel or chunk[:1] not in "aoe") else None


# Hepburn morae → Polivanov's Cyrillic, longest first when read; a syllabic «n» and doubled consonants
# are read apart (_JAPANESE).
HEPBURN: dict[str, str] = {
    "a": "а", "i": "и", "u": "у", "e": "э", "o": "о",
    "ka": "ка", "ki": "ки", "ku": "ку", "ke": "кэ", "ko": "ко", "kya": "кя", "kyu": "кю", "kyo": "кё",
    "sa": "са", "shi": "си", "su": "су", "se": "сэ", "so": "со", "sha": "ся", "shu": "сю", "sho": "сё",
    "ta": "та", "chi": "ти", "tsu": "цу", "te": "тэ", "to": "то", "cha": "тя", "chu": "тю", "cho": "тё",
    "na": "на", "ni": "ни", "nu": "ну", "ne": "нэ", "no": "но", "nya": "ня", "nyu": "ню", "nyo": "нё",
    "ha": "ха", "hi": "хи", "fu": "фу", "he": "хэ", "ho": "хо", "hya": "хя", "hyu": "хю", "hyo": "хё",
    "ma": "ма", "mi": "ми", "mu": "му", "me": "мэ", "mo": "мо", "mya": "мя", "myu": "мю", "myo": "мё",
    "ya": "я", "yu": "ю", "yo": "ё",
    "ra": "ра", "ri": "ри", "ru": "ру", "re": "рэ", "ro": "ро", "rya": "ря", "ryu": "рю", "ryo": "рё",
    "wa": "ва", "wo": "о",
    "ga": "га", "gi": "ги", "gu": "гу", "ge": "гэ", "go": "го", "gya": "гя", "gyu": "гю", "gyo": "гё",
    "za": "дза", "ji": "дзи", "zu": "дзу", "ze": "дзэ", "zo": "дзо", "ja": "дзя", "ju": "дзю", "jo": "дзё",
    "da": "да", "de": "дэ", "do": "до",
    "ba": "ба", "bi": "би", "bu": "бу", "be": "бэ", "bo": "бо", "bya": "бя", "byu": "бю", "byo": "бё",
    "pa": "па", "pi": "пи", "pu": "пу", "pe": "пэ", "po": "по", "pya": "пя", "pyu": "пю", "pyo": "пё",
}
_JAPANESE = re.compile("|".join(sorted(HEPBURN, key=len, reverse=True))
                       + r"|n'?|m(?=[bmp])|k(?=k)|s(?=s)|t(?=[tc])|p(?=p)|g(?=g)|d(?=d)|b(?=b)")


def polivanov(name: str) -> str | None:
    """«Maizuru» → «Майдзуру», «Higashi-ōsaka» → «Хигаси-Осака»; None for a name that is not Hepburn."""
    out = []
    for word in _plain(name).split("-"):
        cyr, i = "", 0
        while i < len(word):
            m = _JAPANESE.match(word, i)
            if not m:
                return None
            mora = m.group()
            if mora in HEPBURN:
                # «Maizuru»: «i» after a vowel closes its syllable (Polivanov's «й»)
                cyr += "й" if mora == "i" and cyr[-1:] in "аоуэ" and cyr else HEPBURN[mora]
            elif mora.startswith("n"):
                cyr += "нъ" if mora == "n'" else "н"
            elif mora == "m":
                cyr += "м"
            else:  # a doubled consonant: «Wakkanai», «Beppu», «Hatchōji»
                cyr += {"c": "т"}.get(mora, HEPBURN.get(mora + "a", "")[:1])
            i = m.end()
        if not cyr:
            return None
        out.append(cyr[:1].upper() + cyr[1:])
    return "-".join(out)


def _plain(name: str) -> str:
    """Lower case without macrons or tone marks; «ü» kept, and GeoNames' typographic apostrophe as pinyin's
    («Bei’an»)."""
    name = name.lower().replace("ü", "\0").replace("’", "'")
    name = "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))
    return name.replace("\0", "ü")


# Revised Romanization of Korean → Kontsevich's Cyrillic. A consonant has two values: at the start of the
# word and inside it («Busan» → «Пусан», «Bucheon» → «Пучхон»); at the end of a syllable a third.
KOREAN_VOWELS: dict[str, str] = {
    "yeo": "ё", "yae": "я", "wae": "вэ", "ae": "э", "eo": "о", "eu": "ы", "ui": "ый", "oe": "ве", "wi": "ви",
    "wa": "ва", "wo": "во", "we": "ве", "ya": "я", "yo": "ё", "yu": "ю", "ye": "е", "a": "а", "e": "е", "i": "и",
    "o": "о", "u": "у",
}
KOREAN_INITIALS: dict[str, tuple[str, str]] = {  # (at the start of the word, inside it)
    "kk": ("кк", "кк"), "tt": ("тт", "тт"), "pp": ("пп", "пп"), "ss": ("сс", "сс"), "jj": ("чч", "чч"),
    "ch": ("чх", "чх"), "g": ("к", "г"), "k": ("кх", "кх"), "n": ("н", "н"), "d": ("т", "д"), "t": ("тх", "тх"),
    "r": ("р", "р"), "l": ("р", "л"), "m": ("м", "м"), "b": ("п", "б"), "p": ("пх", "пх"), "s": ("с", "с"),
    "j": ("ч", "дж"), "h": ("х", "х"),
}
KOREAN_FINALS: dict[str, str] = {"k": "к", "g": "к", "n": "н", "t": "т", "l": "ль", "m": "м", "p": "п",
                                 "b": "п", "ng": "н"}
_KOREAN = re.compile("|".join(sorted([*KOREAN_VOWELS, *KOREAN_INITIALS, "ng"], key=len, reverse=True)))
# GeoNames names a Korean city with its administrative word: «Anyang-si», «Donghae City».
_KOREAN_SUFFIX = re.compile(r"(?:-si|-gun|-eup| City)$")


def kontsevich(name: str) -> str | None:
    """«Donghae City» → «Тонхэ», «Anyang-si» → «Анъян», «Bucheon-si» → «Пучхон»; None for another name."""
    word = _plain(_KOREAN_SUFFIX.sub("", name))
    if not word.isalpha():
        return None
    tokens, i = [], 0
    while i < len(word):
        m = _KOREAN.match(word, i)
        if not m:
            return None
        tokens.append(m.group())
        i = m.end()
    out = ""
    for k, token in enumerate(tokens):
        if token in KOREAN_VOWELS:
            # «Anyang» is «an-yang»: a hard sign parts the «н» of a syllable from a «я» after it
            out += ("ъ" if out.endswith("н") and k and tokens[k - 1] == "n" and token[0] == "y" else "")
            out += "э" if token == "e" and not out else KOREAN_VOWELS[token]
            continue
        following = tokens[k + 1] if k + 1 < len(tokens) else None
        # a consonant before a vowel starts a syllable, unless it is «ng», or «n» before «y» (see above)
        starts = following in KOREAN_VOWELS and token != "ng" and not (token == "n" and following[0] == "y")
        if starts:
            out += KOREAN_INITIALS[token][0 if not out else 1]
        elif token in KOREAN_FINALS:
            out += KOREAN_FINALS[token]
        else:
            return None
    return out[:1].upper() + out[1:] if out else None


# Turkish letters → Cyrillic. A vowel has two values: after a consonant and elsewhere («Kütahya» → «Кютахья»,
# «Ürgüp» → «Ургюп», «Eskişehir» → «Эскишехир»); «y» before a vowel joins it («ya» → «я»).
TURKISH_LETTERS: dict[str, str] = {
    "a": "а", "b": "б", "c": "дж", "ç": "ч", "d": "д", "f": "ф", "g": "г", "ğ": "г", "h": "х", "ı": "ы",
    "i": "и", "j": "ж", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "r": "р", "s": "с", "ş": "ш",
    "t": "т", "u": "у", "v": "в", "y": "й", "z": "з", "â": "а", "î": "и", "û": "у",
}
TURKISH_VOWELS: dict[str, tuple[str, str]] = {  # (after a consonant, elsewhere)
    "e": ("е", "э"), "ö": ("ё", "о"), "ü": ("ю", "у"),
}
TURKISH_IOTATED: dict[str, tuple[str, str]] = {  # «y» and a vowel: (after a consonant, elsewhere)
    "ya": ("ья", "я"), "ye": ("ье", "е"), "yu": ("ью", "ю"), "yo": ("ьо", "йо"), "yü": ("ью", "ю"),
}
_TURKISH_VOWEL_LETTERS = "aeıioöuüâîû"


def turkish(name: str) -> str | None:
    """«Akşehir» → «Акшехир», «İnegöl» → «Инегёль», «Kütahya» → «Кютахья»; None for a name of other letters."""
    word = name.replace("İ", "i").replace("I", "ı").lower()
    if not word.isalpha() or any(c not in TURKISH_LETTERS and c not in TURKISH_VOWELS for c in word):
        return None
    out, i = "", 0
    while i < len(word):
        c = word[i]
        after_consonant = bool(out) and word[i - 1] not in _TURKISH_VOWEL_LETTERS
        if word[i : i + 2] in TURKISH_IOTATED:
            out += TURKISH_IOTATED[word[i : i + 2]][0 if after_consonant else 1]
            i += 2
            continue
        if c in TURKISH_VOWELS:
            out += TURKISH_VOWELS[c][0 if after_consonant else 1]
        elif c == "l" and i + 1 == len(word) and word[i - 1] in "eiöü":
            out += "ль"  # «İnegöl» → «Инегёль», but «Kızıltepe» → «Кызылтепе», «Elmalı» → «Элмалы»
        elif c == "â" and i and word[i - 1] in "kgl":
            out += "я"  # «Kâhta» → «Кяхта»
        else:
            out += TURKISH_LETTERS[c]
        i += 1
    return out[:1].upper() + out[1:]
