"""The SQL page under its old name: :mod:`ogi.web.pages.sql`."""

import sys

from .pages import sql

sys.modules[__name__] = sql  # the same module object, so that patching it patches the page
