"""Datasette plugin: serve a new archive.db as soon as ingest renames it into place, without a restart,
and answer repeated requests for the unchanged archive from memory.

Ingest replaces archive.db atomically (a new file renamed over the old). An immutable Datasette keeps
its connections to the old file; this plugin notices the new file (inode or mtime changed) on the next
request and gives the database fresh connections. Requests already running finish on the old file, so
no request sees an error or a half-built archive during the swap.
"""

from __future__ import annotations

import os
from collections import OrderedDict
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


class ResponseCache:
    """Whole GET responses by URL. The archive is immutable between swaps, so a page computed once is
    right until the file changes; the cache is emptied on every swap. Bounded in entries and bytes."""

    MAX_ENTRIES = 2048
    MAX_BODY = 1 << 20

    def __init__(self) -> None:
        self.entries: OrderedDict[tuple[str, bytes], tuple[dict, list[dict]]] = OrderedDict()

    def clear(self) -> None:
        self.entries.clear()

    def get(self, key: tuple[str, bytes]) -> tuple[dict, list[dict]] | None:
        hit = self.entries.get(key)
        if hit is not None:
            self.entries.move_to_end(key)
        return hit

    def put(self, key: tuple[str, bytes], start: dict, bodies: list[dict]) -> None:
        self.entries[key] = (start, bodies)
        while len(self.entries) > self.MAX_ENTRIES:
            self.entries.popitem(last=False)


def _cacheable(scope: dict) -> bool:
    # Only anonymous GETs: a public archive has no per-user pages, but a cookie or token could mean one.
    headers = dict(scope.get("headers") or [])
    return scope.get("method") == "GET" and b"cookie" not in headers and b"authorization" not in headers


@hookimpl
def asgi_wrapper(datasette: Any) -> Any:
    cache = ResponseCache()

    def wrap(app: Any) -> Any:
        async def checked(scope: dict, receive: Any, send: Any) -> None:
            if scope.get("type") != "http":
                await app(scope, receive, send)
                return
            if refresh(datasette):
                cache.clear()
            if not _cacheable(scope):
                await app(scope, receive, send)
                return
            key = (scope.get("path", ""), scope.get("query_string", b""))
            hit = cache.get(key)
            if hit is not None:
                await send(hit[0])
                for body in hit[1]:
                    await send(body)
                return
            start: dict = {}
            bodies: list[dict] = []
            size = 0

            async def recording_send(message: dict) -> None:
                nonlocal size
                if message["type"] == "http.response.start":
                    start.update(message)
                elif message["type"] == "http.response.body":
                    bodies.append(message)
                    size += len(message.get("body", b""))
                await send(message)

            await app(scope, receive, recording_send)
            sets_cookie = any(name.lower() == b"set-cookie" for name, _ in start.get("headers", []))
            if start.get("status") == 200 and size <= cache.MAX_BODY and bodies and not sets_cookie and \
                    not bodies[-1].get("more_body", False):
                cache.put(key, start, bodies)

        return checked

    return wrap
