"""The rendered tables have the official layout: the same cells, spans, labels and order
as the blank official 2021 form (国办公开办函〔2021〕30号) that ships in the peer corpus."""

from __future__ import annotations

import io
import json
import random
from pathlib import Path

import pytest
from docx import Document as open_docx
from lxml import html as lxml_html
from typer.testing import CliRunner

from ogi.cli import app
from ogi.model import Meta, Report, SectionText
from ogi.render import InvalidReport, render, report_from_json
from ogi.synth.report import synthesize
from ogi.template import FORMATS, SECTIONS, label_key
from ogi.template.layout import LABEL, VALUE, table_grid

OFFICIAL_2021 = Path(__file__).resolve().parents[2] / "shared/corpus/peer/templates/gov_disclosure_annual_report_template_2021.docx"
needs_official = pytest.mark.skipif(not OFFICIAL_2021.exists(), reason="shared/ corpus not beside the repo")
TABLES = ("table2", "table3", "table4")

Structure = set[tuple[int, int, int, int, str]]  # row, col, rowspan, colspan, label key ("" for blank)


def docx_structures(data: bytes) -> list[Structure]:
    """Each table of a DOCX as its cells with spans (gridSpan, vMerge) and label keys."""
    out = []
    for table in open_docx(io.BytesIO(data)).tables:
        cells: dict[tuple[int, int], list] = {}
        for r, tr in enumerate(table._tbl.tr_lst):
            col = 0
            for tc in tr.tc_lst:
                text = "".join(t.text or "" for t in tc.iter() if t.tag.endswith("}t"))
                if tc.vMerge == "continue":
                    top = max((k for k in cells if k[1] == col and k[0] < r), key=lambda k: k[0])
                    cells[top][2] = r - top[0] + 1
                else:
                    cells[(r, col)] = [r, col, 1, tc.grid_span, text]
                col += tc.grid_span
        out.append({(r, c, rs, cs, label_key(t)) for r, c, rs, cs, t in cells.values()})
    return out


def html_structures(data: bytes) -> list[Structure]:
    """Each ``<table>`` of an HTML page as cells placed on the grid by rowspan/colspan."""
    out = []
    for table in lxml_html.fromstring(data).iter("table"):
        taken: set[tuple[int, int]] = set()
        cells = set()
        for r, tr in enumerate(table.iter("tr")):
            col = 0
            for td in tr.iter("td", "th"):
                while (r, col) in taken:
                    col += 1
                rs, cs = int(td.get("rowspan", 1)), int(td.get("colspan", 1))
                taken |= {(r + i, col + j) for i in range(rs) for j in range(cs)}
                cells.add((r, col, rs, cs, label_key(td.text_content())))
                col += cs
        out.append(cells)
    return out


def blank_labels(structure: Structure) -> Structure:
    """Value cells blanked: what the official blank form shows."""
    return {(r, c, rs, cs, t if not t.isdigit() else "") for r, c, rs, cs, t in structure}


def grid_structure(template: str, table: str) -> Structure:
    return {(c.row, c.col, c.rowspan, c.colspan, label_key(c.text) if c.role != VALUE else "")
            for c in table_grid(template, table).cells}


def sample(template: str = "2021") -> Report:
    """A consistent report with non-zero values (a synthetic city government's)."""
    years = (2023, 2023) if template == "2021" else (2020, 2020)
    s = synthesize(random.Random(7), years=years)
    return Report(meta=Meta(title=s.profile.title, agency=s.profile.agency, year=s.profile.year, template=template,
                            published_date=s.profile.published.isoformat(), index_number=s.profile.index_number),
                  **s.expected_values())


def inconsistent() -> Report:
    """Every cell a different small number: the sums do not hold."""
    report = sample()
    for t in TABLES:
        for i, cols in enumerate(getattr(report, t).values()):
            for j, col in enumerate(cols):
                cols[col] = (i * 7 + j) % 9 + 1
    return report


@needs_official
def test_grid_is_the_official_2021_form():
    official = docx_structures(OFFICIAL_2021.read_bytes())
    assert official == [grid_structure("2021", t) for t in TABLES]


@needs_official
def test_rendered_docx_and_html_tables_match_the_official_form():
    official = docx_structures(OFFICIAL_2021.read_bytes())
    report = inconsistent()  # every value a digit, so value cells are told from labels
    assert [blank_labels(s) for s in docx_structures(render(report, "docx"))] == official
    assert [blank_labels(s) for s in html_structures(render(report, "html"))] == official


def test_2019_grid_layout():
    t2 = table_grid("2019", "table2")
    captions = [c.text for c in t2.cells if c.role == "caption"]
    assert captions == list(dict.fromkeys(r.caption for r in FORMATS["2019"].table2.rows))
    fees = [c for c in t2.cells if c.role == VALUE and c.cell[0] == "fees"]
    assert [(c.col, c.colspan) for c in fees] == [(1, 1), (2, 2)]  # two values over three columns
    t3 = table_grid("2019", "table3")
    outcomes = next(c for c in t3.cells if c.role == LABEL and c.col == 0 and c.rowspan > 1)
    assert outcomes.rowspan == 20  # 三、本年度办理结果 spans (一) … (七) in the 2019 format
    assert len(t3.value_cells()) == 23 * 7


def test_values_sit_in_their_cells():
    report = sample("2019")
    report.table2["procurement"]["amount"] = 1428.9
    docx_tables = open_docx(io.BytesIO(render(report, "docx"))).tables
    grid = table_grid("2019", "table2")
    cell = next(c for c in grid.value_cells() if c.cell == ("procurement", "amount"))
    assert docx_tables[0].cell(cell.row, cell.col).text == "1428.9"


def test_bad_input_names_the_cell():
    data = sample().as_json()
    data["table3"]["granted"]["total"] = "十"
    data["table4"]["review"]["upheld"] = -1
    data["table2"]["licensing"]["decisions"] = 2.5
    del data["table3"]["carried_over"]
    with pytest.raises(InvalidReport) as caught:
        report_from_json(data)
    where = {p.where for p in caught.value.problems}
    assert where == {"table3.granted.total", "table4.review.upheld", "table2.licensing.decisions",
                     "table3.carried_over"}


def test_items_change_may_be_negative_and_amounts_fractional():
    data = sample("2019").as_json()
    data["table2"]["licensing"]["items_change"] = -3
    data["table2"]["procurement"]["amount"] = 12.75
    assert report_from_json(data).table2["licensing"]["items_change"] == -3


def test_render_command_refuses_bad_input_with_a_clear_message(tmp_path):
    data = sample().as_json()
    data["table3"]["granted"]["natural_person"] = "abc"
    src = tmp_path / "r.json"
    src.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(app, ["render", str(src), "--to", "html"])
    assert result.exit_code == 1
    assert "table3.granted.natural_person" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "r.html").exists()


def test_render_command_writes_each_format(tmp_path):
    src = tmp_path / "r.json"
    src.write_text(json.dumps(sample().as_json(), ensure_ascii=False), encoding="utf-8")
    for to in ("html", "md", "docx"):
        result = CliRunner().invoke(app, ["render", str(src), "--to", to])
        assert result.exit_code == 0, result.output
        assert (tmp_path / f"r.{to}").stat().st_size > 1000


def test_render_refuses_data_the_checks_reject_unless_forced(tmp_path):
    pytest.importorskip("ogi.checks")
    src = tmp_path / "r.json"
    src.write_text(json.dumps(inconsistent().as_json(), ensure_ascii=False), encoding="utf-8")
    refused = CliRunner().invoke(app, ["render", str(src), "--to", "md"])
    assert refused.exit_code == 1 and "T3_ROW_TOTAL" in refused.output
    assert not (tmp_path / "r.md").exists()
    forced = CliRunner().invoke(app, ["render", str(src), "--to", "md", "--force"])
    assert forced.exit_code == 0 and (tmp_path / "r.md").exists()


def test_sections_of_a_parsed_report_are_rendered_in_order():
    report = sample()
    report.sections["s1"] = SectionText(heading="一、工作开展情况", text="全年主动公开信息120条。\n第二段。")
    report.sections["s5"] = SectionText(heading=None, text="宣传解读仍需加强。")
    page = lxml_html.fromstring(render(report, "html"))
    headings = [h.text_content() for h in page.iter("h2")]
    assert headings == ["一、工作开展情况"] + [s.heading for s in SECTIONS[1:]]
    paragraphs = [p.text_content() for p in page.iter("p")]
    assert paragraphs.index("全年主动公开信息120条。") < paragraphs.index("宣传解读仍需加强。")
