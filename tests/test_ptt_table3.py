"""Table 三's extra columns in poppler's pdftotext text: 总计 and last year's value glued
(``ogi.extract.ptt_lastyear``), each glued token cut where the row's sum says, only where every
run of numbers cuts into rows one way and the 总计 column so read keeps the table's column
identities; a 小计/合计 column whose header word wrapped a character a line
(``ogi.extract.ptt_subtotal``) dropped where every row keeps the widened sums — and everything
else left as printed.

Fixtures (``tests/fixtures/ptt20``): ``ogi synth 22 --formats wild5_html --seed 20201`` (and 20202), the
year_compare reports rendered by ``ogi synth --shapes pdftotext`` (docs/renderings.md, twentieth session, ptt20)."""

from __future__ import annotations

import json
from pathlib import Path

from ogi import parse
from ogi.document import Document, Paragraph
from ogi.extract.ptt_lastyear import last_year_pairs_spaced
from ogi.extract.ptt_lastyear_stacked import last_year_stacked_dropped
from ogi.extract.ptt_subtotal import subtotal_column_dropped
from ogi.extract.yearcols import last_year_column_dropped
from ogi.template.formats import TABLE3_2021

FIXTURES = Path(__file__).parent / "fixtures" / "ptt20"
TITLE = "某县财政局2023年政府信息公开工作年度报告"
HEADER3 = ["三、收到和处理政府信息公开申请情况", "申请人情况", "上年", "总", "自然 商业 科研 社会公 法律服 其 计 同期",
           "人 企业 机构 益组织 务机构 他"]
T4 = "四、政府信息公开行政复议、行政诉讼情况"
DROPPED3 = "表三在总计右侧另印上年数一列,该列未读入(各行前六列之和等于总计,已核)"
LABELS = [row.label for row in TABLE3_2021.rows]
ZERO = [0] * 6
# each row's six applicant values and last year's: 一+二 = (七)+四 and (七) = the results, in every column
SIX = {"new_received": [12, 3, 0, 0, 0, 0], "carried_over": [1, 0, 0, 0, 0, 0], "granted": [10, 3, 0, 0, 0, 0],
       "denied.state_secret": [1, 0, 0, 0, 0, 0], "total": [11, 3, 0, 0, 0, 0], "carried_forward": [2, 0, 0, 0, 0, 0]}
LAST = {"new_received": 20, "carried_over": 2, "granted": 11, "denied.state_secret": 0, "total": 13,
        "carried_forward": 5, "unable.not_held": 1}


def _values(key: str) -> tuple[list[int], int, int]:
    six = SIX.get(key, ZERO)
    return six, sum(six), LAST.get(key, 0)


def _printed(key: str) -> str:
    """A row's values as pdftotext prints them: 总计 and last year glued where both are one digit."""
    six, total, last = _values(key)
    tail = f"{total}{last}" if total < 10 and last < 10 else f"{total} {last}"
    return " ".join(map(str, six)) + " " + tail


def _doc(lines: list[str]) -> Document:
    return Document([Paragraph(line) for line in [TITLE, *HEADER3, *lines, T4]], "txt")


def _table(printed=_printed) -> list[str]:
    return [line for row in TABLE3_2021.rows for line in (row.label, printed(row.key))]


def _text(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks]


def test_glued_pairs_cut_by_the_row_sum_then_last_years_column_dropped():
    doc = _doc(_table())
    out, found = last_year_pairs_spaced(doc)
    assert found == []
    text = _text(out)
    assert "0 0 0 0 0 0 0 1" in text  # (四)1's 01: 总计 0, last year 1
    assert "1 0 0 0 0 0 1 2" in text  # 二's 12: 总计 1, last year 2
    assert "12 3 0 0 0 0 15 20" in text  # spaced as printed
    dropped, found = last_year_column_dropped(out)
    assert [(f.code, f.message) for f in found] == [("TEMPLATE_DEVIATION", DROPPED3)]
    values = [t for t in _text(dropped) if all(tok.isdigit() for tok in t.split())]
    assert values == [" ".join(map(str, [*_values(row.key)[0], _values(row.key)[1]])) for row in TABLE3_2021.rows]


def test_a_row_wrapped_over_lines_and_two_rows_in_one_run_are_cut_too():
    lines = []
    for row in TABLE3_2021.rows:
        printed = _printed(row.key).split()
        wrapped = [" ".join(printed[:3]), printed[3], " ".join(printed[4:])]  # 0 0 0 ⏎ 0 ⏎ 0 0 01
        lines += [row.label, *wrapped] if row.key != "denied.third_party_rights" else wrapped
    out, _ = last_year_pairs_spaced(_doc(lines))  # (三)4's values run on into (三)5's: a run of fourteen
    assert _text(out).count("0 0 0 0") == len(LABELS) - len(SIX) - 1  # every zero row's 00 cut (not (四)1's 01)
    assert "0 0 0 1" in _text(out)
    assert "1 0 0 0 0 0 1 2" not in _text(out) and "0 0 1 2" in _text(out)


def test_left_as_printed_where_a_column_identity_fails():
    def slipped(key: str) -> str:  # (七)'s 总计 glued as 1‖1 where the results sum to 14
        return "1 0 0 0 0 0 11" if key == "total" else _printed(key)
    doc = _doc(_table(slipped))
    assert last_year_pairs_spaced(doc) == (doc, [])


def test_left_as_printed_where_a_token_cuts_no_way_or_the_rows_are_not_the_tables():
    def no_cut(key: str) -> str:  # 二's 总计 1, printed 23: no cut starts with 1
        return "1 0 0 0 0 0 23" if key == "carried_over" else _printed(key)
    doc = _doc(_table(no_cut))
    assert last_year_pairs_spaced(doc) == (doc, [])
    short = _table()[:-2]  # 四、结转 not printed: 24 rows, no format's table 三
    doc = _doc(short)
    assert last_year_pairs_spaced(doc) == (doc, [])


def test_left_as_printed_without_a_last_year_header_or_with_nothing_glued():
    doc = Document([Paragraph(line) for line in [TITLE, *HEADER3[:2], *HEADER3[3:], *_table(), T4]], "txt")
    doc = Document([b for b in doc.blocks if b.text != "上年"], "txt")
    assert last_year_pairs_spaced(doc) == (doc, [])
    spaced = _doc(_table(lambda key: " ".join(map(str, [*_values(key)[0], _values(key)[1], _values(key)[2]]))))
    assert last_year_pairs_spaced(spaced) == (spaced, [])


def _table3_cells(tables: dict) -> dict[str, object]:
    """Table 三's cells by ``row.column`` (row keys with a dot, 1–2 levels deep)."""
    out: dict[str, object] = {}
    def walk(prefix: str, node: object) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(f"{prefix}.{k}" if prefix else k, v)
        else:
            out[prefix] = node
    walk("", tables["table3"])
    return out


def test_pdftotext_year_compare_read_whole():
    """Every table 三 cell the expectation names is read right, the glued rows among them."""
    for path in sorted(FIXTURES.glob("*.txt")):
        report = parse(path)
        want = _table3_cells(json.loads((FIXTURES / "expected" / (path.stem + ".json")).read_text(encoding="utf-8")))
        got = _table3_cells(json.loads(report.model_dump_json()))
        assert {k: got.get(k) for k in want} == want, path.name
        assert DROPPED3 in [f.message for f in report.findings], path.name


# ------------------------------------------------------------------ table 三's subtotal column (ptt_subtotal)

HEADER_SUB = ["三、收到和处理政府信息公开申请情况", "申请人情况", "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加 自",
              "法人或其他组织", "第四项之和)", "然 商业 科研 社会公 法律服 其 合 总计", "人 企业 机构 益组织 务机构 他 计"]
DROPPED_SUB = "表三多出“合计”列(不在规定格式中),已略去"


def _widened(key: str) -> list[int]:
    six = SIX.get(key, ZERO)
    return [*six, sum(six[1:]), sum(six)]


def _sub_doc(rows: list[list[int]], header: list[str] = HEADER_SUB) -> Document:
    lines = []
    for label, values in zip(LABELS, rows):
        printed = list(map(str, values))
        lines += [label, " ".join(printed[:3]), printed[3], " ".join(printed[4:])]  # 6 0 0 ⏎ 0 ⏎ 0 0 0 6
    return Document([Paragraph(line) for line in [TITLE, *header, *lines, T4]], "txt")


def test_subtotal_whose_header_wrapped_dropped_from_each_row_of_eight():
    out, found = subtotal_column_dropped(_sub_doc([_widened(row.key) for row in TABLE3_2021.rows]))
    assert [(f.code, f.where, f.message) for f in found] == [("TEMPLATE_DEVIATION", "table3", DROPPED_SUB)]
    text = _text(out)
    assert text[text.index(LABELS[0]) + 1:text.index(LABELS[1])] == ["12 3 0", "0", "0 0 15"]  # the 3 left
    assert text[text.index(LABELS[-1]) + 1:] == ["2 0 0", "0", "0 0 2", T4]


def test_subtotal_left_where_the_header_or_the_sums_do_not_say_so():
    rows = [_widened(row.key) for row in TABLE3_2021.rows]
    whole = [*HEADER_SUB[:5], "然 商业 科研 社会公 法律服 其 合计 总计", HEADER_SUB[6][:-2]]  # the aligner's own case
    no_total = [*HEADER_SUB[:5], "然 商业 科研 社会公 法律服 其 合", HEADER_SUB[6]]  # 合(计) is the total itself
    stacked = [*HEADER_SUB[:5], "然 商业 科研 社会公 法律服 其 总计", "合", "计", HEADER_SUB[6][:-2]]  # the layout joins it
    for header in (whole, no_total, stacked):
        doc = _sub_doc(rows, header)
        assert subtotal_column_dropped(doc) == (doc, [])
    slipped = [*rows[:1], [1, 0, 0, 0, 0, 0, 1, 1], *rows[2:]]  # 二: 1 in 自然人 and in the subtotal, 总计 1
    doc = _sub_doc(slipped)
    assert subtotal_column_dropped(doc) == (doc, [])
    balance = [*rows[:-1], [3, 0, 0, 0, 0, 0, 0, 3]]  # 四 3: 一+二 = (七)+四 fails in 自然人
    doc = _sub_doc(balance)
    assert subtotal_column_dropped(doc) == (doc, [])
    doc = _sub_doc(rows[:-1])  # 24 rows: no format's table 三
    assert subtotal_column_dropped(doc) == (doc, [])


# ------------------------------------------------------------------ last year's column headed down the cell (ptt_lastyear_stacked)

HEADER_DOWN = ["三、收到和处理政府信息公开申请情况", "申请人情况", "法人或其他组织", "自", "然", "人", "商", "科", "社会 法律",
               "公益 服务", "组织 机构", "上", "其", "他", "总", "计", "年", "总", "计"]


def _down_doc(rows: list[list[int]], cut_at: int | None = None, header: list[str] = HEADER_DOWN) -> Document:
    lines = []
    for k, (label, values) in enumerate(zip(LABELS, rows)):
        printed = list(map(str, values))
        if k == cut_at:  # a page's foot and the header again inside the row's values
            lines += [label, *printed[:6], "第5页", "某县财政局", "申请人情况", *printed[6:]]
        else:
            lines += [label, *printed]
    return Document([Paragraph(line) for line in [TITLE, *header, *lines, T4]], "txt")


def test_last_years_column_headed_down_the_cell_dropped_a_row_cut_by_a_page_too():
    rows = [[*_values(row.key)[0], _values(row.key)[1], _values(row.key)[2]] for row in TABLE3_2021.rows]
    out, found = last_year_stacked_dropped(_down_doc(rows, cut_at=7))
    assert [(f.code, f.where, f.message) for f in found] == [("TEMPLATE_DEVIATION", "table3", DROPPED3)]
    text = _text(out)
    assert text[text.index(LABELS[0]) + 1:text.index(LABELS[1])] == ["12", "3", "0", "0", "0", "0", "15"]  # 20 gone
    assert "1" not in text[text.index(LABELS[12]) + 1:text.index(LABELS[13])]  # (四)1's last year 1 gone


def test_last_years_column_headed_down_the_cell_left_where_the_rows_do_not_say_so():
    rows = [[*_values(row.key)[0], _values(row.key)[1], _values(row.key)[2]] for row in TABLE3_2021.rows]
    doc = _down_doc(rows, header=[h for h in HEADER_DOWN if h != "上"])  # no 上: the extra column is not told
    assert last_year_stacked_dropped(doc) == (doc, [])
    slipped = [*rows[:1], [1, 0, 0, 0, 0, 0, 2, 2], *rows[2:]]  # 二: six sum 1, 总计 2
    doc = _down_doc(slipped)
    assert last_year_stacked_dropped(doc) == (doc, [])
    zeros = [[0] * 8 for _ in rows]  # both readings sum: which column is last year's is not told
    doc = _down_doc(zeros)
    assert last_year_stacked_dropped(doc) == (doc, [])
    doc = _down_doc(rows[:-1])  # 24 rows: no format's table 三
    assert last_year_stacked_dropped(doc) == (doc, [])


def test_a_laid_out_row_keeps_its_subtotal_for_the_aligner() -> None:
    # w3m prints each row's eight values on its label's line and the 小计 header wrapped (其 小 计 ⏎ 他 计):
    # the aligner widens table 三 by the header itself; dropping the seventh value first left each row
    # one value short of the widened table's cells, and table 三 null (hold20 wild7b 00035)
    path = Path(__file__).parent / "fixtures" / "ptt20_layout" / "w3m_subtotal_wrapped.txt"
    report = parse(path)
    assert report.table3["new_received"] == {"natural_person": 2, "commercial": 0, "research": 0,
                                             "social_welfare": 0, "legal_service": 1, "other_org": 0, "total": 3}
    assert not any(v is None for row in report.table3.values() for v in row.values())
    assert [f.message for f in report.findings if f.code == "TEMPLATE_DEVIATION"] == [
        "表三多出“小计”列(不在规定格式中),已略去"]
