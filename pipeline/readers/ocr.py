"""OCR of scanned PDF pages: pypdfium2 renders each page, the `tesseract` binary reads it (Russian)."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import tempfile
from collections import deque
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from pipeline.document import ReadError

DPI = 300  # tesseract's accuracy drops below ~300 dpi on report-sized type
LANG = "rus"
INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-rus"
PAGE_TIMEOUT_S = 300


@functools.lru_cache(maxsize=1)
def _tesseract() -> str | None:
    """Path of a tesseract that has the Russian model, or None."""
    exe = shutil.which("tesseract")
    if exe is None:
        return None
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    langs = {line.strip() for line in (out.stdout + out.stderr).splitlines()}
    return exe if LANG in langs else None


def ocr_available() -> bool:
    """True when tesseract with Russian is installed."""
    return _tesseract() is not None


def ocr_pdf(path: Path, pages: Sequence[int] | None = None) -> list[str]:
    """Text of each page (or of the given 1-based pages), in order; raises ReadError when OCR is missing or fails."""
    import pypdfium2 as pdfium

    from pipeline.readers.pdfchars import PDFIUM_LOCK

    exe = _tesseract()
    if exe is None:
        raise ReadError(f"{path.name}: no text layer (scanned PDF) and OCR is not installed: {INSTALL_HINT}")
    try:
        with PDFIUM_LOCK:
            pdf = pdfium.PdfDocument(str(path))
            count = len(pdf)
    except pdfium.PdfiumError as e:
        raise ReadError(f"{path.name}: damaged PDF, cannot be rendered for OCR ({e})") from None
    numbers = list(pages) if pages is not None else list(range(1, count + 1))
    # One tesseract per core, each single-threaded (OMP_THREAD_LIMIT=1): pages in parallel scale
    # better than tesseract's own threads. Pages render one at a time (pdfium is not thread-safe),
    # and only a few wait on disk at once, since a 300 dpi page is ~9 MB. Other threads may read PDFs
    # meanwhile: each call into pdfium holds PDFIUM_LOCK, released while tesseract works.
    workers = max(1, os.cpu_count() or 1)
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    texts: dict[int, str] = {}
    try:
        with tempfile.TemporaryDirectory(prefix="ocr-") as tmp, ThreadPoolExecutor(workers) as pool:
            pending: deque[tuple[int, Future[str]]] = deque()
            for number in numbers:
                image = Path(tmp) / f"page-{number}.png"
                with PDFIUM_LOCK:  # closed here, not by the garbage collector in whichever thread
                    page = pdf[number - 1]
                    bitmap = page.render(scale=DPI / 72, grayscale=True)
                    # The PIL image shares the bitmap's memory: saved before the bitmap is freed.
                    bitmap.to_pil().save(image, compress_level=1)  # fast to write; tesseract reads any PNG
                    bitmap.close()
                    page.close()
                pending.append((number, pool.submit(_run, exe, image, env, path.name, number)))
                while len(pending) >= 2 * workers:
                    done, fut = pending.popleft()
                    texts[done] = fut.result()
            while pending:
                done, fut = pending.popleft()
                texts[done] = fut.result()
    finally:
        with PDFIUM_LOCK:
            pdf.close()
    return [texts[n] for n in numbers]


def _run(exe: str, image: Path, env: dict[str, str], source: str, number: int) -> str:
    try:
        out = subprocess.run([exe, str(image), "stdout", "-l", LANG], capture_output=True, env=env,
                             timeout=PAGE_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        raise ReadError(f"{source}: OCR of page {number} took over {PAGE_TIMEOUT_S} s") from None
    finally:
        image.unlink(missing_ok=True)
    if out.returncode != 0:
        err = " ".join(out.stderr.decode("utf-8", "replace").split())[-200:]
        raise ReadError(f"{source}: OCR failed on page {number} ({err})")
    return out.stdout.decode("utf-8", "replace")
