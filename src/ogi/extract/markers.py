"""A numbered paragraph's marker cut from its text by a converter's line wrapping.

Text converters that wrap lines (pandoc's ``plain`` at 72 columns, ``lynx -dump`` and ``w3m
-dump`` at 80) break a numbered paragraph ``1. 政府信息公开质量不高。…`` at its first space:
Chinese text has no spaces inside, so the whole sentence is one "word" too long for the line,
and the marker ``1.`` is left on a line of its own. Read alone, that line is the value 1 — in
table 四's section, before its header, it ended the table before it began (the first prose
after a value closes table 四). A line that holds only a list marker (``1.``, ``2、``,
``(3)``, ``（四）``; in Markdown ``1\\.``) and is followed by narrative is the start of that narrative, never a
table value: :func:`cut_marker` says so, and the layout makes it a barrier like the prose."""

from __future__ import annotations

import re

from .tokens import Unit

# a Markdown writer escapes the period of ``1.`` at a line's start (``1\.``), lest it open a list
_MARKER = re.compile(r"^(?:\d{1,2}\\?[.．、)）]|[(（]\d{1,2}[)）]|[一二三四五六七八九十]{1,2}、|[(（][一二三四五六七八九十]{1,2}[)）])$")


def cut_marker(units: list[Unit], i: int) -> bool:
    """Is ``units[i]`` a paragraph holding only a list marker, with narrative right after it?"""
    u = units[i]
    if u.in_table or not _MARKER.match(u.text.strip()):
        return False
    return i + 1 < len(units) and units[i + 1].prose


__all__ = ["cut_marker"]
