"""The one error every reader raises for a file it cannot read."""

from __future__ import annotations


class UnreadableFile(ValueError):
    """The file cannot be read as a document (empty, corrupt, encrypted, unknown kind)."""
