"""Datasette plugin: serve a new archive.db as soon as ingest renames it into place, without a restart.

Ingest replaces archive.db atomically (a new file renamed over the old). An immutable Datasette keeps
its connections to the old file; this plugin notices the new file (inode or mtime changed) on the next
request and gives the database fresh connections. Requests already running finish on the old file, so
no request sees an error or a half-built archive during the swap.
"""

from __future__ import annotations

import os
from typing import Any

from datasette import hookimpl
from datasette.database import Database, connections


def _identity(path: str) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None  # mid-swap or removed: keep serving what is open
    return st.st_ino, st.st_mtime_ns, st.st_size


class SwappableDatabase(Database):
    """An immutable file database whose per-thread connections follow the file's identity."""

    def __init__(self, ds: Any, path: str, identity: tuple[int, int, int] | None) -> None:
        super().__init__(ds, path=path, is_mutable=False)
        self.identity = identity

    async def execute_fn(self, fn: Any) -> Any:
        if self.ds.executor is None:
            return await super().execute_fn(fn)
        slot = f"swappable:{self.name}"

        def in_thread() -> Any:
            held = getattr(connections, slot, None)
            if held is None or held[0] != self.identity:
                if held is not None:
                    held[1].close()
                conn = self.connect()
                self.ds._prepare_connection(conn, self.name)
                held = (self.identity, conn)
                setattr(connections, slot, held)
            return fn(held[1])

        import asyncio

        return await asyncio.get_event_loop().run_in_executor(self.ds.executor, in_thread)


def refresh(ds: Any) -> list[str]:
    """Swap in a fresh database object for every immutable file that was replaced; returns their names."""
    swapped = []
    databases = dict(ds.databases)
    for name, db in ds.databases.items():
        if db.is_mutable or db.is_memory or not db.path:
            continue
        identity = _identity(db.path)
        if identity is None or getattr(db, "identity", None) == identity:
            continue
        fresh = SwappableDatabase(ds, db.path, identity)
        fresh.name, fresh.route = db.name, db.route
        databases[name] = fresh
        swapped.append(name)
    if swapped:
        ds.databases = databases  # replaced whole, never mutated: requests in flight keep the old object
    return swapped


@hookimpl
def asgi_wrapper(datasette: Any) -> Any:
    def wrap(app: Any) -> Any:
        async def checked(scope: dict, receive: Any, send: Any) -> None:
            if scope.get("type") == "http":
                refresh(datasette)
            await app(scope, receive, send)

        return checked

    return wrap
