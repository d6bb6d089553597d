"""Where the program keeps its files by default.

The GUI and the CLI use the same default database, so a clerk who loads demo data from the command
line sees it in the window. ``ALLEY_LEDGER_DB`` overrides the location (used by tests and scripts).
"""

from __future__ import annotations

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


def package_data_dir() -> Path:
    """The project's ``data/`` folder (profiles, templates, holiday tables).

    In a PyInstaller build the folder sits next to the executable's bundle (``sys._MEIPASS``).
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "data"
    return Path(__file__).resolve().parent.parent / "data"


def resources_dir() -> Path:
    """The project's ``resources/`` folder (fonts, icons, translations)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
