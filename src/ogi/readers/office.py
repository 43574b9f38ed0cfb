"""Read DOC, WPS, ODT and RTF files: LibreOffice converts them to DOCX in a temporary
folder (``soffice --headless --convert-to docx``), then the DOCX reader reads them.

LibreOffice comes from the Debian package ``libreoffice-writer-nogui`` (or
``libreoffice-writer``); without it these files get a clear error naming the package.
"""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import tempfile
import zipfile
from pathlib import Path

from .. import limits
from ..document import Document
from .docx import read_docx
from .errors import UnreadableFile
from .zipped import check_package

CONVERT_SECONDS = 120  # LibreOffice is stopped after this long
DEBIAN_PACKAGE = "libreoffice-writer-nogui"
_ENCRYPTED_OOXML = "EncryptedPackage".encode("utf-16-le")
_ODF_TEXT = b"application/vnd.oasis.opendocument.text"


def read_office(data: bytes, name: str = "") -> Document:
    kind = office_kind(data, name)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise UnreadableFile(f"reading {kind.upper()} files needs LibreOffice: install the Debian package "
                             f"{DEBIAN_PACKAGE} (apt-get install {DEBIAN_PACKAGE})")
    with tempfile.TemporaryDirectory(prefix="ogi-office-") as tmp:
        source = Path(tmp) / f"input.{'doc' if kind == 'wps' else kind}"  # .wps is also MS Works
        source.write_bytes(data)
        _convert(soffice, source, Path(tmp))
        converted = Path(tmp) / "input.docx"
        if not converted.exists() or converted.stat().st_size == 0:
            raise UnreadableFile(f"LibreOffice could not read this {kind.upper()} file (damaged, encrypted or not a document)")
        doc = read_docx(converted.read_bytes())
    doc.format = kind
    return doc


def office_kind(data: bytes, name: str = "") -> str:
    """doc, wps, odt or rtf, from the content (the name only tells DOC from WPS)."""
    if data.startswith(b"{\\rtf"):
        return "rtf"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        if _ENCRYPTED_OOXML in data[:65536]:
            raise UnreadableFile("the Word file is encrypted (password protected)")
        return "wps" if name.lower().endswith((".wps", ".wpt")) else "doc"
    if data.startswith(b"PK\x03\x04"):
        check_package(data, "ODT")  # LibreOffice inflates it too, without limits
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                mimetype = z.read("mimetype") if "mimetype" in z.namelist() else b""
        except zipfile.BadZipFile as exc:
            raise UnreadableFile("the file is a damaged ZIP archive") from exc
        if mimetype.strip() == _ODF_TEXT:
            return "odt"
        raise UnreadableFile("a ZIP archive that is neither a Word (DOCX) nor an OpenDocument text (ODT) file")
    raise UnreadableFile("not a DOC, WPS, ODT or RTF file")


def _convert(soffice: str, source: Path, outdir: Path) -> None:
    profile = (outdir / "profile").as_uri()  # a private profile: no clash with a running LibreOffice
    cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nologo",
           "--convert-to", "docx", "--outdir", str(outdir), str(source)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                            start_new_session=True)
    left = limits.remaining()
    timeout = CONVERT_SECONDS if left is None else max(0.0, min(CONVERT_SECONDS, left))
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        if timeout < CONVERT_SECONDS:
            limits.check_time("converting with LibreOffice")
        raise UnreadableFile(f"LibreOffice took more than {CONVERT_SECONDS} s to convert the file; stopped") from exc
