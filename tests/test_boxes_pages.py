"""The searches of pdfminer's text boxes measured in ``benchmarks/boxes_pages.py`` and left out
of the parser (docs/renderings.md §38): the claims the measurement rests on, pinned."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from ogi import extract, parse
from ogi.extract import boxes
from ogi.template.formats import FORMAT_2021

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "boxes"
JOINED = FIXTURES / "columns_and_joined_rows_2021.txt"  # runs of 25, 100, … and lines like "0 30"


def _bench():
    spec = importlib.util.spec_from_file_location("boxes_pages", ROOT / "benchmarks" / "boxes_pages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _table3_runs(path: Path):
    """(spec, runs, named) of table 三 as ``read_boxes`` takes them."""
    seen = {}
    reread = extract.reread_boxes

    def hooked(spec, fmt, evs, placed, pages=()):
        if spec.key == "table3":
            runs = boxes.runs_of(evs, spec, pages)
            seen["args"] = (spec, runs, boxes._named_columns(spec, fmt, evs, runs))
        return reread(spec, fmt, evs, placed, pages)

    extract.reread_boxes = hooked
    try:
        parse(path)
    finally:
        extract.reread_boxes = reread
    return seen["args"]


def test_the_print_turned_twice_is_the_print():
    bench = _bench()
    spec, runs, named = _table3_runs(JOINED)
    twice = bench.backwards(*bench.backwards(spec, runs, named))
    assert [row.cells for row in twice[0].rows] == [row.cells for row in spec.rows]
    assert [(r.values, r.line) for r in twice[1]] == [(r.values, r.line) for r in runs]
    assert twice[2] == named
    turned = bench.backwards(spec, runs, named)
    assert turned[0].rows[0].key == "carried_forward" and turned[0].rows[0].cells[0][1] == "total"
    assert turned[2][-1] == frozenset({6})  # 自然人's header names the first run: the last column turned


def test_the_turned_print_has_the_same_readings_one_block_a_run():
    # the search in print order (one block a run) on the print and on the print turned:
    # the same cells agreed, with the same values
    bench = _bench()
    spec, runs, named = _table3_runs(JOINED)
    forward = boxes._Stacks(spec, runs, named).agreed()
    turned = bench.backwards(spec, runs, named)
    backward = boxes._Stacks(*turned).agreed()
    assert forward is not None and backward is not None
    assert {cell: tok.value for cell, tok in forward.items() if tok is not None} == \
        {cell: tok.value for cell, tok in backward.items() if tok is not None}
    assert forward[("new_received", "total")].value == 30
    assert spec is FORMAT_2021.tables[1]
