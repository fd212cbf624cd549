"""Which report a file is: the city from a heading, else from the file name as the text bears it out."""

import pytest

from pipeline.identify import identify


@pytest.mark.parametrize("stem, text, city", [
    # a compound name cut in the file name, and which of two cities the text names
    ("komsomolsk-2020", "Делегация Комсомольска-на-Амуре посетила Харбин.", "Комсомольск-на-Амуре"),
    ("petropavlovsk-2021", "В Петропавловске-Камчатском прошёл форум.", "Петропавловск-Камчатский"),
    ("petropavlovsk-2021", "Петропавловск и Костанай (Казахстан) подписали соглашение.", "Петропавловск"),
    ("novgorod-2020", "Великий Новгород принял делегацию Зволле.", "Великий Новгород"),
    # written together, and with «y» for «ий»; the Russian spelling the text uses
    ("gornoaltaysk-2020", "Горно-Алтайск принял гостей.", "Горно-Алтайск"),
    ("nizhnynovgorod-2017", "Нижний Новгород принял гостей.", "Нижний Новгород"),
    ("ulanude-2019", "Улан-Удэ принял гостей.", "Улан-Удэ"),
    # a small town, which the text names
    ("suzdal-2023", "Суздаль принял гостей из Владимира.", "Суздаль"),
    # a small town named whole, not the larger one whose name holds it; under its usual spelling
    ("zadonsk-2021", "Задонск принял гостей. В Задонске прошёл фестиваль.", "Задонск"),
    # not the Ukrainian spelling GeoNames lists among a Russian town's names («Долинськ»)
    ("dolinsk-2023", "Долинск принял гостей. В Долинске прошёл фестиваль.", "Долинск"),
    # GeoNames' «yy» for «ый»; the city the text names whole, not the longer one it names once
    ("svobodny-2019", "Свободный принял гостей.", "Свободный"),
    # «yo» for «ё», where GeoNames writes «e» (Zhigulevsk)
    ("zhigulyovsk-2019", "Жигулёвск принял гостей. В Жигулёвске прошёл фестиваль.", "Жигулевск"),
    # «i» for «й» after a vowel, where GeoNames writes «y» (Gay)
    ("gai-2022", "Гай принял гостей. В Гае прошёл фестиваль.", "Гай"),
    # a small town under its Russian name, not the name in another language GeoNames lists too (Moksha's
    # «Чополт ош» for Темников)
    ("temnikov-2019", "Темников принял гостей. В Темникове прошёл фестиваль.", "Темников"),
    ("zheleznogorsk-2019", "Железногорск дружит с Железногорском-Илимским. В Железногорске прошёл форум.",
     "Железногорск"),
    # a small town, not a foreign town whose Latin name has a mark (Orlová, no «orlov»)
    ("orlov-2022", "Орлов — один из старейших городов Вятской земли. В Орлове прошёл фестиваль.", "Орлов"),
])
def test_city_from_the_file_name(stem, text, city):
    ident = identify(stem, text, [])
    assert (ident.city, ident.report_id) == (city, stem)


def test_a_heading_names_the_city_before_the_file_name():
    assert identify("rostov-2022", "РОСТОВ-НА-ДОНУ\n\nОтчёт.", ["РОСТОВ-НА-ДОНУ"]).city == "Ростов-на-Дону"


def test_a_file_name_no_city_spells_is_kept_as_written():
    assert identify("zzyzx-2020", "Отчёт за 2020 год.", []).city == "Zzyzx"


def test_a_small_town_the_text_does_not_name_is_not_the_reports_city():
    assert identify("suzdal-2023", "Отчёт за 2023 год.", []).city == "Suzdal"


def test_a_town_the_gazetteer_lacks_is_named_by_the_heading_that_spells_the_file_name():
    assert identify("aznakayevo-2021", "АЗНАКАЕВО\n\nОтчёт.", ["АЗНАКАЕВО", "Отчёт"]).city == "Азнакаево"
    assert identify("aznakayevo-2021", "ОТЧЁТ\n\nТекст.", ["ОТЧЁТ"]).city == "Aznakayevo"


def test_a_town_the_gazetteer_lacks_is_named_as_the_text_spells_it_most():
    text = "Отчёт за 2022 год\n\nг. Дмитриев\n\nДмитриев — город на реке Свапа. В Дмитриеве прошёл праздник. " \
           "ДМИТРИЕВ и Дмитриевка."
    assert identify("dmitriev-2022", text, ["Отчёт за 2022 год"]).city == "Дмитриев"
    assert identify("dmitriev-2022", "Отчёт о Курске.", []).city == "Dmitriev"
