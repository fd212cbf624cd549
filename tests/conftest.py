"""Shared fixtures: the sample report, extracted once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "raw" / "omsk-2023.txt"


@pytest.fixture(scope="session")
def sample_document():
    from pipeline.readers import read

    return read(SAMPLE)


@pytest.fixture(scope="session")
def sample_extraction(sample_document):
    from pipeline.extract import extract

    return extract(sample_document, 2023)


@pytest.fixture(scope="session")
def sample_extracted_json(tmp_path_factory, sample_document):
    """extracted/<id>.json of the sample, produced by the real ingest worker function."""
    from pipeline.ingest import extract_file, sha256_of

    outcome = extract_file(str(SAMPLE), sha256_of(SAMPLE))
    assert outcome.error is None, outcome.error
    path = tmp_path_factory.mktemp("extracted") / f"{outcome.report_id}.json"
    path.write_text(outcome.json_text, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def archive_db(tmp_path_factory, sample_extracted_json):
    from pipeline.store import build

    db = tmp_path_factory.mktemp("db") / "archive.db"
    build([sample_extracted_json], db)
    return db
