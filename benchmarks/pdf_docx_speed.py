"""Reports per second for PDF and DOCX, beside the floors of the libraries they are read with.

    .venv/bin/python benchmarks/pdf_docx_speed.py [--repeat N] [FILE ...]

Default inputs: the real PDFs of ``shared/corpus/peer``, the samples' PDFs, its blank 2021
form (DOCX) and a filled 2021-format DOCX report made by the test fixtures. Per file and
step the best of three rounds of ``--repeat`` runs is taken, in CPU time of this process
(``time.process_time``: the machine may be shared). Steps:

- ``floor``: what the reader cannot do without. PDF: pypdfium2 opening the file and, per
  page, every character's code and loose box and every painted path's segments (the
  input of the reader, nothing more); DOCX: python-docx opening the file and reading every
  paragraph and cell;
- ``plumber``: (PDF) pdfplumber's chars and edges of every page, the reader's input before
  it read pdfium (``read_pdf(glyphs="pdfplumber")`` takes those);
- ``read``: the project's reader (bytes → Document);
- ``parse``: ``ogi.parse`` (read, extract, checks); ``÷ floor`` is parse over floor.

``--scans N`` measures a scanned PDF instead (the first N pages of the real 洪泽区 2023
report rasterised at 200 dpi, once per run): the floor is pypdfium2 rendering every page at 200 dpi plus one
RapidOCR call per page, one page after the other in this process (the engine loaded
beforehand); ogi's parse is timed with its pages read one after the other
(``OGI_OCR_PROCESSES=1``) and read in parallel by the page pool (one thread and engine per
page, up to the cores: ogi's default; its engines made in a warm-up parse, as a long-lived
process keeps them), in wall-clock seconds and in CPU seconds of this process and its
children, and the two reports' JSON is compared byte for byte.
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


def pdfium_boxes(data: bytes) -> int:
    """Every character's code and loose box and every painted path's segment points."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as c

    doc = pdfium.PdfDocument(data)
    seen = 0
    rect, x, y = c.FS_RECTF(), ctypes.c_float(), ctypes.c_float()
    for page in doc:
        textpage = page.get_textpage()
        for i in range(textpage.count_chars()):
            c.FPDFText_GetUnicode(textpage.raw, i)
            seen += c.FPDFText_GetLooseCharBox(textpage.raw, i, rect)
        for obj in page.get_objects(filter=[c.FPDF_PAGEOBJ_PATH]):
            for j in range(c.FPDFPath_CountSegments(obj.raw)):
                seen += c.FPDFPathSegment_GetPoint(c.FPDFPath_GetPathSegment(obj.raw, j), x, y)
        textpage.close()
        page.close()
    doc.close()
    return seen


def plumber_objects(data: bytes) -> int:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return sum(len(page.chars) + len(page.edges) for page in pdf.pages)


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
    out = [("pdf", p.name, p.read_bytes()) for p in sorted(PEER.glob("*.pdf")) + sorted((ROOT / "samples").glob("*.pdf"))]
    out += [("docx", p.name, p.read_bytes()) for p in sorted((PEER / "templates").glob("*.docx"))]
    from fixtures.docx.build import report_2021

    out.append(("docx", "fixture report_2021.docx", report_2021()))
    return out


def best_seconds(fn, data: bytes, repeat: int, rounds: int = 3) -> float:
    times = []
    for _ in range(rounds):
        started = time.process_time()
        for _ in range(repeat):
            fn(data)
        times.append((time.process_time() - started) / repeat)
    return min(times)


def scan_pdf(pages: int, dpi: int = 200) -> bytes:
    """The first ``pages`` pages of the real 洪泽区 2023 report as an image-only PDF."""
    import pypdfium2 as pdfium

    from fixtures.pdf.build import scanned

    doc = pdfium.PdfDocument((PEER / "huaian_hongze_2023.pdf").read_bytes())
    first = pdfium.PdfDocument.new()
    first.import_pages(doc, list(range(min(pages, len(doc)))))
    buf = io.BytesIO()
    first.save(buf)
    return scanned(buf.getvalue(), dpi=dpi)


def render_and_ocr(data: bytes, dpi: int = 200) -> None:
    import numpy as np
    import pypdfium2 as pdfium

    from ogi.readers.ocr import _engine

    doc = pdfium.PdfDocument(data)
    for i in range(len(doc)):
        _engine()(np.asarray(doc[i].render(scale=dpi / 72).to_pil().convert("RGB")))
    doc.close()


def clocks(fn) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process and its finished children) of ``fn()``."""
    import os

    def cpu() -> float:
        t = os.times()
        return t.user + t.system + t.children_user + t.children_system

    wall, used = time.perf_counter(), cpu()
    fn()
    return time.perf_counter() - wall, cpu() - used


def scans(pages: int) -> None:
    import os

    from ogi.readers.ocr import _engine

    import ogi.readers.pdf as reader

    reader.MAX_SECONDS = reader.OCR_SECONDS_PER_PAGE = 1e9  # timed here, not limited (a loaded machine)
    os.environ.setdefault("OGI_MAX_SECONDS", "3600")
    os.environ.setdefault("OGI_MAX_OCR_SECONDS", "3600")
    data = scan_pdf(pages)
    load = [os.getloadavg()[0]]
    _engine()  # load the models before timing
    os.environ["OGI_OCR_PROCESSES"] = str(min(pages, os.cpu_count() or 1))
    parse(data, name="scan.pdf")  # warm-up: the pool's engines are made once and kept
    reports: dict[str, str] = {}

    def timed(name: str, processes: int) -> tuple[float, float]:
        os.environ["OGI_OCR_PROCESSES"] = str(processes)
        out: list = []
        spent = clocks(lambda: out.append(parse(data, name="scan.pdf")))
        reports[name] = out[0].model_dump_json()
        return spent

    floor = "pypdfium2 render + RapidOCR, page by page (floor)"
    rows = {floor: clocks(lambda: render_and_ocr(data))}
    rows["ogi parse, pages one after the other"] = timed("one", 1)
    pool = min(pages, os.cpu_count() or 1)
    rows[f"ogi parse, pages in parallel (a pool of {pool}, one engine each)"] = timed("pool", pool)
    load.append(os.getloadavg()[0])
    floor_wall, floor_cpu = rows[floor]
    print(f"scanned 洪泽区 2023, first {pages} pages, 200 dpi, {os.cpu_count()} cores, "
          f"load average {min(load):.1f}–{max(load):.1f}\n")
    print("| what | wall s | ÷ floor | CPU s | ÷ floor |")
    print("|---|---:|---:|---:|---:|")
    for name, (wall, used) in rows.items():
        print(f"| {name} | {wall:.1f} | {wall / floor_wall:.2f}× | {used:.1f} | {used / floor_cpu:.2f}× |")
    same = reports["one"] == reports["pool"]
    print(f"\nreport JSON, pool vs one after the other: {'identical' if same else 'DIFFERENT'} "
          f"({len(reports['one'])} bytes)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--scans", type=int, default=0, metavar="PAGES",
                        help="time a scanned PDF of this many pages instead (OCR)")
    args = parser.parse_args()
    if args.scans:
        scans(args.scans)
        return
    steps = {
        "pdf": {"floor": pdfium_boxes, "plumber": plumber_objects, "read": read_pdf,
                "parse": lambda d: parse(d, name="x.pdf")},
        "docx": {"floor": docx_text, "read": read_docx, "parse": lambda d: parse(d, name="x.docx")},
    }
    print("| kind | file | KB | floor ms | pdfplumber chars+edges ms | read ms | parse ms | parse ÷ floor | reports/s |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    totals: dict[str, dict[str, list[float]]] = {}
    for kind, name, data in inputs(args.files):
        ms = {step: 1000 * best_seconds(fn, data, args.repeat) for step, fn in steps[kind].items()}
        for step, value in ms.items():
            totals.setdefault(kind, {}).setdefault(step, []).append(value)
        plumber = f"{ms['plumber']:.1f}" if "plumber" in ms else "—"
        print(f"| {kind} | {name} | {len(data) / 1024:.0f} | {ms['floor']:.1f} | {plumber} | {ms['read']:.1f} | "
              f"{ms['parse']:.1f} | {ms['parse'] / ms['floor']:.1f}× | {1000 / ms['parse']:.1f} |")
    print()
    for kind, steps_ms in totals.items():
        mean = {step: sum(v) / len(v) for step, v in steps_ms.items()}
        print(f"{kind}: parse {mean['parse']:.1f} ms CPU a report (mean), floor {mean['floor']:.1f} ms, "
              f"{mean['parse'] / mean['floor']:.1f}× the floor"
              + (f"; pdfplumber chars+edges alone {mean['plumber']:.1f} ms" if "plumber" in mean else ""))


if __name__ == "__main__":
    main()
