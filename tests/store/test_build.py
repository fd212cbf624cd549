"""The archive build: trusted and validated input build the same archive, bad input is named, and the
two writers' parts come together whole (every row, every index)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from pipeline import atomic, extracted, store
from pipeline.extracted import InvalidExtracted, digest, render
from pipeline.loadtest import scaled_reports
from pipeline.records import CountRecord


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory, sample_extracted_json: Path) -> list[Path]:
    """The sample under three report ids, and a fourth report without records."""
    folder = tmp_path_factory.mktemp("extracted")
    paths = []
    for i, er in enumerate(scaled_reports(4, sample_extracted_json)):
        if i == 3:
            er = er.model_copy(update={"records": []})
        path = folder / f"{er.report.report_id}.json"
        path.write_text(render(er), encoding="utf-8")
        paths.append(path)
    return sorted(paths)


def verified(paths: list[Path]) -> dict[str, str]:
    return {p.name: digest(p.read_bytes()) for p in paths}


def dump(db: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db)
    try:
        tables = [r[0] for r in conn.execute("select name from sqlite_master where type = 'table' "
                                             "and name not like 'sqlite_%' and name not like '%_fts%'")]
        return {t: conn.execute(f"select * from [{t}] order by 1").fetchall() for t in tables}
    finally:
        conn.close()


def test_trusted_files_build_the_same_archive_as_validated_ones(reports, tmp_path):
    trusted = store.build(reports, tmp_path / "trusted.db", verified=verified(reports))
    checked = store.build(reports, tmp_path / "checked.db")
    assert trusted == checked
    a, b = dump(tmp_path / "trusted.db"), dump(tmp_path / "checked.db")
    assert a == b
    assert {t: len(rows) for t, rows in a.items() if t in trusted} == trusted
    assert len(a["reports"]) == 4 and a["counts"] and a["organization_mentions"] and a["paragraphs"]
    assert dict(a["meta"]) == {}


def test_reading_only_some_parts_gives_those_parts_unchanged(reports):
    whole = extracted.read(reports[0])
    for parts in ({"blocks"}, {"records"}, {"blocks", "lemmas"}, {"lemmas", "records"}):
        part = extracted.read(reports[0], verified(reports), frozenset(parts))
        assert set(part) == {"report", "text", *parts}
        assert all(part[key] == whole[key] for key in part)


def test_reading_some_kinds_of_records_gives_those_records_in_file_order(reports, tmp_path):
    # A record whose text and sentence hold the very line the reader looks for: only the one line is its.
    source = max(reports, key=lambda p: p.stat().st_size)  # one with records
    er = extracted.ExtractedReport.model_validate_json(source.read_bytes())
    trap = '"type": "organization"'
    at = len(er.text) + 2
    text = f"{er.text}\n\n{trap}, и {trap}"
    blocks = [*er.blocks, er.blocks[-1].model_copy(update={"kind": "paragraph", "start": at, "end": len(text)})]
    quoted = {"start": at, "end": at + len(trap), "text": trap, "block": len(blocks) - 1, "sentence_start": at,
              "sentence_end": len(text), "page": None}
    records = [*er.records, CountRecord(**quoted, value=1, qualifier="exact", unit="тип")]
    er = er.model_copy(update={"text": text, "blocks": blocks, "lemmas": [*er.lemmas, "тип"], "records": records})
    path = tmp_path / source.name
    path.write_text(render(er), encoding="utf-8")
    whole = extracted.read(path)["records"]
    assert {r["type"] for r in whole} == {"city", "date", "count", "money", "person", "organization"}
    for kinds in ({"organization"}, {"count"}, {"city", "person"}, set(), {"money", "date", "count"}):
        part = extracted.read(path, verified([path]), frozenset({"records"}), frozenset(kinds))["records"]
        assert sorted(map(str, part)) == sorted(str(r) for r in whole if r["type"] in kinds)
        for kind in kinds:
            assert [r for r in part if r["type"] == kind] == [r for r in whole if r["type"] == kind]
    # a file that is not vouched for is validated, and holds all its records
    assert extracted.read(path, None, frozenset({"records"}), frozenset({"count"}))["records"] == whole


def test_lemma_lines_are_read_as_utf8_unless_escaped_and_stored_as_text(reports, tmp_path):
    # As ingest writes them, then as a hand-made file may hold them: a quote and a backslash are escaped in
    # JSON, so those lines are decoded; and a file without lemmas, whose blocks the build lemmatises.
    models = [extracted.ExtractedReport.model_validate_json(p.read_bytes()) for p in reports[:3]]
    odd = [*models[1].lemmas[:-3], 'цитата "в кавычках"', "косая \\ черта", ""]
    models[1] = models[1].model_copy(update={"lemmas": odd})
    models[2] = models[2].model_copy(update={"lemmas": []})
    paths = []
    for er in models:
        paths.append(tmp_path / f"{er.report.report_id}.json")
        paths[-1].write_text(render(er), encoding="utf-8")
    trusted = verified(paths)
    read = [extracted.read(p, trusted, frozenset({"lemmas"}), lemma_bytes=True)["lemmas"] for p in paths]
    assert read[0] == [line.encode() for line in models[0].lemmas] and all(isinstance(x, bytes) for x in read[0])
    assert read[1] == odd
    assert read[2] == []
    store.build(paths, tmp_path / "trusted.db", verified=trusted)
    store.build(paths, tmp_path / "checked.db")
    assert dump(tmp_path / "trusted.db") == dump(tmp_path / "checked.db")
    conn = sqlite3.connect(tmp_path / "trusted.db")
    try:
        assert conn.execute("select count(*) from paragraphs where typeof(lemmas) != 'text'").fetchone() == (0,)
        found = conn.execute("select report_id from paragraphs where rowid in "
                             "(select rowid from paragraphs_fts where paragraphs_fts match 'кавычках')").fetchall()
        assert found == [(models[1].report.report_id,)]
        lemmatised = conn.execute("select lemmas from paragraphs where report_id = ? and lemmas != ''",
                                  (models[2].report.report_id,)).fetchall()
        assert lemmatised and len(lemmatised) >= len(models[2].blocks) // 2
    finally:
        conn.close()


def test_a_file_changed_since_ingest_is_validated_and_named(reports, tmp_path):
    db = tmp_path / "archive.db"
    hashes = verified(reports)
    store.build(reports, db, verified=hashes)
    before = db.read_bytes()
    bad = tmp_path / reports[1].name
    # a record whose text no longer matches its span: valid JSON, invalid report
    bad.write_text(reports[1].read_text(encoding="utf-8").replace('"text": "80 человек"', '"text": "81 человек"', 1),
                   encoding="utf-8")
    paths = [*reports[:1], bad, *reports[2:]]
    with pytest.raises(InvalidExtracted, match=rf"^{bad.name}: not a valid extracted report \(.*does not slice"):
        store.build(paths, db, verified=hashes)
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["archive.db", bad.name])  # no temporaries left


def test_the_archive_has_every_index_and_they_are_sound(reports, tmp_path):
    db = tmp_path / "archive.db"
    store.build(reports, db, verified=verified(reports))
    conn = sqlite3.connect(db)
    for table in store.COLUMNS:
        have = {tuple(r[2] for r in conn.execute(f"pragma index_info([{name}])"))
                for (name,) in conn.execute(f"select name from pragma_index_list('{table}') where origin = 'c'")}
        assert have == {tuple(cols) for cols in store.index_columns(table)}, table
        # one index that is a prefix of another would only cost build time
        assert not any(a != b and b[: len(a)] == a for a in have for b in have), table
    for table, columns in store.INDEXES.items():
        for cols in columns:  # every listed index is served by one that starts with its columns
            assert any(list(cols) == list(idx[: len(cols)]) for idx in map(list, store.index_columns(table)))
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert conn.execute("pragma foreign_key_check").fetchall() == []
    plan = " ".join(r[3] for r in conn.execute("explain query plan select count(*) from counts where unit = 'x'"))
    assert "USING COVERING INDEX" in plan


# In a process of its own: one without other threads forks the second writer, which keeps the patch.
_FULL_DISK = """
import os, sys
from pathlib import Path
from pipeline import store
from pipeline.extracted import digest
builder, create = os.getpid(), store.create_indexes

def full_disk(conn, tables=store.COLUMNS):
    if os.getpid() != builder and "dates" in tables:  # the second writer, at its third file
        raise OSError(28, "No space left on device")
    create(conn, tables)

store.create_indexes = full_disk
paths = [Path(p) for p in sys.argv[2:]]
try:
    store.build(paths, Path(sys.argv[1]), verified={p.name: digest(p.read_bytes()) for p in paths})
except OSError as e:
    print(e)
"""


def test_a_failure_in_the_second_writer_leaves_the_archive_as_it_was(reports, tmp_path):
    """The second writer finishes its files one by one while this process copies them in; a file it
    fails to finish stops the build with its error, and takes nothing away from the archive."""
    db = tmp_path / "archive.db"
    store.build(reports, db, verified=verified(reports))
    before = db.read_bytes()
    out = subprocess.run([sys.executable, "-c", _FULL_DISK, str(db), *map(str, reports)], capture_output=True,
                         text=True, timeout=120, check=True)
    assert out.stdout.strip() == "[Errno 28] No space left on device"
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archive.db"]  # no temporary or side file left


def test_a_process_with_threads_builds_the_same_archive(reports, tmp_path):
    """With other threads running, the second writer starts in a fresh interpreter instead of a fork."""
    store.build(reports, tmp_path / "forked.db", verified=verified(reports))
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        store.build(reports, tmp_path / "spawned.db", verified=verified(reports))
    finally:
        stop.set()
        other.join()
    assert dump(tmp_path / "forked.db") == dump(tmp_path / "spawned.db")


def write(folder: Path, er) -> Path:
    path = folder / f"{er.report.report_id}.json"
    path.write_text(render(er), encoding="utf-8")
    return path


def found(db: Path, q: str) -> tuple[int, set[str]]:
    """How many entries of the search index match q, and the paragraphs they lead to."""
    conn = sqlite3.connect(db)
    try:
        conn.execute("INSERT INTO paragraphs_fts (paragraphs_fts) VALUES ('integrity-check')")
        rowids = [r[0] for r in conn.execute("select rowid from paragraphs_fts where paragraphs_fts match ?",
                                             (f'lemmas : "{q}"',))]
        ids = {r[0] for r in conn.execute(f"select id from paragraphs where rowid in ({','.join(map(str, rowids))})")}
        return len(rowids), ids
    finally:
        conn.close()


def test_an_updated_archive_equals_a_rebuilt_one(sample_extracted_json, tmp_path):
    a, b, c, d = sorted(scaled_reports(4, sample_extracted_json), key=lambda er: er.report.report_id)
    # a's organisations spelt in capitals: a is their first mention, so they are named so until a goes
    a = a.model_copy(update={"records": [r.model_copy(update={"name": r.name.upper()}) if r.type == "organization"
                                         else r for r in a.records]})
    b_changed = b.model_copy(update={"records": [r for r in b.records if r.type not in ("city", "person")]})
    old = tmp_path / "old"
    new = tmp_path / "new"
    old.mkdir()
    new.mkdir()
    first = [write(old, er) for er in (a, b, c)]
    db = tmp_path / "archive.db"
    store.build(first, db, meta={"manifest": "1"}, verified=verified(first))
    capitals = sum(name.isupper() for _, name, _ in dump(db)["organizations"])
    assert capitals > 10

    after = [write(new, er) for er in (b_changed, c, d)]
    written = store.update(db, [a.report.report_id], [after[0], after[2]], meta={"manifest": "2"},
                           verified=verified(after))
    assert written["reports"] == 2
    store.build(after, tmp_path / "rebuilt.db", meta={"manifest": "2"}, verified=verified(after))
    updated, rebuilt = dump(db), dump(tmp_path / "rebuilt.db")
    assert updated == rebuilt
    assert sum(name.isupper() for _, name, _ in updated["organizations"]) < capitals  # named from b, c, d now
    assert {r[0] for r in updated["reports"]} == {b.report.report_id, c.report.report_id, d.report.report_id}
    assert found(db, "телемост") == found(tmp_path / "rebuilt.db", "телемост")
    assert found(db, "телемост")[1]
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_participant_is_named_as_its_first_mention_in_id_order_and_counted(sample_extracted_json, tmp_path):
    a, b = sorted(scaled_reports(2, sample_extracted_json), key=lambda er: er.report.report_id)
    # b's participants spelt in capitals and read first: a's mentions come first in id order all the same
    b = b.model_copy(update={"records": [r.model_copy(update={"name": r.name.upper()})
                                         if r.type in ("organization", "person") else r for r in b.records]})
    paths = [write(tmp_path, er) for er in (b, a)]
    db = tmp_path / "archive.db"
    written = store.build(paths, db, verified=verified(paths))
    conn = sqlite3.connect(db)
    for entity, mentions in store.ENTITIES.items():
        first: dict[str, tuple[str, str]] = {}
        counted: dict[str, int] = {}
        for mention_id, name, key in conn.execute(f"select id, name, {entity[:-1]}_id from [{mentions}]"):
            counted[key] = counted.get(key, 0) + 1
            if key not in first or mention_id < first[key][0]:
                first[key] = (mention_id, name)
        expected = sorted((key, name, counted[key]) for key, (_, name) in first.items())
        rows = conn.execute(f"select id, name, mentions from [{entity}] order by rowid").fetchall()
        assert rows == expected, entity
        assert written[entity] == len(rows) > 3
        assert not all(name.isupper() for _, name, _ in rows)
    conn.close()


def open_deleted(name: str) -> list[str]:
    """This process's descriptors of deleted files called `name`."""
    fds = Path("/proc/self/fd")
    targets = []
    for fd in fds.iterdir():
        try:
            targets.append(os.readlink(fd))
        except OSError:  # the descriptor listdir itself used
            continue
    return [t for t in targets if Path(t.removesuffix(" (deleted)")).name == name and t.endswith(" (deleted)")]


def test_the_old_archive_is_freed_in_the_background_and_the_next_build_waits_for_it(reports, tmp_path, monkeypatch):
    db = tmp_path / "archive.db"
    store.build(reports[:1], db, verified=verified(reports))
    atomic.wait_for_releases()
    # Other tests may leave threads behind; a build must find no more than were there before it.
    before, seen = threading.active_count(), []
    monkeypatch.setattr(store, "threading", SimpleNamespace(
        Thread=threading.Thread, active_count=lambda: seen.append(threading.active_count()) or seen[-1]))
    release = atomic.release_in_background

    def slowly(f):  # as a 40 MB archive would be: still being freed when the next build starts
        release(type("Slow", (), {"close": lambda self: (time.sleep(0.3), f.close())})())

    monkeypatch.setattr(atomic, "release_in_background", slowly)
    store.build(reports, db, verified=verified(reports))  # replaces the first archive, freed in the background
    store.build(reports, db, verified=verified(reports))  # at once: the release must not make it spawn
    assert seen == [before, before]
    atomic.wait_for_releases()
    assert not open_deleted(db.name) and not open_deleted(f"{db.name}-part")
    assert threading.active_count() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archive.db"]
    assert dump(db)["reports"] and len(dump(db)["reports"]) == len(reports)


def test_an_archive_this_process_may_not_read_is_still_replaced(reports, tmp_path, monkeypatch):
    db = tmp_path / "archive.db"
    db.write_bytes(b"not yet an archive")

    def unreadable(path, *args, **kwargs):  # as for a file of another user (root reads them all)
        if Path(path) == db:
            raise PermissionError(13, "Permission denied", str(path))
        return open(path, *args, **kwargs)

    monkeypatch.setattr(atomic, "open", unreadable, raising=False)
    store.build(reports, db, verified=verified(reports))
    assert len(dump(db)["reports"]) == len(reports)
