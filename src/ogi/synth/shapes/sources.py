"""The source page of each labelled report, from which every shape is derived.

A labelled folder holds report files and ``expected/<stem>.json`` beside them (the layout
``score.py`` reads). For each expected file the report file with the same stem is found; then:

* an HTML report is the source as it is, only re-encoded: its bytes are decoded by the
  project's own decoder (UTF-8, a declared charset, GB18030) and written as UTF-8 with a
  ``<meta charset="utf-8">`` in place of the old declaration, so every tool downstream (lxml,
  html2text, Chromium, LibreOffice) reads the same characters;
* any other report (text, PDF, DOCX …) is drawn in the official layout by :mod:`ogi.render`
  from the *expected* values — never from what the parser read — with the report's own
  narrative: the report is parsed once and its section texts (``report.sections``) become the
  paragraphs between the tables, so the prose around the tables is real.

Reports whose expected format is not 2019 or 2021 (the legacy reports have no official
tables to draw) and reports the parser cannot open are skipped with a one-line reason."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from lxml import html as lxml_html

from ...readers.decode import declared_charset, decode

# the official formats the renderer can draw
DRAWABLE_TEMPLATES = ("2019", "2021")
HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")
_CHARSET_META = re.compile(r"""<meta[^>]*(?:charset\s*=|http-equiv\s*=\s*["']?content-type)[^>]*>""", re.IGNORECASE)
_HEAD_OPEN = re.compile(r"<head[^>]*>", re.IGNORECASE)


@dataclass(frozen=True)
class Source:
    """One labelled report: its stem, its page as UTF-8 HTML, the expected JSON (bytes as
    read, carried over unchanged), and how the page was made (``as is`` or ``rendered``)."""

    stem: str
    html: str
    expected: bytes
    origin: str


@dataclass(frozen=True)
class Skipped:
    stem: str
    reason: str


def load_sources(folder: Path) -> tuple[list[Source], list[Skipped]]:
    """Every labelled report of ``folder`` as a :class:`Source`, in stem order."""
    expected_dir = folder / "expected"
    if not expected_dir.is_dir():
        raise FileNotFoundError(f"{folder} has no expected/ folder (a labelled folder holds reports and "
                                f"expected/<stem>.json)")
    files: dict[str, list[Path]] = {}
    for p in sorted(folder.iterdir()):
        if p.is_file():
            files.setdefault(p.stem, []).append(p)
    sources: list[Source] = []
    skipped: list[Skipped] = []
    for exp_path in sorted(expected_dir.glob("*.json")):
        stem = exp_path.stem
        expected = exp_path.read_bytes()
        docs = files.get(stem)
        if not docs:
            skipped.append(Skipped(stem, "no report file beside its expected JSON"))
            continue
        try:
            sources.append(source_of(docs[0], expected))
        except ValueError as exc:
            skipped.append(Skipped(stem, str(exc)))
    return sources, skipped


def source_of(path: Path, expected: bytes) -> Source:
    """The source page of one report file (see the module docstring)."""
    data = path.read_bytes()
    if path.suffix.lower() in HTML_SUFFIXES:
        return Source(path.stem, utf8_page(data), expected, "as is")
    want = json.loads(expected)
    template = (want.get("meta") or {}).get("template")
    if template not in DRAWABLE_TEMPLATES:
        raise ValueError(f"format {template!r} has no official tables to draw")
    return Source(path.stem, rendered_page(path, want), expected, "rendered")


def utf8_page(data: bytes) -> str:
    """An HTML page's text with its charset declaration replaced by UTF-8."""
    text, _ = decode(data, declared_charset(data))
    text = _CHARSET_META.sub("", text)
    head = _HEAD_OPEN.search(text)
    if head:
        return text[:head.end()] + '<meta charset="utf-8">' + text[head.end():]
    return '<meta charset="utf-8">' + text


def rendered_page(path: Path, want: dict) -> str:
    """The official-layout page of the expected values, with the report's own prose."""
    from ...api import parse
    from ...render import render

    try:
        parsed = parse(path)
    except Exception as exc:  # noqa: BLE001 - any reason the parser gives is the skip reason
        raise ValueError(f"the parser cannot open it for its prose: {exc}") from exc
    return render(drawn_report(parsed, want), "html").decode("utf-8")


def drawn_report(parsed, want: dict):
    """The Report to draw in the official layout: the expected values and meta, the parsed
    report's prose (and its title and fuller agency name where they agree)."""
    from ...model import Meta, Report, SectionText

    meta = want.get("meta") or {}
    agency = meta.get("agency") or meta.get("agency_contains")
    if parsed.meta.agency and agency and agency in parsed.meta.agency:
        agency = parsed.meta.agency  # the fuller name the report itself prints
    title = parsed.meta.title if parsed.meta.title and agency and agency in parsed.meta.title else None
    return Report(
        meta=Meta(title=title, agency=agency, year=meta.get("year"), template=meta["template"],
                  published_date=meta.get("published_date"), index_number=meta.get("index_number")),
        table2=want.get("table2") or {}, table3=want.get("table3") or {}, table4=want.get("table4") or {},
        sections={k: SectionText(heading=s.heading, text=s.text) for k, s in parsed.sections.items()},
    )


def page_tree(page: str):
    """The page parsed by lxml (a fresh tree each call, safe to edit)."""
    return lxml_html.document_fromstring(page)
