"""The real programs that make the shapes, run in batches.

* **Chromium** (Debian ``chromium``, driven by Playwright): one headless browser for the whole
  batch, one tab reused; for each page it reads ``document.body.innerText`` (what a script or
  a "save as text" gets), the text of a select-all selection (what copy-paste puts on the
  clipboard as text/plain), and prints the page to an A4 PDF. Requests other than ``file:``
  and ``data:`` are refused, so a page with remote scripts or images renders offline and the
  same every time.
* **LibreOffice** (Debian ``libreoffice-writer-nogui``): ``soffice --headless --convert-to``
  with the ``HTML (StarWriter)`` import filter (the page opened as a Writer document, as the
  office suite's own "open web page, save as" does), many files per call, in a private user
  profile so parallel runs do not share a lock.
* **poppler** (Debian ``poppler-utils``): ``pdftotext`` in its default reading-order mode and
  with ``-layout``; ``pdftoppm`` renders the pages of a PDF at 200 dpi in grey, and Pillow
  binds the page images into an image-only PDF (a scan: no text layer).

Each program stamps the time into what it writes (PDF ``/CreationDate``, ``/ID``, ZIP entry
times); :func:`steady_pdf` and :func:`steady_docx` overwrite those stamps with fixed values of
the same length (so PDF cross-reference offsets stay right), which makes the output the same
bytes on every run with the same tool versions."""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import signal
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...errors import OgiError

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
PAGE_LOAD_MS = 30_000  # one report page, local file, no network
PDF_FORMAT = "A4"
PDF_MARGIN = "15mm"

SOFFICE_BATCH = 40  # files per soffice call: one start-up (~1 s) spread over many conversions
SOFFICE_BASE_SECONDS = 60
SOFFICE_PER_FILE_SECONDS = 20
SOFFICE_FILTERS = {"docx": "docx:MS Word 2007 XML", "pdf": "pdf:writer_pdf_Export", "txt": "txt:Text (encoded):UTF8",
                   # the word processor's other formats a page is saved in (fresh19): OpenDocument,
                   # Rich Text and Word 97-2003 — ogi reads them through LibreOffice (readers/office)
                   "odt": "odt:writer8", "rtf": "rtf:Rich Text Format", "doc": "doc:MS Word 97",
                   # the page saved as HTML by the word processor (fresh20)
                   "html": "html:HTML (StarWriter):UTF8"}
HTML_IMPORT_FILTER = "HTML (StarWriter)"
PDF_IMPORT_FILTER = "writer_pdf_import"  # a PDF opened by Writer: every line a text frame

SCAN_DPI = 200
# an office scanner's or a phone's scan: lower resolution, the sheet a little askew, speckle
SCANNER_DPI = 150
SCANNER_SKEW_DEGREES = 0.8
SCANNER_BLUR_PX = 0.6  # the optics' softness (Gaussian radius, pixels)
SCANNER_NOISE = 12  # grey levels of speckle (standard deviation)
SCANNER_SEED = 0  # the speckle is the same on every run
POPPLER_SECONDS = 120  # one report's PDF

FIXED_PDF_DATE = b"D:20000101000000"
FIXED_ZIP_TIME = (2000, 1, 1, 0, 0, 0)
_PDF_DATE = re.compile(rb"D:\d{14}")
_PDF_HEX_ID = re.compile(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]+)(>\s*<)([0-9A-Fa-f]+)(>)")
_PDF_CHECKSUM = re.compile(rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)")
_XMP_TIME = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d")
# DOCX members LibreOffice stamps with the time (document dates, the date of each comment)
_DATED_MEMBERS = ("docProps/core.xml", "word/comments.xml")
# document statistics LibreOffice writes into docProps/app.xml only when its background
# layout has finished before the save: present in one run, absent in the next
_APP_STATISTICS = re.compile(rb"<(Pages|Words|Characters|CharactersWithSpaces|Paragraphs|Lines)>[^<]*</\1>")

DEBIAN = {"chromium": "chromium", "soffice": "libreoffice-writer-nogui", "pdftotext": "poppler-utils",
          "pdftoppm": "poppler-utils"}


class ToolMissing(OgiError, RuntimeError):
    """A program a shape needs is not installed; the message names the Debian package."""


def have(program: str) -> bool:
    if program == "chromium":
        if not CHROMIUM.exists():
            return False
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            return False
        return True
    return shutil.which(program) is not None


def missing_message(program: str) -> str:
    if program == "chromium" and CHROMIUM.exists():
        return "needs Playwright to drive Chromium: pip install 'ogi-reports[shapes]'"
    return f"needs {program}: apt-get install {DEBIAN[program]}"


# --- stamps -------------------------------------------------------------------------------------

def steady_pdf(data: bytes, seed: str) -> bytes:
    """``data`` with its creation dates, file ID and checksum replaced by fixed values of the
    same length (derived from ``seed``), so offsets and the xref table stay valid."""
    digest = hashlib.sha256(seed.encode()).hexdigest().upper().encode()

    def hexfill(s: bytes) -> bytes:
        return (digest * (len(s) // len(digest) + 1))[:len(s)]

    data = _PDF_DATE.sub(FIXED_PDF_DATE, data)
    data = _PDF_HEX_ID.sub(lambda m: m[1] + hexfill(m[2]) + m[3] + hexfill(m[4]) + m[5], data)
    data = _PDF_CHECKSUM.sub(lambda m: m[1] + hexfill(m[2]), data)
    return _XMP_TIME.sub(b"2000-01-01T00:00:00", data)


def steady_docx(data: bytes) -> bytes:
    """The DOCX re-zipped with fixed entry times and dates, without the racy statistics."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename in _DATED_MEMBERS:
                body = _XMP_TIME.sub(b"2000-01-01T00:00:00", body)
            elif info.filename == "docProps/app.xml":
                body = _APP_STATISTICS.sub(b"", body)
            entry = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            dst.writestr(entry, body)
    return buf.getvalue()


# --- Chromium -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class BrowserOutput:
    inner_text: str
    copied_text: str
    pdf: bytes | None


_SELECT_ALL = """() => {
  const sel = window.getSelection();
  sel.removeAllRanges();
  sel.selectAllChildren(document.body);
  const text = sel.toString();
  sel.removeAllRanges();
  return text;
}"""


def browse(pages: dict[str, Path], want_pdf: bool) -> dict[str, BrowserOutput]:
    """Open each page file in one headless Chromium; stem → what the browser gives."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    out: dict[str, BrowserOutput] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.route("**/*", lambda route: route.continue_()
                       if route.request.url.startswith(("file:", "data:")) else route.abort())
            for stem, path in pages.items():
                try:
                    page.goto(path.resolve().as_uri(), wait_until="load", timeout=PAGE_LOAD_MS)
                    inner = page.evaluate("() => document.body.innerText")
                    copied = page.evaluate(_SELECT_ALL)
                    pdf = None
                    if want_pdf:
                        margin: Any = {side: PDF_MARGIN for side in ("top", "bottom", "left", "right")}
                        pdf = steady_pdf(page.pdf(format=PDF_FORMAT, margin=margin), stem)
                except PlaywrightError:
                    continue  # this page is absent from the result; the caller names it
                out[stem] = BrowserOutput(inner, copied, pdf)
        finally:
            browser.close()
    return out


# --- LibreOffice ------------------------------------------------------------------------------------

def office_convert(pages: dict[str, Path], to: str, infilter: str | None = HTML_IMPORT_FILTER) -> dict[str, bytes]:
    """Convert HTML page files with LibreOffice to ``to`` (docx, pdf or txt); stem → bytes.
    A page LibreOffice fails on is absent from the result. ``infilter=None`` lets
    LibreOffice choose the import filter (a DOCX file opened as Word)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise ToolMissing(missing_message("soffice"))
    items = list(pages.items())
    out: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory(prefix="ogi-shapes-office-") as tmp:
        profile = (Path(tmp) / "profile").as_uri()
        for start in range(0, len(items), SOFFICE_BATCH):
            chunk = items[start:start + SOFFICE_BATCH]
            outdir = Path(tmp) / f"out{start}"
            cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nologo",
                   *([f"--infilter={infilter}"] if infilter else []), "--convert-to", SOFFICE_FILTERS[to],
                   "--outdir", str(outdir), *[str(path) for _, path in chunk]]
            _run(cmd, SOFFICE_BASE_SECONDS + SOFFICE_PER_FILE_SECONDS * len(chunk))
            for stem, path in chunk:
                made = outdir / f"{path.stem}.{to}"
                if made.exists() and made.stat().st_size:
                    data = made.read_bytes()
                    out[stem] = steady_pdf(data, stem) if to == "pdf" else steady_docx(data) if to == "docx" else data
    return out


def _run(cmd: list[str], seconds: float) -> None:
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


# --- poppler ---------------------------------------------------------------------------------------

def pdftotext(pdf: bytes, layout: bool) -> str:
    """poppler's text of a PDF: reading order by default, the page's columns with ``layout``."""
    if shutil.which("pdftotext") is None:
        raise ToolMissing(missing_message("pdftotext"))
    cmd = ["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else []), "-", "-"]
    proc = subprocess.run(cmd, input=pdf, capture_output=True, timeout=POPPLER_SECONDS, check=True)
    return proc.stdout.decode("utf-8")


def scan(pdf: bytes, dpi: int = SCAN_DPI) -> bytes:
    """An image-only PDF of the pages of ``pdf`` rendered at ``dpi`` in grey (a scan)."""
    from PIL import Image

    if shutil.which("pdftoppm") is None:
        raise ToolMissing(missing_message("pdftoppm"))
    with tempfile.TemporaryDirectory(prefix="ogi-shapes-scan-") as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(src), str(Path(tmp) / "page")],
                       check=True, timeout=POPPLER_SECONDS, capture_output=True)
        images = [Image.open(p) for p in sorted(Path(tmp).glob("page*.png"))]
        if not images:
            raise ValueError("the PDF has no pages")
        buf = io.BytesIO()
        images[0].save(buf, "PDF", save_all=True, append_images=images[1:], resolution=float(dpi))
        for im in images:
            im.close()
    return steady_pdf(buf.getvalue(), "scan")


def scanner(pdf: bytes, dpi: int = SCANNER_DPI, skew: float = SCANNER_SKEW_DEGREES) -> bytes:
    """An image-only PDF of ``pdf`` as an office scanner or a phone gives it: each page at
    ``dpi`` in grey, turned ``skew`` degrees (white fills the corners), softened and speckled
    with a fixed seed (the same bytes on every run)."""
    import numpy as np
    from PIL import Image, ImageFilter

    if shutil.which("pdftoppm") is None:
        raise ToolMissing(missing_message("pdftoppm"))
    rng = np.random.default_rng(SCANNER_SEED)
    with tempfile.TemporaryDirectory(prefix="ogi-shapes-scanner-") as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(src), str(Path(tmp) / "page")],
                       check=True, timeout=POPPLER_SECONDS, capture_output=True)
        images = []
        for path in sorted(Path(tmp).glob("page*.png")):
            with Image.open(path) as page:
                turned = page.convert("L").rotate(skew, resample=Image.Resampling.BICUBIC, fillcolor=255)
            soft = np.asarray(turned.filter(ImageFilter.GaussianBlur(SCANNER_BLUR_PX)), dtype=np.float32)
            noisy = np.clip(soft + rng.normal(0, SCANNER_NOISE, soft.shape), 0, 255).astype(np.uint8)
            images.append(Image.fromarray(noisy, "L"))
        if not images:
            raise ValueError("the PDF has no pages")
        buf = io.BytesIO()
        images[0].save(buf, "PDF", save_all=True, append_images=images[1:], resolution=float(dpi))
    return steady_pdf(buf.getvalue(), "scan")


def weasyprint_pdf(page: str, stem: str) -> bytes:
    """The page laid out by WeasyPrint, an HTML-to-PDF library (what a site's "download as
    PDF" button or a report system often runs); nothing is fetched but ``data:`` URLs."""
    import weasyprint

    return steady_pdf(weasyprint.HTML(string=page, url_fetcher=_data_only_fetcher()).write_pdf(), stem)


def _data_only_fetcher() -> Any:
    """A WeasyPrint URL fetcher that reads ``data:`` URLs and refuses every other: since
    WeasyPrint 68 a :class:`weasyprint.urls.URLFetcher` limited to that protocol (a plain
    function is no longer accepted); before, a function around ``default_url_fetcher``."""
    from weasyprint import urls

    if hasattr(urls, "URLFetcher"):
        return urls.URLFetcher(allowed_protocols={"data"})

    def offline(url: str, *args: Any, **kwargs: Any) -> dict:
        if url.startswith("data:"):
            return urls.default_url_fetcher(url, *args, **kwargs)
        raise ValueError(f"not fetched: {url[:80]}")

    return offline
