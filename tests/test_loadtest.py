"""The load generator against a small scaled archive: a real server, real clients, the report's shape.

No timing is asserted: the figures depend on the machine. What must hold anywhere: every endpoint was asked,
nothing failed, the percentiles are ordered, and the server is gone afterwards.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing

import httpx
import pytest

from pipeline import loadtest


def test_report_ids_are_distinct_reports() -> None:
    ids = loadtest.report_ids(1200)
    assert len({rid for rid, _, _ in ids}) == 1200
    assert ids[0] == ("omsk-2023", "Омск", 2023)
    assert all(2004 <= year <= 2023 and rid.endswith(f"-{year}") for rid, _, year in ids)
    assert len({city for _, city, _ in ids[:50]}) == 50  # the first fifty: fifty cities


def test_percentile_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert [loadtest.percentile(values, p) for p in (50, 95, 99, 100)] == [50.0, 95.0, 99.0, 100.0]
    assert loadtest.percentile([7.0], 99) == 7.0


@pytest.fixture(scope="module")
def small_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, object]:
    keep = tmp_path_factory.mktemp("loadtest")
    result = loadtest.run(reports=20, clients=4, seconds=3, keep=keep, log=lambda _: None)
    return result, keep


def test_small_load_report(small_run: tuple[dict, object]) -> None:
    result, keep = small_run
    assert result["reports"] == 20 and result["archive"]["reports"] == 20
    assert result["archive"]["paragraphs"] == 20 * 96  # the sample has 96 blocks
    assert result["cores"] >= 1 and result["date"][:2] == "20" and result["clients"] == 4
    assert set(result["endpoints"]) == {"home", "table", "search", "json"}
    for name, e in result["endpoints"].items():
        assert e["requests"] > 0, name
        assert e["errors"] == 0, (name, e["error_kinds"])
        assert 0 < e["p50_ms"] <= e["p95_ms"] <= e["p99_ms"] <= e["max_ms"], (name, e)
    total = result["total"]
    assert total["requests"] == sum(e["requests"] for e in result["endpoints"].values())
    assert total["errors"] == 0 and total["p50_ms"] <= total["p95_ms"] <= total["p99_ms"]
    text = loadtest.format_report(result)
    assert f"{result['cores']} cores" in text
    assert all(name in text for name in result["endpoints"])
    # the scaled reports are what the archive holds, each with its own city and year
    with closing(sqlite3.connect(keep / "archive.db")) as conn:
        rows = dict(conn.execute("select report_id, city from reports").fetchall())
    assert rows["omsk-2023"] == "Омск" and rows["novosibirsk-2023"] == "Новосибирск" and len(rows) == 20


def test_cli_reuses_the_kept_archive_and_stops_the_server(small_run: tuple[dict, object], capsys) -> None:
    _, keep = small_run
    out = keep / "figures.json"
    code = loadtest.main(["--reports", "20", "--clients", "2", "--seconds", "1", "--keep", str(keep),
                          "--only", "json", "--json", str(out)])
    assert code == 0
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["build_seconds"] is None  # same size, sample and store code: not rebuilt
    assert list(result["endpoints"]) == ["json"] and result["endpoints"]["json"]["requests"] > 0
    printed = capsys.readouterr().out
    assert "p95 ms" in printed and "reused" in printed
    with pytest.raises(httpx.HTTPError):  # the server was stopped
        httpx.get(result["url"] + "/", timeout=2)


def test_checks_count_silent_failures_as_errors() -> None:
    assert loadtest._html_ok(200, b"<p>ok</p>") is None
    assert loadtest._html_ok(500, b"boom") == "HTTP 500"
    assert loadtest._html_ok(200, b'<p class="facets-timed-out">') == "facet timed out"
    assert loadtest._json_rows(200, b'[{"a": 1}]') is None
    assert loadtest._json_rows(200, b"[]") == "no rows"
    assert loadtest._json_rows(200, b"<html>") == "not JSON"
