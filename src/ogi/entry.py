"""The process entry point of ``ogi`` (and ``python -m ogi``): the Typer app, with a fast
path for the one command people run by the thousand in shell loops.

Importing Typer and click costs several times what parsing a text report does. So when the
arguments are exactly one of the simple forms of ``ogi parse``,

    ogi parse FILE… [--format json|csv | --format=json|csv | -f json|csv]

(files and ``-`` for standard input, at most one format option, anywhere among them), the
command's own function :func:`ogi.cli_parse.parse_files` runs directly — the function the
Typer command calls, so output and exit status are the same. ``ogi --version`` alone is
answered here too. Every other form goes to
the Typer app unchanged: ``--help``, an unknown or repeated option, ``--`` (then a file
may start with ``-``), the table format (it draws with rich anyway), no file (the usage
error), every other command, and shell completion requests.
"""

from __future__ import annotations

import os
import sys

FAST_FORMATS = ("json", "csv")  # the formats the fast path prints; ``table`` needs rich
_FORMAT_OPTIONS = ("--format", "-f")
_COMPLETION_VARIABLE = "_OGI_COMPLETE"  # click's shell completion request for prog name ``ogi``


def simple_parse(args: list[str]) -> tuple[list[str], str] | None:
    """(files, format) when ``args`` (without the program name) is a simple ``parse``
    command the fast path may run; None otherwise."""
    if not args or args[0] != "parse":
        return None
    files: list[str] = []
    fmt = None
    rest = iter(args[1:])
    for arg in rest:
        if arg in _FORMAT_OPTIONS or arg.startswith("--format="):
            value = arg.partition("=")[2] if "=" in arg else next(rest, None)
            if fmt is not None or value not in FAST_FORMATS:
                return None
            fmt = value
        elif arg.startswith("-") and arg != "-":
            return None
        else:
            files.append(arg)
    return (files, fmt or "json") if files else None


def main() -> None:
    """Run ``ogi`` with the process's arguments."""
    if sys.argv[1:] == ["--version"]:  # what the app's eager option prints
        from . import __version__

        print(f"ogi {__version__}")
        sys.exit(0)
    simple = None if os.environ.get(_COMPLETION_VARIABLE) else simple_parse(sys.argv[1:])
    if simple is None:
        from .cli import app

        app(prog_name="ogi")
        return
    sys.exit(_run_parse(*simple))


def _run_parse(files: list[str], fmt: str) -> int:
    """:func:`~ogi.cli_parse.parse_files`, ended as the Typer app ends a command: a closed
    output pipe exits 1 quietly, Ctrl-C exits 130 quietly."""
    import errno

    from .cli_parse import parse_files

    try:
        return parse_files(files, fmt)
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            raise
        sys.stdout = _Pacified(sys.stdout)
        sys.stderr = _Pacified(sys.stderr)
        return 1


class _Pacified:
    """A stream whose flush ignores a broken pipe (click's ``PacifyFlushWrapper``): the
    interpreter flushes the standard streams at exit, which must not fail again."""

    def __init__(self, wrapped) -> None:
        self.wrapped = wrapped

    def flush(self) -> None:
        try:
            self.wrapped.flush()
        except OSError as exc:
            import errno

            if exc.errno != errno.EPIPE:
                raise

    def __getattr__(self, name: str):
        return getattr(self.wrapped, name)


__all__ = ["FAST_FORMATS", "simple_parse", "main"]
