"""pdf_pdfium: the glyphs of a text page line up with their characters."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from ogi.readers.pdf_pdfium import page_content

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@pytest.mark.skipif(not DEJAVU.exists(), reason="needs DejaVu Sans")
def test_a_glyph_mapped_to_no_character_leaves_the_others_their_own_boxes():
    """pdfium's whole-page text leaves out a glyph it maps to no character (code 0: here
    U+1D400, which the font lacks, printed as its .notdef glyph); read from it, every later
    character took the box of the one before it (``B`` the box of the missing glyph)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVuTest", str(DEJAVU)))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setFont("DejaVuTest", 12)
    c.drawString(72, 700, "A\U0001D400B \u00e9C")
    c.showPage()
    c.save()
    doc = pdfium.PdfDocument(buf.getvalue())
    try:
        content, _ = page_content(doc[0], 1)
    finally:
        doc.close()
    glyphs = [(f.text, round(f.x0, 1), round(f.x1, 1)) for f in content.fragments]
    assert glyphs == [("A", 72.0, 80.2), ("B", 87.4, 95.6), ("é", 99.4, 106.8), ("C", 106.8, 115.2)]
