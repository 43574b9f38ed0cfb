"""OCR of scanned pages (RapidOCR + OpenCV ruling lines): values land in the table grid
with their confidence; low-confidence values get OCR_LOW_CONFIDENCE."""

from __future__ import annotations

import io

import pytest
from fixtures.pdf import build

from ogi.document import Table
from ogi.readers import UnreadableFile, read
from ogi.checks.confidence import LOW_CONFIDENCE, low_confidence_findings
from ogi.readers.ocr import ruling_lines
from ogi.template.formats import FORMATS
from ogi.template.normalize import nfkc

try:
    import cv2  # noqa: F401
    import numpy as np
    import rapidocr  # noqa: F401
except ImportError:
    np = None
needs_ocr = pytest.mark.skipif(np is None, reason="OCR engine not installed (pip install rapidocr onnxruntime)")


@needs_ocr
def test_ruling_lines_of_a_drawn_grid():
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (600, 400), "white")
    draw = ImageDraw.Draw(image)
    for y in (50, 150, 250, 350):
        draw.line([(50, y), (550, y)], fill="black", width=2)
    for x in (50, 300, 550):
        draw.line([(x, 50), (x, 350)], fill="black", width=2)
    draw.text((100, 90), "text is not a line", fill="black")
    lines = ruling_lines(np.asarray(image))
    horizontal = sorted(round(t) for x0, t, x1, b in lines if t == b and x1 - x0 > 400)
    vertical = sorted(round(x0) for x0, t, x1, b in lines if x0 == x1 and b - t > 250)
    assert [abs(y - want) <= 2 for y, want in zip(horizontal, (50, 150, 250, 350))] == [True] * 4
    assert len(horizontal) == 4 and len(vertical) == 3


def test_low_confidence_findings_from_provenance():
    provenance = {
        "table3.total.total": {"text": "21", "page": 4, "confidence": LOW_CONFIDENCE - 0.2},
        "table3.total.natural_person": {"text": "21", "page": 4, "confidence": 0.99},
        "table2.fees.amount": {"text": "7730.28", "page": 3},
    }
    (finding,) = low_confidence_findings(provenance)
    assert (finding.code, finding.where, finding.page) == ("OCR_LOW_CONFIDENCE", "table3.total.total", 4)


@needs_ocr
def test_an_image_that_is_no_image():
    with pytest.raises(UnreadableFile, match="damaged"):
        read(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)


@needs_ocr
@pytest.mark.slow
def test_scanned_pdf_at_150_dpi_reads_into_the_grid():
    doc = read(build.scanned(build.ruled_report(split_rows=3), dpi=150))
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    rows = [[nfkc(c.text) for c in row] for row in tables[0].rows()]  # OCR mixes （ and (
    assert rows[2] == ["一、收到数量", "12", "9"]
    assert rows[3] == ["二、办理结果", "(一)予以办理", "7", "5"]
    spans = {nfkc(c.text): (c.rowspan, c.colspan) for c in tables[0].cells}
    assert spans["分类"] == (2, 2) and spans["二、办理结果"] == (3, 1)
    values = [c for c in tables[1].cells if c.text.isdigit()]
    assert values and all(0 < c.confidence <= 1 for c in values)
    assert [c.text for c in tables[1].rows()[3]] == ["第3项", "3", "6", "9"]


@needs_ocr
@pytest.mark.slow
def test_png_page():
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(build.unruled_report())[0].render(scale=150 / 72).to_pil()
    buf = io.BytesIO()
    page.save(buf, format="PNG", dpi=(150, 150))
    doc = read(buf.getvalue(), "page.png")
    assert doc.format == "image"
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert [nfkc(c.text) for c in table.rows()[-1]] == ["(六)总计", "35", "6", "41"]


def test_a_low_confidence_value_is_flagged():
    from fixtures.docx.build import report_2021

    from ogi.checks import check_report
    from ogi.extract import extract
    from ogi.readers.docx import read_docx

    doc = read_docx(report_2021())
    cell = next(c for b in doc.blocks if isinstance(b, Table) for c in b.cells if c.text == "1046")
    cell.confidence = LOW_CONFIDENCE / 4
    report = extract(doc)
    report.findings += check_report(report)
    assert report.provenance["table3.denied.state_secret.total"]["confidence"] == LOW_CONFIDENCE / 4
    # the fixture's numbers (1040…1046) break every identity: a doubtful value in a failing
    # identity may be OCR's failure as well as the report's, so it is null, not only flagged
    (unsettled,) = [f for f in report.findings if f.code == "OCR_UNSETTLED"]
    assert unsettled.where == "table3.denied.state_secret.total"
    assert "勾稽关系不成立,且字形置信度 0.200 低于 0.99,无法判断是原件不一致还是 OCR 误读" in unsettled.message
    assert report.table3["denied.state_secret"]["total"] is None
    assert not [f for f in report.findings if f.code == "OCR_LOW_CONFIDENCE"]  # its own finding says it


@needs_ocr
@pytest.mark.slow
@pytest.mark.parametrize("angle", [90, 270, 180])
def test_page_scanned_sideways_is_turned_upright(angle):
    """Sideways (two quarter turns read, the surer wins) and upside down (a doubtful reading
    is read turned half round too): the page is turned as a whole."""
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(build.ruled_report(split_rows=3))[0].render(scale=150 / 72).to_pil().convert("L")
    buf = io.BytesIO()
    page.rotate(angle, expand=True).save(buf, format="PDF", resolution=150)
    doc = read(buf.getvalue())
    table = next(b for b in doc.blocks if isinstance(b, Table))
    assert [nfkc(c.text) for c in table.rows()[2]] == ["一、收到数量", "12", "9"]
    assert table.cells[0].pos.bbox is None  # boxes of the turned image are not the page's


# ------------------------------------------------------------------ OCR values against the identities
# The values of real reports (expected files read by hand), as if every one had been read
# by OCR at a high confidence; then one misreading.

def _as_ocr(report, confidence=0.9995):
    from ogi.checks.cells import number

    for table in ("table2", "table3", "table4"):
        for row, cols in getattr(report, table).items():
            for col, value in cols.items():
                if value is not None:
                    report.provenance[f"{table}.{row}.{col}"] = {"text": number(value), "page": 3,
                                                                 "confidence": confidence}
    for col in report.table3["other"]:  # 2021: (六)其他处理 is derived from its sub-rows
        report.provenance[f"table3.other.{col}"] = {"derived": True}
    return report


def _settle(report):
    from ogi.checks.confidence import settle_ocr_values

    return settle_ocr_values(report)


def test_ocr_values_settled_by_the_identities_are_kept():
    from checks_support import from_expected

    report = _as_ocr(from_expected("huaian_city_2024"))
    assert _settle(report) == [] and report.table3["granted"]["natural_person"] == 1288


def test_a_1_7_misreading_that_breaks_a_row_sum_is_null_with_a_finding():
    """huaian_city_2024 table 三 (一)予以公开: 自然人 1288 read as 7288; only 1288 makes the row
    and the column hold, so the reading cannot be trusted: null, never 'repaired'."""
    from checks_support import from_expected

    from ogi.checks import check_report

    report = _as_ocr(from_expected("huaian_city_2024"))
    report.table3["granted"]["natural_person"] = 7288
    report.provenance["table3.granted.natural_person"]["text"] = "7288"
    findings = check_report(report)
    (unsettled,) = [f for f in findings if f.code == "OCR_UNSETTLED"]
    assert unsettled.where == "table3.granted.natural_person" and unsettled.page == 3
    assert unsettled.message == ("OCR 读出“7288”(7288),勾稽关系不成立,若原件为 1288 则成立(OCR 常见误读),取空值,"
                                 "请核对原件")
    assert report.table3["granted"]["natural_person"] is None
    assert report.provenance["table3.granted.natural_person"]["text"] == "7288"
    assert not {"T3_ROW_TOTAL", "T3_OUTCOME_TOTAL"} & {f.code for f in findings}  # not blamed on the report


def test_a_report_that_disagrees_with_itself_keeps_its_value():
    """A total off by 55 is no misreading of its text (two digits would have to change): the
    value stays, the rule reports it. So is the real 洪泽区 2023 table 四 行政复议 row
    (10+1+0+0 with 总计 printed 0: 0 is no one-digit misreading of 11)."""
    from checks_support import from_expected

    hongze = _as_ocr(from_expected("huaian_hongze_2023"))
    _settle(hongze)
    assert hongze.table4["review"]["total"] == 0 and hongze.table4["review"]["upheld"] == 10

    report = _as_ocr(from_expected("huaian_city_2024"))
    report.table3["granted"]["total"] = 1417  # 1362 printed
    report.provenance["table3.granted.total"]["text"] = "1417"
    assert _settle(report) == [] and report.table3["granted"]["total"] == 1417


def test_a_one_digit_disagreement_read_by_ocr_is_null():
    """The real 洪泽区 2023 table 四 复议后起诉 row prints 5+0+0+0 with 总计 0. Read by OCR, a 5
    read for a printed 0 (or a 0 for a 5) looks the same: one digit, any digit, is a
    misreading, so neither value can be trusted — both null with a finding, texts kept."""
    from checks_support import from_expected

    hongze = _as_ocr(from_expected("huaian_hongze_2023"))
    found = _settle(hongze)
    assert [f.where for f in found] == ["table4.litigation_after_review.total", "table4.litigation_after_review.upheld"]
    assert found[0].message == ("OCR 读出“0”(0),勾稽关系不成立,若原件为 5 则成立(OCR 常见误读),取空值,请核对原件")
    assert hongze.table4["litigation_after_review"]["upheld"] is None
    assert hongze.provenance["table4.litigation_after_review.upheld"]["text"] == "5"


def test_a_doubtful_term_is_some_count_not_its_reading():
    """A ``/`` read as ``1`` at 0.6 is not taken at its reading. (a) A row total read 1300
    (1362 printed: two digits off) whose row holds such a term (商业企业 21 at 0.6): no single
    misreading closes the row, but the total printed 1370 with the 21 printed 29 (a misreading
    each) would — so the total may be misread: null, and the finding names both. (b) Two ``/``
    of a row of zeros read ``1`` and ``1``: the row 0+0+0+1+0+0 = 1 holds, but only by their
    readings, so it settles neither; their columns fail unless each is 0 — both null."""
    from checks_support import from_expected

    report = _as_ocr(from_expected("huaian_city_2024"))
    report.table3["granted"]["total"] = 1300
    report.provenance["table3.granted.total"]["text"] = "1300"
    report.provenance["table3.granted.commercial"]["confidence"] = 0.6
    found = _settle(report)
    assert [f.where for f in found] == ["table3.granted.total"]
    assert found[0].message == ("OCR 读出“1300”(1300),勾稽关系不成立,若原件为 1370,且字形置信度低于 0.8 的 "
                                "table3.granted.commercial 为 29,则成立,无法判断哪个数值有误,取空值,请核对原件")
    assert report.table3["granted"]["commercial"] == 21  # settled by its column

    report = _as_ocr(from_expected("huaian_city_2024"))
    for col in ("social_welfare", "total"):
        report.table3["not_processed.publication"][col] = 1
        report.provenance[f"table3.not_processed.publication.{col}"].update(text="1", confidence=0.63)
    found = _settle(report)
    assert [f.where for f in found] == ["table3.not_processed.publication.social_welfare",
                                        "table3.not_processed.publication.total"]
    assert "若原件为 0 则成立" in found[0].message


def test_sure_values_beside_a_doubtful_one_stay_where_it_cannot_explain_the_failure():
    """The DOCX fixture's numbers number their cells (1000 …) so no sum holds, by thousands;
    every value read by OCR at 0.9995 but 一、本年新收 法律服务机构 1004 at 0.6. The doubtful
    1004 cannot close its row (1000+…+1005 against 1006) nor its column, and no misreading of
    a sure value beside one of 1004's closes the row: the row's sure values stay (scan7's rule
    nulled them: the row failed whatever 1004 was). In the 法律服务机构 column (一+二 against
    总计+四, off by 460) the sure 1014 printed 1414 with 1004 printed 1064 would close it (a
    misreading each), and so would 1234 printed 1274 (or 1244 printed 1284) with 1004 printed
    1504: those three are null; every other value is the one printed."""
    from fixtures.docx.build import report_2021, value

    from ogi.checks import check_report
    from ogi.extract import extract
    from ogi.readers.docx import read_docx

    doc = read_docx(report_2021())
    for cell in (c for b in doc.blocks if isinstance(b, Table) for c in b.cells if c.text.isdigit()):
        cell.confidence = 0.6 if cell.text == "1004" else 0.9995
    report = extract(doc)
    report.findings += check_report(report)
    unsettled = {f.where: f.message for f in report.findings if f.code == "OCR_UNSETTLED"}
    assert sorted(unsettled) == ["table3.carried_forward.legal_service", "table3.carried_over.legal_service",
                                 "table3.new_received.legal_service", "table3.total.legal_service"]
    assert unsettled["table3.carried_over.legal_service"] == (
        "OCR 读出“1014”(1014),勾稽关系不成立,若原件为 1414,且字形置信度低于 0.8 的 table3.new_received.legal_service "
        "为 1064,则成立,无法判断哪个数值有误,取空值,请核对原件")
    assert unsettled["table3.new_received.legal_service"] == (
        "OCR 读出“1004”(1004),勾稽关系不成立,且字形置信度 0.600 低于 0.99,无法判断是原件不一致还是 OCR 误读,取空值,请核对原件")
    assert [report.table3["new_received"][c] for c in ("natural_person", "commercial", "total")] == [1000, 1001, 1006]
    fmt = FORMATS["2021"]
    for table in ("table2", "table3"):
        for i, row in enumerate(fmt.table(table).rows):
            for k, (row_key, col_key, _) in enumerate(row.cells):
                if f"{table}.{row_key}.{col_key}" not in unsettled:
                    assert getattr(report, table)[row_key][col_key] == value(table, i, k), (row_key, col_key)


def test_a_row_left_blank_at_its_end_counts_its_blank_cells():
    """A ``—`` OCR reads as nothing, at a row's end, leaves those cells with no provenance
    (the extractor places a row's values from its first cell on). They were printed blank, so
    they count 0: 4.无正当理由大量反复申请 with its total so left and a 0 confidently read 6
    in a column whose total was not read — the row alone can test the 6, and it fails unless
    the 6 was 0. A row with no cell placed counts nothing."""
    from checks_support import from_expected

    from ogi.readers.ocr_misreads import printed_blank

    report = _as_ocr(from_expected("huaian_city_2024"))
    for key in ("table3.not_processed.excessive.total", "table3.total.research"):
        table, rest = key.split(".", 1)
        row, col = rest.rsplit(".", 1)
        report.table3[row][col] = None
        del report.provenance[key]
    report.table3["not_processed.excessive"]["research"] = 6
    report.provenance["table3.not_processed.excessive.research"]["text"] = "6"
    assert printed_blank(report, "table3.not_processed.excessive.total")
    assert not printed_blank(report, "table3.total.research")  # a cell after it was placed: not blank, unknown
    found = _settle(report)
    assert [f.where for f in found] == ["table3.not_processed.excessive.research"]
    assert "若原件为 0 则成立" in found[0].message
    for col in report.table3["not_processed.excessive"]:
        report.provenance.pop(f"table3.not_processed.excessive.{col}", None)
    assert not printed_blank(report, "table3.not_processed.excessive.total")


def test_a_signed_ocr_value_is_never_settled():
    """Seed 002 (2019): 本年增/减 read by OCR — a printed -3 read 0 at 0.9995 looks like any other
    0. No identity of one report includes it, so it is null with a finding, never a silent 0."""
    from checks_support import from_expected
    from expected import SEEDS

    report = _as_ocr(from_expected("002_806d6c890c9d0d8d", SEEDS))
    report.table2["punishment"]["items_change"] = 0
    report.provenance["table2.punishment.items_change"]["text"] = "0"
    found = _settle(report)
    assert [f.where for f in found] == [f"table2.{r}.items_change" for r in
                                        ("coercion", "fees", "licensing", "other_services", "punishment")]
    assert found[-1].message == ("OCR 读出“0”(0),本年增/减的正负号 OCR 可能漏读,且没有勾稽关系可以确认,取空值,请核对原件")
    assert report.table2["punishment"]["items_change"] is None and report.table2["licensing"]["decisions"] == 187481


def test_an_unsettled_value_below_the_glyph_confidence_is_null():
    """Table 二 (no identity): below CONFUSABLE_MIN any digits are doubtful (3→8, 9→3, 1→6
    were measured as well as 1/7, 0/8); at or above it the value is kept."""
    from checks_support import from_expected

    from ogi.checks.confidence import CONFUSABLE_MIN

    report = _as_ocr(from_expected("huaian_hongze_2023"))
    report.provenance["table2.fees.amount"]["confidence"] = CONFUSABLE_MIN - 0.02  # 7730.28
    report.provenance["table2.licensing.decisions"]["confidence"] = CONFUSABLE_MIN - 0.02  # 550
    report.provenance["table2.punishment.decisions"]["confidence"] = CONFUSABLE_MIN
    kept = report.table2["punishment"]["decisions"]
    found = _settle(report)
    assert [f.where for f in found][:2] == ["table2.fees.amount", "table2.licensing.decisions"]
    assert "字形置信度 0.970 低于 0.99,数字可能误读" in found[0].message
    assert report.table2["licensing"]["decisions"] is None and report.table2["punishment"]["decisions"] == kept


def test_misreadings_of_a_printed_number():
    from ogi.checks.confidence import misreadings

    got = set(misreadings("68"))
    assert {-68, 98, 60, 63, 66, 88, 69, 8, 6, 168, 608, 689} <= got  # the sign; any one digit; one lost, one more
    assert not {68, 86, 77, 1680, 0} & got  # itself, two digits changed, two more


def test_misreadings_read_the_number_as_the_parser_reads_the_cell():
    """A unit, full-width digits, thousands separators and 减少 are not the number's digits:
    ``7件`` may have been a printed 0 (a report that prints ``12件``, read by OCR)."""
    from ogi.readers.ocr_misreads import misreadings

    assert {0, 1, 70, 17} <= set(misreadings("7件"))
    assert {-337, 37, 307, 1337} <= set(misreadings("３３７"))
    assert {1034, 234} <= set(misreadings("1,234"))
    assert {3, -8} <= set(misreadings("减少3"))
    assert not set(misreadings("12.50")) and not set(misreadings("/")) and not set(misreadings("无"))
    assert set(misreadings("0")) == {*range(1, 10), *range(10, 100, 10)}  # a 0 is no misread sign
    assert {201, 101, 11, 0} <= set(misreadings("01"))  # a leading 0 read: a digit before it was lost


def test_printed_empty_cells():
    from ogi.readers.ocr_misreads import printed_empty

    assert printed_empty({"text": "", "page": 3}) and printed_empty({"text": "/", "page": 3, "confidence": 0.6})
    assert printed_empty({"text": "—", "page": 1}) and printed_empty({"text": "无", "page": 1})
    assert not printed_empty({"text": "0", "page": 1}) and not printed_empty({"text": "", "page": None})
    assert not printed_empty(None) and not printed_empty({"page": 2})


DEJAVU_SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
needs_dejavu = pytest.mark.skipif(not __import__("os").path.exists(DEJAVU_SANS),
                                  reason="needs the DejaVu fonts (Debian fonts-dejavu-core)")
DIGITS_PRINTED = ["969", "698", "68", "98", "90", "9", "6", "9938", "863", "83"]


def _digit_grid(numbers: list[str], dpi: int = 200):
    """A ruled row of cells, one number in each, drawn in DejaVu Sans 10.5 pt at ``dpi``."""
    from PIL import Image, ImageDraw, ImageFont

    scale = dpi / 72
    cell_w, cell_h, margin = 45 * scale, 20 * scale, 20 * scale
    image = Image.new("L", (round(2 * margin + cell_w * len(numbers)), round(2 * margin + cell_h)), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(DEJAVU_SANS, round(10.5 * scale))
    for i, text in enumerate(numbers):
        x0, y0 = margin + i * cell_w, margin
        draw.rectangle((x0, y0, x0 + cell_w, y0 + cell_h), outline=0, width=1)
        draw.text((x0 + cell_w / 2, y0 + cell_h / 2), text, fill=0, font=font, anchor="mm")
    return image


@needs_ocr
@needs_dejavu
def test_short_numbers_are_not_read_upside_down():
    """RapidOCR's per-line 180° classifier turned short lines of 6, 8, 9 and 0 and read a
    printed 969 as 696 at confidence 1.0 (benchmarks/ocr_digits.py); the page is read
    without it, so each number is read as printed."""
    from ogi.readers.ocr import ocr_page

    content = ocr_page(_digit_grid(DIGITS_PRINTED), 1, points_per_pixel=72 / 200)
    read = [f.text for f in sorted(content.fragments, key=lambda f: f.x0)]
    assert read == DIGITS_PRINTED


@needs_ocr
@needs_dejavu
@pytest.mark.parametrize("degrees", [0.8, -1.5])
def test_a_page_askew_is_turned_straight_by_its_ruling_lines(degrees):
    """A sheet laid crooked on the scanner: the slope of the long ruling lines is measured
    and the page turned straight before it is read (``Image.rotate`` turns counterclockwise,
    so the lines then rise to the right: a negative slope)."""
    from PIL import Image

    from ogi.readers.ocr import MIN_SKEW_DEGREES, deskewed, skew_degrees

    page = _digit_grid(["1", "2", "3", "4", "5", "6", "7", "8"]).rotate(degrees, resample=Image.Resampling.BICUBIC,
                                                                       fillcolor=255)
    rgb = np.asarray(page.convert("RGB"))
    assert skew_degrees(rgb) == pytest.approx(-degrees, abs=0.05)
    assert abs(skew_degrees(deskewed(rgb))) < MIN_SKEW_DEGREES
    straight = np.asarray(_digit_grid(["1", "2"]).convert("RGB"))
    assert deskewed(straight) is straight  # a straight page is read as it lies


def test_a_dash_read_as_the_numeral_one_is_a_dash():
    """zero_dash reports scanned: each ``—`` in a value cell was read as 一 at 0.50–0.976
    (90 cells at 150 and 200 dpi), the rows holding them were lost; the numeral 一 of a
    label is read at 0.999 or more and stays."""
    from ogi.extract.tokens import NA, cell_value
    from ogi.readers.ocr import DASH_READ_AS_ONE, dash_for_one, fragment_text

    assert dash_for_one("一", 0.59) == "—" and dash_for_one("一一", 0.7) == "——" and dash_for_one("一", 0.9757) == "—"
    assert cell_value(dash_for_one("一", 0.59)).kind == NA
    assert dash_for_one("一", 0.999) == "一" and dash_for_one("一", DASH_READ_AS_ONE) == "一"
    assert dash_for_one("一、", 0.5) == "一、" and dash_for_one("(一)", 0.5) == "(一)"
    assert fragment_text("1. 属于 国家秘密", 0.99) == "1.属于国家秘密"
    assert fragment_text(fragment_text("一", 0.6), 0.6) == "—"  # a second pass changes nothing


def test_a_stray_bar_between_chinese_characters_is_dropped():
    """scan_150dpi_skew: ``索引|号:429873613/2026-60760`` (the bar at 0.509, every other glyph
    at 0.999+) hid the 索引号 of 3 of 9 reports."""
    from ogi.readers.ocr import without_stray_bars

    glyphs = [("索", 1.0), ("引", 1.0), ("|", 0.509), ("号", 1.0), (":", 0.999), ("4", 1.0)]
    assert without_stray_bars("索引|号:4", glyphs) == ("索引号:4", [g for g in glyphs if g[0] != "|"])
    sure = [("规", 1.0), ("章", 1.0), ("|", 0.95), ("本", 1.0)]
    assert without_stray_bars("规章|本", sure) == ("规章|本", sure)  # read with confidence: kept
    digits = [("规", 1.0), ("章", 1.0), ("|", 0.5), ("0", 1.0)]
    assert without_stray_bars("规章|0", digits) == ("规章|0", digits)  # beside a digit: kept
    two = [("索", 1.0), ("|", 0.6), ("引", 1.0), ("|", 0.97), ("号", 1.0)]
    assert without_stray_bars("索|引|号", two) == ("索引|号", [two[0], two[2], two[3], two[4]])
    assert without_stray_bars("a|b", []) == ("a|b", [])  # no glyphs: the text as read
