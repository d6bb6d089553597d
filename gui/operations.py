"""How a clerk's action runs from the window, and how its failure reaches the clerk.

A quick action (a save, a lock, a correction) runs on the GUI thread through :func:`run_action`; a
long one on a worker through :func:`gui.workers.run_job`. Either way a failure is told in one
dialog with the words of :func:`core.messages.message_for` (a bug: one sentence naming the log,
the traceback written there), and a :class:`core.actions.Done`'s changes go to the session, so that
the pages that show a changed kind re-read. Whatever escapes a slot all the same reaches the clerk
through :func:`install_excepthook`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtWidgets import QWidget

from core.actions import Done
from core.messages import SEND_FROM_WINDOW, Message, message_for
from gui import dialogs

T = TypeVar("T")


def database_of(owner: Any) -> Path | None:
    """The database the window has open (named in a database failure), as far as ``owner`` (a page,
    a dialog, the window) knows."""
    for candidate in (owner, owner.window() if isinstance(owner, QWidget) else None):
        path = getattr(getattr(candidate, "session", None), "path", None)
        if path is not None:
            return Path(path)
    return None


def tell(parent: QWidget | None, title: str, error: BaseException, *, db: Path | None = None,
         where: str = "桌面程序") -> Message:
    """Show the clerk what failed (nothing for a cancel); ``db`` is the database concerned, if not
    the one the window has open. Returns what was said."""
    message = message_for(error, db=db or database_of(parent), where=where, send=SEND_FROM_WINDOW)
    if not message.cancelled:
        dialogs.warn(parent, title, message.text)
    return message


def run_action(parent: QWidget, title: str, action: Callable[[], T]) -> T | None:
    """Run ``action`` now; its failure is told under ``title`` (None is returned then), and the
    changes of a :class:`~core.actions.Done` are announced to the pages."""
    try:
        result = action()
    except Exception as error:  # noqa: BLE001 - every failure reaches the clerk, bugs through the log
        tell(parent, title, error)
        return None
    if isinstance(result, Done):
        announce = getattr(parent, "announce", None)  # a page re-reads at once what concerns it
        session = getattr(parent, "session", None)
        if announce is not None:
            announce(result.changes)
        elif session is not None:
            session.notify(result.changes)
    return result


def install_excepthook(window: QWidget) -> None:
    """Whatever escapes a slot all the same is told like any failure (a bug logged); the window stays open."""
    def hook(kind: type[BaseException], error: BaseException, tb: object) -> None:
        if not isinstance(error, Exception):  # Ctrl+C in a console, the interpreter stopping: not the clerk's
            sys.__excepthook__(kind, error, tb)  # type: ignore[arg-type]
            return
        tell(window, "巷账", error)

    sys.excepthook = hook


__all__ = ["database_of", "install_excepthook", "run_action", "tell"]
