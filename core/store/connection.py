"""Opening the ledger file: its lock and access mode, migrations to the latest schema, transactions
and who writes (the base of :class:`core.store.Ledger`)."""

from __future__ import annotations

import contextlib
import gc
import getpass
import sqlite3
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Self

import sqlite_utils

from core import outputs
from core.backups import clean_parts, default_backup_folder
from core.errors import LedgerError, StoreError, os_cause
from core.profile import Profile
from core.store import chain, locking, seals, watch
from core.store.access import Access, connect, journal
from core.store.failures import explain
from core.store.schema import LATEST, MIGRATIONS


def where(*conditions: tuple[str, Sequence[Any]] | None) -> tuple[str, list[Any]]:
    """``WHERE a AND b`` and its parameters from (clause, parameters) pairs, leaving out the None
    ones (a filter the caller was not given); an empty text when none is left."""
    given = [c for c in conditions if c is not None]
    params = [value for _, values in given for value in values]
    return ("WHERE " + " AND ".join(clause for clause, _ in given)) if given else "", params


APPLICATION_ID = 0x58414E47  # "XANG": marks the file as an Alley Ledger database


def _database(conn: sqlite3.Connection | None) -> sqlite_utils.Database:
    """sqlite-utils' wrapper around ``conn`` (None: a new database in memory), without its plugins:
    a sqlite-utils plugin installed in the same Python would otherwise change the clerk's
    connection (its SQL functions, its settings); looking for them also cost 1 ms at each start."""
    return sqlite_utils.Database(conn, memory=conn is None, execute_plugins=False)


def _now() -> str:
    return _stamp().isoformat()


def _stamp() -> datetime:
    """The current local time to the second: what a clerk reads in the audit log."""
    return datetime.now().replace(microsecond=0)



class Connection:
    """An open ledger file: the connection, its access, migrations and transactions."""

    def __init__(self, db: sqlite_utils.Database, path: Path | None, user: str | None = None):
        self.db = db
        self.path = path
        self._user = user
        self._profile: Profile | None = None
        self.access = Access(path)
        self._pending_seals: set[int] = set()
        self._snapshot = False
        """True inside :meth:`snapshot`: a read transaction, where no write may begin."""
        """Locked plans changed (with a reason) in the open transaction: sealed again at its commit."""

    # ---------------------------------------------------------------- opening and closing
    @classmethod
    def open(cls, path: Path | str, *, user: str | None = None, create: bool = True, mode: str = "shared",
             program: str | None = None) -> Self:
        """Open (and, with ``create``, make) the database at ``path``, migrating it to the latest schema.

        ``mode`` is how it may be written (:mod:`core.store.access`): ``write`` makes this program
        the one writer or raises :class:`~core.store.locking.HeldElsewhere`; ``view`` opens
        read-only, naming the holder, when another program writes; ``shared`` takes the writer
        lock for each write only. Raises :class:`StoreError` when the file is not a ledger
        database, is damaged, is from a newer program, or cannot be created.
        """
        path = Path(path)
        if path.is_dir():
            raise StoreError(f"「{path}」是一个文件夹，不是数据库文件")
        exists = path.exists() and path.stat().st_size > 0
        if not exists and not create:
            if path.exists():
                raise StoreError(f"数据库文件「{path}」是空的（0 字节），其中没有数据：可能是复制或保存时中断了；"
                                 "请从备份恢复（文件 → 从备份恢复，命令行 alley-ledger restore）")
            raise StoreError(f"找不到数据库文件「{path}」")
        if not exists:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StoreError(f"无法创建数据库所在文件夹「{path.parent}」：{os_cause(error)}") from None
        elif not outputs.is_database(path):
            raise StoreError(f"「{path}」不是巷账数据库文件（无法按 SQLite 数据库读取）")
        conn, access = connect(path, exists=exists, mode=mode, program=program)
        try:
            db = _database(conn)
            db.execute("PRAGMA foreign_keys = ON")
            version = db.execute("PRAGMA user_version").fetchone()[0]
            app_id = db.execute("PRAGMA application_id").fetchone()[0]
            foreign = exists and version == 0 and app_id != APPLICATION_ID and db.table_names()
        except sqlite3.DatabaseError as error:
            access.close(conn)
            raise (explain(error, path) or StoreError(f"「{path}」不是巷账数据库文件（无法按 SQLite 数据库读取）")) from None
        except BaseException:
            access.close(conn)
            raise
        if foreign:
            access.close(conn)
            raise StoreError(f"「{path}」不是巷账数据库文件（其中的表不是本程序建立的）")
        ledger = cls(db, path, user)
        ledger.access = access
        try:
            watch.remember(path)
            if version != LATEST:
                if version < LATEST and not access.writable:
                    raise StoreError(f"数据库的结构版本为 {version}，需要升级后才能打开，但{access.read_only}")
                with access.write_lock():
                    ledger._migrate(version)
            with access.committing():
                journal(db, access)
        except sqlite3.DatabaseError as error:
            access.close(conn)
            raise (explain(error, path) or StoreError(f"无法打开数据库「{path}」：{error}")) from None
        except BaseException:
            access.close(conn)
            raise
        if access.persistent:  # the one writer clears what a crash left: half-written copies
            locking.name_holder(path, ledger.user)
            for folder in (path.parent, default_backup_folder(path)):
                clean_parts(folder)
        return ledger

    @classmethod
    def in_memory(cls, user: str | None = "测试") -> Self:
        """A throw-away ledger in memory (tests and previews)."""
        db = _database(None)
        db.execute("PRAGMA foreign_keys = ON")
        ledger = cls(db, None, user)
        ledger._migrate(0)
        return ledger

    def close(self) -> None:
        """Close the database connection (and give back the writer lock)."""
        self.access.close(self.db.conn)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def read_only(self) -> str:
        """Why this ledger may not be written (for the clerk), or "" when it may."""
        return self.access.detached or self.access.read_only

    @property
    def warnings(self) -> list[str]:
        """What the clerk should know about this database's place (a network folder)."""
        return list(self.access.warnings)

    def file_change(self) -> str:
        """What happened to the file while open, as the clerk's message ("" while all is well).
        Once the file was replaced or deleted, writing stops for good (the desktop program asks
        every few seconds)."""
        if self.access.detached or self.path is None:
            return self.access.detached
        what = watch.change(self.path, writer=self.access.persistent)
        if what is not None:
            self.access.detach(self.db.conn, what)
        return self.access.detached

    def try_writable(self) -> bool:
        """Become writable now that the program that wrote may have closed; False while it still writes."""
        return self.access.try_writable(self.db.conn)

    def checkpoint(self) -> None:
        """Move what the ``-wal`` file holds into the database file and empty it (when idle): a
        copy of the database file alone is then the whole database."""
        if not self.access.writable or self.path is None:
            return
        with contextlib.suppress(sqlite3.Error, LedgerError), self.access.write_lock(), self.access.committing():
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    @property
    def schema_version(self) -> int:
        """The database's schema version (PRAGMA user_version)."""
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self, version: int) -> None:
        if version > LATEST:
            raise StoreError(
                f"数据库的结构版本为 {version}，比本程序支持的 {LATEST} 新；请使用新版程序打开"
            )
        if version == LATEST:
            return
        if version > 0 and self.path is not None:
            # Keep the file as it was before the upgrade: a failed or unwanted migration is undoable.
            # Copied through SQLite, so changes still in the -wal file are in the copy too.
            self._copy_to(self.path.with_name(f"{self.path.name}.v{version}.bak"))
        conn = self.db.conn
        # Seals cover every column: after a step adds one, every locked plan is sealed again —
        # but a seal that did not hold before the upgrade stays broken, so the upgrade never
        # hides a change made behind the program's back.
        broken_before = {plan_id for plan_id, _ in seals.broken(conn)} if self.db.table("seals").exists() else set()
        # A migration may rebuild a table others refer to (SQLite's way to change a column), which
        # needs foreign-key enforcement off; every reference is checked before the step commits.
        conn.execute("PRAGMA foreign_keys = OFF")
        try:
            with self.access.committing():
                self._run_migrations(conn, version)
        finally:
            conn.execute("PRAGMA foreign_keys = ON")
        with self.transaction():
            # Entries written before the audit log was a chain join it now; locked plans are
            # sealed as they are (those locked before seals existed, and all after a new column).
            chain.fill_missing(conn)
            locked = {row[0] for row in conn.execute("SELECT plan_id FROM filings WHERE locked_at IS NOT NULL")}
            self._pending_seals.update(locked - broken_before)
            self.db.table("meta").insert({"key": "schema_upgraded_at", "value": _now()}, replace=True)

    def _run_migrations(self, conn: sqlite3.Connection, version: int) -> None:
        """Apply each migration after ``version`` in its own transaction."""
        # Not sqlite-utils' Migrations (named steps recorded in a _sqlite_migrations table): our
        # version is SQLite's user_version, which every clerk's file already carries and restore
        # checks; Migrations would add a table to each file, and would open a file from a newer
        # program (it skips step names it does not know, where user_version > LATEST refuses).
        # Steps stay SQL text, never edited once released: Table.transform() would write the SQL
        # of whichever sqlite-utils is installed.
        for target in range(version + 1, LATEST + 1):
            script = MIGRATIONS[target - 1]
            try:
                conn.executescript(f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {target};\n"
                                   f"PRAGMA application_id = {APPLICATION_ID};")
                broken = conn.execute("PRAGMA foreign_key_check").fetchone()
                if broken is not None:
                    raise sqlite3.IntegrityError(f"表 {broken[0]} 第 {broken[1]} 行引用的 {broken[2]} 不存在")
                conn.commit()
            except sqlite3.DatabaseError as error:
                self.db.rollback()
                known = explain(error, self.path)
                raise (known or StoreError(f"数据库升级到第 {target} 版时失败：{error}")) from None

    def _copy_to(self, target: Path) -> None:
        """A whole copy of the database at ``target`` through SQLite (the -wal file's changes included)."""
        from core.store.backup import sqlite_copy

        tmp = target.with_name(target.name + ".part")
        try:
            sqlite_copy(self.db.conn, tmp)
        except (sqlite3.Error, OSError) as error:
            tmp.unlink(missing_ok=True)
            raise (explain(error, target) or StoreError(f"升级前备份失败：{error}")) from None
        tmp.replace(target)

    # ---------------------------------------------------------------- transactions and identity
    @contextlib.contextmanager
    def snapshot(self) -> Iterator[Self]:
        """Reads inside see the file as it was at the first of them: a table or a screen built from
        several queries never mixes two moments while another program writes (WAL keeps the old
        pages for this reader; writers are not held up). Nothing may be written inside."""
        conn = self.db.conn
        if conn.in_transaction or self._snapshot:
            yield self  # already one moment: an outer snapshot or a write under way
            return
        conn.execute("BEGIN")  # deferred: a read transaction, no lock taken from writers
        self._snapshot = True
        try:
            yield self
        finally:
            self._snapshot = False
            if conn.in_transaction:
                conn.rollback()  # nothing was written: ending it lets go of the old pages

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Self]:
        """One all-or-nothing unit of work; nested calls become savepoints.

        The outer level checks that this ledger may write (not read-only, the file not replaced
        or deleted meanwhile), holds the writer lock, and takes SQLite's write lock at once
        (BEGIN IMMEDIATE), so ids handed out inside cannot collide with another writer. A full
        disk, a read-only or damaged file is reported as such, with everything undone.
        """
        conn = self.db.conn
        if self._snapshot:
            # A write inside a read transaction would become a savepoint of it and be undone with it.
            raise RuntimeError("a write cannot begin inside Ledger.snapshot()")
        if conn.in_transaction:
            try:
                with self.db.atomic():  # a savepoint: undone alone, the outer work goes on
                    yield self
            except (sqlite3.Error, OSError) as error:
                known = explain(error, self.path)
                if known is None:
                    raise
                raise known from None
            return
        self.access.check(conn)
        with self.access.write_lock():
            # Not sqlite-utils' atomic() here: it begins with a plain (deferred) BEGIN, so a write
            # that first reads (the next id, the audit chain's head) fails at once with "database
            # is locked" when another program wrote in between — SQLite cannot wait for it then.
            # BEGIN IMMEDIATE waits for the other writer (busy timeout) and then holds the lock.
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                known = explain(error, self.path)
                raise (known or StoreError(f"数据库正被其他程序写入，请稍后再试（{error}）")) from None
            try:
                yield self
                if self._pending_seals:
                    with gc_paused():  # a demo's or an import's records are all alive: no rescans of them
                        seals.reseal(conn, self._pending_seals)
            except BaseException as error:
                self._pending_seals.clear()
                # A full disk or an I/O error may have ended the transaction inside SQLite already:
                # rollback() then does nothing, and the error itself is what to report.
                self.db.rollback()
                known = explain(error, self.path) if isinstance(error, (sqlite3.Error, OSError)) else None
                if known is not None:
                    raise known from None
                raise
            self._pending_seals.clear()
            try:
                with self.access.committing():
                    self.db.commit()
            except sqlite3.DatabaseError as error:
                self.db.rollback()
                raise (explain(error, self.path) or StoreError(f"保存失败，所有修改已撤销：{error}")) from None

    @property
    def user(self) -> str:
        """Who the audit log names: the ``user`` given at open, else the clerk in settings, else the OS login."""
        if self._user:
            return self._user
        clerk = self._clerk()
        if clerk:
            return clerk
        try:
            return getpass.getuser()
        except (KeyError, OSError):
            return "未知"

    def meta_value(self, key: str) -> str | None:
        """A value the program keeps about the database itself (e.g. its last backup), or None."""
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return None if row is None else row[0]

    def _clerk(self) -> str:
        """The clerk named in the county settings (read by :class:`core.store.records.RecordStore`)."""
        return ""



@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many objects that form no cycles.

    Loading 10,000 alleys with their plans and filings took 6.1 s with the collector running
    (it rescans the growing heap again and again) and 3.2 s with it paused.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()

