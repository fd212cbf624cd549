"""The extracted/<report_id>.json format: written by ingest, read by the archive build.

One block, lemma line or record a line, so a diff of extracted/ reads record by record. The layout is
fixed, which lets the build parse only the parts a table needs from a file whose bytes it has verified.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import orjson
import xxhash
from pydantic import ValidationError

from pipeline.records import ExtractedReport

# Keys in file order; each after the first starts a line of its own, and no JSON string holds a raw
# newline, so `,\n"<key>": ` occurs in a rendered file only where that key begins.
KEYS = ("report", "text", "blocks", "lemmas", "records")


class InvalidExtracted(Exception):
    """An extracted file that is not a valid report; the message names the file."""


def render(extracted: ExtractedReport) -> str:
    d = extracted.model_dump(mode="json")

    def dumps(x: Any) -> str:
        return json.dumps(x, ensure_ascii=False, sort_keys=False)

    blocks = ",\n".join(dumps(b) for b in d["blocks"])
    lemmas = ",\n".join(dumps(x) for x in d["lemmas"])
    records = ",\n".join(dumps(r) for r in d["records"])
    return (f'{{"report": {dumps(d["report"])},\n"text": {dumps(d["text"])},\n"blocks": [\n{blocks}\n],\n'
            f'"lemmas": [\n{lemmas}\n],\n"records": [\n{records}\n]}}\n')


def digest(data: bytes) -> str:
    """What ingest records of a file it wrote (`json_xxh3` in the manifest), and the build checks before it
    trusts the file: xxh3-128, which reads 20 GB/s where sha256 read 1.5 and took a twentieth of the build.
    It guards against changed files, not against forgery: whoever can write a file can write the manifest."""
    return xxhash.xxh3_128_hexdigest(data)


def read(path: Path, verified: Mapping[str, str] | None = None, parts: frozenset[str] = frozenset(KEYS),
         kinds: frozenset[str] | None = None, lemma_bytes: bool = False) -> dict[str, Any]:
    """One extracted file as plain data with at least the keys in `parts`, and always report and text.

    A file whose digest is `verified[path.name]` (what ingest validated and wrote) is only parsed, and
    only the parts asked for, and of its records only those of the types `kinds` if given; any other
    file is validated against the model first, and holds all its records. With `lemma_bytes`, the lemma
    lines of a verified file come as their UTF-8 bytes where that needs no decoding (see _lemma_lines)."""
    data = path.read_bytes()
    if verified and verified.get(path.name) == digest(data):
        return _parts(data, parts | {"report", "text"}, kinds, lemma_bytes)
    try:
        return ExtractedReport.model_validate_json(data).model_dump(mode="json")
    except ValidationError as e:
        problems = "; ".join(f"{'.'.join(map(str, err['loc'])) or 'file'}: {err['msg']}" for err in e.errors()[:3])
        raise InvalidExtracted(f"{path.name}: not a valid extracted report ({problems})") from None


def _parts(data: bytes, parts: frozenset[str], kinds: frozenset[str] | None = None,
           lemma_bytes: bool = False) -> dict[str, Any]:
    """The `parts` of a rendered file, each parsed from where it stands in the bytes (finding a part costs
    far less than parsing it, and a memoryview slice copies nothing); the records only of `kinds` if given."""
    view = memoryview(data)
    out: dict[str, Any] = {}
    start = len('{"report": ')
    for key, following in zip(KEYS, [*KEYS[1:], None], strict=True):
        if following is None:
            end = after = len(data) - 2  # the closing "}\n"
        else:  # each search starts where this part begins: one pass over the file
            mark = f',\n"{following}": '.encode()
            end = data.index(mark, start)
            after = end + len(mark)
        if key == "records" and key in parts and kinds is not None:
            out[key] = _records_of(data, start, end, kinds)
        elif key == "lemmas" and key in parts and lemma_bytes:
            out[key] = _lemma_lines(data[start:end])
        elif key in parts:
            out[key] = orjson.loads(view[start:end])
        start = after
    return out


def _records_of(data: bytes, start: int, end: int, kinds: frozenset[str]) -> list[dict[str, Any]]:
    """The records of `kinds` in data[start:end], in file order within each kind. A record is one line,
    found by its type: `"type": "<kind>"` occurs nowhere else, since a JSON string escapes its quotes.
    Parsing only those lines costs in proportion to them, where the whole part costs the same for any."""
    lines = []
    for kind in sorted(kinds):
        mark = f'"type": "{kind}"'.encode()
        at = data.find(mark, start, end)
        while at >= 0:
            line_end = data.index(b"\n", at, end)  # every record line ends before the closing "]"
            lines.append(data[data.rfind(b"\n", start, at) + 1 : line_end].rstrip(b","))
            at = data.find(mark, line_end, end)
    return orjson.loads(b"[" + b",".join(lines) + b"]")


def _lemma_lines(part: bytes) -> list[bytes] | list[str]:
    """The lemma part as rendered (a bracket, one JSON string a line, a bracket), each line as the UTF-8
    bytes SQLite stores. A JSON string holds its text's UTF-8 bytes as they are unless it escapes a
    character, and every escape starts with a backslash: a part without one is split, not decoded and
    encoded again."""
    if b"\\" in part:
        return orjson.loads(part)  # type: ignore[no-any-return]
    if part == b"[\n\n]":
        return []
    return part[3:-3].split(b'",\n"')  # the lines between the first and the last quote
