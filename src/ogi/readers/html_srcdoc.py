"""A page whose report sits in an ``<iframe srcdoc="…">``: the frame's document read in its place.

A portal's shell page may carry the report as the ``srcdoc`` attribute of an inline frame —
the whole report page, escaped into one attribute (wild6 ``framed``, fresh18). A browser draws
that document where the frame stands; a reader that skips frames (they hold another page as a
rule: ``src=`` names it) finds no report at all and refuses the page. So, where the page's text
holds ``srcdoc``, each frame with a ``srcdoc`` is replaced by a ``<div>`` holding the frame
document's ``<style>`` elements and its body's content, and the page is read as one: the
shell's own lines (its breadcrumbs, a short title, the date) stay before and after it, as a
browser shows them. A frame inside a frame's document is left as it is (one level is read).
A page without ``srcdoc`` is returned unchanged (the text is not parsed twice).
"""

from __future__ import annotations

import lxml.html
from lxml import etree

MARK = "srcdoc"  # the attribute's name: a page without it is returned as it is


def frames_in_place(text: str) -> str:
    """``text`` with every ``<iframe srcdoc>``'s document in the frame's place."""
    if MARK not in text:
        return text
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return text
    frames = root.xpath("//iframe[@srcdoc]")
    if not frames:
        return text
    for frame in frames:
        frame.getparent().replace(frame, _document_div(frame.get("srcdoc", "")))
    return lxml.html.tostring(root, encoding="unicode", doctype="<!DOCTYPE html>")


def _document_div(srcdoc: str) -> etree._Element:
    """The frame document's styles and body content, in a ``<div>``."""
    div = lxml.html.Element("div", {"class": "srcdoc"})
    if not srcdoc.strip():
        return div
    try:
        inner = lxml.html.document_fromstring(srcdoc)
    except (etree.ParserError, ValueError):
        return div
    for style in inner.xpath("//head/style"):
        div.append(style)
    body = inner.find("body")
    if body is None:
        return div
    if body.text:
        div.text = body.text
    for child in list(body):
        div.append(child)
    return div
