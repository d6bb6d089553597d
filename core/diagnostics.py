"""The program's log of bugs and the 诊断信息 package a clerk sends to whoever supports them.

Errors a clerk can cause are told to the clerk in Chinese; anything else is a bug, and its
traceback goes to the log file (``alley-ledger.log`` in the data folder, the last 1 MB kept) with
the version and time, not onto the screen. :func:`pack` puts the log, the versions, the
database's place and state and the ``doctor`` report into one zip — the data itself only when
the clerk ticks it.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import platform
import sqlite3
import sys
import tempfile
import traceback
import zipfile
from pathlib import Path
from typing import Any

from core import __version__
from core.outputs import check_output, write_failure
from core.paths import data_dir, is_network_path

LOG_NAME = "alley-ledger.log"
LOG_LIMIT = 1024 * 1024


def log_path() -> Path:
    """Where the log is written (``ALLEY_LEDGER_LOG`` overrides it: tests, scripts)."""
    override = os.environ.get("ALLEY_LEDGER_LOG")
    return Path(override) if override else data_dir() / LOG_NAME


def log_bug(error: BaseException, where: str = "") -> Path | None:
    """Write ``error``'s traceback to the log; returns the log's path (None when it cannot be written)."""
    path = log_path()
    text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    stamp = datetime.datetime.now().replace(microsecond=0).isoformat(sep=" ")
    entry = f"==== {stamp} 巷账 {__version__} {where}\n{text}\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > LOG_LIMIT:
            path.replace(path.with_name(path.name + ".1"))
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(entry)
        return path
    except OSError:
        return None


def versions(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The program's, Python's, SQLite's and the system's versions (and ``extra``: Qt's, from the GUI)."""
    found = {"巷账": __version__, "Python": sys.version.split()[0], "SQLite": sqlite3.sqlite_version,
             "系统": f"{platform.system()} {platform.release()} ({platform.machine()})",
             "程序文件": "打包版" if getattr(sys, "frozen", False) else sys.executable}
    for name in ("pydantic", "reportlab", "PIL", "python_calamine"):
        with contextlib.suppress(Exception):
            module = __import__(name)
            found[name] = getattr(module, "__version__", getattr(module, "VERSION", "?"))
    found.update(extra or {})
    return found


def database_state(db: Path) -> dict[str, Any]:
    """Where the database is and in what state (no data): size, side files, lock holder, network folder."""
    from core.store.access import holder_text

    state: dict[str, Any] = {"path": str(db), "exists": db.exists()}
    if db.exists():
        state["bytes"] = db.stat().st_size
        state["modified"] = datetime.datetime.fromtimestamp(db.stat().st_mtime).isoformat(timespec="seconds")
    for suffix in ("-wal", "-shm", ".lock"):
        side = db.with_name(db.name + suffix)
        if side.exists():
            state[f"file{suffix}"] = side.stat().st_size
    state["writer"] = holder_text(db)
    state["network_folder"] = is_network_path(db)
    with contextlib.suppress(OSError):
        import shutil

        state["free_disk_bytes"] = shutil.disk_usage(db.parent).free
    return state


def pack(out: Path | str, db: Path | str, *, include_data: bool = False, extra: dict[str, str] | None = None
         ) -> dict[str, Any]:
    """Write the 诊断信息 zip to ``out``: versions, the database's state and ``doctor`` report, the
    log; with ``include_data`` a backup copy of the database too. Returns path, files, bytes."""
    from core.store.doctor import examine

    out, db = Path(out), Path(db)
    check_output(out)
    report = examine(db, quick=False) if db.exists() else None
    files: dict[str, bytes] = {
        "版本.json": _json(versions(extra)),
        "数据库.json": _json(database_state(db)),
        "检查结果.txt": (report.text() if report else f"数据库文件「{db}」不存在").encode("utf-8"),
        "检查结果.json": _json(report.to_json() if report else {}),
    }
    for log in (log_path().with_name(log_path().name + ".1"), log_path()):
        if log.exists():
            files[log.name] = log.read_bytes()
    tmp = out.with_name(out.name + ".part")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in files.items():
                archive.writestr(name, data)
            if include_data and db.exists():
                archive.write(_copy_of(db), f"数据/{db.name}")
        tmp.replace(out)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        raise write_failure(out, error) from None
    names = list(files) + ([f"数据/{db.name}"] if include_data and db.exists() else [])
    return {"path": str(out), "files": names, "bytes": out.stat().st_size, "data_included": include_data}


def _copy_of(db: Path) -> Path:
    """A consistent copy of the database (changes in its -wal included) in a temporary folder."""
    from core.store.backup import sqlite_copy

    target = Path(tempfile.mkdtemp(prefix="alley-ledger-diag-")) / db.name
    sqlite_copy(db, target)
    return target


def _json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1, default=str).encode("utf-8")


__all__ = ["LOG_NAME", "database_state", "log_bug", "log_path", "pack", "versions"]
