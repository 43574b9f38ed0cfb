"""The limits of a PDF, enforced at the boundaries where the reader meets the file: when
it opens it, while it inflates a stream, and while it lays out a page.

- **Open** (:func:`check_pages`): the page count and every page's area (``pages``,
  ``page_area``) from pypdfium2, which reads both from the page tree without loading any
  page (``FPDF_LoadPage`` parses the whole content, forms expanded: a page drawing one
  form 100,000 times takes it past 1 GB), so an oversized page is refused before
  anything renders or lays it out.
- **Streams** (:func:`bounded_streams`): pdfminer inflates a stream whole
  (``zlib.decompress``), so a 35 KB page can ask for gigabytes. Inside the block, its
  decoders (Flate, LZW, RunLength) are replaced by ones that inflate in chunks of
  :data:`CHUNK` bytes and count what comes out, stopping at ``inflated_bytes`` for the
  streams of one page (its content, the forms it draws, its fonts' maps; the document's
  object streams before the first page) and checking the deadline between chunks.
  The replacement is installed once and is inert outside the block, where no budget is
  set (the budget is a context variable, so threads and other callers are unaffected).
- **Layout** (:class:`BoundedDevice`): the layout device counts the glyphs, paths, images
  and forms the interpreter hands it (``page_objects``) and looks at the deadline every
  :data:`CHECK_EVERY` of them, so a single pathological page stops in time.

Measured (docs/limits.md): the largest page of the real reports inflates to 53 KB and
lays out ~3,000 glyphs; 1 MB of glyph operators takes pdfplumber 14 s and 500 MB.
"""

from __future__ import annotations

import io
import zlib
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from .. import limits

CHUNK = 1 << 16  # bytes inflated at a time
CHECK_EVERY = 512  # layout objects between two looks at the deadline


# ------------------------------------------------------------------ open

def check_pages(doc) -> None:
    """Refuse a pypdfium2 document with too many pages or a page too large."""
    lim = limits.active()
    n = len(doc)
    if n > lim.pages:
        raise limits.exceeded("pages", f"the PDF has {n} pages, more than {lim.pages}")
    for i in range(n):
        width, height = doc.get_page_size(i)  # from the page tree: loading the page would parse its content
        if width * height > lim.page_area:
            raise limits.exceeded("page_area", f"PDF page {i + 1} measures {width:.0f} × {height:.0f} pt, "
                                               f"more than {lim.page_area:,.0f} pt²")


# ------------------------------------------------------------------ streams

@dataclass
class _Budget:
    where: str  # "PDF page 3", or the document's objects before the first page
    used: int = 0

    def add(self, n: int) -> None:
        lim = limits.active()
        self.used += n
        if self.used > lim.inflated_bytes:
            raise limits.exceeded("inflated_bytes", f"{self.where} inflates past {limits.size(lim.inflated_bytes)}")
        limits.check_time(self.where)


_BUDGET: ContextVar[_Budget | None] = ContextVar("ogi_pdf_budget", default=None)


@contextmanager
def bounded_streams():
    """Inflate pdfminer's streams within ``inflated_bytes``; :func:`at_page` starts the
    budget of each page."""
    _install()
    token = _BUDGET.set(_Budget("the PDF's object streams"))
    try:
        yield
    finally:
        _BUDGET.reset(token)


def at_page(number: int) -> None:
    """The streams inflated from now on are page ``number``'s."""
    if _BUDGET.get() is not None:
        _BUDGET.set(_Budget(f"PDF page {number} content"))


def _inflate(d, data: bytes, budget: _Budget) -> bytes:
    """Feed ``data`` to decompressor ``d``, never taking more than CHUNK bytes of output
    at a time, each counted against ``budget``."""
    out = []
    chunk = d.decompress(data, CHUNK)
    while True:
        out.append(chunk)
        budget.add(len(chunk))
        if not d.unconsumed_tail and len(chunk) < CHUNK:
            break
        chunk = d.decompress(d.unconsumed_tail, CHUNK)
        if not chunk and not d.unconsumed_tail:
            break
    return b"".join(out)


class _BoundedDecompressor:
    """``zlib.decompressobj()`` whose ``decompress`` inflates within the budget."""

    def __init__(self, d):
        self._d = d

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        budget = _BUDGET.get()
        if budget is None or max_length:
            return self._d.decompress(data, max_length)
        return _inflate(self._d, data, budget)

    def __getattr__(self, name):
        return getattr(self._d, name)


class _BoundedZlib:
    """The part of the ``zlib`` module pdfminer uses, bounded while a budget is set."""

    error = zlib.error
    MAX_WBITS = zlib.MAX_WBITS

    @staticmethod
    def decompress(data: bytes, *args) -> bytes:
        budget = _BUDGET.get()
        if budget is None or args:
            return zlib.decompress(data, *args)
        d = zlib.decompressobj()
        out = _inflate(d, data, budget)
        if not d.eof:  # what zlib.decompress says of a stream cut short
            raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
        return out

    @staticmethod
    def decompressobj(*args, **kwargs):
        return _BoundedDecompressor(zlib.decompressobj(*args, **kwargs))

    def __getattr__(self, name):
        return getattr(zlib, name)


def _lzwdecode(data: bytes) -> bytes:
    from pdfminer.lzw import LZWDecoder

    budget = _BUDGET.get()
    out = []
    for piece in LZWDecoder(io.BytesIO(data)).run():
        out.append(piece)
        if budget is not None:
            budget.add(len(piece))
    return b"".join(out)


def _rldecode(data: bytes) -> bytes:
    """RunLength (PDF Reference 3.3.4): a length byte 0–127 copies the next 1–128 bytes,
    129–255 repeats the next byte 2–128 times, 128 ends the data."""
    budget = _BUDGET.get()
    out = bytearray()
    counted = 0
    i, n = 0, len(data)
    while i < n:
        length = data[i]
        if length == 128:
            break
        if length < 128:
            out += data[i + 1:i + 2 + length]
            i += 2 + length
        else:
            out += data[i + 1:i + 2] * (257 - length)
            i += 2
        if budget is not None and len(out) - counted >= CHUNK:
            budget.add(len(out) - counted)
            counted = len(out)
    if budget is not None:
        budget.add(len(out) - counted)
    return bytes(out)


_installed = False


def _install() -> None:
    """Put the bounded decoders where pdfminer's stream decoding looks them up."""
    global _installed
    if _installed:
        return
    from pdfminer import pdftypes

    if hasattr(pdftypes, "zlib"):
        # pdfminer's module global, replaced by a duck-typed stand-in for the zlib module
        pdftypes.zlib = _BoundedZlib()  # type: ignore[assignment]
    if hasattr(pdftypes, "lzwdecode"):
        pdftypes.lzwdecode = _lzwdecode
    if hasattr(pdftypes, "rldecode"):
        pdftypes.rldecode = _rldecode
    _installed = True


# ------------------------------------------------------------------ layout

def bounded_layout(page, number: int) -> None:
    """Lay out a pdfplumber page with a device that counts its objects and watches the
    deadline, and leave the result where pdfplumber looks for it (``page._layout``)."""
    from pdfminer.pdfinterp import PDFPageInterpreter
    from pdfplumber.page import PDFPageAggregatorWithMarkedContent
    from pdfplumber.utils.exceptions import PdfminerException

    class BoundedDevice(PDFPageAggregatorWithMarkedContent):
        objects = 0

        def _tick(self) -> None:
            self.objects += 1
            if self.objects > lim.page_objects:
                raise limits.exceeded("page_objects", f"PDF page {number} lays out more than {lim.page_objects} "
                                                      f"glyphs, paths and images")
            if self.objects % CHECK_EVERY == 0:
                limits.check_time(f"PDF page {number}")

        def render_char(self, *args, **kwargs):
            self._tick()
            return super().render_char(*args, **kwargs)

        def render_image(self, *args, **kwargs):
            self._tick()
            return super().render_image(*args, **kwargs)

        def paint_path(self, *args, **kwargs):
            self._tick()
            return super().paint_path(*args, **kwargs)

        def begin_figure(self, *args, **kwargs):
            self._tick()
            return super().begin_figure(*args, **kwargs)

    lim = limits.active()
    at_page(number)
    device = BoundedDevice(page.pdf.rsrcmgr, pageno=page.page_number, laparams=page.pdf.laparams)
    interpreter = PDFPageInterpreter(page.pdf.rsrcmgr, device)
    try:
        interpreter.process_page(page.page_obj)
    except limits.LimitExceeded:
        raise
    except Exception as exc:  # noqa: BLE001 - what pdfplumber's own layout wraps the same way
        raise PdfminerException(exc) from exc
    page._layout = device.get_result()


# ------------------------------------------------------------------ before pdfium

def prescreen(data: bytes) -> None:
    """Before pdfium loads a page (in C, where no limit reaches), inflate each page's
    content streams and the forms it draws within ``inflated_bytes``, and estimate the
    objects it lays out — its own drawing operators, plus each form's drawn as often as
    the page draws it — against ``page_objects``: the two ways a small page asks for
    gigabytes (a Flate bomb; one form drawn 100,000 times). Inflating is zlib's work and
    counting is ``bytes.count``; no content is interpreted, so this costs milliseconds.
    Objects kept in object streams are read one by one (``_lazy_document``)."""
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    lim = limits.active()
    with bounded_streams():
        document = _lazy_document(PDFParser(io.BytesIO(data)))
        for number, page in enumerate(PDFPage.create_pages(document), start=1):
            limits.check_time(f"PDF page {number}")
            at_page(number)
            content = b"\n".join(_data(stream) for stream in page.contents)
            objects = _ops(content)
            for name, form in _forms(page.resources).items():
                objects += content.count(b"/" + name + b" Do") * _ops(_data(form))
            if objects > lim.page_objects:
                raise limits.exceeded("page_objects", f"PDF page {number} lays out more than {lim.page_objects} "
                                                      "glyphs, paths and images")


def _lazy_document(parser):
    """pdfminer's ``PDFDocument`` reading only the objects asked for from an object stream.

    An object stream (PDF 1.5) packs many objects — the catalog, the page tree, every
    font's width arrays — in one compressed stream; pdfminer tokenises the whole stream,
    in Python, the first time any object of it is asked for. The prescreen asks for the
    catalog, the pages, their content streams and their forms: a few objects of hundreds.
    Here the stream's header (``N`` pairs of object number and offset, ``First`` the
    offset of the first object) says where each object starts, and only the object asked
    for is parsed from there. A stream whose header does not read so is parsed whole, as
    pdfminer does."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFStreamParser

    class LazyDocument(PDFDocument):
        def __init__(self, parser) -> None:
            self._lazy_offsets: dict = {}  # object stream id: its data and its objects' offsets
            super().__init__(parser)

        def _getobj_objstm(self, stream, index: int, objid: int) -> object:
            offsets = self._lazy_offsets.get(stream.objid)
            if offsets is None:
                offsets = self._lazy_offsets[stream.objid] = _object_offsets(stream)
            if not offsets or not 0 <= index < len(offsets[1]):
                return super()._getobj_objstm(stream, index, objid)
            data, starts = offsets
            reader = PDFStreamParser(data)
            reader.set_document(self)
            reader.seek(starts[index])
            return reader.nextobject()[1]

    return LazyDocument(parser)


def _object_offsets(stream) -> tuple[bytes, list[int]] | None:
    """An object stream's data and where each of its objects starts in it, or None if its
    header (``N`` pairs of integers before ``First``) does not read so."""
    from pdfminer.pdftypes import resolve1

    try:
        n, first = int(resolve1(stream["N"])), int(resolve1(stream["First"]))
        data = stream.get_data()
        header = data[:first].split()
        if n < 0 or len(header) < 2 * n or first > len(data):
            return None
        return data, [first + int(header[2 * k + 1]) for k in range(n)]
    except (KeyError, TypeError, ValueError):
        return None


_DRAWING_OPS = (b"Tj", b"TJ", b"Do", b" re", b" l\n", b" c\n", b"'", b'"')


def _ops(content: bytes) -> int:
    """About how many glyph runs, paths and drawn objects ``content`` lays out."""
    return sum(content.count(op) for op in _DRAWING_OPS)


def _data(stream) -> bytes:
    from pdfminer.pdftypes import resolve1

    stream = resolve1(stream)
    return stream.get_data() if hasattr(stream, "get_data") else b""


def _forms(resources) -> dict[bytes, object]:
    """The page's form XObjects by name (raw names, as the content draws them)."""
    from pdfminer.pdftypes import resolve1

    xobjects = resolve1((resolve1(resources) or {}).get("XObject")) or {}
    out = {}
    for name, ref in xobjects.items():
        obj = resolve1(ref)
        attrs = getattr(obj, "attrs", {})
        subtype = resolve1(attrs.get("Subtype"))
        if getattr(subtype, "name", subtype) == "Form":
            out[name.encode() if isinstance(name, str) else name] = obj
    return out
