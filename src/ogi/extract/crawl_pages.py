"""Page numbers glued inside a crawler's one-line text of a table cut at a page break.

A report laid out for print and put on the web page by page (a Word or PDF export pasted
into the CMS) prints, where a table crosses a page, the page's number and the table's
header again: ``…5.属于三类内部事务信息0000000- 5 -(本列数据的勾稽关系为…)申请人情况…6.属于…``.
A text reader that keeps a line a line finds the page number on a line of its own and
drops it (:mod:`.pagemarks`, and :mod:`ogi.readers.text`'s ``_PAGE_NUMBER``). A crawler
that glues the whole page on one line leaves it between the last row of the page and the
header printed again, where it reads as cells of that row (``- 5 -``: a mark, 5, a mark;
``第4页``: a 4) — the row then holds too many values and is left null.

A page number is dropped here only where the page break shows on both sides of it: a row's
digits right before it (glued, or a space between as ``get_text(" ")`` prints cells), and
right after it the table's header printed again — text of :data:`REPEAT_CHARS` characters on
the same line, without a digit, that the page printed before (the header's first words,
spaced as they were), or ``续表``. A number anywhere
else is left as printed: a page number that cannot be told from a cell stays for the
aligner, which leaves a row with too many values null."""

from __future__ import annotations

import re

# a page number as a page's foot prints it: "- 5 -", "— 3 —", "第4页", "第 4 页 共 9 页"
_MARK = re.compile(r"[0-9][ \t]*(?P<mark>[-—–－][ \t]*[0-9]{1,4}[ \t]*[-—–－]|第[ \t]*[0-9]{1,4}[ \t]*页"
                   r"(?:[ \t]*[,，/]?[ \t]*共[ \t]*[0-9]{1,4}[ \t]*页)?)")
_MARK_CHARS = "-—–－第"  # a page number's first characters: tested before the search
REPEAT_CHARS = 12  # characters after the number that must have been printed before it (a header's start)
CONTINUED = "续表"  # a table's heading where it goes on over a page break


def glued_page_marks_dropped(text: str) -> str:
    """``text`` without the page numbers glued between a table's row and its header printed
    again (see the module's docstring); ``text`` itself where there is none."""
    if not any(ch in text for ch in _MARK_CHARS):
        return text
    cuts = [m.span("mark") for m in _MARK.finditer(text) if _header_again(text, m.start("mark"), m.end("mark"))]
    if not cuts:
        return text
    out, pos = [], 0
    for a, b in cuts:
        out.append(text[pos:a])
        pos = b
    return "".join(out) + text[pos:]


def _header_again(text: str, start: int, end: int) -> bool:
    """Does the text after a page number (``text[end:]``) start with 续表 or with words printed
    before it (``text[:start]``), as a table's header repeated after a page break does?"""
    while end < len(text) and text[end] in " \t":
        end += 1  # a spaced one-line text (get_text(" ")) puts a space between the number and the header
    after = text[end:end + REPEAT_CHARS]
    if after.startswith(CONTINUED):
        return True
    if len(after) < REPEAT_CHARS or after[0].isspace() or any(ch.isdigit() or ch in "\n\r" for ch in after):
        return False
    return text.find(after, 0, start) >= 0


__all__ = ["REPEAT_CHARS", "glued_page_marks_dropped"]
