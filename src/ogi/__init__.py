"""ogi-reports: China's government information disclosure annual reports as exact,
checked, comparable data.

    >>> from ogi import parse
    >>> report = parse("report.html")
    >>> report.table3["new_received"]["total"]
"""

from .api import NotAReport, UnreadableFile, parse
from .errors import LimitExceeded, OgiError
from .limits import Limits
from .model import Finding, Report

__version__ = "0.1.0"
__all__ = ["parse", "Report", "Finding", "UnreadableFile", "NotAReport", "__version__",
           "OgiError", "LimitExceeded", "Limits"]
