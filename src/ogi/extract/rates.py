"""A row of rates under a statistical table: no row of the template, its percentages no counts.

Some agencies print one more row under table 三: 办结率, 按时办结率 or 公开率, with a
percentage (``93.3%``) or a dash under each applicant column. The official format has no
such row, and a percentage is no count of applications. In a grid the row's label names no
template row and it is left out; in a text rendering (one cell a line, or a row's cells on
one line) the label is unknown text between the last official row's values and the rate
values, and the aligner read on: the rates joined row 四's seven values, which then showed
fourteen and stayed null with a finding.

A label whose matching key ends in 率 (a rate: the ratio's noun is the last character of
every such label) and is short enough to be a row label is read as a row the format does not
have, like a ``其中:…`` sub-row: its values are read past, with a finding naming the row.
No template row's label ends in 率, so no official row is ever taken for one.
"""

from __future__ import annotations

RATE_SUFFIX = "率"  # the last character of a rate's label (办结率, 按时办结率, 公开率, 满意率)
MAX_RATE_LABEL_CHARS = 10  # a rate row's label is a short noun phrase, not a sentence of prose


def rate_label(key: str) -> bool:
    """Is this text (a label's matching key) the label of a row of rates?"""
    return key.endswith(RATE_SUFFIX) and len(key) <= MAX_RATE_LABEL_CHARS
