"""The page-end rule for text without form feeds (``extract/pagemarks``) of two trees, compared:
the same page ends and the same text out on every file, and the CPU each takes in one process.

    .venv/bin/python benchmarks/page_ends.py --old OLD_TREE/src [--new NEW/src] DIR_OR_FILE ...

Every ``.txt``, ``.md`` and ``.html`` file under the paths is read as text; for the first 400,
three more texts are made by putting lines that print a page number (21 forms: decorated, after
words, bare after words, ones whose words spell the bare mark) among its lines, counting up from
a random start at sorted random places, so that runs of page numbers are found too. For each text
``numbered_page_ends`` and ``drop_page_marks`` of both trees must agree. Then the CPU time of
``numbered_page_ends`` per text of each tree, alternated, best of three (the files only)."""

from __future__ import annotations

import argparse
import importlib.util
import random
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORMS = ["— {n} —", "- {n} -", "第{n}页", "第 {n} 页 共 9 页", "{n}/9", "Page {n} of 9", "p.{n}", "PAGE {n}",
         "打印日期：2024-03-02 第{n}页", "政务公开专栏 — {n} —", "打印日期：2024-01-15 {n}", "专栏 {n}", "x#bare {n}",
         "a1bare — {n} —", "报告 {n}/9", "{n}", "共9页 第{n}页", "某某 \u00ad{n}", "ＡＢ {n}", "x {n}", "x\u3000{n}"]
MADE_FROM = 400  # files that texts with page lines are made from
MADE_EACH = 3


def _module(src: str, name: str):
    spec = importlib.util.spec_from_file_location(name, Path(src) / "ogi" / "extract" / "pagemarks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _texts(paths: list[Path]) -> list[str]:
    files = [p for arg in paths for p in (sorted(arg.rglob("*")) if arg.is_dir() else [arg])]
    return [p.read_bytes().decode("utf-8", "replace") for p in files
            if p.is_file() and p.suffix in (".txt", ".md", ".html") and "expected" not in p.parts]


def _made(texts: list[str], seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    out = []
    for text in texts[:MADE_FROM]:
        lines = text.replace("\f", "").split("\n")
        for _ in range(MADE_EACH):
            made = list(lines)
            first, other, start = rng.choice(FORMS), rng.choice(FORMS), rng.randint(1, 5)
            places = sorted(rng.randint(0, len(made)) for _ in range(rng.randint(1, 5)))
            for j, at in enumerate(places):
                made.insert(at + j, (first if rng.random() < .7 else other).format(n=start + j))
            out.append("\n".join(made))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--old", required=True, help="the src folder of the tree compared against")
    ap.add_argument("--new", default=str(ROOT / "src"), help="the src folder measured (default: this tree's)")
    args = ap.parse_args()
    old, new = _module(args.old, "pagemarks_old"), _module(args.new, "pagemarks_new")
    texts = _texts(args.paths)
    made = _made(texts)
    differ = found = 0
    for text in texts + made:
        plain = text.replace("\f", "")
        ends = old.numbered_page_ends(plain)
        found += bool(ends)
        differ += ends != new.numbered_page_ends(plain)
        differ += old.drop_page_marks(text) != new.drop_page_marks(text)
    print(f"{len(texts)} files, {len(made)} made texts, {found} with page ends found: {differ} differences")
    plain = [t for t in texts if "\f" not in t]
    for round_ in range(3):
        for name, module in (("old", old), ("new", new)):
            t = time.process_time()
            for text in plain:
                module.numbered_page_ends(text)
            print(f"round {round_ + 1} {name}: {1000 * (time.process_time() - t) / max(len(plain), 1):.3f} ms a text")


if __name__ == "__main__":
    main()
