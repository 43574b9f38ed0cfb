"""The ``ogi`` command line. Thin: every command calls the same functions a Python user would.

Start-up is kept to the parse plus a small constant. The commands live in ``ogi.commands``,
one module per topic, and a module is imported only when one of its commands runs or shows
its own help: :class:`LazyGroup` resolves a command name through the static table
``ogi.commands.COMMANDS`` and lists every command in ``ogi --help`` from that table, without
importing any module. Heavy libraries (rich, the store, the web app, the renderer) are
imported inside the functions that use them; ``out`` and ``err``, the rich consoles the
commands print with, are made when something is first printed through them.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from collections.abc import Iterable
from difflib import get_close_matches
from typing import TYPE_CHECKING, Any, cast

import typer
from typer.core import TyperCommand, TyperGroup

from . import __version__
from .cli_parse import print_error, read_reports, write_csv  # noqa: F401 - the commands import them from here
from .commands import COMMANDS
from .errors import OgiError

if TYPE_CHECKING:
    from rich.console import Console

_COMMANDS_PACKAGE = f"{__package__}.commands"
_UsageError: Any = typer.BadParameter.__bases__[0]  # click's UsageError, from the click typer uses


class LazyGroup(TyperGroup):
    """The top-level group: a command's module is imported when the command is resolved,
    and while the group's own help is drawn, commands not yet imported are shown from the
    table (name and one-line help) instead of being imported."""

    _listing = False

    def list_commands(self, ctx) -> list[str]:
        self._load_unlisted()
        return list(COMMANDS) + [name for name in self.commands if name not in COMMANDS]

    def get_command(self, ctx, cmd_name: str):
        if cmd_name not in self.commands:
            if self._listing and cmd_name in COMMANDS:
                return TyperCommand(cmd_name, help=COMMANDS[cmd_name][1])
            if cmd_name in COMMANDS:
                importlib.import_module(f"{_COMMANDS_PACKAGE}.{COMMANDS[cmd_name][0]}")
                self._take_registered()
            else:
                self._load_unlisted()
        return self.commands.get(cmd_name)

    def resolve_command(self, ctx, args: list[str]):
        try:
            return super().resolve_command(ctx, args)
        except _UsageError as exc:
            close = get_close_matches(args[0], list(COMMANDS)) if args else []
            if close and "Did you mean" not in exc.message:
                exc.message = f"{exc.message.rstrip('.')}. Did you mean {', '.join(repr(c) for c in close)}?"
            raise

    def invoke(self, ctx):
        """Run the command; an :class:`OgiError` that escapes it (a missing extra, a bad
        setting) ends it with its one-line message instead of a traceback."""
        try:
            return super().invoke(ctx)
        except OgiError as exc:
            raise fail(str(exc), 1) from None

    def format_help(self, ctx, formatter) -> None:
        self._listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._listing = False

    def _load_unlisted(self) -> None:
        """Import the command modules the table does not name (so their commands exist)."""
        from . import commands

        listed = {module for module, _ in COMMANDS.values()}
        for info in pkgutil.iter_modules(commands.__path__):
            if not info.name.startswith("_") and info.name not in listed:
                importlib.import_module(f"{_COMMANDS_PACKAGE}.{info.name}")
        self._take_registered()

    def _take_registered(self) -> None:
        """Build the click commands of everything registered on ``app`` so far."""
        for name, command in typer.main.get_group(app).commands.items():
            self.commands.setdefault(name, command)


# One vocabulary across the commands: ``--format text`` is output for a person at a terminal
# (tables, findings, lists), ``json``/``csv``/``xlsx``/``parquet``/``md`` name files the same
# everywhere, and ``-o/--output`` is where a command writes. The old spellings still work as
# hidden aliases (click's token normalisation, applied to option names and choice values
# only, never to file names): help and docs/cli.md show only today's.
ALIASES = {"table": "text", "out": "output"}  # old spelling → today's


def _alias(token: str) -> str:
    return ALIASES.get(token, token)


def aliased(**own: str) -> dict[str, Any]:
    """The context settings of a command with old spellings of its own options (old name,
    without dashes, → today's), on top of :data:`ALIASES`: scoped to that command, so a
    letter such as ``t`` is not taken from every other command."""
    table = {**ALIASES, **own}
    return {"token_normalize_func": lambda token: table.get(token, token)}


app = typer.Typer(help="ogi-reports: 政府信息公开工作年度报告 → exact, checked, comparable data.", rich_markup_mode="markdown",
                  no_args_is_help=True, add_completion=False, cls=LazyGroup,
                  context_settings={"help_option_names": ["-h", "--help"], "token_normalize_func": _alias})


class _LazyConsole:
    """A rich ``Console`` made on first use: rich costs tens of milliseconds to import, and
    ``ogi parse`` printing JSON never needs it. Attribute access goes to the console."""

    def __init__(self, stderr: bool) -> None:
        object.__setattr__(self, "_stderr", stderr)
        object.__setattr__(self, "_console", None)

    def _real(self) -> Console:
        if self._console is None:
            from rich.console import Console

            object.__setattr__(self, "_console", Console(stderr=self._stderr, highlight=False))
        return self._console

    def __getattr__(self, name: str):
        return getattr(self._real(), name)

    def __setattr__(self, name: str, value) -> None:
        setattr(self._real(), name, value)

    def __enter__(self):
        return self._real().__enter__()

    def __exit__(self, *exc) -> None:
        self._real().__exit__(*exc)


out = cast("Console", _LazyConsole(stderr=False))  # a Console to the commands
err = cast("Console", _LazyConsole(stderr=True))


def _version(value: bool) -> None:
    if value:
        print(f"ogi {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                      help="Print the version and exit.")) -> None:
    """ogi-reports command line."""


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print the error (:func:`print_error`) and return the ``typer.Exit`` to raise."""
    print_error(message)
    return typer.Exit(code)


_YELLOW, _PLAIN = "\x1b[33m", "\x1b[0m"  # ANSI SGR: yellow foreground, reset


def print_warning(message: str) -> None:
    """A warning, printed as :func:`print_error` prints an error: ``ogi: MESSAGE`` on standard
    error, one line never wrapped nor read as markup, yellow in a terminal, plain when redirected."""
    line = f"ogi: {message}"
    if sys.stderr.isatty():
        line = f"{_YELLOW}{line}{_PLAIN}"
    print(line, file=sys.stderr)


def print_problems(message: str, problems: Iterable[object], warning: bool = False) -> None:
    """An error (or, with ``warning``, a warning) with its list: the one line of
    :func:`print_error` (:func:`print_warning`), then each problem indented on a line of its
    own, never read as markup."""
    (print_warning if warning else print_error)(message)
    for p in problems:
        err.print(f"  {p}", markup=False, soft_wrap=True)


if __name__ == "__main__":
    # ``python -m ogi.cli``: run the app of the module the commands register on (this file
    # runs as ``__main__``, a second copy of it)
    from ogi.cli import app as _app

    _app()
