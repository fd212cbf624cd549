"""Serving the archive: read-only Datasette with the metadata and settings of a public archive."""

from __future__ import annotations

from pathlib import Path

METADATA = Path(__file__).with_name("metadata.yml")
# Settings for a public, read-only archive: arbitrary SQL stays available, bounded in time and rows.
SETTINGS: dict[str, str] = {
    "sql_time_limit_ms": "2000",
    "max_returned_rows": "1000",
    "facet_time_limit_ms": "500",
    "allow_download": "off",
    "allow_csv_stream": "off",
    "suggest_facets": "off",
    # a table page renders every row's sentence (one more query and the marks per row): with 20 rows a counts
    # page takes ~35% less server CPU than with 50 (measured with python -m pipeline.loadtest); ?_size= gives more
    "default_page_size": "20",
}


def datasette_args(db: Path, inspect_file: Path | None = None) -> list[str]:
    """Arguments of `datasette serve` for the archive (immutable: no writes, cached counts)."""
    args = ["-i", str(db), "-m", str(METADATA)]
    if inspect_file is not None:
        args += ["--inspect-file", str(inspect_file)]
    for k, v in SETTINGS.items():
        args += ["--setting", k, v]
    return args


def settings() -> dict[str, object]:
    """The same settings, typed, for Datasette(settings=...) in tests and tools."""
    return {k: (int(v) if v.isdigit() else v == "on") for k, v in SETTINGS.items()}
