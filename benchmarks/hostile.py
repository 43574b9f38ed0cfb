"""Every hostile input through ``ogi parse``, each in a subprocess bounded in wall-clock
time and resident memory; prints class × outcome with the peak memory.

    python benchmarks/hostile.py [--count 2000] [--jobs 2] [--seconds 10] [--wall 30] [--rss-mb 1024]

The inputs are made by ``tests/hostile/generate.py`` into a temporary folder. Each runs as
``ogi parse FILE`` in a child forked from a parent that has already imported ogi (a fresh
interpreter per input would spend most of the run importing); the child gets
``OGI_MAX_SECONDS=--seconds`` and is killed at ``--wall`` seconds or ``--rss-mb`` MB.
One more input is an endless standard input (``ogi parse -`` fed forever).

Outcomes:
  parsed       exit 0 and the output is valid UTF-8 JSON
  clean error  exit 1 and standard error is one ``ogi: FILE: reason`` line
  traceback    a traceback, an internal error line, any other exit status, or bad output
  hang         still running at --wall seconds (killed)
  over memory  resident memory past --rss-mb (killed)

Peak RSS is the child's ``ru_maxrss``, which includes the pages it shares with the warm
parent (its baseline is printed too). Target: 0 tracebacks, 0 hangs, peak under 1 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import tempfile
import threading
import time
import traceback
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "hostile"))
import generate  # noqa: E402

OUTCOMES = ("parsed", "clean error", "traceback", "hang", "over memory")
DEADLINE = "OGI_MAX_SECONDS"  # clean errors that name it stopped at the deadline (counted apart too)
POLL = 0.05  # seconds between looks at the running children
PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass
class Run:
    cls: str
    path: str  # "-" for standard input
    pid: int = 0
    started: float = 0.0
    out: str = ""
    err: str = ""
    killed: str = ""
    status: int = 0
    peak_kb: int = 0
    seconds: float = 0.0
    outcome: str = ""
    detail: str = field(default="", repr=False)


def _child(run: Run, seconds: float, stdin_fd: int) -> None:
    """In the forked child: ``ogi parse`` with stdout and stderr to files; never returns."""
    code = 1
    try:
        os.dup2(stdin_fd, 0)
        os.dup2(os.open(run.out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), 1)
        os.dup2(os.open(run.err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), 2)
        os.environ["OGI_MAX_SECONDS"] = f"{seconds:g}"
        from ogi.cli import app
        try:
            app(args=["parse", run.path], prog_name="ogi")
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        except BaseException:  # noqa: BLE001 - what the user would see
            traceback.print_exc()
            code = 3
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code)


def _start(run: Run, seconds: float, tmp: Path, n: int) -> None:
    run.out, run.err = str(tmp / f"{n}.out"), str(tmp / f"{n}.err")
    stdin_fd, feeder = os.open(os.devnull, os.O_RDONLY), None
    if run.path == "-":
        stdin_fd, w = os.pipe()
        feeder = w
    pid = os.fork()
    if pid == 0:
        _child(run, seconds, stdin_fd)
    os.close(stdin_fd)
    if feeder is not None:
        threading.Thread(target=_feed_forever, args=(feeder,), daemon=True).start()
    run.pid, run.started = pid, time.monotonic()


def _feed_forever(fd: int) -> None:
    block = b"\xe6\x94\xbf\xe5\xba\x9c 1 2 3\n" * 65536
    try:
        while True:
            os.write(fd, block)
    except OSError:
        pass
    finally:
        os.close(fd)


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def _classify(run: Run) -> None:
    err = Path(run.err).read_bytes().decode("utf-8", "replace")
    out = Path(run.out).read_bytes()
    run.detail = err.strip().splitlines()[-1][:300] if err.strip() else ""
    if run.killed:
        run.outcome = run.killed
        return
    if "Traceback" in err or "internal error" in err or run.status not in (0, 1):
        run.outcome = "traceback"
        run.detail = err.strip()[-600:]
        return
    if run.status == 0:
        try:
            json.loads(out.decode("utf-8"))
            run.outcome = "parsed"
        except (UnicodeDecodeError, ValueError) as exc:
            run.outcome, run.detail = "traceback", f"bad output: {exc}"
        return
    lines = err.strip().splitlines()
    run.outcome = "clean error" if len(lines) == 1 and lines[0].startswith("ogi: ") else "traceback"


def run_all(runs: list[Run], jobs: int, seconds: float, wall: float, rss_mb: int, tmp: Path) -> None:
    pending = list(enumerate(runs))[::-1]
    running: dict[int, Run] = {}
    while pending or running:
        while pending and len(running) < jobs:
            n, run = pending.pop()
            _start(run, seconds, tmp, n)
            running[run.pid] = run
        time.sleep(POLL)
        for pid, run in list(running.items()):
            done, status, usage = os.wait4(pid, os.WNOHANG)
            if done == 0:
                elapsed = time.monotonic() - run.started
                if elapsed > wall:
                    run.killed = "hang"
                elif _rss(pid) > rss_mb * (1 << 20):
                    run.killed = "over memory"
                if run.killed:
                    os.kill(pid, signal.SIGKILL)
                    _, status, usage = os.wait4(pid, 0)
                else:
                    continue
            run.seconds = time.monotonic() - run.started
            run.status = os.waitstatus_to_exitcode(status)
            run.peak_kb = usage.ru_maxrss
            del running[pid]
            _classify(run)


def baseline_kb() -> int:
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    _, _, usage = os.wait4(pid, 0)
    return usage.ru_maxrss


def table(runs: list[Run]) -> str:
    counts: dict[str, Counter] = defaultdict(Counter)
    peak: dict[str, int] = defaultdict(int)
    slow: dict[str, float] = defaultdict(float)
    for r in runs:
        counts[r.cls][r.outcome] += 1
        if r.outcome == "clean error" and DEADLINE in r.detail:
            counts[r.cls]["deadline"] += 1
        peak[r.cls] = max(peak[r.cls], r.peak_kb)
        slow[r.cls] = max(slow[r.cls], r.seconds)
    head = "| class | inputs | " + " | ".join(OUTCOMES) + " | of the clean errors: deadline | peak RSS MB | slowest s |"
    lines = [head, "|" + "---|" * (len(OUTCOMES) + 5)]
    total: Counter = Counter()
    for cls in sorted(counts):
        c = counts[cls]
        total.update(c)
        lines.append(f"| {cls} | {sum(c[o] for o in OUTCOMES)} | " + " | ".join(str(c[o]) for o in OUTCOMES)
                     + f" | {c['deadline']} | {peak[cls] / 1024:.0f} | {slow[cls]:.1f} |")
    lines.append(f"| **all** | {sum(total[o] for o in OUTCOMES)} | " + " | ".join(f"**{total[o]}**" for o in OUTCOMES)
                 + f" | {total['deadline']} | {max(peak.values()) / 1024:.0f} | {max(slow.values()):.1f} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=2000, help="inputs to generate (at least the hand-made ones)")
    ap.add_argument("--jobs", "-j", type=int, default=2)
    ap.add_argument("--seconds", type=float, default=10.0, help="OGI_MAX_SECONDS for each input")
    ap.add_argument("--wall", type=float, default=30.0, help="kill an input after this many seconds (a hang)")
    ap.add_argument("--rss-mb", type=int, default=1024, help="kill an input past this resident memory")
    ap.add_argument("--json", type=Path, help="write every run here")
    ap.add_argument("--table-from", type=Path, help="only print the table of a run saved with --json")
    args = ap.parse_args()
    if args.table_from:
        runs = [Run(**{k: v for k, v in r.items()}) for r in json.loads(args.table_from.read_text(encoding="utf-8"))]
        print(table(runs))
        return

    import ogi.cli  # noqa: F401 - warm: every child is forked with ogi imported

    with tempfile.TemporaryDirectory(prefix="ogi-hostile-") as tmp:
        tmp = Path(tmp)
        started = time.monotonic()
        cases = generate.generate(tmp / "inputs", args.count)
        made = time.monotonic() - started
        runs = [Run(c.cls, str(c.path)) for c in cases] + [Run("stdin_endless", "-")]
        (tmp / "io").mkdir()
        started = time.monotonic()
        run_all(runs, args.jobs, args.seconds, args.wall, args.rss_mb, tmp / "io")
        took = time.monotonic() - started
    print(f"{len(runs)} inputs (generated in {made:.0f} s), run in {took:.0f} s with -j {args.jobs}; "
          f"OGI_MAX_SECONDS={args.seconds:g}, killed at {args.wall:g} s or {args.rss_mb} MB; "
          f"baseline RSS of a forked child {baseline_kb() / 1024:.0f} MB")
    print(table(runs))
    bad = [r for r in runs if r.outcome in ("traceback", "hang", "over memory")]
    for r in bad[:30]:
        print(f"\n{r.outcome}: {r.cls} {r.path!r} ({r.seconds:.1f} s, {r.peak_kb // 1024} MB)\n  {r.detail}")
    if args.json:
        args.json.write_text(json.dumps([{k: v for k, v in r.__dict__.items() if k not in ("out", "err")}
                                         for r in runs], indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
