"""The committed extracted/omsk-2023.json must be what the extractor produces today."""

from pathlib import Path

EXTRACTED = Path(__file__).resolve().parent.parent / "extracted"


def test_committed_sample_extraction_is_fresh(sample_extracted_json):
    committed = (EXTRACTED / "omsk-2023.json").read_text(encoding="utf-8")
    fresh = sample_extracted_json.read_text(encoding="utf-8")
    assert committed == fresh, "extracted/omsk-2023.json is stale: run `make ingest` and commit the diff"


def test_manifest_names_the_sample():
    import json

    manifest = json.loads((EXTRACTED / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["omsk-2023.txt"]["report_id"] == "omsk-2023"
