"""Render a Report in the official layout: HTML, DOCX, PDF or Markdown.

``render(report, to)`` returns the bytes of the file; the data should first pass
:func:`ogi.render.validate.report_from_json` (JSON input) or be a parsed Report."""

from __future__ import annotations

from ..model import Report
from .validate import InvalidReport, Problem, report_from_json

FORMATS = ("html", "docx", "pdf", "md")


def render(report: Report, to: str, preface: tuple[str, ...] = (), draft: bool = False) -> bytes:
    """The report as a file of kind ``to`` (one of :data:`FORMATS`); ``draft`` marks every
    page “草稿 · 未通过校验” (a report rendered although the checks found errors)."""
    if to == "html":
        from .html import render_html
        return render_html(report, preface, draft).encode("utf-8")
    if to == "md":
        from .markdown import render_markdown
        return render_markdown(report, preface, draft).encode("utf-8")
    if to == "docx":
        from .docx import render_docx
        return render_docx(report, preface, draft)
    if to == "pdf":
        from .pdf import render_pdf
        return render_pdf(report, preface, draft)
    raise ValueError(f"cannot render to {to!r}; choose one of {', '.join(FORMATS)}")


__all__ = ["FORMATS", "InvalidReport", "Problem", "render", "report_from_json"]
