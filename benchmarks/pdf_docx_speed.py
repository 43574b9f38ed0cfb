"""Reports per second for PDF and DOCX, beside the time to merely extract the text with the
same library.

    .venv/bin/python benchmarks/pdf_docx_speed.py [--repeat N] [FILE ...]

Default inputs: the real PDFs of ``shared/corpus/peer``, its blank 2021 form (DOCX) and a
filled 2021-format DOCX report made by the test fixtures. Per file and step the best of
three rounds of ``--repeat`` runs is taken. Steps:

- ``text only``: the library alone — pdfplumber ``extract_text()`` of every page; python-docx
  opening the file and reading every paragraph and cell;
- ``read``: the project's reader (bytes → Document);
- ``parse``: ``ogi.parse`` (read, extract, checks).
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

from ogi import parse
from ogi.readers.docx import read_docx
from ogi.readers.pdf import read_pdf

PEER = ROOT.parent / "shared" / "corpus" / "peer"


def pdf_text(data: bytes) -> str:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def docx_text(data: bytes) -> str:
    import docx

    d = docx.Document(io.BytesIO(data))
    parts = [p.text for p in d.paragraphs]
    parts += [c.text for t in d.tables for row in t.rows for c in row.cells]
    return "\n".join(parts)


def inputs(paths: list[Path]) -> list[tuple[str, str, bytes]]:
    """(kind, name, bytes) of every input."""
    if paths:
        return [("pdf" if p.read_bytes()[:4] == b"%PDF" else "docx", p.name, p.read_bytes()) for p in paths]
    out = [("pdf", p.name, p.read_bytes()) for p in sorted(PEER.glob("*.pdf"))]
    out += [("docx", p.name, p.read_bytes()) for p in sorted((PEER / "templates").glob("*.docx"))]
    from fixtures.docx.build import report_2021

    out.append(("docx", "fixture report_2021.docx", report_2021()))
    return out


def best_seconds(fn, data: bytes, repeat: int) -> float:
    rounds = []
    for _ in range(3):
        started = time.perf_counter()
        for _ in range(repeat):
            fn(data)
        rounds.append((time.perf_counter() - started) / repeat)
    return min(rounds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    steps = {
        "pdf": {"text only": pdf_text, "read": read_pdf, "parse": lambda d: parse(d, name="x.pdf")},
        "docx": {"text only": docx_text, "read": read_docx, "parse": lambda d: parse(d, name="x.docx")},
    }
    print("| kind | file | KB | text only ms | read ms | parse ms | parse reports/s | parse MB/s |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    totals: dict[str, list[float]] = {}
    for kind, name, data in inputs(args.files):
        ms = {step: 1000 * best_seconds(fn, data, args.repeat) for step, fn in steps[kind].items()}
        totals.setdefault(kind, []).append(ms["parse"])
        totals.setdefault(kind + " text", []).append(ms["text only"])
        print(f"| {kind} | {name} | {len(data) / 1024:.0f} | {ms['text only']:.1f} | {ms['read']:.1f} | "
              f"{ms['parse']:.1f} | {1000 / ms['parse']:.1f} | {len(data) / 1e6 / (ms['parse'] / 1000):.2f} |")
    print()
    for kind in ("pdf", "docx"):
        if kind in totals:
            parse_ms = sum(totals[kind]) / len(totals[kind])
            text_ms = sum(totals[kind + " text"]) / len(totals[kind + " text"])
            print(f"{kind}: {1000 / parse_ms:.1f} reports/s parsed (mean {parse_ms:.0f} ms), "
                  f"text alone {1000 / text_ms:.1f} files/s (mean {text_ms:.0f} ms)")


if __name__ == "__main__":
    main()
