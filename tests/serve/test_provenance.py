"""Every record shows the sentence it came from, its span marked, and no report text reaches a page raw."""

from __future__ import annotations

import hashlib

import pytest

from pipeline.records import (
    Block,
    CityRecord,
    CountRecord,
    ExtractedReport,
    OrganizationRecord,
    Report,
)
from pipeline.serve.highlight import record_offset
from tests.serve.conftest import fetch, make_datasette

SCRIPT = '<script>alert("x")</script>'
IMG = "<img src=x onerror=alert(1)>"
HEADING = "Итоги <b>года</b>"
PARAGRAPH = f"В апреле {SCRIPT} делегация Гомельской области и снова Гомель: 5 встреч, «ООО {IMG}»."


@pytest.fixture(scope="module")
def hostile_ds(tmp_path_factory):
    """An archive whose report text is full of HTML, built through the real store."""
    from pipeline.store import build

    text = f"{HEADING}\n\n{PARAGRAPH}\n"
    p0 = len(HEADING) + 2
    p1 = p0 + len(PARAGRAPH)

    def span(needle: str, occurrence: int = 1) -> dict:
        start = -1
        for _ in range(occurrence):
            start = text.index(needle, start + 1)
        return {"start": start, "end": start + len(needle), "text": needle, "block": 1,
                "sentence_start": p0, "sentence_end": p1}

    org = f"ООО {IMG}"
    report = ExtractedReport(
        report=Report(report_id="xss-2023", source="xss-2023.txt", format="txt",
                      sha256=hashlib.sha256(text.encode()).hexdigest(), city="Омск", year=2023,
                      extractor_version="test"),
        text=text,
        blocks=[Block(kind="heading", start=0, end=len(HEADING), section=0),
                Block(kind="paragraph", start=p0, end=p1, section=0)],
        records=[
            # the second «Гомель»: the first is inside «Гомельской», and the mark must not land there
            CityRecord(**span("Гомель", 2), name="Гомель", country="BY", geonameid=627907,
                       latitude=52.4345, longitude=30.9754, population=480951),
            CountRecord(**span("5 встреч"), value=5, qualifier="exact", unit="встреча"),
            OrganizationRecord(**span(org), name=org),
        ],
    )
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "xss-2023.json").write_text(report.model_dump_json(), encoding="utf-8")
    db = folder / "archive.db"
    build([folder / "xss-2023.json"], db)
    return make_datasette(db)


def assert_escaped(html: str) -> None:
    assert SCRIPT not in html and "<img src=x" not in html and "<b>года</b>" not in html


@pytest.mark.parametrize("path", [
    "/archive/city_mentions", "/archive/counts", "/archive/organization_mentions", "/archive/paragraphs",
    "/archive/paragraphs?_search=апрель", "/archive/search?q=делегация", "/archive/report_text?report_id=xss-2023",
    "/archive/dated_between?date_from=&date_to=", "/archive/organisations?name=&report_id=",
    "/archive/participants?report_id=&unit=", "/archive/sections", "/archive/reports/xss-2023",
    "/-/report/xss-2023", "/archive/records_feed.atom",
])
def test_report_html_never_reaches_a_page_raw(hostile_ds, path):
    html = fetch(hostile_ds, path).text
    assert_escaped(html)
    if not any(quiet in path for quiet in ("feed", "sections", "dated_between")):  # these show no such text
        assert "&lt;script&gt;" in html or "&lt;b&gt;" in html, path


def test_sentence_marks_the_record_where_it_stands(hostile_ds):
    html = fetch(hostile_ds, "/archive/city_mentions").text
    assert 'области и снова <mark class="record">Гомель</mark>: 5 встреч' in html
    assert '&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;' in html
    assert 'href="/-/report/xss-2023#p-1"' in html, "a link to the sentence in its report"
    orgs = fetch(hostile_ds, "/archive/organization_mentions").text
    assert '<mark class="record">ООО &lt;img src=x onerror=alert(1)&gt;</mark>' in orgs


def test_reading_view_escapes_and_marks(hostile_ds):
    html = fetch(hostile_ds, "/-/report/xss-2023").text
    assert '<h2 id="p-0">Итоги &lt;b&gt;года&lt;/b&gt;</h2>' in html
    assert 'title="city: Гомель (BY)">Гомель</mark>' in html
    assert 'title="organization: ООО &lt;img src=x onerror=alert(1)&gt;">ООО &lt;img' in html


def test_sample_records_carry_their_sentence_page_and_paragraph(ds):
    html = fetch(ds, "/archive/counts?text=80+человек").text
    assert 'приняли участие <mark class="record">80 человек</mark>.' in html
    assert 'href="/-/report/omsk-2023#p-5"' in html and 'href="/archive/paragraphs/omsk-2023~3A5"' in html
    for table in ("city_mentions", "dates", "money", "person_mentions", "organization_mentions"):
        page = fetch(ds, f"/archive/{table}").text
        assert page.count('<mark class="record">') >= 1, table
    reading = fetch(ds, "/-/report/omsk-2023").text
    assert '<p id="p-5">' in reading and 'class="rec rec-count" title="count: 80 человек (exact)"' in reading


def test_report_page_offers_its_text_by_section(ds):
    html = fetch(ds, "/archive/reports/omsk-2023").text
    assert 'href="/-/report/omsk-2023"' in html and "Развитие туризма" in html


def test_record_offset_finds_the_occurrence_that_holds_the_record():
    paragraph = "Раз. Гомель и Гомель. Два."
    sentence = "Гомель и Гомель."
    second = paragraph.rindex("Гомель")
    assert record_offset(sentence, "Гомель", 100 + second, 100, paragraph) == sentence.rindex("Гомель")
    assert record_offset(sentence, "Гомель", None, None, None) == 0  # without offsets: the first
    assert record_offset(sentence, "Минск", 0, 0, paragraph) is None
