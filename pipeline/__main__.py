"""Command line: ingest, extract, eval, schemas. Thin: parses arguments and calls the stages."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def _extract(args: argparse.Namespace) -> int:
    from pipeline import EXTRACTOR_VERSION
    from pipeline.document import ReadError
    from pipeline.extract import extract
    from pipeline.identify import IdentifyError, identify_document
    from pipeline.readers import read

    failed = 0
    for name in args.files:
        path = Path(name)
        try:
            doc = read(path)
            ident = identify_document(path.stem, doc, args.year)
        except (ReadError, IdentifyError, OSError) as e:
            print(f"error: {path}: {e}", file=sys.stderr)
            failed += 1
            continue
        for record in extract(doc, ident.year, ident.city).records:
            print(json.dumps({**record.model_dump(mode="json"), "source": name,
                              "extractor_version": EXTRACTOR_VERSION}, ensure_ascii=False))
    return 1 if failed else 0


def _eval(args: argparse.Namespace) -> int:
    from pipeline.evaluate import evaluate, table
    from pipeline.extract import extract
    from pipeline.identify import identify_document
    from pipeline.readers import read

    cache: dict[str, list[dict]] = {}

    def predict(gold_file: Path) -> list[dict]:
        source = Path(args.raw) / (gold_file.name.split(".")[0] + ".txt")
        if str(source) not in cache:
            doc = read(source)
            ident = identify_document(source.stem, doc)
            cache[str(source)] = [r.model_dump(mode="json") for r in extract(doc, ident.year, ident.city).records]
        return cache[str(source)]

    gold_files = sorted(Path(args.gold).glob("*.jsonl"))
    result = evaluate(gold_files, predict)
    print(table(result))
    if args.errors:
        for kind, rec, near in result.misses:
            if args.errors == "all" or rec["type"] == args.errors:
                extra = {k: v for k, v in rec.items() if k not in ("type", "start", "end", "text") and k in
                         ("name", "start_date", "end_date", "value", "unit", "currency", "qualifier", "country")}
                got = f"  ~ {near['text']!r} {({k: near.get(k) for k in extra})}" if near else ""
                print(f"{kind:5} {rec['type']:12} {rec['start']:6} {rec['text']!r} {extra}{got}")
    return 0


def _ingest(args: argparse.Namespace) -> int:
    from pipeline.ingest import ingest

    return ingest(Path(args.raw), Path(args.extracted), Path(args.db), workers=args.workers,
                  scheduler=args.scheduler, progress=not args.quiet)


def _build(args: argparse.Namespace) -> int:
    from pipeline.extracted import InvalidExtracted
    from pipeline.ingest import MANIFEST, load_manifest, verified_hashes
    from pipeline.store import build

    reports = sorted(p for p in Path(args.extracted).glob("*.json") if p.name != MANIFEST)
    try:
        counts = build(reports, Path(args.db), verified=verified_hashes(load_manifest(Path(args.extracted))))
    except InvalidExtracted as e:
        print(f"error: {e}; {args.db} is unchanged", file=sys.stderr)
        return 1
    print(", ".join(f"{k}: {v}" for k, v in counts.items()))
    return 0


def _serve(args: argparse.Namespace) -> int:
    import os
    import shutil
    import subprocess

    from pipeline.serve import datasette_args

    db = Path(args.db)
    if not db.exists():
        print(f"error: {db} does not exist; run `make ingest` first", file=sys.stderr)
        return 1
    datasette = shutil.which("datasette", path=str(Path(sys.executable).parent)) or "datasette"
    inspect_file = db.with_name("inspect-data.json")
    subprocess.run([datasette, "inspect", str(db), "--inspect-file", str(inspect_file)], check=True)
    argv = [datasette, "serve", *datasette_args(db, inspect_file), "--host", args.host, "--port", str(args.port)]
    os.execv(datasette, argv)
    return 0


def _schemas(args: argparse.Namespace) -> int:
    from pipeline.schemas import write_schemas

    for path in write_schemas(Path(args.out)):
        print(path)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="print the records of report files as JSON lines")
    p.add_argument("files", nargs="+")
    p.add_argument("--year", type=int, help="the report's year, when the file name does not say")
    p.set_defaults(func=_extract)

    p = sub.add_parser("eval", help="precision/recall/F1 against the gold records")
    p.add_argument("--gold", default="tests/gold")
    p.add_argument("--raw", default="raw")
    p.add_argument("--errors", nargs="?", const="all", help="list misses and extras (optionally of one type)")
    p.set_defaults(func=_eval)

    p = sub.add_parser("ingest", help="read raw/, write extracted/ and archive.db")
    p.add_argument("--raw", default="raw")
    p.add_argument("--extracted", default="extracted")
    p.add_argument("--db", default="archive.db")
    p.add_argument("--workers", type=int, default=None, help="extraction processes (default: cores)")
    p.add_argument("--scheduler", default=None, help="Dask scheduler address for distributed extraction")
    p.add_argument("--quiet", action="store_true", help="no progress bars")
    p.set_defaults(func=_ingest)

    p = sub.add_parser("build-db", help="build archive.db from extracted/*.json")
    p.add_argument("--extracted", default="extracted")
    p.add_argument("--db", default="archive.db")
    p.set_defaults(func=_build)

    p = sub.add_parser("serve", help="serve archive.db read-only with Datasette")
    p.add_argument("--db", default="archive.db")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8001)
    p.set_defaults(func=_serve)

    sub.add_parser("bench", help="speed and memory figures (options: python -m pipeline bench --help)")

    p = sub.add_parser("schemas", help="write the JSON Schemas of the records")
    p.add_argument("--out", default="schemas")
    p.set_defaults(func=_schemas)

    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["bench"]:
        from pipeline.bench import main as bench

        return bench(argv[1:])
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
