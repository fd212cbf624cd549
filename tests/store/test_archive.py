"""The archive through Datasette's JSON API, as analysts and other systems use it."""

import asyncio
import sqlite3

import pytest
import yaml
from datasette.app import Datasette

from pipeline.serve import METADATA, settings


@pytest.fixture(scope="module")
def ds(archive_db):
    return Datasette([], immutables=[str(archive_db)], metadata=yaml.safe_load(METADATA.read_text()),
                     settings=settings())


def get(ds, path):
    async def go():
        return await ds.client.get(path)

    response = asyncio.run(go())
    assert response.status_code == 200, (path, response.text[:500])
    return response.json()


def test_foreign_cities_with_country_and_coordinates(ds):
    rows = get(ds, "/archive/cities.json?_shape=array&country__not=RU")
    by_name = {r["name"]: r for r in rows}
    assert by_name["Гомель"]["country"] == "BY"
    assert by_name["Кайфын"]["country"] == "CN"
    assert 52 < by_name["Гомель"]["latitude"] < 53 and 30 < by_name["Гомель"]["longitude"] < 32
    assert "Омск" not in by_name


def test_counts_of_a_report_have_units(ds):
    rows = get(ds, "/archive/counts.json?_shape=array&report_id=omsk-2023&_size=max")
    assert {"value": 80, "unit": "человек", "qualifier": "exact"}.items() <= \
        next(r for r in rows if r["text"] == "80 человек").items()
    assert any(r["unit"] == "делегация" and r["value"] == 11 for r in rows)


def test_search_finds_every_form_with_report_and_section(ds):
    rows = get(ds, "/archive/search.json?_shape=array&q=телемост")
    texts = [r["text"] for r in rows]
    assert any("телемост," in t for t in texts), "the nominative form"
    assert any("телемоста" in t for t in texts), "телемост must find телемоста"
    hit = next(r for r in rows if "состоялся телемост" in r["text"])
    assert hit["report_id"] == "omsk-2023"
    assert hit["section"] == "Город Фучжоу (провинция Фуцзянь, КНР)"


def test_a_record_links_back_to_its_paragraph_and_sentence(ds, archive_db):
    row = get(ds, "/archive/counts.json?_shape=array&text=80 человек&_labels=on")[0]
    assert row["paragraph_id"]["value"] == row["report_id"]["value"] + ":" + row["paragraph_id"]["value"].split(":")[1]
    paragraph = get(ds, f"/archive/paragraphs/{row['paragraph_id']['value']}.json?_shape=array")[0]
    assert "80 человек" in paragraph["text"]
    assert row["text"] in row["sentence"] and row["sentence"] in paragraph["text"]
    conn = sqlite3.connect(archive_db)
    text = conn.execute("select text from paragraphs where id = ?", (row["paragraph_id"]["value"],)).fetchone()[0]
    offset = paragraph["start"]
    assert text[row["start"] - offset : row["end"] - offset] == row["text"]


def test_database_is_read_only_through_the_api(ds):
    async def go():
        return await ds.client.post("/archive/-/query", data={"sql": "delete from reports"})

    response = asyncio.run(go())
    assert response.status_code in (400, 403, 404, 405)
    assert get(ds, "/archive/reports.json?_shape=array")


def test_foreign_keys_and_indexes_exist(archive_db):
    conn = sqlite3.connect(archive_db)
    fks = {(r[2], r[3]) for r in conn.execute("select * from pragma_foreign_key_list('counts')")}
    assert ("reports", "report_id") in fks and ("paragraphs", "paragraph_id") in fks
    indexed = {r[0] for r in conn.execute("select il.name from pragma_index_list('counts') il")}
    assert any("unit" in name for name in indexed)
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
