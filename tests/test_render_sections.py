"""The whole report as data (schema_version 2): the narrative in the JSON, in the form and
in the rendering, and back — parse → render → parse gives the same tables and the same
section texts. And the page as the format prints it: full-width numbering, units on
every amount, header rows repeated and rows kept whole on paper, drafts marked."""

from __future__ import annotations

import importlib.util
import io
import json
import random
from pathlib import Path

import pytest
from docx import Document as open_docx
from lxml import html as lxml_html
from openpyxl import load_workbook
from typer.testing import CliRunner

from ogi import parse
from ogi.cli import app
from ogi.form import TABLE_SHEETS, TEXT_SHEET, balance_row, fill_form, read_form
from ogi.model import SCHEMA_VERSION, Meta, Report, SectionText
from ogi.render import InvalidReport, render, report_from_json
from ogi.render.layout import DRAFT_MARK
from ogi.synth.report import synthesize
from ogi.template.layout import table_grid

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
PEER = ROOT.parent / "shared/corpus/peer"
HAS_WEASYPRINT = importlib.util.find_spec("weasyprint") is not None
needs_pdf = pytest.mark.skipif(not HAS_WEASYPRINT, reason="WeasyPrint is not installed")


def sample(template: str = "2021") -> Report:
    s = synthesize(random.Random(7), years=(2023, 2023) if template == "2021" else (2020, 2020))
    report = Report(meta=Meta(title=s.profile.title, agency=s.profile.agency, year=s.profile.year, template=template,
                              published_date=s.profile.published.isoformat(), index_number=s.profile.index_number),
                    **s.expected_values())
    report.sections = {
        "s1": SectionText(heading="一、总体情况", text="2023年，本机关坚持以公开为常态、不公开为例外。\n（一）主动公开情况。全年主动公开信息120条。"),
        "s3": SectionText(heading="三、收到和处理政府信息公开申请情况", text="本年度收到申请如下表。"),
        "s5": SectionText(heading="五、存在的主要问题及改进情况", text="宣传解读仍需加强。\n下一步将加强培训。"),
        "s6": SectionText(heading="六、其他需要报告的事项", text="本机关未收取信息处理费。"),
    }
    return report


def same(report: Report, back: Report, spaces: bool = True) -> None:
    for table in ("table2", "table3", "table4"):
        assert getattr(back, table) == getattr(report, table), table
    squeeze = (lambda t: t) if spaces else (lambda t: "".join(t.split(" ")))
    assert {k: squeeze(s.text) for k, s in back.sections.items() if s.text} == \
        {k: squeeze(s.text) for k, s in report.sections.items() if s.text}
    assert not {f.code for f in back.findings} & {"SECTION_MISSING", "TABLE_MISSING", "ROW_MISSING"}


# ------------------------------------------------------------------ the JSON

def test_the_json_carries_the_sections():
    data = sample().as_json()
    assert data["schema_version"] == SCHEMA_VERSION == 2
    assert list(data["sections"]) == ["s1", "s3", "s5", "s6"]
    assert data["sections"]["s5"] == {"heading": "五、存在的主要问题及改进情况", "text": "宣传解读仍需加强。\n下一步将加强培训。",
                                      "line": None, "page": None}
    assert report_from_json(json.loads(json.dumps(data))).sections == sample().sections


def test_a_parsed_report_says_where_each_section_starts():
    data = parse(SAMPLES / "pdf_pdf.pdf").as_json()
    assert {k: (s["heading"], s["page"]) for k, s in data["sections"].items()}["s5"][1] is not None
    assert all(s["heading"] for s in data["sections"].values())


def test_schema_version_1_still_reads():
    data = sample().as_json()
    data["schema_version"] = 1
    del data["sections"]
    old = report_from_json(data)
    assert old.schema_version == 2 and old.sections == {}
    assert Report.model_validate_json(json.dumps({"schema_version": 1, "meta": {"year": 2020}})).schema_version == 2


def test_bad_sections_are_named():
    data = sample().as_json()
    data["sections"]["s9"] = {"text": "x"}
    data["sections"]["s1"]["text"] = 5
    data["schema_version"] = 7
    with pytest.raises(InvalidReport) as caught:
        report_from_json(data)
    assert [p.where for p in caught.value.problems] == ["schema_version", "sections.s1.text", "sections.s9"]


# ------------------------------------------------------------------ parse → render → parse

@pytest.mark.parametrize("name", ["html_html.html", "docx_docx.docx", "txt_paragraphs.txt", "pdf_pdf.pdf"])
@pytest.mark.parametrize("to", ["html", "docx"])
def test_a_parsed_report_re_renders_with_its_text(name, to):
    report = parse(SAMPLES / name)
    assert report.sections["s1"].text.count("\n") >= 1  # paragraphs kept
    same(report, parse(render(report, to), name=f"r.{to}"))


@needs_pdf
def test_a_parsed_pdf_re_renders_as_pdf_with_its_text():
    report = parse(SAMPLES / "pdf_pdf.pdf")
    same(report, parse(render(report, "pdf"), name="r.pdf"), spaces=False)


@pytest.mark.slow
@needs_pdf
@pytest.mark.skipif(not PEER.exists(), reason="shared/ corpus not beside the repo")
@pytest.mark.parametrize("name", ["huaian_city_2024.pdf", "huaian_hongze_2023.pdf", "huaian_hongze_2024.pdf",
                                  "shuyang_fgj_2023.html"])
def test_real_reports_re_render_as_pdf_with_their_text(name):
    report = parse(PEER / name)
    same(report, parse(render(report, "pdf"), name="r.pdf"), spaces=False)


def test_a_2021_report_printing_other_as_one_row_is_drawn_as_printed():
    report = sample()
    for col in report.table3["other"]:
        report.table3["other"][col] = report.table3["other"][col]
        for sub in ("other.no_correction", "other.no_fee", "other.other"):
            report.table3[sub][col] = None
    back = parse(render(report, "html"), name="r.html")
    assert back.table3["other"] == report.table3["other"]
    assert "TEMPLATE_DEVIATION" in {f.code for f in back.findings}


# ------------------------------------------------------------------ the page as printed

def test_labels_are_printed_full_width_and_amounts_carry_their_unit():
    page = render(sample("2019"), "html").decode()
    assert "（一）予以公开" in page and "(一)予以公开" not in page
    assert "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" in page
    assert "采购总金额（单位：万元）" in page
    report = sample("2019")
    report.table2["procurement"]["amount"] = 1428.9
    for to in ("html", "docx"):
        back = parse(render(report, to), name=f"r.{to}")
        assert back.table2["procurement"]["amount"] == 1428.9
        assert "AMOUNT_UNIT" not in {f.code for f in back.findings}


def test_header_rows_repeat_and_rows_stay_whole():
    page = lxml_html.fromstring(render(sample(), "html"))
    heads = {t.get("data-table"): len(t.findall("thead/tr")) for t in page.iter("table")}
    assert heads == {"table2": 0, "table3": 3, "table4": 3}
    css = page.find(".//style").text
    assert "break-inside: avoid" in css and "display: table-header-group" in css


@needs_pdf
def test_a_table_broken_across_pages_parses_back_whole():
    report = sample()
    para = "本机关认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，推进决策、执行、管理、服务、结果公开。"
    report.sections["s1"] = SectionText(text="\n".join(f"{i + 1}.{para[:20 + i * 7 % 45]}{para * (i % 3)}"
                                                       for i in range(9)))
    data = render(report, "pdf")
    import pdfplumber
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = ["".join(p.extract_text().split()) for p in pdf.pages]
    assert "（本列数据的勾稽关系为" in pages[1] and "结转下年度继续办理" in pages[2]  # table 三 runs onto page 3
    assert "申请人情况（本列数据的勾稽关系为" in pages[2]  # … with its header repeated
    same(report, parse(data, name="r.pdf"), spaces=False)


def test_a_forced_render_is_marked_as_a_draft():
    report = sample()
    assert DRAFT_MARK not in render(report, "html").decode()
    assert DRAFT_MARK in render(report, "html", draft=True).decode()
    assert render(report, "md", draft=True).decode().startswith(f"**{DRAFT_MARK}**")
    doc = open_docx(io.BytesIO(render(report, "docx", draft=True)))
    assert doc.sections[0].header.paragraphs[0].text == DRAFT_MARK
    back = parse(render(report, "docx", draft=True), name="r.docx")
    assert back.table3 == report.table3


def test_the_render_command_marks_a_forced_draft(tmp_path):
    report = sample()
    report.table3["granted"]["natural_person"] += 1
    src = tmp_path / "r.json"
    src.write_text(json.dumps(report.as_json(), ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(app, ["render", str(src), "--to", "html", "--force"])
    assert result.exit_code == 0
    assert DRAFT_MARK in (tmp_path / "r.html").read_text(encoding="utf-8")


# ------------------------------------------------------------------ the form

@pytest.mark.parametrize("template", ["2019", "2021"])
def test_the_form_takes_the_sections(template):
    report = sample(template)
    data = fill_form(report)
    assert read_form(data).sections == report.sections
    wb = load_workbook(io.BytesIO(data))
    assert [c.value for c in wb[TEXT_SHEET]["A"][1:]] == ["一", "二", "三", "四", "五", "六"]
    parsed = parse(data, name="form.xlsx")
    assert {k: s.text for k, s in parsed.sections.items() if s.text} == {k: s.text for k, s in report.sections.items()}


def test_the_form_shows_the_balance_as_the_clerk_types():
    wb = load_workbook(io.BytesIO(fill_form(sample())))
    ws = wb[TABLE_SHEETS["table3"]]
    grid = table_grid("2021", "table3")
    r = balance_row(grid)
    assert ws.cell(r, 1).value.startswith("勾稽关系核对")
    assert ws.cell(r, 4).value == "=(D6+D7)-(D29+D30)"  # 自然人: (一+二) − ((七)+四)
    rules = [(rule.operator, rule.formula) for cf in ws.conditional_formatting for rule in cf.rules]
    assert rules == [("equal", ["0"]), ("notEqual", ["0"])]


@needs_pdf
def test_a_draft_pdf_is_marked_in_its_margins_and_still_reads_back():
    report = sample()
    data = render(report, "pdf", draft=True)
    import pdfplumber
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        marks = ["".join(p.extract_text().split()).count("".join(DRAFT_MARK.split())) for p in pdf.pages]
    assert marks == [2] * len(marks)  # top and bottom of every page
    same(report, parse(data, name="r.pdf"), spaces=False)
