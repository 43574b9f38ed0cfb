"""Start-up cost of the command line: ``ogi parse one.txt`` as a whole process, beside its floors.

    .venv/bin/python benchmarks/startup.py [--runs N] [FILE]

Measured in one run, each command ``--runs`` times in a fresh process, as whole-process CPU
(user + system, from ``resource.getrusage(RUSAGE_CHILDREN)`` around each child):

- ``python -c pass`` — the interpreter alone;
- ``python -c "import minipkg"`` — a minimal package (one empty ``__init__.py`` in a
  temporary folder);
- ``python -m minicli parse FILE`` — a minimal package on the same command-line stack: a
  Typer app whose ``parse`` command takes file names and a format option and prints the
  files' sizes as JSON. Typer (0.2x) builds a pydantic adapter per parameter, so this floor
  holds Python, click, Typer and pydantic: what any Typer command pays. The target is set
  against it (≤ 3×);
- ``python -m ogi --version`` — the command line with no command run;
- ``python -m ogi parse FILE`` — the whole process the user waits for (the entry point's
  fast path: ``ogi.entry`` runs the parse command's function without Typer, and the
  model is dataclasses, so neither Typer, click, rich nor pydantic is imported);
- the parse alone: ``ogi.parse(FILE)`` in this process after a warm-up (what the process
  costs beyond its constant part).

Bytecode caches are written before measuring (a first run with writing allowed), as an
installed package has them. The minimum and the median of the runs are printed; the
minimum is the least disturbed by other load on the machine.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FILE = ROOT.parent / "shared" / "corpus" / "seeds" / "000_231d42344d228242.txt"
TARGET_RATIO = 3.0  # the target: whole process ≤ 3× a minimal package's start
TARGET_SECONDS = 0.15  # … which the issue puts at 0.15 s CPU on this machine class

MINI_CLI = '''
import json
from enum import Enum

import typer

app = typer.Typer(add_completion=False)


class Format(str, Enum):
    json = "json"
    csv = "csv"


@app.callback()
def main() -> None:
    """A minimal command line."""


@app.command()
def parse(files: list[str], format: Format = typer.Option(Format.json, "--format")) -> None:
    """Print each file's size."""
    for name in files:
        with open(name, "rb") as f:
            print(json.dumps({"file": name, "bytes": len(f.read()), "format": format.value}))
'''


def child_cpu(argv: list[str], env: dict[str, str]) -> float:
    """CPU seconds (user + system) of one child process running ``argv``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def in_process_parse(path: Path, runs: int) -> list[float]:
    sys.path.insert(0, str(ROOT / "src"))
    from ogi import parse

    parse(path)  # warm-up: lazy imports, caches
    times = []
    for _ in range(runs):
        t = time.process_time()
        parse(path)
        times.append(time.process_time() - t)
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE, help="a TXT report")
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src")] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "minipkg").mkdir()
        (Path(tmp) / "minipkg" / "__init__.py").write_text("")
        (Path(tmp) / "minicli").mkdir()
        (Path(tmp) / "minicli" / "__init__.py").write_text(MINI_CLI)
        (Path(tmp) / "minicli" / "__main__.py").write_text("from . import app\napp()\n")
        mini_env = dict(env, PYTHONPATH=tmp)
        commands = {
            "python -c pass": ([py, "-c", "pass"], env),
            "python -c 'import minipkg'": ([py, "-c", "import minipkg"], mini_env),
            f"python -m minicli parse {args.file.name}": ([py, "-m", "minicli", "parse", str(args.file)], mini_env),
            "python -m ogi --version": ([py, "-m", "ogi", "--version"], env),
            f"python -m ogi parse {args.file.name}": ([py, "-m", "ogi", "parse", str(args.file)], env),
        }
        for argv, e in commands.values():  # write the bytecode caches
            child_cpu(argv, e)
        results = {name: [] for name in commands}
        for _ in range(args.runs):  # interleaved, so that load changes touch every command alike
            for name, (argv, e) in commands.items():
                results[name].append(child_cpu(argv, e))
    results["ogi.parse() alone, in process"] = in_process_parse(args.file, args.runs)

    bare = min(results["python -c 'import minipkg'"])
    floor = min(results[f"python -m minicli parse {args.file.name}"])
    print(f"{platform_line()}; {args.runs} runs each; CPU seconds (user+sys)\n")
    print("| what | min s | median s | × empty package | × minimal Typer app |")
    print("|---|---|---|---|---|")
    for name, times in results.items():
        print(f"| `{name}` | {min(times):.3f} | {statistics.median(times):.3f} | {min(times) / bare:.1f}× "
              f"| {min(times) / floor:.2f}× |")
    whole = min(results[f"python -m ogi parse {args.file.name}"])
    parse_alone = min(results["ogi.parse() alone, in process"])
    print(f"\nogi parse, whole process: {whole:.3f} s = {whole / floor:.2f}× the minimal Typer app "
          f"(target ≤ {TARGET_RATIO:.0f}× = {TARGET_RATIO * floor:.3f} s), {whole / bare:.1f}× an empty package; "
          f"the parse itself {parse_alone:.3f} s, the rest {whole - parse_alone:.3f} s; "
          f"{'within' if whole <= TARGET_SECONDS else 'over'} the issue's {TARGET_SECONDS:.2f} s")


def platform_line() -> str:
    import platform

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"Python {platform.python_version()} on {os.cpu_count()} cores, load average {load:.1f}"


if __name__ == "__main__":
    main()
