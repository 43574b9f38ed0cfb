"""What a number read by OCR may have been printed as, and which OCR cells were printed empty.

``ogi.checks.confidence`` settles each value OCR read against the format's identities; when
every identity of a value fails, it asks whether a misreading of that value's text would
make one hold, and if so the value is null with OCR_UNSETTLED. This module says which
numbers count as such misreadings, from the text as OCR read it:

* the sign lost or gained (``-3`` read ``3``);
* one digit read as any other digit. The recogniser's usual confusions (1/7, 0/8, 3/8, 6/8,
  6/9) are the common ones, but a speck, a faint stroke or a fold changes others, and a
  report cannot tell a confident misreading from a print: every digit is allowed
  (``benchmarks/ocr_misreads.py`` puts misreadings of every kind into recorded OCR output;
  with the usual pairs alone, a 2 read as 5 was kept);
* one digit lost (``337`` read ``37``) or one digit more (``60`` read for ``0``: a speck
  read as a digit);

and it reads the number the way the parser reads a cell (``ogi.extract.tokens.cell_value``):
full-width digits, thousands separators, a unit after the digits (``12件``) and ``减少`` as a
sign are the number's decoration, not its digits. A text with a decimal point (an amount)
has no misreadings here: table 二's amounts take part in no identity.

:func:`printed_empty` tells the cells of a printed row that were empty or marked not
applicable (blank, ``/``, ``—``, ``无``): schema.md makes their value null, but in a sum they
stand for nothing counted, so the identities of a report that leaves its zeros blank can
still settle the values beside them (a value with a blank neighbour otherwise takes part
in no complete identity, and only its glyph confidence would stand between a misreading
and the report).

:func:`printed_blank` adds the cells a row left blank at its end: the extractor places a
row's values from its first cell on, and the cells after the last one it placed, when
nothing (no text) stands there, are blank — null with CELL_BLANK, but with no provenance at
all (``extract/align``). OCR gives them often: a ``—`` too thin for the recogniser, or the
blank total of a row of dashes, is read as nothing. Without this a row whose total was
printed ``—`` took part in no identity, and a confident misreading of a value in it stood
unchecked (``benchmarks/ocr_misreads.py``: the Word layout scans of the ``zero_dash`` and
``zero_na`` reports, §47). Only a cell of a row that placed some cell on a page counts: a
row the report left out, or one not found, has no cells.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

DIGITS = "0123456789"


def printed_digits(text: str) -> tuple[str, int] | None:
    """The digits of the whole integer ``text`` holds, as the parser reads the cell, and its
    sign (1 or -1); None when the text is no integer. Leading zeros read are kept (``01``: no
    report prints one, so a digit before it was lost — ``201`` is one digit from ``01``, not
    from ``1``)."""
    from ..extract.tokens import NUM, cell_value
    from ..template.normalize import nfkc

    token = cell_value(text.strip())
    if token is None or token.kind != NUM or not isinstance(token.value, int):
        return None
    digits = str(abs(token.value))
    read = "".join(c for c in nfkc(text) if c in DIGITS)
    if read.startswith("0") and len(read) > len(digits) and int(read) == abs(token.value):
        digits = read
    return digits, (-1 if token.value < 0 else 1)


def misreadings(text: str) -> Iterator[int]:
    """The numbers a printed integer may have been, given the text OCR read (see the module
    text): the sign, one digit changed to any other, one digit fewer, one digit more. A
    number is never printed with a leading 0 (0 itself aside)."""
    read = printed_digits(text)
    if read is None:
        return
    digits, sign = read
    if int(digits):
        yield -int(digits) * sign
    for i in range(len(digits)):
        for d in DIGITS:
            changed = digits[:i] + d + digits[i + 1:]
            if d != digits[i] and _well_formed(changed):
                yield int(changed) * sign
        fewer = digits[:i] + digits[i + 1:]
        if fewer and _well_formed(fewer):
            yield int(fewer) * sign
    for i in range(len(digits) + 1):
        for d in DIGITS:
            more = digits[:i] + d + digits[i:]
            if _well_formed(more):
                yield int(more) * sign


def _well_formed(digits: str) -> bool:
    return digits == "0" or not digits.startswith("0")


def printed_empty(prov: dict | None) -> bool:
    """Was the cell of this provenance printed in the table but empty, or with a
    not-applicable mark (``/``, ``—``, ``无``)? Only a cell placed on a page (a provenance
    with a page) counts: a row the report left out has no cells."""
    if not prov or prov.get("page") is None or "text" not in prov:
        return False
    from ..extract.tokens import NA, cell_value

    text = str(prov["text"]).strip()
    if not text:
        return True
    token = cell_value(text)
    return token is not None and token.kind == NA


def printed_blank(report, key: str) -> bool:
    """Was cell ``key`` (``table3.granted.total``) of ``report`` printed empty or marked not
    applicable: :func:`printed_empty` of its provenance, or a cell with no provenance after
    the last cell its printed row placed on a page (see the module text)?"""
    provenance = report.provenance
    if key in provenance:
        return printed_empty(provenance[key])
    row = _printed_rows(report.meta.template or "").get(key)
    if row is None:
        return False
    at = row.index(key)
    return (not any(k in provenance for k in row[at + 1:])
            and any(provenance.get(k, {}).get("page") is not None for k in row[:at]))


@lru_cache(maxsize=8)
def _printed_rows(template: str) -> dict[str, tuple[str, ...]]:
    """Each cell key of the template's tables → the keys of its printed row, in order."""
    from ..template import FORMATS

    fmt = FORMATS.get(template)
    out: dict[str, tuple[str, ...]] = {}
    for spec in (fmt.tables if fmt else ()):
        for row in spec.rows:
            keys = tuple(f"{spec.key}.{r}.{c}" for r, c, _ in row.cells)
            out.update((k, keys) for k in keys)
    return out
