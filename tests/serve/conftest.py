"""The served archive: one Datasette over the sample archive for the whole session."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
import yaml
from datasette.app import Datasette

from pipeline.serve import METADATA, settings


def make_datasette(db_path: Any) -> Datasette:
    """Datasette as `make serve` configures it: immutable, the archive's metadata and settings."""
    return Datasette([], immutables=[str(db_path)], metadata=yaml.safe_load(METADATA.read_text()),
                     settings=settings())


@pytest.fixture(scope="session")
def ds(archive_db) -> Datasette:
    return make_datasette(archive_db)


def fetch(ds: Datasette, path: str, status: int = 200) -> httpx.Response:
    """GET a path through Datasette's own ASGI client and check the status."""

    async def go() -> httpx.Response:
        return await ds.client.get(path)

    response = asyncio.run(go())
    assert response.status_code == status, (path, response.status_code, response.text[:800])
    return response
