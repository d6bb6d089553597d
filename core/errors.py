"""Errors a clerk can cause (as opposed to bugs).

Every such error is a :class:`LedgerError` carrying a Chinese message and, where known, the place
it refers to (file, sheet, row, column, field). The GUI shows ``str(error)``; the CLI prints it and
exits 1. Anything else that escapes is a bug.
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    """Where a problem is: any combination of file, sheet, Excel row, column and record field."""

    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    field: str | None = None

    def describe(self) -> str:
        """The place in the words a clerk reads, e.g. ``文件「a.xlsx」工作表「台账」第12行「竣工日期」``."""
        parts = []
        if self.file:
            parts.append(f"文件「{self.file}」")
        if self.sheet:
            parts.append(f"工作表「{self.sheet}」")
        if self.row is not None:
            parts.append(f"第{self.row}行")
        if self.column:
            parts.append(f"「{self.column}」")
        elif self.field:
            parts.append(f"「{self.field}」")
        return "".join(parts)


class LedgerError(Exception):
    """A refusal with a Chinese message a clerk can act on."""

    def __init__(self, message: str, place: Place | None = None, details: list[str] | None = None):
        self.message = message
        self.place = place
        self.details = list(details or [])
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = self.place.describe() if self.place else ""
        head = f"{where}：{self.message}" if where else self.message
        if self.details:
            return head + "\n" + "\n".join(f"  - {d}" for d in self.details)
        return head


class InvalidRecord(LedgerError):
    """A record failed validation; ``details`` lists every field problem in Chinese."""


class ProfileError(LedgerError):
    """The policy profile file is missing or broken."""


class StoreError(LedgerError):
    """The database cannot be opened, migrated or written as asked."""


class LockedRecord(LedgerError):
    """The record belongs to a filed (归档) plan and changes need an amendment with a reason."""


class Conflict(StoreError):
    """The record was changed by someone else (an import, another window) after it was read: the
    save (or delete) is refused so that neither change is lost. ``fields`` lists what differs:
    (field title, the value being saved or, for a delete, the value read, the value stored now)."""

    def __init__(self, message: str, fields: list[tuple[str, object, object]] | None = None,
                 stored: object = None, *, read_as: str = "您的修改为"):
        self.fields = list(fields or [])
        self.stored = stored
        """The record as it is stored now (to show or to start again from)."""
        # ``read_as`` names the first value: the clerk's edit for a save, what he read for a delete
        super().__init__(message, details=[f"「{title}」：{read_as}「{_shown(mine)}」，数据库中现在是「{_shown(theirs)}」"
                                           for title, mine, theirs in self.fields[:12]])


def _shown(value: object) -> str:
    if value in (None, "", [], {}):
        return "（空）"
    text = str(value)
    return text if len(text) <= 40 else text[:40] + "…"


class NotFound(LedgerError):
    """A record the clerk named does not exist."""


class Cancelled(LedgerError):
    """The clerk cancelled a long job; nothing was changed."""

    def __init__(self, message: str = "已取消，未作任何修改"):
        super().__init__(message)


class Steps:
    """Progress and cancel of a long job, kept apart.

    ``step(percent, text)`` reports progress at a safe point, and raises :class:`Cancelled` with the
    job's message once ``cancel()`` turns true. After the job's point of no return — its commit, or
    the rename that puts its file in place — it calls :meth:`report` instead, which never checks the
    cancel: the work is done, and saying "cancelled" then would be untrue.
    """

    __slots__ = ("progress", "cancel", "message")

    def __init__(self, progress: Callable[[int, str], None] | None, cancel: Callable[[], bool] | None,
                 message: str):
        self.progress = progress
        self.cancel = cancel
        self.message = message

    def __call__(self, percent: int, text: str) -> None:
        if self.cancel is not None and self.cancel():
            raise Cancelled(self.message)
        self.report(percent, text)

    def report(self, percent: int, text: str) -> None:
        """Progress only: for after the point of no return."""
        if self.progress is not None:
            self.progress(percent, text)


def os_cause(error: OSError, *, writing: bool = True) -> str:
    """Why the system refused to read or write a file, in a clerk's words with what to do: the one
    wording of every OS error the program reports (the file's name is the caller's to give)."""
    number = error.errno
    if number in (errno.ENOSPC, errno.EDQUOT):
        return "磁盘空间不足；请清理磁盘或换一个位置后重试"
    if isinstance(error, IsADirectoryError):
        return "这是一个文件夹，请另选一个文件名" if writing else "这是一个文件夹，不是文件"
    if number == errno.EROFS:
        return "所在的磁盘或文件夹是只读的；请换一个位置" if writing else "所在的磁盘不能读取"
    if isinstance(error, PermissionError) or number == errno.EPERM:
        if writing:
            return "文件可能正在 Excel、WPS 或 PDF 阅读器中打开，或这个文件、文件夹是只读的；请关闭文件或换一个位置后重试"
        return "没有读取的权限，或文件正被其他程序独占打开；请关闭打开它的程序后重试"
    if isinstance(error, (NotADirectoryError, FileExistsError)):  # a file where a folder should be
        return "路径中的某一级不是文件夹（同名的文件挡住了）"
    if isinstance(error, FileNotFoundError):
        return "所在的文件夹不存在，也无法建立" if writing else "文件不存在（可能已被移走、改名或删除）"
    if number == errno.EIO:
        return "读写磁盘出错（U 盘被拔出、网络断开或磁盘故障）；请检查后重试"
    return f"系统拒绝{'写入' if writing else '读取'}（{error.strerror or error}）"


def checker(progress: Callable[[int, str], None] | None, cancel: Callable[[], bool] | None,
            message: str = "已取消，没有生成文件") -> Steps:
    """The :class:`Steps` of a long job: ``step(percent, text)`` reports progress and raises
    :class:`Cancelled` with ``message`` once ``cancel()`` turns true; ``step.report`` only reports."""
    return Steps(progress, cancel, message)
