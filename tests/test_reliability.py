"""Incremental, idempotent ingest; bad input gets one clear line and never loses what is archived."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

import pipeline.ingest as ingest_module
from pipeline.ingest import ingest

ROOT = Path(__file__).resolve().parent.parent
GOMEL = "Гомель\n\nВ мае делегация Омска посетила Гомель. Проведено 12 встреч.\n"
MINSK = "Минск\n\nВ июне 2023 года прошло 5 встреч с предприятиями Минска.\n"


def run(tmp: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = ingest(tmp / "raw", tmp / "extracted", tmp / "archive.db", workers=1, progress=False)
    return code, capsys.readouterr().out


def rows(db: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "gomel-2023.txt").write_text(GOMEL, encoding="utf-8")
    (raw / "minsk-2023.txt").write_text(MINSK, encoding="utf-8")
    return tmp_path


def test_changed_file_replaces_only_its_records(archive, capsys):
    assert run(archive, capsys)[0] == 0
    minsk_json = (archive / "extracted" / "minsk-2023.json").read_bytes()
    (archive / "raw" / "gomel-2023.txt").write_text(GOMEL.replace("12 встреч", "14 встреч"), encoding="utf-8")
    code, out = run(archive, capsys)
    assert code == 0
    assert "replaced: gomel-2023.txt" in out and "unchanged, skipped: 1" in out
    assert (archive / "extracted" / "minsk-2023.json").read_bytes() == minsk_json
    assert rows(archive / "archive.db", "select value from counts where report_id = 'gomel-2023'") == [(14.0,)]
    assert rows(archive / "archive.db", "select value from counts where report_id = 'minsk-2023'") == [(5.0,)]


def test_same_inputs_give_byte_identical_outputs(archive, capsys, tmp_path_factory):
    other = tmp_path_factory.mktemp("again")
    shutil.copytree(archive / "raw", other / "raw")
    run(archive, capsys)
    run(other, capsys)
    for name in ("gomel-2023.json", "minsk-2023.json", "manifest.json"):
        assert (archive / "extracted" / name).read_bytes() == (other / "extracted" / name).read_bytes()


def test_new_extractor_version_re_extracts_everything(archive, capsys, monkeypatch):
    run(archive, capsys)
    monkeypatch.setattr(ingest_module, "EXTRACTOR_VERSION", "999.0")
    code, out = run(archive, capsys)
    assert code == 0 and "replaced 2" in out
    assert rows(archive / "archive.db", "select distinct extractor_version from reports") == [("999.0",)]


def test_failed_file_keeps_its_earlier_records(archive, capsys):
    run(archive, capsys)
    (archive / "raw" / "minsk-2023.txt").write_bytes(b"\x00\x01\x02 binary \xff" * 100)
    code, out = run(archive, capsys)
    assert code == 1
    error = next(line for line in out.splitlines() if line.startswith("error:"))
    assert "minsk-2023.txt" in error and "earlier records are kept" in error
    assert rows(archive / "archive.db", "select count(*) from counts where report_id = 'minsk-2023'") == [(1,)]
    assert (archive / "extracted" / "minsk-2023.json").exists()


def test_report_without_a_year_is_a_clear_error(archive, capsys):
    (archive / "raw" / "notes.txt").write_text("Заметки\n\nДелегация посетила Гомель.\n", encoding="utf-8")
    code, out = run(archive, capsys)
    assert code == 1
    assert any(line.startswith("error: notes.txt:") and "no year" in line for line in out.splitlines())
    assert rows(archive / "archive.db", "select count(*) from reports") == [(2,)]


def test_year_from_the_text_when_the_name_has_none(archive, capsys):
    (archive / "raw" / "omsk-report.txt").write_text(
        "ОМСК\n\nВ 2022 году проведено 7 встреч. В 2022 году открыт музей. В 2023 году планируется форум.\n",
        encoding="utf-8")
    code, _ = run(archive, capsys)
    assert code == 0
    assert ("omsk-2022", 2022) in rows(archive / "archive.db", "select report_id, year from reports")


def test_too_large_file_is_refused_clearly(archive, capsys, monkeypatch):
    run(archive, capsys)
    (archive / "raw" / "gomel-2023.txt").write_text(GOMEL * 50, encoding="utf-8")  # ~5 KB
    monkeypatch.setenv("ARCHIVE_MAX_FILE_MB", "0.001")
    code, out = run(archive, capsys)
    assert code == 1
    assert any(line.startswith("error: gomel-2023.txt:") and "over the 0.001 MiB limit" in line
               for line in out.splitlines())
    assert "minsk-2023.txt" not in out.split("error:")[-1]
    assert rows(archive / "archive.db", "select count(*) from counts where report_id = 'gomel-2023'") == [(1,)]


def test_two_files_of_one_report_keep_the_newest(archive, capsys):
    raw = archive / "raw"
    (raw / "gomel_2023.txt").write_text(GOMEL.replace("12 встреч", "20 встреч"), encoding="utf-8")
    old = time.time() - 3600
    os.utime(raw / "gomel-2023.txt", (old, old))
    code, out = run(archive, capsys)
    assert "same report (gomel-2023); kept the newer, gomel_2023.txt" in out
    assert rows(archive / "archive.db", "select value from counts where report_id = 'gomel-2023'") == [(20.0,)]
    assert code == 0


def test_unsupported_extension_is_skipped_with_a_warning(archive, capsys):
    (archive / "raw" / "budget.xlsx").write_bytes(b"PK\x03\x04")
    code, out = run(archive, capsys)
    assert code == 0
    assert "warning: budget.xlsx: skipped, unsupported file type .xlsx" in out


@pytest.mark.parametrize("encoding, bom", [("cp1251", b""), ("utf-16", b""), ("utf-8", b"\xef\xbb\xbf")])
def test_encodings_ingest_like_utf8(tmp_path, capsys, encoding, bom):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "gomel-2023.txt").write_bytes(bom + GOMEL.replace("\n", "\r\n").encode(encoding))
    assert run(tmp_path, capsys)[0] == 0
    assert rows(tmp_path / "archive.db", "select name from city_mentions order by start") == \
        [("Гомель",), ("Омск",), ("Гомель",)]


def test_a_new_view_rebuilds_the_archive_without_re_extracting(archive, capsys, monkeypatch):
    import pipeline.store as store

    run(archive, capsys)
    monkeypatch.setitem(store.VIEWS, "report_years", "select report_id, year from reports")
    code, out = run(archive, capsys)
    assert code == 0 and "unchanged, skipped: 2" in out and "archive.db: rebuilt" in out
    assert rows(archive / "archive.db", "select count(*) from report_years") == [(2,)]


def test_a_hand_broken_extracted_file_is_named_and_the_archive_kept(archive, capsys):
    run(archive, capsys)
    before = rows(archive / "archive.db", "select report_id, records from reports order by 1")
    broken = archive / "extracted" / "minsk-2023.json"
    broken.write_text(broken.read_text(encoding="utf-8").replace('"type": "count"', '"type": "tally"'),
                      encoding="utf-8")
    (archive / "raw" / "omsk-2022.txt").write_text("ОМСК\n\nВ 2022 году проведено 7 встреч.\n", encoding="utf-8")
    code, out = run(archive, capsys)  # a new report makes a rebuild, which reads the broken file
    assert code == 1
    error = next(line for line in out.splitlines() if line.startswith("error:"))
    assert error.startswith("error: minsk-2023.json: not a valid extracted report") and "keeps its earlier" in error
    assert rows(archive / "archive.db", "select report_id, records from reports order by 1") == before


@pytest.mark.parametrize("before", ["no hash", "sha256"])
def test_a_manifest_from_before_file_hashes_gets_them_once_validated(archive, capsys, before):
    import json

    import xxhash

    run(archive, capsys)
    manifest_path = archive / "extracted" / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    hashes = {name: entry.pop("json_xxh3") for name, entry in manifest.items()}
    for entry in manifest.values():
        if before == "sha256":  # as manifests recorded it until 2026-11-26
            path = archive / "extracted" / f"{entry['report_id']}.json"
            entry["json_sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    assert run(archive, capsys)[0] == 0
    again = json.loads(manifest_path.read_text(encoding="utf-8"))
    assert {name: entry["json_xxh3"] for name, entry in again.items()} == hashes
    for entry in again.values():
        path = archive / "extracted" / f"{entry['report_id']}.json"
        assert entry["json_xxh3"] == xxhash.xxh3_128_hexdigest(path.read_bytes())
        assert "json_sha256" not in entry


def test_one_new_report_updates_the_archive_to_what_a_rebuild_gives(archive, capsys):
    from pipeline.ingest import load_manifest, verified_hashes
    from pipeline.store import build

    raw = archive / "raw"
    (raw / "brest-2023.txt").write_text("Брест\n\nВ марте 2023 года делегация Бреста провела 3 встречи.\n",
                                        encoding="utf-8")
    (raw / "vitebsk-2023.txt").write_text("Витебск\n\nВ июле 2023 года в Витебске прошел фестиваль.\n",
                                          encoding="utf-8")
    assert run(archive, capsys)[0] == 0
    (raw / "grodno-2023.txt").write_text("Гродно\n\nВ 2023 году 40 школьников из Гродно посетили Омск.\n",
                                         encoding="utf-8")
    (raw / "minsk-2023.txt").unlink()
    code, out = run(archive, capsys)
    assert code == 0 and "archive.db: updated, not rebuilt (reports written: 1, dropped: 1)" in out
    extracted = archive / "extracted"
    paths = sorted(p for p in extracted.glob("*.json") if p.name != "manifest.json")
    manifest = load_manifest(extracted)
    build(paths, archive / "rebuilt.db", meta=dict(rows(archive / "archive.db", "select key, value from meta")),
          verified=verified_hashes(manifest))
    for table in ("reports", "paragraphs", "counts", "city_mentions", "cities", "organizations", "meta"):
        sql = f"select * from [{table}] order by 1"
        assert rows(archive / "archive.db", sql) == rows(archive / "rebuilt.db", sql), table
    assert ("grodno-2023",) in rows(archive / "archive.db", "select report_id from reports")
    assert run(archive, capsys)[1].endswith("archive.db: up to date\n")
