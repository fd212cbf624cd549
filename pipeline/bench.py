"""`make bench`: speed and memory, each figure beside its floor, measured in one run.

The corpus resembles real reports: the sample's paragraphs shuffled, with numbers, years and partner
cities varied, written as .txt files (and a part of them as PDFs). Nothing here is a test: figures
are printed, not asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "raw" / "omsk-2023.txt"
# Indeclinable names can be swapped in any case without breaking the grammar of the sentence.
CITIES = ["Фучжоу", "Урумчи", "Алматы", "Баку", "Тбилиси", "Сочи", "Тольятти", "Пекин"]
REPORT_CITIES = ["omsk", "tomsk", "novosibirsk", "barnaul", "kemerovo", "irkutsk", "krasnoyarsk", "tyumen",
                 "kurgan", "chita", "ulan-ude", "abakan", "kyzyl", "surgut", "tobolsk", "ishim"]


def corpus(out: Path, min_chars: int, seed: int = 7) -> list[Path]:
    """Reports of about the sample's size until `min_chars` characters are written."""
    rng = random.Random(seed)
    paragraphs = [p for p in SAMPLE.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    out.mkdir(parents=True, exist_ok=True)
    files, total, i = [], 0, 0
    while total < min_chars:
        city, year = REPORT_CITIES[i % len(REPORT_CITIES)], 2004 + i // len(REPORT_CITIES)
        body = [paragraphs[0], *rng.sample(paragraphs[1:], len(paragraphs) - 1)]
        text = "\n\n".join(_vary(p, rng) for p in body) + "\n"
        path = out / f"{city}-{year}.txt"
        path.write_text(text, encoding="utf-8")
        files.append(path)
        total += len(text)
        i += 1
    return files


def _vary(paragraph: str, rng: random.Random) -> str:
    paragraph = re.sub(r"\b(20[12]\d)\b", lambda _: str(rng.randint(2015, 2024)), paragraph)
    paragraph = re.sub(r"(?<![\d.,-])\b([1-9]\d{0,2})\b(?![.,-]\d)", lambda m: str(rng.randint(2, 999)), paragraph)
    return re.sub("|".join(CITIES[:3]), lambda _: rng.choice(CITIES), paragraph)


def median_seconds(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def interleaved(fns: dict[str, Callable[[], object]], runs: int) -> dict[str, list[float]]:
    """Seconds of each run of each function, the functions taking turns round by round. The machine is
    shared and its speed drifts over minutes: a ratio of two figures is taken within each round."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(runs):
        for name, fn in fns.items():
            t = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t)
    return times


def speed_ratio(times: list[float], floor: list[float]) -> float:
    """Median over rounds of a function's speed relative to its floor's (floor seconds / its seconds)."""
    return statistics.median(f / t for t, f in zip(times, floor, strict=True))


def run_ingest(raw: Path, work: Path, workers: int) -> float:
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pipeline", "ingest", "--raw", str(raw), "--extracted",
                    str(work / "extracted"), "--db", str(work / "archive.db"), "--quiet", "--workers", str(workers)],
                   check=True, capture_output=True)
    return time.perf_counter() - t


def peak_worker_memory(files: list[Path]) -> float:
    """Peak resident memory (MiB) of one process extracting the given reports, models included."""
    code = ("import resource, sys; from pipeline.ingest import extract_file, sha256_of; from pathlib import Path\n"
            "for f in sys.argv[1:]: extract_file(f, sha256_of(Path(f)))\n"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code, *map(str, files)], check=True, capture_output=True, text=True)
    return int(out.stdout.strip()) / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline bench")
    parser.add_argument("--mb", type=float, default=3.0, help="corpus size in MB of text")
    parser.add_argument("--runs", type=int, default=3, help="runs per median")
    parser.add_argument("--pdf-reports", type=int, default=3, help="reports also written as PDF")
    args = parser.parse_args(argv)
    from pipeline.ingest import single_threaded

    single_threaded()  # figures per core, as ingest's workers run; before numpy is imported

    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    from pipeline.extract import extract
    from pipeline.extract.nlp import pipeline
    from pipeline.ingest import extract_file, sha256_of
    from pipeline.readers import read
    from pipeline.store import build

    lines = [f"`make bench` on {dt.date.today()}, {os.cpu_count()} cores, one run; medians of {args.runs}"]
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        files = corpus(tmp / "raw", int(args.mb * 1_000_000))
        docs = [read(f) for f in files]
        chars = sum(len(d.text) for d in docs)
        lines.append(f"corpus: {len(files)} reports, {chars:,} characters")

        # Extraction beside its floors, on the same text in the same process.
        extract(docs[0], 2023)  # models load once per worker; not part of throughput
        nlp = pipeline()
        segmenter, tagger = Segmenter(), NewsNERTagger(NewsEmbedding())

        def natasha() -> None:
            for d in docs:
                nd = Doc(d.text)
                nd.segment(segmenter)
                nd.tag_ner(tagger)

        t = interleaved({"ours": lambda: [extract(d, 2023) for d in docs],
                         "tokens": lambda: [nlp.make_doc(d.text[:999_999]) for d in docs], "ner": natasha}, args.runs)
        ours, tokens, ner = (chars / statistics.median(t[k]) for k in ("ours", "tokens", "ner"))
        lines += [f"extraction: {ours:,.0f} chars/s per core = {speed_ratio(t['ours'], t['ner']):.2f}x natasha "
                  f"segmenter+NER ({ner:,.0f} chars/s; target >= 0.5x) = {speed_ratio(t['ours'], t['tokens']):.3f}x "
                  f"spacy.blank('ru') tokenisation ({tokens:,.0f} chars/s)"]

        # PDF reading beside pypdfium2's plain text, and where end-to-end time goes.
        lines += _pdf_figures(files[: args.pdf_reports], tmp / "pdf", args.runs, build, extract_file, sha256_of)

        # Archive build from extracted JSON, in a process of its own like ingest's (which holds no models).
        work = tmp / "work"
        run_ingest(tmp / "raw", work, 2)
        code = ("import json, sys; from pipeline.bench import build_figures; "
                "print(json.dumps(build_figures(sys.argv[1], int(sys.argv[2]))))")
        out = subprocess.run([sys.executable, "-c", code, str(work / "extracted"), str(args.runs)], check=True,
                             capture_output=True, text=True)
        f = json.loads(out.stdout)
        lines.append(f"archive build: {f['rows']:,} rows in {f['build']:.2f} s = {f['rows'] / f['build']:,.0f} rows/s "
                     f"(target >= 100,000; natasha ran at {f['natasha']:,.0f} chars/s in the same rounds)")
        lines.append(f"one new report into the {f['reports']}-report archive ({f['mib']:.0f} MiB): {f['update']:.2f} s "
                     f"= {f['build'] / f['update']:.1f}x faster than a rebuild (copying the file is most of it)")

        # No-op ingest, interpreter start included.
        noop = median_seconds(lambda: subprocess.run(
            [sys.executable, "-m", "pipeline", "ingest", "--raw", str(tmp / "raw"), "--extracted",
             str(work / "extracted"), "--db", str(work / "archive.db"), "--quiet"], check=True, capture_output=True),
            args.runs)
        lines.append(f"no-op ingest: {noop:.2f} s wall (target <= 2 s)")

        lines.append(f"peak memory of one extraction worker: {peak_worker_memory(files[:5]):,.0f} MiB "
                     "(5 reports, models included; target <= 1024)")

        t = interleaved({"one": lambda: run_ingest(tmp / "raw", tmp / "w1", 1),
                         "two": lambda: run_ingest(tmp / "raw", tmp / "w2", 2)}, args.runs)
        same = all((tmp / "w1" / "extracted" / p.name).read_bytes() == p.read_bytes()
                   for p in (tmp / "w2" / "extracted").glob("*.json"))
        lines.append(f"ingest of the corpus: 1 worker {statistics.median(t['one']):.1f} s, 2 workers "
                     f"{statistics.median(t['two']):.1f} s = {speed_ratio(t['two'], t['one']):.2f}x speed-up "
                     f"(target >= 1.7x); outputs byte-identical: {same}")
    print("\n".join(lines))
    return 0


# natasha on given texts, once per line read: the build's rounds take turns with it from another process,
# so that the build runs in a process without models, as in ingest.
_NATASHA_ROUNDS = """
import sys
from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter
texts = [open(p, encoding="utf-8").read() for p in sys.argv[1:]]
segmenter, tagger = Segmenter(), NewsNERTagger(NewsEmbedding())
print(sum(map(len, texts)), flush=True)
for _ in sys.stdin:
    for text in texts:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_ner(tagger)
    print(flush=True)
"""


def build_figures(extracted_dir: str, runs: int) -> dict[str, float]:
    """Seconds to build the archive from `extracted_dir` (as ingest does, trusting the files the manifest
    vouches for), in rounds with natasha on part of the same text in another process, which shows how fast
    the machine was meanwhile (the build's target is absolute); and seconds to update the archive with one
    new report."""
    from pipeline.extracted import digest, read, render
    from pipeline.ingest import MANIFEST, load_manifest, verified_hashes
    from pipeline.records import ExtractedReport
    from pipeline.store import build, update

    folder = Path(extracted_dir)
    paths = sorted(p for p in folder.glob("*.json") if p.name != MANIFEST)
    verified = verified_hashes(load_manifest(folder))
    db = folder.parent / "bench.db"
    rows = sum(build(paths, db, verified=verified).values())
    texts = []
    for p in paths[:10]:
        texts.append(folder.parent / f"{p.stem}.natasha.txt")
        texts[-1].write_text(read(p, verified, frozenset())["text"], encoding="utf-8")
    with subprocess.Popen([sys.executable, "-c", _NATASHA_ROUNDS, *map(str, texts)], stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, text=True) as natasha:
        assert natasha.stdin and natasha.stdout
        chars = int(natasha.stdout.readline())

        def natasha_round() -> None:
            natasha.stdin.write("\n")
            natasha.stdin.flush()
            natasha.stdout.readline()

        t = interleaved({"build": lambda: build(paths, db, verified=verified), "natasha": natasha_round}, runs)
        natasha.stdin.close()
    base = ExtractedReport.model_validate_json(paths[0].read_bytes())
    new = base.model_copy(update={"report": base.report.model_copy(update={"report_id": "newcity-2030"})})
    path = folder / "newcity-2030.json"
    path.write_text(render(new), encoding="utf-8")
    trusted = {**verified, path.name: digest(path.read_bytes())}
    updating = median_seconds(lambda: update(db, [], [path], verified=trusted), runs)
    path.unlink()
    return {"rows": rows, "build": statistics.median(t["build"]), "update": updating, "reports": len(paths),
            "mib": db.stat().st_size / 2**20, "natasha": chars / statistics.median(t["natasha"])}


def _pdf_figures(files: list[Path], out: Path, runs: int, build: Callable, extract_file: Callable,
                 sha256_of: Callable) -> list[str]:
    import pypdfium2

    from pipeline.fixtures import make_pdf
    from pipeline.readers import read

    out.mkdir(parents=True, exist_ok=True)
    pdfs = [make_pdf(f.read_text(encoding="utf-8"), out / f"{f.stem}.pdf") for f in files]
    pages = sum(len(pypdfium2.PdfDocument(p)) for p in pdfs)

    def pdfium() -> None:
        for p in pdfs:
            doc = pypdfium2.PdfDocument(p)
            for page in doc:
                page.get_textpage().get_text_range()
            doc.close()

    t = interleaved({"ours": lambda: [read(p) for p in pdfs], "floor": pdfium}, runs)
    ours, floor = pages / statistics.median(t["ours"]), pages / statistics.median(t["floor"])
    results: list[Any] = []

    def extracting() -> None:
        results[:] = [extract_file(str(p), sha256_of(p)) for p in pdfs]

    def storing() -> None:
        paths = []
        for r in results:
            path = out / f"{r.report_id}.json"
            path.write_text(r.json_text or "", encoding="utf-8")
            paths.append(path)
        build(paths, out / "pdf.db")

    # Shares within each round (extract_file reads the PDF again); the round with the median reading share.
    e2e = interleaved({"read": lambda: [read(p) for p in pdfs], "extract": extracting, "store": storing}, runs)
    rounds = sorted((r / (x + s), (x - r) / (x + s), s / (x + s)) for r, x, s in zip(*e2e.values(), strict=True))
    reading, extracting_share, storing_share = rounds[len(rounds) // 2]
    return [f"PDF reading: {ours:.1f} pages/s per core = {speed_ratio(t['ours'], t['floor']):.3f}x pypdfium2 plain "
            f"text ({floor:.0f} pages/s)"
            f" on {pages} pages",
            f"end-to-end time per PDF page: reading {reading:.0%}, extracting {extracting_share:.0%}, "
            f"storing {storing_share:.0%} (target: reading <= 25%)"]


if __name__ == "__main__":
    sys.exit(main())
