"""The visible text of an HTML element tree, as a browser would lay it out.

:func:`walk` yields the text of an element in reading order as :class:`Run` pieces and
:data:`BREAK` marks (a ``<br>`` or the edge of a block element); inline elements
(``<span>``, ``<font>``, ``<o:p>`` …) run together without a space, so ``<span>1</span>
<span>2</span>`` reads ``12``. Scripts, styles, comments, form lists and hidden elements
(``display:none``, ``visibility:hidden``, the ``hidden`` attribute) are left out.
:func:`lines` collapses white space the CSS way (``&nbsp;`` and U+3000 count as spaces;
a line break in the source between two CJK characters is dropped) and returns the
non-empty lines.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import NamedTuple

from lxml import etree

from ..template.normalize import KeptByText

SKIPPED = frozenset({
    "head", "script", "style", "title", "meta", "link", "base", "noscript", "template", "iframe", "object",
    "embed", "svg", "math", "canvas", "audio", "video", "select", "option", "datalist", "rp", "rt",
})
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre",
    "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "xmp", "listing",
})
PRE = frozenset({"pre", "xmp", "listing", "textarea"})  # keep their line breaks
_INLINE_DISPLAYS = ("inline", "inline-block", "contents")
_STYLE_DISPLAY = re.compile(r"(?:^|;)\s*display\s*:\s*([a-z-]+)", re.IGNORECASE)
_STYLE_HIDDEN = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.IGNORECASE)
_SPACES = " \t\n\r\f\u00a0\u3000"
_SPACE_RUN = re.compile(f"[{_SPACES}]+")


class Run(NamedTuple):
    """A piece of text and the source line of the element it came from (a named tuple: one
    is made for every text node of a page, and a frozen dataclass sets each field through
    ``object.__setattr__``)."""

    text: str
    line: int | None


BREAK = object()  # a line break: <br> or the edge of a block


def tag_of(el: etree._Element) -> str | None:
    """The lower-case tag name of an element; None for comments and processing instructions."""
    try:  # lxml makes the tag string anew at each access: read once
        return el.tag.lower()
    except AttributeError:  # a comment's or processing instruction's tag is a function
        return None


def display(el: etree._Element) -> str | None:
    """The ``display`` an inline style gives an element, if any."""
    if _NO_DISPLAY.get():
        return None
    style = el.get("style")
    m = _STYLE_DISPLAY.search(style) if style else None
    return m.group(1).lower() if m else None


# True while a page is read in which no element is hidden inline (:func:`nothing_hidden`):
# then no element's attributes need to be read to know it is shown
_NONE_HIDDEN: ContextVar[bool] = ContextVar("none_hidden", default=False)
# True while a page is read in which no inline style sets ``display``: then :func:`display`
# is None for every element without reading its style
_NO_DISPLAY: ContextVar[bool] = ContextVar("no_display", default=False)


def hides_nothing(root: etree._Element, styles: list[str] | None = None) -> bool:
    """Is no element of the tree hidden inline: no ``hidden`` attribute, no ``style`` that
    :func:`is_hidden` reads as hiding? One XPath query over the tree, in C, instead of two
    attribute reads for every element, row and cell the reader looks at (``styles``: the
    values of every ``style`` attribute of the tree, when already found)."""
    if root.xpath("boolean(//@hidden)"):
        return False
    return not any(_STYLE_HIDDEN.search(style) for style in (root.xpath("//@style") if styles is None else styles))


@contextmanager
def nothing_hidden(root: etree._Element) -> Iterator[None]:
    """While reading ``root`` (whose style sheets' hiding is already written inline): if
    :func:`hides_nothing`, :func:`is_hidden` answers False without reading attributes —
    the same answer it would give for every element of the tree; if no style of the tree
    sets ``display``, :func:`display` answers None so, without reading the element's style."""
    styles = root.xpath("//@style")
    token = _NONE_HIDDEN.set(hides_nothing(root, styles))
    no_display = _NO_DISPLAY.set(not any(_STYLE_DISPLAY.search(style) for style in styles))
    try:
        yield
    finally:
        _NO_DISPLAY.reset(no_display)
        _NONE_HIDDEN.reset(token)


def none_hidden() -> bool:
    """Is the page being read one in which no element is hidden (:func:`nothing_hidden`)?
    Then :func:`is_hidden` is False for every element of it."""
    return _NONE_HIDDEN.get()


def is_hidden(el: etree._Element) -> bool:
    if _NONE_HIDDEN.get():
        return False
    if el.get("hidden") is not None:
        return True
    style = el.get("style")
    return style is not None and _STYLE_HIDDEN.search(style) is not None


def is_skipped(el: etree._Element) -> bool:
    """Whether an element shows nothing: a comment, a script, a hidden element …"""
    tag = tag_of(el)
    return tag is None or tag in SKIPPED or is_hidden(el)


def is_block(el: etree._Element, tag: str | None = None) -> bool:
    """Whether an element lays out as a block (``tag``: its :func:`tag_of`, when known)."""
    shown = display(el)
    if shown:
        return shown not in _INLINE_DISPLAYS
    return (tag_of(el) if tag is None else tag) in BLOCKS


GRID_BOX_TAGS = frozenset({"div", "section", "ul"})  # the tags a table drawn with boxes is made of
STRUCTURE_TAGS = GRID_BOX_TAGS | {"table"}  # the tags of what ``walk`` may yield whole


def walk(el: etree._Element, structure: Callable[[etree._Element], bool] | None = None,
         ) -> Iterator[Run | object | etree._Element]:
    """The content of ``el`` in reading order: text runs, BREAKs, and every descendant for
    which ``structure`` is true (a table, say), yielded whole for the caller to read;
    ``structure`` is asked only about elements whose tag is one of :data:`STRUCTURE_TAGS`
    (a ``<table>``, and the boxes a grid of ``<div>``s is drawn with), not about every
    ``<span>`` and ``<p>``. Iterative: a page whose unclosed tags nest a thousand deep is
    read too."""
    stack = _inside(el, structure, tag_of(el) in PRE)[::-1]
    while stack:
        item = stack.pop()
        if isinstance(item, _Open):
            stack += _inside(item.element, structure, item.pre)[::-1]
        else:
            yield item


@dataclass(slots=True)
class _Open:
    """An element whose content is still to be walked (inside a ``<pre>`` or not)."""

    element: etree._Element
    pre: bool


def _inside(el: etree._Element, structure: Callable[[etree._Element], bool] | None, pre: bool) -> list:
    """The items directly inside ``el``: its text, its children (to open, or yielded whole
    when ``structure`` says so), breaks around blocks, and the children's tails."""
    kids = list(el)
    out: list = []
    if el.text:
        out += _text(el.text, _start_line(el.text, kids[0] if kids else None, el.sourceline), pre)
    for i, child in enumerate(kids):
        tag = tag_of(child)  # once per child: lxml makes the string anew at each access
        if tag == "br":
            out.append(BREAK)
        elif not (tag is None or tag in SKIPPED or is_hidden(child)):  # is_skipped(child)
            if structure is not None and tag in STRUCTURE_TAGS and structure(child):
                out.append(child)
            else:
                opened = _Open(child, pre or tag in PRE)
                out += [BREAK, opened, BREAK] if is_block(child, tag) else [opened]
        if child.tail:
            following = kids[i + 1] if i + 1 < len(kids) else None
            out += _text(child.tail, _start_line(child.tail, following, child.sourceline), pre)
    return out


def _start_line(text: str, following: etree._Element | None, fallback: int | None) -> int | None:
    """The source line a text node starts on: counted back from the element after it when
    there is one (lxml knows where elements start, not where text does)."""
    if following is not None and following.sourceline:
        return following.sourceline - text.count("\n")
    return fallback


def _text(text: str, line: int | None, pre: bool) -> list[Run | object]:
    if not pre:
        return [Run(text, line)]
    out: list[Run | object] = []
    for i, part in enumerate(text.split("\n")):
        if i:
            out.append(BREAK)
        out.append(Run(part, line + i if line is not None else None))
    return out


def lines(items: Iterable[Run | object]) -> list[Run]:
    """The non-empty lines of a stream of runs and breaks, white space collapsed; each line
    keeps the source line of its first visible run."""
    out: list[Run] = []
    pieces: list[str] = []
    first: int | None = None
    for item in items:
        if isinstance(item, Run):
            visible = item.text.lstrip(_SPACES)
            if first is None and visible and item.line is not None:
                first = item.line + item.text[:len(item.text) - len(visible)].count("\n")
            pieces.append(item.text)
            continue
        text = collapse("".join(pieces))
        if text:
            out.append(Run(text, first))
        pieces, first = [], None
    text = collapse("".join(pieces))
    if text:
        out.append(Run(text, first))
    return out


COLLAPSED_KEPT = 1 << 14  # distinct short texts whose collapsed form is kept (cells repeat: "0", "/", labels)
KEPT_TEXT_CHARS = 200  # longer text is collapsed without keeping it


def _collapse(text: str) -> str:
    if "\n" not in text and "\r" not in text:  # no line break: every run is one space (most text)
        return _SPACE_RUN.sub(" ", text).strip(" ")

    def space(m: re.Match) -> str:
        run = m.group()
        if ("\n" in run or "\r" in run) and not ("\u00a0" in run or "\u3000" in run):
            before, after = text[m.start() - 1:m.start()], text[m.end():m.end() + 1]
            if before and after and _wide(before) and _wide(after):
                return ""
        return " "

    return _SPACE_RUN.sub(space, text).strip(" ")


# CSS white-space collapsing: each run of spaces becomes one space, or nothing where a source
# line break sits between two East Asian wide characters; ends trimmed. Kept per short text (a
# cell's ``0`` is collapsed once) in a dict whose lookup is the function (speed19b: one lookup in
# C, no Python frame; ~335 calls a page).
collapse: Callable[[str], str] = KeptByText(_collapse, KEPT_TEXT_CHARS, COLLAPSED_KEPT).__getitem__


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F") and not ("\uac00" <= ch <= "\ud7a3")


def text_of(el: etree._Element) -> str:
    """The visible text of an element: its lines joined by line breaks."""
    if not len(el) and tag_of(el) not in PRE:  # no child element: its one text, collapsed (most cells)
        return collapse(el.text or "")
    return "\n".join(run.text for run in lines(walk(el)))
