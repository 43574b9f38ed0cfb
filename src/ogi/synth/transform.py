"""Changes to a drawn table's printed text, as real reports show them: label variants and
typos (from the template's variants), full-width punctuation, header cells broken over
two lines, and row labels lost or merged into their group's line."""

from __future__ import annotations

import random
from dataclasses import replace
from functools import cache

from ..render.layout import DrawnCell, DrawnTable
from ..template import FORMATS
from ..template.layout import HEADER, LABEL

BREAK = "\n"  # a line break inside a cell; each flattening prints it its own way
FULL_WIDTH = str.maketrans({"(": "（", ")": "）", ":": "：", ",": "，"})


@cache
def _variants(template: str) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for spec in FORMATS[template].tables:
        for row in spec.rows:
            if row.label and row.variants:
                out[row.label] = row.variants
        for group in spec.groups:
            if group.variants:
                out[group.label] = group.variants
    return out


def _cells(table: DrawnTable, cells: list[DrawnCell]) -> DrawnTable:
    return replace(table, cells=tuple(cells))


def label_variants(rng: random.Random, template: str, table: DrawnTable, share: float = 0.5) -> DrawnTable:
    """Some labels printed as a known variant (or typo), some with full-width punctuation."""
    variants = _variants(template)
    out = []
    for c in table.cells:
        text = c.text
        if c.role == LABEL and text in variants and rng.random() < share:
            text = rng.choice(variants[text])
        if c.role in (LABEL, HEADER) and rng.random() < share:
            text = text.translate(FULL_WIDTH)
            if "、行政机关" in text and rng.random() < 0.5:
                text = text.replace("、行政机关", ",行政机关".translate(FULL_WIDTH))
        out.append(replace(c, text=text))
    return _cells(table, out)


def split_headers(rng: random.Random, table: DrawnTable) -> DrawnTable:
    """Header cells of four characters or more broken over two lines (``本年新`` / ``制作数量``)."""
    out = []
    for c in table.cells:
        if c.role == HEADER and len(c.text) >= 4 and not c.text.startswith("(") and rng.random() < 0.7:
            cut = rng.randint(2, len(c.text) - 2)
            c = replace(c, text=c.text[:cut] + BREAK + c.text[cut:])
        out.append(c)
    return _cells(table, out)


def _group_rows(table: DrawnTable) -> list[tuple[int, int]]:
    """(first grid row, rows) of each group label in column 1 spanning several rows."""
    return [(c.row, c.rowspan) for c in table.cells if c.role == LABEL and c.col == 1 and c.rowspan > 1]


def group_carries_first(rng: random.Random, table: DrawnTable) -> DrawnTable:
    """A group's first sub-row printed without its own label: the group label carries it."""
    first, _ = rng.choice(_group_rows(table))
    return _cells(table, [c for c in table.cells if not (c.role == LABEL and c.row == first and c.col == 2)])


def lost_label(rng: random.Random, table: DrawnTable) -> tuple[DrawnTable, int]:
    """As seed 000: the group label carries its first sub-row, and the second sub-row has no
    label at all. Returns the table and the grid row that lost its label."""
    first, _ = rng.choice(_group_rows(table))
    gone = {(first, 2), (first + 1, 2)}
    return _cells(table, [c for c in table.cells if not (c.role == LABEL and (c.row, c.col) in gone)]), first + 1
