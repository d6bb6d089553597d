"""One writer per database (同一数据库同时只允许一处写入).

Beside ``x.db`` lies ``x.db.lock``. The program that writes holds an operating-system lock on it
(``flock`` on Linux and macOS, ``LockFileEx`` through ``msvcrt.locking`` on Windows, both honoured
across PCs on a shared folder) and writes into it who holds it: the clerk, the PC, the program and
since when. A second program on the same database — on the same PC or on another PC opening the
file from a shared folder — finds the lock taken, opens the database read-only and names the holder.

The operating system drops the lock when its holder ends in any way (closed, crashed, killed, the
PC switched off), so a lock left behind by a crash is never in the way: the file still names the
old holder, the next program takes the lock and writes itself in.

Within one process every connection to the same database shares one lock (the window and its
worker threads are one writer).
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import sys
import threading
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from core.errors import StoreError, os_cause

LOCK_SUFFIX = ".lock"
_WINDOWS_LOCK_OFFSET = 1 << 30
"""Windows locks are mandatory: the lock sits on a byte far past the holder's text, so that others
can still read who holds it."""


@dataclass(frozen=True)
class Holder:
    """Who writes to a database: the clerk's login, the PC, the program and since when."""

    user: str
    host: str
    program: str
    pid: int
    since: str

    def describe(self) -> str:
        """e.g. 张三（电脑 PC-01 上的巷账桌面程序，2025-09-26 14:03 起）"""
        return f"{self.user}（电脑 {self.host} 上的{self.program}，{self.since[:16].replace('T', ' ')} 起）"

    @classmethod
    def me(cls, program: str) -> Holder:
        """This process as a holder."""
        try:
            user = getpass.getuser()
        except (KeyError, OSError):
            user = "未知用户"
        return cls(user, socket.gethostname() or "未知", program, os.getpid(),
                   datetime.now().replace(microsecond=0).isoformat())


class HeldElsewhere(StoreError):
    """Another program (on this PC or another) writes to the database."""

    def __init__(self, db: Path, holder: Holder | None):
        self.holder = holder
        who = holder.describe() if holder else "另一个程序"
        super().__init__(f"数据库「{db.name}」正由 {who} 使用，同一时间只能有一处修改；"
                         "请等对方关闭程序后再试（只查看、打印、导出不受影响）")


def lock_path(db: Path | str) -> Path:
    """The lock file of database ``db``."""
    db = Path(db)
    return db.with_name(db.name + LOCK_SUFFIX)


class _Held:
    """The lock file this process holds open and locked, shared by all its connections to one database."""

    def __init__(self, handle: object, holder: Holder):
        self.handle = handle
        self.holder = holder
        self.count = 0


_held: dict[str, _Held] = {}
_guard = threading.Lock()
PROGRAM = "巷账"


def _key(db: Path | str) -> str:
    return os.path.normcase(os.path.realpath(os.fspath(db)))


def _try_lock(handle: object) -> bool:
    fd = handle.fileno()  # type: ignore[attr-defined]
    if sys.platform == "win32":
        import msvcrt

        handle.seek(_WINDOWS_LOCK_OFFSET)  # type: ignore[attr-defined]
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        finally:
            handle.seek(0)  # type: ignore[attr-defined]
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:
        # A file system without locks (some network shares): nothing to coordinate with, go on.
        return True
    return True


def _unlock(handle: object) -> None:
    fd = handle.fileno()  # type: ignore[attr-defined]
    if sys.platform == "win32":
        import msvcrt

        handle.seek(_WINDOWS_LOCK_OFFSET)  # type: ignore[attr-defined]
        try:
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
        return
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_UN)
    except OSError:
        pass


def _read_holder(path: Path) -> Holder | None:
    try:
        with open(path, "rb") as handle:
            text = handle.read(4096)
        data = json.loads(text.decode("utf-8"))
        return Holder(**{k: data[k] for k in ("user", "host", "program", "pid", "since")})
    except (OSError, ValueError, KeyError, TypeError):
        return None


def acquire(db: Path | str, *, program: str | None = None) -> Holder:
    """Take the writer lock of ``db`` for this process (again, if it holds it already); returns the
    holder now written in the lock file. Raises :class:`HeldElsewhere` naming who holds it."""
    key = _key(db)
    with _guard:
        held = _held.get(key)
        if held is None:
            path = lock_path(db)
            try:
                handle = open(path, "a+b")  # noqa: SIM115 - kept open for as long as the lock is held
            except OSError as error:
                raise StoreError(f"无法建立数据库的锁文件「{path}」：{os_cause(error)}") from None
            if not _try_lock(handle):
                handle.close()
                raise HeldElsewhere(Path(db), _read_holder(path))
            holder = Holder.me(program or PROGRAM)
            try:
                handle.seek(0)
                handle.truncate()
                handle.write(json.dumps(asdict(holder), ensure_ascii=False).encode("utf-8"))
                handle.flush()
            except OSError:
                pass  # the lock itself is what counts; the text only names the holder to others
            held = _held[key] = _Held(handle, holder)
        held.count += 1
        return held.holder


def name_holder(db: Path | str, user: str) -> None:
    """Write the clerk's name (from the settings or ``--user``) as the holder of a lock this
    process holds: others are told 张三, not the PC's login."""
    key = _key(db)
    with _guard:
        held = _held.get(key)
        if held is None or not user or held.holder.user == user:
            return
        held.holder = Holder(user, held.holder.host, held.holder.program, held.holder.pid, held.holder.since)
        try:
            held.handle.seek(0)  # type: ignore[attr-defined]
            held.handle.truncate()  # type: ignore[attr-defined]
            held.handle.write(json.dumps(asdict(held.holder), ensure_ascii=False).encode("utf-8"))  # type: ignore[attr-defined]
            held.handle.flush()  # type: ignore[attr-defined]
        except OSError:
            pass


def release(db: Path | str) -> None:
    """Give back one :func:`acquire` of ``db``; the lock goes when the last one is given back.
    The lock file stays (removing it would race with a program taking the lock at that moment)."""
    key = _key(db)
    with _guard:
        held = _held.get(key)
        if held is None:
            return
        held.count -= 1
        if held.count > 0:
            return
        del _held[key]
        try:
            held.handle.seek(0)  # type: ignore[attr-defined]
            held.handle.truncate()  # type: ignore[attr-defined]
        except OSError:
            pass
        _unlock(held.handle)
        held.handle.close()  # type: ignore[attr-defined]


def held_here(db: Path | str) -> bool:
    """Whether this process holds the writer lock of ``db``."""
    with _guard:
        return _key(db) in _held


def holder_of(db: Path | str) -> Holder | None:
    """Who writes to ``db`` now: this process, another one, or None when nobody does."""
    key = _key(db)
    with _guard:
        held = _held.get(key)
        if held is not None:
            return held.holder
    path = lock_path(db)
    if not path.exists():
        return None
    try:
        handle = open(path, "a+b")  # noqa: SIM115
    except OSError:
        return _read_holder(path)
    try:
        if _try_lock(handle):
            _unlock(handle)
            return None  # free: what the file says is a holder that has ended (a crash)
        return _read_holder(path) or Holder("未知用户", "未知", "另一个程序", 0, "")
    finally:
        handle.close()


def last_holder(db: Path | str) -> Holder | None:
    """The holder the lock file names, alive or not (after a crash: the program that did not close)."""
    return _read_holder(lock_path(db))


__all__ = ["HeldElsewhere", "Holder", "LOCK_SUFFIX", "acquire", "held_here", "holder_of", "last_holder", "lock_path",
           "name_holder", "release"]
