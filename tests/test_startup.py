"""Fast start: what ``ogi parse one.txt`` imports, and the lazily loaded command list.

These test the effect (which modules a process loads), not time; the timings are in
``benchmarks/startup.py``.
"""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

import ogi.commands
from ogi.cli import app
from ogi.commands import COMMANDS

ROOT = Path(__file__).resolve().parents[1]
TXT = ROOT / "tests" / "fixtures" / "txt"
SAMPLE = ROOT / "samples" / "txt_rows.txt"

# never needed to parse a text report and print its JSON
HEAVY = ("pydantic", "typer", "click", "rich", "httpx", "tenacity", "duckdb", "psycopg", "pyarrow", "weasyprint", "fastapi", "uvicorn",
         "starlette", "jinja2", "openpyxl", "lxml", "pdfplumber", "pdfminer", "pypdfium2", "numpy", "docx", "ray")
OGI_NOT_NEEDED = ("ogi.store", "ogi.web", "ogi.fetch", "ogi.render", "ogi.synth", "ogi.form", "ogi.terminal")

_RUN = """
import json, runpy, sys
sys.argv = ["ogi", *sys.argv[1:]]
try:
    runpy.run_module("ogi", run_name="__main__")
except SystemExit as exc:
    code = exc.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


# a measured test run (coverage) measures these interpreters too: its settings pass through
_COVERAGE = {k: v for k, v in os.environ.items() if k.startswith("COVERAGE_")}


def run_ogi(*args: str) -> tuple[int, str, set[str]]:
    """``ogi ARGS`` in a fresh interpreter: exit code, standard output, modules loaded."""
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin", "COLUMNS": "200", **_COVERAGE}
    done = subprocess.run([sys.executable, "-c", _RUN, *args], capture_output=True, text=True, env=env, timeout=120)
    state = json.loads(done.stderr.strip().splitlines()[-1])
    return state["code"], done.stdout, set(state["modules"])


def _loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in names))


def test_parse_txt_loads_no_heavy_library_and_no_store_web_or_fetch():
    code, output, modules = run_ogi("parse", str(SAMPLE))
    assert code == 0
    assert json.loads(output)["meta"]["year"] == 2023
    assert _loaded(modules, HEAVY) == []
    assert _loaded(modules, OGI_NOT_NEEDED) == []
    # the entry point's fast path: the parse command's function without the CLI framework
    assert _loaded(modules, ("typer", "click", "ogi.cli", "ogi.commands")) == []


def test_parse_output_is_the_api_result():
    from ogi import parse

    _, output, _ = run_ogi("parse", str(SAMPLE))
    assert json.loads(output) == parse(SAMPLE).as_json() | {"source": json.loads(output)["source"]}
    assert json.loads(output)["source"]["sha256"] == parse(SAMPLE).source.sha256


def test_help_lists_every_command_without_importing_one():
    code, output, modules = run_ogi("--help")
    assert code == 0
    for name, (_, help_text) in COMMANDS.items():
        assert f"│ {name} " in output, name
        assert f"│ {name:<8}  {help_text[:60]}" in output, name
    assert _loaded(modules, ("ogi.commands",)) == ["ogi.commands"]
    assert _loaded(modules, ("ogi.api", "ogi.model", "ogi.store")) == []


def test_version_loads_neither_the_parser_nor_rich():
    code, output, modules = run_ogi("--version")
    assert (code, output) == (0, "ogi 0.1.0\n")
    assert _loaded(modules, ("ogi.api", "ogi.model", "ogi.commands.parse", "rich", "pydantic", "typer")) == []


def test_a_command_help_imports_only_its_module():
    code, output, modules = run_ogi("stats", "--help")
    assert code == 0 and "--by" in output
    assert _loaded(modules, ("ogi.commands",)) == ["ogi.commands", "ogi.commands._db", "ogi.commands.stats"]


def _registered() -> dict[str, str]:
    """Every command the modules register, with the first paragraph of its help."""
    for module in _modules():
        __import__(f"ogi.commands.{module}")
    group = typer.main.get_group(app)
    return {name: " ".join(inspect.cleandoc(cmd.help or "").split("\n\n")[0].split())
            for name, cmd in group.commands.items()}


def _modules() -> list[str]:
    import pkgutil

    return sorted(m.name for m in pkgutil.iter_modules(ogi.commands.__path__) if not m.name.startswith("_"))


def test_the_table_names_every_command_with_its_help():
    """The static table is what ``ogi --help`` shows: it must match the modules (a new
    command module needs its line in ``ogi.commands.COMMANDS`` to start fast)."""
    assert _registered() == {name: help_text for name, (_, help_text) in COMMANDS.items()}
    listed = {module for module, _ in COMMANDS.values()}
    assert sorted(listed) == _modules()


def test_the_table_names_each_commands_own_module():
    for name, (module, _) in COMMANDS.items():
        source = (Path(ogi.commands.__file__).parent / f"{module}.py").read_text(encoding="utf-8")
        assert f'command("{name}")' in source or f'name="{name}"' in source, name


def test_commands_run_in_process_after_lazy_loading():
    runner = CliRunner()
    result = runner.invoke(app, ["parse", str(SAMPLE), "--format", "csv"])
    assert result.exit_code == 0
    assert result.output.splitlines()[0].startswith("file,agency,year,template,table")
    typo = runner.invoke(app, ["pars", str(SAMPLE)])
    assert typo.exit_code == 2 and "Did you mean 'parse'" in typo.output


def test_python_dash_m_ogi_cli_runs():
    done = subprocess.run([sys.executable, "-m", "ogi.cli", "--version"], capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin", **_COVERAGE}, timeout=60)
    assert (done.returncode, done.stdout) == (0, "ogi 0.1.0\n")


def run_both(args: list[str], stdin: bytes = b"") -> tuple[tuple, tuple]:
    """``ogi ARGS`` through the entry point (the fast path when the form is simple) and through
    the Typer app itself: (exit code, stdout bytes, stderr bytes) each."""
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin", "COLUMNS": "200", **_COVERAGE}
    runs = []
    for start in (["-m", "ogi"], ["-c", "import sys; from ogi.cli import app; sys.argv[0] = 'ogi'; app(prog_name='ogi')"]):
        done = subprocess.run([sys.executable, *start, *args], input=stdin, capture_output=True, env=env,
                              timeout=120)
        runs.append((done.returncode, done.stdout, done.stderr))
    return runs[0], runs[1]


@pytest.mark.parametrize("args, code", [
    (["parse", str(SAMPLE)], 0),
    (["parse", str(SAMPLE), str(TXT / "crawler_glued_2021.txt")], 0),
    (["parse", "--format", "csv", str(SAMPLE)], 0),
    (["parse", str(SAMPLE), "-f", "csv", "/no/such/file"], 1),
    (["parse", "--format=json", str(SAMPLE), str(ROOT / "tests")], 1),
    (["parse", "/no/such/file"], 1),
    (["parse", str(ROOT / "pyproject.toml")], 1),
    (["parse", "-"], 0),
    (["--version"], 0),
])
def test_the_fast_path_prints_what_the_typer_command_prints(args, code):
    fast, typer_path = run_both(args, stdin=SAMPLE.read_bytes())
    assert fast == typer_path
    assert fast[0] == code and (code == 1 or fast[1][:1] in (b"{", b"[", b"f", b"o"))


@pytest.mark.parametrize("args, expected", [
    (["parse", "a.txt"], (["a.txt"], "json")),
    (["parse", "a.txt", "-", "b.html"], (["a.txt", "-", "b.html"], "json")),
    (["parse", "-f", "csv", "a.txt"], (["a.txt"], "csv")),
    (["parse", "a.txt", "--format", "json"], (["a.txt"], "json")),
    (["parse", "--format=csv", "a.txt"], (["a.txt"], "csv")),
    (["parse"], None),  # the usage error
    (["parse", "a.txt", "--format", "table"], None),  # rich draws it
    (["parse", "a.txt", "--format"], None),
    (["parse", "a.txt", "-f", "csv", "-f", "json"], None),
    (["parse", "a.txt", "--format", "xml"], None),
    (["parse", "--help"], None),
    (["parse", "--", "-odd-name.txt"], None),
    (["parse", "-fcsv", "a.txt"], None),
    (["check", "a.txt"], None),
    (["--version"], None),
    ([], None),
])
def test_which_arguments_take_the_fast_path(args, expected):
    from ogi.entry import simple_parse

    assert simple_parse(args) == expected


def test_the_fast_path_formats_are_the_commands_formats():
    from ogi.cli_parse import FORMATS
    from ogi.commands.parse import ParseFormat
    from ogi.entry import FAST_FORMATS

    assert tuple(f.value for f in ParseFormat) == FORMATS
    assert set(FAST_FORMATS) < set(FORMATS)


def test_other_forms_run_the_typer_app():
    fast, typer_path = run_both(["parse", "--format", "xml", str(SAMPLE)])
    assert fast == typer_path and fast[0] == 2 and b"xml" in fast[2]
    code, output, modules = run_ogi("parse", "--help")
    assert code == 0 and "--format" in output and "typer" in modules
