"""Load test of the served archive: a scaled archive, a real `python -m pipeline serve`, concurrent clients.

The archive is the committed sample (extracted/omsk-2023.json) replicated under other report ids, cities and
years (`<city>-<year>`, cities × 2004–2023), written through `pipeline.extracted.render` and built with
`pipeline.store.build`. The server runs in its own process on a free port of 127.0.0.1; the clients
(asyncio with a minimal keep-alive HTTP/1.1 client, closed loop, no think time) take the endpoints in
turn until the time or the request budget is spent, then the server is stopped. Printed: p50/p95/p99
latency and errors per endpoint, the machine's cores and the date. An answer counts as an error when its
status is not 200, when it cannot be read, when a facet timed out (Datasette then still answers 200) or
when the JSON is not a non-empty list.

    python -m pipeline.loadtest [--reports 1000] [--clients 16] [--seconds 30] [--keep DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import hashlib
import inspect
import json
import os
import platform
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "extracted" / "omsk-2023.json"
YEARS = tuple(range(2004, 2024))
# (slug of the report id, the city's Russian name as Report.city holds it)
CITIES: tuple[tuple[str, str], ...] = (
    ("omsk", "Омск"), ("novosibirsk", "Новосибирск"), ("tomsk", "Томск"), ("barnaul", "Барнаул"),
    ("tyumen", "Тюмень"), ("ekaterinburg", "Екатеринбург"), ("chelyabinsk", "Челябинск"), ("kurgan", "Курган"),
    ("perm", "Пермь"), ("ufa", "Уфа"), ("kazan", "Казань"), ("samara", "Самара"), ("saratov", "Саратов"),
    ("volgograd", "Волгоград"), ("voronezh", "Воронеж"), ("yaroslavl", "Ярославль"), ("vologda", "Вологда"),
    ("tver", "Тверь"), ("ryazan", "Рязань"), ("tula", "Тула"), ("kaluga", "Калуга"), ("smolensk", "Смоленск"),
    ("bryansk", "Брянск"), ("orel", "Орёл"), ("kursk", "Курск"), ("belgorod", "Белгород"), ("lipetsk", "Липецк"),
    ("tambov", "Тамбов"), ("penza", "Пенза"), ("ulyanovsk", "Ульяновск"), ("orenburg", "Оренбург"),
    ("izhevsk", "Ижевск"), ("kirov", "Киров"), ("irkutsk", "Иркутск"), ("krasnoyarsk", "Красноярск"),
    ("kemerovo", "Кемерово"), ("khabarovsk", "Хабаровск"), ("vladivostok", "Владивосток"), ("chita", "Чита"),
    ("ulan-ude", "Улан-Удэ"), ("yakutsk", "Якутск"), ("murmansk", "Мурманск"), ("arkhangelsk", "Архангельск"),
    ("petrozavodsk", "Петрозаводск"), ("pskov", "Псков"), ("veliky-novgorod", "Великий Новгород"),
    ("kaliningrad", "Калининград"), ("krasnodar", "Краснодар"), ("stavropol", "Ставрополь"),
    ("astrakhan", "Астрахань"),
)
PERCENTILES = (50, 95, 99)


# --- the scaled archive --------------------------------------------------------------------------------


def report_ids(n: int) -> list[tuple[str, str, int]]:
    """(report_id, city, year) of n distinct reports: the cities take turns, each year back from 2023 in turn;
    past cities × years the slugs get a number (omsk2-2023)."""
    out = []
    per_round = len(CITIES) * len(YEARS)
    for i in range(n):
        slug, city = CITIES[i % len(CITIES)]
        year = YEARS[-1 - (i // len(CITIES)) % len(YEARS)]
        rnd = i // per_round
        if rnd:
            slug = f"{slug}{rnd + 1}"
        out.append((f"{slug}-{year}", city, year))
    return out


def scaled_reports(n: int, source: Path = SAMPLE) -> Iterator[Any]:
    """The sample's extracted report n times, each under another report id, city and year."""
    from pipeline.records import ExtractedReport

    base = ExtractedReport.model_validate_json(source.read_bytes())
    for rid, city, year in report_ids(n):
        report = base.report.model_copy(update={"report_id": rid, "city": city, "year": year,
                                                "source": f"{rid}.{base.report.format}"})
        yield base.model_copy(update={"report": report})


def _archive_key(n: int, source: Path) -> str:
    """What the scaled archive depends on: its size, the sample and the store's shape (tables, indexes, views)."""
    from pipeline import store

    parts = [str(n), hashlib.sha256(source.read_bytes()).hexdigest(), inspect.getsource(store)]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def _stored_key(db: Path) -> str | None:
    try:
        with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
            row = conn.execute("select value from meta where key = 'loadtest'").fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def build_scaled(n: int, directory: Path, source: Path = SAMPLE, log: Callable[[str], None] = print) -> float | None:
    """Write n scaled reports to directory/extracted and build directory/archive.db from them; seconds taken,
    or None when directory already holds the same archive (same size, sample and store code)."""
    from pipeline.extracted import digest, render
    from pipeline.store import build

    db = directory / "archive.db"
    key = _archive_key(n, source)
    if db.exists() and _stored_key(db) == key:
        log(f"reusing {db} ({n} reports)")
        return None
    started = time.perf_counter()
    extracted = directory / "extracted"
    extracted.mkdir(parents=True, exist_ok=True)
    for old in extracted.glob("*.json"):
        old.unlink()
    paths, verified = [], {}
    for er in scaled_reports(n, source):  # validated models, so the build may trust what is written
        path = extracted / f"{er.report.report_id}.json"
        text = render(er)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
        verified[path.name] = digest(text.encode())
    written = time.perf_counter()
    rows = sum(build(paths, db, meta={"loadtest": key}, verified=verified).values())
    seconds = time.perf_counter() - started
    log(f"built {db}: {n} reports, {rows:,} rows, {db.stat().st_size / 1e6:.0f} MB in {seconds:.1f} s "
        f"(JSON {written - started:.1f} s, build {seconds - (written - started):.1f} s = "
        f"{rows / (seconds - (written - started)):,.0f} rows/s)")
    return seconds


def archive_size(db: Path) -> dict[str, int]:
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        return {t: conn.execute(f"select count(*) from {t}").fetchone()[0]
                for t in ("reports", "paragraphs", "counts", "city_mentions", "organization_mentions")}


# --- the server ----------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`python -m pipeline serve --db DB --port PORT` in a subprocess, stopped on exit."""

    def __init__(self, db: Path, port: int | None = None, log_file: Path | None = None) -> None:
        self.db, self.port = db, port or free_port()
        self.log_file = log_file or db.with_name("serve.log")
        self.proc: subprocess.Popen[bytes] | None = None
        self.url = f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Server:
        self._log = self.log_file.open("wb")
        self.proc = subprocess.Popen([sys.executable, "-m", "pipeline", "serve", "--db", str(self.db),
                                      "--host", "127.0.0.1", "--port", str(self.port)],
                                     stdout=self._log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        try:
            self.wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def wait_ready(self, timeout: float = 180.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.proc is not None
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}: {self.log_tail()}")
            try:
                if httpx.get(self.url + "/-/versions.json", timeout=2.0).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise TimeoutError(f"server did not answer within {timeout:.0f} s: {self.log_tail()}")

    def cpu_seconds(self) -> float | None:
        """User + system CPU time of the server process so far (Linux), else None."""
        try:
            assert self.proc is not None
            fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, IndexError, AssertionError):
            return None

    def log_tail(self, n: int = 2000) -> str:
        try:
            return self.log_file.read_text(errors="replace")[-n:]
        except OSError:
            return ""

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self._log.close()

    def __exit__(self, *exc: object) -> None:
        self.stop()


# --- the endpoints -------------------------------------------------------------------------------------


@dataclass
class Endpoint:
    name: str
    path: Callable[[int], str]  # the i-th request's path
    check: Callable[[int, bytes], str | None]  # why the answer (status, body) is wrong, or None
    shown: str  # the paths, for people


def _html_ok(status: int, body: bytes) -> str | None:
    if status != 200:
        return f"HTTP {status}"
    if b"facets-timed-out" in body:
        return "facet timed out"
    return None


def _json_rows(status: int, body: bytes) -> str | None:
    if status != 200:
        return f"HTTP {status}"
    try:
        rows = json.loads(body)
    except ValueError:
        return "not JSON"
    return None if isinstance(rows, list) and rows else "no rows"


class Connection:
    """One keep-alive HTTP/1.1 connection. httpx cost ~5 ms of client CPU a request, as much as the server
    on this 2-core machine, so the load generator's own queueing would have been measured."""

    def __init__(self, host: str, port: int, timeout: float) -> None:
        self.host, self.port, self.timeout = host, port, timeout
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> tuple[int, bytes]:
        return await asyncio.wait_for(self._get(path), self.timeout)

    async def _get(self, path: str) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.split(b"\r\n")
        status = int(lines[0].split()[1])
        headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(b":") for line in lines[1:] if line)}
        if headers.get(b"transfer-encoding", b"").lower() == b"chunked":
            body = bytearray()
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).strip(), 16)
                body += await self.reader.readexactly(size + 2)
                if size == 0:
                    break
                del body[-2:]
            body_bytes = bytes(body[:-2]) if body.endswith(b"\r\n") else bytes(body)
        else:
            body_bytes = await self.reader.readexactly(int(headers.get(b"content-length", b"0")))
        if headers.get(b"connection", b"").lower() == b"close":
            self.close()
        return status, body_bytes

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


def endpoints(ids: list[str]) -> list[Endpoint]:
    """Home page, a faceted table page, the full-text search query and a canned query's JSON (its report_id
    taking each report in turn, so not every request reads the same pages)."""

    def participants(i: int) -> str:
        return f"/archive/participants.json?_shape=array&report_id={quote(ids[i % len(ids)])}&unit={quote('детей')}"

    def counts(i: int) -> str:
        # metadata.yml gives the counts table its facets (report_id, unit, qualifier); a ?_facet= of the same
        # column would make Datasette compute that facet twice. Every other request is the page a click on a
        # facet value leads to.
        return "/archive/counts" if i % 2 == 0 else "/archive/counts?unit=" + quote("человек")

    return [
        Endpoint("home", lambda i: "/", _html_ok, "/"),
        Endpoint("table", counts, _html_ok, "/archive/counts and /archive/counts?unit=человек (3 facets each)"),
        Endpoint("search", lambda i: "/archive/search?q=" + quote("телемост"), _html_ok,
                 "/archive/search?q=телемост"),
        Endpoint("json", participants, _json_rows,
                 "/archive/participants.json?_shape=array&report_id=<each report in turn>&unit=детей"),
    ]


# --- the clients ---------------------------------------------------------------------------------------


@dataclass
class Stats:
    path: str
    latencies: list[float] = field(default_factory=list)  # seconds, answered requests (errors included)
    errors: Counter[str] = field(default_factory=Counter)
    first: float | None = None  # the warm-up request, not in latencies


def percentile(sorted_values: list[float], p: float) -> float:
    """Nearest-rank percentile of sorted values (so p50 ≤ p95 ≤ p99 always)."""
    if not sorted_values:
        return float("nan")
    rank = max(1, -(-len(sorted_values) * p // 100))
    return sorted_values[int(rank) - 1]


async def _load(base_url: str, eps: list[Endpoint], clients: int, seconds: float, max_requests: int,
                timeout: float) -> tuple[dict[str, Stats], float]:
    stats = {e.name: Stats(e.shown) for e in eps}
    host, port = base_url.split("//", 1)[1].rsplit(":", 1)
    pool = [Connection(host, int(port), timeout) for _ in range(clients + 1)]
    if True:  # one connection per client (the last one for the warm-up), as a browser tab would keep

        async def one(e: Endpoint, i: int, conn: Connection) -> tuple[float, str | None]:
            started = time.perf_counter()
            try:
                status, body = await conn.get(e.path(i))
                why = e.check(status, body)
            except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError) as exc:
                conn.close()
                why = type(exc).__name__
            return time.perf_counter() - started, why

        for e in eps:  # one cold request each before the clock starts (shown as "first ms", not in the percentiles)
            elapsed, why = await one(e, 0, pool[-1])
            stats[e.name].first = elapsed
            if why:
                stats[e.name].errors[f"warm-up: {why}"] += 1
        issued = 0
        started = time.perf_counter()
        deadline = started + seconds

        async def worker(w: int) -> None:
            nonlocal issued
            k = w  # each client starts at another endpoint
            while time.perf_counter() < deadline and issued < max_requests:
                issued += 1
                e = eps[k % len(eps)]
                elapsed, why = await one(e, k // len(eps) * clients + w, pool[w])
                s = stats[e.name]
                s.latencies.append(elapsed)
                if why:
                    s.errors[why] += 1
                k += 1

        await asyncio.gather(*(worker(w) for w in range(clients)))
        for conn in pool:
            conn.close()
        return stats, time.perf_counter() - started


def _summary(s: Stats) -> dict[str, Any]:
    lat = sorted(s.latencies)
    out: dict[str, Any] = {"path": s.path, "requests": len(lat), "errors": sum(s.errors.values()),
                           "error_kinds": dict(s.errors)}
    for p in PERCENTILES:
        out[f"p{p}_ms"] = round(percentile(lat, p) * 1000, 1)
    out["max_ms"] = round(lat[-1] * 1000, 1) if lat else float("nan")
    out["mean_ms"] = round(sum(lat) / len(lat) * 1000, 1) if lat else float("nan")
    out["first_ms"] = round(s.first * 1000, 1) if s.first is not None else None
    return out


def run(reports: int = 1000, clients: int = 16, seconds: float = 30.0, keep: Path | None = None,
        max_requests: int = 200_000, timeout: float = 30.0, only: list[str] | None = None,
        log: Callable[[str], None] = print) -> dict[str, Any]:
    """Build (or reuse, in keep) the scaled archive, serve it, load it; the figures as a dict. only: names of
    the endpoints to load (all four when empty), to see one alone."""
    with tempfile.TemporaryDirectory(prefix="loadtest-") as tmp:
        directory = Path(keep) if keep else Path(tmp)
        directory.mkdir(parents=True, exist_ok=True)
        build_seconds = build_scaled(reports, directory, log=log)
        db = directory / "archive.db"
        size = {**archive_size(db), "mb": round(db.stat().st_size / 1e6, 1)}
        ids = [rid for rid, _, _ in report_ids(reports)]
        with Server(db) as server:
            url = server.url
            log(f"serving {db} at {url}; {clients} clients for {seconds:g} s")
            date = dt.datetime.now().astimezone().isoformat(timespec="seconds")
            load_average = [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None
            cpu_server, cpu_client = server.cpu_seconds(), time.process_time()
            eps = [e for e in endpoints(ids) if not only or e.name in only]
            stats, elapsed = asyncio.run(_load(server.url, eps, clients, seconds, max_requests, timeout))
            cpu_client = time.process_time() - cpu_client
            if cpu_server is not None and (after := server.cpu_seconds()) is not None:
                cpu_server = after - cpu_server
    per_endpoint = {name: _summary(s) for name, s in stats.items()}
    everything = Stats("")
    for s in stats.values():
        everything.latencies += s.latencies
        everything.errors.update(s.errors)
    total = _summary(everything)
    total.pop("path")
    total.pop("first_ms")
    total["requests_per_s"] = round(total["requests"] / elapsed, 1) if elapsed else None
    return {
        "date": date,
        "cores": os.cpu_count(),
        "load_average": load_average,
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "reports": reports,
        "url": url,
        "archive": size,
        "build_seconds": round(build_seconds, 1) if build_seconds is not None else None,
        "clients": clients,
        "seconds": seconds,
        "elapsed_seconds": round(elapsed, 2),
        # CPU used during the load (warm-up included), in seconds: a server near elapsed_seconds is CPU-bound
        "cpu_seconds": {"server": round(cpu_server, 1) if cpu_server is not None else None,
                        "client": round(cpu_client, 1)},
        "endpoints": per_endpoint,
        "total": total,
    }


def format_report(result: dict[str, Any]) -> str:
    a, server_cpu, n = result["archive"], result["cpu_seconds"]["server"], result["total"]["requests"]
    per_request = f" ({server_cpu / n * 1000:.0f} ms a request)" if server_cpu is not None and n else ""
    lines = [
        f"load test {result['date']}: {result['cores']} cores (load average before "
        f"{result['load_average']}), Python {result['python']}, SQLite {result['sqlite']}",
        f"archive: {result['reports']} reports, {a['paragraphs']} paragraphs, {a['counts']} counts, "
        f"{a['city_mentions']} city mentions"
        + f", {a['mb']} MB"
        + (f"; built in {result['build_seconds']} s" if result["build_seconds"] is not None else "; reused"),
        f"{result['clients']} clients, {result['elapsed_seconds']} s: {result['total']['requests']} requests, "
        f"{result['total']['requests_per_s']}/s, {result['total']['errors']} errors; CPU seconds: server "
        f"{result['cpu_seconds']['server']}{per_request}, load generator {result['cpu_seconds']['client']}",
        "",
        f"{'endpoint':20} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8} "
        f"{'first ms':>8}",
    ]
    for name, e in [*result["endpoints"].items(), ("all", {**result["total"], "first_ms": None})]:
        first = "" if e["first_ms"] is None else e["first_ms"]
        lines.append(f"{name:20} {e['requests']:>8} {e['errors']:>6} {e['p50_ms']:>8} {e['p95_ms']:>8} "
                     f"{e['p99_ms']:>8} {e['max_ms']:>8} {first:>8}")
    for name, e in result["endpoints"].items():
        for why, n in e["error_kinds"].items():
            lines.append(f"  {name}: {n} × {why}")
    lines.append("")
    for name, e in result["endpoints"].items():
        lines.append(f"  {name}: {e['path']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.loadtest", description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=1000, help="reports in the scaled archive (default 1000)")
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients (default 16)")
    parser.add_argument("--seconds", type=float, default=30.0, help="how long the load lasts (default 30)")
    parser.add_argument("--max-requests", type=int, default=200_000, help="stop after this many requests")
    parser.add_argument("--keep", type=Path, help="build the archive in DIR and keep it (reused when unchanged)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file as JSON")
    parser.add_argument("--only", action="append", choices=[e.name for e in endpoints(["x"])],
                        help="load only this endpoint (repeatable); default all four")
    args = parser.parse_args(argv)
    if args.reports < 1 or args.clients < 1 or args.seconds <= 0:
        parser.error("--reports and --clients must be ≥ 1, --seconds > 0")
    result = run(args.reports, args.clients, args.seconds, args.keep, args.max_requests, only=args.only,
                 log=lambda m: print(m, file=sys.stderr, flush=True))
    print(format_report(result))
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0 if result["total"]["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
