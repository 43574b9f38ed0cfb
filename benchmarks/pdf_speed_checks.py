"""Checks behind the PDF reader's speed steps of issue 14.2 (eighth session), on a list of PDFs
(one path a line):

    .venv/bin/python benchmarks/pdf_speed_checks.py styles LIST
    .venv/bin/python benchmarks/pdf_speed_checks.py prescreen LIST

- ``styles``: does every glyph's text matrix and font size equal those of the first glyph of
  its text object? (``pdf_pdfium._glyphs`` asks them once per object.)
- ``prescreen``: does the prescreen see the same pages, content bytes and object estimates
  through pdfminer's document and through ``pdf_bounds._lazy_document``? Prints the CPU
  seconds of each.
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def styles(paths: list[str]) -> None:
    import pypdfium2 as pdfium
    import pypdfium2.raw as c

    from ogi.readers.pdf_pdfium import _TEXT_OBJECT, _address

    total = objects = differ = 0
    for path in paths:
        doc = pdfium.PdfDocument(Path(path).read_bytes())
        for page in doc:
            textpage = page.get_textpage()
            raw, m, seen = textpage.raw, c.FS_MATRIX(), {}
            for i in range(c.FPDFText_CountChars(raw)):
                obj = _TEXT_OBJECT(_address(raw), i)
                if not obj:
                    continue
                c.FPDFText_GetMatrix(raw, i, m)
                key = (m.a, m.b, m.c, m.d, c.FPDFText_GetFontSize(raw, i))
                total += 1
                differ += obj in seen and seen[obj] != key
                seen.setdefault(obj, key)
            objects += len(seen)
            textpage.close()
            page.close()
        doc.close()
    print(f"{len(paths)} PDFs: {total} glyphs in {objects} text objects; "
          f"glyphs whose matrix or size differ from their object's first: {differ}")


def prescreen(paths: list[str]) -> None:
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    from ogi.readers import pdf_bounds as b

    def seen(make, data: bytes):
        with b.bounded_streams():
            doc = make(PDFParser(io.BytesIO(data)))
            out = []
            for page in PDFPage.create_pages(doc):
                content = b"\n".join(b._data(s) for s in page.contents)
                forms = {k: b._ops(b._data(f)) for k, f in b._forms(page.resources).items()}
                out.append((len(content), b._ops(content), sorted(forms.items())))
            return out

    same = differ = 0
    spent = {"pdfminer": 0.0, "lazy": 0.0}
    for path in paths:
        data = Path(path).read_bytes()
        results = []
        for name, make in (("pdfminer", PDFDocument), ("lazy", b._lazy_document)):
            started = time.process_time()
            try:
                results.append(seen(make, data))
            except Exception as exc:  # noqa: BLE001 - a damaged file: both must fail alike
                results.append(type(exc).__name__)
            spent[name] += time.process_time() - started
        if results[0] == results[1]:
            same += 1
        else:
            differ += 1
            print("DIFFERENT", path)
    print(f"{len(paths)} PDFs: same {same}, different {differ}; CPU s pdfminer {spent['pdfminer']:.2f}, "
          f"lazy {spent['lazy']:.2f}")


if __name__ == "__main__":
    what, listing = sys.argv[1], sys.argv[2]
    files = [line for line in Path(listing).read_text().split("\n") if line.strip()]
    {"styles": styles, "prescreen": prescreen}[what](files)
