"""The gazetteer's tables kept on disk: read back equal, rebuilt when stale or damaged, never an error."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

from pipeline.extract import diskcache, gazetteer


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(diskcache.ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


def counting(value: object) -> tuple[list[int], object]:
    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        return value

    return calls, build


def test_a_table_is_built_once_then_read(cache_dir: Path) -> None:
    calls, build = counting({"омск": (1, 2)})
    assert diskcache.load_or_build("table", build) == {"омск": (1, 2)}
    assert diskcache.load_or_build("table", build) == {"омск": (1, 2)}
    assert len(calls) == 1
    assert [p.name for p in cache_dir.iterdir()] == [f"table-{diskcache.fingerprint()}.pickle"]


def test_a_damaged_file_is_built_again_and_replaced(cache_dir: Path) -> None:
    calls, build = counting([1, 2, 3])
    diskcache.load_or_build("table", build)
    (stored,) = cache_dir.glob("table-*.pickle")
    stored.write_bytes(stored.read_bytes()[:5])  # cut short, as by a full disk
    assert diskcache.load_or_build("table", build) == [1, 2, 3]
    assert len(calls) == 2
    assert pickle.loads(stored.read_bytes()) == [1, 2, 3]


def test_a_table_of_other_code_is_not_read_and_is_removed(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    diskcache.load_or_build("table", lambda: "old")
    monkeypatch.setattr(diskcache, "fingerprint", lambda: "changed")
    assert diskcache.load_or_build("table", lambda: "new") == "new"
    assert [p.name for p in cache_dir.iterdir()] == ["table-changed.pickle"]


def test_an_unwritable_cache_builds_every_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "file").write_text("not a folder")
    monkeypatch.setenv(diskcache.ENV, str(tmp_path / "file" / "cache"))
    calls, build = counting(7)
    assert diskcache.load_or_build("table", build) == 7
    assert diskcache.load_or_build("table", build) == 7
    assert len(calls) == 2


def test_the_fingerprint_follows_the_extractors_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources = tmp_path / "extract"
    shutil.copytree(diskcache.EXTRACT, sources, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(diskcache, "EXTRACT", sources)
    before = diskcache.fingerprint.__wrapped__()
    assert diskcache.fingerprint.__wrapped__() == before
    with (sources / "data" / "small_towns.tsv.gz").open("ab") as f:
        f.write(b"\0")
    changed_data = diskcache.fingerprint.__wrapped__()
    (sources / "cities.py").write_text((sources / "cities.py").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert len({before, changed_data, diskcache.fingerprint.__wrapped__()}) == 3


@pytest.mark.parametrize("table", ["index", "latin_index"])
def test_gazetteer_tables_read_back_equal_to_built_ones(cache_dir: Path, table: str) -> None:
    build = getattr(gazetteer, table).__wrapped__.__wrapped__  # the function under both caches
    built = build()
    diskcache.load_or_build(table, build)
    read = diskcache.load_or_build(table, lambda: pytest.fail("read from the cache, not built"))
    assert read == built
