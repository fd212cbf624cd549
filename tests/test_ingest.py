"""End to end: raw/ → extracted/ → archive.db, with bad input and re-runs."""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def ingest(tmp: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", "ingest", "--raw", str(tmp / "raw"), "--extracted",
                           str(tmp / "extracted"), "--db", str(tmp / "archive.db"), "--quiet"],
                          capture_output=True, text=True, cwd=ROOT)


def test_ingest_end_to_end_with_a_bad_file(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(ROOT / "raw" / "omsk-2023.txt", raw)
    (raw / "broken-2022.pdf").write_bytes(b"not a pdf at all")
    (raw / "notes.xlsx").write_bytes(b"PK")
    first = ingest(tmp_path)
    assert first.returncode == 1, first.stdout + first.stderr
    assert "Traceback" not in first.stderr
    assert "broken-2022.pdf" in first.stdout and "notes.xlsx: skipped" in first.stdout
    assert "records extracted:" in first.stdout and "count" in first.stdout
    data = json.loads((tmp_path / "extracted" / "omsk-2023.json").read_text(encoding="utf-8"))
    assert all(data["text"][r["start"] : r["end"]] == r["text"] for r in data["records"])
    conn = sqlite3.connect(tmp_path / "archive.db")
    assert conn.execute("select count(*) from reports").fetchone()[0] == 1
    n_counts = conn.execute("select count(*) from counts").fetchone()[0]
    assert n_counts == sum(r["type"] == "count" for r in data["records"])
    conn.close()

    (raw / "broken-2022.pdf").unlink()
    before = (tmp_path / "archive.db").read_bytes()
    second = ingest(tmp_path)
    assert second.returncode == 0, second.stdout
    assert "unchanged, skipped: 1" in second.stdout and "up to date" in second.stdout
    assert (tmp_path / "archive.db").read_bytes() == before


def test_removed_report_leaves_the_archive(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "gomel-2023.txt").write_text("Гомель\n\nВ мае делегация Омска посетила Гомель.\n", encoding="utf-8")
    (raw / "minsk-2023.txt").write_text("Минск\n\nВ июне 2023 года прошло 5 встреч.\n", encoding="utf-8")
    assert ingest(tmp_path).returncode == 0
    (raw / "minsk-2023.txt").unlink()
    out = ingest(tmp_path)
    assert "removed: 1" in out.stdout
    conn = sqlite3.connect(tmp_path / "archive.db")
    assert [r[0] for r in conn.execute("select report_id from reports")] == ["gomel-2023"]
    assert not (tmp_path / "extracted" / "minsk-2023.json").exists()


def test_extraction_runs_one_blas_thread_even_where_numpy_was_loaded_first(tmp_path):
    # A caller that imported numpy before ingest (sqlite-utils imports it) loaded BLAS with more threads.
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(ROOT / "raw" / "omsk-2023.txt", raw)
    code = f"""
import os
os.environ["OPENBLAS_NUM_THREADS"] = "2"
import numpy
del os.environ["OPENBLAS_NUM_THREADS"]
from pathlib import Path
from threadpoolctl import threadpool_info
from pipeline.ingest import ingest
before = [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]
ingest(Path({str(raw)!r}), Path({str(tmp_path / "extracted")!r}), Path({str(tmp_path / "archive.db")!r}),
       workers=1, progress=False)
print(before, [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"])
"""
    blas = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
    env = {k: v for k, v in os.environ.items() if k not in blas}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[2] [1]"
