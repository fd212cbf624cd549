"""Word lists for persons and organisations: data, read by participants.py."""

from __future__ import annotations

# Head nouns (lemmas) of organisation names. A phrase around one of these is an organisation when it
# is named: capitalised, followed by a proper complement (города Омска, им. А.С. Пушкина, № 7) or
# by a «quoted name».
ORG_HEADS: frozenset[str] = frozenset({
    "администрация", "правительство", "учреждение", "библиотека", "школа", "гимназия", "лицей", "колледж",
    "техникум", "училище", "университет", "институт", "академия", "консерватория", "музей", "дом-музей",
    "музей-заповедник", "театр", "филармония", "цирк", "центр", "фонд", "союз", "ассоциация", "палата",
    "корпорация", "компания", "общество", "объединение", "предприятие", "завод", "комбинат", "фабрика",
    "банк", "агентство", "министерство", "департамент", "управление", "комитет", "комиссия", "совет",
    "дума", "собрание", "консульство", "генконсульство", "посольство", "представительство", "акимат",
    "мэрия", "ансамбль", "хор", "оркестр", "студия", "клуб", "издательство", "редакция", "телеканал",
    "ассамблея", "партия", "полк", "дивизия", "служба", "инспекция", "прокуратура", "суд", "архив",
    "галерея", "заповедник", "больница", "поликлиника", "холдинг", "концерн", "кооператив", "партнёрство",
    "партнерство", "федерация", "штаб", "арт-резиденция", "резиденция", "лаборатория", "филиал",
    "отделение", "отдел", "сад", "детсад", "хозяйство", "организация", "группа", "бюро", "фирма",
    "парламент", "меджлис", "хурал", "курултай", "орден", "братство", "епархия", "хокимият", "дацан",
    "монастырь", "сангха", "секретариат", "таможня", "технопарк", "авиакомпания", "муниципалитет", "горисполком",
    "райисполком", "облисполком", "община", "трест", "конфедерация", "управа", "планетарий", "альянс",
    "исполком", "муфтият", "медресе", "лавра", "пустынь", "госкорпорация", "система", "станция", "электростанция",
    "скупштина", "хукумат",
})
# Military formations named by their number («26-го танкового корпуса», «33-й армии», «74-й бригадой»): all 37 in
# the written gold are annotated as organisations. Those marked True need an adjective between, as a number alone
# names a building or a camp's group with them too («во 2-м корпусе», «3-й отряд»).
NUMBERED_FORMATIONS: dict[str, bool] = {
    "армия": False, "дивизия": False, "бригада": False, "полк": False, "батальон": False, "флотилия": False,
    "эскадрилья": False, "эскадра": False, "корпус": True, "отряд": True, "фронт": True,
}
# One-word names of federal agencies and ministries, made of «Рос» and a stem («Росмолодежь»,
# «Россотрудничество»), a region's statistics office («Мурманскстат») or «Мин» and a ministry's («Минкультуры»,
# «Минобрнауки»; not «Минакши»):
# capitalised words of this shape that the dictionary does not know or knows as an organisation's.
AGENCY_WORD = (r"(?:Рос[а-яё]{4,}|[А-ЯЁ][а-яё]{2,}стат(?:а|у|ом|е)?"
               r"|Мин(?:культ|обрнаук|просвещ|здрав|транс|промторг|эконом|фин|юст|оборон|спорт"
               r"|цифр|природ|строй|энерго|сельхоз|труд|нац|востокразвит|рег)[а-яё]*)")
# Bodies that are never named after a person: a name after one is its officer's («советника городского
# совета Джеймса Кларка», «начальник управления культуры Б.Д. Намсараев»), not part of its name.
BODIES: frozenset[str] = frozenset({
    "администрация", "правительство", "министерство", "департамент", "управление", "комитет", "комиссия",
    "совет", "дума", "собрание", "консульство", "генконсульство", "посольство", "представительство", "акимат",
    "мэрия", "хокимият", "служба", "инспекция", "прокуратура", "суд", "отдел", "отделение", "палата",
    "агентство", "штаб", "парламент", "меджлис", "хурал", "курултай", "секретариат", "таможня", "муниципалитет",
    "горисполком", "райисполком", "облисполком", "община", "власть", "исполком", "муфтият", "хукумат",
})
# Adjectives of an institution's rank, which make «ADJ ADJ HEAD» a name at the start of a sentence too
# («Государственный исторический музей провёл…»); not «городской», «муниципальный»: generic as often.
INSTITUTION_ADJECTIVES: frozenset[str] = frozenset({
    "государственный", "областной", "краевой", "республиканский", "национальный", "федеральный",
    "академический", "всероссийский", "центральный",
})
# Heads that also name an action («организация выставки»): with a noun between them and a «quoted name»,
# the name is the noun's («на организацию лагеря «Евразия»»).
ACTION_HEADS: frozenset[str] = frozenset({"организация"})
# Heads that name an organisation only with a «quoted name» («исторический парк «Омская крепость»»):
# without one they are places or generic groups («в Белом зале»).
QUOTED_ONLY_HEADS: frozenset[str] = frozenset({
    "парк", "сквер", "группа", "организация", "лаборатория", "отдел", "отделение", "сад", "хозяйство",
    "центр", "предприятие", "площадка", "пространство", "кластер", "движение", "сообщество", "команда",
    "дом", "дворец", "зал", "гостиница", "отель", "санаторий", "пансионат", "курорт", "аэропорт", "кинотеатр",
    "лагерь", "храм", "хурээ", "комплекс", "мечеть", "хурул", "синагога", "собор", "костел", "кирха",
    "шахта", "рудник", "разрез", "отряд", "еврорегион", "стадион", "спорткомплекс", "манеж",
})
# Heads that name an organisation only in capitals («Исполнительная власть города Баку», Azerbaijan's city
# administrations; «Континентальная хоккейная лига», «Русская православная церковь», «3-го Белорусского
# фронта», «Балтийским флотом»): in small letters they are generic or a building («органы местной власти
# города Омска», «церкви Святого Николая», «в корпусе университета»).
CAPITALISED_ONLY_HEADS: frozenset[str] = frozenset({"власть", "лига", "церковь", "фронт", "армия", "флот", "корпус",
                                                    "база", "флотилия", "система", "станция", "электростанция"})
# First words of events' names, which name no organisation though a team's list may precede them.
EVENT_WORDS: frozenset[str] = frozenset({
    "кубок", "турнир", "фестиваль", "чемпионат", "первенство", "конкурс", "форум", "выставка", "акция", "проект",
    "программа", "премия", "игра", "марафон", "олимпиада", "слет", "слёт", "смена",
})
# What a person's name after «имени» names when it is no organisation's: an event, a prize, a grant, the
# naming itself («конкурс чтецов имени Г. Тукая», «премия имени К. Насыйри», «присвоения городу имени
# П.А. Кропоткина»). All sixteen such names outside an organisation in the written gold are persons.
NAMED_FOR_A_PERSON: frozenset[str] = EVENT_WORDS | {"праздник", "чтение", "стипендия", "присвоение", "грант"}
# Of those, the ones that name an institution with the person it is named after too («концертный зал имени
# С. Сайдашева», «Дворец культуры им. Малунцева»); a park or a square named so is a place.
NAMED_FOR_SOMEONE_HEADS: frozenset[str] = frozenset({"дом", "дворец", "зал", "центр", "аэропорт", "санаторий",
                                                     "пансионат", "лагерь"})
# Of those, institutions that a capitalised name with words after the head names without quotes («в Доме
# учёных», «Национальной лаборатории Ок-Ридж», «Туристским информационным центром округа Муром»); a park or a
# hall named so is a place («в Белом зале»).
CAPITALISED_NAME_HEADS: frozenset[str] = frozenset({"дом", "дворец", "центр", "лаборатория"})
# Of those, the ones a capitalised adjective before them names too, where the sentence does not start with
# it («в Коми-Пермяцком этнокультурном центре», «с Детским музейным центром»; all 144 such centres in the
# written gold are organisations).
ADJECTIVE_NAMED_HEADS: frozenset[str] = frozenset({"центр", "лаборатория"})
# What such a head with its complement alone names generically, a kind of building («Дворец спорта»).
GENERIC_BUILDINGS: frozenset[str] = frozenset({"дворец спорт", "дом культура", "дворец культура", "центр культура"})
# Adjectives of a level that leave such a building generic in small letters: of ~30 bare «районного Дома культуры»
# in the written gold one is annotated (but «Агрызский районный Дом культуры», named by its town, is).
GENERIC_LEVELS: frozenset[str] = frozenset({"районный", "сельский", "городской", "поселковый", "муниципальный"})
# Heads that a capitalised name puts the person it is named after right after, in the genitive, without
# «имени» («Музей М.Е. Салтыкова-Щедрина», «Дом-музей А.П. Чехова»); in small letters the person is another
# («директора музея А.В. Петрова»).
PERSONAL_HEADS: frozenset[str] = frozenset({"музей", "дом-музей", "музей-усадьба", "музей-квартира",
                                            "квартира-музей", "музей-заповедник"})
# Abbreviations in capitals that name places or other things (an exhibition: ЭКСПО), not organisations.
# A measure in the instrumental after a name ends it: «Агрызского районного Дома культуры стоимостью 27 млн рублей»,
# «представительства площадью 120 кв. м».
MEASURES_AFTER_NAME: frozenset[str] = frozenset({
    "стоимость", "площадь", "объем", "мощность", "вместимость", "протяженность", "длина", "высота", "тираж",
    "вес", "сумма", "емкость", "численность",
})
NOT_ORG_ABBREVIATIONS: frozenset[str] = frozenset({
    "ЗАТО",  # a closed town
    "РФ", "США", "КНР", "СССР", "ЛНР", "ДНР", "ЕС", "ОАЭ", "РБ", "РК", "ФРГ", "КНДР", "ВОВ", "ИП", "ТВ", "ИИ",
    "ЧС", "ЗОЖ", "ЖКХ", "ВВП", "НКО", "СМИ", "ВУЗ", "ООПТ", "ГТО", "ПДД", "ЕГЭ", "ОГЭ", "ЦФО", "СФО", "ДФО",
    "УФО", "ПФО", "СЗФО", "ЮФО", "СКФО", "ОМСК", "IT", "PR", "СВО", "ЭКСПО", "ИВЛ", "МРТ", "ПЦР", "ВИЧ", "ОРВИ",
    "ВКС", "НДС", "ХМАО", "ЯНАО", "ЕАО", "РСФСР", "УрФО",
    # units of measurement written in capitals and small letters
    "ГэВ", "МэВ", "ТэВ", "кэВ", "ГВт", "МВт", "кВт", "ГПа", "МПа", "кПа", "ГГц", "МГц", "кГц", "ТБ", "ГБ", "МБ",
})
# Latin letters as a character class's ranges, capitals and small, Latin Extended-A in both (its cases
# alternate): «Ölands», «Kolíně», «Sør-Varanger».
LATIN_CAPITAL = "A-ZÀ-ÞĀ-ſ"
LATIN_SMALL = "a-zß-ÿĀ-ɏ"
# Words that make a run of words in Latin letters an organisation's name, in the languages of partner
# cities («Kinross Gold Corporation», «Tartu Ülikool», «Trondheim kommune», «Clemens-Sels-Museum Neuss»).
# Lowercase; a compound ending in one counts too («Hansebüro», «vidusskola»), a run of one bare word does not.
ENGLISH_ORG_WORDS: frozenset[str] = frozenset({
    "academy", "agency", "airlines", "airways", "association", "authority", "bank", "center", "centre", "chamber",
    "choir", "club", "college", "commission", "committee", "company", "corporation", "council", "department",
    "ensemble", "federation", "foundation", "gallery", "group", "holding", "holdings", "hospital", "industries",
    "institute", "laboratory", "library", "ministry", "motors", "municipality", "museum", "orchestra",
    "organisation", "organization", "partnership", "playhouse", "school", "society", "studio", "theatre",
    "theater", "trust", "union", "university", "limited", "groupe", "gruppe", "konzern", "werke", "works",
    "service", "shipyard", "network", "institution", "fund", "office", "hall", "board", "government", "ferry",
})
# The same words in the languages of partner towns, whose names they follow in their own case: a town's name
# before one names the town («Kiruna kommun», «Rovaniemen kaupunginhallitus»), where before an English one it
# is as often a word («Green Forest Group», «Bank of China»).
LOCAL_ORG_WORDS: frozenset[str] = frozenset({
    # German, Dutch
    "akademie", "bibliothek", "bund", "büro", "gesellschaft", "gymnasium", "hochschule", "institut", "kammer",
    "orchester", "schule", "stiftung", "universität", "verband", "verein", "zentrum", "gemeente", "stichting",
    "universiteit", "vereniging", "hogeschool",
    # French, Italian, Spanish, Portuguese
    "université", "musée", "théâtre", "fondation", "société", "école", "lycée", "mairie", "conseil", "académie",
    "università", "comune", "museo", "teatro", "fondazione", "associazione", "istituto", "scuola", "universidad",
    "ayuntamiento", "fundación", "asociación", "universidade", "prefeitura", "politecnico", "cineteca", "musei",
    "biblioteca", "galleria", "pinacoteca", "conservatorio", "bibliothèque", "médiathèque",
    # Nordic, Baltic, Finnish, Hungarian
    "universitet", "universitetet", "högskola", "høgskole", "høgskolen", "kommun", "kommune", "kommunen",
    "sekretariat", "sekretariatet", "museet", "senter", "senteret", "biblioteket", "stiftelse", "förening",
    "forening", "ülikool", "institutet", "institutt", "fullmäktige", "styrelse", "styre", "hallitus",
    "valtuusto", "kunta", "hage", "trädgård", "skole", "skolen", "škola", "knihovna",
    "kool", "keskus", "muuseum", "teater", "linnavalitsus", "raamatukogu", "selts", "skola", "universitāte",
    "muzejs", "teātris", "biedrība", "bibliotēka", "universitetas", "mokykla", "muziejus", "savivaldybė",
    "yliopisto", "korkeakoulu", "kaupunki", "teatteri", "kirjasto", "säätiö", "egyetem", "múzeum", "színház",
    "alapítvány", "egyesület", "önkormányzat", "gimnázium", "instituut", "gümnaasium", "vallavalitsus",
    "centras", "centrs", "képtár", "pašvaldība",
    # Slavic and Turkish in Latin letters
    "uniwersytet", "muzeum", "teatr", "fundacja", "politechnika", "univerzita", "divadlo", "univerzitet", "muzej",
    "urząd", "towarzystwo", "starostwo", "úřad", "zespół", "szkoła", "szkół", "stowarzyszenie", "ośrodek",
    "akademia", "centrum", "administracija", "direkcija", "taryba",
    "opština", "üniversitesi", "belediyesi", "müzesi", "vakfı", "derneği", "enstitüsü", "ajansı",
})
LATIN_ORG_WORDS: frozenset[str] = ENGLISH_ORG_WORDS | LOCAL_ORG_WORDS
# Prepositions after an organisation's word in Latin letters that carry its name on in small letters
# («Norsk institutt for naturforskning», «Institutet för rymdfysik»).
LATIN_OF: frozenset[str] = frozenset({"for", "för", "of", "für", "voor", "per", "pour", "para"})
# Legal forms after a company's name in Latin letters, as written («Huawei Technologies Co., Ltd.»).
LATIN_LEGAL_FORMS: frozenset[str] = frozenset({
    "Inc", "Inc.", "Ltd", "Ltd.", "LLC", "PLC", "plc", "Corp", "Corp.", "Co.", "GmbH", "AG", "SE", "SA", "S.A.",
    "S.p.A.", "SpA", "Srl", "S.r.l.", "BV", "B.V.", "NV", "N.V.", "AB", "AS", "ASA", "Oy", "Oyj", "e.V.", "KG",
    "A.Ş.", "Zrt.", "Kft.",
})
# Latin capitals that name no organisation: terms, units, countries and the words of events' names.
# Roman numerals and currency codes are told apart by their form.
LATIN_NOT_ORG_ABBREVIATIONS: frozenset[str] = frozenset({
    "USA", "UAE", "USSR", "GDP", "CEO", "VIP", "GPS", "LED", "USB", "PDF", "SMS", "DVD", "NFT", "ESG", "HTML",
    "WWW", "URL", "API", "FAQ", "ISBN", "ISSN", "ISO", "COVID", "SARS", "HIV", "AIDS", "DNA", "RNA", "UTC", "GMT",
    "MBA", "BIM", "CRM", "ERP", "SEO", "SMM", "MICE", "KPI", "ROI", "LNG", "LPG", "SUV", "ATV", "UAV", "CNC",
    "PVC", "ABS", "TEU", "RFID", "NFC", "UHD", "LCD", "IPO", "GMP", "HACCP", "OEM", "FOB", "CIF", "EXW", "DAP",
    "DDP", "PPP", "CPI", "VAT", "CIS", "SOS", "ATM", "POS", "OPEN", "CUP", "FEST", "SHOW", "ART", "JAZZ", "ROCK",
    "FOLK", "RUN", "WEEK", "DAY", "TOUR", "LIFE", "CITY", "TEAM", "STAR", "LIVE", "SPORT", "EXPO", "NEWS", "BEST",
    "NEW", "ONLINE", "ONE", "TOP", "PRO", "MAX", "ECO", "BIO", "GEO", "KIDS", "FOOD", "WINE", "MUSIC", "FILM",
    "PHOTO", "DESIGN", "DANCE", "FORUM", "SUMMIT", "GAMES", "WORLD", "GRAND", "PRIX", "YES", "WOW", "STEM", "STEAM",
    "OK", "TV", "IT", "AI", "VR", "AR", "HR", "PR",
})
# Legal forms written as abbreviations before a name, which they belong to («ООО «Ромашка»», «МБОУ СОШ № 12»);
# before a name otherwise an abbreviation is an owner («проекта ГМИО «Параллели»»). Companies and
# non-profits by list; state and municipal institutions by their pattern: whose (Ф)Г/М/О/К/Р, budget,
# autonomous or state-run (Б/А/К), institution (У), of what (ОУ education, ДОУ pre-school, УК culture…).
LEGAL_FORMS: frozenset[str] = frozenset({
    "ООО", "ОАО", "ЗАО", "ПАО", "НАО", "АО", "АНО", "НКО", "НП", "МУП", "ГУП", "ФГУП", "ТСЖ", "СНТ", "РОО", "МОО",
    "ТОО", "ГККП", "КГП", "РГП", "КГУ",  # Kazakhstan's
    "АК", "МО",  # a joint-stock company, a municipality («МО «Город Мирный»»)
    "ИП",  # a sole trader: «ИП «Пасека Бирь»», and by the owner's name, «ИП Пак С.Г.» (participants.py)
})
# Kinds of institution written short before their name, as a legal form is («ДК «Звездный»», «ДШИ № 2»).
INSTITUTION_KINDS: frozenset[str] = frozenset({
    "ДК", "ДШИ", "ДМШ", "ДХШ", "ДДТ", "ЦДТ", "ДЮСШ", "СДЮСШОР", "СОШ", "ООШ", "ЦБС", "ЦГБ", "КДЦ", "ТЮЗ",
    "ФК", "ХК", "ГК", "БК", "ВК", "СК",  # sports clubs: «ФК «Краснодар»», «ГК «Кубань»»
})
INSTITUTION_FORM = r"(?:ФГ|Г|М|О|К|ОГ|КГ|Р)?О?[БАК]?(?:У|ОУ|ДОУ|ПОУ|УК|УДО|УЗ|УСО|УСОН)(?:ДО|ВО)?"  # МОБУ too
# Titles of address before a name, in any case («г-ном Пак Сон Хо», «госпожой Чжан Хуэй»).
HONORIFICS = r"г-(?:н|на|ну|ном|не|жа|жи|же|жой|жу)|господин(?:а|у|ом|е)?|госпож(?:а|и|е|ой|у)"
# Offices a report names a person after, with what they are of between («Генеральным консулом Турции в
# Екатеринбурге Селимом Акташем», «мэр Вакканая Тацуя Судзуки»): stems, and the endings they take.
TITLES = (r"(?:вице-|обер-|генеральн\w+\s+)?(?:посол|посл(?:а|у|ом)|(?:мэр|глав|губернатор|консул|генконсул|министр"
          r"|президент|премьер-министр|председател|директор|ректор|бургомистр|аким|хоким|заместител|депутат"
          r"|сенатор|советник|градоначальник|кмет|войт|жупан|руководител|начальник|префект|спикер|секретар)(?:а|я|ю|ем|ом|ой|у|е|ь|и|ы|ей)?)")
# The most common Chinese, Korean and Vietnamese surnames, which begin a name of two or three words
# that the dictionary does not know («Генеральный консул Ван Сюэпин», «с Нгуеном Ван Тунгом»).
EAST_ASIAN_SURNAMES: frozenset[str] = frozenset({
    "Ван", "Ли", "Чжан", "Лю", "Чэнь", "Чен", "Ян", "Хуан", "Чжао", "Чжоу", "Сюй", "Сунь", "Чжу", "Линь",
    "Гао", "Го", "Хэ", "Ло", "Лян", "Сун", "Чжэн", "Се", "Хань", "Тан", "Фэн", "Дэн", "Цао", "Пэн", "Цзэн",
    "Ким", "Пак", "Чхве", "Чон", "Кан", "Чо", "Юн", "Чан", "Лим", "Хан", "Квон", "Хван", "Сон", "Хон",
    "Нгуен", "Ле", "Фам", "Хоанг", "Фан", "Ву", "Во", "Данг", "Буй", "Нго", "Зыонг",
})
# Common Japanese given names in Polivanov's spelling, which natasha does not know: with a capitalised word
# after them they are a person («мэром Хироси Накамурой»).
JAPANESE_GIVEN_NAMES: frozenset[str] = frozenset({
    "Хироси", "Такаси", "Такэси", "Кэндзи", "Кэнъити", "Сатоси", "Акира", "Макото", "Ёсиро", "Ёсихиро",
    "Масахиро", "Масао", "Сигэру", "Тосио", "Харуки", "Юкио", "Тэцуя", "Кадзуо", "Ясуо", "Нобуо", "Итиро",
    "Дзиро", "Сабуро", "Кацуя", "Кодзи", "Синдзи", "Кадзухиро", "Хидэки", "Хидэо", "Тадаси", "Мицуо", "Ёсио",
    "Сэйдзи", "Тору", "Осаму", "Минору", "Мамору", "Сусуму", "Цутому", "Тэруо", "Кэнта", "Дайсукэ", "Синтаро",
    "Кэнтаро", "Коити", "Сюнсукэ", "Ютака", "Иссэй", "Хаято", "Рёта", "Юта", "Такуя", "Наоки", "Сота",
    "Юдзи", "Эйдзи", "Сёдзи", "Ясухиро", "Нобуюки", "Хироюки", "Масаюки", "Тосиюки", "Такаюки", "Кадзуюки",
    "Ёсинори", "Норио", "Фумио", "Синдзо", "Ёсихидэ", "Дзюнъитиро", "Кэйдзо", "Рютаро", "Сэйко",
    "Юко", "Кэйко", "Митико", "Наоко", "Томоко", "Хироко", "Ёко", "Акико", "Юми", "Сэцуко", "Кумико",
    "Аяко", "Эмико", "Тиэко", "Мидори", "Сакико", "Хитоми", "Мэгуми", "Каори", "Юкико", "Ёсико", "Рэйко",
    "Кадзуко", "Масако", "Фумико", "Норико", "Марико", "Мисаки", "Харука", "Аюми", "Сатико", "Тосико",
    "Тацуя", "Тэцуо", "Кохэй", "Сёхэй", "Ёсики", "Хидэтоси", "Мотоо", "Кунио", "Сюнъити", "Ёити", "Синъити",
    "Рё", "Дзюн", "Кэн", "Сё", "Макико", "Сиори", "Ёсиэ", "Тисато", "Нацуки", "Мию", "Саюри", "Ай",
    "Юки", "Юмико", "Икуко", "Сумико", "Ясуко", "Мицуко", "Кэйта", "Харуто", "Хината", "Хидэюки", "Наоми",
})
# Words after a first name that are part of a monarch's or saint's name («Екатерина Великая»).
EPITHETS: frozenset[str] = frozenset({"великий", "грозный", "мудрый", "святой", "невский", "донской", "первый"})
ROMAN_REGNAL = frozenset({"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV"})
# «(далее - X)» introduces X as a short name of what came before.
ALIAS_INTRO = r"\(\s*далее\s*[-–—]?\s*"
# Surname endings by gender and case → nominative ending, for surnames the dictionary does not know
# («Бухгольцу» → «Бухгольц», «Задерия» → «Задерий», «Бобровой» → «Боброва»). Longest ending first.
SURNAME_ENDINGS: dict[tuple[str, str], list[tuple[str, str]]] = {
    ("masc", "gent"): [("ского", "ский"), ("ова", "ов"), ("ева", "ев"), ("ина", "ин"), ("ия", "ий"), ("ея", "ей"),
                       ("я", "ь"), ("а", "")],
    ("masc", "accs"): [("ского", "ский"), ("ова", "ов"), ("ева", "ев"), ("ина", "ин"), ("ия", "ий"), ("ея", "ей"),
                       ("а", "")],
    ("masc", "datv"): [("скому", "ский"), ("ову", "ов"), ("еву", "ев"), ("ину", "ин"), ("ию", "ий"), ("ю", "ь"),
                       ("у", "")],
    ("masc", "ablt"): [("ским", "ский"), ("овым", "ов"), ("евым", "ев"), ("иным", "ин"), ("ием", "ий"),
                       ("шем", "ш"), ("жем", "ж"), ("чем", "ч"), ("щем", "щ"), ("цем", "ц"), ("ем", "ь"), ("ом", ""),
                       ("ой", "а")],
    ("masc", "loct"): [("ском", "ский"), ("ове", "ов"), ("еве", "ев"), ("ине", "ин"), ("ии", "ий"), ("е", "")],
    ("femn", "gent"): [("ской", "ская"), ("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("ой", "а"),
                       ("ы", "а"), ("и", "я")],
    ("femn", "datv"): [("ской", "ская"), ("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("ой", "а"),
                       ("е", "а")],
    ("femn", "ablt"): [("ской", "ская"), ("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("ой", "а")],
    ("femn", "accs"): [("скую", "ская"), ("ову", "ова"), ("еву", "ева"), ("ину", "ина"), ("у", "а"), ("ю", "я")],
    ("femn", "loct"): [("ской", "ская"), ("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("е", "а")],
}


def latin_org_word(word: str, words: frozenset[str] = LATIN_ORG_WORDS) -> bool:
    """An organisation's word, or a compound ending in one («Hansebüro», «Clemens-Sels-Museum»,
    «kommunfullmäktige»)."""
    return word in LATIN_LEGAL_FORMS or any(
        part in words or any(part.endswith(w) and len(part) >= len(w) + 3 for w in words)
        for part in word.lower().split("-"))
