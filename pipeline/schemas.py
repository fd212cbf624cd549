"""JSON Schemas of the records, generated from the pydantic models (never written by hand)."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import TypeAdapter

from pipeline.records import RECORD_TYPES, ExtractedReport, Record, Report


def schemas() -> dict[str, dict]:
    out = {"extracted-report": ExtractedReport.model_json_schema(), "report": Report.model_json_schema(),
           "record": TypeAdapter(Record).json_schema()}
    for name, model in RECORD_TYPES.items():
        out[f"record-{name}"] = model.model_json_schema()
    return out


def render(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = out / f"{name}.schema.json"
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written
