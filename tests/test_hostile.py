"""The hostile-input corpus (``tests/hostile/generate.py``) through :func:`ogi.parse`: every
input ends as a Report or as an OgiError with a one-line message, never as any other
exception; each hand-made class ends the way it must (a bomb as LimitExceeded naming its
setting). The fast test takes the first input of every class; the slow one a fixed tenth
of the 2,000. Time and memory are measured by ``benchmarks/hostile.py``, not here."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "hostile"))
import generate as g  # noqa: E402

from ogi import LimitExceeded, Limits, NotAReport, OgiError, Report, UnreadableFile, parse  # noqa: E402

# how each hand-made class must end (the first input of the class); mutations may end any way
EXPECTED = {
    "binary": UnreadableFile, "docx_bad_span": Report, "docx_corrupt": UnreadableFile,
    "docx_deep": UnreadableFile, "docx_huge_number": LimitExceeded, "docx_no_body": UnreadableFile,
    "docx_zip_bomb": LimitExceeded, "empty": UnreadableFile, "html_deep": Report,
    "html_huge_number": LimitExceeded, "html_spans": LimitExceeded, "image_bomb": UnreadableFile,
    "not_a_report": NotAReport, "odd_name": Report, "odt_zip_bomb": LimitExceeded, "pdf_corrupt": UnreadableFile,
    "pdf_encrypted": UnreadableFile, "pdf_flate_bomb": LimitExceeded, "pdf_giant_page": LimitExceeded,
    "pdf_huge_number": LimitExceeded, "pdf_many_pages": LimitExceeded, "special_file": UnreadableFile,
    "txt_huge": LimitExceeded, "txt_huge_number": LimitExceeded, "txt_two_reports": NotAReport,
    "xlsx_cells_bomb": LimitExceeded, "xlsx_huge_number": UnreadableFile, "xlsx_merge_bomb": LimitExceeded,
    "xlsx_zip_bomb": LimitExceeded,
}
SETTINGS = {  # the setting a bomb's message names
    "docx_zip_bomb": "OGI_MAX_PART_BYTES", "odt_zip_bomb": "OGI_MAX_PART_BYTES", "xlsx_zip_bomb": "OGI_MAX_PART_BYTES",
    "pdf_flate_bomb": "OGI_MAX_INFLATED_BYTES", "pdf_giant_page": "OGI_MAX_PAGE_AREA", "pdf_many_pages": "OGI_MAX_PAGES",
    "html_spans": "OGI_MAX_SPAN", "xlsx_merge_bomb": "OGI_MAX_SPAN", "xlsx_cells_bomb": "OGI_MAX_TABLE_CELLS",
    "txt_huge": "OGI_MAX_TEXT_CHARS", "txt_huge_number": "OGI_MAX_DIGITS", "html_huge_number": "OGI_MAX_DIGITS",
    "docx_huge_number": "OGI_MAX_DIGITS", "pdf_huge_number": "OGI_MAX_DIGITS",
}
MUTATIONS = {"mut_flip", "mut_truncate", "mut_zero", "mut_dup_table", "mut_splice"}
SLOW_SHARE = 10  # the slow test runs every tenth input
SLOW_SECONDS = 20  # OGI_MAX_SECONDS there: a mutated PDF that crawls ends as a clean deadline error


def outcome(case: g.Case, seconds: float = 120) -> Report | OgiError:
    """What parse() gives for the input; any exception but an OgiError fails the test."""
    try:
        return parse(case.path, limits=Limits.from_env(seconds=seconds))
    except OgiError as exc:
        assert "\n" not in str(exc) and str(exc).strip(), (case, str(exc))
        return exc


def test_one_of_each_class(tmp_path):
    cases = g.generate(tmp_path, first_of_each=True)
    classes = {c.cls for c in cases}
    assert classes == set(EXPECTED) | MUTATIONS
    for case in cases:
        got = outcome(case)
        if case.cls in EXPECTED:
            assert isinstance(got, EXPECTED[case.cls]), (case, got)
        if case.cls in SETTINGS:
            assert str(got).endswith(f"({SETTINGS[case.cls]})") and got.setting == SETTINGS[case.cls], (case, got)


def test_the_corpus_is_deterministic(tmp_path):
    a = g.generate(tmp_path / "a", first_of_each=True)
    b = g.generate(tmp_path / "b", first_of_each=True)
    assert [(c.cls, c.path.name) for c in a] == [(c.cls, c.path.name) for c in b]
    for x, y in zip(a, b):
        if x.path.is_file() and not x.path.is_symlink() and x.cls != "special_file":
            assert x.path.read_bytes() == y.path.read_bytes(), x


@pytest.mark.slow
def test_a_tenth_of_the_corpus(tmp_path):
    cases = g.generate(tmp_path, 2000)
    assert len(cases) >= 2000
    for case in cases[::SLOW_SHARE]:
        outcome(case, seconds=SLOW_SECONDS)
