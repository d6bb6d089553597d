"""Windows on small screens: a 1366×768 office laptop, an old 1024×768 monitor."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QWidget

FRAME = QSize(16, 40)
"""Room the window system's frame and title bar take around a window."""


def fit_to_screen(window: QWidget, available: QRect, *, maximize: bool = False) -> None:
    """Make ``window`` (with its frame) fit inside ``available``, the screen less its taskbar; with
    ``maximize`` a window that has to shrink is maximized instead (a first start on a small screen)."""
    room = available.size() - FRAME
    if window.width() <= room.width() and window.height() <= room.height():
        return
    window.resize(min(window.width(), room.width()), min(window.height(), room.height()))
    window.move(available.topLeft())
    if maximize:  # after the resize, which would take the state back to normal
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
