"""Generate a scored corpus: N synthetic reports, each written in one format with one
mangling, ``expected/<stem>.json`` beside each (the format of the seed corpus), and a
``manifest.csv``. Deterministic for a given seed."""

from __future__ import annotations

import csv
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..template import FORMATS
from . import errors
from .flatten import glued_reading
from .report import TABLES, Synthetic, derive, synthesize
from .transform import group_carries_first, lost_label
from .wild import KINDS as WILD_KINDS
from .wild2 import KINDS as WILD2_KINDS
from .wild3 import KINDS as WILD3_KINDS
from .wild4 import KINDS as WILD4_KINDS
from .wild5 import KINDS as WILD5_KINDS
from .wild6 import KINDS as WILD6_KINDS
from .wild7 import KINDS as WILD7_KINDS
from .wild8 import KINDS as WILD8_KINDS
from .writers import docx_page, html_page, pdf_page, scanned, text_page, variant_page

MANGLINGS = {
    "txt": ("rows", "cells", "paragraphs", "lost_label", "group_first", "one_line", "glued", "variants",
            "split_headers", "gbk", "noise"),
    "html": ("html", "html_noise", "html_gbk", "html_variants"),
    "pdf": ("pdf", "pdf_split", "pdf_unruled"),
    "docx": ("docx", "docx_variants"),
    "scan": ("scan_150dpi",),  # a ruled PDF printed and scanned: pages as images, no text layer
    # deviations the template's variants do not list (synth/wild.py), as text and as HTML
    "wild": tuple(WILD_KINDS),
    "wild_html": tuple(WILD_KINDS),
    # county and township reports, the page around the tables (synth/wild2.py)
    "wild2": tuple(WILD2_KINDS),
    "wild2_html": tuple(WILD2_KINDS),
    # the page as agencies' documents and content systems lay it out (synth/wild3.py): HTML only
    "wild3_html": tuple(WILD3_KINDS),
    # the shapes agencies give their tables that no earlier set draws (synth/wild4.py): HTML only
    "wild4_html": tuple(WILD4_KINDS),
    # how agencies' pages carry the official tables, drawn by no earlier set (synth/wild5.py): HTML only
    "wild5_html": tuple(WILD5_KINDS),
    # how agencies' sites serve a report, drawn by no earlier set (synth/wild6.py): HTML only
    "wild6_html": tuple(WILD6_KINDS),
    # what agencies' reports print that no earlier set draws (synth/wild7.py): HTML only
    "wild7_html": tuple(WILD7_KINDS),
    # what agencies' pages print that no earlier set draws (synth/wild8.py): HTML only
    "wild8_html": tuple(WILD8_KINDS),
}
SUFFIX = {"scan": "pdf", "wild": "txt", "wild_html": "html", "wild2": "txt", "wild2_html": "html", "wild3_html": "html", "wild4_html": "html", "wild5_html": "html", "wild6_html": "html", "wild7_html": "html", "wild8_html": "html"}  # a scan is a PDF of page images
WILD_FLATTENINGS = ("rows", "cells", "paragraphs")  # the text writers a wild report is written by
FORMATS_ALL = ("txt", "html", "pdf", "docx")  # "scan" on request: OCR is slow
ERROR_SHARE = 0.25
NO_ARITHMETIC_ERRORS = {"glued"}
WILD_FORMATS = ("wild", "wild_html", "wild2", "wild2_html", "wild3_html", "wild4_html", "wild5_html", "wild6_html", "wild7_html", "wild8_html")  # no deliberate error: a nulled zero would hide the rule it breaks  # a wrong sum would make the split itself wrong


@dataclass
class Written:
    stem: str
    format: str
    mangling: str
    error: str
    data: bytes
    expected: dict


def _expected(s: Synthetic, values: dict, extra_must: set[str], mangling: str, agency: str | None = None) -> dict:
    """``agency``: what the page prints for the agency where it is not ``s.profile.short``
    (wild6's traditional page)."""
    must = set(s.findings_must) | extra_must
    return {
        "meta": {"agency_contains": agency or s.profile.short, "year": s.profile.year, "template": s.template,
                 "published_date": s.profile.published.isoformat(), "index_number": s.profile.index_number},
        **values,
        "notes": f"synthetic: mangling {mangling}; error {s.error or 'none'}" + (f" at {s.error_at}" if s.error else ""),
        "findings_must": sorted(must),
        "findings_must_not": sorted(set(errors.HARD_RULES) - must),
    }


def write_one(rng: random.Random, fmt: str, mangling: str, error: str) -> tuple[bytes, dict]:
    """One report in ``fmt`` with ``mangling``: the file's bytes and its expected JSON."""
    if fmt in ("wild2", "wild2_html"):
        return _write_wild2(rng, fmt, mangling)
    if fmt == "wild3_html":
        from .wild3 import make

        w = make(rng, mangling)
        named = mangling if w.kinds == (mangling,) else f"{mangling} ({', '.join(w.kinds)})"
        return w.html, _expected(w.synthetic, w.expected, set(), named)
    if fmt == "wild4_html":
        from .wild4 import make as make4

        w4 = make4(rng, mangling)
        named = mangling if w4.kinds == (mangling,) else f"{mangling} ({', '.join(w4.kinds)})"
        return w4.html, _expected(w4.synthetic, w4.expected, set(), named)
    if fmt == "wild5_html":
        from .wild5 import make as make5

        w5 = make5(rng, mangling)
        named = mangling if w5.kinds == (mangling,) else f"{mangling} ({', '.join(w5.kinds)})"
        return w5.html, _expected(w5.synthetic, w5.expected, set(), named)
    if fmt == "wild6_html":
        from .wild6 import make as make6

        w6 = make6(rng, mangling)
        named = mangling if w6.kinds == (mangling,) else f"{mangling} ({', '.join(w6.kinds)})"
        return w6.html, _expected(w6.synthetic, w6.expected, set(), named, w6.agency)
    if fmt == "wild7_html":
        from .wild7 import make as make7

        w7 = make7(rng, mangling)
        named = mangling if w7.kinds == (mangling,) else f"{mangling} ({', '.join(w7.kinds)})"
        return w7.html, _expected(w7.synthetic, w7.expected, set(), named)
    if fmt == "wild8_html":
        from .wild8 import make as make8

        w8 = make8(rng, mangling)
        named = mangling if w8.kinds == (mangling,) else f"{mangling} ({', '.join(w8.kinds)})"
        return w8.html, _expected(w8.synthetic, w8.expected, set(), named)
    return write_synthetic(rng, synthesize(rng, error), fmt, mangling)


def write_synthetic(rng: random.Random, s: Synthetic, fmt: str, mangling: str) -> tuple[bytes, dict]:
    """A synthetic report written in ``fmt`` with ``mangling``: the file's bytes and its expected JSON."""
    if fmt in ("wild", "wild_html"):
        return _write_wild(rng, s, fmt, mangling)
    page = s.page()
    values = s.expected_values()
    must: set[str] = set()
    p = s.profile
    if fmt == "txt":
        flattening = {"cells": "cells", "paragraphs": "paragraphs", "one_line": "one_line",
                      "glued": "glued"}.get(mangling, "rows")
        if mangling in ("variants", "split_headers"):
            page = variant_page(rng, page, s.template, mangling == "variants", mangling == "split_headers")
        t3 = page.parts[2].table
        assert t3 is not None  # section 三 of a synthetic page always holds table 三
        if mangling == "group_first":
            page.parts[2].table = group_carries_first(rng, t3)
        elif mangling == "lost_label":
            page.parts[2].table, _ = lost_label(rng, t3)
            must.add("ROW_LABEL_MISSING")
        elif mangling == "glued":
            for key in TABLES:
                values[key], ambiguous = glued_reading(FORMATS[s.template].table(key), s.printed[key], values[key])
                if ambiguous:
                    must.add("CELL_AMBIGUOUS")
            derive(s.template, values["table3"])
        text = text_page(rng, page, p, flattening, noise=mangling == "noise")
        data = text.encode("gbk" if mangling == "gbk" else "utf-8")
    elif fmt == "html":
        if mangling == "html_variants":
            page = variant_page(rng, page, s.template, True, True)
        data = html_page(rng, page, p, noise=mangling in ("html_noise", "html_gbk"),
                         encoding="gbk" if mangling == "html_gbk" else "utf-8")
    elif fmt == "pdf":
        split_at = rng.randint(6, 20) if mangling == "pdf_split" else None
        data = pdf_page(page, ruled=mangling != "pdf_unruled", split_at=split_at)
    elif fmt == "scan":
        data = scanned(pdf_page(page), dpi=150)
    else:
        if mangling == "docx_variants":
            page = variant_page(rng, page, s.template, True, False)
        data = docx_page(page)
    return data, _expected(s, values, must, mangling)


def _write_wild(rng: random.Random, s: Synthetic, fmt: str, kind: str) -> tuple[bytes, dict]:
    """A report with the deviation ``kind`` (:mod:`.wild`): as text in one of the seed
    flattenings, or as HTML."""
    from .wild import apply

    page, values = apply(rng, kind, s)
    if fmt == "wild_html":
        data = html_page(rng, page, s.profile)
    else:
        data = text_page(rng, page, s.profile, rng.choice(WILD_FLATTENINGS)).encode("utf-8")
    return data, _expected(s, values, set(), kind)


def _write_wild2(rng: random.Random, fmt: str, kind: str) -> tuple[bytes, dict]:
    """A county or township report with the deviation ``kind`` (:mod:`.wild2`), as HTML or as
    text in one of the seed flattenings."""
    from .wild2 import make

    w = make(rng, kind)
    if fmt == "wild2_html":
        data = html_page(rng, w.page, w.synthetic.profile)
    else:
        data = text_page(rng, w.page, w.synthetic.profile, rng.choice(WILD_FLATTENINGS)).encode("utf-8")
    return data, _expected(w.synthetic, w.expected, set(), kind)


def plan(n: int, seed: int, formats: tuple[str, ...]) -> Iterator[tuple[str, str, str, str, random.Random]]:
    """(stem, format, mangling, error, rng) for each of ``n`` reports, cycling formats and
    manglings evenly; each report has its own random stream, so a report does not change
    when N does."""
    combos = [(f, m) for f in formats for m in MANGLINGS[f]]
    for i in range(n):
        rng = random.Random(f"{seed}:{i}")
        fmt, mangling = combos[i % len(combos)]
        error = ""
        if rng.random() < ERROR_SHARE and fmt not in WILD_FORMATS:
            kinds = [k for k in errors.KINDS if mangling not in NO_ARITHMETIC_ERRORS or k == "cell_text"]
            error = rng.choice(kinds)
        yield f"{i:05d}_{fmt}_{mangling}", fmt, mangling, error, rng


def generate(n: int, out: Path, seed: int = 0, formats: tuple[str, ...] = FORMATS_ALL,
             panel: bool = False) -> list[Written]:
    """Write ``n`` reports under ``out`` with ``expected/`` and ``manifest.csv``. With ``panel``,
    the reports are agencies' series across years (:mod:`ogi.synth.panel`), and ``panel.csv``
    says whose each report is."""
    unknown = [f for f in formats if f not in MANGLINGS]
    if unknown:
        raise ValueError(f"unknown format(s) {', '.join(unknown)}; choose from {', '.join(MANGLINGS)}")
    (out / "expected").mkdir(parents=True, exist_ok=True)
    written = []
    with open(out / "manifest.csv", "w", newline="", encoding="utf-8") as fh:
        manifest = csv.writer(fh)
        manifest.writerow(["stem", "format", "mangling", "error"])
        for stem, fmt, mangling, error, data, expected in (_panel_reports(n, seed, formats, out) if panel
                                                            else _single_reports(n, seed, formats)):
            (out / f"{stem}.{SUFFIX.get(fmt, fmt)}").write_bytes(data)
            (out / "expected" / f"{stem}.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1),
                                                           encoding="utf-8")
            manifest.writerow([stem, fmt, mangling, error])
            written.append(Written(stem, fmt, mangling, error, data, expected))
    return written


def _single_reports(n: int, seed: int, formats: tuple[str, ...]):
    for stem, fmt, mangling, error, rng in plan(n, seed, formats):
        data, expected = write_one(rng, fmt, mangling, error)
        yield stem, fmt, mangling, error, data, expected


PANEL_COLUMNS = ("stem", "agency", "year", "government", "former_name", "organisation_code")


def _panel_reports(n: int, seed: int, formats: tuple[str, ...], out: Path):
    """The panel's reports, formats and manglings cycled as :func:`plan` does."""
    from .panel import panel

    combos = [(f, m) for f in formats for m in MANGLINGS[f]]
    with open(out / "panel.csv", "w", newline="", encoding="utf-8") as fh:
        listing = csv.writer(fh)
        listing.writerow(PANEL_COLUMNS)
        for i, item in enumerate(panel(random.Random(f"panel:{seed}"), n)):
            fmt, mangling = combos[i % len(combos)]
            stem = f"{i:05d}_{fmt}_{mangling}"
            s = item.synthetic
            data, expected = write_synthetic(random.Random(f"{seed}:{i}"), s, fmt, mangling)
            listing.writerow([stem, s.profile.agency, s.profile.year, item.agency.government or "",
                              item.agency.former if item.agency.former and s.profile.agency == item.agency.former
                              else "", item.agency.code])
            yield stem, fmt, mangling, "", data, expected
