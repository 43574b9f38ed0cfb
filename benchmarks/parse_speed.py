"""Parse throughput beside a raw-read baseline, for text and HTML reports.

    .venv/bin/python benchmarks/parse_speed.py [--repeat N] [FILE_OR_DIR ...]

Baseline per format: read the bytes and decode them (text); for HTML also build the lxml
tree. Each file is parsed ``--repeat`` times in this process (`ogi.parse` on bytes, the
checks included); the best of three rounds is reported, in CPU time of this process
(``time.process_time``: the machine may be shared). Prints a markdown table.
"""

from __future__ import annotations

import argparse
import platform
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from ogi import parse  # noqa: E402
from ogi.readers import decode, declared_charset, sniff  # noqa: E402

DEFAULT = [ROOT.parent / "shared" / "corpus" / "seeds", ROOT / "tests" / "fixtures" / "txt",
           ROOT / "tests" / "fixtures" / "html", ROOT / "samples"]


def files(args: list[Path]) -> dict[str, list[tuple[Path, bytes]]]:
    by_kind: dict[str, list[tuple[Path, bytes]]] = {}
    for arg in args:
        paths = sorted(p for p in arg.rglob("*") if p.is_file() and p.suffix in (".txt", ".html", ".htm")) \
            if arg.is_dir() else [arg]
        for p in paths:
            data = p.read_bytes()
            kind = sniff(data, p.name)
            if kind in ("txt", "html") and "expected" not in p.parts:
                by_kind.setdefault(kind, []).append((p, data))
    return by_kind


def baseline(kind: str, data: bytes) -> None:
    text, _ = decode(data, declared_charset(data) if kind == "html" else None)
    if kind == "html":
        import lxml.html

        lxml.html.document_fromstring(text)


def best_of(fn, rounds: int = 3) -> float:
    times = []
    for _ in range(rounds):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    print(f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, Python {platform.python_version()}, "
          f"{sys.platform}; repeat {args.repeat}, best of 3\n")
    print("| format | files | MB | parse: reports/s | parse: MB/s | ms/report | raw read: reports/s | parse ÷ raw |")
    print("|---|---|---|---|---|---|---|---|")
    for kind, items in sorted(files([p for p in args.paths if p.exists()]).items()):
        n = len(items) * args.repeat
        mb = sum(len(d) for _, d in items) * args.repeat / 1e6
        t_parse = best_of(lambda: [parse(d, name=p.name) for _ in range(args.repeat) for p, d in items])
        t_raw = best_of(lambda: [baseline(kind, d) for _ in range(args.repeat) for _, d in items])
        print(f"| {kind} | {len(items)} | {mb / args.repeat:.2f} | {n / t_parse:,.0f} | {mb / t_parse:.2f} | "
              f"{1000 * t_parse / n:.2f} | {n / t_raw:,.0f} | {t_parse / t_raw:.0f}× |")


if __name__ == "__main__":
    main()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak memory (max RSS of this process): {peak_mb:.0f} MB")
