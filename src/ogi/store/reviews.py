"""Reviews with a reviewer and a history, and finding keys that survive re-parsing.

A finding's row id changes whenever its report is parsed again (its findings are deleted
and written anew), so links and bulk actions name a finding by its **key** instead: the
first 16 hex digits of ``md5(report sha256 | code | where | md5(message))``. The same file
parsed again gives the same findings the same keys; the message's hash tells apart two
findings of one code on one place (two copied passages in one section). The key is
computed in SQL (``md5`` and ``left`` exist in DuckDB and PostgreSQL alike) and in Python
(:func:`finding_key`) the same way.

A verdict is still kept where the store keeps it (``reviews``: per source file, code and
place, so it survives re-parsing) and now says who gave it; every action is also appended
to ``review_history`` (who, when, what, comment), which is never rewritten.

:func:`review` is the one way a verdict is written: the web's pages and API (a signed-in
reviewer) and ``ogi review`` (``--reviewer``, the operating-system user by default) both
call it, so a verdict from either has its reviewer and its line in the history. It also
recounts the reviewed reports' open findings kept in the per-report summary
(:func:`ogi.store.summary.recount`), so that lists reading those counts stay exact.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from .backend import Database, StoreError

STATUSES = ("open", "confirmed", "dismissed")
KEY_SQL = "left(md5(r.sha256 || '|' || f.code || '|' || f.where_key || '|' || md5(f.message)), 16)"
KEY = re.compile(r"^[0-9a-f]{16}$")
MAX_BULK = 500  # findings per bulk action


def os_user() -> str:
    """Who runs this process, as the operating system names them (the CLI's reviewer by default)."""
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for the uid (a container without /etc/passwd entry)
        import os

        return f"uid:{os.getuid()}"


def finding_key(sha256: str, code: str, where: str, message: str) -> str:
    inner = hashlib.md5(message.encode("utf-8")).hexdigest()
    return hashlib.md5(f"{sha256}|{code}|{where}|{inner}".encode()).hexdigest()[:16]


def targets(db: Database, keys: Sequence[str]) -> dict[str, tuple[str, str, str]]:
    """The (sha256, code, where) each key names, for the keys that name a stored finding."""
    wanted = [k for k in dict.fromkeys(keys) if KEY.match(k)]
    if not wanted:
        return {}
    marks = ", ".join("?" * len(wanted))
    rows = db.execute(f"SELECT DISTINCT {KEY_SQL} AS k, r.sha256, f.code, f.where_key FROM findings f "
                      f"JOIN reports r ON r.id = f.report_id WHERE {KEY_SQL} IN ({marks})", wanted)
    return {k: (sha, code, where) for k, sha, code, where in rows}


def review(db: Database, keys: Sequence[str], status: str, comment: str | None, reviewer: str) -> int:
    """Give one verdict to the findings with these keys; how many were reviewed.
    :class:`StoreError` for an unknown status, too many keys, or keys that name nothing."""
    if status not in STATUSES:
        raise StoreError(f"状态“{status}”无效,应为 {'、'.join(STATUSES)} / unknown status")
    if len(keys) > MAX_BULK:
        raise StoreError(f"一次最多审核 {MAX_BULK} 个问题 / at most {MAX_BULK} findings at a time")
    found = targets(db, keys)
    if not found:
        raise StoreError("没有找到所选的问题(可能已重新解析) / none of these findings exists")
    places = list(dict.fromkeys(found.values()))
    from . import summary

    was_fresh = summary.counts_fresh(db)
    with db.transaction():
        for sha, code, where in places:
            db.execute("DELETE FROM reviews WHERE sha256 = ? AND code = ? AND where_key = ?", [sha, code, where])
            db.execute("INSERT INTO reviews (sha256, code, where_key, status, comment, reviewer) "
                       "VALUES (?, ?, ?, ?, ?, ?)", [sha, code, where, status, comment, reviewer])
        for key, (sha, code, where) in found.items():
            db.execute("INSERT INTO review_history (sha256, code, where_key, finding_key, status, comment, reviewer) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)", [sha, code, where, key, status, comment, reviewer])
        # the reviewed reports' finding counts in their summary rows, and (when they were
        # right before) the fingerprint that says so
        reviewed = [i for (i,) in db.execute("SELECT id FROM reports WHERE sha256 IN (SELECT unnest(?::TEXT[]))",
                                             [sorted({sha for sha, _, _ in places})])]
        summary.recount(db, reviewed)
        if was_fresh:
            for statement in summary.mark_sql():
                db.execute(statement)
    return len(found)


HISTORY_FIELDS = ("reviewed_at", "reviewer", "status", "comment", "finding_key")


def key_of(db: Database, finding_id: int) -> str:
    """The stable key of the finding with this row id; :class:`StoreError` when there is none."""
    key = db.scalar(f"SELECT {KEY_SQL} FROM findings f JOIN reports r ON r.id = f.report_id WHERE f.id = ?",
                    [finding_id])
    if key is None:
        raise StoreError(f"没有编号为 {finding_id} 的问题 / no finding {finding_id}")
    return key


def history(db: Database, sha256: str, code: str, where: str) -> list[dict]:
    """Every review action on a place of a report, oldest first."""
    rows = db.execute("SELECT reviewed_at, reviewer, status, comment, finding_key FROM review_history "
                      "WHERE sha256 = ? AND code = ? AND where_key = ? ORDER BY reviewed_at, id", [sha256, code, where])
    return [dict(zip(HISTORY_FIELDS, row)) for row in rows]
