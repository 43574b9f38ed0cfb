"""Docs that run: the README's examples, run as a reader would run them.

Every command line in the README's code blocks is either run here — offline, in a
temporary folder holding ``samples/``, with ``ogi`` (and ``.venv/bin/ogi``) being this
tree's command line — or named in :data:`NOT_RUN` with the reason. A new command in the
README therefore fails this test until it runs or says why it cannot. Where the README
shows output (a ``$ ogi …`` block), the output must be the same, line by line (trailing
spaces aside). The Python example runs too: each ``expression  # value`` line is checked
against its value.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
CORPUS = ROOT.parent / "shared" / "corpus"

# command lines of the README not run here, and why
NOT_RUN = {
    "python3 -m venv .venv && .venv/bin/pip install -q '.[web]' && .venv/bin/ogi serve samples/":
        "installs from the package index and starts a server (the install is checked by hand, see README)",
    "bash scripts/test.sh": "runs this test suite",
    ".venv/bin/ogi users add 张三 --role reviewer": "asks for a password at the terminal",
    ".venv/bin/ogi serve --db ogi.duckdb": "starts a server (tests/test_web_serve.py starts one)",
}

_BLOCK = re.compile(r"^```(\w*)\n(.*?)^```$", re.M | re.S)


def blocks() -> list[tuple[str, str]]:
    """(language, text) of every fenced code block."""
    return [(m.group(1), m.group(2)) for m in _BLOCK.finditer(README.read_text(encoding="utf-8"))]


def shell_commands() -> list[str]:
    """The command lines of the ``sh`` blocks (comments and trailing comments left out)."""
    lines = []
    for lang, text in blocks():
        if lang == "sh":
            for line in text.splitlines():
                command = re.sub(r"\s+# .*$", "", line).strip()
                if command and not command.startswith("#"):
                    lines.append(command)
    return lines


def shown_runs() -> list[tuple[str, str]]:
    """(command, output) of the blocks that show a ``$ ogi …`` run and what it printed."""
    found = []
    for lang, text in blocks():
        if not lang and text.startswith("$ "):
            first, _, output = text.partition("\n")
            found.append((first[2:], output))
    return found


@pytest.fixture
def shell(tmp_path):
    """Run a README command line in a temporary folder holding the samples, with ``ogi``
    and ``.venv/bin/ogi`` being this tree's command line."""
    (tmp_path / "samples").symlink_to(ROOT / "samples")
    if CORPUS.is_dir():
        (tmp_path.parent / "shared").mkdir(exist_ok=True)
        if not (tmp_path.parent / "shared" / "corpus").exists():
            (tmp_path.parent / "shared" / "corpus").symlink_to(CORPUS)
    bin_dir = tmp_path / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    ogi = bin_dir / "ogi"
    ogi.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m ogi.cli "$@"\n', encoding="utf-8")
    ogi.chmod(0o755)
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "80",
           "HOME": str(tmp_path), "LANG": "C.UTF-8",
           # a measured test run (coverage) measures the commands too: its settings pass through
           **{k: v for k, v in os.environ.items() if k.startswith("COVERAGE_")}}

    def run(command: str) -> subprocess.CompletedProcess:
        return subprocess.run(["bash", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True,
                              timeout=300)

    return run


def test_every_readme_command_runs_or_says_why_not(shell):
    commands = shell_commands()
    assert set(NOT_RUN) <= set(commands), "NOT_RUN names a command the README no longer has"
    ran = 0
    for command in commands:
        if command in NOT_RUN:
            continue
        done = shell(command)
        assert done.returncode == 0, (command, done.stderr[-2000:])
        assert done.stdout.strip(), command
        ran += 1
    assert ran >= 1


def test_the_samples_table_shows_every_sample(shell):
    done = shell(".venv/bin/ogi parse samples/*.* --format table")
    assert done.returncode == 0, done.stderr
    for agency in ("偃师区东城街道", "洪泽区龙泉镇", "北碚区农业农村局", "寿光市市场监督管理局"):
        assert agency in done.stdout


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus beside the repository is not here")
def test_shown_runs_print_what_the_readme_shows(shell):
    runs = shown_runs()
    assert runs, "the README shows no run"
    for command, output in runs:
        done = shell(command)
        assert [line.rstrip() for line in done.stdout.splitlines()] == output.splitlines(), command


def test_the_python_example_runs(monkeypatch):
    monkeypatch.chdir(ROOT)
    (code,) = [text for lang, text in blocks() if lang == "python"]
    names: dict = {}
    checked = 0
    for line in code.splitlines():
        statement, _, shown = line.partition("  # ")
        tree = ast.parse(statement)
        if isinstance(tree.body[0], ast.Expr) and shown:
            assert eval(compile(ast.Expression(tree.body[0].value), "README", "eval"), names) == \
                ast.literal_eval(shown), statement
            checked += 1
        else:
            exec(compile(tree, "README", "exec"), names)
    assert checked == 3


def test_the_readme_names_every_extra():
    import tomllib

    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    text = README.read_text(encoding="utf-8")
    for extra in extras:
        assert f"| `{extra}` |" in text, extra


def test_the_readme_commands_install_what_they_need():
    """The first command serves the samples: it installs the web extra; the test command
    installs the test extra, which pulls every extra."""
    first = next(c for c in NOT_RUN if c.startswith("python3 -m venv"))
    assert "pip install -q '.[web]'" in first and first.endswith("ogi serve samples/")
    script = (ROOT / "scripts" / "test.sh").read_text(encoding="utf-8")
    assert "pip install -q -e '.[test]'" in script
    assert os.access(ROOT / ".ci" / "run", os.R_OK)
