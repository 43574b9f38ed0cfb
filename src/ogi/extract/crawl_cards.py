"""A phone copy of a table as ``label：value`` cards, glued after the table in a crawler's line, dropped.

A responsive page carries one official table twice: the desktop table, and a copy for phones
hidden by CSS — as a table again, or as one card a row, ``一、本年新收政府信息公开申请数量  自然人：0；
商业企业：0；…；总计：0``. A crawler's ``text_content()`` keeps hidden text and glues it all on one
line, the cards right after the table's last row. Read with the table, every row's label comes
twice, the second time with other numbers around it, and table 三 loses every row (ROW_MISSING,
the whole table null).

A card is a label, blanks, then two or more ``name：number`` pairs (``；`` between). It is a copy
of the table only where the page printed its numbers before: the label's last words (after its
last blank, and after its last digit — a numbering like ``1.`` is cut off there) glued to the
card's numbers, one after the other, as the crawler prints the table's row
(``(一)予以公开0000000``). Each card that is such a copy is dropped (its label and its pairs); a
card whose numbers the page did not print before is left as printed, and no number is ever taken
from a card.
"""

from __future__ import annotations

import re

_PAIRS = re.compile(r"[ \u3000]+((?:[\u4e00-\u9fff]{2,8}[：:][ ]?(-?\d+(?:\.\d+)?)[；;]?){2,})")
_PAIR = re.compile(r"[\u4e00-\u9fff]{2,8}[：:][ ]?(-?\d+(?:\.\d+)?)")
_HAN = re.compile(r"[\u4e00-\u9fff]")
LABEL_CHARS = 120  # at most this many characters of a card's label are looked back at
MIN_CARDS = 2  # a phone copy prints a card a row: one lone pair run is no copy


def glued_cards_dropped(text: str) -> str:
    """``text`` without the cards that copy a table printed before them (see the module's
    docstring); ``text`` itself where there are none."""
    if "：" not in text and ":" not in text:
        return text
    cards = [_card(text, m) for m in _PAIRS.finditer(text)]
    copies = [c for c in cards if c is not None]
    if len(copies) < MIN_CARDS:
        return text
    out, pos = [], 0
    for a, b in copies:
        out.append(text[pos:a])
        pos = b
    return "".join(out) + text[pos:]


def _card(text: str, m: re.Match[str]) -> tuple[int, int] | None:
    """The card's span (its label's start to its last pair's end) where its label's last words
    and its numbers stand glued together earlier in the text; None otherwise."""
    start = m.start()
    floor = max(0, start - LABEL_CHARS)
    label_start = start
    while label_start > floor and not text[label_start - 1].isdigit():
        label_start -= 1
    label = text[label_start:start].split()
    if not label or not _HAN.search(label[-1]):
        return None
    numbers = "".join(p.group(1) for p in _PAIR.finditer(m.group(1)))
    if text.find(label[-1] + numbers, 0, label_start) < 0:
        return None
    return label_start, m.end()


__all__ = ["LABEL_CHARS", "MIN_CARDS", "glued_cards_dropped"]
