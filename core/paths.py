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


def sqlite_uri(path: Path | str, **params: str) -> str:
    """A ``file:`` URI for SQLite (``uri=True``) naming ``path``, e.g. with ``mode="ro"``: any
    character that means something in a URI (?, #, %) is escaped; a UNC path keeps its server."""
    from urllib.parse import quote

    text = quote(Path(path).absolute().as_posix(), safe="/:")
    if text.startswith("//"):
        text = "//" + text  # file:////server/share/x.db
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"file:{text}" + (f"?{query}" if query else "")


NETWORK_FILESYSTEMS = frozenset({"nfs", "nfs4", "cifs", "smb3", "smbfs", "sshfs", "fuse.sshfs", "9p", "afs",
                                 "ncpfs", "davfs", "fuse.davfs2", "glusterfs", "fuse.glusterfs", "ceph",
                                 "fuse.rclone"})


def is_network_path(path: Path | str, *, mounts: str | None = None) -> bool:
    """Whether ``path`` lies on a network folder (a shared folder ``\\\\server\\share``, a mapped
    network drive, an NFS/SMB mount). ``mounts`` is the text of /proc/self/mounts (tests)."""
    text = os.fspath(path)
    if sys.platform == "win32":
        if text.startswith(("\\\\", "//")):
            return True
        import ctypes

        drive = os.path.splitdrive(os.path.abspath(text))[0]
        if not drive:
            return False
        return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == 4  # DRIVE_REMOTE
    if mounts is None:
        try:
            mounts = Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False
    where = os.path.realpath(text)
    best, kind = "", ""
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        inside = where == point or where.startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best):
            best, kind = point, parts[2]
    return kind in NETWORK_FILESYSTEMS


DEMO_FILE_NAME = "演示数据.db"


def demo_db_path() -> Path:
    """The file the demo county goes into when the program shows itself without a screen: never
    the clerk's database, so demo alleys never mix with real work."""
    return data_dir() / DEMO_FILE_NAME
