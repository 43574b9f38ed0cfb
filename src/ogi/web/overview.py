"""The overview page under its old name: :mod:`ogi.web.pages.overview`."""

import sys

from .pages import overview

sys.modules[__name__] = overview  # the same module object, so that patching it patches the page
