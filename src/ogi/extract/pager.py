"""Pagers: the page furniture of a report a site serves as several pages.

A portal that cuts a long report into pages (分页) closes each page with a pager — its links
to the pages (``首页 上一页 1 2 3 下一页 尾页``, ``<< 1 2 3 >>``) or its count
(``共3页 第1页``) — and opens the next with its breadcrumbs (``首页 > 政务公开 > … > 正文``)
and the report's title again (maybe marked ``（2）`` or ``（第2页）``). A crawler that joins
the pages glues all of it between two rows of a table: ``…政府集中采购2050首页 上一页 1 2 3
下一页 尾页首页 > …夷陵区农业农村局2019年政府信息公开工作年度报告三、收到和…``. The pager's
page numbers are numbers like any cell's, and the title's year too: read as values they make
rows of too many values (ROW_AMBIGUOUS) or join a row's digits.

They are page furniture, like a PDF's page numbers (:mod:`ogi.extract.pagemarks`), and are
taken out before anything is read:

1. **The pager.** A run of page links between ``上一页`` and ``下一页`` (``首页``/``尾页``
   around them), between ``<<`` and ``>>`` (or ``«``/``»``), or a page count ``共N页 第N页``
   (either order). The links must be the pages ``1 2 … n`` in order — a pager numbers every
   page from the first — and the count's page may be no later than its last; anything else
   is left as printed. A report's *first* page prints no ``上一页`` (there is no page before):
   its pager is the count and the links (``共2页 1 2 下一页 尾页``: the links must be exactly
   the count's pages), the links after ``首页`` or after a character that is no digit (links
   right after a row's digits could be that row's own and are left to it), or ``下一页``
   alone — never where a character of a word stands right before it (``详见下一页``).
   On such a page whatever follows the pager is the site's, not the report's: cut off into
   a paragraph of its own, it can no longer glue onto the last row of table 三 (a crawler's
   one line ``…四、结转下年度继续办理0000000共2页 1 2 下一页 尾页【打印本页】…相关链接…`` lost
   table 三 whole) — and the pages the pager links are not on the page: their tables stay
   missing, with their findings.
2. **What opens the next page.** Right after a pager (in the same paragraph, or in the
   paragraphs after one that was the pager alone), breadcrumbs (``首页`` then a ``>``-like
   separator and the path's names, no digit) and the report's title again: a text ending in
   ``政府信息公开…报告`` after a year, with no digit but the year and no sentence or list
   punctuation (so a section heading or a sentence of prose is never taken), and its page
   mark ``（2）``/``（第2页）``.

The text is cut where the furniture stood: a paragraph that held a row's end and the next
page's start becomes two paragraphs (so the row's last digits stay its own), one that was
furniture alone is dropped. Everything else is unchanged; a document with no pager comes back
as it is.
"""

from __future__ import annotations

import re

from ..document import Document, Paragraph
from .pager_end import site_end_dropped

PAGE_LINKS_MAX = 20  # pages a pager links to at most (a report is served as a few)
CRUMB_NAME_CHARS = 20  # characters of one breadcrumb's name at most
TITLE_HEAD_CHARS = 40  # characters of the agency's name before the title's year at most
TITLE_MID_CHARS = 12  # characters between the year and 政府信息公开 at most (工作, 年度, 关于 …)

_LINKS = r"(?P<links>(?:\d{1,2}\s*)*)"
_NEXT = r"(?:下一页|下页)(?:\s*(?:尾\s*页|末\s*页))?"  # the pager's last links: the next page, the last
_PAGER = re.compile(
    r"(?:首\s*页\s*)?(?:上一页|上页)\s*" + _LINKS + _NEXT
    # a first page's pager: the count, then the links from 1 (no 上一页: there is no page before)
    + r"|共\s*(?P<n3>\d{1,2})\s*页\s*(?:首\s*页\s*)?(?P<links3>(?:\d{1,2}\s*)+)" + _NEXT
    # ... or the links from 1 after 首页, or after a character that is no digit (never a row's digits)
    + r"|(?:首\s*页\s*|(?<=[^\d\s])|^)(?P<links4>1(?:\s+\d{1,2})+)\s*" + _NEXT
    # ... or the next page's link alone (never inside a sentence: no character of a word before it)
    + r"|(?<![\u4e00-\u9fff])" + _NEXT
    + r"|(?:<<|«|＜＜)\s*(?P<links2>(?:\d{1,2}\s*)+)(?:>>|»|＞＞)"
    r"|共\s*(?P<n>\d{1,2})\s*页\s*[,，]?\s*(?:当前)?第\s*(?P<i>\d{1,2})\s*页"
    r"|(?:当前)?第\s*(?P<i2>\d{1,2})\s*页\s*[,，/]?\s*共\s*(?P<n2>\d{1,2})\s*页")
_SEP = r"(?:>>|>|»|›|＞|→|/)"
_CRUMBS = (r"(?:(?:您现在的位置|您的位置|当前位置|所在位置)\s*[:：]?\s*)?首\s*页(?:\s*" + _SEP
           + r"\s*[^\d。，,、;；:：\n>»›＞→/]{1," + str(CRUMB_NAME_CHARS) + r"})+")
_TITLE = (r"[^\d。，,、;；:：\n]{0," + str(TITLE_HEAD_CHARS) + r"}?(?:19|20)\d{2}\s*年度?[^\d。，,、;；:：\n]{0,"
          + str(TITLE_MID_CHARS) + r"}?政府信息公开[^\d。，,、;；:：\n]{0,6}?报告"
          r"(?:\s*[（(]\s*(?:第\s*)?\d{1,2}\s*页?\s*[）)])?")
_NEXT_PAGE_TOP = re.compile(r"\s*(?:" + _CRUMBS + r")?\s*(?:" + _TITLE + r")?")
_ANY = re.compile(r"上一?页|下一?页|<<|«|＜＜|共\s*\d{1,2}\s*页")


_TITLE_LINE = re.compile(r"[#=*\s]*(" + _TITLE + r")[#=*\s]*")


def is_title_line(line: str) -> bool:
    """Is ``line`` (a Markdown heading's marks aside) a report's title: a year, then
    政府信息公开…报告, with no other digit and no sentence or list punctuation?"""
    return _TITLE_LINE.fullmatch(line) is not None


def _is_pager(m: re.Match[str]) -> bool:
    """Does the match number pages as a pager does: links 1…n in order (none for a bare
    上一页 下一页), or a page count whose page is one of its pages?"""
    if m.group("n") or m.group("n2"):
        n, i = int(m.group("n") or m.group("n2")), int(m.group("i") or m.group("i2"))
        return 1 <= i <= n <= PAGE_LINKS_MAX
    if m.group("n3"):  # the count and the links: every page linked, from the first
        return m.group("links3").split() == [str(k) for k in range(1, int(m.group("n3")) + 1)]
    if m.group("links4"):
        return _pages_from_one(m.group("links4").split())
    if m.group("links") is None and m.group("links2") is None:
        return True  # the next page's link alone
    links = (m.group("links") if m.group("links") is not None else m.group("links2")).split()
    if len(links) == 1 and len(links[0]) > 1:  # 12 glued: not the pages 1 and 2
        return False
    return _pages_from_one(links) and (len(links) >= 2 or m.group("links2") is None)


def _pages_from_one(links: list[str]) -> bool:
    """Are ``links`` the pages 1 … n in order, as a pager links them (n ≤ :data:`PAGE_LINKS_MAX`)?"""
    return len(links) <= PAGE_LINKS_MAX and links == [str(k) for k in range(1, len(links) + 1)]


def cut_pagers(text: str, after_pager: bool = False) -> tuple[list[str], bool]:
    """``text``'s pieces around its pagers and what opens the next page after each, and
    whether ``text`` ends in a pager (the next paragraph may open a page). ``after_pager``:
    the paragraph before ended in one, so ``text`` may start with the next page's top."""
    pieces: list[str] = []
    at = _next_page_top(text, 0) if after_pager else 0
    ended = after_pager and not text[at:].strip()
    for m in _PAGER.finditer(text, at):
        if m.start() < at or not _is_pager(m):
            continue
        pieces.append(text[at:m.start()])
        at = _next_page_top(text, m.end())
        ended = not text[at:].strip()
    pieces.append(text[at:])
    return [p.strip() for p in pieces if p.strip()], ended


def _next_page_top(text: str, at: int) -> int:
    m = _NEXT_PAGE_TOP.match(text, at)
    return m.end() if m else at


def pagers_dropped(doc: Document) -> Document:
    """``doc`` with its pagers and the page tops after them taken out of its paragraphs
    (module docstring), and ending where its report ends (:mod:`.pager_end`: the site's
    tools, links and footer after section 六, or after a first page's last pager);
    ``doc`` itself when it prints neither."""
    cut, after_pager = _pagers_cut(doc)
    return site_end_dropped(cut, after_pager)


def _pagers_cut(doc: Document) -> tuple[Document, int | None]:
    """``doc`` with its pagers cut out, and the index of the block that follows its last pager
    (None without a pager)."""
    if not any(isinstance(b, Paragraph) and _ANY.search(b.text) for b in doc.blocks):
        return doc, None
    blocks: list = []
    changed, after = False, False
    last: int | None = None
    for b in doc.blocks:
        if not isinstance(b, Paragraph):
            blocks.append(b)
            after = False
            continue
        pieces, ended = cut_pagers(b.text, after)
        if pieces != [b.text.strip()]:
            changed = True
            blocks += [Paragraph(p, b.pos) for p in pieces]
            last = len(blocks) if ended else len(blocks) - 1  # the last piece follows the last pager
        else:
            blocks.append(b)
        after = ended
    if not changed:
        return doc, None
    return Document(blocks, doc.format, doc.meta), last
