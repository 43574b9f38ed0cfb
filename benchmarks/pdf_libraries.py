"""Which PDF library to read reports with: speed and table accuracy on the real PDFs.

For each library the PDFs of a corpus folder (with ``expected/<stem>.json``) are turned
into a Document the library's own way, the same extractor reads it, and the values are
compared cell by cell with the expected ones:

- ``ogi (pdfplumber)``: the project's reader (``ogi.readers.pdf``: pdfplumber glyphs and
  ruling lines, its own grid, paragraphs, headers and footers);
- ``pdfplumber tables``: pdfplumber's ``extract_tables()`` rows as they come, text outside
  them from ``extract_text()``;
- ``PyMuPDF tables``: ``page.find_tables()`` rows, text blocks outside them (AGPL licence);
- ``pypdfium2 text``: the text layer alone (no table finder), one line a paragraph.

    .venv/bin/python benchmarks/pdf_libraries.py [CORPUS_DIR] [--runs 3] [--generated]

``--generated`` adds, in a temporary folder, three harder PDFs made here: the test
fixtures' filled 2021-format DOCX report printed to PDF by LibreOffice (table 三 breaks
across pages inside rows; needs ``soffice``), the same report drawn by reportlab without
any ruling line (group labels wrapped in a narrow column), and the peer corpus's 洪泽区
2023 report rasterised at 150 dpi into an image-only PDF (a scan: no text layer at all).
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ogi.document import Cell, Document, Paragraph, Position, Table
from ogi.extract import extract
from ogi.readers.pdf import read_pdf

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "peer"


def via_ogi(data: bytes) -> Document:
    return read_pdf(data)


def via_pdfplumber_tables(data: bytes) -> Document:
    import pdfplumber

    blocks: list = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for n, page in enumerate(pdf.pages, start=1):
            tables = page.find_tables()
            outside = page
            for t in tables:
                outside = outside.outside_bbox(t.bbox)
            items = [(t.bbox[1], _table(t.extract(), n)) for t in tables]
            items += [(w["top"], Paragraph(w["text"], Position(page=n))) for w in outside.extract_text_lines()]
            blocks += [b for _, b in sorted(items, key=lambda it: it[0])]
    return Document(blocks, "pdf")


def via_pymupdf_tables(data: bytes) -> Document:
    import pymupdf

    blocks: list = []
    with pymupdf.open(stream=data, filetype="pdf") as pdf:
        for n, page in enumerate(pdf, start=1):
            tables = page.find_tables().tables
            boxes = [pymupdf.Rect(t.bbox) for t in tables]
            items = [(t.bbox[1], _table(t.extract(), n)) for t in tables]
            for x0, y0, x1, y1, text, *_ in page.get_text("blocks"):
                if not any(pymupdf.Rect(x0, y0, x1, y1).intersects(b) for b in boxes):
                    items += [(y0, Paragraph(line, Position(page=n))) for line in text.splitlines() if line.strip()]
            blocks += [b for _, b in sorted(items, key=lambda it: it[0])]
    return Document(blocks, "pdf")


def via_pypdfium2_text(data: bytes) -> Document:
    import pypdfium2 as pdfium

    blocks: list = []
    pdf = pdfium.PdfDocument(data)
    for n in range(len(pdf)):
        text = pdf[n].get_textpage().get_text_bounded()
        blocks += [Paragraph(line.strip(), Position(page=n + 1)) for line in text.splitlines() if line.strip()]
    pdf.close()
    return Document(blocks, "pdf")


def _table(rows: list[list[str | None]], page: int) -> Table:
    """Rows as a library returns them (None where a merged cell continues)."""
    cells = [Cell((text or "").replace("\n", ""), r, c, pos=Position(page=page))
             for r, row in enumerate(rows) for c, text in enumerate(row) if text is not None]
    return Table(cells, Position(page=page))


LIBRARIES = {
    "ogi (pdfplumber)": via_ogi,
    "pdfplumber tables": via_pdfplumber_tables,
    "PyMuPDF tables": via_pymupdf_tables,
    "pypdfium2 text": via_pypdfium2_text,
}


def score(doc: Document, expected: dict) -> tuple[int, int]:
    """(right, total) table cells against an expected file."""
    report = extract(doc)
    right = total = 0
    for table in ("table2", "table3", "table4"):
        got = getattr(report, table)
        for row, cols in expected[table].items():
            for col, want in cols.items():
                total += 1
                right += got.get(row, {}).get(col) == want
    return right, total


def generated_corpus(folder: Path, peer: Path) -> Path:
    """The generated PDFs of ``--generated`` with their expected files, in ``folder``."""
    sys.path.insert(0, str(ROOT / "tests"))
    from fixtures.docx.build import report_2021, value
    from fixtures.pdf.build import report_2021 as report_2021_pdf
    from fixtures.pdf.build import scanned

    from ogi.template.formats import FORMATS

    (folder / "expected").mkdir(parents=True)
    expected: dict = {"table2": {}, "table3": {}, "table4": {}}
    for table in ("table2", "table3"):
        for i, row in enumerate(FORMATS["2021"].table(table).rows):
            for k, (row_key, col_key, _) in enumerate(row.cells):
                expected[table].setdefault(row_key, {})[col_key] = value(table, i, k)
    groups = ("review", "litigation_direct", "litigation_after_review")
    results = ("upheld", "corrected", "other", "pending", "total")
    for k, (group, result) in enumerate((g, r) for g in groups for r in results):
        expected["table4"].setdefault(group, {})[result] = value("table4", 0, k)
    source = folder / "libreoffice_report_2021.docx"
    source.write_bytes(report_2021())
    subprocess.run([shutil.which("soffice") or "soffice", f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(source)],
                   check=True, capture_output=True, timeout=180)
    (folder / "unruled_report_2021.pdf").write_bytes(report_2021_pdf(ruled=False))
    for stem in ("libreoffice_report_2021", "unruled_report_2021"):
        (folder / "expected" / f"{stem}.json").write_text(json.dumps(expected))
    (folder / "scan_huaian_hongze_2023.pdf").write_bytes(scanned((peer / "huaian_hongze_2023.pdf").read_bytes()))
    shutil.copy(peer / "expected" / "huaian_hongze_2023.json", folder / "expected" / "scan_huaian_hongze_2023.json")
    return folder


def run(corpus: Path, runs: int) -> None:
    pdfs = [p for p in sorted(corpus.glob("*.pdf")) if (corpus / "expected" / f"{p.stem}.json").exists()]
    print(f"\n{len(pdfs)} PDFs in {corpus}, median of {runs} runs")
    print(f"{'library':20} {'cells right':>14} {'ms/PDF':>8}   per file (right/total, ms)")
    for name, read in LIBRARIES.items():
        right = total = 0
        times, per_file = [], []
        for pdf in pdfs:
            data = pdf.read_bytes()
            expected = json.loads((corpus / "expected" / f"{pdf.stem}.json").read_text())
            runs_s = []
            try:
                for _ in range(runs):
                    started = time.perf_counter()
                    doc = read(data)
                    runs_s.append(time.perf_counter() - started)
                r, t = score(doc, expected)
            except ImportError as exc:
                print(f"{name:20} not installed ({exc.name})")
                break
            except Exception as exc:  # noqa: BLE001 -- a library that fails on a file scores 0 on it
                r, t = 0, sum(len(c) for tb in ("table2", "table3", "table4") for c in expected[tb].values())
                runs_s = runs_s or [float("nan")]
                print(f"  {name} failed on {pdf.name}: {type(exc).__name__}: {exc}")
            ms = statistics.median(runs_s) * 1000
            right, total = right + r, total + t
            times.append(ms)
            per_file.append(f"{pdf.stem} {r}/{t} {ms:.0f}")
        else:
            share = f"{right}/{total} {100 * right / total:.0f}%" if total else "-"
            print(f"{name:20} {share:>14} {statistics.mean(times):8.0f}   " + "; ".join(per_file))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--generated", action="store_true", help="also the two generated PDFs (needs soffice)")
    args = parser.parse_args()
    run(args.corpus, args.runs)
    if args.generated:
        with tempfile.TemporaryDirectory(prefix="ogi-bench-") as tmp:
            run(generated_corpus(Path(tmp), args.corpus), args.runs)


if __name__ == "__main__":
    main()
