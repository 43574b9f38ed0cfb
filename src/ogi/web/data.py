"""The store's answers to the web's pages under their old name: they live in
:mod:`ogi.store.pages` (all SQL is in ``ogi.store``)."""

from __future__ import annotations

import sys

from ..store import pages

sys.modules[__name__] = pages  # ``from ogi.web import data`` is ogi.store.pages itself
