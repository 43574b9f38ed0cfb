"""What an HTML page says about itself: its title, and the publication date and source
that content systems put in ``<meta>`` tags (``ArticleTitle``, ``PubDate``,
``ContentSource`` of the national government-website guidelines, and common variants)."""

from __future__ import annotations

import re
from datetime import date

from lxml import etree

from .html_text import collapse

TITLE_NAMES = ("articletitle", "og:title", "dc.title")
DATE_NAMES = ("pubdate", "publishdate", "publish_date", "publishtime", "firstpublishedtime", "releasedate",
              "article:published_time", "dc.date.issued", "dcterms.issued", "dc.date")
AGENCY_NAMES = ("contentsource", "dc.publisher")
# an element's text, as lxml.html's ``text_content()`` reads it, for plain elements too
_STRING = etree.XPath("string()", smart_strings=False)
_DATE = re.compile(r"((?:19|20)\d{2})\s*(?:[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})|(\d{2})(\d{2}))(?!\d)")


def page_meta(root: etree._Element) -> dict[str, str]:
    """``title``, ``published_date`` (ISO) and ``agency`` where the page states them."""
    tags: dict[str, str] = {}
    for meta in root.iter("meta"):
        name = (meta.get("name") or meta.get("property") or "").strip().lower()
        content = collapse(meta.get("content") or "")
        if name and content:
            tags.setdefault(name, content)
    out: dict[str, str] = {}
    title = _first(tags, TITLE_NAMES) or _page_title(root)
    if title:
        out["title"] = title
    published = next((d for d in (iso_date(tags[n]) for n in DATE_NAMES if n in tags) if d), None)
    if published:
        out["published_date"] = published
    agency = _first(tags, AGENCY_NAMES)
    if agency:
        out["agency"] = agency
    return out


def _first(tags: dict[str, str], names: tuple[str, ...]) -> str | None:
    return next((tags[n] for n in names if n in tags), None)


def _page_title(root: etree._Element) -> str | None:
    """The ``<title>`` of the head; the page's ``<h1>`` where the title is that heading
    followed by the site's name, or where there is no title."""
    title_el = root.find("head/title")
    if title_el is None:
        title_el = next(root.iter("title"), None)
    title = collapse(_STRING(title_el)) if title_el is not None else ""
    heading = next((t for t in (collapse(_STRING(h)) for h in root.iter("h1")) if t), "")
    if heading and (not title or (title.startswith(heading) and title != heading)):
        return heading
    return title or None


def iso_date(text: str) -> str | None:
    """The first date in ``text`` (``2024-01-17 10:20``, ``2024年1月17日``, ``20240117``) as ISO."""
    m = _DATE.search(text)
    if not m:
        return None
    y, mo, d = m.group(1), m.group(2) or m.group(4), m.group(3) or m.group(5)
    try:
        return date(int(y), int(mo), int(d)).isoformat()
    except ValueError:
        return None
