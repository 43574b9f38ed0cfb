"""The exceptions ogi raises for bad input, under one root.

Everything a user can cause by handing ogi a file, a setting or a name is an
:class:`OgiError`; its message is one line that says what is wrong, so a command prints it
as it is (``ogi: FILE: MESSAGE``) and a batch records it as the reason a file failed.
Anything else that escapes is a bug.

- :class:`UnreadableFile` — the bytes cannot be read as a document: empty, binary, damaged,
  encrypted, of a kind no reader takes.
- :class:`LimitExceeded` — an :class:`UnreadableFile` that is refused because reading it
  would pass one of the limits in :mod:`ogi.limits`; its message names the limit and the
  setting that raises it (``… (OGI_MAX_PAGES)``), and it keeps both as attributes.
- :class:`NotAReport` — the document reads, but holds no annual report (or several).
- :class:`BadSetting` — a limit set in the environment is not a number.

The classes stay ``ValueError`` subclasses, as they were before they had a common root, so
code that caught ``ValueError`` around :func:`ogi.parse` still does.
"""

from __future__ import annotations


class OgiError(Exception):
    """The root of every error ogi raises for bad input or a bad setting."""


class UnreadableFile(OgiError, ValueError):
    """The file cannot be read as a document (empty, corrupt, encrypted, unknown kind)."""


class LimitExceeded(UnreadableFile):
    """Reading the file would pass a limit (see :mod:`ogi.limits`)."""

    def __init__(self, message: str, setting: str = "", limit: float | None = None):
        super().__init__(message)
        self.setting = setting
        self.limit = limit


class NotAReport(OgiError, ValueError):
    """The document holds no annual report (or more than one)."""


class BadSetting(OgiError, ValueError):
    """A setting given in the environment cannot be used."""


__all__ = ["OgiError", "UnreadableFile", "LimitExceeded", "NotAReport", "BadSetting"]
