"""Score shape folders of an unseen corpus cell by cell and metadata field by field.

``score.py`` and the matrix score the agency through ``agency_contains``, which lets a wrong
prefix or suffix pass (``#涪城区交通运输局`` contains ``涪城区交通运输局``). This script scores
every folder ``ROOT/SHAPE/`` the matrix's way (``shape_matrix.score_folder``'s classes) and
compares, besides, the agency, title and year of each report with those the parser reads from
the same report's source page (``ROOT/html/STEM.html``, the page every other shape was derived
from), so a metadata field a rendering spoils is counted even when the scorer's test passes.

    PYTHONPATH=src python benchmarks/unseen_score.py ROOT [--shapes A,B] [--json FILE] [--examples N] [--wrong N]

Prints one line per shape: reports, cells, right %, the four loss classes, and the meta
fields that differ from the page's (with the first examples)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ogi import parse
from ogi.synth.shapes.score import CellScore, score_report, unread

META_FIELDS = ("agency", "title", "year")


def page_meta(root: Path) -> dict[str, dict]:
    """The metadata the parser reads from each source page of ``root/html``."""
    out = {}
    html = root / "html"
    if not html.is_dir():
        return out
    for p in sorted(html.glob("*.html")):
        try:
            m = parse(p).meta
        except Exception:  # noqa: BLE001 - a page the parser refuses has no reference; its shapes are scored as unread
            continue
        out[p.stem] = {f: getattr(m, f) for f in META_FIELDS}
    return out


def score_shape(folder: Path, reference: dict[str, dict], examples: int) -> dict:
    total = CellScore()
    per_report: dict[str, dict] = {}
    meta_wrong: list[str] = []
    files = {p.stem: p for p in sorted(folder.iterdir()) if p.is_file()}
    for exp_path in sorted((folder / "expected").glob("*.json")):
        expected = json.loads(exp_path.read_text(encoding="utf-8"))
        tag = f"{folder.name}/{exp_path.stem}: "
        path = files.get(exp_path.stem)
        try:
            report = parse(path)
        except Exception as exc:  # noqa: BLE001 - a refusal is scored, not raised
            one = unread(expected, f"{type(exc).__name__}: {exc}"[:200], tag)
            per_report[exp_path.stem] = {k: v for k, v in one.as_dict().items() if k != "examples"}
            total.add(one, examples)
            continue
        one = score_report(expected, report, tag)
        per_report[exp_path.stem] = {k: v for k, v in one.as_dict().items() if k != "examples"}
        total.add(one, 10 ** 6)
        ref = reference.get(exp_path.stem)
        if ref:
            for f in META_FIELDS:
                have = getattr(report.meta, f)
                if have != ref[f]:
                    meta_wrong.append(f"{tag}meta.{f}: page {ref[f]!r}, got {have!r}")
    d = total.as_dict()
    d["meta_vs_page"] = meta_wrong
    d["per_report"] = per_report
    return d


def kind_of(stem: str) -> str:
    """The deviation a corpus stem names: ``00003_wild3_html_totals_first`` → ``totals_first``."""
    rest = stem.split("_", 1)[-1]
    return rest.split("_html_", 1)[-1] if "_html_" in rest else rest


def by_kind(per_report: dict[str, dict]) -> dict[str, dict]:
    """Per-report scores summed per deviation kind."""
    out: dict[str, dict] = {}
    for stem, d in per_report.items():
        acc = out.setdefault(kind_of(stem), {})
        for k, v in d.items():
            acc[k] = acc.get(k, 0) + v
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root", type=Path)
    ap.add_argument("--shapes", default="")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--examples", type=int, default=3)
    ap.add_argument("--by-kind", action="store_true", help="also a line per deviation kind (the stem's suffix)")
    ap.add_argument("--wrong", type=int, default=0, metavar="N",
                    help="also list up to N wrong numbers a shape read with a finding (WRONG+F lines)")
    args = ap.parse_args(argv)
    shapes = [s for s in args.shapes.split(",") if s] or sorted(
        p.name for p in args.root.iterdir() if (p / "expected").is_dir())
    reference = page_meta(args.root)
    result = {}
    for shape in shapes:
        folder = args.root / shape
        if not (folder / "expected").is_dir():
            print(f"{shape}: missing")
            continue
        d = score_shape(folder, reference, args.examples)
        result[shape] = d
        pct = 100 * d["right"] / d["cells"] if d["cells"] else 0
        print(f"{shape}: {d['reports']} reports, {d['cells']} cells, {pct:.2f}% right, "
              f"null+f {d['null_flagged']}, wrong+f {d['wrong_flagged']}, null silent {d['null_silent']}, "
              f"WRONG SILENT {d['wrong_silent']}, unread {d['unread']}, meta {d['meta_right']}/{d['meta']}, "
              f"meta≠page {len(d['meta_vs_page'])}", flush=True)
        if args.by_kind:
            for kind, k in sorted(by_kind(d["per_report"]).items()):
                kp = 100 * k["right"] / k["cells"] if k["cells"] else 0
                print(f"    {kind}: {k['reports']} reports, {kp:.2f}% right, wrong+f {k['wrong_flagged']}, "
                      f"WRONG SILENT {k['wrong_silent']}, unread {k['unread']}")
        for line in d["meta_vs_page"][:args.examples]:
            print("   ", line)
        silent = [e for e in d["examples"] if "(no finding)" in e and "want" in e and "got None" not in e]
        for line in silent[:args.examples]:
            print("    SILENT", line)
        flagged = [e for e in d["examples"] if "(no finding)" not in e and "want" in e and "got None" not in e]
        for line in flagged[:args.wrong]:
            print("    WRONG+F", line)
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
