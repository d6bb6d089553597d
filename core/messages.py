"""The one path from an exception to what the clerk reads, for the desktop program and the command
line alike.

A refusal (:class:`core.errors.LedgerError`) says itself. A full disk, a read-only or damaged
database, a file that cannot be written are causes a clerk can act on, said in Chinese with the
file's name (:func:`core.errors.os_cause`, :func:`core.store.failures.explain`). Anything else is a
bug: its traceback goes to the log file (:func:`core.diagnostics.log_bug`) and the clerk reads one
short sentence naming the log, never the traceback.
"""

from __future__ import annotations

import errno
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from core.errors import Cancelled, LedgerError, os_cause

SEND_FROM_WINDOW = "可用 帮助 → 诊断信息 打包发给技术人员"
"""How a clerk sends the log from the desktop program."""
SEND_FROM_COMMAND_LINE = "请用 alley-ledger diagnostics 打包诊断信息发给技术人员"
"""How a clerk sends the log from the command line."""

_SHORT = 160
"""A bug's own words are cut to this many characters (the rest is in the log)."""


@dataclass(frozen=True)
class Message:
    """What the clerk is told of a failure."""

    text: str
    """The Chinese message, without a traceback."""
    is_bug: bool = False
    """The program's fault, not the clerk's: logged with its traceback."""
    cancelled: bool = False
    """The clerk cancelled the job (nothing to apologise for)."""
    log: Path | None = None
    """Where a bug's traceback was written (None: not a bug, or the log could not be written)."""


def message_for(error: BaseException, *, db: Path | str | None = None, where: str = "",
                send: str = SEND_FROM_WINDOW) -> Message:
    """What to tell the clerk of ``error``: a refusal's own message, a cause the clerk can act on
    (``db`` is the database the program had open, named in database failures), or for a bug one
    short sentence naming the log file — the traceback is written there, marked with ``where``
    (e.g. 桌面程序后台任务), and ``send`` says how to pass the log on."""
    if isinstance(error, Cancelled):
        return Message(str(error), cancelled=True)
    if isinstance(error, LedgerError):
        return Message(str(error))
    known = _known(error, db)
    if known is not None:
        return Message(known)
    from core.diagnostics import log_bug

    log = log_bug(error, where)
    said = f"{type(error).__name__}: {error}"
    if len(said) > _SHORT:
        said = said[:_SHORT] + "…"
    told = (f"详细信息已记入日志「{log}」，{send}" if log is not None
            else "日志文件无法写入，请把括号里的文字抄给技术人员")
    return Message(f"程序内部出错（{said}）。{told}", is_bug=True, log=log)


def _known(error: BaseException, db: Path | str | None) -> str | None:
    """The clerk's words for a failure that is not the program's fault, or None (a bug)."""
    if isinstance(error, sqlite3.Error) or (isinstance(error, OSError) and _about(error, db)):
        from core.store.failures import explain

        database = explain(error, db)
        if database is not None:
            return str(database)
    if isinstance(error, OSError):
        if isinstance(error, FileNotFoundError) and error.filename is not None:
            return f"找不到「{error.filename}」：文件或它所在的文件夹不存在（可能已被移走、改名或删除）"
        if error.filename is not None:  # reads are said where they happen; what escapes is a write
            return f"无法写入「{error.filename}」：{os_cause(error)}"
        if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EIO, errno.EACCES, errno.EPERM):
            return f"文件操作失败：{os_cause(error)}"
        return None
    if isinstance(error, OverflowError):
        found = _implausible_dates(db)
        if found:
            return str(LedgerError("有记录的日期不在 1900 年至 2100 年之间，无法计算期限；请先改正这些记录",
                                   details=found))
        return "日期超出可计算的范围（最晚到 9999 年）"
    return None


def _about(error: OSError, db: Path | str | None) -> bool:
    """Whether the OS error names the database or one of its side files."""
    return db is not None and error.filename is not None and Path(str(error.filename)).name.startswith(Path(db).name)


def _implausible_dates(db: Path | str | None) -> list[str]:
    """The records whose dates stop date arithmetic (stored before dates were bounded to 1900–2100)."""
    if db is None or not Path(db).is_file():
        return []
    from core.paths import sqlite_uri
    from core.store.doctor import implausible_dates

    try:
        conn = sqlite3.connect(sqlite_uri(Path(db), mode="ro"), uri=True)
        try:
            return implausible_dates(conn)
        finally:
            conn.close()
    except sqlite3.Error:
        return []


__all__ = ["SEND_FROM_COMMAND_LINE", "SEND_FROM_WINDOW", "Message", "message_for"]
