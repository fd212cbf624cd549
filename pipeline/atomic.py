"""Atomic file replacement: write a temporary file beside the target, then rename it over the target."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO

_releasing: list[threading.Thread] = []


def temporary_for(target: Path) -> Path:
    """A fresh temporary path beside `target`, after clearing those of killed processes."""
    remove_stale_temporaries(target)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    return tmp


def write_atomic(path: Path, text: str) -> None:
    tmp = temporary_for(path)
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def replace(tmp: Path, target: Path) -> None:
    """Rename `tmp` over `target`. The file it replaces is freed in the background: dropping a 40 MB
    file's cached pages takes about 10 ms, which is no part of putting the new one in place."""
    _freeing_in_background(target, lambda: os.replace(tmp, target))


def discard(path: Path) -> None:
    """Delete `path` (if it exists), freeing its space in the background as replace() does."""
    _freeing_in_background(path, lambda: path.unlink(missing_ok=True))


def _freeing_in_background(path: Path, remove: Callable[[], None]) -> None:
    """Run `remove`, which takes `path`'s name away, holding the file open so that its last close, which
    frees it, comes after in the background."""
    try:
        old = open(path, "rb")  # kept open: removing the name then does not free the file
    except OSError:  # none yet, or one this process may not read: removing it frees it, as it would anyway
        old = None
    try:
        remove()
    finally:
        if old is not None:
            release_in_background(old)


def release_in_background(f: IO[bytes]) -> None:
    """Close the last descriptor of a file no name points to any more: the kernel frees it then."""
    thread = threading.Thread(target=f.close, name="release-file")
    thread.start()
    _releasing.append(thread)


def wait_for_releases() -> None:
    """Join the threads release_in_background() started (a process about to fork wants none running)."""
    while _releasing:
        _releasing.pop().join()


def remove_stale_temporaries(target: Path) -> None:
    """Delete `.name.PID.tmp` files next to `target` left by a process that was killed mid-write."""
    for tmp in target.parent.glob(f".{target.name}.*.tmp"):
        pid = tmp.name.rsplit(".", 2)[-2]
        if pid.isdigit() and not _alive(int(pid)):
            tmp.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
