"""``python -m ogi …`` runs the command line, as ``ogi …`` does."""

from .cli import app

app(prog_name="ogi")
