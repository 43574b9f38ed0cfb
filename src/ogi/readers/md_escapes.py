"""A Markdown writer's backslash escapes, taken off a text file before it is read.

Markdown lets any ASCII punctuation character be written with a backslash before it, so
that it reads as itself and not as markup (CommonMark §2.4, "Backslash escapes"), and some
writers escape every such character in a paragraph's text whatever it stands next to.
mammoth's Markdown writer (``mammoth --output-format=markdown``, a Word file to Markdown)
is one: it has no tables, so each cell of a report's tables becomes a paragraph of its own,
and every ``.``, ``(``, ``)``, ``-`` … in them is escaped. The row label
``1.属于国家秘密`` reaches the text as ``1\\.属于国家秘密`` and ``(一)予以公开`` as
``\\(一\\)予以公开``: read as text, ``1\\.`` was no numbering and ``\\(一\\)`` no group mark, so
the row's label was not the template's — every table 三 sub-row was refused ("出现在不应出现的
位置") or its values were taken for another's count, and a whole rendering read 28% of its
cells where the same cells a line each from docx2txt read 59%.

:mod:`~ogi.readers.pandoc_marks` takes off the escapes a table writer puts at a cell's start
(``3\\. 其他``, ``| \\-429 |``); this module takes off the rest, the way a Markdown reader
would: a backslash before an ASCII punctuation character stands for that character. Read
left to right in one pass, so ``\\\\(`` is a backslash and a bracket, as in Markdown.

Two are left as written: ``\\|``, because in a pipe table an escaped pipe is a character of
a cell and an unescaped one a column boundary (the pipe-table readers read ``\\|`` as they
did); and a backslash before anything else — a letter, a digit, an ideograph, a line's end
(a hard line break), which is no escape in Markdown and may be a path (``D:\\报告``). A text
that is not Markdown has no backslash before punctuation to speak of, so it reads as it did.
"""

from __future__ import annotations

import re

__all__ = ["unescaped_markdown"]

# the ASCII punctuation CommonMark lets a backslash escape, less the pipe (module docstring)
_ESCAPABLE = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{}~"
_ESCAPE = re.compile(r"\\([" + re.escape(_ESCAPABLE) + r"])")


def unescaped_markdown(text: str) -> str:
    """``text`` with each Markdown backslash escape (but ``\\|``) read as the character it
    escapes; ``text`` itself when it holds none."""
    if "\\" not in text:
        return text
    return _ESCAPE.sub(r"\1", text)
