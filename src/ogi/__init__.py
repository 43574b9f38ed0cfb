"""ogi-reports: China's government information disclosure annual reports as exact,
checked, comparable data.

    >>> from ogi import parse
    >>> report = parse("report.html")
    >>> report.table3["new_received"]["total"]

The names below are imported on first use (module ``__getattr__``), so that importing a
part of the package (``ogi.template``, the command line) does not import the parser.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["parse", "Report", "Finding", "UnreadableFile", "NotAReport", "__version__",
           "OgiError", "LimitExceeded", "Limits"]

_LAZY = {"parse": "api", "UnreadableFile": "api", "NotAReport": "api", "Report": "model", "Finding": "model",
         "OgiError": "errors", "LimitExceeded": "errors", "Limits": "limits"}

if TYPE_CHECKING:
    from .api import NotAReport, UnreadableFile, parse
    from .errors import LimitExceeded, OgiError
    from .limits import Limits
    from .model import Finding, Report


def __getattr__(name: str):
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
