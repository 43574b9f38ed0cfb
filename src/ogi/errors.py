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
- :class:`MissingExtra` — a feature needs an optional part of the package (an *extra*:
  ``web``, ``pdf-render``, ``postgres``, ``ocr``, ``ray``, ``shapes``) that is not
  installed; its message names the ``pip install 'ogi-reports[EXTRA]'`` that adds it.
  :class:`MissingReader` is the same for a file whose reader needs the extra (a scan
  without the OCR engine), so that it is also an :class:`UnreadableFile` and a batch
  records it as such.

Heavy libraries live in extras, each imported only inside the module that needs it, under
:func:`needs_extra`: an ``ImportError`` of one of the extra's modules becomes the one-line
:class:`MissingExtra`, any other ``ImportError`` (a bug) goes on as it is.

The classes stay ``ValueError`` subclasses, as they were before they had a common root, so
code that caught ``ValueError`` around :func:`ogi.parse` still does.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


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


# extra (as named in pyproject.toml) → the top-level modules it installs that ogi imports
EXTRAS: dict[str, tuple[str, ...]] = {
    "web": ("fastapi", "starlette", "uvicorn", "jinja2", "multipart", "python_multipart"),
    "pdf-render": ("weasyprint",),
    "postgres": ("psycopg", "psycopg_binary"),
    "ocr": ("rapidocr", "onnxruntime", "cv2"),
    "ray": ("ray",),
    "shapes": ("html2text", "playwright"),
}
PACKAGE = "ogi-reports"


def install_command(extra: str) -> str:
    """The command that installs an extra: ``pip install 'ogi-reports[web]'``."""
    return f"pip install '{PACKAGE}[{extra}]'"


class MissingExtra(OgiError):
    """A feature needs an extra that is not installed. The message is one line, in Chinese
    and English, ending with the command that installs it."""

    def __init__(self, extra: str, feature_zh: str, feature_en: str, module: str = ""):
        super().__init__(f"{feature_zh}需要 {extra} 组件 / {feature_en} needs the {extra} extra: "
                         f"{install_command(extra)}")
        self.extra = extra
        self.module = module


class MissingReader(MissingExtra, UnreadableFile):
    """A file whose reader needs an extra that is not installed (see :class:`MissingExtra`)."""


@contextmanager
def needs_extra(extra: str, feature_zh: str, feature_en: str,
                error: type[MissingExtra] = MissingExtra) -> Iterator[None]:
    """Run the block that imports an extra's libraries; an ``ImportError`` of one of them
    (see :data:`EXTRAS`) is raised as ``error`` naming the install command."""
    try:
        yield
    except ImportError as exc:
        top = (exc.name or "").partition(".")[0]
        if top not in EXTRAS[extra]:
            raise
        raise error(extra, feature_zh, feature_en, top) from exc


__all__ = ["OgiError", "UnreadableFile", "LimitExceeded", "NotAReport", "BadSetting", "MissingExtra",
           "MissingReader", "EXTRAS", "install_command", "needs_extra"]
