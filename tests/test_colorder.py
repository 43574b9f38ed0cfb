"""Table 三's applicant columns printed in another order than the template's
(``ogi.extract.colorder``): a grid's header says which column is which."""

from __future__ import annotations

from pathlib import Path

import pytest

import ogi.extract as extract_module
from ogi import parse
from ogi.document import Cell, Document, Table
from ogi.extract.colorder import columns_in_template_order

ROOT = Path(__file__).resolve().parent.parent
ORDER = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]


def _table(headers: list[str], values: list[str], spans: tuple[Cell, ...] = ()) -> Table:
    cells = [Cell("申请人情况", 0, 1, 1, 7), *spans]
    cells += [Cell(h, 1, 1 + i) for i, h in enumerate(headers)]
    cells += [Cell("一、本年新收政府信息公开申请数量", 2, 0)] + [Cell(v, 2, 1 + i) for i, v in enumerate(values)]
    return Table(cells)


def _row(table: Table, row: int) -> list[str]:
    return [c.text for c in sorted((c for c in table.cells if c.row == row), key=lambda c: c.col)]


def test_swapped_columns_are_put_in_the_templates_order_headers_and_values_alike():
    printed = ["自然人", "科研机构", "商业企业", "社会公益组织", "法律服务机构", "其他", "总计"]
    doc, notes = columns_in_template_order(Document([_table(printed, ["5", "2", "3", "0", "0", "0", "10"])], "html"))
    table = doc.blocks[0]
    assert _row(table, 1) == ORDER
    assert _row(table, 2) == ["一、本年新收政府信息公开申请数量", "5", "3", "2", "0", "0", "0", "10"]
    assert notes == ["自然人、科研机构、商业企业、社会公益组织、法律服务机构、其他、总计"]


def test_total_printed_first_moves_to_the_last_column():
    printed = ["总计", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    doc, _ = columns_in_template_order(Document([_table(printed, ["10", "5", "3", "2", "0", "0", "0"])], "html"))
    assert _row(doc.blocks[0], 2)[1:] == ["5", "3", "2", "0", "0", "0", "10"]


@pytest.mark.parametrize("headers,spans", [
    (ORDER, ()),  # the template's order: nothing to do
    (["自然人", "科研机构", "商业企业", "社会公益组织", "法律服务机构", "其他", "其他"], ()),  # 总计 missing, 其他 twice
    # a cell spanning 商业企业 and 社会公益组织 only, which move apart: its column cannot be told
    (["自然人", "科研机构", "商业企业", "社会公益组织", "法律服务机构", "其他", "总计"], (Cell("法人", 0, 3, 1, 2),)),
])
def test_a_table_whose_columns_cannot_be_told_is_left_as_it_is(headers, spans):
    doc = Document([_table(headers, ["1"] * 7, spans)], "html")
    assert columns_in_template_order(doc) == (doc, [])


def _page(swap: tuple[str, str] | None = None) -> bytes:
    """samples/html_html.html with 3 商业企业 applications more in row 一 (its 总计 too, so that
    商业企业 and 科研机构 differ), and the table 三 columns headed ``swap`` exchanged, header
    and values: in every row the two one-column cells in those columns change places."""
    from lxml import html as lxml_html

    page = lxml_html.fromstring((ROOT / "samples" / "html_html.html").read_bytes())
    table = next(t for t in page.iter("table") if "予以公开" in t.text_content())
    taken: set[tuple[int, int]] = set()
    grid: list[dict[int, object]] = []
    for r, tr in enumerate(table.findall(".//tr")):  # each cell's column, spans counted
        c, cells = 0, {}
        for td in tr.findall("td"):
            while (r, c) in taken:
                c += 1
            span, down = int(td.get("colspan", 1)), int(td.get("rowspan", 1))
            taken |= {(r + i, c + j) for i in range(down) for j in range(span)}
            if span == 1:
                cells[c] = td
            c += span
        grid.append(cells)
    col = {td.text_content().strip(): c for cells in grid for c, td in cells.items()}
    first = next(cells for cells in grid if col["商业企业"] in cells and cells[col["商业企业"]].text.strip().isdigit())
    for name in ("商业企业", "总计"):
        first[col[name]].text = str(int(first[col[name]].text) + 3)
    for cells in grid if swap else ():
        x, y = cells.get(col[swap[0]]), cells.get(col[swap[1]])
        if x is not None and y is not None:
            x.text, y.text = y.text, x.text
    return lxml_html.tostring(page, encoding="utf-8")


def test_a_web_page_with_two_columns_swapped_reads_every_value_with_a_finding(monkeypatch):
    """The page with 商业企业 and 科研机构 swapped, header and values, reads as the page in the
    template's order, with a finding. Before the rule, 商业企业's 3 went to 科研机构 with no
    finding (every identity holds whatever the order)."""
    straight = parse(_page(), name="straight.html")
    swapped = parse(_page(("商业企业", "科研机构")), name="swapped.html")
    assert straight.table3["new_received"]["commercial"] == 3
    assert swapped.table3 == straight.table3
    assert [f.message for f in swapped.findings if f.code == "TEMPLATE_DEVIATION"] == [
        "表三申请人各列的顺序与规定格式不同(印为:自然人、科研机构、商业企业、社会公益组织、法律服务机构、其他、总计),已按表头读入各列"]
    monkeypatch.setattr(extract_module, "columns_in_template_order", lambda doc: (doc, []))
    before = parse(_page(("商业企业", "科研机构")), name="swapped.html")
    assert (before.table3["new_received"]["commercial"], before.table3["new_received"]["research"]) == (0, 3)
