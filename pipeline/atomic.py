"""Atomic file replacement: write a temporary file beside the target, then rename it over the target."""

from __future__ import annotations

import os
from pathlib import Path


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
