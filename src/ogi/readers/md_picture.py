"""The text pymupdf4llm found inside a picture, less the table rows the file prints anyway.

pymupdf4llm writes the text it finds inside an image's box between two comments, its
printed lines joined by ``<br>``::

    <!-- Start of picture text -->
    第二十条第(一)项<br>…<br>⼀、本年新收政府信息公开申请数量 0 0 0 0 0 0 0<br>…
    <!-- End of picture text -->

Where a picture floats over the top of a table (wild4's ``table_image``: table 二 printed as
an image beside the prose), the box takes in the table's header and first rows, and the
converter writes them twice: as picture text, and in the table it rebuilds. Read so, the file
printed table 三's first row twice, and it was refused as two reports (207 cells of one
report unread in ``pymupdf4llm_html``).

A line of a picture-text block that begins with one of table 三's row labels (as a label key:
letters, digits and ideographs) and that the file also prints outside every such block —
the label and the numbers after it, in order — is the table's row printed twice: it is
taken out of the block. Every other line of the block stays (the picture's own text: here
table 二, which the page prints nowhere else), and so does the line count of the file."""

from __future__ import annotations

import re
from functools import lru_cache

from ..template.normalize import label_key

START, END = b"<!-- Start of picture text -->", b"<!-- End of picture text -->"
_BLOCK = re.compile(r"(<!-- Start of picture text -->)(.*?)(<!-- End of picture text -->)", re.S)
_BR = re.compile(r"<br */?>")
_TAG = re.compile(r"<[^<>]*>")  # an HTML tag (its name is letters the label key would keep)


@lru_cache(maxsize=1)
def _row_labels() -> tuple[str, ...]:
    """Table 三's row labels and variants as label keys, longest first."""
    from ..template import FORMATS

    keys = {label_key(text) for f in FORMATS.values() for row in f.table3.rows
            for text in (row.label, *row.variants) if text}
    return tuple(sorted(keys, key=len, reverse=True))


def drop_repeated_rows(data: bytes) -> bytes:
    """``data`` with the table rows its picture-text blocks print twice taken out of them
    (see the module docstring); the same bytes where there are none."""
    if START not in data:
        return data
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return data
    outside = label_key(_TAG.sub(" ", _BLOCK.sub(" ", text)))
    out = _BLOCK.sub(lambda m: m.group(1) + _kept_lines(m.group(2), outside) + m.group(3), text)
    return data if out == text else out.encode("utf-8")


def _kept_lines(block: str, outside: str) -> str:
    lines = _BR.split(block)
    kept = [line for line in lines if not _printed_outside(line, outside)]
    return "<br>".join(kept) if len(kept) != len(lines) else block


def _printed_outside(line: str, outside: str) -> bool:
    """Does this line begin with a table 三 row label, and does the file print that label
    with the same numbers after it outside the picture text?"""
    key = label_key(line)
    label = next((k for k in _row_labels() if key.startswith(k)), None)
    if label is None:
        return False
    numbers = key[len(label):]
    return numbers.isdigit() and key in outside


__all__ = ["drop_repeated_rows"]
