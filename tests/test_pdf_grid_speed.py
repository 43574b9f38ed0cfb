"""pdf_grid's own copies of pdfplumber's table-finding steps (written for speed, issue
14.2) give what pdfplumber's give: the same points with the same edges, the same tables of
the same cells, in the same order."""

from __future__ import annotations

import math
import random

import pytest
from fixtures.pdf import build
from pdfplumber.table import cells_to_tables as plumbers_tables
from pdfplumber.table import edges_to_intersections as plumbers_points
from pdfplumber.table import merge_edges

from ogi.readers.pdf import _pdfium_pages
from ogi.readers.pdf_grid import (
    SNAP,
    cells_to_tables,
    edges_to_intersections,
    intersections_to_cells,
)
from ogi.readers.pdf_page import edge


@pytest.fixture(scope="module")
def page_edges() -> list[list[dict]]:
    """The merged edges of every page of a ruled report (merged cells, a table broken by
    the page) and of a ruled report with a framed page chrome."""
    out = []
    for data in (build.report_2021(), build.report_2021(framed_chrome=True), build.ruled_report()):
        contents, _ = _pdfium_pages(data)
        out += [merge_edges(page.edges, SNAP, SNAP, SNAP, SNAP) for page in contents]
    return out


def _points(intersections: dict) -> list:
    """Each point with the boxes of its edges, in order (the edges are dicts)."""
    return [(p, [(e["x0"], e["top"], e["x1"], e["bottom"]) for e in d["v"]],
             [(e["x0"], e["top"], e["x1"], e["bottom"]) for e in d["h"]]) for p, d in intersections.items()]


def test_intersections_are_pdfplumbers(page_edges):
    compared = 0
    for edges in page_edges:
        ours = edges_to_intersections(edges, SNAP, SNAP)
        assert _points(ours) == _points(plumbers_points(edges, SNAP, SNAP))
        compared += len(ours)
    assert compared > 300


def test_tables_are_pdfplumbers_in_any_order_of_cells(page_edges):
    compared = 0
    shuffle = random.Random(14).shuffle
    for edges in page_edges:
        cells = intersections_to_cells(edges_to_intersections(edges, SNAP, SNAP))
        assert cells_to_tables(cells) == plumbers_tables(cells)
        shuffle(cells)  # cells met out of order take several passes to join their table
        assert cells_to_tables(cells) == plumbers_tables(cells)
        compared += len(cells)
    assert compared > 100


def test_a_tolerance_wide_gap_is_still_an_intersection():
    # a vertical line ending exactly SNAP above a horizontal one meets it (pdfplumber's <=)
    edges = [edge(10, 0, 10, 50), edge(0, 50 + SNAP, 100, 50 + SNAP), edge(0, 50 + SNAP + 0.01, 100, 50 + SNAP + 0.01),
             edge(40 - SNAP, 20, 90, 20)]
    ours = edges_to_intersections(edges, SNAP, SNAP)
    assert _points(ours) == _points(plumbers_points(edges, SNAP, SNAP))
    assert list(ours) == [(10, 50 + SNAP)]


def test_a_top_that_is_no_number_tests_every_pair():
    # NaN has no order: no bisection then, every pair tested as pdfplumber does
    edges = [edge(10, 0, 10, 100), edge(20, 0, 20, 100), edge(0, 30, 50, 30), edge(0, 60, 50, 60)]
    edges[2]["top"] = math.nan
    ours = edges_to_intersections(edges, SNAP, SNAP)
    assert _points(ours) == _points(plumbers_points(edges, SNAP, SNAP))
    assert list(ours) == [(10, 60), (20, 60)]
