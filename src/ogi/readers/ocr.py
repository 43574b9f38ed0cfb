"""OCR of scanned pages and images, offline: RapidOCR (PP-OCR models on onnxruntime, the
Chinese models ship inside the ``rapidocr`` wheel) reads the words with a confidence each,
and OpenCV finds the ruling lines, so that the words land in the table grid that
``pdf_grid`` builds from those lines, exactly as for a PDF with a text layer. A page
scanned sideways is turned upright first.

Every value read here keeps its confidence (``Cell.confidence``, 0..1): the lowest score
of its glyphs (the recogniser scores each character), not the line's mean. The extractor
copies it into provenance, and ``ogi.checks.confidence`` cross-checks each OCR value with
the format's identities: unsettled ones become null (OCR_UNSETTLED), low ones are flagged
(OCR_LOW_CONFIDENCE).
"""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Callable
from functools import lru_cache

from ..document import Document
from ..errors import MissingReader, UnreadableFile, needs_extra
from .pdf_page import EDGE_MIN_LENGTH, Fragment, PageContent, edge

IMAGE_DPI = 150  # resolution assumed for an image that does not say its own
LINE_SHARE = 40  # a ruling line is at least 1/LINE_SHARE of the image's width (or height)
SIDEWAYS = 1.5  # a text box this many times taller than wide stands upright
UPSIDE_DOWN_SCORE = 0.8  # a page read with a lower mean line score is read upside down too
MIN_SKEW_DEGREES = 0.15  # a page askew by less is read as it lies
MAX_SKEW_DEGREES = 5.0  # ruling lines slanting more are not taken for the page's skew
SKEW_LINE_SHARE = 4  # a line measured for the skew spans at least 1/SKEW_LINE_SHARE of the width
MAX_PIXELS = 40_000_000  # larger images are refused (a page at 600 dpi is 35 million)
# a text of nothing but 一 read below this score (0..1) is a dash ("—", a zero or "not
# applicable" in a value cell); the numeral 一 of a label is read at 0.999 or more, the 90
# dashes read as 一 in the scans of benchmarks/ocr_corpus.py at 0.50–0.976 (150 and 200 dpi)
DASH_READ_AS_ONE = 0.99
STRAY_BAR_SCORE = 0.9  # a "|" read between two Chinese characters below this score (0..1) is a speck
# the engine puts spaces where Chinese print has none ("1. 属于", "（五） 不予处理")
_SPACE_BY_WIDE = re.compile(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])")


def read_image(data: bytes) -> Document:
    """A PNG or JPEG page (a photo or scan of a report) read by OCR."""
    from PIL import Image, UnidentifiedImageError

    require_engine()
    try:
        image = Image.open(io.BytesIO(data))
        if image.width * image.height > MAX_PIXELS:
            raise UnreadableFile(f"the image has {image.width}×{image.height} pixels; at most {MAX_PIXELS} are read")
        image.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise UnreadableFile(f"the image is damaged or of an unknown kind ({type(exc).__name__})") from exc
    dpi = image.info.get("dpi", (IMAGE_DPI, IMAGE_DPI))[0] or IMAGE_DPI
    content = ocr_page(image, 1, points_per_pixel=72 / float(dpi))
    from .pdf_layout import document_blocks, page_layout

    blocks = document_blocks([page_layout(content)])
    if not blocks:
        raise UnreadableFile("no text was recognised in the image")
    return Document(blocks, "image")


def require_engine() -> None:
    """Raise :class:`~ogi.errors.MissingReader` (an UnreadableFile) naming the ``ocr``
    extra when the OCR engine is not installed."""
    with needs_extra("ocr", "读取扫描件和图片(OCR)", "reading scans and images (OCR)", MissingReader):
        import cv2  # noqa: F401
        import onnxruntime  # noqa: F401
        import rapidocr  # noqa: F401


def ocr_page(image, number: int, points_per_pixel: float, engine=None) -> PageContent:
    """One page image as upright content: recognised words and ruling lines, in points.
    ``engine`` is the RapidOCR instance to read with (the process's own if None)."""
    import numpy as np

    rgb, result, turned = _upright(np.asarray(image.convert("RGB")), engine)
    fragments = []
    boxes = result.boxes if result.boxes is not None else []
    for box, text, score, glyphs in zip(boxes, result.txts or (), result.scores or (), _glyph_scores(result, len(boxes))):
        xs, ys = [p[0] for p in box], [p[1] for p in box]
        text, glyphs = without_stray_bars(text, glyphs)
        confidence = min([float(score), *(s for _, s in glyphs)])
        text = fragment_text(text, confidence)
        if text:
            fragments.append(Fragment(text, min(xs) * points_per_pixel, min(ys) * points_per_pixel,
                                      max(xs) * points_per_pixel, max(ys) * points_per_pixel, confidence))
    edges = [edge(*(v * points_per_pixel for v in e)) for e in ruling_lines(rgb)]
    height, width = rgb.shape[:2]
    return PageContent(number, width * points_per_pixel, height * points_per_pixel, fragments,
                       [e for e in edges if max(e["width"], e["height"]) >= EDGE_MIN_LENGTH], turned=turned)


def fragment_text(text: str, confidence: float) -> str:
    """The text of a recognised line as the page printed it: without the spaces the engine
    puts beside Chinese characters, and with a doubtful 一 taken for a dash (``dash_for_one``).
    Applying it again changes nothing (``benchmarks/ocr_corpus.py`` applies it to recorded pages)."""
    return dash_for_one(_SPACE_BY_WIDE.sub("", text).strip(), confidence)


def dash_for_one(text: str, confidence: float) -> str:
    """The text of a fragment, with a doubtful 一 taken for the dash it was printed as.

    A report that prints its zeros (or "not applicable") as ``—`` or ``——`` puts a
    horizontal stroke alone in a value cell, and the recogniser, whose alphabet is mostly
    Chinese, reads it as the numeral 一 — a text no reader takes for a dash, so the row's
    cells no longer line up with the template's and the row is lost. A lone 一 (or a run of
    them) read below :data:`DASH_READ_AS_ONE` is the dash; the numeral, printed in a label
    (``一、``, ``（一）``, a 序号 column), is read at 0.999 or more and stays."""
    if confidence < DASH_READ_AS_ONE and text and set(text) == {"一"}:
        return "—" * len(text)
    return text


def _glyph_scores(result, count: int) -> list[list[tuple[str, float]]]:
    """Each text line's glyphs with their scores (one per character the recogniser
    emitted). A value's confidence is its weakest glyph's, not the line's mean: one doubtful
    7 in ``1788`` is what decides whether the number can be trusted (``ogi.checks.confidence``)."""
    words = getattr(result, "word_results", None) or ()
    if len(words) != count:
        return [[] for _ in range(count)]  # the engine gave no glyph scores: the line's score stands
    return [[(str(glyph), float(score)) for glyph, score, _ in line if score is not None] for line in words]


def without_stray_bars(text: str, glyphs: list[tuple[str, float]]) -> tuple[str, list[tuple[str, float]]]:
    """The line without the ``|`` the recogniser put between two Chinese characters at a
    score below :data:`STRAY_BAR_SCORE` (a speck or a stroke of the neighbouring glyph on a
    soft 150-dpi scan: ``索引|号`` at 0.51, which hid the report's 索引号), and its glyphs
    without it. Chinese print has no bar inside a word; a ruling line is found apart
    (``ruling_lines``), and a bar read with confidence, or beside a digit or a Latin
    letter, stays."""
    if "|" not in text:
        return text, glyphs
    bars = [score for glyph, score in glyphs if glyph == "|"]
    if len(bars) != text.count("|"):
        return text, glyphs  # the glyphs do not spell the text: nothing is dropped
    out: list[str] = []
    dropped: set[int] = set()  # which bars of the line (0-based, in reading order) are specks
    for i, ch in enumerate(text):
        if ch == "|":
            k = text.count("|", 0, i)
            before, after = text[:i].rstrip()[-1:], text[i + 1:].lstrip()[:1]
            if bars[k] < STRAY_BAR_SCORE and _wide(before) and _wide(after):
                dropped.add(k)
                continue
        out.append(ch)
    kept, k = [], 0
    for glyph, score in glyphs:
        if glyph == "|":
            k += 1
            if k - 1 in dropped:
                continue
        kept.append((glyph, score))
    return "".join(out), kept


def _wide(ch: str) -> bool:
    return bool(ch) and ord(ch) > 0x2E7F  # CJK (radicals, punctuation, ideographs, full-width forms)


def _upright(rgb, engine=None):
    """The page image turned so that its text lines run across and read downwards (a scan
    fed in sideways or upside down), with what OCR read on it, and whether it was turned.

    RapidOCR's line classifier (``use_cls``), which turns each text line it judges upside
    down before reading it, is never used: on a table it turns short lines of digits, and a
    printed ``969`` is read ``696``, ``98`` read ``86``, ``9`` read ``6``, each at a confidence
    of 0.9998–1.0 (``benchmarks/ocr_digits.py``: 20 of 418 numbers on one page; docs/pdf.md).
    A page is scanned whole, so its orientation is decided once, for the page: read as it
    lies; if most text boxes stand upright, the two quarter turns are read and the one read
    with more confidence wins; if the reading is doubtful (:data:`UPSIDE_DOWN_SCORE`), the
    half turn is read too and the better of the two wins."""
    import numpy as np

    rgb = deskewed(rgb)
    result = _read(rgb, engine)
    if _sideways(result):
        turns = (1, 3)  # a quarter turn left, a quarter turn right
    elif _mean_score(result) < UPSIDE_DOWN_SCORE:
        turns = (0, 2)
    else:
        return rgb, result, False
    best = None
    for quarter in turns:
        turned = np.ascontiguousarray(np.rot90(rgb, quarter)) if quarter else rgb
        probe = result if quarter == 0 else _read(turned, engine)
        score = sum(probe.scores or ())
        if best is None or score > best[0]:
            best = (score, turned, probe, quarter)
    return best[1], best[2], best[3] != 0


def deskewed(rgb):
    """The page image turned straight when its ruling lines run askew (a sheet laid a little
    crooked on a scanner, a phone's photo): a table's lines cut through the words of its edge
    cells otherwise, and a cell's text falls outside the table. The skew is the median slope
    of the long horizontal ruling lines (each line's pixels fitted by least squares); below
    :data:`MIN_SKEW_DEGREES` the page is read as it lies, and a page without such lines is too."""
    import cv2

    angle = skew_degrees(rgb)
    if angle is None or abs(angle) < MIN_SKEW_DEGREES:
        return rgb
    height, width = rgb.shape[:2]
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
    return cv2.warpAffine(rgb, matrix, (width, height), flags=cv2.INTER_LINEAR, borderValue=(255, 255, 255))


def skew_degrees(rgb) -> float | None:
    """The slope of the page's long horizontal ruling lines in degrees (positive: falling to
    the right), or None when it has none or they slant more than :data:`MAX_SKEW_DEGREES`."""
    import cv2
    import numpy as np

    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    ink = cv2.adaptiveThreshold(255 - gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, 15, -2)
    width = gray.shape[1]
    runs = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (max(10, width // LINE_SHARE), 1)))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(runs, connectivity=8)
    slopes = []
    for i in range(1, n):
        if stats[i][2] < width / SKEW_LINE_SHARE:
            continue
        x, y, w, h = stats[i][:4]
        ys, xs = np.nonzero(labels[y:y + h, x:x + w] == i)
        slopes.append(float(np.polyfit(xs.astype(float), ys.astype(float), 1)[0]))
    if not slopes:
        return None
    angle = float(np.degrees(np.arctan(np.median(slopes))))
    return angle if abs(angle) <= MAX_SKEW_DEGREES else None


def _read(rgb, engine=None):
    return (engine or _engine())(rgb, use_cls=False, return_word_box=True, return_single_char_box=True)


def _mean_score(result) -> float:
    """The mean recognition score of the lines of two or more characters (1.0 if none)."""
    scores = [float(s) for s, t in zip(result.scores or (), result.txts or ()) if len(t.strip()) >= 2]
    return sum(scores) / len(scores) if scores else 1.0


def _sideways(result) -> bool:
    """Do most text boxes stand upright (lines running down the image)?"""
    tall = wide = 0
    for box, text in zip(result.boxes if result.boxes is not None else [], result.txts or ()):
        if len(text.strip()) < 2:
            continue
        w = max(p[0] for p in box) - min(p[0] for p in box)
        h = max(p[1] for p in box) - min(p[1] for p in box)
        tall += h > SIDEWAYS * w
        wide += w > SIDEWAYS * h
    return tall >= 3 and tall > wide


def ruling_lines(rgb) -> list[tuple[float, float, float, float]]:
    """Horizontal and vertical ruling lines of a page image (x0, top, x1, bottom in pixels;
    top == bottom for a horizontal line, x0 == x1 for a vertical one): dark pixels opened
    with a long thin kernel keep only straight runs, each run a line."""
    import cv2

    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    ink = cv2.adaptiveThreshold(255 - gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, 15, -2)
    height, width = gray.shape
    out: list[tuple[float, float, float, float]] = []
    for horizontal in (True, False):
        size = (max(10, width // LINE_SHARE), 1) if horizontal else (1, max(10, height // LINE_SHARE))
        runs = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, size))
        n, _, stats, _ = cv2.connectedComponentsWithStats(runs, connectivity=8)
        for x, y, w, h, _area in stats[1:n]:
            if horizontal:
                out.append((float(x), y + h / 2, float(x + w), y + h / 2))
            else:
                out.append((x + w / 2, float(y), x + w / 2, float(y + h)))
    return out


@lru_cache(maxsize=1)
def _engine():
    """The process's engine for pages read one after the other: onnxruntime's default of
    one intra-op thread per core, so one page uses every core."""
    return _new_engine(0)


def _new_engine(threads: int):
    """A RapidOCR engine (its models loaded from the wheel, never downloaded); ``threads``
    onnxruntime intra-op threads for each model, or its default (one per core) if 0."""
    from rapidocr import RapidOCR

    params: dict[str, object] = {"Global.log_level": "error"}
    if threads:
        params["EngineConfig.onnxruntime.intra_op_num_threads"] = threads
    return RapidOCR(params=params)


OCR_PROCESSES_ENV = "OGI_OCR_PROCESSES"  # sets how many pages of one PDF are read at once
POOL_MIN_CORES = 2  # fewer usable cores: pages one after the other
_POOLED: dict[int, list] = {}  # intra-op threads → idle engines kept for the page pool (models loaded once each)
_POOLED_LOCK = threading.Lock()


def ocr_pages(images: list, numbers: list[int], points_per_pixel: float,
              on_page: Callable[[int], None] | None = None) -> list[PageContent]:
    """Several page images as upright content (``ocr_page`` each), in page order.

    Pages are read in parallel by a bounded pool of threads, one per core this process may
    use (``os.sched_getaffinity``) and at most one per page, when there are at least
    ``POOL_MIN_CORES`` of them, and only in a top-level process: a worker of a batch
    (``ogi ingest -j N``, a Ray task) shares the cores with its siblings already.
    ``$OGI_OCR_PROCESSES`` sets the number of pages read at once instead (1: no pool).

    Each pool thread reads with an engine of its own whose onnxruntime sessions use
    cores ÷ threads intra-op threads, so the pool never asks for more threads than cores;
    onnxruntime releases the GIL while a model runs, and that is nearly all of a page's
    time. The engines are kept for the life of the process (each model loaded once per
    engine, never downloaded). The reading does not depend on the thread count (the same
    boxes, texts and scores: ``benchmarks/pdf_docx_speed.py --scans`` compares the
    reports of both ways byte for byte). One page on two cores, read with both, costs a
    third more CPU than read with one (onnxruntime's threads wait spinning), which is why
    two pages read side by side, one core each, are cheaper than one after the other
    (docs/pdf.md, "Scans and images").

    ``on_page(number)`` is called before each page is read (one at a time) or as each
    page is done (the pool): the caller's time limit goes there.
    """
    workers = min(len(images), _ocr_processes())
    if workers <= 1:
        out = []
        for image, number in zip(images, numbers):
            if on_page is not None:
                on_page(number)
            out.append(ocr_page(image, number, points_per_pixel))
        return out
    from concurrent.futures import ThreadPoolExecutor

    threads = max(1, _cores() // workers)

    def read(image, number: int) -> PageContent:
        engine = _take_engine(threads)
        try:
            return ocr_page(image, number, points_per_pixel, engine)
        finally:
            _give_engine(threads, engine)

    with ThreadPoolExecutor(workers, thread_name_prefix="ogi-ocr") as pool:
        futures = [pool.submit(read, image, number) for image, number in zip(images, numbers)]
        out = []
        try:
            for number, future in zip(numbers, futures):
                out.append(future.result())
                if on_page is not None:
                    on_page(number)
        except BaseException:
            for future in futures:
                future.cancel()
            raise
        return out


def _take_engine(threads: int):
    """A kept engine of ``threads`` intra-op threads no other page is reading with, or a
    new one (made by the pool thread that needs it, so the models load in parallel)."""
    with _POOLED_LOCK:
        kept = _POOLED.get(threads)
        if kept:
            return kept.pop()
    return _new_engine(threads)


def _give_engine(threads: int, engine) -> None:
    """Keep ``engine`` for the next page (engines ever made: at most the pages read at once)."""
    with _POOLED_LOCK:
        _POOLED.setdefault(threads, []).append(engine)


def _cores() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _ocr_processes() -> int:
    """How many pages may be read at once here (see ``ocr_pages``)."""
    import multiprocessing
    import os

    limit = os.environ.get(OCR_PROCESSES_ENV, "")
    if limit.isdigit():
        return max(1, int(limit))
    if multiprocessing.parent_process() is not None:
        return 1
    cores = _cores()
    return cores if cores >= POOL_MIN_CORES else 1
