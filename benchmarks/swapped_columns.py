"""Table 三's applicant columns printed in another order: a labelled corpus to measure it on.

    PYTHONPATH=src .venv/bin/python benchmarks/swapped_columns.py OUT NAME=DIR [NAME=DIR ...]
        [--limit 60]

For each labelled folder of HTML reports (``DIR/*.html`` + ``DIR/expected/<stem>.json``) this
writes ``OUT/NAME/``: every report with table 三's applicant columns printed in another order —
header and values moved together, as an agency that built the table by hand prints it — and
its expected JSON carried over byte for byte (the expected values are by column meaning, so
they do not change when the printed order does). The orders are taken in turn, report by
report (:data:`ORDERS`): 商业企业↔科研机构, 社会公益组织↔其他, 自然人↔总计, a 3-cycle of
商业企业 → 科研机构 → 法律服务机构, and the five organisations printed backwards.

A report is moved as the ``tests/test_colorder.py`` page is: each cell's column is found with
its spans counted; in every row the one-column cells standing in the applicant columns change
places (a cell's whole content moves, markup and all); a row where one of the moved columns has
no one-column cell of its own (a label spanning them) is left as it is. A report whose table
三 has not each of the seven headers once is skipped with a line saying so.

``--cost DIR [DIR …] [--old COLORDER_PY] [--rounds 3] [--only off|old|new]`` instead measures
what the rule costs (``columns_in_template_order`` and ``order_printed_in_text`` on every
document, ``order_printed_in_lines`` on a text file's lines): the CPU time of parsing every file
of the folders with the rule switched off, with this tree's, and with another tree's
``colorder.py`` loaded beside it, alternating after a warm-up — the whole parse and the time
inside the rule's entry points; ``--only`` runs one variant once, to count its instructions
under callgrind.

Then run the shape matrix on ``OUT``:
``benchmarks/shape_matrix.py --corpus NAME=OUT/NAME … --work W --shapes … --no-write``.
"""

from __future__ import annotations

import argparse
import copy
import shutil
import sys
from pathlib import Path

from lxml import html as lxml_html

from ogi.template.formats import APPLICANT_COLUMNS
from ogi.template.normalize import label_key

LABELS = [m.label for m in APPLICANT_COLUMNS]
# the printed order of each variant: the label printed in each applicant column, left to right
ORDERS: dict[str, list[str]] = {
    "commercial_research": ["自然人", "科研机构", "商业企业", "社会公益组织", "法律服务机构", "其他", "总计"],
    "welfare_other": ["自然人", "商业企业", "科研机构", "其他", "法律服务机构", "社会公益组织", "总计"],
    "person_total": ["总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "自然人"],
    "cycle3": ["自然人", "法律服务机构", "商业企业", "社会公益组织", "科研机构", "其他", "总计"],
    "orgs_reversed": ["自然人", "其他", "法律服务机构", "社会公益组织", "科研机构", "商业企业", "总计"],
}


def _grid(table) -> list[dict[int, object]]:
    """Row → {column: td} for every one-column cell, the columns counted with spans."""
    taken: set[tuple[int, int]] = set()
    grid: list[dict[int, object]] = []
    for r, tr in enumerate(table.findall(".//tr")):
        c, cells = 0, {}
        for td in tr:
            if td.tag not in ("td", "th"):
                continue
            while (r, c) in taken:
                c += 1
            span, down = int(td.get("colspan", 1) or 1), int(td.get("rowspan", 1) or 1)
            taken |= {(r + i, c + j) for i in range(down) for j in range(span)}
            if span == 1:
                cells[c] = td
            c += span
        grid.append(cells)
    return grid


def _content(td) -> tuple[str | None, list]:
    return td.text, [copy.deepcopy(child) for child in td]


def _set_content(td, content: tuple[str | None, list]) -> None:
    text, children = content
    for child in list(td):
        td.remove(child)
    td.text = text
    for child in children:
        td.append(child)


def swap_page(page: bytes, order: list[str]) -> bytes | str:
    """The page with table 三's applicant columns printed in ``order``; a reason when it cannot."""
    doc = lxml_html.fromstring(page)
    keys = {label_key(label): label for label in LABELS}
    for table in doc.iter("table"):
        if "予以公开" not in table.text_content():
            continue
        grid = _grid(table)
        col: dict[str, list[int]] = {}
        for cells in grid:
            for c, td in cells.items():
                label = keys.get(label_key(td.text_content()))
                if label:
                    col.setdefault(label, []).append(c)
        if set(col) != set(LABELS) or any(len(v) != 1 for v in col.values()):
            return "table 三 has not each applicant header once as a one-column cell"
        columns = sorted(col[label][0] for label in LABELS)  # the applicant columns, left to right
        # printed column i (the i-th applicant column) takes the content of the column headed order[i]
        move = {columns[i]: col[order[i]][0] for i in range(len(LABELS))}
        for cells in grid:
            if any(c not in cells for c, src in move.items() if c != src):
                continue  # a moved column without a one-column cell of its own in this row
            contents = {src: _content(cells[src]) for c, src in move.items() if c != src}
            for c, src in move.items():
                if c != src:
                    _set_content(cells[c], contents[src])
        return lxml_html.tostring(doc, encoding="utf-8", doctype="<!DOCTYPE html>")
    return "no table 三"


def build(out: Path, name: str, folder: Path, limit: int, log) -> int:
    into = out / name
    (into / "expected").mkdir(parents=True, exist_ok=True)
    names = list(ORDERS)
    written = 0
    for page in sorted(folder.glob("*.html"))[:limit or None]:
        expected = folder / "expected" / f"{page.stem}.json"
        if not expected.is_file():
            continue
        variant = names[written % len(names)]
        result = swap_page(page.read_bytes(), ORDERS[variant])
        if isinstance(result, str):
            log(f"{name}/{page.stem}: skipped ({result})")
            continue
        stem = f"{page.stem}__{variant}"
        (into / f"{stem}.html").write_bytes(result)
        shutil.copyfile(expected, into / "expected" / f"{stem}.json")
        written += 1
    return written


def _variants(old: Path | None) -> dict[str, tuple]:
    """The rule's three entry points (the grid pass, the document's text, a text file's
    lines) per variant: ``off`` (switched off), ``new`` (this tree's), and ``old``, the same
    functions of another tree's ``colorder.py`` (``--old FILE``) loaded beside it."""
    import importlib.util

    import ogi.extract.colorder as new

    out = {"off": (lambda doc: (doc, []), lambda doc: None, lambda lines: None),
           "new": (new.columns_in_template_order, new.order_printed_in_text, new.order_printed_in_lines)}
    if old is not None:
        spec = importlib.util.spec_from_file_location("ogi.extract._colorder_old", old)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        out["old"] = (module.columns_in_template_order, module.order_printed_in_text, module.order_printed_in_lines)
    return out


def cost(folders: list[Path], rounds: int = 3, old: Path | None = None, only: str | None = None) -> None:
    """CPU seconds of parsing every file with each variant of the rule (:func:`_variants`),
    alternating in one process, ``rounds`` times after a warm-up; or, with ``only``, one
    variant once (for an instruction count under callgrind: import and parse, once)."""
    import time

    import ogi.extract as extract
    import ogi.readers.text as text_reader
    from ogi import parse

    files = [p for folder in folders for p in sorted(folder.iterdir()) if p.is_file()]
    variants = _variants(old)
    kept = (extract.columns_in_template_order, extract.order_printed_in_text, text_reader.order_printed_in_lines)

    inside = dict.fromkeys(variants, 0.0)  # CPU seconds spent inside the rule's entry points

    def timed(name: str, fn):
        def wrapper(*args):
            t0 = time.process_time()
            try:
                return fn(*args)
            finally:
                inside[name] += time.process_time() - t0
        return wrapper

    def run(name: str) -> float:
        (extract.columns_in_template_order, extract.order_printed_in_text,
         text_reader.order_printed_in_lines) = (timed(name, fn) for fn in variants[name])
        t0 = time.process_time()
        for p in files:
            try:
                parse(p)
            except Exception:  # noqa: BLE001 - a refusal costs what it costs, every way
                pass
        return time.process_time() - t0

    if only:  # one pass, no warm-up: run under callgrind, the variants' instruction counts differ by the rule's
        print(f"{only}: {run(only):.2f} s CPU, {len(files)} files")
        return
    for name in variants:
        run(name)  # warm-up
    inside.update(dict.fromkeys(variants, 0.0))
    spent = dict.fromkeys(variants, 0.0)
    for _ in range(rounds):
        for name in variants:
            spent[name] += run(name)
    (extract.columns_in_template_order, extract.order_printed_in_text, text_reader.order_printed_in_lines) = kept
    per = {name: 1000 * s / (rounds * len(files)) for name, s in spent.items()}
    print(f"{len(files)} files × {rounds} rounds, CPU ms a file: "
          + ", ".join(f"{name} {ms:.2f}" for name, ms in per.items())
          + "; rule's cost (variant − off): "
          + ", ".join(f"{name} {per[name] - per['off']:+.2f} ms" for name in per if name != "off")
          + "; CPU ms a file inside the rule's entry points: "
          + ", ".join(f"{name} {1000 * inside[name] / (rounds * len(files)):.3f}" for name in per))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path, nargs="?")
    ap.add_argument("corpus", nargs="*", help="NAME=DIR: a labelled folder of HTML reports")
    ap.add_argument("--limit", type=int, default=0, help="reports per corpus (0: all)")
    ap.add_argument("--cost", type=Path, nargs="+", help="folders of files: the text rule's CPU cost on them")
    ap.add_argument("--old", type=Path, help="with --cost: another tree's colorder.py, measured beside this one")
    ap.add_argument("--rounds", type=int, default=3, help="with --cost: rounds of each variant")
    ap.add_argument("--only", choices=("off", "old", "new"), help="with --cost: one variant, once after a warm-up")
    args = ap.parse_args()
    if args.cost:
        cost(args.cost, args.rounds, args.old, args.only)
        return
    for spec in args.corpus:
        name, folder = spec.split("=", 1)
        n = build(args.out, name, Path(folder), args.limit, lambda s: print(s, file=sys.stderr))
        print(f"{name}: {n} reports swapped", file=sys.stderr)


if __name__ == "__main__":
    main()
