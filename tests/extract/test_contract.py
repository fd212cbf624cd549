"""The extraction contract: `python -m pipeline extract FILE...` prints JSON lines whose offsets slice the file."""

import json
import subprocess
import sys
from pathlib import Path

from pipeline.records import RECORD_TYPES

ROOT = Path(__file__).resolve().parents[2]
GOLD_FIELDS = {"city": {"name", "country"}, "date": {"start_date", "end_date"}, "count": {"value", "qualifier", "unit"},
               "money": {"value", "currency", "qualifier"}, "person": {"name"}, "organization": {"name"}}


def run_cli(*files: str, year: str | None = None) -> list[dict]:
    cmd = [sys.executable, "-m", "pipeline", "extract", *files] + (["--year", year] if year else [])
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=True)
    return [json.loads(line) for line in out.stdout.splitlines()]


def test_several_files_in_one_run_with_exact_offsets(tmp_path):
    second = tmp_path / "report.txt"
    second.write_text("Гомель\n\nВ марте делегация города Гомеля посетила Омск. Приняли участие 25 человек.\n",
                      encoding="utf-8")
    records = run_cli(str(ROOT / "raw" / "omsk-2023.txt"), str(second), year="2022")
    sources = {r["source"] for r in records}
    assert sources == {str(ROOT / "raw" / "omsk-2023.txt"), str(second)}
    texts = {s: Path(s).read_text(encoding="utf-8") for s in sources}
    for r in records:
        assert texts[r["source"]][r["start"] : r["end"]] == r["text"]
        assert GOLD_FIELDS[r["type"]] <= set(r), r
        assert r["type"] in RECORD_TYPES
    mine = [r for r in records if r["source"] == str(second)]
    assert {"type": "date", "start_date": "2022-03-01"}.items() <= next(r for r in mine if r["type"] == "date").items()
    assert any(r["type"] == "count" and r["value"] == 25 and r["unit"] == "человек" for r in mine)
    assert [r["name"] for r in mine if r["type"] == "city"] == ["Гомель", "Гомель", "Омск"]


def test_offsets_hold_for_a_bom_and_windows_1251_file(tmp_path):
    text = "Минск\r\n\r\nВ апреле 2023 года в Минске прошла выставка, её посетили более 300 омичей.\r\n"
    cp = tmp_path / "minsk-2023.txt"
    cp.write_bytes(text.encode("cp1251"))
    records = run_cli(str(cp))
    assert records, "nothing extracted from a Windows-1251 file"
    for r in records:
        assert text[r["start"] : r["end"]] == r["text"]


def test_unreadable_file_is_a_clear_error_not_a_traceback(tmp_path):
    bad = tmp_path / "broken-2023.pdf"
    bad.write_bytes(b"\x00\x01garbage")
    out = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(bad)], capture_output=True, text=True,
                         cwd=ROOT)
    assert out.returncode != 0
    assert "broken-2023.pdf" in out.stderr and "Traceback" not in out.stderr


def test_words_broken_at_line_ends_are_read_whole(extract_records):
    text = ("Администра-\nция города Омска провела 12 меж-\n  дународных встреч с городами-побратимами: "
            "с 14 городами-\nпобратимами и делегацией Гоме-\nля.\n")
    orgs = extract_records(text, "organization")
    assert [(o.text, o.name) for o in orgs] == [("Администра-\nция города Омска", "Администрация города Омска")]
    counts = [(c.text, c.value, c.unit) for c in extract_records(text, "count")]
    assert counts == [("12 меж-\n  дународных встреч", 12, "встреча"),
                      ("14 городами-\nпобратимами", 14, "город-побратим")]
    assert [(c.text, c.name) for c in extract_records(text, "city")] == [("Омска", "Омск"), ("Гоме-\nля", "Гомель")]


def test_a_word_broken_across_the_only_two_lines_is_read_whole(extract_records):
    # each line's last word is left out of the words that tell a compound: here there are none
    assert [c.name for c in extract_records("Гоме-\nля", "city")] == ["Гомель"]
