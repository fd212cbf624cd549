"""Realistic PDF and DOCX versions of a plain-text report, for testing the readers.

    python -m pipeline.fixtures raw/omsk-2023.txt --out DIR   # writes DIR/omsk-2023.pdf and .docx
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from pipeline.document import split_blocks

if TYPE_CHECKING:
    from reportlab.lib.pdfencrypt import StandardEncryption

# fonts-dejavu-core puts them here on Debian; reportlab's own fonts have no Cyrillic.
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"), Path("/usr/share/fonts/TTF"))
FONT_REGULAR = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"


def font_path(name: str) -> Path:
    """Path of a DejaVu TTF (e.g. "DejaVuSans-Bold"); raises FileNotFoundError naming the package."""
    for d in FONT_DIRS:
        p = d / f"{name}.ttf"
        if p.exists():
            return p
    raise FileNotFoundError(f"{name}.ttf not found in {', '.join(map(str, FONT_DIRS))}: "
                            "apt-get install fonts-dejavu-core")


def _register_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    registered = pdfmetrics.getRegisteredFontNames()
    for name in (FONT_REGULAR, FONT_BOLD):
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(font_path(name))))


def report_blocks(text: str) -> list[tuple[str, str]]:
    """(kind, text) of each block, as the txt reader splits them."""
    return [(b.kind, text[b.start:b.end]) for b in split_blocks(text)]


def make_pdf(text: str, out: Path, *, title: str | None = None,
             encrypt: str | StandardEncryption | None = None) -> Path:
    """Typeset the report as an A4 PDF: bold headings, justified indented paragraphs, running header and footer.

    `title` goes in the running header (default: the first block). `encrypt` is passed to reportlab
    (a password string or a reportlab.lib.pdfencrypt.StandardEncryption).
    """
    from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    _register_fonts()
    blocks = report_blocks(text)
    if title is None:
        title = blocks[0][1] if blocks else out.stem
    # No automatic hyphenation and no breaks at a word's own hyphen: the readers are tested
    # against the txt paragraphs, and a "город-|побратим" break is ambiguous to undo.
    common = {"hyphenationLang": "", "embeddedHyphenation": 0, "uriWasteReduce": 0}
    body = ParagraphStyle("body", fontName=FONT_REGULAR, fontSize=10.5, leading=14, alignment=TA_JUSTIFY,
                          firstLineIndent=1.0 * cm, spaceAfter=4, **common)
    heading = ParagraphStyle("heading", fontName=FONT_BOLD, fontSize=13, leading=16, alignment=TA_LEFT,
                             spaceBefore=10, spaceAfter=6, keepWithNext=1, **common)
    width, height = A4

    def decorate(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(FONT_REGULAR, 8.5)
        canvas.drawString(2.5 * cm, height - 1.3 * cm, title)
        canvas.setLineWidth(0.4)
        canvas.line(2.5 * cm, height - 1.45 * cm, width - 2 * cm, height - 1.45 * cm)
        canvas.drawCentredString(width / 2, 1.2 * cm, f"– {doc.page} –")
        canvas.restoreState()

    out.parent.mkdir(parents=True, exist_ok=True)
    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=2.5 * cm, rightMargin=2 * cm, topMargin=2.2 * cm,
                            bottomMargin=2.2 * cm, title=title, author="pipeline.fixtures", invariant=1,
                            encrypt=encrypt)
    story = [Paragraph(escape(t), heading if kind == "heading" else body) for kind, t in blocks]
    doc.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return out


def make_docx(text: str, out: Path) -> Path:
    """Write the report as a DOCX: "Heading 2" headings, "Normal" paragraphs."""
    import docx

    document = docx.Document()
    blocks = report_blocks(text)
    if blocks:
        document.core_properties.title = blocks[0][1]
    for kind, t in blocks:
        if kind == "heading":
            document.add_heading(t, level=2)
        else:
            document.add_paragraph(t)
    out.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(out))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.fixtures", description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="plain-text report (UTF-8)")
    parser.add_argument("--out", type=Path, default=Path("."), help="output folder")
    parser.add_argument("--title", help="running header of the PDF (default: the first block)")
    args = parser.parse_args(argv)
    text = args.source.read_text(encoding="utf-8-sig")
    stem = args.source.stem
    print(make_pdf(text, args.out / f"{stem}.pdf", title=args.title))
    print(make_docx(text, args.out / f"{stem}.docx"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
