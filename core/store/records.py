"""Records in the ledger: the county settings and profile, adding, saving and deleting records with
their audit entries, the lock of filed plans, and reading records back."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any, TypeVar, cast

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
from core.records.facts import Facts
from core.store import seals
from core.store.audit import AuditLog
from core.store.connection import _stamp, gc_paused, where
from core.store.mapping import (
    SPEC_BY_TABLE,
    TableSpec,
    child_column,
    child_rows,
    group_child_values,
    group_children,
    insert_rows,
    replace_fields,
    row_builder,
    spec_for,
    to_row,
    value_readers,
)

R = TypeVar("R", bound=Record)
F = TypeVar("F", bound=Facts)

DELETED_ON_PAGE: dict[type[Record], str] = {
    Survey: "调查摸底", Plan: "改造方案", Acceptance: "竣工验收", Filing: "备案归档", Problem: "问题台账",
}
"""The page of the desktop program where a clerk deletes each kind of record."""
_MEASURE_WORD: dict[type[Record], str] = {Plan: "个", Survey: "份", Acceptance: "份", Filing: "份"}


@dataclasses.dataclass(frozen=True)
class Dependents:
    """Records of one ``kind`` that depend on another: how many, and how each is known (a plan's
    year, a survey's date, a filing's number)."""

    kind: type[Record]
    count: int
    known_as: list[str]

    def text(self) -> str:
        """调查摸底 2 份（2022-02-10、2023-03-01）: at most five shown, the rest as 等."""
        shown = "、".join(self.known_as[:5]) + ("等" if len(self.known_as) > 5 else "")
        return f"{self.kind.label} {self.count} {_MEASURE_WORD.get(self.kind, '条')}" + (f"（{shown}）" if shown else "")


UNLOCKED_NOTE = "（删除备案，方案解除归档锁定）"
"""Added to the reason of a locked filing's delete entry: the plan is no longer filed and locked."""


class RecordStore(AuditLog):
    """Reading and writing records."""

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
            self.db.table("county").insert({"id": 1, **settings.model_dump(exclude={"targets"})}, replace=True)
            self.db.table("year_targets").delete_where()
            self.db.table("year_targets").insert_all(t.model_dump() for t in settings.targets)
            before = old.model_dump(mode="json") if old else {}
            after = settings.model_dump(mode="json")
            self._audit(
                "insert" if old is None else "update", "county", 1, settings.name, _diff(before, after)
            )
        self._profile = None

    def _clerk(self) -> str:
        settings = self.settings()
        return settings.clerk if settings else ""

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
                out.append(stored)
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
            if isinstance(record, Filing) and isinstance(old, Filing) and (record.locked_at or old.locked_at) \
                    and record.plan_id is not None:
                touched[record.plan_id] = ""  # locked now (sealed), or unlocked (seal dropped)
            self._pending_seals.update(touched)
            now, who = _stamp(), self.user
            stored = record.model_copy(update={"changed_at": _later(now, old.changed_at), "changed_by": who})
            row = to_row(spec, stored)
            # Plain SQL, not Table.update()/delete_where()/insert_all(): an import saves each changed
            # record here, and each of those calls reads the schema again and opens a savepoint (a
            # plan and its measures: 34 µs here, 283 µs through them, +2.5 s per 10,000 changed
            # rows); update() also stores a Decimal as a float.
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

    def _check_current(self, record: Record, stored: Record, *, deleting: bool = False) -> None:
        """Refuse to write (or, ``deleting``, to delete) ``record`` over ``stored`` when it was read
        before ``stored`` was saved."""
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
        changed = f"在您读取之后已被 {who or '他人'} 于 {str(at).replace('T', ' ')} 修改{origin}"
        if deleting:
            # The clerk changed nothing: what differs is what he read against what is there now.
            raise Conflict(f"{self.record_title(stored)}{changed}，这次没有删除；请看过修改后再决定是否删除",
                           fields, stored, read_as="您读取时为")
        raise Conflict(
            f"{stored.label}「{self._record_key(stored)}」{changed}。为免覆盖对方的修改，这次没有保存；"
            "请核对以下不同之处，重新打开记录后再改", fields, stored)

    def delete(self, record: Record, *, reason: str = "", source: str = "") -> int:
        """Delete a record (its child rows and photo links go with it) and return the id of the audit
        entry that keeps the whole record, its files' links included. Refused while other records
        depend on it (:meth:`delete_refusal` says which), for a filed plan's records without
        ``reason``, for a record changed since it was read (:class:`Conflict`), and for one deleted
        already (:meth:`gone` says by whom). A locked filing's delete unlocks its plan
        (:meth:`delete_unlocks`), and its audit entry's reason says so."""
        spec = spec_for(record)
        with self.transaction():
            try:
                old = self.get(type(record), record.id)
            except NotFound:
                raise self.gone(record) from None
            self._check_current(record, old, deleting=True)
            refused = self.delete_refusal(old)
            if refused:
                raise StoreError(refused)
            self._pending_seals.update(self._guard_locked(old, reason, doing="删除"))
            if self.delete_unlocks(old):
                reason += UNLOCKED_NOTE
            owned = ("owner_table = ? AND owner_id = ?", [spec.table, old.id])
            # the links as the attach entries name each file, so that the photos can be put back
            files = [dict(row) for row in self.db.query(
                "SELECT a.file_name, a.sha256, a.size, l.caption, l.position FROM attachment_links l "
                "JOIN attachments a ON a.id = l.attachment_id WHERE l.owner_table = ? AND l.owner_id = ? "
                "ORDER BY l.position", owned[1])]
            self.db.table("attachment_links").delete_where(*owned)
            try:
                self.db.table(spec.table).delete_where("id = ?", [old.id])
            except sqlite3.IntegrityError:
                raise StoreError(f"{self.record_title(old)}还有关联记录，不能删除") from None
            # A delete keeps the whole old record, empty fields too: the record is gone, the log is
            # all that says what it was.
            changes: dict[str, list[Any]] = {key: [value, None] for key, value in sorted(_snap(old).items())}
            if files:
                changes["attachments"] = [files, None]
            self._write_audit([self._audit_row("delete", spec.table, old.id, self._record_key(old), changes,
                                               reason=reason, source=source)])
            return self.audit_head()

    def gone(self, record: Record) -> NotFound:
        """The refusal for ``record``, which is no longer stored: who deleted it, when and from where,
        as the audit log tells (only that there is none, for a record the log never saw deleted)."""
        deleted = self.deletion(type(record), record.id)
        if not deleted:
            return NotFound(f"没有编号为 {record.id} 的{record.label}")
        return NotFound(f"{self._title_of_gone(record)}{deleted}，不必再删除")

    def deletion(self, cls: type[Record], record_id: int | None) -> str:
        """How the record ``record_id`` of kind ``cls`` was deleted, as its audit entry tells:
        ``已被 乙 于 2026-12-01 11:22:52 删除（来自“命令行”；操作日志第 345 条）``; "" when it was not."""
        row = self.db.execute(
            "SELECT id, who, at, source FROM audit_log WHERE table_name = ? AND record_id = ? AND action = 'delete' "
            "ORDER BY id DESC LIMIT 1", [spec_for(cls).table, record_id]).fetchone()
        if row is None:
            return ""
        audit_id, who, at, source = row
        origin = f"来自“{source}”；" if source else ""
        return f"已被 {who or '他人'} 于 {str(at).replace('T', ' ')} 删除（{origin}操作日志第 {audit_id} 条）"

    def _title_of_gone(self, record: Record) -> str:
        """:meth:`record_title`, or, once its alley or plan is gone too, its kind and number."""
        try:
            if self.record_identity(record)["alley_code"] is not None:
                return self.record_title(record)
        except LedgerError:
            pass
        return f"{record.label}（编号 {record.id}）"

    def delete_unlocks(self, record: Record) -> bool:
        """True when deleting ``record`` takes its plan out of the archive: a locked filing (归档锁定),
        deleted to undo a wrong lock. The plan is then no longer filed, its packet may change again,
        and its seal goes."""
        return isinstance(record, Filing) and record.locked_at is not None

    def delete_question(self, record: Record) -> str:
        """What the window and the command line ask before deleting ``record``: which record, what
        else changes with it (a locked filing's plan leaves the archive), and that the log keeps it."""
        unlocked = ""
        if self.delete_unlocks(record):
            plan = self.db.execute("SELECT a.name, p.year FROM plans p JOIN alleys a ON a.id = p.alley_id "
                                   "WHERE p.id = ?", [record.plan_id]).fetchone()  # type: ignore[attr-defined]
            name = f"改造方案「{plan[0]} {plan[1]}年」" if plan else "这个方案"
            unlocked = (f"{name}将随之解除归档锁定（封存取消，案卷可以再修改），不再算作已备案归档；"
                        "改正后须重新备案并归档锁定。")
        return f"删除{self.record_title(record)}？{unlocked}删除后可在操作日志中查到原记录。"

    def dependents(self, record: Record) -> list[Dependents]:
        """The stored records that keep ``record`` from being deleted (an alley's plans, surveys and
        problems; a plan's filing, acceptance and progress; an acceptance's filing), one entry per kind
        that has any."""
        key = record.id
        asked: list[tuple[type[Record], str]]
        if isinstance(record, Alley):
            asked = [(Plan, "SELECT year || '年' FROM plans WHERE alley_id = ? ORDER BY year"),
                     (Survey, "SELECT surveyed_on FROM surveys WHERE alley_id = ? ORDER BY surveyed_on, id"),
                     (Problem, "SELECT reported_on FROM problems WHERE alley_id = ? ORDER BY reported_on, id")]
        elif isinstance(record, Acceptance):
            # R9: a filing comes after a passed acceptance; without it the packet would print none
            asked = [(Filing, "SELECT CASE WHEN locked_at IS NULL THEN filing_no ELSE '已归档锁定' END "
                              "FROM filings WHERE plan_id = ?")]
            key = record.plan_id
        elif isinstance(record, Plan):
            asked = [(Filing, "SELECT CASE WHEN locked_at IS NULL THEN filing_no ELSE '已归档锁定' END "
                              "FROM filings WHERE plan_id = ?"),
                     (Acceptance, "SELECT accepted_on FROM acceptances WHERE plan_id = ?"),
                     (ProgressEntry, "SELECT reported_on FROM progress_reports WHERE plan_id = ? ORDER BY reported_on")]
        else:
            return []
        found = []
        for cls, sql in asked:
            rows = [row[0] or "" for row in self.db.execute(sql, [key])]
            if rows:
                found.append(Dependents(cls, len(rows), [r for r in rows if r]))
        return found

    def delete_refusal(self, record: Record) -> str | None:
        """Why ``record`` may not be deleted as things stand, or None: what depends on it, how many,
        and where to delete (or move) them first. The window asks this before it asks the clerk."""
        found = self.dependents(record)
        if not found:
            return None
        listed = "、".join(d.text() for d in found)
        them = "它" if sum(d.count for d in found) == 1 else "它们"
        places = "".join(f"「{DELETED_ON_PAGE[d.kind]}」" for d in found if d.kind in DELETED_ON_PAGE)
        first = f"请先在{places}页删除{them}" if places else f"请先删除{them}"
        if any(d.kind is ProgressEntry for d in found):
            first += "（月调度进度在「改造方案」页的“月调度进度”框中删除，或用命令 alley-ledger delete progress）"
        if isinstance(record, Alley):
            advice = (f"{first}；若{them}其实属于另一条街巷（街巷录重了），在各自页面改选正确的街巷后保存即可。"
                      "然后再删除这条街巷。")
        elif isinstance(record, Plan):
            advice = f"{first}，再删除这个方案；方案只是不再列入本年度的，请用“撤销”（记录保留）。"
        else:
            advice = f"{first}，再删除这份{record.label}。"
        return f"不能删除{self.record_title(record)}：它还有关联记录——{listed}。{advice}"

    def _max_id(self, table: str) -> int:
        """The highest id ever given in ``table`` (ids of deleted records are not given again)."""
        used = self.db.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}").fetchone()[0]
        seq = self.db.execute("SELECT seq FROM sqlite_sequence WHERE name = ?", [table]).fetchone()
        return max(used, seq[0] if seq else 0)

    def _insert_rows(self, spec: TableSpec, records: list[Record]) -> None:
        """Insert records and their child rows."""
        rows, children = insert_rows(spec, records)
        # executemany, not Table.insert_all(): the demo's 220,572 record and child rows take 0.62 s
        # this way and 1.44 s through insert_all() (2.06 s given dicts), which writes 999 values a
        # statement at most (36 alleys), each in its own savepoint, and stores a Decimal as a float.
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
                      changed: Collection[str] | None = None, *, doing: str = "修改") -> dict[int, str]:
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
                f"该方案已于 {min(touched.values())[:10]} 归档锁定{what}，{doing}须作为“更正”并填写原因（会记入操作日志）"
            )
        return touched

    # ---------------------------------------------------------------- reading records
    def get(self, cls: type[R], record_id: int | None) -> R:
        """The record of kind ``cls`` with ``record_id``; :class:`NotFound` if there is none (also for
        the None id of a record not stored yet)."""
        found = self._load(cls, "WHERE t.id = ?", [record_id]) if record_id is not None else []
        if not found:
            raise NotFound(f"没有编号为 {record_id} 的{cls.label}")
        return found[0]

    def all(self, cls: type[R]) -> list[R]:
        """Every record of kind ``cls``, whole, in storage order."""
        return self._load(cls)

    def facts(self, cls: type[F]) -> list[F]:
        """The facts rows (:mod:`core.records.facts`) of every record of ``cls.record``, in storage
        order: only the fields the rules read, a third of the data (the county check on 10,000
        alleys reads them in a fraction of the time whole records take)."""
        columns = cls.columns()
        if columns[0] != "id" or tuple(f.name for f in dataclasses.fields(cls)) != (*columns, *cls.from_children):
            raise TypeError(f"{cls.__name__}: id must come first and the fields read from child tables last")
        children = [self.child_values(cls.record, path) for path in cls.from_children.values()]
        rows = self.values(cls.record, columns)
        with gc_paused():
            return [cls(*row, *(tuple(grouped.get(row[0], ())) for grouped in children)) for row in rows]

    def values(self, cls: type[Record], names: Sequence[str]) -> list[tuple[Any, ...]]:
        """The fields ``names`` of every record of kind ``cls``, in storage order, one tuple per record
        in the order of ``names`` (dates as dates, JSON lists as tuples): for jobs whose columns are
        data, such as the ledger export (its columns come from the exchange's column table).
        Fields of the record's own table only; child lists are read with :meth:`child_values`."""
        spec = spec_for(cls)
        unknown = [name for name in names if name not in spec.columns]
        if unknown:
            raise ValueError(f"{cls.__name__} has no field {unknown[0]!r} in its table")
        readers = value_readers(spec, tuple(names))
        cursor = self.db.conn.execute(f"SELECT {', '.join(names)} FROM {spec.table} ORDER BY id")
        if not readers:
            return cursor.fetchall()
        out = []
        with gc_paused():
            for row in cursor:
                values = list(row)
                for i, read in readers:
                    if values[i] is not None:
                        values[i] = read(values[i])
                out.append(tuple(values))
        return out

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

    def _load(self, cls: type[R], where: str = "", params: Sequence[Any] = (), order: str = "t.id") -> list[R]:
        """Records of kind ``cls`` whole, with their child lists: the rows of its table that ``where``
        selects (a clause on ``t``, the table), in ``order``."""
        with gc_paused():
            return self._load_rows(cls, spec_for(cls), where, params, order)

    def _load_rows(self, cls: type[R], spec: TableSpec, where: str, params: Sequence[Any], order: str) -> list[R]:
        cursor = self.db.conn.execute(f"SELECT t.* FROM {spec.table} t {where} ORDER BY {order}", params)
        build = cast("Callable[[tuple[Any, ...]], R]", row_builder(spec, tuple(d[0] for d in cursor.description)))
        records = [build(row) for row in cursor]
        for child in spec.children:
            head = (f"SELECT c.{child.parent_key}, c.position, {', '.join(f'c.{name}' for name in child.columns)} "
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
            grouped = group_children(child, cursor)
            for record in records:
                record.__dict__[child.field] = grouped.get(record.id, []) if record.id is not None else []
        return records

    def alley(self, code: str) -> Alley:
        """The alley with ``code``; :class:`NotFound` if there is none."""
        found = self._load(Alley, "WHERE t.code = ?", [code])
        if not found:
            raise NotFound(f"没有街巷编码为「{code}」的街巷")
        return found[0]

    def alleys(self, *, year: int | None = None) -> list[Alley]:
        """All alleys by code; with ``year``, only those that have a plan in that year."""
        if year is None:
            return self._load(Alley, order="t.code")
        return self._load(
            Alley, "WHERE t.id IN (SELECT alley_id FROM plans WHERE year = ?)", [year], "t.code"
        )

    def surveys(self, alley_id: int | None = None) -> list[Survey]:
        """Surveys, oldest first; only one alley's with ``alley_id``."""
        if alley_id is None:
            return self._load(Survey, order="t.alley_id, t.surveyed_on, t.id")
        return self._load(Survey, "WHERE t.alley_id = ?", [alley_id],
                          "t.surveyed_on, t.id")

    def plans(self, *, year: int | None = None, alley_id: int | None = None) -> list[Plan]:
        """Plans ordered by year and alley code, optionally of one year or one alley."""
        clause, params = where(("t.year = ?", [year]) if year is not None else None,
                               ("t.alley_id = ?", [alley_id]) if alley_id is not None else None)
        return self._load(Plan, "JOIN alleys a ON a.id = t.alley_id " + clause, params, "t.year, a.code")

    def progress(self, *, plan_id: int | None = None, month: tuple[int, int] | None = None) -> list[ProgressEntry]:
        """Monthly progress reports, oldest first; of one plan, or reported in one (year, month)."""
        clause, params = where(
            ("t.plan_id = ?", [plan_id]) if plan_id is not None else None,
            ("t.reported_on >= ? AND t.reported_on < ?",
             [f"{month[0]}-{month[1]:02d}-01", f"{month[0] + month[1] // 12}-{month[1] % 12 + 1:02d}-01"])
            if month is not None else None)
        return self._load(ProgressEntry, clause, params, "t.reported_on, t.id")

    def acceptances(self, *, year: int | None = None) -> list[Acceptance]:
        """Acceptances, optionally of plans of one year."""
        return self._of_plans(Acceptance, year)

    def filings(self, *, year: int | None = None) -> list[Filing]:
        """Filings, optionally of plans of one year."""
        return self._of_plans(Filing, year)

    def acceptance_for(self, plan_id: int | None) -> Acceptance | None:
        """The acceptance of one plan, if recorded (None for a plan not stored yet)."""
        found = self._load(Acceptance, "WHERE t.plan_id = ?", [plan_id]) if plan_id is not None else []
        return found[0] if found else None

    def filing_for(self, plan_id: int | None) -> Filing | None:
        """The filing of one plan, if recorded (None for a plan not stored yet)."""
        found = self._load(Filing, "WHERE t.plan_id = ?", [plan_id]) if plan_id is not None else []
        return found[0] if found else None

    def filing_numbers(self) -> dict[int | None, str]:
        """Filing number (备案编号) of every filed plan, by plan id."""
        return dict(self.db.execute("SELECT plan_id, filing_no FROM filings").fetchall())

    def _of_plans(self, cls: type[R], year: int | None) -> list[R]:
        where, params = "JOIN plans p ON p.id = t.plan_id", []
        if year is not None:
            where += " WHERE p.year = ?"
            params.append(year)
        return self._load(cls, where, params, "p.year, t.plan_id")

    def problems(self, *, year: int | None = None, alley_id: int | None = None) -> list[Problem]:
        """Problems, newest first; optionally reported in one year or about one alley."""
        clause, params = where(
            ("t.reported_on >= ? AND t.reported_on < ?", [f"{year}-01-01", f"{year + 1}-01-01"]) if year is not None else None,
            ("t.alley_id = ?", [alley_id]) if alley_id is not None else None)
        return self._load(Problem, clause, params, "t.reported_on DESC, t.id DESC")

    def counts(self) -> dict[str, int]:
        """How many records of each kind the database holds."""
        return {
            table: self.db.table(table).count
            for table in ("alleys", "surveys", "plans", "progress_reports", "acceptances", "filings",
                          "problems", "attachments", "audit_log")
        }

    def alley_codes_by_id(self) -> dict[int | None, str]:
        """Map of alley id to code, for labelling rows of other tables (looked up with the records'
        ``alley_id``, typed optional as a record's ids are before it is stored)."""
        return {row[0]: row[1] for row in self.db.execute("SELECT id, code FROM alleys")}

    def plan_keys(self) -> dict[int | None, tuple[str, int]]:
        """Map of plan id to (alley code, year)."""
        return {
            row[0]: (row[1], row[2])
            for row in self.db.execute("SELECT p.id, a.code, p.year FROM plans p JOIN alleys a ON a.id = p.alley_id")
        }

    def records_by_id(self, cls: type[R], ids: set[int]) -> list[R]:
        """The records of kind ``cls`` with the given ids (those that exist), whole."""
        wanted = sorted(ids)
        found: list[R] = []
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            found += self._load(cls, f"WHERE t.id IN ({','.join('?' * len(chunk))})", chunk)
        return found



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


_EMPTY: tuple[Any, ...] = (None, "", [], {}, 0, False)

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
