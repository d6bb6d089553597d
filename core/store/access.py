"""How a ledger database is opened and when it may be written (打开方式与写入权).

A database is opened in one of three ways:

- ``write`` (command-line jobs that change data): this program becomes the database's one writer
  (:mod:`core.store.locking`) or the job is refused, naming who writes now;
- ``view`` (the desktop program): the one writer when nobody else is, else read-only with the
  holder named, until the clerk tries again;
- ``shared`` (jobs that read: list, check, export, print, backup): no lock is kept; each write
  (a backup's line in the audit log) takes the lock for that moment, or is refused.

A file the clerk cannot write (a read-only file or folder, a CD, a write-protected USB stick) opens
read-only and says why. A database on a network folder gets a warning, and SQLite's rollback
journal instead of WAL, whose shared-memory index only works on one PC. Before each write the file
is checked against what this program last wrote (:mod:`core.store.watch`).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import sqlite_utils

from core import outputs
from core.paths import is_network_path, sqlite_uri
from core.store import locking, watch
from core.store.failures import ReadOnlyDatabase
from core.store.locking import HeldElsewhere, Holder

MODES = ("write", "view", "shared")
SIDE_FILES = ("", "-wal", "-shm", "-journal", locking.LOCK_SUFFIX)
NETWORK_WARNING = ("数据库在网络文件夹上（{path}）。网络断开或两台电脑同时写入时容易损坏数据，"
                   "建议把数据库放在本机磁盘上（用 文件 → 打开数据库 选择本机的副本），网络文件夹只用来存放备份")


class Access:
    """Whether and how this connection may write its database file."""

    def __init__(self, path: Path | None, *, read_only: str = "", persistent: bool = False):
        self.path = path
        self.read_only = read_only
        """Why this connection may not write (shown to the clerk); empty when it may."""
        self.persistent = persistent
        """This program holds the writer lock for as long as the database is open."""
        self.detached = ""
        """Why writing stopped for good (the file was replaced or deleted while open)."""
        self.replaced = False
        self.warnings: list[str] = []
        self.recovered: Holder | None = None
        """The program that wrote last and did not close (a crash), when this one took over."""
        self.closed = False
        self.network = False
        """The file lies on a network folder (warned; rollback journal instead of WAL)."""

    @property
    def writable(self) -> bool:
        """Whether a write would be attempted (the file may still turn out replaced)."""
        return not (self.read_only or self.detached)

    def check(self, conn: sqlite3.Connection) -> None:
        """Refuse a write, in Chinese, when this connection may not write or the file changed."""
        if self.detached:
            raise ReadOnlyDatabase(self.detached)
        if self.read_only:
            raise ReadOnlyDatabase(self.read_only)
        if self.path is None:
            return
        what = watch.change(self.path, writer=self.persistent)
        if what is not None:
            self.detach(conn, what)
            raise ReadOnlyDatabase(self.detached)

    @contextlib.contextmanager
    def write_lock(self) -> Iterator[None]:
        """Hold the writer lock for one write: kept already, or taken for this moment."""
        if self.path is None or self.persistent:
            yield
            return
        try:
            locking.acquire(self.path)
        except HeldElsewhere as error:
            raise ReadOnlyDatabase(error.message) from None
        try:
            yield
        finally:
            locking.release(self.path)

    def committing(self) -> contextlib.AbstractContextManager[None]:
        """Around a commit: the file's state afterwards is what the next check expects."""
        return watch.writing(self.path) if self.path is not None else contextlib.nullcontext()

    def detach(self, conn: sqlite3.Connection, what: str) -> None:
        """Stop writing for good: the file was ``replaced`` or ``deleted`` while open."""
        if self.detached or self.path is None:
            return
        watch.skip_checkpoint_on_close(conn)
        name = self.path.name
        if what == "replaced":
            self.replaced = True
            self.detached = (f"数据库文件「{name}」在本程序打开期间被替换了（例如有人把备份复制到了它的位置）。"
                             "为免损坏新的文件，本程序已停止写入它，刚才的修改没有保存。请关闭后重新打开这个文件；"
                             "恢复备份请用 文件 → 从备份恢复")
            return
        rescued = self._rescue(conn)
        self.detached = (f"数据库文件「{name}」在本程序打开期间被删除或移走了，本程序已停止写入，刚才的修改没有保存。"
                         + (f"打开时的全部数据已另存为「{rescued}」" if rescued else "请从备份恢复"))

    def _rescue(self, conn: sqlite3.Connection) -> Path | None:
        """A copy of what this connection still reads (the deleted file stays readable while open)."""
        assert self.path is not None
        target = self.path.with_name(f"{self.path.stem}-抢救-{datetime.now():%Y%m%d-%H%M%S}.db")
        from core.store.backup import sqlite_copy

        try:
            sqlite_copy(conn, target)
            return target
        except (sqlite3.Error, OSError):
            with contextlib.suppress(OSError):
                target.unlink()
            return None

    def try_writable(self, conn: sqlite3.Connection) -> bool:
        """Become the writer now that the holder may have closed; False while it still writes."""
        if self.writable or self.detached or self.path is None or self.persistent:
            return self.writable
        if file_read_only(self.path):
            return False
        try:
            locking.acquire(self.path)
        except HeldElsewhere as error:
            self.read_only = view_only(error)
            return False
        self.persistent = True
        self.read_only = ""
        conn.execute("PRAGMA query_only = 0")
        watch.remember(self.path)
        return True

    def close(self, conn: sqlite3.Connection) -> None:
        """Close the connection, give back the lock and the files held; after a replacement, leave
        the new file as it is and remove the old file's ``-wal`` (applying it would damage it)."""
        if self.closed:
            return
        self.closed = True
        conn.close()
        if self.path is None:
            return
        for suffix in SIDE_FILES:
            outputs.release(self.path.with_name(self.path.name + suffix))
        if self.replaced and self.persistent:
            for suffix in ("-wal", "-shm"):
                with contextlib.suppress(OSError):
                    self.path.with_name(self.path.name + suffix).unlink()
        if self.persistent:
            locking.release(self.path)
        if not outputs.held(self.path):
            watch.forget(self.path)


def view_only(error: HeldElsewhere) -> str:
    """The banner of a window that opened a database another program writes to."""
    who = error.holder.describe() if error.holder else "另一个程序"
    return f"数据库正由 {who} 使用，本窗口只能查看和打印，不能修改；对方关闭程序后点“重新尝试”即可修改"


def file_read_only(path: Path) -> str:
    """Why the database file (or its folder) cannot be written, or "" when it can."""
    try:
        with open(path, "r+b"):
            pass
    except FileNotFoundError:
        return ""
    except OSError:
        return (f"数据库文件「{path.name}」是只读的（文件属性为只读、没有写入权限，或在光盘、写保护的 U 盘上），"
                "只能查看，不能修改；请去掉只读属性，或把它复制到可以写入的文件夹后再打开")
    try:
        with tempfile.TemporaryFile(dir=path.parent):
            pass
    except OSError:
        return (f"数据库所在的文件夹「{path.parent}」不能写入（没有权限或是只读的磁盘），只能查看，不能修改；"
                "请把数据库复制到可以写入的文件夹后再打开")
    return ""


def connect(path: Path, *, exists: bool, mode: str, program: str | None = None) -> tuple[sqlite3.Connection, Access]:
    """Open ``path`` in ``mode`` (one of :data:`MODES`): the connection and its :class:`Access`.

    Raises :class:`HeldElsewhere` in ``write`` mode when another program writes to the database.
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}")
    read_only = file_read_only(path) if exists else ""
    access = Access(path, read_only=read_only)
    if not read_only and mode in ("write", "view"):
        previous = None if locking.held_here(path) else locking.last_holder(path)
        try:
            mine = locking.acquire(path, program=program)
            access.persistent = True
            if previous is not None and (previous.host, previous.pid) != (mine.host, mine.pid):
                access.recovered = previous
        except HeldElsewhere as error:
            if mode == "write":
                raise
            access.read_only = view_only(error)
    try:
        if read_only:
            conn = _read_only_connection(path)
        else:
            conn = sqlite3.connect(str(path), timeout=10, check_same_thread=False)
            if access.read_only:
                conn.execute("PRAGMA query_only = 1")
    except BaseException:
        if access.persistent:
            locking.release(path)
        raise
    for suffix in SIDE_FILES:
        outputs.hold(path.with_name(path.name + suffix))
    if is_network_path(path):
        access.network = True
        access.warnings.append(NETWORK_WARNING.format(path=path))
    return conn, access


def _read_only_connection(path: Path) -> sqlite3.Connection:
    """A connection that never writes: ``mode=ro``, or ``immutable`` where SQLite cannot even keep
    its shared-memory index beside a read-only file in WAL mode."""
    try:
        conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True, timeout=10, check_same_thread=False)
        conn.execute("PRAGMA schema_version").fetchone()
        return conn
    except sqlite3.OperationalError:
        return sqlite3.connect(sqlite_uri(path, mode="ro", immutable="1"), uri=True, check_same_thread=False)


def journal(db: sqlite_utils.Database, access: Access) -> None:
    """WAL on a local disk; the rollback journal on a network folder (WAL's index is one PC's
    shared memory: two PCs would each keep their own and damage the file)."""
    if not access.writable:
        return
    with contextlib.suppress(sqlite3.OperationalError):  # another connection open: keep the mode it has
        if access.network:
            db.disable_wal()
        else:
            db.enable_wal()


def holder_text(path: Path | str) -> str:
    """Who writes to the database now, in words (diagnostics), or "没有"."""
    holder = locking.holder_of(path)
    if holder is None:
        return "没有"
    if holder.pid == os.getpid():
        return f"本程序（{holder.describe()}）"
    return holder.describe()


__all__ = ["Access", "MODES", "NETWORK_WARNING", "connect", "file_read_only", "holder_text", "journal", "view_only"]
