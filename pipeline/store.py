"""extracted/*.json → archive.db: tables, keys, indexes and full-text search, built atomically."""

from __future__ import annotations

import functools
import hashlib
import json
import multiprocessing as mp
import os
import shutil
import sqlite3
import threading
from collections.abc import Collection, Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor, wait
from contextlib import closing
from operator import itemgetter
from pathlib import Path
from typing import Any

import apsw
import sqlite_utils

from pipeline import atomic, extracted
from pipeline.textindex import lemmatize_text

Connection = sqlite3.Connection | apsw.Connection  # both execute() and executemany() alike
TEXT, INTEGER, REAL = str, int, float  # column types, as sqlite-utils maps them
# Every table's columns in order; rows are built as tuples in this order. The first column is the key.
REPORT_FIELDS = ("report_id", "source", "format", "sha256", "city", "year", "pages", "extractor_version")
CITY_FIELDS = ("geonameid", "name", "country", "latitude", "longitude", "population")
_MENTION = {"id": TEXT, "report_id": TEXT, "paragraph_id": TEXT, "page": INTEGER, "start": INTEGER, "end": INTEGER,
            "text": TEXT, "sentence": TEXT}
COLUMNS: dict[str, dict[str, type]] = {
    "reports": {"report_id": TEXT, "source": TEXT, "format": TEXT, "sha256": TEXT, "city": TEXT, "year": INTEGER,
                "pages": INTEGER, "extractor_version": TEXT, "chars": INTEGER, "records": INTEGER},
    "sections": {"id": TEXT, "report_id": TEXT, "position": INTEGER, "heading": TEXT, "page": INTEGER},
    "paragraphs": {"id": TEXT, "report_id": TEXT, "section_id": TEXT, "position": INTEGER, "kind": TEXT,
                   "page": INTEGER, "start": INTEGER, "end": INTEGER, "text": TEXT, "lemmas": TEXT},
    "cities": {"geonameid": INTEGER, "name": TEXT, "country": TEXT, "latitude": REAL, "longitude": REAL,
               "population": INTEGER, "mentions": INTEGER},
    "persons": {"id": TEXT, "name": TEXT, "mentions": INTEGER},
    "organizations": {"id": TEXT, "name": TEXT, "mentions": INTEGER},
    "city_mentions": {**_MENTION, "name": TEXT, "country": TEXT, "geonameid": INTEGER, "extractor_version": TEXT},
    "dates": {**_MENTION, "start_date": TEXT, "end_date": TEXT, "granularity": TEXT, "extractor_version": TEXT},
    "counts": {**_MENTION, "value": REAL, "qualifier": TEXT, "unit": TEXT, "extractor_version": TEXT},
    "money": {**_MENTION, "value": REAL, "currency": TEXT, "qualifier": TEXT, "extractor_version": TEXT},
    "person_mentions": {**_MENTION, "name": TEXT, "person_id": TEXT, "extractor_version": TEXT},
    "organization_mentions": {**_MENTION, "name": TEXT, "organization_id": TEXT, "extractor_version": TEXT},
    "meta": {"key": TEXT, "value": TEXT},
}
FOREIGN_KEYS: dict[str, list[tuple[str, str]]] = {
    "sections": [("report_id", "reports")],
    "paragraphs": [("report_id", "reports"), ("section_id", "sections")],
    **{t: [("report_id", "reports"), ("paragraph_id", "paragraphs")] for t in
       ("dates", "counts", "money")},
    "city_mentions": [("report_id", "reports"), ("paragraph_id", "paragraphs"), ("geonameid", "cities")],
    "person_mentions": [("report_id", "reports"), ("paragraph_id", "paragraphs"), ("person_id", "persons")],
    "organization_mentions": [("report_id", "reports"), ("paragraph_id", "paragraphs"),
                              ("organization_id", "organizations")],
}
# Record type → (table, its columns taken from the record as they are). Entities (cities, persons,
# organisations) get a table of their own that mentions point to.
RECORD_TABLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "city": ("city_mentions", ("name", "country", "geonameid")),
    "date": ("dates", ("start_date", "end_date", "granularity")),
    "count": ("counts", ("value", "qualifier", "unit")),
    "money": ("money", ("value", "currency", "qualifier")),
    "person": ("person_mentions", ()),
    "organization": ("organization_mentions", ()),
}
# Participant tables and the mention tables they are counted from.
ENTITIES = {"persons": "person_mentions", "organizations": "organization_mentions"}
# A record reaches SQLite as these values, read from it as they are; the id and paragraph id are
# concatenated by SQLite, which is cheaper than formatting two strings per record in Python. Then come
# the table's own columns (for a participant: its name and the entity id), the sentence and the version.
_RECORD_VALUES = ("start", "end", "block", "page", "text")
_RECORD_KINDS = {table: kind for kind, (table, _) in RECORD_TABLES.items()}
_ENTITY_KINDS = frozenset(_RECORD_KINDS[mentions] for mentions in ENTITIES.values())


def _record_sql(table: str) -> str:
    kind, own = _RECORD_KINDS[table], list(COLUMNS[table])[len(_MENTION) : -1]
    n = 1 + len(_RECORD_VALUES) + len(own)  # ?1 is the report id
    values = {"id": f"?1 || ':{kind}:' || ?2 || '-' || ?3", "report_id": "?1", "paragraph_id": "?1 || ':' || ?4",
              "page": "?5", "start": "?2", "end": "?3", "text": "?6", "sentence": f"?{n + 1}",
              **{c: f"?{7 + k}" for k, c in enumerate(own)}, "extractor_version": f"?{n + 2}"}
    return f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in values)}) VALUES ({', '.join(values.values())})"


_RECORD_SQL = {table: _record_sql(table) for table in _RECORD_KINDS}
# What each table is built from, beyond a report's metadata and text (the others: its records).
NEEDS = {"sections": ("blocks",), "paragraphs": ("blocks", "lemmas")}
# The tables each of the two build processes writes (see build), balanced by measured time (`make bench`);
# an entity table goes with its mentions. This process writes the texts, their search index and the
# counts into the archive file. The other writes the rest into side files, which it finishes one by one,
# in this order, while this process copies in those finished before: the larger copies first. This
# process has the longer part to finish (the search index, the counts' eight indexes), so the other has
# more rows to write.
HERE = frozenset({"sections", "paragraphs", "counts"})
SIDE_FILES = (frozenset({"organization_mentions", "organizations"}), frozenset({"city_mentions", "cities"}),
              frozenset({"dates"}), frozenset({"person_mentions", "persons"}), frozenset({"money", "reports"}))
INDEXES: dict[str, list[list[str]]] = {
    # start: the table page's default sort (metadata.yml); (geonameid, report_id): the partner_cities view's
    # group by, read from the index alone
    "city_mentions": [["name"], ["country"], ["start"], ["geonameid", "report_id"]],
    "dates": [["start_date"], ["end_date"], ["granularity"]],
    # value: the default sort (sort_desc). Facets are report_id, unit, qualifier: filtered by one of unit or
    # qualifier (a click on a facet value), the others are counted from a covering index and the first page
    # comes in index order. (report_id, unit, value): participants_per_report and the participants query.
    "counts": [["value"], ["unit", "value"], ["unit", "report_id"], ["unit", "qualifier"],
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
    import inspect

    shape = (ensure_db_shape, _record_sql, _report_rows, _write_rows, name_entities, index_columns, build)
    code = "".join(inspect.getsource(f) for f in shape)
    source = code + json.dumps([VIEWS, INDEXES, {t: list(c) for t, c in COLUMNS.items()}], sort_keys=True)
    return hashlib.sha256(source.encode()).hexdigest()[:16]


def entity_key(name: str) -> str:
    """Mentions of one participant merge under this key: case, ё and spacing do not matter."""
    return " ".join(name.lower().replace("ё", "е").replace("«", "\"").replace("»", "\"").split())


def _report_rows(er: dict[str, Any], wanted: Collection[str], keys: dict[str, str]
                 ) -> tuple[dict[str, list[tuple[Any, ...]]], dict[int, list[Any]]]:
    """One report's rows of the `wanted` tables (no participant table: name_entities() makes those): records
    as the values of _record_sql, other rows as tuples in COLUMNS order and in key order; and the cities it
    mentions as rows of `cities` (gazetteer fields, mentions). `keys` caches entity_key."""
    tables: dict[str, list[tuple[Any, ...]]] = {name: [] for name in COLUMNS if name in wanted}
    rows_of = {kind: (tables[table].append, _VALUES[kind]) for kind, (table, _) in RECORD_TABLES.items()
               if table in wanted}
    cities: dict[int, list[Any]] = {}
    # A sentence's records share one string, which SQLite's driver then encodes to UTF-8 once.
    sentences: dict[tuple[int, int], str] = {}
    r, text = er["report"], er["text"]
    rid, version = r["report_id"], r["extractor_version"]
    if "reports" in tables:
        tables["reports"].append((*(r[c] for c in REPORT_FIELDS), len(text), len(er["records"])))
    if "paragraphs" in tables:
        paragraphs, sections, lemmas = tables["paragraphs"], tables["sections"], er["lemmas"]
        for i, b in enumerate(er["blocks"]):
            pid, start, end, page = f"{rid}:{i}", b["start"], b["end"], b["page"]
            block_text = text[start:end]
            if b["kind"] == "heading":
                sections.append((pid, rid, i, block_text, page))
            section = f"{rid}:{b['section']}" if b["section"] is not None else None
            paragraphs.append((pid, rid, section, i, b["kind"], page, start, end, block_text,
                               lemmas[i] if lemmas else lemmatize_text(block_text)))
    for rec in er["records"] if rows_of else ():
        kind = rec["type"]
        if kind not in rows_of:
            continue
        add, values = rows_of[kind]
        span = rec["sentence_start"], rec["sentence_end"]
        sentence = sentences.get(span) or sentences.setdefault(span, text[span[0] : span[1]])
        if kind in _ENTITY_KINDS:
            name = rec["name"]
            add((rid, *values(rec), keys.get(name) or keys.setdefault(name, entity_key(name)), sentence, version))
            continue
        if kind == "city" and (gid := rec["geonameid"]) is not None:
            if gid in cities:
                cities[gid][-1] += 1
            else:
                cities[gid] = [*_CITY_FIELDS(rec), 1]
        add((rid, *values(rec), sentence, version))
    for name, rows in tables.items():
        if name not in _RECORD_KINDS:  # records go in file order; their ids are made by SQLite
            rows.sort(key=itemgetter(0))
    return tables, cities


# What _record_sql takes from a record of each kind after the report id (a participant's entity id aside).
_VALUES = {kind: itemgetter(*_RECORD_VALUES, *(columns or ("name",))) for kind, (_, columns) in RECORD_TABLES.items()}
_CITY_FIELDS = itemgetter(*CITY_FIELDS)


def _write_rows(conns: Mapping[str, Connection], reports: Iterable[dict[str, Any]],
                cities_verb: str = "INSERT") -> dict[str, int]:
    """Insert the rows of the tables in `conns`, each through its connection, report by report, so memory
    holds one report; then the cities counted along the way. The participant tables are left to
    name_entities(). Returns the rows written per table."""
    wanted = conns.keys() - ENTITIES.keys()
    counts = dict.fromkeys((t for t in COLUMNS if t in wanted), 0)
    keys: dict[str, str] = {}
    cities: dict[int, list[Any]] = {}
    for er in reports:
        tables, seen = _report_rows(er, wanted, keys)
        for name, rows in tables.items():
            if name in _RECORD_KINDS:
                conns[name].executemany(_RECORD_SQL[name], rows)
            else:
                _insert(conns[name], name, rows)
            counts[name] += len(rows)
        for gid, city in seen.items():
            if gid in cities:
                cities[gid][-1] += city[-1]
            else:
                cities[gid] = city
    if "cities" in wanted:
        _insert(conns["cities"], "cities", sorted(tuple(c) for c in cities.values()), cities_verb)
        counts["cities"] = len(cities)
    return counts


def name_entities(conn: Connection, entity: str, among: str = "") -> None:
    """The rows of a participant table from its mentions (those of the ids the query `among` selects, if
    given): each named as its first mention in id order, which SQLite's min() picks the bare column from."""
    key, mentions = f"{entity[:-1]}_id", ENTITIES[entity]
    where = f"WHERE [{key}] IN ({among})" if among else ""
    conn.execute(f"INSERT INTO [{entity}] (id, name, mentions) SELECT k, name, n FROM (SELECT [{key}] AS k, name, "
                 f"min(id), count(*) AS n FROM [{mentions}] {where} GROUP BY [{key}] ORDER BY [{key}])")


def ensure_db_shape(conn: sqlite3.Connection) -> None:
    """Tables with keys and foreign keys, so an empty archive has the same shape as a full one."""
    db = sqlite_utils.Database(conn)
    for table, columns in COLUMNS.items():
        db[table].create(columns, pk=next(iter(columns)), foreign_keys=FOREIGN_KEYS.get(table, []),
                         if_not_exists=True)


@functools.cache
def _shape_sql() -> dict[str, str]:
    """The statement ensure_db_shape() runs for each table, taken once: sqlite-utils asks the database
    about every table it creates, which cost each build's writers 6 ms; build() takes them before it forks."""
    with closing(sqlite3.connect(":memory:")) as conn:
        ensure_db_shape(conn)
        return dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid"))


def index_columns(table: str) -> list[list[str]]:
    """The table's indexes, leaving out one that is a prefix of another (which serves its queries too)."""
    by_report = "report_id" in COLUMNS[table] and next(iter(COLUMNS[table])) != "report_id"  # not the key
    wanted = [*([["report_id"]] if by_report else []), *INDEXES.get(table, [])]
    return [cols for cols in wanted if not any(len(o) > len(cols) and o[: len(cols)] == cols for o in wanted)]


def create_indexes(conn: Connection, tables: Iterable[str] = COLUMNS) -> None:
    """Indexes on what people filter and join by (named as sqlite-utils names them)."""
    for table in tables:
        for cols in index_columns(table):
            conn.execute(f"CREATE INDEX IF NOT EXISTS [idx_{table}_{'_'.join(cols)}] ON [{table}] "
                         f"({', '.join(f'[{c}]' for c in cols)})")


def enable_search(conn: Connection) -> None:
    """FTS5 over the lemmas, which is what every search matches; `text` is in the table for reading only.
    Lemmas are lowercase words split by spaces, so the plain ascii tokenizer (every non-ASCII character is
    part of a word) reads them as unicode61 would, in two thirds of the time."""
    conn.execute("CREATE VIRTUAL TABLE [paragraphs_fts] USING FTS5 ([text] UNINDEXED, [lemmas], "
                 "tokenize='ascii', content=[paragraphs])")
    conn.execute("INSERT INTO [paragraphs_fts] (rowid, [text], [lemmas]) SELECT rowid, [text], [lemmas] "
                 "FROM [paragraphs]")


# Columns whose values may come as UTF-8 bytes (the build reads lemmas so), which SQLite is told are text.
_UTF8 = frozenset({"lemmas"})


def _insert(conn: Connection, table: str, rows: list[tuple[Any, ...]], verb: str = "INSERT") -> None:
    columns = COLUMNS[table]
    values = ", ".join("CAST(? AS TEXT)" if c in _UTF8 else "?" for c in columns)
    conn.executemany(f"{verb} INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) VALUES ({values})", rows)


# Every file the build writes is one nobody else sees until it is renamed into place: no journal, no syncs
# (one fsync before the rename makes it durable).
_PRIVATE = ("journal_mode=off", "synchronous=off")


def _pragmas(conn: Connection, *pragmas: str) -> None:
    for pragma in pragmas:
        conn.execute(f"PRAGMA {pragma}")


def _publish(conn: sqlite3.Connection, tmp: Path, db_path: Path) -> None:
    """Planner statistics, then the new file synced and renamed over the archive."""
    try:
        # Statistics from a sample of each index: enough to choose between them.
        conn.execute("PRAGMA analysis_limit=1000")
        conn.execute("ANALYZE")
    finally:
        conn.close()
    # Written without a journal or syncs for speed; one fsync before the rename makes it durable.
    _fsync(tmp)
    atomic.replace(tmp, db_path)


def _fsync(path: Path) -> None:
    with open(path, "rb") as f:
        os.fsync(f.fileno())


def _open(path: Path, tables: Collection[str]) -> apsw.Connection:
    """A new database file with `tables`, in a transaction for the bulk load. The bulk load goes through
    APSW: its executemany binds rows about a fifth faster than sqlite3's."""
    conn = apsw.Connection(str(path))
    try:
        # the page size before any table
        _pragmas(conn, "page_size=16384", *_PRIVATE, "locking_mode=exclusive", "cache_size=-32768",
                 "temp_store=memory")
        for table, sql in _shape_sql().items():
            if table in tables:
                conn.execute(sql)
        conn.execute("BEGIN")
    except BaseException:
        conn.close()
        raise
    return conn


def _fill(conns: Mapping[str, apsw.Connection], paths: list[Path], verified: Mapping[str, str] | None
          ) -> dict[str, int]:
    """Write the rows of the tables in `conns`, each through its connection, in one pass over the reports."""
    tables = conns.keys()
    parts = frozenset(part for table in tables for part in NEEDS.get(table, ("records",)))
    kinds = frozenset(_RECORD_KINDS[table] for table in tables if table in _RECORD_KINDS)
    # Finding a record's line costs less than parsing it: a writer that wants few types finds theirs. The
    # reports table counts every record, so a writer of it parses them all.
    if "reports" in tables or len(kinds) > len(RECORD_TABLES) // 2:
        kinds = None
    # Lemma lines as the file holds them, UTF-8: decoding them only for the driver to encode them again
    # cost the texts writer 5% of its time.
    reports = (extracted.read(p, verified, parts, kinds, lemma_bytes=True) for p in paths)
    return _write_rows(conns, reports)


def _finish(conn: apsw.Connection, tables: Collection[str]) -> dict[str, int]:
    """The participant tables among `tables`, their indexes and, with the paragraphs, the search index;
    committed and closed. Returns the participants' rows."""
    try:
        counts = {}
        for entity in ENTITIES.keys() & tables:
            name_entities(conn, entity)
            counts[entity] = conn.execute(f"SELECT count(*) FROM [{entity}]").fetchone()[0]
        create_indexes(conn, tables)  # after the rows: one sort per index instead of a b-tree insert per row
        if "paragraphs" in tables:
            enable_search(conn)
        conn.execute("COMMIT")
    finally:
        conn.close()
    return counts


# The side writer's open files, between its tasks (see build).
_side: list[apsw.Connection] = []


def _side_rows(paths: list[Path], verified: Mapping[str, str] | None, files: list[Path]) -> dict[str, int]:
    """In the second process: the rows of every SIDE_FILES group into its file, left open for _side_finish."""
    try:
        for path, group in zip(files, SIDE_FILES, strict=True):
            _side.append(_open(path, group))
        return _fill({table: conn for conn, group in zip(_side, SIDE_FILES) for table in group}, paths, verified)
    except BaseException:
        _side_close()
        raise


def _side_finish(i: int) -> dict[str, int]:
    """In the second process: finish side file `i`, so that it can be copied in. Returns its participants' rows."""
    try:
        counts = _finish(_side[i], SIDE_FILES[i])
    except BaseException:
        _side_close()
        raise
    if i == len(SIDE_FILES) - 1:
        _side.clear()
    return counts


def _side_close() -> None:
    while _side:
        _side.pop().close()


def _flush_in_background(path: Path) -> threading.Thread:
    """Start writing the file's pages to disk while the build goes on, so that the fsync before publishing
    has only what came after left to write."""
    thread = threading.Thread(target=_fsync, args=(path,), name="archive-flush", daemon=True)
    thread.start()
    return thread


def _second_process() -> ProcessPoolExecutor:
    # fork starts at once with everything imported; a process with other threads (a Dask client,
    # a server) could fork while one of them holds a lock, so it pays for a fresh interpreter instead.
    atomic.wait_for_releases()
    method = "fork" if threading.active_count() == 1 and "fork" in mp.get_all_start_methods() else "spawn"
    return ProcessPoolExecutor(1, mp_context=mp.get_context(method))


def _copy_in(db: Path, side: Path, tables: Iterable[str]) -> None:
    """Copy the side file's `tables` into the archive file."""
    conn = apsw.Connection(str(db))  # its newer SQLite copies tables about a quarter faster than the stdlib's
    try:
        _pragmas(conn, *_PRIVATE)
        conn.execute("ATTACH DATABASE ? AS side", (str(side),))
        conn.execute("BEGIN")
        create_indexes(conn, tables)  # identical indexes, or SQLite would copy row by row
        for name in tables:
            conn.execute(f"INSERT INTO main.[{name}] SELECT * FROM side.[{name}]")
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE side")
    finally:
        conn.close()


def _write_here(path: Path, paths: list[Path], verified: Mapping[str, str] | None,
                meta: dict[str, str] | None) -> dict[str, int]:
    """The archive file: every table created, the HERE tables written, the meta rows and the views."""
    conn = _open(path, COLUMNS)
    try:
        counts = _fill(dict.fromkeys(HERE, conn), paths, verified)
        conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", sorted((meta or {}).items()))
        for name, sql in VIEWS.items():
            conn.execute(f"CREATE VIEW [{name}] AS {sql}")
    except BaseException:
        conn.close()
        raise
    return {**counts, **_finish(conn, HERE)}


def build(paths: list[Path], db_path: Path, meta: dict[str, str] | None = None,
          verified: Mapping[str, str] | None = None) -> dict[str, int]:
    """Build the archive from extracted JSON into a temporary file, then rename it over `db_path`.

    `verified` maps file names to the digest (extracted.digest) of the bytes ingest validated and wrote;
    other files are validated here. Raises InvalidExtracted, leaving `db_path` as it was, when a file is
    not a valid report.

    Two processes write at once: this one the HERE tables into the new archive file, the other the rest
    into side files (SIDE_FILES), whose tables are copied in whole as each is finished. SQLite's transfer
    optimisation copies the rows and index b-trees of a table into an identical empty one without decoding
    them. The other process writes the rows of all its files in one pass over the reports, then finishes
    them one by one, so that the copies of the first overlap with its work on the others."""
    tmp = atomic.temporary_for(db_path)
    sides = [atomic.temporary_for(db_path.with_name(f"{db_path.name}-part{i}")) for i in range(len(SIDE_FILES))]
    _shape_sql()  # once, here, for both processes
    flushing: list[threading.Thread] = []
    try:
        with _second_process() as pool:
            # One worker runs its tasks in order: the rows, then each file's indexes.
            rows = pool.submit(_side_rows, paths, verified, sides)
            finished = [pool.submit(_side_finish, i) for i in range(len(SIDE_FILES))]
            try:
                counts = _write_here(tmp, paths, verified, meta)
                flushing.append(_flush_in_background(tmp))
                counts.update(rows.result())
                for side, tables, done in zip(sides, SIDE_FILES, finished, strict=True):
                    counts.update(done.result())
                    _copy_in(tmp, side, tables)
                    flushing.append(_flush_in_background(tmp))  # these pages go to disk during the next copy
            finally:
                wait([rows, *finished])  # the files are removed below only once the other process is done
        # Statistics from the SQLite that serves the archive: APSW's would add the sqlite_stat4 table, which
        # the stdlib's neither reads nor hides.
        stats = sqlite3.connect(tmp, isolation_level=None)
        _pragmas(stats, *_PRIVATE)
        _publish(stats, tmp, db_path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        for thread in flushing:
            thread.join()
        for side in sides:
            atomic.discard(side)
    return {name: counts[name] for name in COLUMNS if name in counts}


def _read_named(path: Path, verified: Mapping[str, str] | None) -> dict[str, Any]:
    """An extracted file that holds the report it is named after (update() deletes by that name)."""
    er = extracted.read(path, verified)
    if er["report"]["report_id"] != path.stem:
        raise extracted.InvalidExtracted(f"{path.name}: holds report {er['report']['report_id']}, not {path.stem}")
    return er


def update(db_path: Path, remove: Collection[str], paths: list[Path], meta: dict[str, str] | None = None,
           verified: Mapping[str, str] | None = None) -> dict[str, int]:
    """Change an existing archive into the one build() would make: drop the reports `remove` (ids) and
    add the reports in `paths`, replacing any of the same id. Works on a copy renamed over `db_path`, so
    adding one report to a large archive costs a file copy, not a rebuild. Returns the rows written."""
    changed = sorted({*remove, *(p.stem for p in paths)})
    tmp = atomic.temporary_for(db_path)
    shutil.copyfile(db_path, tmp)
    conn = sqlite3.connect(tmp, isolation_level=None)
    try:
        _pragmas(conn, *_PRIVATE)
        conn.execute("BEGIN")
        conn.execute("CREATE TEMP TABLE changed (report_id TEXT PRIMARY KEY)")
        conn.executemany("INSERT INTO temp.changed VALUES (?)", [(rid,) for rid in changed])
        touched = "SELECT report_id FROM temp.changed"
        # Entities whose counts change: those the old and the new mentions point to.
        for entity, mentions in ENTITIES.items():
            key = f"{entity[:-1]}_id"
            conn.execute(f"CREATE TEMP TABLE [touched_{entity}] AS SELECT DISTINCT [{key}] AS id "
                         f"FROM [{mentions}] WHERE report_id IN ({touched})")
        conn.execute("CREATE TEMP TABLE touched_cities AS SELECT DISTINCT geonameid FROM city_mentions "
                     f"WHERE report_id IN ({touched}) AND geonameid IS NOT NULL")
        # An external-content search index is told the text it indexed before that text goes.
        conn.execute("INSERT INTO paragraphs_fts (paragraphs_fts, rowid, [text], [lemmas]) "
                     f"SELECT 'delete', rowid, [text], [lemmas] FROM paragraphs WHERE report_id IN ({touched})")
        for table in reversed(list(COLUMNS)):  # mentions before paragraphs before reports
            if "report_id" in COLUMNS[table]:
                conn.execute(f"DELETE FROM [{table}] WHERE report_id IN ({touched})")
        written = _write_rows(dict.fromkeys(frozenset(COLUMNS) - {"meta", *ENTITIES}, conn),
                              (_read_named(p, verified) for p in paths), cities_verb="INSERT OR REPLACE")
        conn.execute("INSERT INTO paragraphs_fts (rowid, [text], [lemmas]) "
                     f"SELECT rowid, [text], [lemmas] FROM paragraphs WHERE report_id IN ({touched})")
        for entity, mentions in ENTITIES.items():
            key = f"{entity[:-1]}_id"
            conn.execute(f"INSERT INTO temp.[touched_{entity}] SELECT DISTINCT [{key}] FROM [{mentions}] "
                         f"WHERE report_id IN ({touched})")
            conn.execute(f"DELETE FROM [{entity}] WHERE id IN (SELECT id FROM temp.[touched_{entity}])")
            name_entities(conn, entity, among=f"SELECT id FROM temp.[touched_{entity}]")
        conn.execute("INSERT INTO temp.touched_cities SELECT geonameid FROM city_mentions "
                     f"WHERE report_id IN ({touched}) AND geonameid IS NOT NULL")
        conn.execute("UPDATE cities SET mentions = (SELECT count(*) FROM city_mentions m WHERE m.geonameid = "
                     "cities.geonameid) WHERE geonameid IN (SELECT geonameid FROM temp.touched_cities)")
        conn.execute("DELETE FROM cities WHERE mentions = 0")
        conn.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", sorted((meta or {}).items()))
        conn.execute("COMMIT")
    except BaseException:
        conn.close()
        tmp.unlink(missing_ok=True)
        raise
    try:
        _publish(conn, tmp, db_path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return written
