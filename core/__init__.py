"""Alley Ledger core (巷账核心): records, storage, rules, exchange and printing.

Nothing in this package imports Qt; the GUI and the command line both call into it.
"""

__version__ = "0.1.0"
