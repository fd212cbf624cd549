"""schemas/ must be what the pydantic models generate today."""

from pathlib import Path

from pipeline.schemas import render, schemas

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"


def test_every_schema_file_is_up_to_date():
    expected = {f"{name}.schema.json": render(s) for name, s in schemas().items()}
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in SCHEMAS.glob("*.schema.json")}
    assert set(on_disk) == set(expected), "schemas/ has missing or extra files: run `make schemas`"
    stale = [name for name in expected if on_disk[name] != expected[name]]
    assert not stale, f"stale schemas (run `make schemas`): {stale}"


def test_record_schema_covers_every_type():
    union = schemas()["record"]
    names = {ref.rsplit("/", 1)[-1] for ref in union["discriminator"]["mapping"].values()}
    assert names == {"CityRecord", "DateRecord", "CountRecord", "MoneyRecord", "PersonRecord", "OrganizationRecord"}
