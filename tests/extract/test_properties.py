"""Never crash on text: any string gives records whose offsets slice to their text and which validate."""

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.extract.conftest import records_of

REPORTISH = st.lists(st.sampled_from([
    "В ", "апреле ", "2023 ", "года ", "более ", "1,5 ", "тысяч ", "детей", " «", "»", "Омск", "-", "Гомель",
    "№ ", "75 ", "им. ", "А.С. ", "Пушкина", "ХIХ ", "века", ". ", "\n\n", "руб.", " 6 000 ", "3-х ", "(далее - ",
    ")", "города ", "Администрация ", "С ", "по ", "ноября", "\u00a0", "\x00", "\t", "Администра-\n", "ция ",
    "меж-\n  ", "дународных ", "-\n", "\n",
]), max_size=40).map("".join)
ANY = st.text(max_size=300)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(REPORTISH, ANY, st.tuples(REPORTISH, ANY).map("".join)))
@example("\U00017000")  # a letter without a Unicode name in this Python, which pymorphy3 asks for
@example("В 2023 году прошло \U00017000 встреч и 5 \U00017000\U00017001 в Омске")
@example("Ⱥ")  # a capital that no Latin name's pattern starts with
def test_any_text_gives_valid_records(text):
    for type_ in ("city", "date", "count", "money", "person", "organization"):
        records_of(text, type_)  # slicing is asserted inside; validation happens in extract()


def test_very_long_inputs():
    assert records_of("1" * 1_000_000, "count") == []  # 1 MB of digits: one number, no noun
    long_paragraph = "В мае прошло 5 встреч в Омске. " * 40_000  # 1.2 MB, one paragraph
    counts = records_of(long_paragraph, "count")
    assert len(counts) == 40_000 and {c.value for c in counts} == {5}
    assert [d.text for d in records_of("Омск " + "а" * 120_000 + " в 2023 году", "date")] == ["2023 году"]


@settings(max_examples=200, deadline=None)
@given(REPORTISH)
def test_reading_maps_every_character_back(text):
    from pipeline.extract.reading import Reading, hyphen_vocabulary

    reading = Reading(text, hyphen_vocabulary(text))
    kept = set()
    for i, c in enumerate(reading.text):
        start, end = reading.span(i, i + 1)
        assert text[start:end] == c
        kept.add(start)
    # what the reading leaves out is line-end hyphens, line breaks and indentation only
    assert all(text[j] in "-\u2010 \t\r\n" for j in range(len(text)) if j not in kept)
