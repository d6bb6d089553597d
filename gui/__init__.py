"""The desktop program (PySide6). Widgets lay out and forward; every decision is a ``core`` call.

The main window arrives with the desktop-program issues; the command line already drives every
core job through the same functions.
"""
