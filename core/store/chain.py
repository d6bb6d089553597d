"""The audit log as a hash chain (操作日志防篡改链).

Each entry carries the SHA-256 of the entry before it and of its own fields (id, time, who, what,
table, record, changes, reason, source), whatever their shape: an insert names its record with
empty changes, an update its fields old → new, a delete the whole old record (core.store.history).
An entry edited or deleted with a database tool no longer fits its neighbour, and
:func:`verify` names the first entry where the chain breaks. The newest entry's id and hash are
also kept in ``meta`` (``audit_head``), so entries cut off the end show too.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64
"""The "previous hash" of the first entry."""
FIELDS = ("at", "who", "action", "table_name", "record_id", "record_key", "changes", "reason", "source")
_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_INSERT = (f"INSERT INTO audit_log (id, {', '.join(FIELDS)}, hash) "
           f"VALUES ({', '.join('?' * (len(FIELDS) + 2))})")


def entry_hash(previous: str, entry: Sequence[Any]) -> str:
    """The hash of one entry (id first, then :data:`FIELDS`) following ``previous``."""
    return hashlib.sha256((previous + _encode(list(entry))).encode("utf-8")).hexdigest()


def _head(conn: sqlite3.Connection) -> tuple[int, str]:
    """(highest id ever given, hash of the newest entry)."""
    row = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    seq = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").fetchone()
    last_id = max(row[0] if row else 0, seq[0] if seq else 0)
    return last_id, (row[1] if row and row[1] else GENESIS)


def append(conn: sqlite3.Connection, rows: Iterable[Sequence[Any]]) -> None:
    """Insert audit entries (each :data:`FIELDS` in order) at the end of the chain.

    Runs inside the caller's write transaction, which holds SQLite's write lock: nobody else can
    add an entry between reading the head and writing after it.
    """
    last_id, previous = _head(conn)
    out = []
    for row in rows:
        last_id += 1
        entry = (last_id, *row)
        previous = entry_hash(previous, entry)
        out.append((*entry, previous))
    if not out:
        return
    conn.executemany(_INSERT, out)
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('audit_head', ?)",
                 [_encode([last_id, previous])])


def fill_missing(conn: sqlite3.Connection) -> int:
    """Give every entry without a hash (a database from before the chain) its place in the chain,
    continuing from the last entry that has one. Returns how many entries were chained."""
    rows = conn.execute("SELECT id, hash FROM audit_log WHERE hash = '' ORDER BY id LIMIT 1").fetchone()
    if rows is None:
        return 0
    first = rows[0]
    before = conn.execute("SELECT hash FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT 1", [first]).fetchone()
    previous = before[0] if before and before[0] else GENESIS
    cursor = conn.execute(f"SELECT id, {', '.join(FIELDS)} FROM audit_log WHERE id >= ? ORDER BY id", [first])
    updates = []
    last_id = first
    for entry in cursor.fetchall():
        previous = entry_hash(previous, entry)
        updates.append((previous, entry[0]))
        last_id = entry[0]
    conn.executemany("UPDATE audit_log SET hash = ? WHERE id = ?", updates)
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('audit_head', ?)", [_encode([last_id, previous])])
    return len(updates)


@dataclass(frozen=True)
class Break:
    """Where the chain does not hold: the entry, and what is wrong with it (Chinese)."""

    entry_id: int
    at: str
    message: str


def verify(conn: sqlite3.Connection, *, since_id: int = 0, progress: Callable[[int], None] | None = None,
           limit: int = 20) -> tuple[int, list[Break]]:
    """Check the chain from entry ``since_id`` on (0: all of it); returns (entries checked, breaks).

    Read a slice at a time: 10,000 alleys' worth of log is 100,000 entries. After a break, the
    chain is checked on from the stored hash, so each tampered place is named once.
    """
    previous = GENESIS
    if since_id:
        before = conn.execute("SELECT hash FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT 1", [since_id]).fetchone()
        previous = before[0] if before else GENESIS
    cursor = conn.execute(f"SELECT id, {', '.join(FIELDS)}, hash FROM audit_log WHERE id >= ? ORDER BY id", [since_id])
    checked = 0
    breaks: list[Break] = []
    last_id, last_hash = 0, previous
    while True:
        batch = cursor.fetchmany(5000)
        if not batch:
            break
        for row in batch:
            entry, stored = row[:-1], row[-1]
            expected = entry_hash(previous, entry)
            if stored != expected and len(breaks) < limit:
                breaks.append(Break(entry[0], entry[1] or "", _why(conn, entry, stored, previous)))
            previous = stored or expected
            last_id, last_hash = entry[0], previous
            checked += 1
        if progress is not None:
            progress(checked)
    head = conn.execute("SELECT value FROM meta WHERE key = 'audit_head'").fetchone()
    if head is not None and len(breaks) < limit:
        try:
            head_id, head_hash = json.loads(head[0])
        except (ValueError, TypeError):
            head_id, head_hash = None, None
        if head_id is not None and head_id > last_id:
            breaks.append(Break(head_id, "", f"操作日志末尾的第 {last_id + 1}–{head_id} 条记录不见了（被删除）"))
        elif head_id == last_id and head_hash != last_hash:
            breaks.append(Break(head_id, "", f"操作日志第 {head_id} 条与记下的末尾校验值不符"))
    return checked, breaks


def _why(conn: sqlite3.Connection, entry: Sequence[Any], stored: str, previous: str) -> str:
    if not stored:
        return f"操作日志第 {entry[0]} 条没有校验值（不是由本程序写入的）"
    gap = conn.execute("SELECT MAX(id) FROM audit_log WHERE id < ?", [entry[0]]).fetchone()[0]
    if gap is not None and gap != entry[0] - 1 and entry_hash(previous, entry) != stored:
        return f"操作日志第 {gap + 1}–{entry[0] - 1} 条不见了（被删除），或第 {entry[0]} 条被改动"
    return f"操作日志第 {entry[0]} 条（{entry[1]}）的内容与校验值不符：被改动过，或它前面的记录被删除"


__all__ = ["Break", "FIELDS", "GENESIS", "append", "entry_hash", "fill_missing", "verify"]
