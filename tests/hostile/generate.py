"""A hostile-input corpus, made deterministically: real reports mutated, and hand-made
inputs of every class known to have crashed, stalled or exhausted a parser.

    python tests/hostile/generate.py OUT_DIR [--count N]

writes the inputs into OUT_DIR (nothing is committed but this generator) and a
``manifest.tsv`` of ``class<TAB>file name`` lines; :func:`generate` does the same from
Python and returns the :class:`Case` list. The same seed gives byte-identical files.

Mutations (of ``samples/`` and, when present, the real reports in ``../shared/corpus``):
byte flips, truncation, splices of two files, zeroed ranges, duplicated tables, two
reports in one file. Hand-made classes: zip bombs in DOCX/XLSX/ODT (one huge part; many
parts), XLSX merged ranges and cells in the millions, PDF content and object streams that
inflate to megabytes (Flate, RunLength chains, forms drawn many times), PDFs with
thousands of pages or a 14,400-pt page, encrypted and corrupt PDFs, image bombs, HTML
spans in the millions and as digit strings, deep nesting (elements, layout tables, Word
content controls), a 50 MB text, numbers of 401 and 5,000 digits, DOCX without a body,
empty, binary, not-a-report, odd file names (latin-1 bytes, a TAB, rich markup ``[/i]``)
and special files (a FIFO, a symlink loop, a character device).
"""

from __future__ import annotations

import argparse
import io
import os
import random
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
CORPUS = Path(os.environ.get("OGI_CORPUS", ROOT.parent / "shared" / "corpus"))
SEED = 12
MB = 1 << 20
TITLE = "政府信息公开工作年度报告"


@dataclass(frozen=True)
class Case:
    cls: str  # the class of input, e.g. "pdf_flate_bomb"
    path: Path


def sources() -> list[Path]:
    """The real reports mutations start from, in a fixed order."""
    found = sorted(p for p in SAMPLES.iterdir() if p.is_file() and p.suffix in (".txt", ".html", ".pdf", ".docx"))
    for sub in ("seeds", "peer"):
        d = CORPUS / sub
        if d.is_dir():
            found += sorted(p for p in d.iterdir() if p.suffix in (".txt", ".html", ".pdf"))
    return found


# ------------------------------------------------------------------ mutations

def flip(data: bytes, rnd: random.Random) -> bytes:
    b = bytearray(data)
    for _ in range(rnd.randint(1, 64)):
        i = rnd.randrange(len(b))
        b[i] ^= 1 << rnd.randrange(8)
    return bytes(b)


def truncate(data: bytes, rnd: random.Random) -> bytes:
    return data[:rnd.randrange(1, max(2, len(data)))]


def zero_range(data: bytes, rnd: random.Random) -> bytes:
    i = rnd.randrange(len(data))
    n = rnd.randint(1, max(1, len(data) // 8))
    return data[:i] + b"\0" * n + data[i + n:]


def splice(data: bytes, other: bytes, rnd: random.Random) -> bytes:
    return data[:rnd.randrange(len(data))] + other[rnd.randrange(len(other)):]


def duplicate_table(data: bytes, rnd: random.Random) -> bytes:
    """Text: the lines of a table printed twice; HTML: a <table> twice; else a block."""
    if b"<table" in data.lower():
        low = data.lower()
        start = low.find(b"<table")
        end = low.find(b"</table>", start)
        if end > 0:
            return data[:end + 8] + data[start:end + 8] + data[end + 8:]
    lines = data.split(b"\n")
    rows = [i for i, ln in enumerate(lines) if b"|" in ln]
    if rows:
        a = rnd.choice(rows)
        b = min(len(lines), a + rnd.randint(1, 30))
        return b"\n".join(lines[:b] + lines[a:b] + lines[b:])
    i = rnd.randrange(len(data))
    return data[:i] + data[i:i + 4096] + data[i:]


MUTATIONS = {"mut_flip": flip, "mut_truncate": truncate, "mut_zero": zero_range, "mut_dup_table": duplicate_table}


# ------------------------------------------------------------------ builders: zip packages

def _zip(parts: dict[str, bytes], compress: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compress, compresslevel=1) as z:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))  # a fixed time: the same bytes every run
            info.compress_type = compress
            z.writestr(info, data, compresslevel=1)
    return buf.getvalue()


_CT = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
       b'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
       b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override '
       b'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
       b'wordprocessingml.document.main+xml"/></Types>')
_RELS = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
         b'2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
         b'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
_W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_package(body: bytes, extra: dict[str, bytes] | None = None, document: bytes | None = None) -> bytes:
    doc = document if document is not None else b'<?xml version="1.0"?><w:document ' + _W + b"><w:body>" + body + \
        b"</w:body></w:document>"
    return _zip({"[Content_Types].xml": _CT, "_rels/.rels": _RELS, "word/document.xml": doc, **(extra or {})})


def w_par(text: str) -> bytes:
    return b"<w:p><w:r><w:t>" + text.encode() + b"</w:t></w:r></w:p>"


def w_table(rows: list[list[str]], grid_span: str | None = None) -> bytes:
    out = b"<w:tbl>"
    for row in rows:
        out += b"<w:tr>"
        for i, text in enumerate(row):
            pr = b'<w:tcPr><w:gridSpan w:val="' + grid_span.encode() + b'"/></w:tcPr>' if grid_span and i == 0 else b""
            out += b"<w:tc>" + pr + w_par(text) + b"</w:tc>"
        out += b"</w:tr>"
    return out + b"</w:tbl>"


_XLSX_CT = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            b'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override '
            b'PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
            b'sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
            b'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
_XLSX_RELS = (b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
              b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
              b'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
_XLSX_WB = (b'<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet '
            b'name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
_XLSX_WB_RELS = (b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                 b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
                 b'2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')


def xlsx_package(sheet_data: bytes, merges: list[str] = (), extra: dict[str, bytes] | None = None) -> bytes:
    merge = b""
    if merges:
        merge = b'<mergeCells count="%d">' % len(merges) + b"".join(
            b'<mergeCell ref="' + m.encode() + b'"/>' for m in merges) + b"</mergeCells>"
    sheet = (b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             b"<sheetData>" + sheet_data + b"</sheetData>" + merge + b"</worksheet>")
    return _zip({"[Content_Types].xml": _XLSX_CT, "_rels/.rels": _XLSX_RELS, "xl/workbook.xml": _XLSX_WB,
                 "xl/_rels/workbook.xml.rels": _XLSX_WB_RELS, "xl/worksheets/sheet1.xml": sheet, **(extra or {})})


def x_cell(ref: str, text: str) -> bytes:
    """A row holding one inline-string cell."""
    row = ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ").encode()
    return (b'<row r="' + row + b'"><c r="' + ref.encode() + b'" t="inlineStr"><is><t>' + text.encode()
            + b"</t></is></c></row>")


# ------------------------------------------------------------------ builders: PDF

def pdf_file(pages: list[bytes], size: tuple[float, float] = (595, 842), compress: bool = True,
             filters: bytes | None = None, encrypt: bool = False, forms: dict[bytes, bytes] | None = None,
             raw_streams: dict[int, bytes] | None = None) -> bytes:
    """A PDF of pages with the given content streams (Helvetica as F1; ``forms`` name →
    content of Form XObjects every page may draw with ``/Name Do``)."""
    objs: list[bytes] = [b"", b""]  # 1 catalog, 2 pages: filled in below
    font = 3
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    form_refs = b""
    for name, content in (forms or {}).items():
        data = zlib.compress(content, 9)
        objs.append(b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Length %d /Filter /FlateDecode >>"
                    b"\nstream\n" % len(data) + data + b"\nendstream")
        form_refs += b"/" + name + b" %d 0 R " % len(objs)
    kids = []
    for content in pages:
        if filters is not None:
            data, flt = content, filters
        elif compress:
            data, flt = zlib.compress(content, 9 if len(content) < MB else 1), b"/Filter /FlateDecode"
        else:
            data, flt = content, b""
        objs.append(b"<< /Length %d %s >>\nstream\n" % (len(data), flt) + data + b"\nendstream")
        contents = len(objs)
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %g %g] /Contents %d 0 R /Resources "
                    b"<< /Font << /F1 %d 0 R >> /XObject << %s >> >> >>" % (size[0], size[1], contents, font, form_refs))
        kids.append(len(objs))
    objs[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objs[1] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % len(kids)
    for number, data in (raw_streams or {}).items():
        objs[number - 1] = data
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    trailer_extra = b""
    if encrypt:
        offsets.append(len(out))
        out += (b"%d 0 obj\n<< /Filter /Standard /V 1 /R 2 /O <" % (len(objs) + 1) + b"11" * 32 + b"> /U <"
                + b"22" * 32 + b"> /P -44 >>\nendobj\n")
        trailer_extra = b" /Encrypt %d 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]" \
            % (len(objs) + 1)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(offsets) + 1, trailer_extra, xref)
    return bytes(out)


def text_ops(lines: list[str]) -> bytes:
    """Content drawing ASCII lines of text down a page."""
    out = b"BT /F1 10 Tf 50 800 Td 12 TL\n"
    for ln in lines:
        out += b"(" + ln.encode("latin-1", "replace").replace(b"(", b"[").replace(b")", b"]") + b") '\n"
    return out + b"ET\n"


def rle_bomb(n: int) -> bytes:
    """RunLength data that repeats one byte n times (each run: 2 bytes → 128)."""
    return bytes([129, 0x20]) * (n // 128) + b"\x80"


def png_header(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 1024)) + chunk(b"IEND", b"")


# ------------------------------------------------------------------ hand-made classes

def _report_text() -> str:
    for p in sources():
        if p.suffix == ".txt":
            return p.read_text(encoding="utf-8")
    return TITLE + "\n"


def handmade(rnd: random.Random) -> Iterator[tuple[str, str, Callable[[], bytes]]]:
    """(class, file name, a maker of the bytes) of every hand-made input; the bytes are
    made only when asked for (some are hundreds of MB), before the next one is yielded."""
    text = _report_text()
    noise = [os_bytes(rnd, 4096 * (i + 1)) for i in range(4)]
    garbage = os_bytes(rnd, 200), os_bytes(rnd, 5000), os_bytes(rnd, 4000)

    # zip bombs
    for mb in (65, 100, 300):
        yield ("docx_zip_bomb", f"bomb_media_{mb}.docx", lambda: docx_package(w_par(TITLE), {"word/media/image1.png": b"\0" * (mb * MB)}))
    for mb in (65, 200):
        yield ("docx_zip_bomb", f"bomb_document_{mb}.docx", lambda: docx_package(w_par(TITLE) + b"<w:p/>" * (mb * MB // 6)))
    yield ("docx_zip_bomb", "bomb_many_parts.docx", lambda: docx_package(w_par(TITLE), {f"word/media/p{i}.bin": b"\0" * (40 * MB) for i in range(8)}))
    for mb in (70, 300):
        yield ("xlsx_zip_bomb", f"bomb_{mb}.xlsx", lambda: xlsx_package(x_cell("A1", TITLE), extra={"xl/media/x.bin": b"\0" * (mb * MB)}))
    yield ("odt_zip_bomb", "bomb.odt", lambda: _zip({"mimetype": b"application/vnd.oasis.opendocument.text",
                                          "content.xml": b"<a>" + b" " * (100 * MB) + b"</a>"}))
    # XLSX cells and merges
    for ref in ("A1:XFD1048576", "A1:A1048576", "A1:XFD1", "B2:ZZ500", "A1:CV1000"):
        yield ("xlsx_merge_bomb", f"merge_{ref.replace(':', '_')}.xlsx", lambda: xlsx_package(x_cell("A1", TITLE), [ref]))
    yield ("xlsx_merge_bomb", "merge_many.xlsx", lambda: xlsx_package(x_cell("A1", TITLE), [f"A{i}:Z{i}" for i in range(1, 20000)]))
    cells = b"".join(b'<row r="%d">' % r + b"".join(b'<c r="%s%d"><v>%d</v></c>' % (c.encode(), r, r) for c in "ABCDEFGHIJ")
                     + b"</row>" for r in range(1, 20001))
    yield ("xlsx_cells_bomb", "cells_200k.xlsx", lambda: xlsx_package(cells))
    yield ("xlsx_cells_bomb", "sparse_corners.xlsx", lambda: xlsx_package(x_cell("A1", TITLE) + x_cell("XFD1048576", "1")))
    yield ("xlsx_huge_number", "number_5000.xlsx", lambda: xlsx_package(b'<row r="1"><c r="A1"><v>' + b"9" * 5000 + b"</v></c></row>"))

    # PDFs
    glyphs = b"BT /F1 10 Tf 100 700 Td (1234567890) Tj ET\n"
    paths = b"100 700 m 200 700 l S\n"
    states = b"q 1 0 0 1 0 0 cm Q\n"
    for name, unit in (("text", glyphs), ("lines", paths), ("q", states)):
        for mb in (2.5, 16, 64):
            yield ("pdf_flate_bomb", f"flate_{name}_{mb}.pdf", lambda: pdf_file([unit * int(mb * MB / len(unit))]))
    yield ("pdf_flate_bomb", "glyphs_1_9mb.pdf", lambda: pdf_file([glyphs * int(1.9 * MB / len(glyphs))]))
    yield ("pdf_flate_bomb", "one_string_1_9mb.pdf", lambda: pdf_file([b"BT /F1 1 Tf 0 0 Td (" + b"x" * int(1.9 * MB) + b") Tj ET"]))
    yield ("pdf_flate_bomb", "rle_chain.pdf", lambda: pdf_file([zlib.compress(rle_bomb(64 * MB), 9)], filters=b"/Filter [/FlateDecode /RunLengthDecode]"))
    yield ("pdf_flate_bomb", "form_drawn_100k.pdf", lambda: pdf_file([b"/Fm1 Do\n" * 100_000], forms={b"Fm1": glyphs * 20}))
    yield ("pdf_flate_bomb", "spaces_256mb.pdf", lambda: pdf_file([b" " * (256 * MB)]))
    yield ("pdf_many_pages", "pages_5000.pdf", lambda: pdf_file([text_ops(["x"])] * 5000))
    yield ("pdf_many_pages", "pages_101.pdf", lambda: pdf_file([text_ops([f"page {i}"]) for i in range(101)]))
    for side in (14_400, 5000, 3000):
        yield ("pdf_giant_page", f"page_{side}pt.pdf", lambda: pdf_file([text_ops([TITLE, "1 2 3"])], size=(side, side)))
    scan = b"q 14400 0 0 14400 0 0 cm /Im1 Do Q"
    yield ("pdf_giant_page", "scan_14400pt.pdf", lambda: pdf_file([scan], size=(14_400, 14_400)))
    yield ("pdf_encrypted", "encrypted.pdf", lambda: pdf_file([text_ops([TITLE])], encrypt=True))
    yield ("pdf_corrupt", "xref_garbage.pdf", lambda: pdf_file([text_ops([TITLE])])[:-60] + garbage[0])
    yield ("pdf_corrupt", "no_eof.pdf", lambda: b"%PDF-1.4\n" + garbage[1])
    yield ("pdf_corrupt", "stream_garbage.pdf", lambda: pdf_file([garbage[2]], compress=False,
                                                      filters=b"/Filter /FlateDecode"))
    for digits in (401, 5000):
        yield ("pdf_huge_number", f"number_{digits}.pdf", lambda: pdf_file([text_ops(["2023 annual report", "9" * digits])]))

    # images
    yield ("image_bomb", "png_100k_x_100k.png", lambda: png_header(100_000, 100_000))
    yield ("image_bomb", "png_8000_x_8000.png", lambda: png_header(8000, 8000))

    # HTML
    row = "<tr><td>{}</td><td>1</td></tr>"
    for attr, value in (("colspan", "1000000"), ("rowspan", "1000000"), ("colspan", "9" * 5000),
                        ("rowspan", "9" * 5000), ("colspan", "1001"), ("colspan", "-5"), ("rowspan", "0")):
        yield ("html_spans", f"{attr}_{value[:12]}.html", lambda: f"<html><body><h1>{TITLE}</h1><table><tr><td {attr}='{value}'>a</td><td>b</td></tr>"
            f"{row.format('x') * 3}</table></body></html>".encode())
    grid = "".join("<tr>" + "<td colspan=1000 rowspan=65534>x</td>" * 50 + "</tr>" for _ in range(300))
    yield ("html_spans", "spans_grid.html", lambda: f"<html><body><h1>{TITLE}</h1><table>{grid}</table></body></html>".encode())
    for tag, n in (("div", 100_000), ("span", 100_000), ("font", 20_000), ("b", 3000)):
        yield ("html_deep", f"deep_{tag}_{n}.html", lambda: (f"<html><body><h1>{TITLE}</h1>" + f"<{tag}>" * n + "x" + f"</{tag}>" * n + "</body></html>").encode())
    yield ("html_deep", "deep_tables.html", lambda: (f"<html><body><h1>{TITLE}</h1>" + "<table><tr><td>" * 20_000 + "x"
                                          + "</td></tr></table>" * 20_000 + "</body></html>").encode())
    yield ("html_deep", "deep_style.html", lambda: (f"<html><head><style>.h{{display:none}} div div p{{visibility:hidden}}</style>"
                                         f"</head><body><h1>{TITLE}</h1>" + "<div>" * 50_000 + "<p class=h>x</p>"
                                         + "</div>" * 50_000 + "</body></html>").encode())
    yield ("html_huge_number", "number_5000.html", lambda: f"<html><body><h1>{TITLE}</h1><table><tr><td>收到申请</td><td>{'7' * 5000}</td></tr></table></body></html>".encode())

    # text
    yield ("txt_huge", "fifty_mb.txt", lambda: (text * (50 * MB // len(text.encode()) + 1)).encode()[:50 * MB])
    yield ("txt_huge", "one_line_9mb.txt", lambda: b"1" * (9 * MB))
    yield ("txt_huge_number", "number_401.txt", lambda: (text + "\n| 合计 | " + "9" * 401 + " |\n").encode())
    yield ("txt_huge_number", "number_5000.txt", lambda: (TITLE + "\n一、总体情况\n收到申请" + "7" * 5000 + "件\n").encode())
    yield ("txt_huge_number", "number_4300.txt", lambda: (text + "\n" + "8" * 4300 + "\n").encode())
    yield ("txt_two_reports", "two_reports.txt", lambda: (text + "\n" + text).encode())

    # Word
    yield ("docx_no_body", "no_body.docx", lambda: docx_package(b"", document=b'<?xml version="1.0"?><w:document ' + _W + b"/>"))
    yield ("docx_no_body", "no_document.docx", lambda: _zip({"[Content_Types].xml": _CT, "_rels/.rels": _RELS}))
    yield ("docx_deep", "deep_sdt.docx", lambda: docx_package(b"<w:sdt><w:sdtContent>" * 2000 + w_par(TITLE)
                                                   + b"</w:sdtContent></w:sdt>" * 2000))
    yield ("docx_deep", "deep_tables.docx", lambda: docx_package(b"<w:tbl><w:tr><w:tc>" * 200 + w_par(TITLE)
                                                      + b"</w:tc></w:tr></w:tbl>" * 200))
    for span in ("99999999999999999999", "abc", "-3", "1000000"):
        yield ("docx_bad_span", f"gridspan_{span[:8]}.docx", lambda: docx_package(w_par(TITLE) + w_table([["a", "1"], ["b", "2"]], span)))
    yield ("docx_huge_number", "number_5000.docx", lambda: docx_package(w_par(TITLE) + w_table([["收到申请", "9" * 5000]])))
    yield ("docx_corrupt", "bad_crc.docx", lambda: _corrupt_member(docx_package(w_par(TITLE) * 50)))

    # nothing, noise, not a report
    yield ("empty", "empty.txt", lambda: b"")
    yield ("empty", "blank.html", lambda: b" \n\t\n ")
    for i in range(4):
        yield ("binary", f"random_{i}.bin", lambda: noise[i])
    yield ("binary", "zeros.txt", lambda: b"\0" * 100_000)
    yield ("not_a_report", "weather.txt", lambda: "今天天气很好。我们去公园散步。".encode())
    yield ("not_a_report", "news.html", lambda: "<html><body><p>会议强调要落实责任。</p></body></html>".encode())
    yield ("not_a_report", "random.zip", lambda: _zip({"a.txt": b"hello"}))


def os_bytes(rnd: random.Random, n: int) -> bytes:
    return bytes(rnd.getrandbits(8) for _ in range(n))


def _corrupt_member(data: bytes) -> bytes:
    """Flip a byte inside the compressed data of word/document.xml (its CRC no longer matches)."""
    at = data.find(b"word/document.xml") + len("word/document.xml") + 40
    b = bytearray(data)
    b[at] ^= 0xFF
    return bytes(b)


# "[" ends a folder's name and "i] …" starts the file's, so that the path reads "…[/i] …"
ODD_NAMES = ("latin1_\udce9t\udce9.txt", "tab\tname.txt", "markup [bold]x[/i] [/bold].txt", "newline\nname.txt",
             "space and 中文 名字.txt", "-dash-first.txt")


# ------------------------------------------------------------------ the corpus

def generate(out: Path, count: int = 2000, seed: int = SEED, first_of_each: bool = False) -> list[Case]:
    """Write the hand-made inputs, the special files, then mutations of the real reports
    until there are ``count`` inputs; return them with their classes. ``first_of_each``:
    only the first input of every class (the same bytes as in the whole corpus)."""
    out.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(seed)
    cases: list[Case] = []

    def write(cls: str, name: str, data: bytes) -> None:
        path = out / f"{len(cases):04d}_{name}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        cases.append(Case(cls, path))

    seen: set[str] = set()
    for cls, name, make in handmade(rnd):
        if not (first_of_each and cls in seen):
            write(cls, name, make())
        seen.add(cls)
    text = _report_text().encode()
    for name in ODD_NAMES[:1] if first_of_each else ODD_NAMES:
        write("odd_name", name, text)
    cases += special_files(out, len(cases))
    real = [(p, p.read_bytes()) for p in sources()]
    i = 0
    kinds = list(MUTATIONS) + ["mut_splice"]
    while not seen.issuperset(kinds) if first_of_each else len(cases) < count:
        path, data = real[i % len(real)]
        cls = kinds[(i // len(real)) % len(kinds)]
        i += 1
        if first_of_each and cls in seen:
            continue
        seen.add(cls)
        mrnd = random.Random(seed * 1_000_003 + i)  # each mutation its own stream: a subset gets the same bytes
        if cls == "mut_splice":
            other = real[mrnd.randrange(len(real))][1]
            mutated = splice(data, other, mrnd)
        else:
            mutated = MUTATIONS[cls](data, mrnd)
        write(cls, f"{path.stem}{path.suffix}", mutated)
    with open(out / "manifest.tsv", "w", encoding="utf-8", errors="surrogateescape") as f:
        for case in cases:
            f.write(f"{case.cls}\t{case.path.name!r}\n")
    return cases


def special_files(out: Path, start: int) -> list[Case]:
    """A FIFO, a symlink loop and a character device (a link to /dev/zero)."""
    cases = []
    fifo = out / f"{start:04d}_fifo.txt"
    os.mkfifo(fifo)
    cases.append(Case("special_file", fifo))
    loop = out / f"{start + 1:04d}_loop.txt"
    os.symlink(loop.name, loop)
    cases.append(Case("special_file", loop))
    if os.path.exists("/dev/zero"):
        dev = out / f"{start + 2:04d}_zero.txt"
        os.symlink("/dev/zero", dev)
        cases.append(Case("special_file", dev))
    return cases


def one_of_each(cases: list[Case]) -> list[Case]:
    """The first input of every class."""
    seen: dict[str, Case] = {}
    for case in cases:
        seen.setdefault(case.cls, case)
    return list(seen.values())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=SEED)
    args = ap.parse_args()
    cases = generate(args.out, args.count, args.seed)
    print(f"{len(cases)} inputs in {args.out}")


if __name__ == "__main__":
    main()
