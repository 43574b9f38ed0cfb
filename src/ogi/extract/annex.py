"""A table printed in an annex, not on the page: the link that names it is no table.

Agencies often leave an official table off the page and link it as a file instead:
``详见附件：附件3：2023年政府信息公开行政复议、行政诉讼情况统计表.pdf``. Under the section whose
table it is, the link's words read like the table: ``行政复议`` and ``行政诉讼`` are table 四's
block labels, and the annex's ordinal ``3`` is a number. Read as the table, the link made
a row of one value that could not be placed (ROW_AMBIGUOUS "3") and a table found but
blank (CELL_BLANK "表四没有填写数值") — two findings that name the wrong cause: nothing was
left blank, the table is not on the page.

The format fixes the link's shape: the word 附件 (an annex), an optional ordinal, then the
annex's title, which names a table (…统计表, …情况表, …表) and may end in a file's extension
(pdf, xls, xlsx, doc, docx, wps, et, ofd). The layout's events of one printed unit from the
gap holding 附件 to the gap ending that title are the link: they are taken out of the
table's events (at most :data:`MAX_ORDINALS` numbers in it, each directly after 附件 — the
ordinal; a link holding any other number is left as it is, so no cell is ever dropped).
When nothing of the table remains, the table is missing and its finding says where it is
(:func:`annex_finding`)."""

from __future__ import annotations

import re

from ..template import nfkc
from .layout import Event

# the word that opens a link to an annex, and the title's end: a table's name, with or
# without the file's extension (the layout's gaps keep letters, drop the dot)
ANNEX_WORD = "附件"
# (a Markdown link's target printed after it, ``(/xxgk/fj/P0547.pdf)``, is ASCII to the gap's end)
_TITLE_END = re.compile(r"表\s*(?:\.?\s*(?:pdf|xlsx?|docx?|wps|et|ofd))?[\x21-\x7e\s]*[）)」』》”]*\s*$", re.IGNORECASE)
# an annex's ordinal is printed right after the word: one number, never more
MAX_ORDINALS = 1


def _text(ev: Event) -> str:
    return nfkc(ev.segment.text) if ev.segment is not None else ""


def _link_end(evs: list[Event], start: int) -> int | None:
    """The index of the gap ending the annex title opened at ``start`` (a gap holding
    附件), or None when the unit ends first or a number other than the ordinal is met."""
    unit = evs[start].unit
    numbers = 0
    for j in range(start + 1, len(evs)):
        ev = evs[j]
        if ev.unit != unit or ev.kind in ("section", "barrier"):
            return None
        if ev.kind == "value":
            numbers += 1
            if numbers > MAX_ORDINALS or j != start + 1:
                return None
            continue
        if ev.kind == "gap" and _TITLE_END.search(_text(ev)):
            return j
    return None


def annex_links_dropped(evs: list[Event]) -> tuple[list[Event], list[str]]:
    """A table's events without the links to annexes among them, and each link's text."""
    kept: list[Event] = []
    links: list[str] = []
    i = 0
    while i < len(evs):
        ev = evs[i]
        end = _link_end(evs, i) if ev.kind == "gap" and ANNEX_WORD in _text(ev) else None
        if end is None:
            kept.append(ev)
            i += 1
            continue
        links.append(_link_text(evs[i:end + 1]))
        i = end + 1
    return kept, links


def _link_text(evs: list[Event]) -> str:
    """The link as printed, from its events: 附件, the ordinal, ``：``, the title (the layout's
    gaps drop punctuation; the extension's dot is put back)."""
    ordinal = next((ev.token.text for ev in evs if ev.kind == "value" and ev.token is not None), "")
    title = "".join(ev.segment.text for ev in evs[1:] if ev.segment is not None)
    title = _EXTENSION.sub(lambda m: "表" + (f".{m.group(1)}" if m.group(1) else ""), title)
    return f"{ANNEX_WORD}{ordinal}：{title}"


# the title's end as the layout's gap keeps it: the extension's dot dropped, a link target after it
_EXTENSION = re.compile(r"表(pdf|xlsx?|docx?|wps|et|ofd)?[\x21-\x7e]*$", re.IGNORECASE)


def holds_table(evs: list[Event]) -> bool:
    """Does anything of a table remain: a label or a value (a section heading alone is none)?"""
    return any(ev.kind in ("phrase", "value") for ev in evs)


def annex_finding(table_name: str, link: str) -> tuple[str, str]:
    """TABLE_MISSING's message (Chinese, English) for a table the page links as an annex."""
    return (f"{table_name}未在正文中印出,见“{link}”(附件未读入)",
            f"the table is not on the page but in an annex ({link}), not read")


__all__ = ["ANNEX_WORD", "annex_finding", "annex_links_dropped", "holds_table"]
