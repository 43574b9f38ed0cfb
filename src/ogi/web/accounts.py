"""Reviewer accounts under their old name: they live in :mod:`ogi.store.accounts` (all SQL is in the store)."""

import sys

from ..store import accounts

sys.modules[__name__] = accounts  # the same module object, so that patching it patches the page
