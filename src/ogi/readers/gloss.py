"""English glosses after the Chinese labels: read as glosses, not as text of the table.

Free-trade-zone and foreign-affairs offices print the official tables bilingually: every
header cell and main label carries its English after the Chinese — on a line of its own
(``自然人<br>Natural persons``), after a space (``予以公开 Disclosed``) or in brackets
(``商业企业（Businesses）``). The English is a gloss: the Chinese text is the key the template
matches. Left in, the gloss is a label the template does not know between a label and its
numbers (``(七)总计Total0000000`` in a crawler's text), a cell text where a value belongs (a
row-spanning ``三、本年度办理结果<br>Outcomes this year``), and, where a PDF's columns interleave
the words of neighbouring cells, whole lines of English between the header's pieces.

The algorithm, on the document a reader returns (so every paragraph and cell keeps its
position, and no reader's own pass is changed):

1. **Is the document bilingual?** Evidence is the template's own column headers (every header
   word of its dictionary: table 二's 信息内容 and counts, table 三's applicant columns, table
   四's results and blocks) each followed — across a space, a line break or an opening
   bracket — by a Latin word (compared as the template prints them: spaces inside words
   dropped, traditional characters in their template form). At least :data:`GLOSSED_HEADERS` different
   headers glossed make the document bilingual; otherwise it is returned as it is (a Latin
   word in a Chinese report — ``APP``, a URL, an index number — is never touched).
2. **What is a gloss?** A *Latin run*: words of Latin letters (with ``-``, ``'``, ``.``, ``&``,
   ``/``, ``,`` inside the run) separated by spaces, and bracketed groups whose content holds a
   Latin word (``(10,000 yuan)``: digits inside a bracketed gloss belong to the gloss). A run
   must hold a word of at least :data:`MIN_WORD_LETTERS` letters (a bracketed group with a digit
   only after a gloss's words: ``(APP 3)`` alone is a count) and must not touch a digit or
   a letter on its left (``11LYRJGHHC720049DX`` in an index number is not a run); digits may
   follow it directly (``Total0000000``: the crawler glued the row's values to the gloss).
3. **Strip.** In every paragraph and cell, each run is removed with the spaces before it; a
   bracketed gloss with its brackets. A paragraph that was nothing but glosses is dropped. A
   grid cell holds the gloss with its Chinese, so an English-only cell is a text rendering's
   cell broken over lines (a TAB text prints a cell's second line at the start of the next
   row's line): as the first cell of a text table's row it is dropped and the row's cells move
   left to where they print without it; elsewhere it is kept (emptied, it would be a blank
   cell where there is none).

Removing text never makes a number: a run never starts right after a digit, and what follows
it is left as it was, so no two numbers are joined. The digits a bracketed gloss holds
(``10,000``) leave with it — they are the English's words, not a cell's value.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..document import Block, Document, Paragraph, Table
from ..template.labels import dictionary
from ..template.normalize import clean
from ..template.variant_chars import VARIANT_CHARS

GLOSSED_HEADERS = 3  # distinct template column headers followed by a Latin word: the document is bilingual
MIN_WORD_LETTERS = 2  # a run holds a word of at least this many letters (a lone "A" or "x" is not a gloss)

_TO_TEMPLATE_CHARS = str.maketrans(VARIANT_CHARS)  # traditional forms of the template's characters
_CJK_ONLY = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]+")


@lru_cache(maxsize=1)
def _header_glossed() -> re.Pattern[str]:
    """A template column header (every header word of tables 二, 三 and 四 the template's
    dictionary knows, printed in ideographs alone) followed by a Latin word."""
    heads = sorted({k for k, phrases in dictionary().items()
                    if any(p.kind == "header" for p in phrases) and _CJK_ONLY.fullmatch(k)}, key=len, reverse=True)
    return re.compile("(" + "|".join(map(re.escape, heads)) + r")[ \t\r\n\u3000]*[(（]?[A-Za-z]{2}")


_WORD = r"[A-Za-z][A-Za-z'’\-.&/]*"
_LATIN_INSIDE = r"[A-Za-z0-9 ,.'’\-/&:\n]"  # what a bracketed gloss holds: no ideograph
_BRACKETED = rf"[(（]{_LATIN_INSIDE}*?[A-Za-z]{{2}}{_LATIN_INSIDE}*?[)）]"  # (10,000 yuan), also wrapped over two lines
_PIECE = rf"(?:{_WORD}|{_BRACKETED})"
_GAP = r"(?:,?[ \t\u3000]+)"  # words are separated by spaces (and a comma)
# a run (with the hard line break before it, pandoc's ``\`` at a line's end): not right after a
# digit or letter; pieces separated by spaces; not followed by a letter
_RUN = re.compile(rf"(?:\\\r?\n)?[ \t\u3000]*(?<![0-9A-Za-z])(?:{_PIECE})(?:{_GAP}{_PIECE})*(?![A-Za-z])")
_BRACKET_DIGIT = re.compile(r"[(（][^)）]*\d")  # a bracketed group with a digit in it
_LONG_WORD = re.compile(rf"[A-Za-z]{{{MIN_WORD_LETTERS},}}")
_LATIN = re.compile("[A-Za-z]")


def is_bilingual(texts: list[str]) -> bool:
    """Whether at least :data:`GLOSSED_HEADERS` different template column headers are followed
    by a Latin word in ``texts`` (the document's paragraphs and cells in reading order)."""
    found: set[str] = set()
    joined = "\n".join(clean(t).translate(_TO_TEMPLATE_CHARS) for t in texts if t)  # 法人 或其他組織 → 法人或其他组织
    for m in _header_glossed().finditer(joined):
        found.add(m.group(1))
        if len(found) >= GLOSSED_HEADERS:
            return True
    return False


def strip_gloss(text: str) -> str:
    """``text`` without its Latin runs (step 2 of the module's algorithm), stripped."""
    if not _LATIN.search(text):
        return text
    out = _RUN.sub(_drop_if_gloss, text)
    return out.strip() if out != text else text


def _drop_if_gloss(m: re.Match[str]) -> str:
    """Nothing for a gloss — or a space where it stood between two digits (``12 Total34``
    must not become ``1234``); the run itself when it holds no word long enough."""
    if not _LONG_WORD.search(m.group(0)):
        return m.group(0)
    run = m.group(0).lstrip("\\\r\n \t\u3000")
    if run[:1] in "(（" and _BRACKET_DIGIT.match(run):
        return m.group(0)  # "(APP 3)" alone: a count in brackets; digits leave only inside a gloss's words
    text, start, end = m.string, m.start(), m.end()
    between_digits = start > 0 and text[start - 1].isdigit() and end < len(text) and text[end].isdigit()
    return " " if between_digits else ""


def strip_glosses(doc: Document) -> Document:
    """``doc`` with its English glosses removed, when it is bilingual (else ``doc`` as it is).
    Paragraphs that held only glosses are dropped; so is a text table's first cell that held
    only glosses (:func:`_table_without_glosses`)."""
    texts = _reading_order(doc)
    if not any(_LATIN.search(t) for t in texts) or not is_bilingual(texts):
        return doc
    blocks: list[Block] = []
    for b in doc.blocks:
        if isinstance(b, Paragraph):
            text = strip_gloss(b.text)
            if text:
                blocks.append(Paragraph(text, b.pos) if text != b.text else b)
            continue
        blocks.append(_table_without_glosses(b))
    doc.blocks = blocks
    return doc


def _table_without_glosses(table: Table) -> Table:
    """A table's cells with their glosses taken out. A cell of nothing but glosses is a text
    rendering's cell broken over lines (the English line of ``三、本年度办理结果<br>Outcomes this
    year`` printed at the start of the next row's line, TAB, ``(一)予以公开``, TAB, values…): it
    is dropped where it is the first cell of its row in a grid of single cells (a text's
    table), the row's other cells moving left to where they print without the gloss; anywhere
    else it is kept as it is."""
    single = all(c.rowspan == 1 and c.colspan == 1 for c in table.cells)
    gone: set[int] = set()  # rows whose first cell was a gloss
    for c in table.cells:
        text = strip_gloss(c.text)
        if text:
            c.text = text
        elif single and c.col == 0 and c.text.strip():
            gone.add(c.row)
    if not gone:
        return table
    cells = [c for c in table.cells if not (c.row in gone and c.col == 0)]
    for c in cells:
        if c.row in gone:
            c.col -= 1
    return Table(cells, table.pos)


def _reading_order(doc: Document) -> list[str]:
    """The document's paragraphs and cells, their texts in reading order."""
    out: list[str] = []
    for b in doc.blocks:
        if isinstance(b, Paragraph):
            out.append(b.text)
        else:
            out += [c.text for c in b.cells]
    return out


__all__ = ["GLOSSED_HEADERS", "MIN_WORD_LETTERS", "is_bilingual", "strip_gloss", "strip_glosses"]
