"""The command-line reference, generated from the commands themselves.

``docs/cli.md`` is :func:`cli_markdown`'s text; a test keeps the two equal, so a change of a
command's help, arguments or options changes the page in the same commit. Regenerate it
with::

    python -c "from ogi.commands._reference import cli_markdown; print(cli_markdown(), end='')" > docs/cli.md

Each command, and each subcommand of a group (``ogi agencies list`` …), gets its usage
line, its help (Chinese and English, with examples) and a table of its arguments and
options with their choices, defaults and settings, in the order ``ogi --help`` lists them.
"""

from __future__ import annotations

import inspect
import os
from enum import Enum
from typing import Any

import typer

from . import COMMANDS

INTRO = ("# Command-line reference / 命令行参考\n\n"
         "Generated from the code by `ogi.commands._reference.cli_markdown` (a test keeps this page equal to "
         "it); `ogi COMMAND --help` prints the same. Install: see the README's *Extras* for the commands "
         "that need one.\n\n"
         "## Conventions / 约定\n\n"
         "- `--format/-f` chooses what a command prints or writes, with one vocabulary in every command: `text` "
         "is output for a person at a terminal (tables, findings, lists); `json`, `csv`, `xlsx`, `parquet`, "
         "`md`, `html`, `docx` and `pdf` name the same formats wherever a command offers them (`ogi render` "
         "and `ogi form` too). `-o/--output` is always where a command writes (a file or a folder). Earlier "
         "spellings still work and are not listed: `--format table` reads as `text`, `--out` as `--output`, "
         "and `ogi render --to/-t` and `ogi form --to` as `--format`.\n"
         "- Errors go to standard error as one line, `ogi: MESSAGE` (red on a terminal), followed by an "
         "indented line per problem when there is a list (warnings the same way, yellow); standard output carries "
         "only the result. A mistake in the command line itself (an unknown option, a value not among the "
         "choices) is shown with the usage line, exit status 2.\n"
         "- `ogi parse --format json` (and `ogi check --format json`) print one report object for one file, "
         "as `schema.md` defines a report, and an array of such objects for two or more files, in the order "
         "given; a file that cannot be read is named on standard error and left out. The shape follows how "
         "many files are named, not how many were read, so a script knows which to expect. This stays as it "
         "is: the one-report object is the schema's contract, which other tools and the web API "
         "(`/api/reports/{id}`) share.\n")


def cli_markdown() -> str:
    """Every command as Markdown: usage, help, arguments and options."""
    from ..cli import app

    group = typer.main.get_group(app)
    root = group.context_class(group, info_name="ogi")
    parts = [INTRO, "| command | what for |\n|---|---|\n" + "".join(
        f"| [`ogi {name}`](#ogi-{name}) | {_cell(help_text)} |\n" for name, (_, help_text) in COMMANDS.items())]
    for name in COMMANDS:
        command: Any = group.get_command(root, name)
        assert command is not None, name
        ctx = command.context_class(command, info_name=name, parent=root)
        parts.append(_command(command, ctx, f"ogi {name}"))
        for sub in command.list_commands(ctx) if hasattr(command, "list_commands") else []:
            subcommand = command.get_command(ctx, sub)
            assert subcommand is not None, sub
            parts.append(_command(subcommand, subcommand.context_class(subcommand, info_name=sub, parent=ctx),
                                  f"ogi {name} {sub}", level=3))
    return "\n".join(parts)


def _command(command: Any, ctx: Any, path: str, level: int = 2) -> str:
    usage = " ".join([path, *_usage(command)])
    lines = [f"{'#' * level} {path}", "", "```", usage, "```", "", inspect.cleandoc(command.help or ""), ""]
    rows = [_param_row(p, ctx) for p in command.params if p.name != "help" and not getattr(p, "hidden", False)]
    if rows:
        lines += ["| argument / option | value | default | what for |", "|---|---|---|---|", *rows, ""]
    return "\n".join(lines)


def _usage(command: Any) -> list[str]:
    """The usage line's pieces after the command: ``[OPTIONS]``, then each argument
    (``FILES...``, ``[QUERY]`` when optional), and ``COMMAND [ARGS]...`` for a group."""
    pieces = ["[OPTIONS]"] if any(p.param_type_name == "option" and p.name != "help" for p in command.params) else []
    for p in command.params:
        if p.param_type_name == "argument":
            name = p.name.upper() + ("..." if p.nargs == -1 else "")
            pieces.append(name if p.required else f"[{name}]")
    if hasattr(command, "list_commands"):
        pieces.append("COMMAND [ARGS]...")
    return pieces


def _param_row(param: Any, ctx: Any) -> str:
    if param.param_type_name == "argument":
        name = f"`{param.name.upper()}`" + ("" if param.required else " (optional)")
    else:
        name = ", ".join(f"`{o}`" for o in [*param.opts, *param.secondary_opts])
    value = "flag" if getattr(param, "is_flag", False) else param.display_type(ctx).strip("<>")
    if value.startswith("list["):
        value = value[5:-1] + " …"
    envvar = param.envvar if isinstance(param.envvar, (list, tuple)) else [param.envvar] if param.envvar else []
    help_text = param.help or ""
    if envvar:
        help_text += f" (${', $'.join(envvar)})"
    return f"| {name} | {_cell(value)} | {_cell(_default(param))} | {_cell(help_text)} |"


def _default(param: Any) -> str:
    default = param.default
    if default is None or default is False or param.required or callable(default):
        return ""
    if param.name == "jobs" and default == os.cpu_count():
        return "the CPUs"  # os.cpu_count(): the same page on every machine
    if isinstance(default, Enum):
        default = default.value
    if isinstance(default, (list, tuple)):
        return " ".join(str(d) for d in default)
    return str(default)


def _cell(text: object) -> str:
    """Text for a Markdown table cell: one line, pipes escaped."""
    return " ".join(str(text).split()).replace("|", "\\|")


__all__ = ["cli_markdown"]
