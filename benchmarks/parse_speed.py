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

``--census`` (with ``--kind``) counts the objects a report makes, by class (every call of a class's
Python ``__init__``: tokens, cells, layout events, units, entries …), and times building the same
objects again from the arguments they were built with, beside the parse and beside the same
arguments packed as tuples, all in this process at the same load: the first is what making the
objects costs a report, the difference to the tuples is the most that compact records (tuples in
place of the classes, the fused pass the fifth and fourteenth sessions described) could save::

    python benchmarks/parse_speed.py --census --kind txt FILES

``--stages`` (with ``--kind``) times, inside the parse, the stages named (``module:function``, default
:data:`STAGES`): the process time spent inside each call of each (a stage calling itself counted
once), summed over the reports and divided by them, the least of five rounds of the whole set; the
stages nest (``extract`` holds ``tokenize``), so the shares do not add up::

    python benchmarks/parse_speed.py --stages --kind txt FILES

``--through-call`` (with ``--passes``) calls each of the ``--stages-named`` stages (default
:data:`STAGES`' tokenizer, events and aligner) through ``operator.call`` after the warm-up (a stage
inside another one called directly), so that callgrind counts the instructions inside those
stages alone::

    PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=OUT --collect-atstart=no \
        --toggle-collect=_operator_call python benchmarks/parse_speed.py --passes 2 --kind txt \
        --through-call FILES

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


# the stages --stages times by default: the reader and its repair passes, the tokenizer, the
# layout's events and the aligner (what a fused pass would replace), the checks, the metadata
STAGES = ("ogi.readers:read", "ogi.readers.text:parse_text", "ogi.readers.html:read_html",
          "ogi.readers.html:_parse_counted", "ogi.extract:extract", "ogi.extract.tokens:tokenize",
          "ogi.extract.layout:events", "ogi.extract.align:align", "ogi.extract.meta:read_meta",
          "ogi.checks:check_report")
# the stages a fused tokenize/layout/align pass would replace (--through-call's default)
FUSED = ("ogi.extract.tokens:tokenize", "ogi.extract.layout:events", "ogi.extract.align:align")
CENSUS_ROUNDS = 5  # timing rounds of the census; the least is kept (the machine is shared)


def census(items: list[tuple[Path, bytes]]) -> list[tuple[str, float, float, float]]:
    """For each class whose Python ``__init__`` runs during a parse of ``items`` (parsed once
    before, so caches are warm): (class name, objects a report, ms a report to build them,
    ms a report to build their arguments as tuples), most costly first; the parse's own ms a
    report first of all, under the name ``"(parse)"``."""
    for p, d in items:
        parse(d, name=p.name)
    made: dict[type, list[tuple]] = {}

    def record(frame, event, _arg) -> None:  # noqa: ANN001 - a profile hook's signature
        if event == "call" and frame.f_code.co_name == "__init__":
            code, local = frame.f_code, frame.f_locals
            if "self" in local:
                names = code.co_varnames[1:code.co_argcount]
                made.setdefault(type(local["self"]), []).append(tuple(local[n] for n in names))

    sys.setprofile(record)
    try:
        for p, d in items:
            parse(d, name=p.name)
    finally:
        sys.setprofile(None)
    n = len(items)

    def least(fn) -> float:  # noqa: ANN001
        return min(_timed(fn) for _ in range(CENSUS_ROUNDS)) * 1000 / n

    out = [("(parse)", 1.0, least(lambda: [parse(d, name=p.name) for p, d in items]), 0.0)]
    for cls, calls in made.items():
        try:
            built = least(lambda: [cls(*a) for a in calls])
        except Exception:  # noqa: BLE001 - a class whose __init__ reads more than its arguments
            continue
        as_lists = [list(a) for a in calls]  # tuple(a) of a tuple is the tuple itself: built from lists
        packed = least(lambda: [tuple(a) for a in as_lists])
        out.append((cls.__name__, len(calls) / n, built, packed))
    return out[:1] + sorted(out[1:], key=lambda r: -r[2])


def stages(items: list[tuple[Path, bytes]], names: tuple[str, ...] = STAGES) -> list[tuple[str, float]]:
    """("(parse)", ms a report) and then (stage, ms a report) for each stage named
    ``module:function``, most costly first: each function is replaced, in every ``ogi`` module
    that holds it, by a wrapper that adds the process time of its outermost calls. The
    wrappers stay in place only while the stages are timed."""
    spent = dict.fromkeys(names, 0.0)
    depth = dict.fromkeys(names, 0)

    def timed(fn, name: str):  # noqa: ANN001, ANN202
        def wrapper(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            depth[name] += 1
            t = time.process_time() if depth[name] == 1 else None
            try:
                return fn(*args, **kwargs)
            finally:
                depth[name] -= 1
                if t is not None:
                    spent[name] += time.process_time() - t
        return wrapper

    swapped = _swap(names, timed)
    try:
        for p, d in items:
            parse(d, name=p.name)
        best: tuple[float, dict[str, float]] | None = None
        for _ in range(CENSUS_ROUNDS):
            spent.update(dict.fromkeys(names, 0.0))
            whole = _timed(lambda: [parse(d, name=p.name) for p, d in items])
            if best is None or whole < best[0]:
                best = (whole, dict(spent))
    finally:
        for mod, key, fn in swapped:
            setattr(mod, key, fn)
    assert best is not None
    n = len(items)
    return [("(parse)", best[0] * 1000 / n)] + sorted(((k, v * 1000 / n) for k, v in best[1].items()),
                                                       key=lambda r: -r[1])


def _swap(names: tuple[str, ...], make) -> list[tuple[object, str, object]]:  # noqa: ANN001
    """Replace each function named ``module:function`` by ``make(fn, name)`` in every ``ogi``
    module that holds it; the (module, key, function) swapped, to put back."""
    import importlib

    swapped: list[tuple[object, str, object]] = []
    for name in names:
        module, function = name.split(":")
        fn = getattr(importlib.import_module(module), function)
        wrapper = make(fn, name)
        for mod in list(sys.modules.values()):
            if getattr(mod, "__name__", "").startswith("ogi"):
                for key, value in list(vars(mod).items()):
                    if value is fn:
                        swapped.append((mod, key, fn))
                        setattr(mod, key, wrapper)
    return swapped


def through_call(names: tuple[str, ...]) -> list[tuple[object, str, object]]:
    """Call the named stages through ``operator.call`` (C: callgrind's ``--toggle-collect``
    then counts inside them), none inside another: a stage called while one is running is
    called directly, so the collection is toggled on and off once per outermost call."""
    import operator

    inside = [False]

    def make(fn, _name: str):  # noqa: ANN001, ANN202
        def wrapper(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            if inside[0]:
                return fn(*args, **kwargs)
            inside[0] = True
            try:
                return operator.call(fn, *args, **kwargs)
            finally:
                inside[0] = False
        return wrapper

    return _swap(names, make)


def _timed(fn) -> float:  # noqa: ANN001
    t = time.process_time()
    fn()
    return time.process_time() - t


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
    ap.add_argument("--census", action="store_true", help="count and time the objects a report of --kind makes")
    ap.add_argument("--stages", action="store_true", help="time the parse's stages on the reports of --kind")
    ap.add_argument("--through-call", action="store_true",
                    help="with --passes: call the --stages-named stages through operator.call after the warm-up")
    ap.add_argument("--stages-named", default=",".join(FUSED), help="module:function,… for --through-call")
    args = ap.parse_args()
    if args.stages:
        rows = stages(files([p for p in args.paths if p.exists()]).get(args.kind, []))
        whole = rows[0][1]
        print(f"{args.kind}: parse {whole:.3f} ms a report; load average {os.getloadavg()[0]:.1f}\n")
        print("| stage | ms a report | share of the parse |")
        print("|---|---:|---:|")
        for name, ms in rows[1:]:
            print(f"| {name} | {ms:.3f} | {100 * ms / whole:.1f}% |")
        return
    if args.census:
        rows = census(files([p for p in args.paths if p.exists()]).get(args.kind, []))
        whole = rows[0][2]
        print(f"{args.kind}: parse {whole:.3f} ms a report; load average {os.getloadavg()[0]:.1f}\n")
        print("| class | objects a report | ms to build | share of the parse | as tuples, ms |")
        print("|---|---:|---:|---:|---:|")
        for name, count, built, packed in rows[1:]:
            print(f"| {name} | {count:.1f} | {built:.3f} | {100 * built / whole:.1f}% | {packed:.3f} |")
        built = sum(r[2] for r in rows[1:])
        packed = sum(r[3] for r in rows[1:])
        print(f"| all | {sum(r[1] for r in rows[1:]):.1f} | {built:.3f} | {100 * built / whole:.1f}% | {packed:.3f} |")
        return
    if args.passes is not None:
        items = files([p for p in args.paths if p.exists()]).get(args.kind, [])
        warm = items if args.warm_with is None else files([p for p in args.warm_with if p.exists()]).get(args.kind, [])
        run = (lambda p, d: baseline(args.kind, d)) if args.floor else (lambda p, d: parse(d, name=p.name))
        for p, d in warm:
            run(p, d)
        if args.through_call:
            through_call(tuple(args.stages_named.split(",")))
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
