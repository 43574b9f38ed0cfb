"""``python -m ogi …`` runs the command line, as ``ogi …`` does."""

from .entry import main

main()
