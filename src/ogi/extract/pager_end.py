"""Where the report ends on a site's page: the article's tools and the portal's furniture.

A portal prints an article — the report — in a frame of its own: after the report's last
section come the article's tools (``【打印本页】【关闭窗口】``, ``[打印] [关闭]``), its neighbours
(``上一篇：… 下一篇：…``, ``上一条：… 下一条：…``), the column's related links (``相关链接``/``相关阅读``/``相关文章`` and
other reports' titles and dates) and the portal's footer (``主办单位：… 网站标识码 … ICP备…``).
The sections run from one heading to the next and the last to the end of the page, so all of
it was read as section 六's text — in a crawler's one-line text glued right after the
section's last sentence — and the checks read other years' titles, dates and the footer's
numbers as the report's.

The format says where a report ends: section 六 (其他需要报告的事项) is the last of the
outline, and a report's own text never prints a site's furniture as text of its own. So,
after the **last** 六 heading of the page (a table of contents' or a first report's
heading comes before it), the first such mark — at a paragraph's start or right after a
character that is no word's (``。【打印本页】``, ``事项。相关链接…``: never ``详见本网站相关链接``
inside a sentence) — ends the report: the paragraph is cut there and the paragraphs after
it are dropped. Tables are never dropped (what the page prints as a table is left to the
table readers, which know a report's tables from a portal's). A first page of several
(:mod:`.pager`) prints no 六 heading: there its last pager, where it follows section 三's
heading and no later section's heading follows it (a pager above the report, or one
between pages a crawler joined, never counts), ends the report where a site's mark follows
it (what the pager's cut left of the text after it goes too), so the related links' years
and dates after it are not read as table 三's stray values (ROW_AMBIGUOUS). A page with
neither, or without a mark after it, comes back as it is.
"""

from __future__ import annotations

import re

from ..document import Document, Paragraph, Table

_LAST_HEADING = re.compile(r"六\s*[、.．]\s*其他需要报告的事项")
_REQUESTS_HEADING = re.compile(r"三\s*[、.．]\s*收到和处理政府信息公开申请情况")
_LATER_HEADING = re.compile(r"[四五]\s*[、.．]\s*(?:政府信息公开行政复议|存在的主要问题)")
# the site's marks after an article: tools, neighbours, related links, the portal's footer
_SITE_END = re.compile(
    r"[【\[]\s*(?:打印本页|打印|关闭窗口|关闭|返回顶部)\s*[】\]]"
    r"|(?<![\u4e00-\u9fff])(?:打印本页|关闭窗口|上一[篇条]\s*[:：]|下一[篇条]\s*[:：]|相关链接|相关阅读|相关文章"
    r"|(?:主办|承办)单位\s*[:：]|网站标识码|版权所有)")


def site_end_dropped(doc: Document, after_pager: int | None = None) -> Document:
    """``doc`` ending where its report ends: before the site's first mark after the last
    六 heading — or, on a first page (no 六 heading), after its last pager where that follows
    table 三's heading (``after_pager``: the block after it, :func:`.pager.pagers_dropped`) —
    (module docstring); ``doc`` itself where it prints none."""
    at = _last_heading(doc)
    if at is None and after_pager is not None and _pager_ends_page(doc, after_pager):
        rest = doc.blocks[after_pager:]
        if any(isinstance(b, Paragraph) and _SITE_END.search(b.text) for b in rest):
            kept = list(doc.blocks[:after_pager]) + [b for b in rest if isinstance(b, Table)]
            return Document(kept, doc.format, doc.meta)  # the page ends at its pager
        return doc
    if at is None:
        return doc
    i, offset = at
    for j in range(i, len(doc.blocks)):  # i may be len(doc.blocks): a pager that ends the page
        b = doc.blocks[j]
        if not isinstance(b, Paragraph):
            continue
        m = _SITE_END.search(b.text, offset if j == i else 0)
        if m is None:
            continue
        head = b.text[:m.start()].rstrip()
        kept = list(doc.blocks[:j]) + ([Paragraph(head, b.pos)] if head else [])
        kept += [c for c in doc.blocks[j + 1:] if isinstance(c, Table)]
        return Document(kept, doc.format, doc.meta)
    return doc


def _pager_ends_page(doc: Document, end: int) -> bool:
    """Does the last pager (block ``end`` follows it) end the report's page: section 三's
    heading before it (not a pager above the report) and no later section's heading after it
    (not a page break inside a report whose pages were joined)?"""
    paragraphs = [(k, b.text) for k, b in enumerate(doc.blocks) if isinstance(b, Paragraph)]
    return any(k < end and _REQUESTS_HEADING.search(t) for k, t in paragraphs) \
        and not any(k >= end and _LATER_HEADING.search(t) for k, t in paragraphs)


def _last_heading(doc: Document) -> tuple[int, int] | None:
    """The block index and the offset after the page's last 六 heading, or None."""
    for i in range(len(doc.blocks) - 1, -1, -1):
        b = doc.blocks[i]
        if isinstance(b, Paragraph) and "其他需要报告的事项" in b.text:
            found = list(_LAST_HEADING.finditer(b.text))
            if found:
                return i, found[-1].end()
    return None


__all__ = ["site_end_dropped"]
