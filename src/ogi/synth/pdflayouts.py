"""Word documents styled the way agencies style their report tables, for LibreOffice to
print to PDF: the layouts the PDF reader (``readers/pdf*.py``) must read from glyph boxes
and whatever ruling lines are left.

A report with known values (``synthesize``; for ``blank_zeros`` the wild deviation that
leaves zeros blank, ``wild.apply``) is written as a Word document (``render.docx``: real
merged cells, the "Table Grid" style) and then restyled in its XML:

* borders: the full grid, a three-line table (a heavy rule above and below, a thin one
  under the header), horizontal rules only, no rules at all;
* a shaded header (grey fill under bold header words);
* paragraph alignment of the numbers: right (the writer's), centred or left;
* landscape pages; narrow label columns, so labels wrap over several lines;
* table 三 pushed down the page by filler paragraphs so the page break falls inside it,
  with its header rows marked to repeat on the next page (``w:tblHeader``) or not;
* the font (the CJK fonts installed: Noto Serif / Sans CJK SC).

``make(rng, layout)`` gives the DOCX bytes and the expected JSON (the values a correct
parser reads; ``findings_must`` empty). ``benchmarks/pdf_layouts.py`` converts them with
LibreOffice and scores each layout cell by cell.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass

from docx import Document as open_document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

from ..render.docx import page_docx
from .corpus import _expected
from .report import synthesize

HEAVY_RULE = 12  # eighths of a point: the top and bottom rules of a three-line table (1.5 pt)
THIN_RULE = 6  # eighths of a point: the rule under a three-line table's header (0.75 pt)
SHADE = "D9D9D9"  # the grey agencies fill header rows with
MAX_FILLER = 14  # paragraphs at most put before table 三 to move the page break inside it
NARROW_LABELS = (1.2, 1.4, 2.6)  # cm: table 三's label columns in the wrapped layout (the writer's: 1.9, 2.2, 4.6)
FONTS = ("Noto Serif CJK SC", "Noto Sans CJK SC")
_FILLER = "本机关严格按照政府信息公开条例的要求,认真做好政府信息公开工作,及时回应社会关切。"


@dataclass(frozen=True)
class Layout:
    name: str
    borders: str = "grid"  # grid | three_line | horizontal | none
    align: str = "right"  # right | center | left (the numbers)
    shaded: bool = False
    landscape: bool = False
    narrow: bool = False
    split: str = ""  # "" | "repeat" | "plain": table 三 across a page break, header repeated or not
    font: str = FONTS[0]
    blank_zeros: bool = False


LAYOUTS = {lay.name: lay for lay in (
    Layout("grid"),
    Layout("three_line", borders="three_line"),
    Layout("horizontal_only", borders="horizontal"),
    Layout("no_rules", borders="none"),
    Layout("no_rules_centred", borders="none", align="center"),
    Layout("no_rules_left", borders="none", align="left"),
    Layout("shaded_header", shaded=True),
    Layout("shaded_three_line", borders="three_line", shaded=True),
    Layout("landscape", landscape=True),
    Layout("landscape_no_rules", borders="none", landscape=True),
    Layout("wrapped_labels", narrow=True),
    Layout("wrapped_no_rules", borders="none", narrow=True),
    Layout("split_repeat", split="repeat"),
    Layout("split_plain", split="plain"),
    Layout("split_repeat_no_rules", borders="none", split="repeat"),
    Layout("split_three_line", borders="three_line", split="repeat"),
    Layout("centred", align="center"),
    Layout("sans", font=FONTS[1]),
    Layout("blank_zeros", blank_zeros=True),
    Layout("blank_zeros_no_rules", borders="none", blank_zeros=True),
    Layout("blank_zeros_three_line", borders="three_line", blank_zeros=True),
)}


def make(rng: random.Random, layout: str) -> tuple[bytes, dict]:
    """A report drawn in ``layout``: DOCX bytes and the expected JSON."""
    lay = LAYOUTS[layout]
    s = synthesize(rng)
    if lay.blank_zeros:
        from .wild import apply

        page, values = apply(rng, "zero_blank", s)
    else:
        page, values = s.page(), s.expected_values()
    filler = rng.randint(0, MAX_FILLER) if lay.split else 0
    if filler:
        part = page.parts[2]
        part.paragraphs = list(part.paragraphs) + [_FILLER] * filler
    doc = open_document(io.BytesIO(page_docx(page)))
    restyle(doc, lay)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue(), _expected(s, values, set(), f"pdf_layout {layout}")


def restyle(doc, lay: Layout) -> None:
    """Apply ``lay`` to every table of ``doc`` and to its section."""
    if lay.landscape:
        section = doc.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    for style in ("Normal",):
        rfonts = doc.styles[style].element.get_or_add_rPr().get_or_add_rFonts()
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia"):
            rfonts.set(qn(attr), lay.font)
    for table in doc.tables:
        header_rows = _header_rows(table)
        _borders(table, lay.borders, header_rows)
        for r, row in enumerate(table.rows):
            if r < header_rows and lay.split == "repeat":
                _set(row._tr.get_or_add_trPr(), "w:tblHeader")
            for cell in row.cells:
                if r < header_rows and lay.shaded:
                    shd = _set(cell._tc.get_or_add_tcPr(), "w:shd")
                    shd.set(qn("w:val"), "clear")
                    shd.set(qn("w:fill"), SHADE)
                    for p in cell.paragraphs:
                        for run in p.runs:
                            run.bold = True
                for p in cell.paragraphs:
                    if p.alignment == WD_ALIGN_PARAGRAPH.RIGHT and lay.align != "right":
                        p.alignment = WD_ALIGN_PARAGRAPH.CENTER if lay.align == "center" else WD_ALIGN_PARAGRAPH.LEFT
        if lay.narrow and len(table.columns) == 10:  # table 三
            for k, width in enumerate(NARROW_LABELS):
                for cell in table.columns[k].cells:
                    cell.width = Cm(width)


def _header_rows(table) -> int:
    """Rows above the first that holds a number (table 三's three, table 二's first)."""
    for r, row in enumerate(table.rows):
        if any(c.text.strip().isdigit() for c in row.cells):
            return r
    return 0


def _borders(table, kind: str, header_rows: int) -> None:
    tbl_pr = table._tbl.tblPr
    borders = _set(tbl_pr, "w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        on = kind == "grid" or (kind == "three_line" and side in ("top", "bottom")) \
            or (kind == "horizontal" and side in ("top", "bottom", "insideH"))
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "single" if on else "nil")
        if on:
            el.set(qn("w:sz"), str(HEAVY_RULE if kind == "three_line" else 4))
            el.set(qn("w:space"), "0")
            el.set(qn("w:color"), "000000")
        borders.append(el)
    if kind == "three_line" and header_rows:
        for cell in table.rows[header_rows - 1].cells:
            tc_borders = _set(cell._tc.get_or_add_tcPr(), "w:tcBorders")
            el = OxmlElement("w:bottom")
            for k, v in (("w:val", "single"), ("w:sz", str(THIN_RULE)), ("w:space", "0"), ("w:color", "000000")):
                el.set(qn(k), v)
            tc_borders.append(el)


def _set(parent, tag: str):
    """``parent``'s child ``tag``, made anew (an old one removed)."""
    for old in parent.findall(qn(tag)):
        parent.remove(old)
    el = OxmlElement(tag)
    parent.append(el)
    return el
