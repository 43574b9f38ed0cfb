"""Reviews from the web: the store's one way of recording a verdict (:mod:`ogi.store.reviews`,
also used by ``ogi review``), and who reviews when nobody is signed in."""

from __future__ import annotations

from ..store.reviews import KEY, KEY_SQL, MAX_BULK, STATUSES, finding_key, history, key_of, review, targets

ANONYMOUS = "本机用户"  # who reviews on a server without accounts or token (one person's own machine)

__all__ = ["ANONYMOUS", "KEY", "KEY_SQL", "MAX_BULK", "STATUSES", "finding_key", "history", "key_of", "review",
           "targets"]
