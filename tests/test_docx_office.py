"""DOC, ODT and RTF through LibreOffice (skipped without ``soffice``), and the message
without it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from fixtures.docx import build

from ogi import NotAReport, parse
from ogi.document import Table
from ogi.readers import UnreadableFile, office, read

SOFFICE = shutil.which("soffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: "
                                   "apt-get install libreoffice-writer-nogui")


def _saved_as(kind: str, tmp: Path) -> bytes:
    """The merged-grid DOCX fixture saved by LibreOffice as ``kind``."""
    source = tmp / "grid.docx"
    source.write_bytes(build.merged_grid())
    subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp / 'profile').as_uri()}", "--headless",
                    "--convert-to", kind, "--outdir", str(tmp), str(source)], check=True,
                   capture_output=True, timeout=120)
    return (tmp / f"grid.{kind}").read_bytes()


@needs_soffice
@pytest.mark.parametrize("kind", ["doc", pytest.param("odt", marks=pytest.mark.slow),
                                  pytest.param("rtf", marks=pytest.mark.slow)])
def test_office_formats_read_like_the_docx(kind, tmp_path):
    doc = read(_saved_as(kind, tmp_path), f"report.{kind}")
    assert doc.format == kind
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert [[(c.text, c.rowspan, c.colspan) for c in row] for row in table.rows()] == [
        [("标题行", 1, 3)], [("分组", 2, 1), ("项1", 1, 1), ("11", 1, 1)], [("项2", 1, 1), ("22", 1, 1)]]
    assert [b.text for b in doc.blocks if not isinstance(b, Table)] == ["表前段落", "表后段落"]


def test_without_libreoffice_the_message_names_the_package(monkeypatch):
    monkeypatch.setattr(office.shutil, "which", lambda name: None)
    with pytest.raises(UnreadableFile, match="libreoffice-writer-nogui"):
        office.read_office(b"{\\rtf1 hello}", "x.rtf")


def test_zip_that_is_no_document():
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("readme.txt", "hello")
    with pytest.raises(UnreadableFile, match="neither"):
        read(buf.getvalue(), "x.zip")


@needs_soffice
@pytest.mark.slow
def test_damaged_doc_is_refused():
    with pytest.raises((UnreadableFile, NotAReport)):
        parse(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 8, "x.doc")


