"""A command line people can learn from itself: every command's help in Chinese and English
with an example, and ``docs/cli.md`` generated from the commands (kept current by a test)."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import typer.main

from ogi.cli import app
from ogi.commands import COMMANDS
from ogi.commands._reference import cli_markdown

ROOT = Path(__file__).resolve().parents[1]
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN_WORDS = re.compile(r"[A-Za-z]{3,}(?: [A-Za-z]{2,}){2,}")  # an English phrase of three words or more


def test_the_committed_cli_reference_is_current():
    """Regenerate with the command in ``ogi.commands._reference``'s docstring."""
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == cli_markdown()


def _every_command():
    group = typer.main.get_group(app)
    root = group.context_class(group, info_name="ogi")
    for name in COMMANDS:
        command = group.get_command(root, name)
        yield f"ogi {name}", command
        ctx = command.context_class(command, info_name=name, parent=root)
        for sub in command.list_commands(ctx) if hasattr(command, "list_commands") else []:
            yield f"ogi {name} {sub}", command.get_command(ctx, sub)


def test_every_command_helps_in_chinese_and_english_with_an_example():
    seen = 0
    for path, command in _every_command():
        text = inspect.cleandoc(command.help or "")
        first = text.split("\n\n")[0]
        assert _HAN.search(first) and _LATIN_WORDS.search(first), path
        zh, _, en = first.partition(" / ")
        assert _HAN.search(zh) and en, path
        examples = re.findall(r"^\* `(ogi [^`]+)`$", text, re.M)
        assert examples and "示例 / Example" in text, path
        assert all(e.startswith(path.rsplit(" ", 1)[0]) for e in examples), path
        seen += 1
    assert seen == len(COMMANDS) + 17  # and the subcommands of agencies, author, ledger and users


def test_the_reference_names_every_command_and_option():
    doc = cli_markdown()
    for path, command in _every_command():
        assert f"# {path}\n" in doc, path
        for param in command.params:
            for opt in param.opts if param.param_type_name == "option" else []:
                assert f"`{opt}`" in doc, (path, opt)
