"""Extraction on a Dask cluster: a pure function of a report's bytes, so it distributes as is."""

from __future__ import annotations

from typing import Any


def run_on_cluster(jobs: list[tuple[str, str, float]], scheduler: str) -> list[Any]:
    """Run extract_file for every job on the scheduler's workers (they must see the same raw/ paths)."""
    try:
        from dask.distributed import Client
    except ImportError:
        raise SystemExit("error: --scheduler needs dask: .venv/bin/pip install 'dask[distributed]'") from None
    from pipeline.ingest import extract_file

    with Client(scheduler) as client:
        futures = client.map(extract_file, *zip(*jobs), pure=False)
        return sorted(client.gather(futures), key=lambda o: o.source)
