"""Original files, kept by the web app content-addressed: ``<root>/<sha[:2]>/<sha><suffix>``.

The store records where a report was read from (``local_path``) but not its bytes. The
report page needs them to show the original, and ``reparse`` to read it again, also after
an upload's temporary file is gone or a folder given to ``ogi serve`` has moved. So every
file the web app ingests is kept here under its sha256; a report ingested by ``ogi ingest``
is found at its ``local_path`` while that file is unchanged.

Names come only from a sha256 (64 hex digits) and a suffix from :data:`SUFFIXES`: nothing a
user typed becomes part of a path.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

from ..readers import SUFFIXES
from ..store.ingest import sha256_of

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def suffix_of(name: str) -> str:
    """The file's suffix, lower case, if it is one of :data:`SUFFIXES`; else ``""``."""
    suffix = os.path.splitext(name)[1].lower()
    return suffix if suffix in SUFFIXES else ""


class FileStore:
    """A folder of files named by their sha256."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def _folder(self, sha: str) -> Path:
        if not _SHA256.match(sha):
            raise ValueError(f"not a sha256: {sha!r}")
        return self.root / sha[:2]

    def path_of(self, sha: str) -> Path | None:
        """The kept file with this sha256, if there is one."""
        folder = self._folder(sha)
        if not folder.is_dir():
            return None
        return next((p for p in sorted(folder.iterdir()) if p.name.split(".", 1)[0] == sha), None)

    def keep(self, source: Path, sha: str, suffix: str = "", move: bool = False) -> Path:
        """Put ``source`` (whose sha256 is ``sha``) into the store; its kept path. The file
        appears whole or not at all (written beside, then renamed)."""
        if suffix and suffix not in SUFFIXES:
            raise ValueError(f"not a report file suffix: {suffix!r}")
        known = self.path_of(sha)
        if known is not None:
            if move:
                Path(source).unlink(missing_ok=True)
            return known
        folder = self._folder(sha)
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{sha}{suffix}"
        fd, partial = tempfile.mkstemp(dir=folder, prefix=".partial-")
        os.close(fd)
        try:
            if move:
                shutil.move(str(source), partial)
            else:
                shutil.copyfile(source, partial)
            os.replace(partial, target)
        except BaseException:
            Path(partial).unlink(missing_ok=True)
            raise
        return target

    def forget(self, sha: str) -> None:
        """Remove the kept file with this sha256, if any."""
        path = self.path_of(sha)
        if path is not None:
            path.unlink(missing_ok=True)

    def original(self, sha: str, local_path: str | None) -> Path | None:
        """Where the file with this sha256 can be read: kept here, else ``local_path`` while it
        still holds the same bytes."""
        kept = self.path_of(sha)
        if kept is not None:
            return kept
        if local_path and Path(local_path).is_file():
            try:
                if sha256_of(Path(local_path)) == sha:
                    return Path(local_path)
            except OSError:
                return None
        return None
