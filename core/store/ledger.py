"""The ledger database (台账数据库): one SQLite file holding every record, attachment and the audit log.

Open it with :meth:`Ledger.open`. Every write goes through this class so that it is validated,
runs inside one transaction, and leaves an audit entry (who, when, table, record, old → new).
"""

from __future__ import annotations

import contextlib
import gc
import getpass
import hashlib
import json
import mimetypes
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import sqlite_utils

from core import outputs
from core.attachments import safe_name
from core.backups import clean_parts, default_backup_folder
from core.errors import Conflict, LedgerError, LockedRecord, NotFound, StoreError
from core.profile import Profile, load_profile
from core.records import (
    Acceptance,
    Alley,
    CountySettings,
    Filing,
    Plan,
    Problem,
    ProgressEntry,
    Record,
    Survey,
    build,
)
from core.records.common import repeated
from core.records.county import YearTarget
from core.store import chain, locking, seals, watch
from core.store.access import Access, connect, journal
from core.store.failures import explain
from core.store.mapping import (
    SPEC_BY_TABLE,
    TableSpec,
    child_column,
    child_rows,
    group_child_values,
    group_children,
    insert_rows,
    read_layout,
    replace_fields,
    row_builder,
    spec_for,
    to_row,
)
from core.store.schema import LATEST, MIGRATIONS

R = TypeVar("R", bound=Record)
APPLICATION_ID = 0x58414E47  # "XANG": marks the file as an Alley Ledger database


@dataclass(frozen=True)
class AuditEntry:
    """One line of the audit log (操作日志)."""

    id: int
    at: str
    who: str
    action: str
    table_name: str
    record_id: int | None
    record_key: str
    changes: dict[str, list[Any]]
    reason: str
    source: str
    hash: str = ""
    """This entry's link in the audit log's hash chain (core.store.chain)."""


@dataclass(frozen=True)
class Attachment:
    """A file (photo, scanned document) stored inside the database."""

    id: int
    sha256: str
    file_name: str
    mime: str
    size: int

    def audit_value(self, caption: str = "") -> dict[str, Any]:
        """The file as the audit log records it beside its owner's change."""
        return {"file_name": self.file_name, "sha256": self.sha256, "size": self.size, "caption": caption}


def _now() -> str:
    return _stamp().isoformat()


def _stamp() -> datetime:
    """The current local time to the second: what a clerk reads in the audit log."""
    return datetime.now().replace(microsecond=0)


class Ledger:
    """An open ledger database. Use as a context manager or call :meth:`close`."""

    def __init__(self, db: sqlite_utils.Database, path: Path | None, user: str | None = None):
        self.db = db
        self.path = path
        self._user = user
        self._profile: Profile | None = None
        self.access = Access(path)
        self._pending_seals: set[int] = set()
        """Locked plans changed (with a reason) in the open transaction: sealed again at its commit."""

    # ---------------------------------------------------------------- opening and closing
    @classmethod
    def open(cls, path: Path | str, *, user: str | None = None, create: bool = True, mode: str = "shared",
             program: str | None = None) -> Ledger:
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
                raise StoreError(f"无法创建数据库所在文件夹「{path.parent}」：{error.strerror}") from None
        elif not outputs.is_database(path):
            raise StoreError(f"「{path}」不是巷账数据库文件（无法按 SQLite 数据库读取）")
        conn, access = connect(path, exists=exists, mode=mode, program=program)
        try:
            db = sqlite_utils.Database(conn)
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
                journal(conn, access)
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
    def in_memory(cls, user: str | None = "测试") -> Ledger:
        """A throw-away ledger in memory (tests and previews)."""
        db = sqlite_utils.Database(memory=True)
        db.execute("PRAGMA foreign_keys = ON")
        ledger = cls(db, None, user)
        ledger._migrate(0)
        return ledger

    def close(self) -> None:
        """Close the database connection (and give back the writer lock)."""
        self.access.close(self.db.conn)

    def __enter__(self) -> Ledger:
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
        has_seals = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'seals'").fetchone() is not None
        broken_before = {plan_id for plan_id, _ in seals.broken(conn)} if has_seals else set()
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
            self.db.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_upgraded_at', ?)", [_now()]
            )

    def _run_migrations(self, conn: sqlite3.Connection, version: int) -> None:
        """Apply each migration after ``version`` in its own transaction."""
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
                if conn.in_transaction:
                    conn.rollback()
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
    def transaction(self) -> Iterator[Ledger]:
        """One all-or-nothing unit of work; nested calls become savepoints.

        The outer level checks that this ledger may write (not read-only, the file not replaced
        or deleted meanwhile), holds the writer lock, and takes SQLite's write lock at once
        (BEGIN IMMEDIATE), so ids handed out inside cannot collide with another writer. A full
        disk, a read-only or damaged file is reported as such, with everything undone.
        """
        conn = self.db.conn
        if conn.in_transaction:
            name = f"sp{id(object())}"
            conn.execute(f"SAVEPOINT {name}")
            try:
                yield self
            except BaseException as error:
                # A full disk or an I/O error ends the whole transaction inside SQLite: then there
                # is no savepoint to go back to, and the error itself is what to report.
                if conn.in_transaction:
                    conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    conn.execute(f"RELEASE SAVEPOINT {name}")
                known = explain(error, self.path) if isinstance(error, (sqlite3.Error, OSError)) else None
                if known is not None:
                    raise known from None
                raise
            conn.execute(f"RELEASE SAVEPOINT {name}")
            return
        self.access.check(conn)
        with self.access.write_lock():
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
                if conn.in_transaction:
                    conn.rollback()
                known = explain(error, self.path) if isinstance(error, (sqlite3.Error, OSError)) else None
                if known is not None:
                    raise known from None
                raise
            self._pending_seals.clear()
            try:
                with self.access.committing():
                    conn.commit()
            except sqlite3.DatabaseError as error:
                if conn.in_transaction:
                    conn.rollback()
                raise (explain(error, self.path) or StoreError(f"保存失败，所有修改已撤销：{error}")) from None

    @property
    def user(self) -> str:
        """Who the audit log names: the ``user`` given at open, else the clerk in settings, else the OS login."""
        if self._user:
            return self._user
        settings = self.settings()
        if settings and settings.clerk:
            return settings.clerk
        try:
            return getpass.getuser()
        except (KeyError, OSError):
            return "未知"

    # ---------------------------------------------------------------- settings and profile
    def settings(self) -> CountySettings | None:
        """The county settings, or None before ``init``."""
        row = next(self.db.query("SELECT * FROM county WHERE id = 1"), None)
        if row is None:
            return None
        targets = [YearTarget(**t) for t in self.db.query("SELECT * FROM year_targets ORDER BY year")]
        row.pop("id")
        return CountySettings(**row, targets=targets)

    def save_settings(self, settings: CountySettings) -> None:
        """Store the county settings (checks the profile exists first)."""
        load_profile(settings.profile)
        old = self.settings()
        with self.transaction():
            data = settings.model_dump(exclude={"targets"})
            self.db.execute(
                "INSERT OR REPLACE INTO county (id, name, code, lead_department, profile, clerk) "
                "VALUES (1, :name, :code, :lead_department, :profile, :clerk)",
                data,
            )
            self.db.execute("DELETE FROM year_targets")
            self.db.conn.executemany(
                "INSERT INTO year_targets (year, alleys, boutique) VALUES (:year, :alleys, :boutique)",
                [t.model_dump() for t in settings.targets],
            )
            before = old.model_dump(mode="json") if old else {}
            after = settings.model_dump(mode="json")
            self._audit(
                "insert" if old is None else "update", "county", 1, settings.name, _diff(before, after)
            )
        self._profile = None

    def profile(self) -> Profile:
        """The policy profile named in the settings (the default profile before ``init``)."""
        if self._profile is None:
            settings = self.settings()
            self._profile = load_profile(settings.profile if settings else "guangxi-2022")
        return self._profile

    # ---------------------------------------------------------------- writing records
    def add(self, record: R, *, source: str = "", reason: str = "") -> R:
        """Insert one new record and return it with its id."""
        return self.add_many([_revalidated(record)], source=source, reason=reason)[0]

    def add_many(self, records: Sequence[R], *, source: str = "", reason: str = "") -> list[R]:
        """Insert new records of any kinds in one transaction; all are stored or none.

        The records must be built through their constructors (validated); this bulk path does not
        validate them again. Parents are inserted before children (alleys before surveys and plans).
        Records that belong to a filed plan's packet need ``reason``. Returns the records with ids assigned.
        """
        stamp, who = _stamp(), self.user
        by_spec: dict[str, list[Record]] = defaultdict(list)
        out: list[R] = []
        with self.transaction(), gc_paused():
            self._pending_seals.update(self._guard_locked_many(records, reason))
            next_id: dict[str, int] = {}
            for record in records:
                spec = spec_for(record)
                if record.id is not None:
                    raise StoreError(f"{record.label}已有编号 {record.id}，不能重复新增")
                if spec.table not in next_id:
                    next_id[spec.table] = self._max_id(spec.table) + 1
                stored = replace_fields(record, id=next_id[spec.table], changed_at=stamp, changed_by=who)
                next_id[spec.table] += 1
                by_spec[spec.table].append(stored)
                out.append(stored)  # type: ignore[arg-type]
            audit_rows = []
            # Insert tables in dependency order so foreign keys are satisfied.
            for table in ("alleys", "surveys", "plans", "progress_reports", "acceptances", "filings", "problems"):
                batch = by_spec.get(table)
                if not batch:
                    continue
                self._insert_rows(SPEC_BY_TABLE[table], batch)
                keys = self._record_keys(batch)
                at = stamp.isoformat()
                # The audit log keeps changes, not copies: an insert says who, when, from where and
                # which record; the record itself is its first version (core.store.history).
                row = (at, who, "insert", table, None, None, "{}", reason, source)
                audit_rows += [(*row[:4], record.id, key, *row[6:]) for record, key in zip(batch, keys, strict=True)]
                if table == "filings":  # filed and locked as it is added (the demo county): sealed as added
                    self._pending_seals.update(r.plan_id for r in batch if r.locked_at is not None)  # type: ignore[attr-defined]
            self._write_audit(audit_rows)
        return out

    def save(self, record: R, *, reason: str = "", source: str = "", also: dict[str, list[Any]] | None = None) -> R:
        """Insert ``record`` if it has no id, else update it; returns the stored record.

        A record read before someone else changed it (an import, another window) is refused with
        :class:`Conflict`, naming both values of each field that differs: the save never silently
        undoes the other change. Records of a filed (locked) plan's packet refuse changes unless
        ``reason`` names the amendment. ``also`` adds changes that came with this one to its audit
        entry (``{field: [old, new]}``, e.g. the file a new catalogue line stands for).
        """
        if record.id is None:
            return self.add(record, source=source, reason=reason)
        spec = spec_for(record)
        with self.transaction():
            old = self.get(type(record), record.id)
            record = _revalidated(record)
            changes = _diff(_snap(old), _snap(record))
            if not changes:  # nothing to write, so nothing of anyone else's to overwrite
                return old
            self._check_current(record, old)
            changes.update(also or {})
            touched = self._guard_locked(old, reason, new=record, changed=changes)
            # moving a record into a filed plan's packet is a change to it too
            touched.update(self._guard_locked(record, reason, changed=changes))
            if isinstance(record, Filing) and (record.locked_at or old.locked_at):
                touched[record.plan_id] = ""  # locked now (sealed), or unlocked (seal dropped)
            self._pending_seals.update(touched)
            now, who = _stamp(), self.user
            stored = record.model_copy(update={"changed_at": _later(now, old.changed_at), "changed_by": who})
            row = to_row(spec, stored)
            sets = ", ".join(f"{c} = :{c}" for c in row if c != "id")
            self._execute(f"UPDATE {spec.table} SET {sets} WHERE id = :id", row, stored)
            for child in spec.children:
                self.db.execute(f"DELETE FROM {child.table} WHERE {child.parent_key} = ?", [stored.id])
                self._insert_children(child, [stored])
            self._write_audit(
                [self._audit_row("update", spec.table, stored.id, self._record_key(stored), changes,
                                 reason=reason, source=source, at=now.isoformat(), who=who)]
            )
        return stored

    def _check_current(self, record: Record, stored: Record) -> None:
        """Refuse to write ``record`` over ``stored`` when it was read before ``stored`` was saved."""
        if record.changed_at is None or stored.changed_at is None or record.changed_at == stored.changed_at:
            return
        mine, theirs = _snap(record), _snap(stored)
        fields = [(type(stored).field_title(name), mine.get(name), theirs.get(name))
                  for name in sorted(set(mine) | set(theirs)) if mine.get(name) != theirs.get(name)]
        last = self.db.execute(
            "SELECT who, at, source FROM audit_log WHERE table_name = ? AND record_id = ? ORDER BY id DESC LIMIT 1",
            [spec_for(stored).table, stored.id]).fetchone()
        who, at, source = last if last else (stored.changed_by, str(stored.changed_at), "")
        origin = f"，来自“{source}”" if source else ""
        raise Conflict(
            f"{stored.label}「{self._record_key(stored)}」在您读取之后已被 {who or '他人'} 于 {str(at).replace('T', ' ')} "
            f"修改{origin}。为免覆盖对方的修改，这次没有保存；请核对以下不同之处，重新打开记录后再改", fields, stored)

    def delete(self, record: Record, *, reason: str = "") -> None:
        """Delete a record (its child rows go with it); refused while other records depend on it."""
        spec = spec_for(record)
        with self.transaction():
            old = self.get(type(record), record.id)  # type: ignore[arg-type]
            self._check_current(record, old)
            self._pending_seals.update(self._guard_locked(old, reason))
            links = self.db.execute(
                "SELECT COUNT(*) FROM attachment_links WHERE owner_table = ? AND owner_id = ?",
                [spec.table, old.id]).fetchone()[0]
            self.db.execute("DELETE FROM attachment_links WHERE owner_table = ? AND owner_id = ?",
                            [spec.table, old.id])
            try:
                self.db.execute(f"DELETE FROM {spec.table} WHERE id = ?", [old.id])
            except sqlite3.IntegrityError:
                raise StoreError(f"{old.label}「{self._record_key(old)}」还有关联记录，不能删除") from None
            # A delete keeps the whole old record, empty fields too: the record is gone, the log is
            # all that says what it was.
            changes = {key: [value, None] for key, value in sorted(_snap(old).items())}
            if links:
                changes["attachments"] = [links, 0]
            self._write_audit(
                [self._audit_row("delete", spec.table, old.id, self._record_key(old), changes, reason=reason)]
            )

    def _max_id(self, table: str) -> int:
        """The highest id ever given in ``table`` (ids of deleted records are not given again)."""
        used = self.db.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}").fetchone()[0]
        seq = self.db.execute("SELECT seq FROM sqlite_sequence WHERE name = ?", [table]).fetchone()
        return max(used, seq[0] if seq else 0)

    def _insert_rows(self, spec: TableSpec, records: list[Record]) -> None:
        """Insert records and their child rows."""
        rows, children = insert_rows(spec, records)
        columns = spec.columns
        sql = f"INSERT INTO {spec.table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        try:
            self.db.conn.executemany(sql, rows)
        except sqlite3.IntegrityError as error:
            raise self._integrity_error(spec, error, records) from None
        for child, items in zip(spec.children, children, strict=True):
            if items:
                names = child.columns
                self.db.conn.executemany(
                    f"INSERT INTO {child.table} ({child.parent_key}, position, {', '.join(names)}) "
                    f"VALUES ({', '.join('?' * (len(names) + 2))})", items)

    def _insert_children(self, child: Any, records: Iterable[Record]) -> None:
        rows = []
        for record in records:
            for row in child_rows(child, record):
                row[child.parent_key] = record.id
                rows.append(row)
        if rows:
            cols = list(rows[0])
            self.db.conn.executemany(
                f"INSERT INTO {child.table} ({', '.join(cols)}) VALUES ({', '.join(':' + c for c in cols)})",
                rows,
            )

    def _execute(self, sql: str, params: dict, record: Record) -> None:
        try:
            self.db.execute(sql, params)
        except sqlite3.IntegrityError as error:
            raise self._integrity_error(spec_for(record), error, [record]) from None

    def _integrity_error(self, spec: TableSpec, error: sqlite3.IntegrityError, records: list[Record]) -> LedgerError:
        text = str(error)
        if "alleys.code" in text:
            codes = [r.code for r in records]  # type: ignore[attr-defined]
            placeholders = ",".join("?" * len(codes))
            taken = [row[0] for row in self.db.execute(
                f"SELECT code FROM alleys WHERE code IN ({placeholders})", codes)]
            dupes = repeated(codes)
            shown = "、".join((taken or dupes)[:5]) or "?"
            return StoreError(f"街巷编码「{shown}」已存在，编码不能重复")
        if "plans.alley_id, plans.year" in text:
            return StoreError("同一条街巷同一年度只能有一个改造方案")
        if "acceptances.plan_id" in text:
            return StoreError("这个改造方案已经有竣工验收记录")
        if "filings.plan_id" in text:
            return StoreError("这个改造方案已经有备案归档记录")
        if "FOREIGN KEY" in text:
            return StoreError(f"{spec.model.label}所属的街巷或方案不存在")
        if "NOT NULL" in text and "_id" in text:
            return StoreError(f"{spec.model.label}没有指定所属的街巷或方案")
        return StoreError(f"{spec.model.label}无法保存：{text}")

    # ---------------------------------------------------------------- locking (filed records)
    def locked_by(self, record: Record) -> str | None:
        """When the filed plan whose packet ``record`` belongs to was locked (ISO time), or None:
        a change to it then needs an amendment reason (the window asks before it tries)."""
        touched = seals.covering(self.db.conn, record)
        return min(touched.values()) if touched else None

    def _guard_locked_many(self, records: Sequence[Record], reason: str) -> set[int]:
        """The locked plans new ``records`` belong to (their packets); refused without ``reason``."""
        plan_ids = {pid for r in records if isinstance(r, (Plan, Acceptance, Filing, ProgressEntry))
                    and (pid := r.id if isinstance(r, Plan) else r.plan_id) is not None}
        locked = self.lookup("SELECT plan_id, locked_at FROM filings WHERE locked_at IS NOT NULL AND plan_id IN ({})",
                             plan_ids)
        touched = {pid: locked[pid] for pid in plan_ids if pid in locked}
        surveys = [r for r in records if isinstance(r, Survey)]
        if surveys:
            held = set(self.lookup(
                "SELECT DISTINCT p.alley_id, 1 FROM plans p JOIN filings f ON f.plan_id = p.id "
                "WHERE f.locked_at IS NOT NULL AND p.alley_id IN ({})", {s.alley_id for s in surveys}))
            for survey in surveys:
                if survey.alley_id in held:
                    touched.update(seals.covering(self.db.conn, survey))
        if touched and not reason.strip():
            raise LockedRecord(
                f"该方案已于 {min(touched.values())[:10]} 归档锁定，新增记录须作为“更正”并填写原因（会记入操作日志）"
            )
        return set(touched)

    def _guard_locked(self, record: Record, reason: str, new: Record | None = None,
                      changed: Collection[str] | None = None) -> dict[int, str]:
        """The locked plans whose packet ``record`` belongs to; refused without ``reason``."""
        touched = seals.covering(self.db.conn, record, changed)
        if not touched:
            return {}
        if isinstance(new, Filing) and isinstance(record, Filing) and new.locked_at is None and not reason:
            raise LockedRecord("已归档的记录不能直接解除锁定，请填写更正原因")
        if not reason.strip():
            what = ""
            if isinstance(record, (Alley, Survey)):
                what = f"（{record.label}属于已归档方案的案卷）"
            raise LockedRecord(
                f"该方案已于 {min(touched.values())[:10]} 归档锁定{what}，修改须作为“更正”并填写原因（会记入操作日志）"
            )
        return touched

    # ---------------------------------------------------------------- reading records
    def get(self, cls: type[R], record_id: int) -> R:
        """The record of kind ``cls`` with ``record_id``; :class:`NotFound` if there is none."""
        found = self._load(spec_for(cls), "WHERE t.id = ?", [record_id])
        if not found:
            raise NotFound(f"没有编号为 {record_id} 的{cls.label}")
        return found[0]  # type: ignore[return-value]

    def all(self, cls: type[R], *, fields: Collection[str] | None = None) -> list[R]:
        """Every record of kind ``cls`` in storage order (the fastest read, for the rules).

        With ``fields``, only those fields (and ``id``) are read: ``"measures"`` names a whole child
        list, ``"measures.code"`` one column of its rows. Such records lack every other field
        (reading one raises AttributeError) and are for looking at, never for saving: for jobs that
        read a few columns of many records, in a fraction of the time of a full read.
        """
        return self._load(spec_for(cls), fields=fields)  # type: ignore[return-value]

    def child_values(self, cls: type[Record], field: str) -> dict[int, list[Any]]:
        """One column of a child list of every record of kind ``cls``, e.g. ``"measures.code"``:
        {record id: [the column's value in each row, in list order]}; records without rows left out.

        For jobs that look at one detail of many child rows (the kinds of 53,501 filed documents:
        0.02 s, against 0.14 s for the documents whole).
        """
        child, column = child_column(spec_for(cls), field)
        cursor = self.db.conn.execute(
            f"SELECT {child.parent_key}, {column} FROM {child.table} ORDER BY {child.parent_key}, position")
        return group_child_values(child, column, cursor)

    def _load(self, spec: TableSpec, where: str = "", params: Sequence[Any] = (), order: str = "t.id",
              fields: Collection[str] | None = None) -> list[Record]:
        with gc_paused():
            return self._load_rows(spec, where, params, order, fields)

    def _load_rows(self, spec: TableSpec, where: str, params: Sequence[Any], order: str,
                   fields: Collection[str] | None) -> list[Record]:
        columns, children = read_layout(spec, fields)
        select = ", ".join(f"t.{name}" for name in columns) if columns else "t.*"
        cursor = self.db.conn.execute(f"SELECT {select} FROM {spec.table} t {where} ORDER BY {order}", params)
        build = row_builder(spec, tuple(d[0] for d in cursor.description), tuple(c.field for c, _ in children))
        records = [build(row) for row in cursor]
        for child, child_columns in children:
            head = (f"SELECT c.{child.parent_key}, c.position, {', '.join(f'c.{name}' for name in child_columns)} "
                    f"FROM {child.table} c")
            if not where:
                cursor = self.db.conn.execute(f"{head} ORDER BY c.{child.parent_key}, c.position")
            elif len(records) <= 500:
                ids = [r.id for r in records]
                cursor = self.db.conn.execute(
                    f"{head} WHERE c.{child.parent_key} IN ({','.join('?' * len(ids))}) "
                    f"ORDER BY c.{child.parent_key}, c.position", ids)
            else:
                cursor = self.db.conn.execute(
                    f"{head} JOIN {spec.table} t ON t.id = c.{child.parent_key} {where} "
                    f"ORDER BY c.{child.parent_key}, c.position", params)
            grouped = group_children(child, cursor, child_columns)
            for record in records:
                record.__dict__[child.field] = grouped.get(record.id, [])
        return records

    def alley(self, code: str) -> Alley:
        """The alley with ``code``; :class:`NotFound` if there is none."""
        found = self._load(spec_for(Alley), "WHERE t.code = ?", [code])
        if not found:
            raise NotFound(f"没有街巷编码为「{code}」的街巷")
        return found[0]  # type: ignore[return-value]

    def alleys(self, *, year: int | None = None) -> list[Alley]:
        """All alleys by code; with ``year``, only those that have a plan in that year."""
        if year is None:
            return self._load(spec_for(Alley), order="t.code")  # type: ignore[return-value]
        return self._load(  # type: ignore[return-value]
            spec_for(Alley), "WHERE t.id IN (SELECT alley_id FROM plans WHERE year = ?)", [year], "t.code"
        )

    def surveys(self, alley_id: int | None = None) -> list[Survey]:
        """Surveys, oldest first; only one alley's with ``alley_id``."""
        if alley_id is None:
            return self._load(spec_for(Survey), order="t.alley_id, t.surveyed_on, t.id")  # type: ignore[return-value]
        return self._load(spec_for(Survey), "WHERE t.alley_id = ?", [alley_id],  # type: ignore[return-value]
                          "t.surveyed_on, t.id")

    def plans(self, *, year: int | None = None, alley_id: int | None = None) -> list[Plan]:
        """Plans ordered by year and alley code, optionally of one year or one alley."""
        clauses, params = [], []
        if year is not None:
            clauses.append("t.year = ?")
            params.append(year)
        if alley_id is not None:
            clauses.append("t.alley_id = ?")
            params.append(alley_id)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        where = "JOIN alleys a ON a.id = t.alley_id " + where
        return self._load(spec_for(Plan), where, params, "t.year, a.code")  # type: ignore[return-value]

    def progress(self, *, plan_id: int | None = None, month: tuple[int, int] | None = None) -> list[ProgressEntry]:
        """Monthly progress reports, oldest first; of one plan, or reported in one (year, month)."""
        clauses, params = [], []
        if plan_id is not None:
            clauses.append("t.plan_id = ?")
            params.append(plan_id)
        if month is not None:
            year, m = month
            clauses.append("t.reported_on >= ? AND t.reported_on < ?")
            params += [f"{year}-{m:02d}-01", f"{year + m // 12}-{m % 12 + 1:02d}-01"]
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        return self._load(spec_for(ProgressEntry), where, params, "t.reported_on, t.id")  # type: ignore[return-value]

    def acceptances(self, *, year: int | None = None) -> list[Acceptance]:
        """Acceptances, optionally of plans of one year."""
        return self._of_plans(Acceptance, year)

    def filings(self, *, year: int | None = None) -> list[Filing]:
        """Filings, optionally of plans of one year."""
        return self._of_plans(Filing, year)

    def acceptance_for(self, plan_id: int) -> Acceptance | None:
        """The acceptance of one plan, if recorded."""
        found = self._load(spec_for(Acceptance), "WHERE t.plan_id = ?", [plan_id])
        return found[0] if found else None  # type: ignore[return-value]

    def filing_for(self, plan_id: int) -> Filing | None:
        """The filing of one plan, if recorded."""
        found = self._load(spec_for(Filing), "WHERE t.plan_id = ?", [plan_id])
        return found[0] if found else None  # type: ignore[return-value]

    def filing_numbers(self) -> dict[int, str]:
        """Filing number (备案编号) of every filed plan, by plan id."""
        return dict(self.db.execute("SELECT plan_id, filing_no FROM filings").fetchall())

    def _of_plans(self, cls: type[R], year: int | None) -> list[R]:
        where, params = "JOIN plans p ON p.id = t.plan_id", []
        if year is not None:
            where += " WHERE p.year = ?"
            params.append(year)
        return self._load(spec_for(cls), where, params, "p.year, t.plan_id")  # type: ignore[return-value]

    def problems(self, *, year: int | None = None, alley_id: int | None = None) -> list[Problem]:
        """Problems, newest first; optionally reported in one year or about one alley."""
        clauses, params = [], []
        if year is not None:
            clauses.append("t.reported_on >= ? AND t.reported_on < ?")
            params += [f"{year}-01-01", f"{year + 1}-01-01"]
        if alley_id is not None:
            clauses.append("t.alley_id = ?")
            params.append(alley_id)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        return self._load(spec_for(Problem), where, params, "t.reported_on DESC, t.id DESC")  # type: ignore[return-value]

    def counts(self) -> dict[str, int]:
        """How many records of each kind the database holds."""
        return {
            table: self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("alleys", "surveys", "plans", "progress_reports", "acceptances", "filings",
                          "problems", "attachments", "audit_log")
        }

    def alley_codes_by_id(self) -> dict[int, str]:
        """Map of alley id to code, for labelling rows of other tables."""
        return {row[0]: row[1] for row in self.db.execute("SELECT id, code FROM alleys")}

    def plan_keys(self) -> dict[int, tuple[str, int]]:
        """Map of plan id to (alley code, year)."""
        return {
            row[0]: (row[1], row[2])
            for row in self.db.execute("SELECT p.id, a.code, p.year FROM plans p JOIN alleys a ON a.id = p.alley_id")
        }

    # ---------------------------------------------------------------- attachments
    def add_attachment(self, data: bytes, file_name: str, *, owner: Record | None = None, caption: str = "",
                       reason: str = "", audited: bool = True) -> Attachment:
        """Store a file inside the database (deduplicated by SHA-256), optionally linked to a record.

        Linking a file to a record of a filed plan's packet needs ``reason``. Every file leaves one
        audit entry: the change of its owner (file name, SHA-256, size, caption), or, without an owner,
        the file's own; ``audited=False`` leaves it to the caller, who records the file with its own
        change (a filing's document: one entry for the file and its catalogue line). The name is kept
        as a safe base name (no folders, no characters Windows forbids).
        """
        file_name = safe_name(file_name)
        digest = hashlib.sha256(data).hexdigest()
        mime = mimetypes.guess_type(file_name)[0] or "application/octet-stream"
        with self.transaction():
            if owner is not None:
                self._pending_seals.update(self._guard_locked(owner, reason))
            row = self.db.execute("SELECT id FROM attachments WHERE sha256 = ?", [digest]).fetchone()
            if row:
                attachment_id = row[0]
            else:
                cursor = self.db.execute(
                    "INSERT INTO attachments (sha256, file_name, mime, size, data, added_at, added_by) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [digest, file_name, mime, len(data), data, _now(), self.user],
                )
                attachment_id = cursor.lastrowid
                if owner is None and audited:  # else the owner's entry names the file
                    self._write_audit([self._audit_row(
                        "insert", "attachments", attachment_id, file_name,
                        {"file_name": [None, file_name], "sha256": [None, digest], "size": [None, len(data)]})])
            attachment = Attachment(attachment_id, digest, file_name, mime, len(data))
            if owner is not None:
                table = spec_for(owner).table
                position = self.db.execute(
                    "SELECT COUNT(*) FROM attachment_links WHERE owner_table = ? AND owner_id = ?",
                    [table, owner.id]).fetchone()[0]
                self.db.execute(
                    "INSERT INTO attachment_links (attachment_id, owner_table, owner_id, caption, position) "
                    "VALUES (?, ?, ?, ?, ?)", [attachment_id, table, owner.id, caption, position])
                if audited:
                    self._write_audit([self._audit_row(
                        "update", table, owner.id, self._record_key(owner),
                        {"attachments": [None, attachment.audit_value(caption)]}, reason=reason)])
        return attachment

    def remove_attachment(self, owner: Record, attachment_id: int, *, reason: str = "") -> None:
        """Unlink a file from ``owner`` (the file's bytes stay for the audit trail and other owners).

        A record of a filed plan's packet needs ``reason``; the unlinking is audited like the linking.
        """
        table = spec_for(owner).table
        with self.transaction():
            self._pending_seals.update(self._guard_locked(owner, reason))
            row = self.db.execute(
                "SELECT a.file_name, a.sha256 FROM attachment_links l JOIN attachments a ON a.id = l.attachment_id "
                "WHERE l.owner_table = ? AND l.owner_id = ? AND l.attachment_id = ?",
                [table, owner.id, attachment_id]).fetchone()
            if row is None:
                raise NotFound(f"{owner.label}没有附件 {attachment_id}")
            self.db.execute("DELETE FROM attachment_links WHERE owner_table = ? AND owner_id = ? AND attachment_id = ?",
                            [table, owner.id, attachment_id])
            self._write_audit([self._audit_row(
                "update", table, owner.id, self._record_key(owner),
                {"attachments": [{"file_name": row[0], "sha256": row[1]}, None]}, reason=reason)])

    def attachment_data(self, attachment_id: int) -> bytes:
        """The bytes of a stored file, checked against its SHA-256."""
        row = self.db.execute("SELECT data, sha256 FROM attachments WHERE id = ?", [attachment_id]).fetchone()
        if row is None:
            raise NotFound(f"没有编号为 {attachment_id} 的附件")
        if hashlib.sha256(row[0]).hexdigest() != row[1]:
            raise StoreError(f"附件 {attachment_id} 的内容与校验值不符，文件已损坏")
        return bytes(row[0])

    def attachments_of(self, owner: Record) -> list[tuple[Attachment, str]]:
        """Files linked to ``owner`` with their captions, in the order they were added."""
        rows = self.db.query(
            "SELECT a.id, a.sha256, a.file_name, a.mime, a.size, l.caption FROM attachment_links l "
            "JOIN attachments a ON a.id = l.attachment_id WHERE l.owner_table = ? AND l.owner_id = ? "
            "ORDER BY l.position", [spec_for(owner).table, owner.id])
        return [(Attachment(r["id"], r["sha256"], r["file_name"], r["mime"], r["size"]), r["caption"]) for r in rows]

    # ---------------------------------------------------------------- holidays (R10)
    def holiday_table(self) -> tuple[dict[date, bool], set[int]]:
        """Loaded holiday table: {day: is_workday} and the years it covers."""
        days = {date.fromisoformat(r[0]): bool(r[1]) for r in self.db.execute("SELECT day, is_workday FROM holidays")}
        years = {r[0] for r in self.db.execute("SELECT year FROM holiday_years")}
        return days, years

    def load_holiday_year(self, year: int, days: dict[date, bool], *, names: dict[date, str] | None = None,
                          source: str = "") -> None:
        """Replace the holiday table of ``year``: days off (False) and make-up working days (True).

        Storage only: :func:`core.exchange.holidays.store_holiday_year` first checks that the table
        is a whole official year (every statutory holiday named).
        """
        outside = [d for d in days if d.year != year]
        if outside:
            raise LedgerError(f"{year} 年节假日表中出现了其他年份的日期：{outside[0]}")
        with self.transaction():
            self.db.execute("DELETE FROM holidays WHERE day LIKE ?", [f"{year}-%"])
            self.db.conn.executemany(
                "INSERT INTO holidays (day, is_workday, name) VALUES (?, ?, ?)",
                [(d.isoformat(), int(w), (names or {}).get(d, "")) for d, w in sorted(days.items())])
            self.db.execute(
                "INSERT OR REPLACE INTO holiday_years (year, source, loaded_at, loaded_by) VALUES (?, ?, ?, ?)",
                [year, source, _now(), self.user])
            self._write_audit([self._audit_row(
                "update", "holidays", year, f"{year}年节假日", {"days": [None, len(days)]}, source=source)])

    # ---------------------------------------------------------------- audit log
    def _record_keys(self, records: list[Record]) -> list[str]:
        """Human keys (alley code, or code/year for plan records) of many records, in two queries."""
        alley_ids = {r.alley_id for r in records if isinstance(r, (Survey, Plan, Problem))}
        plan_ids = {r.plan_id for r in records if isinstance(r, (Acceptance, Filing, ProgressEntry))}
        codes = self.lookup("SELECT id, code FROM alleys WHERE id IN ({})", alley_ids)
        plans = self.lookup(
            "SELECT p.id, a.code || '/' || p.year FROM plans p JOIN alleys a ON a.id = p.alley_id WHERE p.id IN ({})",
            plan_ids)
        keys = []
        for record in records:
            if isinstance(record, Alley):
                keys.append(record.code)
            elif isinstance(record, Plan):
                keys.append(f"{codes.get(record.alley_id, '')}/{record.year}")
            elif isinstance(record, (Survey, Problem)):
                keys.append(codes.get(record.alley_id, ""))
            elif isinstance(record, (Acceptance, Filing, ProgressEntry)):
                keys.append(plans.get(record.plan_id, ""))
            else:
                keys.append("")
        return keys

    def lookup(self, sql: str, ids: set[Any]) -> dict[Any, Any]:
        """Rows of ``sql`` (two columns, ``IN ({})`` for the ids) as a dict, asked in chunks that stay
        under SQLite's limit on bound parameters."""
        wanted = sorted(i for i in ids if i is not None)
        found: dict[Any, Any] = {}
        for start in range(0, len(wanted), 900):  # SQLite's limit on bound parameters
            chunk = wanted[start:start + 900]
            found.update(self.db.execute(sql.format(",".join("?" * len(chunk))), chunk).fetchall())
        return found

    def lookup_rows(self, sql: str, params: Sequence[Any], ids: set[Any]) -> list[tuple[Any, ...]]:
        """Every row of ``sql`` (``params`` first, then ``IN ({})`` for the ids), asked in chunks
        that stay under SQLite's limit on bound parameters."""
        wanted = sorted(i for i in ids if i is not None)
        rows: list[tuple[Any, ...]] = []
        for start in range(0, len(wanted), 900):
            chunk = wanted[start:start + 900]
            rows += self.db.execute(sql.format(",".join("?" * len(chunk))), [*params, *chunk]).fetchall()
        return rows

    def records_by_id(self, cls: type[R], ids: set[int]) -> list[R]:
        """The records of kind ``cls`` with the given ids (those that exist), whole."""
        wanted = sorted(ids)
        found: list[R] = []
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            found += self._load(spec_for(cls), f"WHERE t.id IN ({','.join('?' * len(chunk))})", chunk)  # type: ignore[arg-type]
        return found

    def _record_key(self, record: Record) -> str:
        """The human key of one record (see :meth:`_record_keys`)."""
        return self._record_keys([record])[0]

    def _audit_row(self, action: str, table: str, record_id: int | None, key: str, changes: dict,
                   *, reason: str = "", source: str = "", at: str | None = None, who: str | None = None) -> tuple:
        return (at or _now(), who or self.user, action, table, record_id, key, _json_audit(changes), reason, source)

    def _write_audit(self, rows: list[tuple]) -> None:
        chain.append(self.db.conn, rows)

    def _audit(self, action: str, table: str, record_id: int | None, key: str, changes: dict,
               reason: str = "", source: str = "") -> None:
        self._write_audit([self._audit_row(action, table, record_id, key, changes, reason=reason, source=source)])

    def note(self, action: str, message: str, *, source: str = "") -> None:
        """Add an audit entry for an operation that is not a record change (import, backup, demo)."""
        with self.transaction():
            self._audit(action, "ledger", None, message, {}, source=source)

    def audit(self, *, table: str | None = None, record_id: int | None = None, limit: int | None = None) -> list[AuditEntry]:
        """Audit entries, newest first, optionally of one table or one record."""
        clauses, params = [], []
        if table is not None:
            clauses.append("table_name = ?")
            params.append(table)
        if record_id is not None:
            clauses.append("record_id = ?")
            params.append(record_id)
        sql = "SELECT * FROM audit_log" + (" WHERE " + " AND ".join(clauses) if clauses else "")
        sql += " ORDER BY id DESC" + (f" LIMIT {int(limit)}" if limit else "")
        return [AuditEntry(**{**row, "changes": json.loads(row["changes"])}) for row in self.db.query(sql, params)]

    # ---------------------------------------------------------------- backup
    def backup(
        self,
        out: Path | str,
        *,
        overwrite: bool = False,
        progress: Callable[[int, str], None] | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> dict[str, Any]:
        """Copy the whole database (attachments included) to ``out`` while it stays open.

        Uses SQLite's online backup page by page (``progress(percent, text)`` is told as it goes;
        ``cancel()`` stops it and leaves no file), then checks the copy's integrity. Returns its
        path, size, SHA-256 and record counts. See :func:`core.store.backup.copy_database`.
        """
        from core.store.backup import copy_database

        return copy_database(self, Path(out), overwrite=overwrite, progress=progress, cancel=cancel)


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


def _revalidated(record: R) -> R:
    """The record validated again: ``model_copy(update=...)`` skips validation, the store may not."""
    return build(type(record), record.model_dump(warnings=False))


def _later(stamp: datetime, previous: datetime | None) -> datetime:
    """``stamp``, or a second after ``previous`` when not later: a record's changed_at grows with
    every save, so a copy read before a save never carries the stamp it has now."""
    if previous is not None and stamp <= previous:
        return previous + timedelta(seconds=1)
    return stamp


def _snap(record: Record) -> dict[str, Any]:
    return record.model_dump(mode="json", exclude={"id", "changed_at", "changed_by"})


_EMPTY = (None, "", [], {}, 0, False)

# One encoder each, made once: json.dumps with options builds a new encoder on every call, and an
# import encodes two texts for each of tens of thousands of records.
_json_sorted = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
_json_audit = json.JSONEncoder(ensure_ascii=False, default=str).encode


def _diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """Fields whose values differ, as {field: [old, new]}; empty values are left out of inserts."""
    changes = {}
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key), after.get(key)
        if old == new:
            continue
        if not before and new in _EMPTY:
            continue
        if not after and old in _EMPTY:
            continue
        changes[key] = [old, new]
    return changes
