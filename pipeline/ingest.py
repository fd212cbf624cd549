"""Orchestration: which files changed, extract them (in worker processes), write extracted/, build archive.db."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline import EXTRACTOR_VERSION
from pipeline.atomic import write_atomic

MANIFEST = "manifest.json"


@dataclass
class Outcome:
    source: str
    sha256: str
    mtime: float
    report_id: str | None = None
    json_text: str | None = None
    json_xxh3: str | None = None
    error: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    unknown_cities: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def single_threaded() -> None:
    """One core per worker: numpy's BLAS threads (natasha's NER) would fight the other workers."""
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    # BLAS reads those when it loads. A caller that imported numpy first (sqlite-utils imports it) loaded
    # it with a thread per core, which spin beside extraction and the other workers: it is told directly.
    if "numpy" in sys.modules:
        from threadpoolctl import threadpool_limits

        threads = os.environ["OPENBLAS_NUM_THREADS"]
        threadpool_limits((int(threads) if threads.isdigit() else 0) or 1, user_api="blas")


def extract_file(path: str, sha256: str, mtime: float = 0.0) -> Outcome:
    """Read, identify, extract and validate one report. Never raises: failures come back as text."""
    from pipeline.document import ReadError
    from pipeline.extract import extract
    from pipeline.extracted import digest, render
    from pipeline.identify import IdentifyError, identify_document
    from pipeline.readers import read
    from pipeline.records import ExtractedReport, Report
    from pipeline.textindex import lemmatize_text

    p = Path(path)
    out = Outcome(source=p.name, sha256=sha256, mtime=mtime)
    try:
        doc = read(p)
        ident = identify_document(p.stem, doc)
        result = extract(doc, ident.year, ident.city)
        report = Report(report_id=ident.report_id, source=p.name, format=doc.format, sha256=sha256,
                        city=ident.city, year=ident.year, pages=doc.pages, extractor_version=EXTRACTOR_VERSION)
        lemmas = [lemmatize_text(doc.text[b.start : b.end]) for b in doc.blocks]
        extracted = ExtractedReport(report=report, text=doc.text, blocks=doc.blocks, lemmas=lemmas,
                                    records=result.records)
    except (ReadError, IdentifyError) as e:
        out.error = str(e) if str(e).startswith(p.name) else f"{p.name}: {e}"
        return out
    except Exception as e:
        out.error = f"{p.name}: could not be processed ({type(e).__name__}: {e})"
        return out
    out.report_id = ident.report_id
    out.json_text = render(extracted)
    out.json_xxh3 = digest(out.json_text.encode())
    out.counts = dict(Counter(r.type for r in result.records))
    out.unknown_cities = sorted({r.name for r in result.records if r.type == "city" and r.geonameid is None})
    out.rejected = result.rejected
    return out


class _StatCache:
    """File hashes by (size, mtime): a no-op ingest reads no report twice. Local state, not committed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.entries: dict[str, list[Any]] = json.loads(path.read_text(encoding="utf-8"))
        except (FileNotFoundError, json.JSONDecodeError):
            self.entries = {}
        self.changed = False

    def sha256(self, p: Path) -> str:
        st = p.stat()
        key = str(p.resolve())
        cached = self.entries.get(key)
        if cached and cached[0] == st.st_size and cached[1] == st.st_mtime_ns:
            return str(cached[2])
        sha = sha256_of(p)
        self.entries[key] = [st.st_size, st.st_mtime_ns, sha]
        self.changed = True
        return sha

    def save(self) -> None:
        if self.changed:
            try:
                write_atomic(self.path, json.dumps(self.entries, sort_keys=True))
            except OSError:
                pass  # a read-only checkout only loses the shortcut


def verified_hashes(manifest: dict[str, dict[str, Any]]) -> dict[str, str]:
    """Extracted file name → digest of the bytes ingest validated and wrote: what the build may trust."""
    return {f"{e['report_id']}.json": e["json_xxh3"] for e in manifest.values() if "json_xxh3" in e}


def load_manifest(extracted: Path) -> dict[str, dict[str, Any]]:
    try:
        return json.loads((extracted / MANIFEST).read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}


def _run(jobs: list[tuple[str, str, float]], workers: int, scheduler: str | None, progress: bool) -> list[Outcome]:
    if scheduler:
        from pipeline.distributed import run_on_cluster

        return run_on_cluster(jobs, scheduler)
    bar = _bar(len(jobs), progress)
    results: list[Outcome] = []
    if workers <= 1 or len(jobs) <= 1:
        single_threaded()
        for job in jobs:
            bar.set_description(Path(job[0]).name)
            results.append(extract_file(*job))
            bar.update()
    else:
        with ProcessPoolExecutor(max_workers=workers, initializer=single_threaded) as pool:
            futures = {pool.submit(extract_file, *job): job for job in jobs}
            for f in as_completed(futures):
                results.append(f.result())
                bar.set_description(results[-1].source)
                bar.update()
    bar.close()
    return sorted(results, key=lambda o: o.source)


def _bar(total: int, enabled: bool) -> Any:
    from tqdm import tqdm

    # no monitor thread: the archive build forks its second writer only from a single-threaded process
    tqdm.monitor_interval = 0

    return tqdm(total=total, unit="report", disable=not enabled or total == 0, file=sys.stderr)


def ingest(raw: Path, extracted: Path, db: Path, *, workers: int | None = None, scheduler: str | None = None,
           progress: bool = True) -> int:
    """Bring extracted/ and archive.db up to date with raw/. Returns the exit status (1 if any file failed)."""
    from pipeline.readers import SUPPORTED, too_large

    extracted.mkdir(parents=True, exist_ok=True)
    manifest = load_manifest(extracted)
    before = {source: dict(entry) for source, entry in manifest.items()}
    before_text = (extracted / MANIFEST).read_text(encoding="utf-8") if (extracted / MANIFEST).exists() else None
    warnings: list[str] = []
    errors: list[str] = []
    current: dict[str, Path] = {}
    refused: set[str] = set()  # present but not readable now: their archived records stay
    for p in sorted(raw.iterdir()) if raw.is_dir() else []:
        if not p.is_file() or p.name.startswith("."):
            continue
        if p.suffix.lower() not in SUPPORTED:
            warnings.append(f"{p.name}: skipped, unsupported file type {p.suffix or '(none)'}")
            continue
        refusal = too_large(p)
        if refusal:
            kept = " (its earlier records are kept)" if p.name in manifest else ""
            errors.append(refusal + "; not read" + kept)
            refused.add(p.name)
            continue
        current[p.name] = p
    hashes = _StatCache(db.with_name(".ingest-cache.json"))
    jobs = []
    skipped = []
    for name, p in current.items():
        entry = manifest.get(name)
        sha = hashes.sha256(p)
        if entry and entry.get("sha256") == sha and entry.get("extractor_version") == EXTRACTOR_VERSION \
                and (extracted / f"{entry['report_id']}.json").exists():
            skipped.append(name)
            continue
        jobs.append((str(p), sha, p.stat().st_mtime))
    hashes.save()
    n_workers = workers or min(len(jobs), os.cpu_count() or 1)
    outcomes = _run(jobs, n_workers, scheduler, progress) if jobs else []

    added, replaced, removed = [], [], []
    by_id: dict[str, str] = {e["report_id"]: s for s, e in manifest.items() if s in current}
    totals: Counter[str] = Counter()
    unknown: set[str] = set()
    for o in outcomes:
        if o.error:
            kept = " (its earlier records are kept)" if o.source in manifest else ""
            errors.append(o.error + kept)
            continue
        assert o.report_id is not None and o.json_text is not None
        holder = by_id.get(o.report_id)
        if holder and holder != o.source:
            newer = o.source if o.mtime >= current[holder].stat().st_mtime else holder
            older = holder if newer == o.source else o.source
            warnings.append(f"{older} and {newer} are the same report ({o.report_id}); kept the newer, {newer}")
            if newer == holder:
                continue
            manifest.pop(holder, None)
        write_atomic(extracted / f"{o.report_id}.json", o.json_text)
        old = manifest.get(o.source)
        if old and old["report_id"] != o.report_id:
            (extracted / f"{old['report_id']}.json").unlink(missing_ok=True)
        (replaced if old else added).append(o.source)
        # json_xxh3: the build trusts (parses without validating again) only the bytes validated here
        manifest[o.source] = {"report_id": o.report_id, "sha256": o.sha256, "extractor_version": EXTRACTOR_VERSION,
                              "json_xxh3": o.json_xxh3}
        by_id[o.report_id] = o.source
        totals.update(o.counts)
        unknown.update(o.unknown_cities)
        warnings.extend(f"{o.source}: not stored, {r}" for r in o.rejected)
    for name in sorted(set(manifest) - set(current) - refused):
        entry = manifest.pop(name)
        if by_id.get(entry["report_id"], name) == name:
            (extracted / f"{entry['report_id']}.json").unlink(missing_ok=True)
        removed.append(name)
    for stray in extracted.glob("*.json"):
        if stray.name != MANIFEST and stray.stem not in {e["report_id"] for e in manifest.values()}:
            stray.unlink()
    _verify_unhashed(manifest, extracted)
    manifest_text = json.dumps(dict(sorted(manifest.items())), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if manifest_text != before_text:
        write_atomic(extracted / MANIFEST, manifest_text)
    # The archive is rebuilt when the reports or the code that shapes the database change.
    fingerprint, built_from = _fingerprint(manifest_text), _db_fingerprint(db)
    done = ""
    if added or replaced or removed or built_from != fingerprint:
        from pipeline.extracted import InvalidExtracted
        from pipeline.store import build, update

        meta = {"manifest": fingerprint, "extractor_version": EXTRACTOR_VERSION}
        delta = None
        if before_text is not None and built_from == _fingerprint(before_text):
            delta = _delta(before, manifest)
        try:
            if delta is not None:
                gone, changed = delta
                update(db, gone, [extracted / f"{rid}.json" for rid in changed], meta, verified_hashes(manifest))
                done = f"updated, not rebuilt (reports written: {len(changed)}, dropped: {len(gone)})"
            else:
                paths = sorted(extracted / f"{e['report_id']}.json" for e in manifest.values())
                build(paths, db, meta=meta, verified=verified_hashes(manifest))
                done = "rebuilt"
        except InvalidExtracted as e:
            errors.append(f"{e}; {db.name} was not rebuilt and keeps its earlier contents")
    _summary(len(current), skipped, added, replaced, removed, totals, unknown, warnings, errors, db, done)
    return 1 if errors else 0


def _verify_unhashed(manifest: dict[str, dict[str, Any]], extracted: Path) -> None:
    """Entries written before the manifest held this hash of each extracted file (it once held none, then
    sha256): validate the file once and record its hash, so later builds trust it. An invalid file stays
    unhashed and the build names it."""
    for entry in manifest.values():
        path = extracted / f"{entry['report_id']}.json"
        if "json_xxh3" not in entry and path.exists():
            from pipeline.extracted import InvalidExtracted, digest, read

            try:
                read(path)
            except InvalidExtracted:
                continue
            entry["json_xxh3"] = digest(path.read_bytes())
            entry.pop("json_sha256", None)  # what manifests recorded before


def _fingerprint(manifest_text: str) -> str:
    """What archive.db was built from: the reports (the manifest) and the code that shapes the database."""
    from pipeline.store import shape_fingerprint

    return hashlib.sha256((manifest_text + shape_fingerprint()).encode()).hexdigest()


def _delta(before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]]
           ) -> tuple[list[str], list[str]] | None:
    """(report ids gone, report ids new or changed) between two manifests, when an update beats a
    rebuild: every file's hash known, and at most a quarter of the reports to write."""
    old = {e["report_id"]: e.get("json_xxh3") for e in before.values()}
    new = {e["report_id"]: e.get("json_xxh3") for e in after.values()}
    if None in old.values() or None in new.values():
        return None
    changed = sorted(rid for rid, digest in new.items() if old.get(rid) != digest)
    if len(changed) * 4 > len(new):
        return None
    return sorted(old.keys() - new.keys()), changed


def _db_fingerprint(db: Path) -> str | None:
    import sqlite3

    if not db.exists():
        return None
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            row = conn.execute("select value from meta where key = 'manifest'").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None


def _summary(n: int, skipped: list[str], added: list[str], replaced: list[str], removed: list[str],
             totals: Counter[str], unknown: set[str], warnings: list[str], errors: list[str], db: Path,
             done: str) -> None:
    print(f"reports in raw/: {n}; extracted: {len(added) + len(replaced)} (added {len(added)}, "
          f"replaced {len(replaced)}); unchanged, skipped: {len(skipped)}; removed: {len(removed)}; "
          f"failed: {len(errors)}")
    for label, names in (("added", added), ("replaced", replaced), ("removed", removed)):
        if names:
            print(f"  {label}: {', '.join(names)}")
    if totals:
        print("records extracted: " + ", ".join(f"{t} {totals[t]}" for t in sorted(totals)))
    if unknown:
        print(f"cities not in the gazetteer (stored without coordinates): {', '.join(sorted(unknown))}")
    for w in warnings:
        print(f"warning: {w}")
    for e in errors:
        print(f"error: {e}")
    print(f"{db}: {done or 'up to date'}")
