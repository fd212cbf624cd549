"""SIGKILL during ingest never damages the archive; a running server follows the new archive and stays up."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = (ROOT / "raw" / "omsk-2023.txt").read_text(encoding="utf-8")
TABLES = ("reports", "paragraphs", "city_mentions", "dates", "counts", "organization_mentions")


def ingest_cmd(tmp: Path) -> list[str]:
    return [sys.executable, "-m", "pipeline", "ingest", "--raw", str(tmp / "raw"), "--extracted",
            str(tmp / "extracted"), "--db", str(tmp / "archive.db"), "--quiet", "--workers", "2"]


def snapshot(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        return {t: conn.execute(f"select count(*) from {t}").fetchone()[0] for t in TABLES}
    finally:
        conn.close()


def write_reports(raw: Path, suffix: str) -> None:
    raw.mkdir(exist_ok=True)
    for year in (2021, 2022, 2023):
        (raw / f"omsk-{year}.txt").write_text(SAMPLE + suffix, encoding="utf-8")


def test_sigkill_at_several_points_leaves_the_previous_archive_intact(tmp_path):
    write_reports(tmp_path / "raw", "")
    assert subprocess.run(ingest_cmd(tmp_path), capture_output=True).returncode == 0
    before = snapshot(tmp_path / "archive.db")
    write_reports(tmp_path / "raw", "\n\nВ декабре 2023 года проведено 15 встреч с делегацией Гомеля.\n")
    outcomes = set()
    for delay in (0.3, 1.5, 3.0, 4.5, 6.0):
        proc = subprocess.Popen(ingest_cmd(tmp_path), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
        time.sleep(delay)
        killed = proc.poll() is None
        if killed:
            os.killpg(proc.pid, signal.SIGKILL)  # the workers too
        proc.wait()
        now = snapshot(tmp_path / "archive.db")
        outcomes.add("killed" if killed else "finished")
        # Either the old archive, whole, or the new one, whole: never a mix.
        assert now == before or now["counts"] == before["counts"] + 3, (delay, now, before)
        for extracted in (tmp_path / "extracted").glob("*.json"):
            json.loads(extracted.read_text(encoding="utf-8"))
    assert "killed" in outcomes
    final = subprocess.run(ingest_cmd(tmp_path), capture_output=True, text=True)
    assert final.returncode == 0, final.stdout + final.stderr
    after = snapshot(tmp_path / "archive.db")
    assert after["counts"] == before["counts"] + 3 and after["reports"] == 3
    assert not list(tmp_path.glob(".*.tmp")) and not list((tmp_path / "extracted").glob(".*.tmp"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, timeout: float = 10) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


@pytest.fixture
def server(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "gomel-2023.txt").write_text("Гомель\n\nВ мае делегация Омска посетила Гомель.\n", encoding="utf-8")
    assert subprocess.run(ingest_cmd(tmp_path), capture_output=True).returncode == 0
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "serve", "--db", str(tmp_path / "archive.db"),
                             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp_path)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            if fetch(base + "/-/versions.json", timeout=1)[0] == 200:
                break
        except OSError:
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("datasette did not start")
    yield tmp_path, base
    proc.terminate()
    proc.wait(timeout=10)


def report_ids(base: str) -> list[str]:
    return sorted(r["report_id"] for r in json.loads(fetch(base + "/archive/reports.json?_shape=array")[1]))


def concurrently(fn, n: int) -> list:
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=6) as pool:
        return list(pool.map(lambda _: fn(), range(n)))


def test_server_follows_a_new_archive_without_errors(server):
    tmp, base = server
    # Every SQL thread of the server holds a connection to the old file before the swap.
    assert concurrently(lambda: report_ids(base), 24) == [["gomel-2023"]] * 24
    statuses: list[int] = []
    stop = threading.Event()

    def poll() -> None:
        while not stop.is_set() and len(statuses) < 5000:
            statuses.append(fetch(base + "/archive/reports.json?_shape=array")[0])

    poller = threading.Thread(target=poll)
    poller.start()
    (tmp / "raw" / "minsk-2023.txt").write_text("Минск\n\nВ июне прошло 5 встреч.\n", encoding="utf-8")
    try:
        assert subprocess.run(ingest_cmd(tmp), capture_output=True).returncode == 0
    finally:
        stop.set()
        poller.join()
    assert statuses and set(statuses) == {200}
    # No restart: every request after the ingest, on every thread, sees the new archive.
    assert concurrently(lambda: report_ids(base), 24) == [["gomel-2023", "minsk-2023"]] * 24


def test_pathological_query_is_stopped_and_the_server_keeps_answering(server):
    _, base = server
    sql = "with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c"
    started = time.time()
    status, body = fetch(base + "/archive.json?" + urllib.parse.urlencode({"sql": sql}), timeout=30)
    assert time.time() - started < 15
    assert status != 200 or b"too long" in body.lower() or b"interrupted" in body.lower()
    assert fetch(base + "/archive/reports.json?_shape=array")[0] == 200
    status, body = fetch(base + "/archive.json?" + urllib.parse.urlencode({"sql": "delete from reports"}))
    assert status != 200 or b"error" in body.lower()
    assert len(json.loads(fetch(base + "/archive/reports.json?_shape=array")[1])) == 1

