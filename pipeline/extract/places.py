"""Words around a place name that say what kind of place it is: tables, not code."""

from __future__ import annotations

import re

# Lemmas right before a name that make it a city (the trigger of a city not in the gazetteer). Not «столица»:
# the name after it is what it is the capital of («столицы Бурятии»).
CITY_MARKERS: frozenset[str] = frozenset({
    "город", "г.", "г", "гор.", "побратим", "город-побратим", "город-партнер", "партнер",
})
# What announces a town's former (or new) name as «город» announces a name: the name after it is a town's
# though no list has it («Дальнегорск (до 1972 года – Тетюхе)», «с Дальнереченском (бывший Иман)», «носил
# название Медвежья Гора», «колония Екатериненштадт»), and it keeps the name as written.
FORMER_NAME_BEFORE: tuple[str, ...] = (
    r"бывш(?:ий|ая|ее|его|ей|ем|ую|им)",
    r"прежде\s*[–—-]",
    r"до \d{4}\s*(?:года|г\.)\s*[–—-]",
    r"(?:носил[аио]?|носивш(?:ий|ая|ее|его|ей|ем|им)|получил[аио]?)\s+(?:название|имя)",
    r"назывался|называлась|называлось",
    r"переименован[аоы]?\s+в",
    r"переименовани[еяию]",
    r"колони[яиюей]|слобод[аыуойе]",
)
# English words that are also names of towns in GeoNames: in a name in Latin letters they are the words
# («European Union», «Mission Control»), not the towns.
LATIN_WORDS_NOT_CITIES: frozenset[str] = frozenset({
    "Union", "Mission", "Independence", "Liberty", "Victoria", "Marina", "Paradise", "Commerce", "Enterprise",
    "Providence", "Concord", "Reading", "Bath", "Wells", "March", "Sale", "Hope", "Harmony", "Progress",
    "Unity", "Energy", "Gold", "Center", "Centre", "Media", "Pride", "Delta", "Alliance", "Eagle", "Phoenix",
})
# Lemmas right before a name that make it a street's or a square's, named after someone or something
# («площади Горького», «улице Ленина»), not a city.
STREET_MARKERS: frozenset[str] = frozenset({
    "улица", "площадь", "проспект", "переулок", "бульвар", "набережная", "шоссе", "сквер", "парк", "аллея",
    "проезд", "микрорайон",  # «в микрорайоне Южный»: all seven such names in the written gold are a town's part
})
# Their abbreviations («ул. Кирова», «пр. Мира»), as the lemma they stand for.
STREET_ABBREVIATIONS: dict[str, str] = {
    "ул.": "улица", "пл.": "площадь", "пр.": "проспект", "просп.": "проспект", "пр-т": "проспект",
    "пер.": "переулок", "б-р": "бульвар", "бул.": "бульвар", "наб.": "набережная", "ш.": "шоссе",
    "мкр.": "микрорайон",
}
# Villages as tables and lists abbreviate them («с. Гальбштадт», «д. Куркиёки»), in small letters (a capital is
# a name's initial); not «пос.», as often a town's («пос. Уренгой»).
VILLAGE_ABBREVIATIONS: frozenset[str] = frozenset({"с.", "д.", "дер."})
# Villages' words, which GOLD.md's cities and towns leave out (27 of 35 such names in the written gold): «у села
# Филипповка», «в станице Рязанской», «в поселке Родники»
VILLAGE_WORDS: frozenset[str] = frozenset({"село", "станица", "поселок", "посёлок", "хутор", "деревня", "аул",
                                           "кишлак", "слобода"})
# A state's divisions. An adjective agreeing with one right after it names the division, not a town named
# like the adjective («Ярославской области»: Ярославский and Свердловский are small towns too).
DIVISION_WORDS: frozenset[str] = frozenset({"область", "край", "район", "округ", "республика", "губерния", "уезд",
                                            "волость"})
# Nouns of a place a town's name may stand before, in the same case, naming the place, not the town
# («Куликово поле», «по Куликову полю», «Прохоровское поле»).
FEATURES_AFTER: frozenset[str] = frozenset({"поле"})
# Lemmas right before a name that make it a region, not a city («провинция Фуцзянь»). Not «округ»: the name
# after it is a city's («городского округа Самара»); a district's name comes before it.
# The words of a region in brackets after a name, which make it a town's as «город» does («Плёс (Ивановская
# область)», «Мариинский Посад (Чувашская Республика)»); not a district's («Молотычи (Фатежский район)»: a village)
REGION_IN_BRACKETS: frozenset[str] = frozenset({"область", "обл.", "край", "республика", "респ.", "округ", "ао"})
REGION_MARKERS: frozenset[str] = frozenset({
    "область", "край", "провинция", "республика", "штат", "район", "регион", "губерния", "уезд",
    "префектура", "волость", "земля", "кантон", "графство", "автономия", "аймак", "сомон", "обл.", "респ.",
    "река", "берег",  # «реки Нарвы», «на берегу Днепра»: the rivers towns are named after
    "станция",  # «на станции Северобайкальск»: a railway's (a border crossing's is the town's: «пункт пропуска Кяхта»)
    "озеро", "залив", "бухта", "пролив",  # «озера Валдай», «залива Анива»
    # «в дельте Терека», «левого притока Терека», «на гору Эльбрус»
    "дельта", "устье", "исток", "приток", "гора", "вершина", "перевал", "хребет",
    "поле",  # «фестиваль «Поле Куликово»»: a field named after a place
    "усадьба",  # «усадьбы Гребнево», «в усадьбе Островно»: all sixteen in the written gold are an estate's names
    *VILLAGE_WORDS, *VILLAGE_ABBREVIATIONS,
})
# Of those, the ones that mark a name after them in the plural too («по берегам Терека», «Поселки Тучково и
# Дорохово»); a plural of others may be of the town («в районах Омска»).
PLURAL_MARKERS: frozenset[str] = frozenset({"берег", "приток", "исток", "река", "село", "поселок", "посёлок",
                                           "деревня", "хутор", "станица", "аул", "озеро"})
# The first parts of compound place names, which make the name after them another place's: «в Усть-Нытве» (a
# village by the town Нытва), «Ново-Николаевск»
PLACE_PREFIXES: frozenset[str] = frozenset({
    "усть", "ново", "старо", "верхне", "нижне", "средне", "северо", "южно", "западно", "восточно", "соль",
})
# Words for a settlement, which a name after them names, not a person («пгт Шерловая Гора», «деревни Мясной Бор»)
SETTLEMENT_WORDS: frozenset[str] = VILLAGE_WORDS | {"пгт", "рп"}
# Case endings of a name's last word and what its nominative may end in instead, for the compound
# names the dictionary does not know («Усть-Каменогорском» → «Усть-Каменогорск», «Йошкар-Оле» → «Йошкар-Ола»).
CASE_ENDINGS: list[tuple[str, str]] = [
    ("ом", ""), ("ем", "ь"), ("ем", ""), ("ой", "а"), ("ью", "ь"), ("е", "а"), ("е", ""), ("е", "ь"), ("ы", "а"),
    ("и", "а"), ("и", "ь"), ("у", "а"), ("у", ""), ("а", ""), ("я", "ь"), ("я", "й"), ("ю", "й"), ("ем", "й"),
    ("е", "й"), ("ии", "ия"), ("ю", "я"),
    # a vowel that only the nominative has: «Крагуевце» → «Крагуевац»
    ("ца", "ац"), ("це", "ац"), ("цу", "ац"), ("цем", "ац"),
    # the genitive of a plural name has no ending: «Салоник» → «Салоники», «Афин» → «Афины»
    ("", "и"), ("", "ы"),
    # …and, with a vowel only it has, before the last consonant: «Лисок» → «Лиски», «Люберец» → «Люберцы»
    ("ок", "ки"), ("ек", "ки"), ("ец", "цы"),
    # a name in «-ово» declined as Russian ones are in speech: «в Габрове», «с Габровом»
    ("е", "о"), ("ом", "о"),
    # the other cases of a plural name: «с Шиханами», «в Шиханах» → «Шиханы»
    ("ами", "ы"), ("ах", "ы"), ("ам", "ы"), ("ами", "и"), ("ах", "и"),
]
# Korean names have two Russian spellings: the one people write («Дэджон», «Бусан», «Дэгу») and the one
# GeoNames has (Концевич's: «Тэджон», «Пусан», «Тэгу»), which differ in the first consonant.
KOREAN_INITIALS: list[tuple[str, str]] = [("дж", "ч"), ("д", "т"), ("б", "п"), ("г", "к")]
# Names Russian texts use that GeoNames does not list among a city's Russian names → one it does. Former
# names (it has Царицын, Ленинград, Свердловск…) and the usual spellings of a few foreign cities. The name
# is kept as the record's name, with the city's place.
OTHER_NAMES: dict[str, str | int] = {
    "Велико-Тырново": "Велико Търново", "Реджо-нель-Эмилия": "Реджо-Эмилия",
    "Симбирск": "Ульяновск", "Кёнигсберг": "Калининград", "Кенигсберг": "Калининград", "Акмолинск": "Астана",
    "Целиноград": "Астана", "Ленинакан": "Гюмри", "Ленинабад": "Худжанд", "Кировабад": "Гянджа",
    "Ново-Николаевск": "Новосибирск", "Ставрополь-на-Волге": "Тольятти", "Петровск-Порт": "Махачкала",
    "Екатеринодар": "Краснодар", "Екатеринослав": "Днепр", "Пишпек": "Бишкек", "Ревель": "Таллин",
    "Гельсингфорс": "Хельсинки", "Иваново-Вознесенск": "Иваново", "Никольск-Уссурийский": "Уссурийск",
    "Царевококшайск": "Йошкар-Ола", "Краснококшайск": "Йошкар-Ола", "Мелекесс": "Димитровград", "Виипури": "Выборг",
    "Сердоболь": "Сортавала", "Переславль": "Переславль-Залесский", "Ростов Великий": 501183,  # Rostov, Yaroslavl
    # Prussian, Lithuanian and German names of towns in the Kaliningrad region and around it, Soviet names
    "Пиллау": "Балтийск", "Инстербург": "Черняховск", "Тильзит": 490068, "Гумбиннен": "Гусев", "Ковно": "Каунас",
    "Мемель": "Клайпеда", "Данциг": "Гданьск", "Бреслау": "Вроцлав", "Фрунзе": "Бишкек", "Андропов": "Рыбинск",
    "Устинов": "Ижевск", "Молотовск": "Северодвинск", "Загорск": "Сергиев Посад", "Троицкосавск": "Кяхта",
    "Сталино": "Донецк",
    # the old names of caravan towns on the tea road, and a border town's Russian name from its Chinese one
    "Урга": "Улан-Батор", "Калган": "Чжанцзякоу", "Эрлянь": "Эрэн-Хото",
    # names towns bore before the 1920s–1930s renamings
    "Сучан": "Партизанск", "Верхнеудинск": "Улан-Удэ", "Хлынов": "Киров",
    "Щегловск": "Кемерово", "Сталинск": "Новокузнецк", "Сталинабад": "Душанбе", "Семипалатинск": "Семей",
    "Усть-Сысольск": "Сыктывкар", "Обдорск": "Салехард",
}
# Closed towns' Soviet code names, a city's name and a post office number («Арзамас-16») → the GeoNames id of
# the town named so now, which the written gold names them by (Саров; eleven such records).
CODE_NAMES: dict[str, int] = {
    "Арзамас-16": 498525, "Челябинск-40": 1538634, "Челябинск-65": 1538634, "Челябинск-70": 1536289,
    "Томск-7": 1538637, "Красноярск-26": 1538635, "Красноярск-45": 1488253, "Свердловск-44": 1538636,
    "Свердловск-45": 829005, "Златоуст-36": 830844, "Пенза-19": 464625, "Семипалатинск-21": 1520885,
    "Петропавловск-Камчатский-50": 2118647,
}
# The names Russian texts use where GeoNames lists another Russian one first, or a short form («Петербург»;
# «Новгород», which all ten such mentions in the written gold name Великий Новгород).
USUAL_NAMES: dict[str, str] = {"Сухуми": "Сухум", "Цхинвали": "Цхинвал", "Петербург": "Санкт-Петербург",
                               "Новгород": "Великий Новгород"}
# Countries whose towns Russian texts name by their Russian names, where GeoNames lists their names in the
# local languages too (Belarusian «Мазыр», Tatar «Чистай», Udmurt «Ижкар»). Not Kazakhstan's: there the names
# from Kazakh are the current ones («Костанай», «Шымкент»), and the dictionary knows the Soviet ones.
RUSSIAN_NAMED: frozenset[str] = frozenset({"RU", "BY"})
# A name in these is a Russian one: a former name GeoNames lists among the town's others («Сталиногорск» of
# Новомосковск), not a spelling of another language («Мазыр», «Чистай»).
RUSSIAN_NAME_ENDINGS: tuple[str, ...] = ("ск", "град", "город")
# The endings of Russian towns' names, which rivers', mountains' and regions' names seldom have («Порхов»,
# «Далматово», «Покровск»; not «Неман», «Эльбрус», «Даурия», «Гжель»)
TOWN_NAME_ENDINGS: tuple[str, ...] = (*RUSSIAN_NAME_ENDINGS, "цк", "ов", "ев", "ёв", "ин", "ово", "ево", "ино")
# Territories whose state is disputed, to which GOLD.md gives no country (all 71 of their towns in the written
# gold have none): whole countries (GeoNames' Kosovo), whole regions by GeoNames' country and admin1 code
# (Abkhazia; Crimea and Sevastopol; the Donetsk, Luhansk, Zaporizhzhia and Kherson regions; Transnistria and
# Bender), and towns of territories that no region of GeoNames holds alone (South Ossetia's Tskhinvali and
# Akhalgori, the southern Kuril Islands' Yuzhno-Kurilsk).
DISPUTED_COUNTRIES: frozenset[str] = frozenset({"XK"})
DISPUTED_REGIONS: frozenset[tuple[str, str]] = frozenset({
    ("GE", "02"), ("UA", "11"), ("UA", "20"), ("UA", "05"), ("UA", "14"), ("UA", "26"), ("UA", "08"),
    ("MD", "58"), ("MD", "62"),
})
DISPUTED_TOWNS: frozenset[int] = frozenset({611403, 615914, 614217, 2119447})
# Parts of the world, regions and rivers whose names towns share (Азия in the Philippines, Кавказ in Colombia,
# Алтай in Xinjiang, Волга and Обь in Russia): in a report they are the regions and rivers, and a city only
# after «город».
REGIONS_NOT_CITIES: frozenset[str] = frozenset({
    "азия", "европа", "америка", "африка", "скандинавия", "прибалтика",
    "кавказ", "заполярье", "алтай", "урал", "сибирь", "поволжье", "приморье", "забайкалье", "кубань", "кузбасс", "крым",
    "ямал", "таймыр", "камчатка", "чукотка", "байкал", "волга", "обь", "дон", "кама", "ока", "амур", "лена",
    "енисей", "иртыш", "ангара",
    "алания",  # «Северная Осетия – Алания», not Alanya in Turkey (Аланья)
})
# States of the past that name-like phrases («Советский Союз») refer to, which no city is in.
FORMER_STATES: frozenset[str] = frozenset({"советский союз", "российский империя", "союз сср", "ссср", "югославия",
                                          "чехословакия", "пруссия", "гдр"})
# Country names, short forms and adjectives (lemmas, ё as е) → ISO 3166-1 alpha-2. Used to pick
# among homonymous cities by what the sentence or its heading says.
COUNTRIES: dict[str, str] = {
    "россия": "RU", "рф": "RU", "российский": "RU", "российская федерация": "RU",
    "китай": "CN", "кнр": "CN", "китайский": "CN",
    "беларусь": "BY", "белоруссия": "BY", "белорусский": "BY", "рб": "BY",
    "казахстан": "KZ", "казахстанский": "KZ", "рк": "KZ",
    "узбекистан": "UZ", "узбекский": "UZ", "кыргызстан": "KG", "киргизия": "KG", "киргизский": "KG",
    "таджикистан": "TJ", "таджикский": "TJ", "туркменистан": "TM", "туркмения": "TM",
    "армения": "AM", "армянский": "AM", "азербайджан": "AZ", "азербайджанский": "AZ",
    "грузия": "GE", "грузинский": "GE", "украина": "UA", "украинский": "UA", "молдова": "MD", "молдавия": "MD",
    "монголия": "MN", "монгольский": "MN", "индия": "IN", "индийский": "IN", "вьетнам": "VN",
    "вьетнамский": "VN", "германия": "DE", "немецкий": "DE", "франция": "FR", "французский": "FR",
    "италия": "IT", "итальянский": "IT", "турция": "TR", "турецкий": "TR", "сербия": "RS", "сербский": "RS",
    "япония": "JP", "японский": "JP", "корея": "KR", "корейский": "KR", "сша": "US", "американский": "US",
    "иран": "IR", "иранский": "IR", "куба": "CU", "кубинский": "CU", "израиль": "IL", "финляндия": "FI",
    "польша": "PL", "польский": "PL", "чехия": "CZ", "болгария": "BG", "египет": "EG", "оаэ": "AE",
    "великобритания": "GB", "британский": "GB", "англия": "GB", "английский": "GB", "ирландия": "IE",
    "австралия": "AU", "австралийский": "AU", "канада": "CA", "канадский": "CA", "испания": "ES",
    "испанский": "ES", "португалия": "PT", "нидерланды": "NL", "голландия": "NL", "бельгия": "BE",
    "австрия": "AT", "австрийский": "AT", "швейцария": "CH", "швеция": "SE", "норвегия": "NO", "дания": "DK",
    "греция": "GR", "греческий": "GR", "венгрия": "HU", "румыния": "RO", "словакия": "SK", "словения": "SI",
    "хорватия": "HR", "черногория": "ME", "латвия": "LV", "литва": "LT", "эстония": "EE", "таиланд": "TH",
    "малайзия": "MY", "индонезия": "ID", "филиппины": "PH", "пакистан": "PK", "бразилия": "BR",
    "аргентина": "AR", "мексика": "MX",
    "шведский": "SE", "норвежский": "NO", "финский": "FI", "финляндский": "FI", "датский": "DK",
    "эстонский": "EE", "латвийский": "LV", "литовский": "LT", "чешский": "CZ", "болгарский": "BG",
    "венгерский": "HU", "румынский": "RO", "словацкий": "SK", "словенский": "SI", "хорватский": "HR",
    "черногорский": "ME", "бельгийский": "BE", "нидерландский": "NL", "голландский": "NL",
    "португальский": "PT", "швейцарский": "CH", "египетский": "EG", "израильский": "IL", "бразильский": "BR",
    "мексиканский": "MX", "таиландский": "TH", "тайский": "TH", "малайзийский": "MY", "индонезийский": "ID",
    "пакистанский": "PK", "иорданский": "JO", "иордания": "JO",
}
# Words beside a name in Latin letters that make it a town's («Otaru City Hall», «Stadt Ulm», «Ville de
# Nancy», «Võru linn», «Vilniaus miesto savivaldybė», «Urząd Gminy Krynki», «Městský úřad Kralupy»), wherever
# the text names its country or not.
LATIN_TOWN_WORDS: frozenset[str] = frozenset({
    "City", "Town", "Stadt", "Ville", "Città", "Gemeinde", "Kommune", "linn", "vald", "miesto", "Miasto",
    "Gmina", "Gminy", "Miejski", "Město", "Městský", "úřad", "Urząd", "novada", "pašvaldība",
})
# Prepositions «in» of Czech, Slovak and Polish, before a town's name in its locative («v Kutné Hoře», «w Łomży»).
LATIN_IN: frozenset[str] = frozenset({"v", "ve", "w", "we"})
# Words that say a town's name in brackets is its name in another language («Казани (тат. Казан)», «Емвы
# (по-коми – Емдін)», «Крагуевцем (серб. Крагујевац)»).
LANGUAGE_MARKERS: tuple[str, ...] = (
    r"тат\.", r"башк\.", r"чуваш\.", r"удм\.", r"каз\.", r"кирг\.", r"узб\.", r"тадж\.", r"туркм\.", r"азерб\.",
    r"арм\.", r"груз\.", r"осет\.", r"серб\.", r"болг\.", r"бел\.", r"укр\.", r"эст\.", r"фин\.", r"якут\.", r"бур\.",
    r"тув\.", r"калм\.", r"(?:по-)?коми", r"по-[а-я]+(?:ски|цки)", r"на [а-я]+ом(?:\s+языке)?",
    # before a name in Latin letters: «Сортавала (фин. Sortavala)», «Олонца (карел. Anus, фин. Aunus)»
    r"карел\.", r"вепс\.", r"саам\.", r"швед\.", r"норв\.", r"дат\.", r"нем\.", r"англ\.", r"фр\.", r"франц\.",
    r"итал\.", r"исп\.", r"порт\.", r"пол\.", r"польск\.", r"чеш\.", r"словацк\.", r"венг\.", r"рум\.",
    r"лит\.", r"латыш\.", r"лтш\.", r"лат\.", r"нидерл\.", r"голл\.", r"хорв\.", r"словен\.", r"тур\.",
    r"греч\.", r"кит\.", r"яп\.", r"япон\.", r"кор\.", r"монг\.",
)
# Small words inside towns' names in Latin letters («Città di Castello», «Saint-Jean-de-Luz», «Frankfurt am Main»).
LATIN_PARTICLES: tuple[str, ...] = ("di", "de", "da", "del", "della", "la", "le", "les", "am", "an", "der", "im",
                                    "sur", "en", "upon", "on", "nad", "pod")
# Russian prepositions before a name in Latin letters that make it a place (a city, not a small town):
# «визит в Forlì», «в Schwäbisch Gmünd прошли Дни Каширы». So does a town listed before it («из Егорьевска,
# Слонима и Künzelsau»).
RUSSIAN_BEFORE_LATIN_TOWN: frozenset[str] = frozenset({"в", "во", "из", "до"})
# Case endings of a town's name in Latin letters beside an organisation's word or after «v»/«w», and what the
# name ends in instead, each word of the name on its own:
LATIN_CASE_ENDINGS: tuple[tuple[str, str], ...] = (
    # the Finnish genitive and inessive («Rovaniemen kaupunginhallitus», «Kemin», «Lahden», «Jyväskylässä»)
    ("en", "i"), ("n", ""), ("den", "ti"), ("ssä", ""), ("ssa", ""),
    # and with the consonant gradation of «nt» («Lappeenrannan kaupunki»), the adessive («Suomussalmella»)
    ("nnan", "nta"), ("nnassa", "nta"), ("ella", "i"), ("ellä", "i"), ("lla", ""), ("llä", ""),
    # the Latvian, Estonian and Lithuanian genitive and locative («Rēzeknes novads», «Ludzā», «Daugavpilī»,
    # «Võrus», «Vilniaus», «Druskininkų», «Kauno»)
    ("s", ""), ("ā", "a"), ("ī", "s"), ("aus", "us"), ("ų", "ai"), ("o", "as"),
    # the Czech locative («v Kolíně, Brně, Blansku, Sušici», «v Kutné Hoře», «v Mladé Boleslavi»)
    ("ě", ""), ("ě", "o"), ("u", "o"), ("i", "e"), ("é", "á"), ("ře", "ra"), ("i", ""),
    # and the Slovak one («v Žiline», «v Banskej Bystrici»)
    ("e", "a"), ("ej", "á"),
    # the Polish locative («w Łomży», «w Sokółce», «w Gdańsku», «w Krakowie», «w Białymstoku»)
    ("y", "a"), ("ce", "ka"), ("u", ""), ("ie", ""), ("ie", "a"), ("ymstoku", "ystok"),
    # the Hungarian inessive and superessive («Jászberényben», «Szombathelyen», «Szolnokon»)
    ("ben", ""), ("ban", ""), ("en", ""), ("on", ""), ("ön", ""),
)
# Vessels, trains and aircraft, whose quoted names are neither persons nor towns («на круизном теплоходе
# «Михаил Светлов»», «танкер «Оха»»): the stems of their words, before the opening quote.
VESSEL_STEMS: tuple[str, ...] = (
    "теплоход", "пароход", "судн", "судам", "судов", "танкер", "ледокол", "паром", "корабл", "лайнер", "яхт",
    "катер", "траулер", "сейнер", "буксир", "барж", "самол[её]т", "поезд",
)
VESSEL_BEFORE = re.compile(rf"(?<![а-яё])(?:{'|'.join(VESSEL_STEMS)})[а-яё]*\s+«$", re.IGNORECASE)
