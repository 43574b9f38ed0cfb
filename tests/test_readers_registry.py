"""The reader registry: one table of the kinds of file, their suffixes and their readers;
readers know nothing of forms, rendering or JSON (those enter at ``ogi.api``)."""

from __future__ import annotations

import ast
import io
from pathlib import Path

import pytest

from ogi.api import read_document
from ogi.form import fill_form, form_document
from ogi.readers import READERS, SUFFIXES, read, sniff

READERS_DIR = Path(__file__).resolve().parents[1] / "src" / "ogi" / "readers"


def test_suffixes_come_from_the_table():
    assert SUFFIXES == (".txt", ".htm", ".html", ".shtml", ".xhtml", ".pdf", ".doc", ".wps", ".docx", ".rtf", ".odt",
                        ".xlsx", ".png", ".jpg", ".jpeg", ".tif", ".tiff")
    assert list(READERS) == ["txt", "html", "pdf", "doc", "docx", "rtf", "zip", "xlsx", "image"]


def test_every_reader_loads():
    for kind, reader in READERS.items():
        assert callable(reader.load()), kind
    assert READERS["doc"].load() is READERS["zip"].load() is READERS["rtf"].load()


@pytest.mark.parametrize(("head", "kind"), [
    (b"%PDF-1.7\n", "pdf"), (b"\x89PNG\r\n\x1a\n", "image"), (b"\xff\xd8\xff\xe0", "image"),
    (b"II*\x00\x08\x00", "image"), (b"MM\x00*\x00\x08", "image"), (b"{\\rtf1", "rtf"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1", "doc"), (b"<html><body>", "html"), ("二〇二三年".encode(), "txt"),
])
def test_sniff_names_a_kind_the_table_reads(head, kind):
    assert sniff(head + b"\x00" * 16) == kind
    assert kind in READERS


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            found.add("." * node.level + (node.module or ""))
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return found


def test_no_reader_imports_forms_rendering_or_the_api():
    for path in sorted(READERS_DIR.glob("*.py")):
        bad = {m for m in _imports(path) if m.lstrip(".").split(".")[0] in ("form", "render", "api", "ogi")
               and m.startswith("..") or m in ("ogi.form", "ogi.api") or m.startswith("ogi.render")}
        assert bad == set(), path.name


def test_a_form_enters_at_the_api_not_the_readers():
    from ogi.model import Meta, Report, empty_tables

    form = fill_form(Report(meta=Meta(agency="某局", year=2023, template="2021"), **empty_tables("2021")))
    by_api = read_document(form, "form.xlsx")  # the report the form stands for, laid out
    assert by_api == form_document(form)
    assert by_api.meta["title"] == "某局2023年度政府信息公开工作年度报告"
    assert by_api.blocks[0].text == by_api.meta["title"]
    by_reader = read(form, "form.xlsx")  # the workbook as it is: its sheets as tables
    assert by_reader.format == "xlsx" and by_reader.meta == {} and by_reader.text() != by_api.text()


def test_a_workbook_that_is_no_form_goes_to_the_reader():
    from openpyxl import Workbook

    wb = Workbook()
    wb.active["A1"] = "收到申请数"
    wb.active["B1"] = 7
    data = io.BytesIO()
    wb.save(data)
    assert form_document(data.getvalue()) is None
    assert read_document(data.getvalue(), "x.xlsx").text() == "收到申请数 | 7"
