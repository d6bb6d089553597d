"""Watching the database file while it is open (数据库文件被替换或删除时停止写入).

A clerk may copy a backup over the database, or delete it, while the program has it open. Writing
on would then mix the old file's pending changes (SQLite's ``-wal`` file) into the new file — which
leaves it damaged for good — or report saves that land nowhere. So the program notes the file's
identity (device, inode/file id, size, modification time) after each of its own writes, compares
before the next one, and once the file is not what it wrote, stops writing and says so; closing
then leaves the new file alone (no checkpoint of the old ``-wal`` into it).

Only the process that holds the writer lock knows every change it made to the file, so only it
compares size and time; others compare the file's identity alone (a different or missing file).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import sqlite3
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_NO_CKPT_ON_CLOSE = 1006  # SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE (SQLite 3.28)


@dataclass(frozen=True)
class FileState:
    """What identifies the database file and its last change."""

    device: int
    inode: int
    size: int
    mtime_ns: int

    def same_file(self, other: FileState) -> bool:
        """The same file on disk (it may have changed)."""
        return (self.device, self.inode) == (other.device, other.inode)


def state_of(path: Path | str) -> FileState | None:
    """The file's state now, or None when it does not exist."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return FileState(st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


_expected: dict[str, FileState] = {}
_lock = threading.RLock()


def _key(path: Path | str) -> str:
    return os.path.normcase(os.path.realpath(os.fspath(path)))


@contextlib.contextmanager
def writing(path: Path | str) -> Iterator[None]:
    """Around one of our own writes (a commit, a checkpoint): no comparison runs meanwhile, and the
    file's state afterwards is what the next comparison expects."""
    with _lock:
        try:
            yield
        finally:
            state = state_of(path)
            if state is not None:
                _expected[_key(path)] = state


def remember(path: Path | str) -> None:
    """Take the file as it is now for what it should be (at open)."""
    with _lock:
        state = state_of(path)
        if state is not None:
            _expected[_key(path)] = state


def forget(path: Path | str) -> None:
    """Stop expecting anything of ``path`` (the last connection to it closed)."""
    with _lock:
        _expected.pop(_key(path), None)


def change(path: Path | str, *, writer: bool) -> str | None:
    """``"deleted"``, ``"replaced"`` or None: what happened to the file since we last wrote it.
    A ``writer`` (holding the writer lock) also counts a change of size or time it did not make."""
    with _lock:
        expected = _expected.get(_key(path))
        now = state_of(path)
        if now is None:
            return "deleted"
        if expected is None:
            return None
        if not now.same_file(expected):
            return "replaced"
        if writer and (now.size, now.mtime_ns) != (expected.size, expected.mtime_ns):
            return "replaced"
        return None


def skip_checkpoint_on_close(conn: sqlite3.Connection) -> bool:
    """Make closing ``conn`` leave the database file untouched (no checkpoint of the ``-wal``).

    Python 3.11's sqlite3 has no ``setconfig`` (3.12), so the option is set through SQLite's C
    interface on the connection's own handle. Returns False where that is not possible.
    """
    if hasattr(conn, "setconfig"):  # Python 3.12+
        try:
            conn.setconfig(_NO_CKPT_ON_CLOSE, True)
            return True
        except sqlite3.Error:
            return False
    library = _sqlite_library()
    if library is None:
        return False
    try:
        # pysqlite_Connection starts with PyObject_HEAD, then the sqlite3* handle.
        handle = ctypes.c_void_p.from_address(id(conn) + 2 * ctypes.sizeof(ctypes.c_void_p)).value
        if not handle:
            return False
        done = ctypes.c_int(-1)
        status = library.sqlite3_db_config(ctypes.c_void_p(handle), _NO_CKPT_ON_CLOSE, ctypes.c_int(1),
                                           ctypes.byref(done))
        return status == 0 and done.value == 1
    except (OSError, AttributeError, ValueError):
        return False


_library: list[object] = []


def _sqlite_library() -> ctypes.CDLL | None:
    """The SQLite library Python's sqlite3 module uses (the same copy: its handles are only valid there)."""
    if _library:
        return _library[0]  # type: ignore[return-value]
    found = None
    try:
        import _sqlite3

        if sys.platform == "win32":
            candidate = Path(_sqlite3.__file__).with_name("sqlite3.dll")
            found = ctypes.CDLL(str(candidate)) if candidate.exists() else None
        else:
            # Looked up through the module itself: linked in or linked dynamically, the symbol is
            # the copy the module calls (never another SQLite on the system).
            found = ctypes.CDLL(_sqlite3.__file__)
            if not hasattr(found, "sqlite3_db_config"):
                found = None
    except (OSError, ImportError, AttributeError):
        found = None
    if found is not None:
        found.sqlite3_db_config.restype = ctypes.c_int
    _library.append(found)
    return found


__all__ = ["FileState", "change", "forget", "remember", "skip_checkpoint_on_close", "state_of", "writing"]
