"""The errors readers raise, kept importable from here; they are defined in :mod:`ogi.errors`."""

from __future__ import annotations

from ..errors import LimitExceeded, OgiError, UnreadableFile

__all__ = ["OgiError", "UnreadableFile", "LimitExceeded"]
