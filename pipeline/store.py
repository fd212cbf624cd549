"""extracted/*.json → archive.db: tables, keys, indexes and full-text search, built atomically."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import sqlite_utils

from pipeline.atomic import temporary_for
from pipeline.records import ExtractedReport
from pipeline.textindex import lemmatize_text

# Record type → (table, columns beyond the shared ones). Entities (cities, persons, organisations)
# get a table of their own that mentions point to.
RECORD_TABLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "city": ("city_mentions", ("name", "country", "geonameid")),
    "date": ("dates", ("start_date", "end_date", "granularity")),
    "count": ("counts", ("value", "qualifier", "unit")),
    "money": ("money", ("value", "currency", "qualifier")),
    "person": ("person_mentions", ("name", "person_id")),
    "organization": ("organization_mentions", ("name", "organization_id")),
}
INDEXES: dict[str, list[list[str]]] = {
    # start: the table page's default sort (metadata.yml); (geonameid, report_id): the partner_cities view's
    # group by, read from the index alone
    "city_mentions": [["name"], ["country"], ["geonameid"], ["start"], ["geonameid", "report_id"]],
    "dates": [["start_date"], ["end_date"], ["granularity"]],
    # value: the default sort (sort_desc). Facets are report_id, unit, qualifier: filtered by one of unit or
    # qualifier (a click on a facet value), the others are counted from a covering index and the first page
    # comes in index order. (report_id, unit, value): participants_per_report and the participants query.
    "counts": [["unit"], ["qualifier"], ["value"],
               ["unit", "value"], ["unit", "report_id"], ["unit", "qualifier"],
               ["qualifier", "value"], ["qualifier", "report_id"], ["qualifier", "unit"],
               ["report_id", "unit", "value"]],
    "money": [["currency"]],
    "person_mentions": [["person_id"], ["start"]],
    "organization_mentions": [["organization_id"], ["start"]],
    # (report_id, position): a report's text in reading order (reading view, report_text) without a sort;
    # position and kind: the table page's default sort and its kind facet
    "paragraphs": [["section_id"], ["report_id", "position"], ["position"], ["kind"]],
    "sections": [["position"]],
}


# Views for the questions analysts ask most; Datasette shows them beside the tables.
VIEWS: dict[str, str] = {
    "partner_cities": """
        select c.geonameid, c.name, c.country, c.latitude, c.longitude, m.report_id, r.year,
               count(*) as mentions
        from city_mentions m join cities c on c.geonameid = m.geonameid join reports r on r.report_id = m.report_id
        where r.city is null or c.name != r.city
        group by c.geonameid, m.report_id order by mentions desc""",
    "participants_per_report": """
        select c.report_id, r.year, c.unit, count(*) as figures, sum(c.value) as total
        from counts c join reports r on r.report_id = c.report_id
        group by c.report_id, c.unit order by total desc""",
    # Counts of people (the counted noun names persons): "how many took part", with year and provenance.
    "participant_counts": """
        select c.id, c.report_id, r.year, c.paragraph_id, c.page, c.start, c."end", c.text, c.sentence,
               c.value, c.qualifier, c.unit
        from counts c join reports r on r.report_id = c.report_id
        where c.unit in ('человек', 'участник', 'ребенок', 'омич', 'горожанин', 'житель', 'гость', 'зритель',
                         'посетитель', 'школьник', 'студент', 'учащийся', 'специалист', 'представитель',
                         'делегат', 'волонтер', 'читатель', 'слушатель', 'спортсмен', 'артист', 'исполнитель',
                         'педагог', 'учитель', 'предприниматель', 'подросток', 'пенсионер', 'ветеран')
        order by r.year, c.report_id, c.start""",
}


def shape_fingerprint() -> str:
    """Changes whenever the archive's shape code changes (tables, views), so ingest rebuilds the DB."""
    import hashlib
    import inspect

    source = inspect.getsource(ensure_db_shape) + inspect.getsource(_rows) + json.dumps([VIEWS, INDEXES], sort_keys=True)
    return hashlib.sha256(source.encode()).hexdigest()[:16]


def entity_key(name: str) -> str:
    """Mentions of one participant merge under this key: case, ё and spacing do not matter."""
    return " ".join(name.lower().replace("ё", "е").replace("«", "\"").replace("»", "\"").split())


def load(paths: Iterable[Path]) -> Iterator[ExtractedReport]:
    for p in paths:
        yield ExtractedReport.model_validate_json(p.read_bytes())


def _rows(reports: list[ExtractedReport]) -> dict[str, list[dict[str, Any]]]:
    tables: dict[str, list[dict[str, Any]]] = {"reports": [], "sections": [], "paragraphs": [], "cities": []}
    for _, (table, _) in RECORD_TABLES.items():
        tables.setdefault(table, [])
    entities: dict[str, dict[str, dict[str, Any]]] = {"persons": {}, "organizations": {}}
    cities: dict[int, dict[str, Any]] = {}
    for er in reports:
        r = er.report
        rid = r.report_id
        tables["reports"].append({**r.model_dump(mode="json"), "chars": len(er.text),
                                  "records": len(er.records)})
        for i, b in enumerate(er.blocks):
            pid = f"{rid}:{i}"
            section = f"{rid}:{b.section}" if b.section is not None else None
            text = er.text[b.start : b.end]
            if b.kind == "heading":
                tables["sections"].append({"id": pid, "report_id": rid, "position": i, "heading": text,
                                           "page": b.page})
            tables["paragraphs"].append({"id": pid, "report_id": rid, "section_id": section, "position": i,
                                         "kind": b.kind, "page": b.page, "start": b.start, "end": b.end,
                                         "text": text, "lemmas": er.lemmas[i] if er.lemmas else lemmatize_text(text)})
        for rec in er.records:
            table, columns = RECORD_TABLES[rec.type]
            data = rec.model_dump(mode="json")
            row = {"id": f"{rid}:{rec.type}:{rec.start}-{rec.end}", "report_id": rid,
                   "paragraph_id": f"{rid}:{rec.block}", "page": rec.page, "start": rec.start, "end": rec.end,
                   "text": rec.text, "sentence": er.text[rec.sentence_start : rec.sentence_end],
                   "extractor_version": r.extractor_version}
            for c in columns:
                if c in data:
                    row[c] = data[c]
            if rec.type in ("person", "organization"):
                kind = "persons" if rec.type == "person" else "organizations"
                key = entity_key(rec.name)
                entity = entities[kind].setdefault(key, {"id": key, "name": rec.name, "mentions": 0})
                entity["mentions"] += 1
                row[f"{rec.type}_id"] = key
            if rec.type == "city" and rec.geonameid is not None:
                c = cities.setdefault(rec.geonameid, {"geonameid": rec.geonameid, "name": rec.name,
                                                      "country": rec.country, "latitude": rec.latitude,
                                                      "longitude": rec.longitude, "population": rec.population,
                                                      "mentions": 0})
                c["mentions"] += 1
            tables[table].append(row)
    tables["cities"] = sorted(cities.values(), key=lambda c: c["geonameid"])
    tables["persons"] = sorted(entities["persons"].values(), key=lambda e: e["id"])
    tables["organizations"] = sorted(entities["organizations"].values(), key=lambda e: e["id"])
    return tables


def ensure_db_shape(db: sqlite_utils.Database, indexes: bool = True) -> None:
    """Tables with keys, foreign keys and indexes, so an empty archive has the same shape as a full one."""
    text, integer, real = str, int, float
    db["reports"].create({"report_id": text, "source": text, "format": text, "sha256": text, "city": text,
                          "year": integer, "pages": integer, "extractor_version": text, "chars": integer,
                          "records": integer}, pk="report_id", if_not_exists=True)
    db["sections"].create({"id": text, "report_id": text, "position": integer, "heading": text, "page": integer},
                          pk="id", foreign_keys=[("report_id", "reports")], if_not_exists=True)
    db["paragraphs"].create({"id": text, "report_id": text, "section_id": text, "position": integer, "kind": text,
                             "page": integer, "start": integer, "end": integer, "text": text, "lemmas": text},
                            pk="id", foreign_keys=[("report_id", "reports"), ("section_id", "sections")],
                            if_not_exists=True)
    db["cities"].create({"geonameid": integer, "name": text, "country": text, "latitude": real,
                         "longitude": real, "population": integer, "mentions": integer}, pk="geonameid",
                        if_not_exists=True)
    for entity in ("persons", "organizations"):
        db[entity].create({"id": text, "name": text, "mentions": integer}, pk="id", if_not_exists=True)
    common = {"id": text, "report_id": text, "paragraph_id": text, "page": integer, "start": integer,
              "end": integer, "text": text, "sentence": text}
    extra: dict[str, dict[str, type]] = {
        "city_mentions": {"name": text, "country": text, "geonameid": integer},
        "dates": {"start_date": text, "end_date": text, "granularity": text},
        "counts": {"value": real, "qualifier": text, "unit": text},
        "money": {"value": real, "currency": text, "qualifier": text},
        "person_mentions": {"name": text, "person_id": text},
        "organization_mentions": {"name": text, "organization_id": text},
    }
    fks = {"city_mentions": [("geonameid", "cities")], "person_mentions": [("person_id", "persons")],
           "organization_mentions": [("organization_id", "organizations")]}
    for table, columns in extra.items():
        db[table].create({**common, **columns, "extractor_version": text}, pk="id",
                         foreign_keys=[("report_id", "reports"), ("paragraph_id", "paragraphs"),
                                       *fks.get(table, [])], if_not_exists=True)
    db["meta"].create({"key": text, "value": text}, pk="key", if_not_exists=True)
    if indexes:
        create_indexes(db)


def create_indexes(db: sqlite_utils.Database) -> None:
    """Indexes on what people filter and join by; built after a bulk load, which is faster than during it."""
    for table in ["sections", *INDEXES]:
        for cols in [["report_id"], *INDEXES.get(table, [])]:
            db[table].create_index(cols, if_not_exists=True)


def _insert(conn: sqlite3.Connection, table: str, columns: dict[str, type], rows: list[dict[str, Any]]) -> None:
    """Plain executemany: the table shape is already made, and sqlite-utils' per-row checks cost 5x."""
    names = list(columns)
    unknown = {k for row in rows[:1] for k in row} - set(names)
    if unknown:
        raise ValueError(f"{table}: no column for {sorted(unknown)}")  # a field added to records but not here
    sql = f"insert into [{table}] ({', '.join(f'[{c}]' for c in names)}) values ({', '.join('?' * len(names))})"
    conn.executemany(sql, [tuple(row.get(c) for c in names) for row in rows])


def build(paths: list[Path], db_path: Path, meta: dict[str, str] | None = None) -> dict[str, int]:
    """Build the archive from extracted JSON into a temporary file, then rename it over `db_path`."""
    reports = list(load(paths))
    tables = _rows(reports)
    tmp = temporary_for(db_path)
    conn = sqlite3.connect(tmp)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    db = sqlite_utils.Database(conn)
    try:
        ensure_db_shape(db, indexes=False)
        order = ["reports", "sections", "paragraphs", "cities", "persons", "organizations",
                 *[t for t, _ in RECORD_TABLES.values()]]
        for name in order:
            if tables.get(name):
                _insert(conn, name, db[name].columns_dict, tables[name])
        create_indexes(db)
        db["paragraphs"].enable_fts(["text", "lemmas"], tokenize="unicode61 remove_diacritics 0", create_triggers=False)
        db["meta"].insert_all([{"key": k, "value": v} for k, v in sorted((meta or {}).items())], replace=True)
        db.execute("ANALYZE")
        conn.commit()
        for name, sql in VIEWS.items():
            db.create_view(name, sql, replace=True)
        conn.commit()
        conn.close()
        # Written without a journal or syncs for speed; one fsync before the rename makes it durable.
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, db_path)
    except BaseException:
        conn.close()
        tmp.unlink(missing_ok=True)
        raise
    return {name: len(rows) for name, rows in tables.items()}
