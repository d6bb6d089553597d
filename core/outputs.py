"""The one check every file the program writes goes through (输出文件检查).

A PDF, a spreadsheet, a file of rejected rows, a backup or a diagnostics package is never written
over a database, over a database's own side files (``-wal``, ``-shm``, ``-journal``, ``.lock``),
over a file the program holds open (the database it works on, the ledger it is importing, the
backup it is restoring from) or over a folder. Any such target is refused, in Chinese, before any
work is done, and the target is left as it was.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from core.errors import LedgerError, os_cause

SQLITE_HEADER = b"SQLite format 3\x00"
SIDE_SUFFIXES = ("-wal", "-shm", "-journal", ".lock")
"""Files SQLite (and the writer lock) keep beside a database while it is open."""

_held: Counter[str] = Counter()
_guard = threading.Lock()


def _key(path: Path | str) -> str:
    """One spelling per file: absolute, symlinks resolved, case folded where the system ignores case."""
    return os.path.normcase(os.path.realpath(os.fspath(path)))


def hold(path: Path | str) -> None:
    """Note that the program has ``path`` open (a database, an input file): no output may replace it."""
    with _guard:
        _held[_key(path)] += 1


def release(path: Path | str) -> None:
    """The program closed ``path`` (undoes one :func:`hold`)."""
    key = _key(path)
    with _guard:
        _held[key] -= 1
        if _held[key] <= 0:
            del _held[key]


@contextlib.contextmanager
def holding(path: Path | str) -> Iterator[None]:
    """Hold ``path`` while the block runs (e.g. the ledger being imported, the backup being restored)."""
    hold(path)
    try:
        yield
    finally:
        release(path)


def held(path: Path | str) -> bool:
    """Whether the program holds ``path`` open now."""
    with _guard:
        return _held.get(_key(path), 0) > 0


def is_database(path: Path | str) -> bool:
    """Whether ``path`` is an existing SQLite database file (by its first 16 bytes)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def side_file_of(path: Path | str) -> Path | None:
    """The database whose side file ``path`` is (``x.db-wal`` → ``x.db``), if that database exists."""
    name = os.fspath(path)
    for suffix in SIDE_SUFFIXES:
        if name.endswith(suffix):
            base = Path(name[: -len(suffix)])
            if base.is_file() and (is_database(base) or held(base)):
                return base
    return None


def check_output(out: Path | str, *, may_replace_database: bool = False) -> None:
    """Refuse ``out`` as the target of a written file, in Chinese, when it is a folder, a file the
    program holds open, a database's side file, or (unless ``may_replace_database``: a backup
    written with ``--overwrite`` over an older backup) an existing database.

    Called by every writer before it starts: PDFs, spreadsheets, rejected rows, backups, restores
    and diagnostics packages.
    """
    out = Path(out)
    if out.is_dir():
        raise LedgerError(f"「{out}」是一个文件夹，请另选一个文件名")
    if held(out):
        raise LedgerError(f"不能写入「{out}」：这是本程序正在使用的文件（数据库或正在读取的文件），"
                          "写入会毁掉其中的数据；请另选一个文件名")
    base = side_file_of(out)
    if base is not None:
        raise LedgerError(f"不能写入「{out}」：这是数据库「{base.name}」的附属文件，写入或覆盖会损坏数据库；"
                          "请另选一个文件名")
    if not may_replace_database and out.exists() and is_database(out):
        raise LedgerError(f"不能写入「{out}」：这个文件是一个数据库（可能是巷账的数据或备份），"
                          "覆盖会丢失其中的全部数据；请另选一个文件名")


def write_failure(out: Path | str, error: OSError) -> LedgerError:
    """Why ``out`` could not be written, in words a clerk can act on (:func:`core.errors.os_cause`)."""
    return LedgerError(f"无法写入「{out}」：{os_cause(error)}")


def save_copy(source: Path | str, out: Path | str) -> Path:
    """Copy the file ``source`` to ``out`` (a PDF saved from the print preview), whole or not at all:
    ``out`` is checked first (:func:`check_output`), the copy goes to a ``.part`` file renamed into
    place, and a failure is said in the clerk's words. Returns ``out``."""
    out = Path(out)
    check_output(out)
    tmp = out.with_name(out.name + ".part")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, tmp)
        tmp.replace(out)
    except OSError as error:
        with contextlib.suppress(OSError):  # already failing: the first error is the one to report
            tmp.unlink(missing_ok=True)
        raise write_failure(out, error) from None
    return out


__all__ = ["SIDE_SUFFIXES", "check_output", "hold", "held", "holding", "is_database", "release", "save_copy",
           "side_file_of", "write_failure"]
