"""How RapidOCR misreads printed numbers: digit confusions and their confidence, measured.

    .venv/bin/python benchmarks/ocr_digits.py [--pages-per-variant 1] [--dpi 200,150]
        [--sizes 9,10.5,12] [--fonts all] [--seed 1] [--json FILE] [--scanner] [--line-classifier]

``ogi.checks.confidence`` decides which OCR values it trusts. Where an identity of the format
covers a value, the identity settles it; where none does (table 二, and a row whose other
cells are unread), the only evidence is the recogniser's own confidence and which glyphs the
text holds. This script measures both on pages whose every value is known:

1. Pages are drawn as a scanner sees a report's table: a ruled grid of cells (45 × 20 pt,
   the width of table 三's narrow columns), one number centred in each, in a given font and
   size, rendered at ``--dpi`` in grey (Pillow, anti-aliased like a scan of print). The numbers
   are random with the spread of report values: a third single digits, a third two or three
   digits, a third four or five; every digit equally likely in every place but the first
   (no leading 0); some negatives (本年增/减). ``--scanner`` then degrades each page as the
   ``scan_150dpi_skew`` shape does (0.8° askew, softened, speckled).
2. Each page is read by the reader's own ``ogi.readers.ocr.ocr_page`` (RapidOCR, the same
   models and options, a fragment's confidence = its weakest glyph's score, as a cell gets it);
   ``--line-classifier`` reads as the reader did before it left out RapidOCR's per-line 180°
   classifier, to measure what that classifier did to numbers.
3. Each fragment is put in the cell holding its centre; a cell's reading is its fragments
   left to right. A reading is *right*, *lost* (nothing read), or *wrong*; a wrong reading of
   the same length is split into the digit pairs that differ (printed → read), the others are
   counted as a dropped/added digit or sign.

Prints, per variant (font, size, dpi) and overall: readings, wrong ones, the confusion pairs
with their count and the highest confidence each was read at, and how many right readings
fall below each confidence threshold (the cost of a threshold in findings on right values).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from ogi.readers import ocr  # noqa: E402
from ogi.readers.ocr import ocr_page  # noqa: E402
from ogi.synth.shapes.tools import SCANNER_BLUR_PX, SCANNER_NOISE, SCANNER_SKEW_DEGREES  # noqa: E402

FONTS = {
    "dejavu_sans": ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 0),
    "dejavu_serif": ("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", 0),
    "noto_sans_cjk_sc": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),  # face 2: SC
    "noto_serif_cjk_sc": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
}
PAGE_PT = (595, 842)  # A4 in points
MARGIN_PT = 40
CELL_PT = (45, 20)  # table 三's narrow value columns
NEGATIVE_SHARE = 0.05
STRAIGHTENS = hasattr(ocr, "deskewed")  # a reader that turns an askew page straight first
THRESHOLDS = (0.9, 0.95, 0.98, 0.99, 0.995, 0.998, 0.999)


@dataclass
class Tally:
    readings: int = 0
    right: int = 0
    lost: int = 0
    wrong: list[tuple[str, str, float]] = field(default_factory=list)  # printed, read, confidence
    right_conf: list[float] = field(default_factory=list)

    def add(self, other: "Tally") -> None:
        self.readings += other.readings
        self.right += other.right
        self.lost += other.lost
        self.wrong += other.wrong
        self.right_conf += other.right_conf


def number(rng: random.Random) -> str:
    digits = rng.choice((1, 1, 2, 3, 4, 5))
    first = rng.choice("123456789") if digits > 1 else rng.choice("0123456789")
    text = first + "".join(rng.choice("0123456789") for _ in range(digits - 1))
    return ("-" + text) if text != "0" and rng.random() < NEGATIVE_SHARE else text


def draw_page(font_path: str, index: int, size_pt: float, dpi: int, rng: random.Random):
    """A grey page image with a ruled grid of numbers, and each cell's box (pixels) and number."""
    scale = dpi / 72
    width, height = (round(v * scale) for v in PAGE_PT)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(font_path, round(size_pt * scale), index=index)
    cols = int((PAGE_PT[0] - 2 * MARGIN_PT) // CELL_PT[0])
    rows = int((PAGE_PT[1] - 2 * MARGIN_PT) // CELL_PT[1])
    cells = []
    line = max(1, round(scale * 0.5))
    for r in range(rows):
        for c in range(cols):
            x0, y0 = (MARGIN_PT + c * CELL_PT[0]) * scale, (MARGIN_PT + r * CELL_PT[1]) * scale
            x1, y1 = x0 + CELL_PT[0] * scale, y0 + CELL_PT[1] * scale
            draw.rectangle((x0, y0, x1, y1), outline=0, width=line)
            text = number(rng)
            draw.text(((x0 + x1) / 2, (y0 + y1) / 2), text, fill=0, font=font, anchor="mm")
            cells.append(((x0, y0, x1, y1), text))
    return image, cells


def as_scanned(image, rng):
    """The page as the ``scan_150dpi_skew`` shape makes it: turned, softened, speckled."""
    import numpy as np
    from PIL import ImageFilter

    turned = image.rotate(SCANNER_SKEW_DEGREES, resample=Image.Resampling.BICUBIC, fillcolor=255)
    soft = np.asarray(turned.filter(ImageFilter.GaussianBlur(SCANNER_BLUR_PX)), dtype=np.float32)
    noisy = np.clip(soft + np.random.default_rng(rng.randrange(1 << 30)).normal(0, SCANNER_NOISE, soft.shape), 0, 255)
    return Image.fromarray(noisy.astype(np.uint8), "L")


def unturned(x: float, y: float, width: int, height: int, degrees: float) -> tuple[float, float]:
    """Where a point of the turned image was before ``Image.rotate(degrees)``."""
    t = math.radians(-degrees)
    cx, cy = width / 2, height / 2
    return (cx + (x - cx) * math.cos(t) + (y - cy) * math.sin(t),
            cy - (x - cx) * math.sin(t) + (y - cy) * math.cos(t))


def read_page(image, cells, dpi: int, skew: float = 0.0) -> Tally:
    content = ocr_page(image, 1, points_per_pixel=72 / dpi)
    scale = dpi / 72
    found: dict[int, list] = defaultdict(list)
    for f in content.fragments:
        cx, cy = unturned(f.cx * scale, f.cy * scale, image.width, image.height, skew)
        for i, ((x0, y0, x1, y1), _) in enumerate(cells):
            if x0 <= cx <= x1 and y0 <= cy <= y1:
                found[i].append(f)
                break
    tally = Tally()
    for i, (_, printed) in enumerate(cells):
        tally.readings += 1
        frags = sorted(found.get(i, []), key=lambda f: f.x0)
        read = "".join(f.text for f in frags).replace(" ", "").replace(",", "").replace("−", "-")
        if not frags:
            tally.lost += 1
            continue
        conf = min(f.confidence if f.confidence is not None else 1.0 for f in frags)
        if read == printed:
            tally.right += 1
            tally.right_conf.append(conf)
        else:
            tally.wrong.append((printed, read, conf))
    return tally


def pairs(printed: str, read: str) -> list[str]:
    """The glyph pairs a wrong reading differs in (printed→read), or what it lost or added."""
    if len(printed) == len(read):
        return [f"{a}→{b}" for a, b in zip(printed, read) if a != b]
    if printed.lstrip("-") == read.lstrip("-"):
        return ["sign lost" if printed.startswith("-") else "sign added"]
    return ["digit lost" if len(read) < len(printed) else "digit added"]


def report(name: str, t: Tally) -> list[str]:
    out = [f"### {name}", "",
           f"readings {t.readings}, right {t.right} ({t.right / max(1, t.readings):.2%}), "
           f"lost {t.lost}, wrong {len(t.wrong)}", ""]
    conf: dict[str, list[float]] = defaultdict(list)
    for printed, read, c in t.wrong:
        for p in pairs(printed, read):
            conf[p].append(c)
    if conf:
        out += ["| confusion | count | highest confidence | readings (printed→read @ confidence) |", "|---|---|---|---|"]
        for p, cs in sorted(conf.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            examples = [f"{a}→{b} @{c:.4f}" for a, b, c in t.wrong if p in pairs(a, b)][:4]
            out.append(f"| {p} | {len(cs)} | {max(cs):.4f} | {'; '.join(examples)} |")
        out.append("")
    below = Counter()
    for c in t.right_conf:
        for th in THRESHOLDS:
            below[th] += c < th
    out.append("right readings below a confidence threshold: " + ", ".join(
        f"<{th}: {below[th]} ({below[th] / max(1, len(t.right_conf)):.2%})" for th in THRESHOLDS))
    out.append("")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages-per-variant", type=int, default=1)
    ap.add_argument("--dpi", default="200,150")
    ap.add_argument("--sizes", default="9,10.5,12")
    ap.add_argument("--fonts", default="all")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--scanner", action="store_true",
                    help="degrade each page as the scan_150dpi_skew shape does (0.8° askew, soft, speckled)")
    ap.add_argument("--line-classifier", action="store_true",
                    help="read as the reader did before: RapidOCR's per-line 180° classifier on")
    args = ap.parse_args()
    if args.line_classifier:
        from ogi.readers import ocr

        ocr._read = lambda rgb: ocr._engine()(rgb, use_cls=True, return_word_box=True, return_single_char_box=True)
    fonts = list(FONTS) if args.fonts == "all" else args.fonts.split(",")
    rng = random.Random(args.seed)
    total = Tally()
    lines = []
    per_variant = {}
    start = time.time()
    for dpi in (int(d) for d in args.dpi.split(",")):
        for size in (float(s) for s in args.sizes.split(",")):
            for font in fonts:
                t = Tally()
                for _ in range(args.pages_per_variant):
                    image, cells = draw_page(*FONTS[font], size, dpi, rng)
                    if args.scanner:  # the reader turns the page straight (ocr.deskewed): positions as drawn
                        t.add(read_page(as_scanned(image, rng), cells, dpi, 0.0 if STRAIGHTENS else SCANNER_SKEW_DEGREES))
                    else:
                        t.add(read_page(image, cells, dpi))
                name = f"{font} {size:g} pt {dpi} dpi" + (" scanner" if args.scanner else "")
                print(f"{name}: {t.right}/{t.readings} right, {len(t.wrong)} wrong, {t.lost} lost "
                      f"({time.time() - start:.0f} s)", file=sys.stderr, flush=True)
                per_variant[name] = {"readings": t.readings, "right": t.right, "lost": t.lost, "wrong": t.wrong}
                lines += report(name, t)
                total.add(t)
    head = ["# RapidOCR digit confusions", "",
            f"`{' '.join(['benchmarks/ocr_digits.py', *sys.argv[1:]])}` — {time.time() - start:.0f} s, "
            f"load average {os.getloadavg()[0]:.1f}", ""]
    text = "\n".join(head + report("all variants", total) + lines)
    print(text)
    if args.json:
        args.json.write_text(json.dumps(per_variant, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
