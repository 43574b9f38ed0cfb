"""Read a plain-text report: lines become paragraphs; runs of lines with cell separators
(``|`` or tabs) become tables, one line a row."""

from __future__ import annotations

import re

from ..document import Cell, Document, Paragraph, Position, Table
from .decode import decode

_SEPARATOR = re.compile(r"\s*[|\t]\s*")


def read_text(data: bytes) -> Document:
    text, _ = decode(data)
    return parse_text(text)


def parse_text(text: str, fmt: str = "txt") -> Document:
    blocks: list = []
    rows: list[tuple[int, list[str]]] = []

    def flush() -> None:
        if rows:
            cells = [Cell(t, r, c, pos=Position(line=n)) for r, (n, parts) in enumerate(rows)
                     for c, t in enumerate(parts)]
            blocks.append(Table(cells, Position(line=rows[0][0])))
            rows.clear()

    for n, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        if "|" in stripped or "\t" in stripped:
            rows.append((n, [p.strip() for p in _SEPARATOR.split(stripped)]))
            continue
        flush()
        blocks.append(Paragraph(stripped, Position(line=n)))
    flush()
    return Document(blocks, fmt)
