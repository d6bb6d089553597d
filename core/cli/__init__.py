"""The ``alley-ledger`` command line: a thin layer over the core functions the GUI also calls."""

from core.cli.main import main

__all__ = ["main"]
