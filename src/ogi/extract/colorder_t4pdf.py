"""Table 四's values read by the blocks a PDF's glyphs place them under.

The aligner reads table 四's fifteen values by position: the first five are 行政复议's, the
next 未经复议直接起诉's, the last 复议后起诉's. Where the header prints the blocks in another
order, running text shows only ``行政诉讼 … 行政复议`` and the extractor leaves table 四 null
(:func:`.colorder_t4.blocks_printed_in_text`); a PDF's glyph positions say which block
stands where (:mod:`ogi.readers.pdf_order4`, each block's five results in the template's
order), and :func:`read_blocks_in_printed_order` moves each run of five values to the
block it stands under. Every value must be read, a whole number, and every block's 总计 the
sum of its four results (as read, which the move keeps: a block's values move together); a
value missing leaves the table as it was. No sum tells one block from another, so the
blocks' order rests on the glyphs alone, as table 三's organisations' order rests on its
header (:mod:`.colorder_read`)."""

from __future__ import annotations

from typing import Any

from ..template.formats import T4_GROUPS, T4_RESULTS
from .colorder_t4 import BLOCKS

# the key under which the PDF reader leaves, in Document.meta, table 四's blocks left to right
PRINTED_BLOCKS = "table4_printed_blocks"
_GROUP_OF = dict(zip(BLOCKS, T4_GROUPS))  # a block's header label to its schema key
_KEYS = tuple(m.key for m in T4_RESULTS)


def read_blocks_in_printed_order(table4: dict[str, dict], provenance: dict[str, Any], printed: str | None) -> bool:
    """Move each block's five values (placed by position, in the template's block order) to
    the block ``printed`` (the three block labels left to right) says they stand under.
    False, and nothing changed, where ``printed`` does not name the three blocks, a value is
    missing or not a whole number, or a block's 总计 is not the sum of its four results."""
    order = printed.split("、") if printed else []
    if sorted(order) != sorted(BLOCKS):
        return False
    rows: list[list[Any]] = []  # whole numbers, checked below
    for group in T4_GROUPS:  # the places the aligner filled, left to right
        values: list[Any] = [table4.get(group, {}).get(k) for k in _KEYS]
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            return False
        if sum(values[:-1]) != values[-1]:
            return False
        rows.append(values)
    places = {(g, k): provenance.pop(f"table4.{g}.{k}", None) for g in T4_GROUPS for k in _KEYS}
    for place, block, values in zip(T4_GROUPS, order, rows):
        group = _GROUP_OF[block]
        for key, value in zip(_KEYS, values):
            table4[group][key] = value
            if places[place, key] is not None:
                provenance[f"table4.{group}.{key}"] = places[place, key]
    return True


__all__ = ["PRINTED_BLOCKS", "read_blocks_in_printed_order"]
