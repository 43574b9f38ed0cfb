"""A PDF whose fonts map glyphs to no characters (``ogi.readers.pdf_garbled``): the page is
read by OCR like a scan, and a clean page never is."""

from __future__ import annotations

from pathlib import Path

import pytest

from ogi import parse
from ogi.readers.pdf_garbled import garbled, unmapped
from ogi.readers.pdf_page import Fragment, PageContent

from expected import differences

ROOT = Path(__file__).resolve().parent.parent
REAL = "某某县测试局2023年政府信息公开工作年度报告。本年度我局认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息。"


def _page(*lines: str) -> PageContent:
    return PageContent(1, 600.0, 800.0, [Fragment(t, 50.0, 50.0 + 20 * i, 500.0, 62.0 + 20 * i)
                                         for i, t in enumerate(lines)], [])


@pytest.mark.parametrize("lines,want", [
    # pdfium's text of a seed printed by Chromium, its ToUnicode maps removed
    (["\x9e\x83\x04åýà\x13\x11\x13\x14'\x80\rpý³ÃA工,'\x80\x8e5", "\x8dh¹\x1b\x12\x12\x14\x14\x11\x16\x13\x15.#3757;857",
      "\x83zOµ\x1b\x9e\x83\x04åýà\x83z日\"\x1b\x13\x11\x13\x15\x0e\x11\x12\x0e\x14\x12"], True),
    # samples/pdf_pdf.pdf the same: glyph numbers among the CJK code points
    (["\u2d2a滫\u2d71⫝̸╅⫝̸儛㶣\x13\x11\x13\x12䇥䈾䶿䈮⟖䕮⪙䋾䄑✅䇥䈾䥅⼆砕䌥⺋",
      "僪䥅⼆割䩪օ╜ⶔ☪奐⪢⽡㍭䶿䈮⟖䕮⪙䋾儯❌ֆ醔妕箱⯅ս僪䥅⼆╜䢪⮙丂䇥䈾䶿䈮⟖䕮⪙",
      "⹕䄹僾兤\x1b⴪滫⵱⫝̸╅⫝̸儛㶣⹕䄹仙僑\x1b\x13\x11\x13\x13\x0e\x11\x13\x0e\x13\x17䇥䈾䥅⼆砕䌥⺋僪䥅⼆割䩪"], True),
    ([REAL, REAL], False),
    ([REAL + "\uf0b7\uf0b7", REAL + "·°×"], False),  # a symbol font's bullets, signs a report prints
    (["\x13\x11\x13\x12\x13\x11"], False),  # too few characters to judge
])
def test_a_page_is_garbled_only_when_its_characters_are_not_text(lines, want):
    assert garbled(_page(*lines)) is want


@pytest.mark.parametrize("char,want", [("\x13", True), ("\x9e", True), ("å", True), ("\ufffd", True), ("\ue000", True),
                                       ("·", False), ("°", False), ("×", False), ("一", False), ("3", False), ("\n", True)])
def test_unmapped_characters(char, want):
    assert unmapped(char) is want


@pytest.mark.slow
def test_a_pdf_without_unicode_maps_is_read_by_ocr():
    """samples/pdf_pdf.pdf with every font's ToUnicode map removed (pypdf): its text layer
    is glyph numbers; before, 'no annual report found'. Read by OCR, every cell as in the
    original."""
    pytest.importorskip("rapidocr", reason="OCR engine not installed (pip install rapidocr onnxruntime)")
    pytest.importorskip("pypdf")
    from ogi.synth.shapes.converters import without_unicode_maps

    pdf = without_unicode_maps((ROOT / "samples" / "pdf_pdf.pdf").read_bytes())
    report = parse(pdf, name="garbled.pdf")
    assert differences(ROOT / "samples" / "expected" / "pdf_pdf.json", report) == []
