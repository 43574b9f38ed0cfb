"""Parse throughput beside a raw-read baseline, for text and HTML reports.

    .venv/bin/python benchmarks/parse_speed.py [--repeat N] [FILE_OR_DIR ...]

Baseline per format: read the bytes and decode them (text); for HTML also build the lxml
tree. Each file is parsed ``--repeat`` times in this process (`ogi.parse` on bytes, the
checks included); the best of three rounds is reported, in CPU time of this process
(``time.process_time``: the machine may be shared). Prints a markdown table.

``--src DIR`` measures another tree's ``src`` (an older commit: ``git archive REV src | tar
-x -C DIR``), so that before and after run alternately on the same machine and load.
``--dump DIR`` writes each report's ``model_dump_json`` to DIR, one file per input (named by
its position and name), so two trees' output can be compared byte for byte (``diff -r``).

``--passes N --kind txt`` prints only its peak memory: it parses each file of that kind once (a warm-up)
and then N more times, for counting instructions, which the machine's load does not change::

    valgrind --tool=callgrind --callgrind-out-file=/dev/null python benchmarks/parse_speed.py \
        --passes 0 --kind txt FILES      # and --passes 2: (difference) / (2 x files) per report

``--floor`` does the same with the floor (read and decode; for HTML the lxml build too).

``--marker`` (with ``--passes``) calls ``math.gcd`` once after the warm-up and leaves with
``os._exit`` after the passes, so that one valgrind run counts the passes alone, without the
imports, the warm-up or the interpreter's teardown (~37 M instructions, which a difference of two
runs cancels but a single run does not); ``--no-gc`` turns the collector off for the passes (its
share). Fix the hash seed: two runs of one tree with random seeds differ by ~1%::

    PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=OUT --dump-before=math_gcd \
        python benchmarks/parse_speed.py --passes 2 --kind txt --marker FILES
    callgrind_annotate OUT | grep TOTALS     # OUT is the passes; OUT.1 the imports and warm-up

``--warm-with PATH …`` makes the warm-up parse other files (a folder or files) instead of the
measured ones, so that ``--passes 1`` minus ``--passes 0`` is the cost of a report seen for the
first time — what an ingest of new reports pays (the texts every report shares are read once and
kept; a report's own paragraphs and rows are new)::

    valgrind --tool=callgrind --callgrind-out-file=/dev/null python benchmarks/parse_speed.py \
        --passes 0 --kind txt FILES --warm-with W1 … W20  # and --passes 1: (difference) / files
"""

from __future__ import annotations

import argparse
import gc
import math
import os
import platform
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_SRC = sys.argv[sys.argv.index("--src") + 1] if "--src" in sys.argv[:-1] else str(ROOT / "src")
sys.path.insert(0, _SRC)  # before the imports below: --src chooses the tree measured

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


def dump(by_kind: dict[str, list[tuple[Path, bytes]]], out: Path) -> None:
    """Each report's ``model_dump_json`` (or the error it raised) in ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    for kind, items in sorted(by_kind.items()):
        for i, (p, data) in enumerate(items):
            try:
                text = parse(data, name=p.name).model_dump_json()
            except Exception as exc:  # noqa: BLE001 - an error is output to compare too
                text = f"{type(exc).__name__}: {exc}"
            (out / f"{kind}_{i:05d}_{p.name}.json").write_text(text, encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--src", help="the src folder of the tree to measure (default: this one's)")
    ap.add_argument("--dump", type=Path, help="write each report's JSON here, to compare two trees' output")
    ap.add_argument("--passes", type=int, help="only parse each file of --kind once, then N more times (no output)")
    ap.add_argument("--kind", choices=("txt", "html"), default="txt", help="the format --passes parses")
    ap.add_argument("--floor", action="store_true", help="with --passes: run the floor instead of the parse")
    ap.add_argument("--warm-with", nargs="+", type=Path, default=None,
                    help="with --passes: warm up on these files (or folders) instead of the measured ones")
    ap.add_argument("--marker", action="store_true",
                    help="with --passes: call math.gcd after the warm-up and os._exit after the passes (see above)")
    ap.add_argument("--no-gc", action="store_true", help="with --passes: the collector off for the passes")
    args = ap.parse_args()
    if args.passes is not None:
        items = files([p for p in args.paths if p.exists()]).get(args.kind, [])
        warm = items if args.warm_with is None else files([p for p in args.warm_with if p.exists()]).get(args.kind, [])
        run = (lambda p, d: baseline(args.kind, d)) if args.floor else (lambda p, d: parse(d, name=p.name))
        for p, d in warm:
            run(p, d)
        if args.no_gc:
            gc.disable()
        if args.marker:
            math.gcd(1, 1)  # valgrind --dump-before=math_gcd: the count of what follows starts here
        for _ in range(args.passes):
            for p, d in items:
                run(p, d)
        if args.marker:
            sys.stdout.flush()
            os._exit(0)  # no teardown in the count
        return
    if args.dump:
        dump(files([p for p in args.paths if p.exists()]), args.dump)
    print(f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, Python {platform.python_version()}, "
          f"{sys.platform}; repeat {args.repeat}, best of 3; load average {os.getloadavg()[0]:.1f}; src {_SRC}\n")
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
