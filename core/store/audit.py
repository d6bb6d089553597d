"""The audit log (操作日志): one entry per write — who, when, which record, what changed — linked in
a hash chain (:mod:`core.store.chain`), and the lookups that name records in it."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from core.records import (
    Acceptance,
    Alley,
    Filing,
    Plan,
    Problem,
    ProgressEntry,
    Record,
    Survey,
)
from core.store import chain
from core.store.connection import Connection, _now, where


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



RECORD_NAMES: dict[type[Record], str] = {
    Alley: "alley", Survey: "survey", Plan: "plan", ProgressEntry: "progress", Acceptance: "acceptance",
    Filing: "filing", Problem: "problem",
}
"""The name of each kind of record in :meth:`AuditLog.record_identity` (and the ``delete`` command)."""


class AuditLog(Connection):
    """Writing and reading the audit log."""

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

    def _record_key(self, record: Record) -> str:
        """The human key of one record (see :meth:`_record_keys`)."""
        return self._record_keys([record])[0]

    def record_identity(self, record: Record) -> dict[str, Any]:
        """What tells ``record`` apart, for a clerk and a script alike: its ``kind`` (alley, survey,
        plan, progress, acceptance, filing, problem), ``id``, its alley's ``alley_code`` and
        ``alley_name``, and what tells it from its alley's other records of the kind (a plan's
        ``year``, a survey's ``surveyed_on`` …)."""
        kind = RECORD_NAMES[type(record)]
        if isinstance(record, Alley):
            return {"kind": kind, "id": record.id, "alley_code": record.code, "alley_name": record.name}
        plan = None
        if isinstance(record, (Acceptance, Filing, ProgressEntry)):
            plan = self.db.execute("SELECT alley_id, year FROM plans WHERE id = ?", [record.plan_id]).fetchone()
        alley_id = plan[0] if plan else getattr(record, "alley_id", None)
        alley = self.db.execute("SELECT code, name FROM alleys WHERE id = ?", [alley_id]).fetchone()
        identity: dict[str, Any] = {"kind": kind, "id": record.id, "alley_code": alley[0] if alley else None,
                                    "alley_name": alley[1] if alley else None}
        if isinstance(record, Survey):
            identity["surveyed_on"] = record.surveyed_on
        elif isinstance(record, Plan):
            identity["year"] = record.year
        elif plan is not None:
            identity["year"] = plan[1]
            if isinstance(record, ProgressEntry):
                identity["reported_on"] = record.reported_on
        elif isinstance(record, Problem):
            identity.update(reported_on=record.reported_on, description=record.description)
        return identity

    def record_title(self, record: Record) -> str:
        """How a clerk names ``record`` in a question or a refusal: 街巷「槐树巷」（4501230001）,
        改造方案「槐树巷 2023年」（4501230001）, 问题「槐树巷 2025-09-26 井盖缺失」（编号 12）…"""
        who = self.record_identity(record)
        name, code = who["alley_name"] or "", who["alley_code"] or ""
        if isinstance(record, Alley):
            return f"{record.label}「{name}」（{code}）"
        if isinstance(record, Problem):
            # its first clause, cut at 12 characters: enough to tell two problems of a day apart
            text = re.split(r"[，。；;,.\n]", record.description.strip(), maxsplit=1)[0]
            text = text[:12] + "…" if len(text) > 12 or text != record.description.strip() else text
            return f"{record.label}「{name} {record.reported_on} {text}」（编号 {record.id}）"
        what = " ".join(str(part) for part in (
            f"{who['year']}年" if "year" in who else None, who.get("surveyed_on"), who.get("reported_on"))
            if part is not None)
        return f"{record.label}「{name} {what}」（{code}）"

    def _audit_row(self, action: str, table: str, record_id: int | None, key: str, changes: dict,
                   *, reason: str = "", source: str = "", at: str | None = None, who: str | None = None) -> tuple:
        return (at or _now(), who or self.user, action, table, record_id, key, _json_audit(changes), reason, source)

    def _write_audit(self, rows: list[tuple]) -> None:
        chain.append(self.db.conn, rows)

    def _audit(self, action: str, table: str, record_id: int | None, key: str, changes: dict,
               reason: str = "", source: str = "") -> None:
        self._write_audit([self._audit_row(action, table, record_id, key, changes, reason=reason, source=source)])

    def audit_head(self) -> int:
        """The id of the newest audit entry (0 for none): it changes with every write."""
        return self.db.execute("SELECT COALESCE(MAX(id), 0) FROM audit_log").fetchone()[0]

    def note(self, action: str, message: str, *, source: str = "") -> None:
        """Add an audit entry for an operation that is not a record change (import, backup, demo)."""
        with self.transaction():
            self._audit(action, "ledger", None, message, {}, source=source)

    def audit(self, *, table: str | None = None, record_id: int | None = None, limit: int | None = None) -> list[AuditEntry]:
        """Audit entries, newest first, optionally of one table or one record."""
        clause, params = where(("table_name = ?", [table]) if table is not None else None,
                               ("record_id = ?", [record_id]) if record_id is not None else None)
        sql = "SELECT * FROM audit_log " + clause
        sql += " ORDER BY id DESC" + (f" LIMIT {int(limit)}" if limit else "")
        return [AuditEntry(**{**row, "changes": json.loads(row["changes"])}) for row in self.db.query(sql, params)]



# One encoder, made once: json.dumps with options builds a new encoder on every call.
_json_audit = json.JSONEncoder(ensure_ascii=False, default=str).encode
