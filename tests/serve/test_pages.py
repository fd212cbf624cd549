"""Every page of the served archive answers, in HTML and JSON, and is described."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import xml.etree.ElementTree as ET
from urllib.parse import urlencode

import pytest
import yaml

from pipeline.serve import METADATA
from tests.serve.conftest import fetch

META = yaml.safe_load(METADATA.read_text())
DB_META = META["databases"]["archive"]
TABLES = sorted(name for name, m in DB_META["tables"].items() if not m.get("hidden"))
# Sample parameters that find something in the Omsk 2023 sample.
QUERY_PARAMS: dict[str, dict[str, str]] = {
    "search": {"q": "телемост"},
    "report_text": {"report_id": "omsk-2023"},
    "partner_cities_by_country": {"country": "BY", "year": "2023"},
    "dated_between": {"date_from": "2023-04-01", "date_to": "2023-06-30"},
    "participants": {"report_id": "omsk-2023", "unit": "человек"},
    "organisations": {"name": "библиотека", "report_id": ""},
    "reports_feed": {},
    "records_feed": {"report_id": ""},
}
ATOM = "{http://www.w3.org/2005/Atom}"


def test_every_column_of_every_table_and_view_is_described(archive_db):
    conn = sqlite3.connect(archive_db)
    names = [r[0] for r in conn.execute("select name from sqlite_master where type in ('table', 'view')")]
    tables = DB_META["tables"]
    assert set(tables) <= set(names), "metadata describes tables the archive does not have"
    missing = []
    for name in names:
        meta = tables.get(name)
        if meta is None:
            missing.append(name)
            continue
        if meta.get("hidden"):
            continue
        if not (meta.get("description") or meta.get("description_html")):
            missing.append(f"{name} (table description)")
        for (column,) in conn.execute("select name from pragma_table_info(?)", [name]):
            if not (meta.get("columns") or {}).get(column):
                missing.append(f"{name}.{column}")
    assert not missing, f"undescribed: {missing}"
    hidden = {n for n, m in tables.items() if m.get("hidden")}
    assert hidden and all(n.startswith("paragraphs_fts") or n == "sqlite_stat1" for n in hidden)


def test_every_canned_query_is_titled_described_and_has_sample_parameters():
    queries = DB_META["queries"]
    assert set(queries) == set(QUERY_PARAMS)
    for name, q in queries.items():
        assert q.get("title") and q.get("description"), name


def test_instance_pages(ds):
    home = fetch(ds, "/").text
    assert "Архив муниципальных отчётов" in home and "/archive/search" in home
    assert "CC BY 4.0" in fetch(ds, "/archive").text
    fetch(ds, "/-/dashboards")
    fetch(ds, "/-/report/omsk-2023")
    fetch(ds, "/-/report/nowhere-1999", status=404)
    fetch(ds, "/archive.db", status=403)  # allow_download off


@pytest.mark.parametrize("table", TABLES)
def test_table_or_view_html_and_json(ds, table):
    html = fetch(ds, f"/archive/{table}").text
    assert "<h1" in html and table in html
    rows = fetch(ds, f"/archive/{table}.json?_shape=array&_labels=on").json()
    assert isinstance(rows, list) and (rows or table == "meta"), table  # meta is empty in test builds


def test_row_pages(ds):
    fetch(ds, "/archive/reports/omsk-2023")
    row = fetch(ds, "/archive/counts.json?_shape=array&_size=1").json()[0]
    page = fetch(ds, "/archive/counts/" + row["id"].replace(":", "~3A")).text
    assert '<mark class="record">' in page


def test_ndjson_and_labels(ds):
    lines = fetch(ds, "/archive/dates.json?_shape=array&_nl=on&report_id=omsk-2023").text.strip().splitlines()
    assert len(lines) > 10 and all(json.loads(line)["report_id"] == "omsk-2023" for line in lines)
    row = fetch(ds, "/archive/city_mentions.json?_shape=array&_labels=on&name=Гомель").json()[0]
    assert row["geonameid"] == {"value": 627907, "label": "Гомель"}


@pytest.mark.parametrize("query", sorted(QUERY_PARAMS))
def test_canned_query_html_and_json(ds, query):
    params = QUERY_PARAMS[query]
    fetch(ds, f"/archive/{query}?{urlencode(params)}")
    rows = fetch(ds, f"/archive/{query}.json?{urlencode({**params, '_shape': 'array'})}").json()
    assert rows, f"{query} found nothing for {params}"


def test_queries_answer_the_analysts_questions(ds):
    def rows(query, **params):
        return fetch(ds, f"/archive/{query}.json?{urlencode({**params, '_shape': 'array'})}").json()

    by_country = rows("partner_cities_by_country", country="Belarus", year="")
    assert {r["name"] for r in by_country} >= {"Гомель", "Минск"} and {r["country"] for r in by_country} == {"BY"}
    gomel = next(r for r in by_country if r["name"] == "Гомель")["first_mention"]
    assert "Гомел" in gomel and "Республика Беларусь" not in gomel, "a sentence, not the section heading"
    dated = rows("dated_between", date_from="2023-04-01", date_to="2023-04-30")
    assert dated and all("2023-04-01" <= r["start_date"] <= r["end_date"] <= "2023-04-30" for r in dated)
    assert any("Гомель" in (r["cities"] or "") for r in dated), "April: the delegation to Gomel"
    children = rows("participants", report_id="", unit="детей")  # any form of the noun
    assert children and {r["unit"] for r in children} == {"ребенок"}
    assert children[0]["unit_total"] == sum(r["value"] for r in children)
    libraries = rows("organisations", name="библиотеки", report_id="omsk-2023")
    assert libraries and all("библиотек" in r["organization"].lower() for r in libraries)
    text = rows("report_text", report_id="omsk-2023")
    assert [r["position"] for r in text] == sorted(r["position"] for r in text)
    assert text[0]["kind"] == "heading" and any(r["section"] == "Развитие туризма" for r in text)


def test_map_has_coordinates_and_the_cluster_map(ds):
    rows = fetch(ds, "/archive/partner_cities.json?_shape=array").json()
    gomel = next(r for r in rows if r["name"] == "Гомель")
    assert 52 < gomel["latitude"] < 53 and 30 < gomel["longitude"] < 32 and gomel["mentions"] >= 1
    assert all(r["name"] != "Омск" for r in rows), "the report's own city is no partner"
    html = fetch(ds, "/archive/partner_cities").text
    assert "datasette-cluster-map.js" in html and "DATASETTE_CLUSTER_MAP_LATITUDE_COLUMN" in html
    assert "/archive/city_mentions?geonameid=627907&amp;report_id=omsk-2023" in html


def test_atom_feed_of_reports_has_one_entry_per_report(ds, archive_db):
    response = fetch(ds, "/archive/reports_feed.atom")
    assert response.headers["content-type"].startswith("application/xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    reports = sqlite3.connect(archive_db).execute("select report_id, year from reports").fetchall()
    assert len(entries) == len(reports) == 1
    entry = entries[0]
    assert entry.find(f"{ATOM}id").text.endswith("report/omsk-2023")
    assert entry.find(f"{ATOM}updated").text.startswith("2023-12-31")
    assert entry.find(f"{ATOM}link").get("href") == "/archive/reports/omsk-2023"
    # stable: the same bytes on every request (no wall-clock time inside)
    assert fetch(ds, "/archive/reports_feed.atom").content == response.content


def test_atom_feed_of_records(ds, archive_db):
    feed = ET.fromstring(fetch(ds, "/archive/records_feed.atom").content)
    entries = feed.findall(f"{ATOM}entry")
    total = sqlite3.connect(archive_db).execute("select records from reports").fetchone()[0]
    assert len(entries) == min(500, total)
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert len(set(ids)) == len(ids)
    titles = [e.find(f"{ATOM}title").text for e in entries]
    assert any(t.startswith("count: 80 человек") for t in titles)


def test_robots_block_everything_but_the_home_page(ds):
    robots = fetch(ds, "/robots.txt").text.splitlines()
    assert robots[0] == "User-agent: *" and "Disallow: /" in robots and "Allow: /$" in robots


def test_dashboard_and_every_chart_query(ds):
    from datasette_dashboards import replace_opts_in_query

    html = fetch(ds, "/-/dashboards/archive-overview").text
    assert "Archive overview" in html
    charts = META["plugins"]["datasette-dashboards"]["archive-overview"]["charts"]
    assert {"participants", "countries", "months"} <= set(charts)
    for name, chart in charts.items():
        if "query" not in chart:
            continue
        for options in ({}, {"year": "2023"}):
            sql = replace_opts_in_query(chart["query"], options)
            data = fetch(ds, "/archive.json?" + urlencode({"sql": sql, **options, "_shape": "objects"})).json()
            assert data["rows"], (name, options)
    months = fetch(ds, "/archive.json?" + urlencode(
        {"sql": replace_opts_in_query(charts["months"]["query"], {}), "_shape": "array"})).json()
    assert all(len(r["month"]) == 10 and r["events"] > 0 for r in months)


@pytest.mark.parametrize("query", ["partner_cities_by_country", "dated_between", "participants", "organisations"])
def test_canned_query_without_parameters_means_all(ds, query):
    assert len(fetch(ds, f"/archive/{query}.json?_shape=array").json()) > 5


@pytest.mark.parametrize(("query", "params"), [("participants", {"unit": ""}), ("organisations", {"name": ""})])
def test_a_query_for_one_report_finds_its_rows_by_the_index(ds, query, params):
    def rows(report_id: str) -> list[dict]:
        query_string = urlencode({**params, "report_id": report_id, "_shape": "array"})
        return fetch(ds, f"/archive/{query}.json?{query_string}").json()

    everything = rows("")
    assert everything and rows("omsk-2023") == everything  # the sample is one report
    assert rows("omsk-202") == [] and rows("omsk-2023-x") == [] and rows("OMSK-2023") == []
    # At 1,000 reports a scan of the table took 5–200 ms per call where the index takes 0.1–1 ms.
    plan = asyncio.run(ds.get_database("archive").execute(
        f"explain query plan {DB_META['queries'][query]['sql']}", {**params, "report_id": "omsk-2023"}))
    assert any("USING INDEX" in row["detail"] and "(report_id>? AND report_id<?)" in row["detail"] for row in plan)
