"""Reports with deviations the template's variants do not list (ogi.synth.wild), and the
parser rules they needed: each read exactly, or null with a finding — never a wrong number."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from ogi import parse
from ogi.document import Position
from ogi.extract.tokens import (
    NA,
    NUM,
    TEXT,
    Unit,
    _read_free,
    cell_value,
    split_free_text,
    template_chars,
)
from ogi.synth.corpus import MANGLINGS, generate, write_one
from ogi.synth.report import synthesize
from ogi.synth.shapes.score import score_report
from ogi.synth.wild import KINDS, apply, kinds_of
from ogi.synth.writers import text_page
from ogi.template import FORMATS, SECTIONS
from ogi.template.layout import LABEL
from ogi.template.variant_chars import VARIANT_CHARS

# (rendering, kind) whose reports lose cells, each null with a finding: blank cells kept only as
# empty lines (text), and table 四's one row with blank cells at its end (HTML: the trailing
# blank cells of a row without labels are trimmed, so its 15 cells cannot be told apart)
NOT_EXACT = {("wild", "zero_blank"), ("wild_html", "zero_blank")}


def _parsed(tmp_path, fmt: str, kind: str, seed: str):
    data, expected = write_one(random.Random(seed), fmt, kind, "")
    path = tmp_path / f"{kind}.{'html' if fmt == 'wild_html' else 'txt'}"
    path.write_bytes(data)
    report = parse(path)
    return report, expected, score_report(expected, report)


@pytest.mark.parametrize("fmt,kind", [(f, k) for f in ("wild", "wild_html") for k in KINDS])
def test_every_deviation_reads_exactly_or_null_with_a_finding(tmp_path, fmt, kind):
    for n in range(2):
        _, _, score = _parsed(tmp_path, fmt, kind, f"test_wild:{kind}:{n}")
        assert score.wrong_silent == 0 and score.wrong_flagged == 0 and score.null_silent == 0, score.examples
        if (fmt, kind) not in NOT_EXACT:
            assert score.right == score.cells, score.examples
        assert score.meta_right == score.meta


def test_the_wild_formats_cycle_every_kind_and_are_deterministic(tmp_path):
    n = 2 * len(KINDS)
    first = generate(n, tmp_path / "a", seed=3, formats=("wild", "wild_html"))
    again = generate(n, tmp_path / "b", seed=3, formats=("wild", "wild_html"))
    assert [w.data for w in first] == [w.data for w in again]
    assert {w.mangling for w in first} == set(KINDS) == set(MANGLINGS["wild"])
    assert {w.format for w in first} == {"wild", "wild_html"}
    assert not any(w.error for w in first)  # a nulled zero would hide the rule an error breaks
    assert (tmp_path / "a" / "00000_wild_year_words.txt").is_file()
    assert (tmp_path / "a" / f"{len(KINDS):05d}_wild_html_year_words.html").is_file()


def test_a_zero_printed_as_a_mark_or_nothing_is_expected_null():
    s = synthesize(random.Random(11))
    before = s.expected_values()
    derived = set(FORMATS[s.template].table3.derived)
    zeros = [(t, r, c) for t in ("table3", "table4") for r, cols in before[t].items() for c, v in cols.items()
             if v == 0 and r not in derived]
    _, values = apply(random.Random(1), "zero_dash", s)
    marked = [(t, r, c) for t, r, c in zeros if s.printed[t][r][c] in ("—", "-", "——", "－", "–")]
    assert marked and all(values[t][r][c] is None for t, r, c in marked)
    kept = [(t, r, c) for t, r, c in zeros if s.printed[t][r][c] == 0]
    assert all(values[t][r][c] == 0 for t, r, c in kept)


def test_mixed_takes_one_deviation_of_each_family():
    picked = kinds_of(random.Random(4), "mixed")
    assert [KINDS[k].family for k in picked] == ["label", "value", "structure"]
    assert kinds_of(random.Random(4), "typo") == ("typo",)


def test_the_serial_column_moves_the_numbering_out_of_the_labels():
    s = synthesize(random.Random(2))
    page, _ = apply(random.Random(2), "serial_column", s)
    t3 = next(p.table for p in page.parts if p.table is not None and p.table.key == "table3")
    first_col = [c.text for c in sorted(t3.cells, key=lambda c: c.row) if c.col == 0 and c.text]
    assert first_col[:4] == ["序号", "一", "二", "三"]
    assert "本年新收政府信息公开申请数量" in [c.text for c in t3.cells if c.role == LABEL]


# ------------------------------------------------------------------ the rules, one by one

def test_traditional_characters_read_as_the_templates():
    assert template_chars("三、收到和處理政府信息公開申請情況") == "三、收到和处理政府信息公开申请情况"
    assert template_chars("結轉下年度繼續辦理") == "结转下年度继续办理"
    assert template_chars("本年新收") == "本年新收"  # nothing to change: the same object back
    assert [k for k, *_ in _read_free("二、上年結轉政府信息公開申請數量 3")] == [TEXT, NUM]
    assert _read_free("二、上年結轉政府信息公開申請數量 3")[0][1] == "二、上年结转政府信息公开申请数量"


def test_the_variant_characters_are_forms_of_template_characters_only():
    texts = set()
    for f in FORMATS.values():
        for t in f.tables:
            for r in t.rows:
                texts |= {x for x in (r.label, r.caption) if x} | set(r.variants) | set(r.column_labels)
            texts |= {g.label for g in t.groups} | {v for g in t.groups for v in g.variants} | set(t.headers)
    texts |= {s.heading for s in SECTIONS} | {k for s in SECTIONS for k in s.keywords}
    chars = {c for t in texts for c in t}
    assert len(VARIANT_CHARS) == 84
    assert all(v in chars for v in VARIANT_CHARS.values())
    assert not any(k in chars for k in VARIANT_CHARS)


def test_an_en_dash_marks_a_cell_not_applicable():
    for mark in ("–", "—", "－", "-", "/", "无"):
        tok = cell_value(mark)
        assert tok is not None and tok.kind == NA and tok.value is None, mark


def test_a_two_or_three_em_dash_glyph_is_the_dash_mark():
    # pdfminer, pdfplumber and pypdf print a cell's "——" as one glyph, U+2E3A (or U+2E3B)
    for mark in ("\u2e3a", "\u2e3b", "\u2015\u2015", "\ufe58"):
        tok = cell_value(mark)
        assert tok is not None and (tok.kind, tok.text, tok.value) == (NA, "——"[: len(mark)], None), mark


def test_the_hyphen_glyphs_are_a_minus_sign_or_the_dash_mark():
    for hyphen in ("\u2010", "\u2011", "\u2012", "\u2043"):
        tok = cell_value(hyphen)
        assert tok is not None and (tok.kind, tok.text) == (NA, "-"), hyphen
        tok = cell_value(hyphen + "2")
        assert tok is not None and (tok.kind, tok.value) == (NUM, -2), hyphen


def test_a_division_or_fraction_slash_glyph_is_the_slash_mark():
    # a PDF font maps a zero_na cell's ／ to U+2215; read as text, the row's values shifted left
    for mark in ("\u2215", "\u2044", "／", "\u2571"):
        tok = cell_value(mark)
        assert tok is not None and (tok.kind, tok.text, tok.value) == (NA, "/", None), mark


def test_label_numbering_in_brackets_or_circled_is_no_value():
    nums = [p[3] for p in split_free_text("(1)属于国家秘密 0 2 ②重复申请 3 （3）其他 4") if p[0] == NUM]
    assert nums == [0, 2, 3, 4]
    assert [p[3] for p in split_free_text("3 . 其他 0 1") if p[0] == NUM] == [0, 1]
    assert [p[3] for p in split_free_text("1  .本机关不掌握相关政府信息 5") if p[0] == NUM] == [5]
    assert [p[3] for p in split_free_text("合计(3) 件") if p[0] == NUM] == [3]  # no label after it: a value


def test_a_spaced_slash_inside_a_label_is_no_mark():
    assert [k for k, *_ in _read_free("上一年项目数量 本 年 增 / 减 处理决定数量")] == [TEXT]
    assert [k for k, *_ in _read_free("规章 / / 3")] == [TEXT, NA, NA, NUM]


def test_a_note_under_a_table_is_prose_even_as_a_table_row():
    pos = Position(line=1)
    assert Unit("注:1.本表数据由各科室汇总;2.表中“0”表示无此项情况。 | |", [], pos, True).prose
    assert Unit("备注：本年度有6件为同一申请人重复提出 | ||", [], pos, True).prose
    assert Unit("说明 : 单位为件", [], pos, False).prose
    assert not Unit("一、本年新收政府信息公开申请数量 | 3 | 0", [], pos, True).prose


def test_a_note_row_at_the_end_of_an_html_table_leaves_the_last_row_whole():
    # 注 printed as the table's last row (one cell spanning it) must end the table: read as a
    # row's text, it was taken for an eighth cell of 四、结转 and the row was lost
    from pathlib import Path
    import json
    samples = Path(__file__).resolve().parents[1] / "samples"
    page = (samples / "html_html.html").read_text(encoding="utf-8")
    end = page.index("</tr>", page.index("结转下年度继续办理")) + len("</tr>")
    note = '\n<tr><td colspan="10">注：“总计”栏中包含通过网络平台收到的申请3件。</td></tr>'
    report = parse((page[:end] + note + page[end:]).encode("utf-8"), name="page.html")
    expected = json.loads((samples / "expected" / "html_html.json").read_text(encoding="utf-8"))
    assert report.table3["carried_forward"] == expected["table3"]["carried_forward"]
    assert [f.code for f in report.findings if f.where and f.where.startswith("table3")] == []


def _page_text(seed: int, kind: str | None, flattening: str, edit=None):
    rng = random.Random(seed)
    s = synthesize(rng)
    if kind:
        page, values = apply(rng, kind, s)
    else:
        page, values = s.page(), s.expected_values()
    if edit:
        for part in page.parts:
            if part.table is not None:
                part.table = replace(part.table, cells=tuple(edit(c) for c in part.table.cells))
    return text_page(rng, page, s.profile, flattening), values


def _read(tmp_path, text: str):
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    return parse(path)


def test_blank_cells_lost_with_their_lines_leave_the_row_null_not_shifted(tmp_path):
    text, values = _page_text(12, "zero_blank", "cells")
    report = _read(tmp_path, text)
    ambiguous = {f.where for f in report.findings if f.code == "CELL_AMBIGUOUS"}
    for row, cols in values["table3"].items():
        got = report.table3[row]
        if all(v is None for v in cols.values()):
            assert all(v is None for v in got.values()), row  # nothing printed: nothing read
        elif any(v is None for v in cols.values()) and row not in ("other",):
            assert all(v is None for v in got.values()), row
            assert f"table3.{row}" in ambiguous, row
        elif row != "other":
            assert got == cols, row
    blanked = [r for r, cols in values["table3"].items() if r != "other" and any(v is None for v in cols.values())]
    assert len(blanked) >= 5


def test_a_number_alone_on_its_line_is_never_split_to_fill_a_row(tmp_path):
    text = _page_text(12, None, "paragraphs")[0]
    report = _read(tmp_path, text)
    assert report.findings is not None
    # 规章 3 ⏎ ⏎ 46: the blank paragraph of a blank cell is gone; 46 is one cell, not 4 and 6
    lines = text.split("\n\n")
    at = lines.index("规章")
    lines[at + 1:at + 4] = ["3", "", "46"]
    report = _read(tmp_path, "\n\n".join(lines))
    assert set(report.table2["regulations"].values()) == {None}
    assert any(f.code == "CELL_AMBIGUOUS" and f.where == "table2.regulations" for f in report.findings)


def test_an_extra_sub_row_is_read_past_with_a_finding(tmp_path):
    for flattening in ("paragraphs", "rows", "cells"):
        text, values = _page_text(17, "subrow", flattening)
        assert "其中" in text
        report = _read(tmp_path, text)
        assert report.table3 == values["table3"], flattening
        extra = [f for f in report.findings if f.code == "TEMPLATE_DEVIATION" and "其中" in f.message]
        assert len(extra) == 1 and extra[0].where == "table3", flattening


def test_labels_numbered_in_another_style_read_as_their_rows(tmp_path):
    restyle = {"(一)予以公开": "1.予以公开", "(七)总计": "7.总计", "1.属于国家秘密": "(1)属于国家秘密",
               "2.重复申请": "②重复申请", "三、本年度办理结果": "本年度办理结果"}

    def edit(c):
        return replace(c, text=restyle.get(c.text, c.text)) if c.role == LABEL else c
    for flattening in ("rows", "paragraphs"):
        text, values = _page_text(21, None, flattening, edit)
        assert "7.总计" in text and "②重复申请" in text
        report = _read(tmp_path, text)
        assert report.table3 == values["table3"], flattening
        assert not [f for f in report.findings if f.code in ("CELL_TEXT", "ROW_LABEL_MISSING", "TEMPLATE_DEVIATION")]


def test_a_numbered_header_word_is_no_row_of_another_number(tmp_path):
    # "2.其他法律…" broken after 其他 must not read as row 3.其他 (it is the row of its own number)
    def edit(c):
        return replace(c, text="2.其他\n法律行政法规禁止公开") if c.role == LABEL and c.text.startswith("2.其他法律") else c
    text, values = _page_text(21, None, "rows", edit)
    report = _read(tmp_path, text)
    assert not any(f.code == "ROW_MISSING" for f in report.findings)
    assert report.table3["other"] == values["table3"]["other"]


def test_the_wild_shapes_of_a_labelled_folder_keep_every_value(tmp_path):
    from pathlib import Path

    from ogi.synth.shapes import make_shapes

    samples = Path(__file__).resolve().parent.parent / "samples"
    shapes = ["wild_labels", "wild_values", "wild_structure"]
    outcome = make_shapes(samples, tmp_path, shapes)
    assert {k: len(v) for k, v in outcome.written.items()} == {s: 10 for s in shapes}
    page = (tmp_path / "wild_structure" / "txt_rows.html").read_text(encoding="utf-8")
    assert "其中" in page and "单位" in page
    for shape in shapes:
        for stem in outcome.written[shape]:
            import json
            expected = json.loads((tmp_path / shape / "expected" / f"{stem}.json").read_text(encoding="utf-8"))
            score = score_report(expected, parse(tmp_path / shape / f"{stem}.html"))
            assert score.right == score.cells and score.meta_right == score.meta, (shape, stem, score.examples)


def test_a_bare_total_heading_a_row_of_values_reads_as_the_total_row(tmp_path):
    def edit(c):
        return replace(c, text="总计") if c.role == LABEL and c.text == "(七)总计" else c
    text, values = _page_text(8, None, "rows", edit)
    assert "\n总计 |" in text
    report = _read(tmp_path, text)
    assert report.table3 == values["table3"]
    assert not [f for f in report.findings if f.code in ("ROW_MISSING", "ROW_LABEL_MISSING", "ROW_AMBIGUOUS")]
