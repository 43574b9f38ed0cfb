"""Scanned pages read by the page pool (threads, one engine each) give what one reader
gives, byte for byte; when the pool is used at all; how its engines are made and kept."""

from __future__ import annotations

import pytest
from fixtures.pdf import build

from ogi.document import Table
from ogi.readers import ocr
from ogi.readers.pdf import read_pdf


def test_processes_one_below_the_core_threshold_or_in_a_worker(monkeypatch):
    monkeypatch.delenv(ocr.OCR_PROCESSES_ENV, raising=False)
    monkeypatch.setattr("os.sched_getaffinity", lambda pid: set(range(ocr.POOL_MIN_CORES - 1)))
    assert ocr._ocr_processes() == 1
    monkeypatch.setattr("os.sched_getaffinity", lambda pid: set(range(8)))
    assert ocr._ocr_processes() == 8
    monkeypatch.setattr("multiprocessing.parent_process", lambda: object())  # a pool worker: its siblings share the cores
    assert ocr._ocr_processes() == 1
    monkeypatch.setenv(ocr.OCR_PROCESSES_ENV, "3")
    assert ocr._ocr_processes() == 3


def test_the_pool_reads_each_page_with_an_engine_of_its_own_kept_for_the_next(monkeypatch):
    import threading

    made: list[int] = []
    used: list[tuple[int, int, str]] = []
    lock = threading.Lock()
    both = threading.Barrier(2, timeout=10)  # the first two pages are read at the same time

    def new_engine(threads):
        with lock:
            made.append(threads)
            return f"engine{len(made)}"

    def read(image, number, points_per_pixel, engine=None):
        if number <= 2:
            both.wait()
        with lock:
            used.append((number, threading.get_ident(), engine))
        return f"page{number}@{points_per_pixel}"

    monkeypatch.setattr(ocr, "_POOLED", {})
    monkeypatch.setattr(ocr, "_new_engine", new_engine)
    monkeypatch.setattr(ocr, "ocr_page", read)
    monkeypatch.setattr("os.sched_getaffinity", lambda pid: {0, 1})
    monkeypatch.delenv(ocr.OCR_PROCESSES_ENV, raising=False)
    done: list[int] = []
    pages = ocr.ocr_pages(["a", "b", "c", "d", "e"], [1, 2, 3, 4, 5], 0.36, on_page=done.append)
    assert pages == ["page1@0.36", "page2@0.36", "page3@0.36", "page4@0.36", "page5@0.36"]
    assert done == [1, 2, 3, 4, 5]
    assert made == [1, 1]  # two pages at once on two cores: two engines of one intra-op thread each
    assert {engine for _, _, engine in used} == {"engine1", "engine2"}
    assert {engine for number, _, engine in used if number <= 2} == {"engine1", "engine2"}  # never shared at once
    assert sorted(ocr._POOLED[1]) == ["engine1", "engine2"]  # kept for the next PDF
    ocr.ocr_pages(["f", "g"], [1, 2], 0.36)
    assert made == [1, 1]  # models loaded once per engine


def test_one_page_or_one_core_is_read_by_the_process_engine(monkeypatch):
    calls: list[object] = []
    monkeypatch.setattr(ocr, "ocr_page", lambda image, number, ppp, engine=None: calls.append(engine) or number)
    monkeypatch.setattr("os.sched_getaffinity", lambda pid: {0, 1})
    monkeypatch.delenv(ocr.OCR_PROCESSES_ENV, raising=False)
    assert ocr.ocr_pages(["a"], [7], 0.36) == [7]
    monkeypatch.setenv(ocr.OCR_PROCESSES_ENV, "1")
    assert ocr.ocr_pages(["a", "b"], [1, 2], 0.36) == [1, 2]
    assert calls == [None, None, None]


def _cells(doc) -> list[list[tuple]]:
    return [[(c.text, c.row, c.col, c.rowspan, c.colspan) for c in b.cells] for b in doc.blocks if isinstance(b, Table)]


@pytest.mark.slow
def test_pages_in_parallel_read_as_one_after_the_other(monkeypatch):
    pytest.importorskip("rapidocr", reason="OCR engine not installed (pip install rapidocr onnxruntime)")
    monkeypatch.setenv("OGI_MAX_OCR_SECONDS", "600")  # the same result, not the time, is tested
    data = build.scanned(build.ruled_report(), dpi=150)  # two pages
    monkeypatch.setenv(ocr.OCR_PROCESSES_ENV, "1")
    alone = read_pdf(data)
    monkeypatch.setenv(ocr.OCR_PROCESSES_ENV, "2")
    pooled = read_pdf(data)
    assert [b.pos.page for b in pooled.blocks] == [b.pos.page for b in alone.blocks]
    assert len(_cells(alone)) >= 2
    # the same grid and texts, cell for cell, and the same confidences: a pool engine runs
    # onnxruntime with one intra-op thread, the process's with one per core, and the models
    # give the same boxes, texts and scores either way
    assert _cells(pooled) == _cells(alone)
    assert [[c.confidence for c in b.cells] for b in pooled.blocks if isinstance(b, Table)] \
        == [[c.confidence for c in b.cells] for b in alone.blocks if isinstance(b, Table)]
