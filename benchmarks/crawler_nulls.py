"""Every cell a rendering leaves null, by cause, with the proof that a glued run reads more than one way.

    PYTHONPATH=src .venv/bin/python benchmarks/crawler_nulls.py [--shape crawler_text]
        [--shapes-dir /work/cache/matrix/shapes] [--corpora seeds,peer,samples,synth100] [--rows]

A crawler's one-line text glues a row's cells to its label and to each other (``规章1011``):
the aligner splits such a run only where exactly one reading satisfies the row's sums and
its cells' kinds (``extract/glue.splits``), and leaves it null with ``CELL_AMBIGUOUS``
otherwise. This script parses every report of the shape, takes each lost cell (not equal
to the expected value) and names its cause; for a glued row it counts **every** reading
again (up to ``LIMIT``) — with the row's sums where any reading satisfies them, and from the
digits alone where the report's own sums fail (as ``align._unglue`` does) — and asserts that
there are at least two. A row printed with a ``-`` glued into it (``其他对外管理服务事项6-20``)
is counted both ways the mark can be read: the sign of the number after it (only a
``Kind.SIGNED`` cell, 本年增/减, may be negative) or a not-applicable dash cell of its own
(``-`` is one of the marks, ``extract/tokens._NA``). A row nulled because the report shows
blank cells elsewhere (``align._glued_with_blanks``: the run also reads as fewer numbers, a
blank cell printing nothing) is counted under that cause. Prints the causes (cells, rows),
the histogram of readings per glued row and, with ``--rows``, every row. Exits non-zero if
a glued row reads one way only (a cell that could have been read)."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

import ogi.extract.align  # noqa: F401 - the module, for the hooks below
from ogi import parse
from ogi.extract.glue import splits
from ogi.synth.shapes.score import TABLES, same
from ogi.template.formats import FORMATS, Kind

A = sys.modules["ogi.extract.align"]
LIMIT = 100_000  # readings counted per glued row
_GLUED = re.compile(r"行数字粘连\((.*?)\)")
_SHORT = re.compile(r"行只印出 \d+ 个数值\((.*?)\),应有")


def signed_readings(printed: str, kinds: list[Kind]) -> tuple[list[list], list[list]]:
    """The readings of ``"A -B"`` (two glued runs, a ``-`` before the second) as ``len(kinds)``
    cells: the ``-`` as the sign of the first number of B (in a SIGNED cell, not 0), and as a
    dash cell of its own between A's and B's numbers."""
    first, second = printed.split()
    digits = second[1:]
    width = len(kinds)
    minus = []
    for r in splits([first, digits], width, (), limit=LIMIT):
        k = next(i for i in range(1, len(r) + 1) if "".join(map(str, r[:i])) == first)
        if k < width and kinds[k] is Kind.SIGNED and r[k] != 0:
            minus.append(r[:k] + [-r[k]] + r[k + 1:])
    dash = [x + ["-"] + y for i in range(1, width - 1)
            for x in splits([first], i, (), limit=LIMIT) for y in splits([digits], width - 1 - i, (), limit=LIMIT)]
    return minus, dash


class Recorder:
    """What the aligner tried: each glued run's parts, width, sums and kinds, by its printed text."""

    def __init__(self) -> None:
        self.calls: dict[str, tuple] = {}
        self._unglue = A._unglue
        A._unglue = self._spy

    def _spy(self, values, width, sums, kinds=None):
        printed = " ".join(t.text for t in values)
        self.calls[printed] = ([A._digits(t) if t.glued else A._number(t) for t in values], width, sums, kinds)
        return self._unglue(values, width, sums, kinds)


def _row_cells(fmt: str, table: str, row: str):
    spec = next(s for s in FORMATS[fmt].tables if s.key == table)
    return next(r.cells for r in spec.rows if r.key == row)


def lost_rows(path: Path, expected: dict, rec: Recorder):
    """(table.row, lost cells, cause, readings or None, printed) for each row with a lost cell."""
    rec.calls.clear()
    report = parse(path)
    glued, short = {}, {}
    for f in report.findings:
        if f.code == "CELL_AMBIGUOUS" and (m := _GLUED.search(f.message)):
            glued[f.where] = (m.group(1), "本报告有空白单元格" in f.message)
        elif f.code == "CELL_AMBIGUOUS" and (m := _SHORT.search(f.message)):
            short[f.where] = m.group(1)
    for table in TABLES:
        got = getattr(report, table) or {}
        for row, cols in (expected.get(table) or {}).items():
            lost = [c for c, want in cols.items() if not same((got.get(row) or {}).get(c), want)]
            if not lost:
                continue
            where = f"{table}.{row}"
            key = f"{table}.results" if table == "table4" else where  # table 四's one printed row
            if key in glued and glued[key][1]:
                yield where, len(lost), "a glued run in a report that shows blank cells: it also reads as fewer numbers", None, glued[key][0]
            elif key in glued:
                printed = glued[key][0]
                parts, width, sums, kinds = rec.calls[printed]
                found = splits(parts, width, sums, limit=LIMIT, kinds=kinds)
                cause = f"{table}: a glued row that splits more than one way"
                if not found and sums:
                    found = splits(parts, width, (), limit=LIMIT, kinds=kinds)
                    cause += " (the report's own sums fail: by its digits)"
                yield where, len(lost), cause, len(found), printed
            elif where in short and "-" in short[where]:
                kinds = [k for _, _, k in _row_cells(report.meta.template, table, row)]
                minus, dash = signed_readings(short[where], kinds)
                yield where, len(lost), f"{table}: a glued run with a '-' (a minus sign or a dash cell)", \
                    len(minus) + len(dash), short[where]
            else:
                codes = sorted({f.code for f in report.findings if f.where and (where + ".").startswith(f.where + ".")})
                yield where, len(lost), "other: " + ",".join(codes), None, ""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shape", default="crawler_text")
    ap.add_argument("--shapes-dir", type=Path, default=Path("/work/cache/matrix/shapes"))
    ap.add_argument("--corpora", default="seeds,peer,samples,synth100")
    ap.add_argument("--rows", action="store_true", help="print every lost row")
    args = ap.parse_args()
    rec = Recorder()
    cells, rows, hist, single = Counter(), Counter(), Counter(), []
    for corpus in args.corpora.split(","):
        folder = args.shapes_dir / corpus / args.shape
        files = {p.stem: p for p in folder.iterdir() if p.is_file()} if folder.is_dir() else {}
        for exp in sorted((folder / "expected").glob("*.json")):
            if exp.stem not in files:
                continue
            for where, n, cause, readings, printed in lost_rows(files[exp.stem], json.loads(exp.read_text()), rec):
                cells[cause] += n
                rows[cause] += 1
                if readings is not None:
                    hist[readings] += 1
                    if readings < 2:
                        single.append((corpus, exp.stem, where, printed))
                if args.rows:
                    print(f"{corpus}\t{exp.stem}\t{where}\t{printed}\t{readings}\t{n}\t{cause}")
    print(f"{sum(cells.values())} lost cells in {sum(rows.values())} rows of {args.shape}")
    for cause, n in cells.most_common():
        print(f"{n:6d} cells {rows[cause]:5d} rows  {cause}")
    print("readings per glued row (readings: rows):", ", ".join(f"{k}: {v}" for k, v in sorted(hist.items())))
    for s in single:
        print("READS ONE WAY ONLY:", *s)
    return 1 if single else 0


if __name__ == "__main__":
    sys.exit(main())
