"""The nineteenth session's speed cuts give the same answers as the code they skip.

Each cut is a quick test that is the precondition of the work it lets a report skip: it must
say "may apply" wherever the work finds something. Random inputs are run through each pass
with its quick test and with the quick test forced to "may apply" (or beside the old
expression), and must come out the same; the runs are sized so that both the quick test's "no"
and the pass's finds occur (asserted, so the inputs stay meaningful).
"""

from __future__ import annotations

import random
import sys
import unicodedata
from dataclasses import astuple

import pytest

from ogi.document import Cell, Document, Paragraph, Position, Table
from ogi.extract import colorder, colorder_rows, colorder_t4, colsplit_text, decoys
from ogi.readers import md_guessed
from ogi.template.formats import APPLICANT_COLUMNS, FORMATS
from ogi.template.normalize import label_key, nfkc
from ogi.template.variant_chars import VARIANT_CHARS

TRIALS = 3000


# ------------------------------------------------------------------ decoys: the shortest line cut

T3_LABELS = ("一、本年新收政府信息公开申请数量5000005二、上年结转政府信息公开申请数量0000000"
             "(一)予以公开5000005(二)部分公开0000000(三)不予公开1.属于国家秘密0000000")
TAIL = ("(六)其他处理0000000(七)总计5000005四、结转下年度继续办理0000000"
        "各季度办理情况如下:项目第一季度第二季度第三季度第四季度合计收到申请31105予以公开00123")
PIECES = ("总计", "其他", "规章", "自然人", "予以公开", "0", "12", "3", " ", "、", "。", "情况如下各季度办理第一季度",
          "本机关全年共收到政府信息公开申请")


def test_decoy_cut_gate_is_the_shortest_line_a_cut_needs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every substring of a one-line table with a decoy glued after it, and random strings of
    labels, digits and words around the bound, cut the same with the length gate and without."""
    rng = random.Random(19)
    whole = T3_LABELS + TAIL
    texts = [whole[a:b] for a in range(0, len(whole), 7) for b in range(a + 1, len(whole) + 1, 3)]
    texts += ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 30))) for _ in range(TRIALS)]
    bound = decoys._min_cut_chars()
    assert bound == decoys.TABLE_LINE_PHRASES * 2 + 1 + decoys.BARRIER_GAP  # the dictionary's keys: 2 characters at least
    gated = [decoys.decoy_cut(t) for t in texts]
    monkeypatch.setattr(decoys, "_min_cut_chars", lambda: 0)
    full = [decoys.decoy_cut(t) for t in texts]
    assert gated == full
    assert sum(cut is not None for cut in full) >= 30  # cuts occur
    assert min(len(t) for t, cut in zip(texts, full) if cut is not None) >= bound
    assert sum(len(t) < bound for t in texts) > 1000  # and the gate's "no"


# ------------------------------------------------------------------ colsplit_text: two first rows

def test_no_character_but_收_and_政_themselves_keys_as_either() -> None:
    """The rows_joined gate's regex rests on it: NFKC gives 收 or 政 from no other character,
    and no traditional form folds to either."""
    for ch in "收政":
        assert [c for c in range(sys.maxunicode + 1) if chr(c) != ch and ch in nfkc(chr(c))] == []
        assert [k for k, v in VARIANT_CHARS.items() if ch in v] == []
    assert all(len(v) == 1 for v in VARIANT_CHARS.values())  # a folded character is one character: none is dropped
    first = label_key(FORMATS["2021"].table3.rows[0].label or "")
    assert first == label_key(FORMATS["2019"].table3.rows[0].label or "")
    assert first[first.index(colsplit_text.FIRST_CHAR) + 1] == "政"


DECORATIONS = (" ", "\u3000", "\u00a0", "\u200b", "、", "(", ")", "（", "）", ".", "|", "\t", "-", "—", "*", "【", "】")


def test_every_text_keyed_as_the_first_row_holds_the_piece_the_gate_looks_for() -> None:
    """Texts whose key begins with the first row label, decorated with what a key drops (spaces,
    brackets, numbering's punctuation, zero-width spaces) and in traditional characters, each
    hold a match of the gate's regex; texts of 收费 and 收到 hold none."""
    rng = random.Random(191)
    label = FORMATS["2021"].table3.rows[0].label or ""
    traditional = {v: k for k, v in VARIANT_CHARS.items()}
    keyed = 0
    for _ in range(TRIALS):
        text = "".join(ch + (rng.choice(DECORATIONS) if rng.random() < 0.2 else "") for ch in label)
        if rng.random() < 0.3:
            text = "".join(traditional.get(ch, ch) if rng.random() < 0.5 else ch for ch in text)
        if rng.random() < 0.3:
            text = unicodedata.normalize("NFKD", text)
        text += rng.choice(("", "5", " 0 0 0", "(件)"))
        if label_key(text).startswith(label_key(label)):
            keyed += 1
            assert colsplit_text._FIRST_ROW_PIECE.search(text), text
    assert keyed > TRIALS // 2
    for text in ("本年收费金额(单位:万元)", "行政事业性收费", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                 "收到政府信息公开申请"):
        assert not colsplit_text._FIRST_ROW_PIECE.search(text)


# ------------------------------------------------------------------ colorder_rows: the first column

T2_LABELS = tuple(row.label for row in FORMATS["2021"].table2.rows if row.label)
OTHER_LABELS = ("一、本年新收政府信息公开申请数量", "自然人", "信息内容", "", "行政复议", "注:")


def _t2_table(rng: random.Random) -> Table:
    """Rows of table 二's labels (shuffled now and then) or other words, values after them, a
    label now and then out of the first column or spanning two rows."""
    labels = list(T2_LABELS)
    if rng.random() < 0.5:
        rng.shuffle(labels)
    cells: list[Cell] = []
    for r in range(rng.randint(1, 8)):
        text = labels[r % len(labels)] if rng.random() < 0.6 else rng.choice(OTHER_LABELS)
        col = 0 if rng.random() < 0.9 else 1
        span = 2 if rng.random() < 0.05 else 1
        cells.append(Cell(text, r, col, span, 1, Position(line=r + 1)))
        cells += [Cell(str(rng.randint(0, 9)), r, c, 1, 1, Position(line=r + 1)) for c in range(col + 1, col + 4)]
    if rng.random() < 0.2:
        rng.shuffle(cells)
    return Table(cells)


def test_rows_in_template_order_gate_keeps_every_move(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(192)
    tables = [_t2_table(rng) for _ in range(TRIALS)]
    gated = [colorder_rows._reordered(t) for t in tables]
    skipped = sum(not colorder_rows._may_run(t) for t in tables)
    monkeypatch.setattr(colorder_rows, "_may_run", lambda table: True)
    full = [colorder_rows._reordered(t) for t in tables]
    assert [None if g is None else ([astuple(c) for c in g[0].cells], g[1]) for g in gated] == \
        [None if f is None else ([astuple(c) for c in f[0].cells], f[1]) for f in full]
    assert skipped > 200 and sum(f is not None for f in full) > 200


# ------------------------------------------------------------------ colorder: each cell's key once

HEADERS = tuple(m.label for m in APPLICANT_COLUMNS)
HEADER_WORDS = (*HEADERS, "總計", "商業企業", "商业<br>企业", "申请人情况", "法人或其他组织", "其他", "0", "", "12")


def _old_header_columns(table: Table) -> list[int] | None:
    """colorder._header_columns as the eighteenth session left it (each key made twice)."""
    if not colorder._HEADER_KEYS <= set(map(colorder._header_key, filter(lambda t: not t.isascii(),
                                                                          map(colorder._TEXT, table.cells)))):
        return None
    found: dict[str, list[Cell]] = {}
    for cell in table.cells:
        if cell.text.isascii():
            continue
        key = colorder._header_key(cell.text)
        if key in colorder._HEADERS:
            found.setdefault(key, []).append(cell)
    if len(found) != len(colorder._HEADERS):
        return None
    colorder._others_on_the_organisations_row(found)
    if any(len(cells) != 1 or cells[0].colspan != 1 for cells in found.values()):
        return None
    rows = [cells[0].row for cells in found.values()]
    if max(rows) - min(rows) > colorder._HEADER_ROWS_AT_MOST - 1:
        return None
    return [found[key][0].col for key in colorder._HEADERS]


def test_header_columns_read_as_before() -> None:
    rng = random.Random(193)
    tables = []
    for _ in range(TRIALS):
        words = list(HEADERS) + [rng.choice(HEADER_WORDS) for _ in range(rng.randint(0, 6))]
        rng.shuffle(words)
        if rng.random() < 0.3:
            words.pop(rng.randrange(len(words)))
        tables.append(Table([Cell(w, rng.choice((0, 1, 2)) if rng.random() < 0.97 else 4, c, 1, 1 if rng.random() < 0.97 else 2)
                             for c, w in enumerate(words)]))
    new = [colorder._header_columns(t) for t in tables]
    assert new == [_old_header_columns(t) for t in tables]
    assert sum(n is None for n in new) > 200 and sum(n is not None for n in new) > 100


# ------------------------------------------------------------------ colorder_t4: the text squeezed once

T4_TEXTS = ("行政复议 行政诉讼", "结果维持 结果纠正 其他结果 尚未审结 总计", "总计 结果维持 结果纠正 其他结果 尚未审结",
            "未经复议直接起诉 复议后起诉", "行政诉讼 行政复议", "0 0 0 0 0", "12", "五、存在的主要问题", "|", "")


def test_printed_in_text_is_the_order_else_the_blocks() -> None:
    rng = random.Random(194)
    found = 0
    for _ in range(TRIALS):
        blocks: list[Paragraph | Table] = []
        for _ in range(rng.randint(1, 6)):
            if rng.random() < 0.7:
                blocks.append(Paragraph(" ".join(rng.choice(T4_TEXTS) for _ in range(rng.randint(1, 4)))))
            else:
                blocks.append(Table([Cell(rng.choice(T4_TEXTS), r, c) for r in range(2) for c in range(3)]))
        doc = Document(blocks, "txt", {})
        want = colorder_t4.order_printed_in_text(doc) or colorder_t4.blocks_printed_in_text(doc)
        assert colorder_t4.printed_in_text(doc) == want
        found += want is not None
    assert found > 100



# ------------------------------------------------------------------ md_guessed: two numbers in a cell

CELL_PIECES = ("1", "23", "1,234", "0.5", " ", "\u3000", "\t", "\n", "-", "+", "件", "<br>", "", "12 345", "总计")


def test_guessed_gate_answers_as_every_cell_asked() -> None:
    rng = random.Random(195)
    tables = [Table([Cell("".join(rng.choice(CELL_PIECES) for _ in range(rng.randint(0, 4))), 0, c)
                     for c in range(rng.randint(1, 4))]) for _ in range(TRIALS)]
    gated = [md_guessed._guessed(t) for t in tables]
    every_cell = [any(md_guessed._GLUED_CELL.fullmatch(c.text) and not md_guessed._SPACED_THOUSANDS.fullmatch(c.text)
                      for c in t.cells) for t in tables]
    assert gated == every_cell
    assert sum(gated) > 200 and sum(not g for g in gated) > 200
