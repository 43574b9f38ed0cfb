"""Each limit of ``ogi.limits`` enforced where the data is read, with its exact message;
the error root; files that are not files; the deadline. The inputs come from the builders
of the hostile corpus (``tests/hostile/generate.py``)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent / "hostile"))
import generate as g  # noqa: E402

from ogi import LimitExceeded, Limits, NotAReport, OgiError, UnreadableFile, limits, parse  # noqa: E402
from ogi.api import read_stream  # noqa: E402
from ogi.cli import app  # noqa: E402
from ogi.errors import BadSetting  # noqa: E402

KB, MB = limits.KB, limits.MB
runner = CliRunner()


def refused(data: bytes, **overrides) -> str:
    with pytest.raises(LimitExceeded) as info:
        parse(data, limits=Limits(**overrides))
    return str(info.value)


# ------------------------------------------------------------------ settings and errors

def test_settings_from_the_environment():
    lim = Limits.from_env({"OGI_MAX_PAGES": "20", "OGI_MAX_FILE_BYTES": "200M", "OGI_MAX_SECONDS": "2.5"}, digits=50)
    assert (lim.pages, lim.file_bytes, lim.seconds, lim.digits) == (20, 200 * MB, 2.5, 50)
    assert Limits.from_env({}) == Limits()
    with pytest.raises(BadSetting, match=r"^OGI_MAX_PAGES='lots' is not a number \(a count, or bytes with K, M or G\)$"):
        Limits.from_env({"OGI_MAX_PAGES": "lots"})
    with pytest.raises(BadSetting, match=r"^OGI_MAX_DEPTH='0' must be greater than 0$"):
        Limits.from_env({"OGI_MAX_DEPTH": "0"})


def test_one_error_root_with_the_old_import_locations():
    from ogi.api import NotAReport as api_nar, UnreadableFile as api_uf
    from ogi.extract import NotAReport as extract_nar
    from ogi.readers import UnreadableFile as readers_uf
    from ogi.readers.errors import UnreadableFile as errors_uf

    assert api_uf is readers_uf is errors_uf is UnreadableFile
    assert api_nar is extract_nar is NotAReport
    assert issubclass(LimitExceeded, UnreadableFile) and issubclass(UnreadableFile, OgiError)
    assert issubclass(NotAReport, OgiError) and issubclass(UnreadableFile, ValueError)
    err = limits.exceeded("pages", "too many")
    assert (str(err), err.setting, err.limit) == ("too many (OGI_MAX_PAGES)", "OGI_MAX_PAGES", 100)


# ------------------------------------------------------------------ bytes, text, numbers

def test_bytes_per_file_and_endless_standard_input():
    assert refused(b"x" * 20, file_bytes=10) == "the file has 20 bytes, more than 10 bytes (OGI_MAX_FILE_BYTES)"

    class Endless(io.RawIOBase):
        def readinto(self, b):
            b[:] = b"y" * len(b)
            return len(b)

    with pytest.raises(LimitExceeded, match=r"^standard input holds more than 1 MB \(OGI_MAX_FILE_BYTES\)$"):
        read_stream(Endless(), Limits(file_bytes=MB))


def test_text_length_is_measured_before_decoding():
    assert refused("年度报告\n".encode() * 1000, text_chars=1000) == \
        "the text file has 12.7 KB, more than 1000 characters can take (OGI_MAX_TEXT_CHARS)"
    assert refused(b"<html><body>" + b"<p>abc</p>" * 600 + b"</body></html>", text_chars=1000) == \
        "the file holds more than 1000 characters of text (OGI_MAX_TEXT_CHARS)"


@pytest.mark.parametrize("digits", [401, 5000])
def test_digits_in_a_number(digits):
    data = (g.TITLE + "\n一、总体情况\n收到申请" + "7" * digits + "件\n").encode()
    assert refused(data) == f"a number has {digits} digits, more than 100 (it starts 777777777777…) (OGI_MAX_DIGITS)"


def test_a_number_within_the_digit_limit_still_parses():
    from ogi.extract.tokens import parse_number

    assert parse_number(None, "9" * 100, None) == (int("9" * 100), None)
    with limits.scope(Limits(digits=3)), pytest.raises(LimitExceeded, match=r"^a number has 4 digits, more than 3 "):
        parse_number(None, "1,234", None)


# ------------------------------------------------------------------ zip packages

def test_docx_part_inflating_past_the_limit():
    data = g.docx_package(g.w_par(g.TITLE), {"word/media/image1.png": b"\0" * (2 * MB)})
    assert len(data) < 10 * KB
    assert refused(data, part_bytes=MB) == "DOCX part word/media/image1.png inflates past 1 MB (OGI_MAX_PART_BYTES)"


def test_docx_parts_inflating_past_the_limit_in_all():
    data = g.docx_package(g.w_par(g.TITLE), {f"word/media/p{i}.bin": b"\0" * (900 * KB) for i in range(3)})
    assert refused(data, part_bytes=MB, unzipped_bytes=2 * MB) == \
        "the DOCX file inflates past 2 MB in all (OGI_MAX_UNZIPPED_BYTES)"


def test_the_default_part_limit_stops_a_4_gb_style_bomb_early():
    data = g.docx_package(g.w_par(g.TITLE), {"word/media/image1.png": b"\0" * (65 * MB)})
    assert refused(data) == "DOCX part word/media/image1.png inflates past 64 MB (OGI_MAX_PART_BYTES)"


def test_corrupt_docx_member_and_docx_without_body():
    with pytest.raises(UnreadableFile, match=r"^the DOCX file is damaged: part word/document.xml cannot be read "
                                             r"\(BadZipFile\)$"):
        parse(g._corrupt_member(g.docx_package(g.w_par(g.TITLE) * 50)))
    no_body = g.docx_package(b"", document=b'<?xml version="1.0"?><w:document ' + g._W + b"/>")
    with pytest.raises(UnreadableFile, match=r"^the Word file has no body \(word/document.xml holds no w:body\)$"):
        parse(no_body)


def test_docx_nonsense_spans_read_as_one_column():
    for span in ("99999999999999999999", "abc", "-3"):
        doc = g.docx_package(g.w_par(g.TITLE) + g.w_table([["a", "1"], ["b", "2"]], span))
        from ogi.readers import read
        table = [b for b in read(doc).blocks if hasattr(b, "cells")][0]
        assert (table.n_rows, table.n_cols) == (2, 2), span


def test_xlsx_merge_of_the_whole_sheet():
    data = g.xlsx_package(g.x_cell("A1", g.TITLE), ["A1:XFD1048576"])
    assert len(data) < 2 * KB
    assert refused(data) == ("XLSX sheet xl/worksheets/sheet1.xml merges A1:XFD1048576, 1048576 cells across "
                             "(at most 1000) (OGI_MAX_SPAN)")
    many = g.xlsx_package(g.x_cell("A1", g.TITLE), [f"A{i}:Z{i}" for i in range(1, 20000)])
    assert refused(many) == ("XLSX sheet xl/worksheets/sheet1.xml merges more than 100000 cells (at A3847:Z3847) "
                             "(OGI_MAX_TABLE_CELLS)")


def test_xlsx_cells_and_a_sparse_sheet():
    cells = b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c><c r="B%d"><v>2</v></c></row>' % (r, r, r) for r in range(1, 101))
    assert refused(g.xlsx_package(cells), table_cells=150) == \
        "XLSX sheet xl/worksheets/sheet1.xml has more than 150 cells (OGI_MAX_TABLE_CELLS)"
    corners = g.xlsx_package(g.x_cell("A1", g.TITLE) + g.x_cell("XFD1048576", "1"))
    assert refused(corners) == "table 1 spans 1048576 rows × 16384 columns, more than 100000 cells (OGI_MAX_TABLE_CELLS)"


# ------------------------------------------------------------------ PDF

def test_pdf_page_content_inflating_to_16_mb():
    unit = b"BT /F1 10 Tf 100 700 Td (1234567890) Tj ET\n"
    data = g.pdf_file([unit * (16 * MB // len(unit))])
    assert len(data) < 100 * KB
    assert refused(data) == "PDF page 1 content inflates past 2 MB (OGI_MAX_INFLATED_BYTES)"


def test_pdf_runlength_chain_and_lowered_limit():
    data = g.pdf_file([__import__("zlib").compress(g.rle_bomb(8 * MB))], filters=b"/Filter [/FlateDecode /RunLengthDecode]")
    assert refused(data) == "PDF page 1 content inflates past 2 MB (OGI_MAX_INFLATED_BYTES)"
    small = g.pdf_file([g.text_ops([g.TITLE] * 3000)])
    assert refused(small, inflated_bytes=16 * KB) == "PDF page 1 content inflates past 16 KB (OGI_MAX_INFLATED_BYTES)"


def test_pdf_objects_on_one_page_counted_through_forms():
    glyphs = b"BT /F1 10 Tf 100 700 Td (1234567890) Tj ET\n"
    data = g.pdf_file([b"/Fm1 Do\n" * 100_000], forms={b"Fm1": glyphs * 20})
    assert refused(data) == "PDF page 1 lays out more than 100000 glyphs, paths and images (OGI_MAX_PAGE_OBJECTS)"


def test_pdf_pages_and_page_area():
    assert refused(g.pdf_file([g.text_ops(["x"])] * 101)) == "the PDF has 101 pages, more than 100 (OGI_MAX_PAGES)"
    giant = g.pdf_file([b"q 14400 0 0 14400 0 0 cm /Im1 Do Q"], size=(14_400, 14_400))
    assert refused(giant) == "PDF page 1 measures 14400 × 14400 pt, more than 5,000,000 pt² (OGI_MAX_PAGE_AREA)"


def test_pdf_deadline_is_looked_at_per_page():
    data = g.pdf_file([g.text_ops(["2023"])] * 3)
    assert refused(data, seconds=1e-6) == "reading took more than 1e-06 s; stopped at PDF page 1 (OGI_MAX_SECONDS)"


def test_encrypted_pdf():
    with pytest.raises(UnreadableFile, match=r"^the PDF is encrypted \(password protected\)$"):
        parse(g.pdf_file([g.text_ops([g.TITLE])], encrypt=True))


# ------------------------------------------------------------------ HTML

def _page(body: str) -> bytes:
    return f"<html><body><h1>{g.TITLE}</h1>{body}</body></html>".encode()


@pytest.mark.parametrize("value, count", [("1000000", "1000000"), ("9" * 5000, "a 5000-digit number of")])
def test_html_colspan_in_the_millions(value, count):
    data = _page(f"<table><tr><td colspan='{value}'>a</td><td>b</td></tr><tr><td>1</td><td>2</td></tr></table>")
    assert refused(data) == f"HTML table cell at line 1 spans {count} columns, more than 1000 (OGI_MAX_SPAN)"


def test_html_spans_covering_too_many_cells():
    grid = "".join("<tr>" + "<td colspan=1000 rowspan=65534>x</td>" * 50 + "</tr>" for _ in range(300))
    assert refused(_page(f"<table>{grid}</table>")) == \
        "HTML table at line 1 covers more than 100000 cells (OGI_MAX_TABLE_CELLS)"


def test_html_nesting_depth():
    assert refused(_page("<div>" * 200 + "x" + "</div>" * 200), depth=100) == \
        "HTML elements nest more than 100 deep (at line 1) (OGI_MAX_DEPTH)"


def test_descendant_style_rule_on_a_deep_tree():
    deep = "<div>" * 3000 + "<p class=h>x</p>" + "</div>" * 3000
    style = "<html><head><style>{}</style></head><body><h1>" + g.TITLE + "</h1>" + deep + "</body></html>"
    assert refused(style.format("div div p{visibility:hidden}").encode()) == \
        "HTML elements nest too deep for the style rule “div div p”: 2098184 ancestor–element pairs (OGI_MAX_DEPTH)"
    report = parse(style.format(".h{display:none}").encode())  # a rule without a combinator is cheap
    assert report.meta.template == "legacy"


def test_nested_layout_tables_read_without_recursion_error():
    report = parse(_page("<table><tr><td>" * 20_000 + "x" + "</td></tr></table>" * 20_000))
    assert report.meta.template == "legacy"
    from ogi.readers.html import _Reader, parse as parse_html

    root = parse_html(_page("<table><tr><td>" * 40 + "x" + "</td></tr></table>" * 40).decode())  # 121 deep
    with limits.scope(Limits(depth=50)), \
            pytest.raises(LimitExceeded, match=r"^HTML tables nest more than 50 deep \(OGI_MAX_DEPTH\)$"):
        _Reader().read(root.find("body"))


# ------------------------------------------------------------------ files that are not files

def test_fifo_device_and_symlink_loop_are_refused(tmp_path):
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    with pytest.raises(UnreadableFile, match=r"^not a regular file \(a FIFO\); only files are read$"):
        parse(fifo)
    with pytest.raises(UnreadableFile, match=r"^not a regular file \(a character device\); only files are read$"):
        parse("/dev/zero")
    loop = tmp_path / "loop.txt"
    loop.symlink_to("loop.txt")
    with pytest.raises(UnreadableFile, match=r"^cannot read the file: too many levels of symbolic links$"):
        parse(loop)
    with pytest.raises(FileNotFoundError):
        parse(tmp_path / "missing.txt")


# ------------------------------------------------------------------ the deadline

_WATCHDOG_RUN = """
import sys
from ogi import LimitExceeded, Limits, limits
limits.GRACE = 0.0
try:
    with limits.scope(Limits(seconds=0.2)):
        while True:
            sum(range(100))
except LimitExceeded as exc:
    print(exc)
with limits.scope(Limits(seconds=0.2)):  # finished in time: nothing is raised after the scope
    pass
import time; time.sleep(0.3)
print("after")
"""


def test_watchdog_stops_code_that_never_looks_at_the_deadline():
    """In a fresh interpreter with no tracer: under coverage's tracer the watchdog's
    asynchronous exception can stall in the tracer's call hook and the loop never ends."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("COVERAGE_")}
    done = subprocess.run([sys.executable, "-c", _WATCHDOG_RUN], capture_output=True, text=True, env=env,
                          timeout=120, check=False)
    assert (done.returncode, done.stdout, done.stderr) == (
        0, "reading took more than 0.2 s; stopped (OGI_MAX_SECONDS)\nafter\n", "")


def test_deadline_extended_for_ocr_pages():
    with limits.scope(Limits(seconds=1e-6)):
        limits.extend_deadline(60)
        limits.check_time("PDF page 1 (OCR)")


# ------------------------------------------------------------------ the command line

SEED_TEXT = (Path(__file__).resolve().parents[1] / "samples" / "txt_rows.txt").read_bytes()


def test_cli_odd_names_print_valid_utf8_json_and_one_line_errors(tmp_path):
    latin1 = os.fsdecode(str(tmp_path).encode() + b"/r\xe9port.txt")
    with open(os.fsencode(latin1), "wb") as f:
        f.write(SEED_TEXT)
    markup = tmp_path / "a[" / "i] x.txt"
    markup.parent.mkdir()
    markup.write_bytes(SEED_TEXT)
    result = runner.invoke(app, ["parse", latin1])
    assert result.exit_code == 0
    data = json.loads(result.stdout_bytes.decode("utf-8"))
    assert data["source"]["path"].endswith("/r\ufffdport.txt")
    assert runner.invoke(app, ["parse", str(markup), "--format", "table"]).exit_code == 0
    bad = tmp_path / "new\nline.txt"
    bad.write_bytes(b"")
    result = runner.invoke(app, ["parse", str(bad)])
    assert result.stderr == f"ogi: {tmp_path}/new\\nline.txt: the file is empty\n"


def test_cli_refuses_a_fifo_and_endless_stdin(tmp_path, monkeypatch):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    result = runner.invoke(app, ["parse", str(fifo)])
    assert (result.exit_code, result.stderr) == (1, f"ogi: {fifo}: not a regular file (a FIFO); only files are read\n")
    monkeypatch.setenv("OGI_MAX_FILE_BYTES", "64K")
    result = runner.invoke(app, ["parse", "-"], input=b"y\n" * 100_000)
    assert (result.exit_code, result.stderr) == (1, "ogi: -: standard input holds more than 64 KB (OGI_MAX_FILE_BYTES)\n")


def test_cli_bad_setting_is_one_line(monkeypatch):
    monkeypatch.setenv("OGI_MAX_PAGES", "many")
    result = runner.invoke(app, ["parse", "-"], input=SEED_TEXT)
    assert result.stderr == "ogi: -: OGI_MAX_PAGES='many' is not a number (a count, or bytes with K, M or G)\n"
