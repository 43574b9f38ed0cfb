"""The passes every text pays before it is aligned, alone, for counting instructions.

    valgrind --tool=callgrind --callgrind-out-file=/dev/null python benchmarks/text_passes.py \
        --src TREE/src --passes N FILE_OR_DIR ...     # N = 0 and 3: (difference) / (3 x files)

Reads every ``.txt`` file given (decoded, and read into a document once), then runs ``--passes``
times: ``blank_cells_on_lines``, ``rejoin_label_stacks`` and ``drop_page_marks`` on each decoded
text, ``columns_in_template_order`` and ``order_printed_in_text`` on each document, and
``join_repeated_spans`` and ``join_cut_columns`` on each of its tables. ``--src`` chooses the
tree (an older commit unpacked with ``git archive REV src``), so two trees are counted alike.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
ap.add_argument("paths", nargs="+", type=Path)
ap.add_argument("--src", default=str(Path(__file__).resolve().parents[1] / "src"))
ap.add_argument("--passes", type=int, default=1)
args = ap.parse_args()
sys.path.insert(0, args.src)

from ogi.document import Table  # noqa: E402
from ogi.extract import colorder, pagemarks, stacks  # noqa: E402
from ogi.readers import celllines, cutcells, read, spans  # noqa: E402
from ogi.readers.decode import decode  # noqa: E402

files = [f for p in args.paths for f in (sorted(p.glob("*.txt")) if p.is_dir() else [p])]
texts = [decode(f.read_bytes())[0] for f in files]
docs = [read(f.read_bytes(), f.name) for f in files]
tables = [b for d in docs for b in d.blocks if isinstance(b, Table)]
for _ in range(args.passes):
    for t in texts:
        celllines.blank_cells_on_lines(t)
        stacks.rejoin_label_stacks(t)
        pagemarks.drop_page_marks(t)
    for d in docs:
        colorder.columns_in_template_order(d)
        colorder.order_printed_in_text(d)
    for table in tables:
        spans.join_repeated_spans(table)
        cutcells.join_cut_columns(table)
print(f"{len(files)} files, {len(tables)} tables, {args.passes} passes")
