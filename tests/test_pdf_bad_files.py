"""Bad PDFs get a clear UnreadableFile within a bounded time, never a traceback or a hang."""

from __future__ import annotations


import pytest
from fixtures.pdf import build

from ogi import NotAReport, parse
from ogi.readers import UnreadableFile, read
from ogi.readers.pdf import MAX_PAGES


def test_encrypted():
    with pytest.raises(UnreadableFile, match="encrypted"):
        read(build.encrypted())


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.9])
def test_truncated(cut):
    data = build.ruled_report(split_rows=3)
    try:
        doc = read(data[: int(len(data) * cut)])
    except UnreadableFile as exc:
        assert "PDF" in str(exc)
    else:
        assert doc.blocks  # pdfium and pdfminer may recover what precedes the cut


def test_garbage_after_the_signature():
    with pytest.raises(UnreadableFile, match="damaged"):
        read(b"%PDF-1.7\n" + bytes(range(256)) * 40)


def test_too_many_pages_is_refused_quickly():
    data = build.many_pages(MAX_PAGES * 3)
    with pytest.raises(UnreadableFile, match=f"{MAX_PAGES * 3} pages"):
        read(data)  # refused from the page count, before any page is read


def test_no_text_at_all():
    with pytest.raises(UnreadableFile, match="no text"):
        read(build.blank_page())


def test_a_pdf_that_holds_no_report():
    with pytest.raises((NotAReport, UnreadableFile)):
        parse(build.many_pages(3))


@pytest.mark.parametrize("seed", range(4))
def test_bytes_damaged_inside_the_streams(seed):
    import random

    blob = bytearray(build.report_2021())
    rng = random.Random(seed)
    for _ in range(200):
        blob[rng.randrange(1000, len(blob))] = rng.randrange(256)
    try:
        doc = read(bytes(blob))
    except UnreadableFile as exc:
        assert "damaged" in str(exc) or "no text" in str(exc)
    else:
        assert doc.format == "pdf"
