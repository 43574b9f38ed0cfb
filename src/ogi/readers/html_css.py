"""Elements a page's own ``<style>`` sheets hide.

Content systems keep a second copy of an article for phones, share boxes and old drafts
in the page, hidden by a class rule (``.hide{display:none}``). :func:`apply_hiding` finds
the top-level rules that set ``display: none`` or ``visibility: hidden`` and writes the
same into the inline style of each element they select, unless that element's inline
style says otherwise, so the text walker needs to read inline styles only. A rule that
hides the whole page (``body{display:none}``, which a script lifts: the usual guard
against click-jacking) is not followed. Rules inside
``@media`` blocks (a phone layout, print) and selectors that cannot be matched
statically (``:hover``) are left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import tinycss2
from cssselect import SelectorError
from lxml import etree
from lxml.cssselect import CSSSelector

from .. import limits

_HIDING = {"display": "none", "visibility": "hidden"}
# (ancestor, element) pairs allowed per unit of the depth limit (500,000 by default): a
# news page has about 100,000 (5,000 elements 20 deep); 2,048 nested elements, the most
# lxml's HTML parser builds, have 2 million, which ``div div p`` takes 3–13 s to match
PAIRS_PER_DEPTH = 100
_COMBINATOR = re.compile(r"[\s>+~]")
SHEETS_KEPT = 256  # distinct style sheets whose hiding rules are kept (the pages of one site share theirs)
KEPT_SHEET_CHARS = 64 * 1024  # characters: a longer sheet is read without keeping its rules (memory stays bounded)


def apply_hiding(root: etree._Element, pairs: int | Callable[[], int] = 0) -> None:
    """Mark every element hidden by the page's style sheets with an inline style.

    ``pairs`` is the number of (ancestor, element) pairs in the tree: a selector with a
    combinator (``div div p``) becomes an XPath query that walks them, in C, where no
    deadline reaches; on a tree with more than ``depth`` × :data:`PAIRS_PER_DEPTH` of them
    (thousands of nested elements) such a rule is refused instead of run for minutes. A
    function for ``pairs`` counts them only where such a rule is met (once)."""
    lim = limits.active()
    for style in root.iter("style"):
        css = style.text or ""
        for selector, prop in (_kept_hiding_rules(css) if len(css) <= KEPT_SHEET_CHARS else _hiding_rules(css)):
            limits.check_time("the page's style sheet")
            if _COMBINATOR.search(selector):
                if callable(pairs):
                    pairs = pairs()
                if pairs > lim.depth * PAIRS_PER_DEPTH:
                    raise limits.exceeded("depth", f"HTML elements nest too deep for the style rule “{selector[:40]}”: "
                                                   f"{pairs} ancestor–element pairs")
            try:
                matches = CSSSelector(selector, translator="html")(root)
            except (SelectorError, etree.XPathError):
                continue
            for el in matches:
                if el.tag in ("html", "body"):
                    continue
                inline = (el.get("style") or "").lower()
                if prop not in inline:
                    el.set("style", f"{prop}:{_HIDING[prop]};{el.get('style') or ''}")


@lru_cache(maxsize=SHEETS_KEPT)
def _kept_hiding_rules(css: str) -> tuple[tuple[str, str], ...]:
    """:func:`_hiding_rules`, kept per sheet text (the pages of one site share their sheets)."""
    return _hiding_rules(css)


def _hiding_rules(css: str) -> tuple[tuple[str, str], ...]:
    """(selector, property) of each top-level rule that hides what it selects (the last
    declaration of a property in a rule wins).

    A rule hides only with the value ``none`` or ``hidden``, which a sheet spells so
    (in any case) or with a CSS escape (a backslash): a sheet with neither hides nothing
    and is not tokenised (most sheets; tokenising is most of the cost of a page's style)."""
    lowered = css.lower()
    if "none" not in lowered and "hidden" not in lowered and "\\" not in css:
        return ()
    out = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type != "qualified-rule":
            continue
        values = {decl.lower_name: tinycss2.serialize(decl.value).strip().lower()
                  for decl in tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)
                  if decl.type == "declaration" and decl.lower_name in _HIDING}
        selector = tinycss2.serialize(rule.prelude).strip()
        out += [(selector, prop) for prop, value in values.items() if value == _HIDING[prop]]
    return tuple(out)
