"""Where the program keeps its files by default.

The GUI and the CLI use the same default database, so a clerk who loads demo data from the command
line sees it in the window. ``ALLEY_LEDGER_DB`` overrides the location (used by tests and scripts).
Shipped files (profiles, fonts, icons …) are found through :func:`resource`.
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

APP_DIR_NAME = "AlleyLedger"
DB_FILE_NAME = "alley-ledger.db"


def data_dir() -> Path:
    """The per-user folder for the database and backups (created on first use by the store)."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / APP_DIR_NAME
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_DIR_NAME
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "alley-ledger"


def default_db_path() -> Path:
    """The database the program opens when none is named."""
    override = os.environ.get("ALLEY_LEDGER_DB")
    if override:
        return Path(override)
    return data_dir() / DB_FILE_NAME


@functools.cache
def _shipped_root() -> Path:
    """The folder that holds ``data/`` and ``resources/``.

    Frozen (PyInstaller): the bundle's folder (``sys._MEIPASS``, ``_internal`` beside the programs).
    Installed from the wheel: ``core/_bundled`` (setup.py puts both folders there). From the source
    tree (also an editable install): the project root, one level above ``core/``.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    here = Path(__file__).resolve().parent
    installed = here / "_bundled"
    if installed.is_dir():
        return installed
    return here.parent


def resource(*parts: str) -> Path:
    """A file or folder the program ships, e.g. ``resource("data", "profiles")`` or
    ``resource("resources", "fonts", "wqy-microhei.ttc")``.

    The one place that knows where shipped files are: from the source tree, from an installed
    wheel and from the frozen Windows build alike. The path is not checked for existence.
    """
    return _shipped_root().joinpath(*parts)


def package_data_dir() -> Path:
    """The shipped ``data/`` folder (policy profiles, exchange headers, holiday-table notes)."""
    return resource("data")


def resources_dir() -> Path:
    """The shipped ``resources/`` folder (fonts, icons, translations, the user manual)."""
    return resource("resources")
