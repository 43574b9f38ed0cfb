"""A report as Markdown: headings, paragraphs, and each official table as a pipe table.

Headings are underlined (setext), so that the heading line itself reads as the report
prints it (``一、总体情况``), without ``#`` marks.

Markdown has no merged cells: a merged cell is written once, in its top-left position,
and the positions it covers are left empty, as a table copied out of a page reads."""

from __future__ import annotations

from ..model import Report
from .layout import DrawnTable, Page, page_of


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table_markdown(table: DrawnTable) -> list[str]:
    lines = []
    for i, slots in enumerate(table.slots()):
        lines.append(" | ".join(_escape(c.text) if c else "" for c in slots))
        if i == 0:
            lines.append(" | ".join(["---"] * table.n_cols))
    return lines


def page_markdown(page: Page) -> str:
    out = [f"**{page.mark}**", ""] if page.mark else []
    out += [page.title, "=" * 2 * len(page.title), ""]
    for label, value in page.meta:
        out += [f"{label}:{value}", ""]
    for p in page.preface:
        out += [p, ""]
    for part in page.parts:
        out += [part.heading, "-" * 2 * len(part.heading), ""]
        for p in part.paragraphs:
            out += [p, ""]
        if part.table is not None:
            out += table_markdown(part.table) + [""]
    return "\n".join(out)


def render_markdown(report: Report, preface: tuple[str, ...] = (), draft: bool = False) -> str:
    return page_markdown(page_of(report, preface, draft))
