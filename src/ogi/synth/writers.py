"""Write a synthetic report as a file: plain text in one of the flattenings, an HTML page
(rowspan/colspan, content-system chrome), a PDF (ruled, unruled, tables split over
pages) or a DOCX. Each writer returns the file's bytes."""

from __future__ import annotations

import random

from lxml import html as lxml_html

from ..render.html import CSS, page_html
from ..render.layout import Page
from .flatten import FLATTENINGS
from .profile import Profile
from .transform import label_variants, split_headers

CRUMBS = ("首页 > 政务公开 > 政府信息公开年报 > 正文", "当前位置:首页 >> 信息公开 >> 年度报告",
          "您现在的位置: 首页 > 政府信息公开 > 政府信息公开年报")
TOOLBAR = ("【字体:大 中 小】 【打印】 【关闭】", "分享到: 微信 微博", "字号:大 中 小 | 打印本页 | 关闭窗口")
PREV_NEXT = ("上一条:{y}年度财政预算执行情况", "下一条:关于公布{y}年度行政事业性收费目录清单的通知",
             "上一篇:没有了", "下一篇:{y}年政务公开工作要点")


def chrome(rng: random.Random, p: Profile) -> tuple[list[str], list[str]]:
    """Lines a content system prints around a report: breadcrumbs and tools before it,
    previous/next links after it."""
    top = [rng.choice(CRUMBS), rng.choice(TOOLBAR)]
    bottom = [x.format(y=p.year) for x in rng.sample(PREV_NEXT, 2)] + ["关闭窗口", "主办单位:" + p.agency]
    return top, bottom


def text_page(rng: random.Random, page: Page, p: Profile, flattening: str, noise: bool = False) -> str:
    """The report as plain text, its tables in ``flattening`` (see :mod:`.flatten`)."""
    flatten = FLATTENINGS[flattening]
    lines: list[str] = []
    top, bottom = chrome(rng, p) if noise else ([], [])
    lines += top
    if rng.random() < 0.5:  # the metadata block as a table (seed 000) or as lines (seed 004)
        (l1, v1), (l2, v2), (l3, v3) = page.meta
        lines += [f"{l1} | {v1} | 主题分类 | |", f"{l2} | {v2} | {l3} | {v3} |"]
    else:
        lines += [f"{label}:{value}" for label, value in page.meta]
    lines += [page.title] * rng.choice((1, 1, 2))
    lines += page.preface
    for part in page.parts:
        lines.append(part.heading)
        lines += part.paragraphs
        if part.table is not None:
            lines += flatten(part.table)
    lines += [p.agency, f"{p.published.year}年{p.published.month}月{p.published.day}日"] + bottom
    return ("\n\n" if flattening == "paragraphs" else "\n").join(lines) + "\n"


def variant_page(rng: random.Random, page: Page, template: str, variants: bool, split: bool) -> Page:
    """The page with label variants and/or header cells broken over lines."""
    for part in page.parts:
        if part.table is not None:
            if variants:
                part.table = label_variants(rng, template, part.table)
            if split:
                part.table = split_headers(rng, part.table)
    return page


def html_page(rng: random.Random, page: Page, p: Profile, noise: bool = False, encoding: str = "utf-8") -> bytes:
    """The report as an HTML page with real rowspan/colspan; optionally inside a content
    system's chrome, and in GBK."""
    text = page_html(page)
    if noise:
        doc = lxml_html.document_fromstring(text)
        body = doc.body
        top, bottom = chrome(rng, p)
        for i, line in enumerate(top):
            el = lxml_html.Element("div", {"class": "crumb"})
            el.text = line
            body.insert(i, el)
        for line in bottom:
            el = lxml_html.Element("div", {"class": "pager"})
            el.text = line
            body.append(el)
        text = lxml_html.tostring(doc, doctype="<!DOCTYPE html>", encoding="unicode")
    if encoding != "utf-8":
        text = text.replace('charset="utf-8"', f'charset="{encoding}"')
    return text.encode(encoding)


def pdf_page(page: Page, ruled: bool = True, split_at: int | None = None) -> bytes:
    """The report as PDF (WeasyPrint); unruled tables, or table 三 forced over two pages."""
    from ..render.pdf import page_pdf

    css = CSS
    if not ruled:
        css += "table.official td { border: none; }\n"
    if split_at:
        css += f'table[data-table="table3"] tr:nth-child({split_at}) {{ break-before: page; }}\n'
    return page_pdf(page, css)


def scanned(pdf: bytes, dpi: int = 150) -> bytes:
    """The PDF as a scanner gives it back: every page an image at ``dpi``, no text layer."""
    import io

    import pypdfium2

    doc = pypdfium2.PdfDocument(pdf)
    try:
        pages = [doc[i].render(scale=dpi / 72).to_pil().convert("L") for i in range(len(doc))]
    finally:
        doc.close()
    out = io.BytesIO()
    pages[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=pages[1:])
    return out.getvalue()


def docx_page(page: Page) -> bytes:
    from ..render.docx import page_docx

    return page_docx(page)
