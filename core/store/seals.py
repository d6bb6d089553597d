"""What the lock of a filed plan covers, and the seal that shows it was not changed behind the
program's back (归档锁定的范围与封存校验).

A filed (归档锁定) plan's packet prints the plan, its progress, acceptance and filing with its
documents, the alley's name and place, the alley's surveys up to the plan's year (or all of them,
when none is that old) and their photos. Every one of these needs an amendment reason to change,
through every path (forms, import, command line); :func:`covering` says which locked plans a
change to a record touches.

When a plan is locked, and after every amendment, the program stores a SHA-256 of all of it as
stored (:func:`reseal`): every column of every row but who changed it when, as SQLite writes it
out. A schema upgrade that adds a column seals every locked plan again — except those whose seal
did not hold before the upgrade, which stay reported. ``alley-ledger doctor`` computes it again: a difference means the content
was changed outside the program (with a database tool), since every change the program makes to
it goes with a reason and a new seal.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

ALLEY_FIELDS = frozenset({"code", "name", "subdistrict", "community"})
"""The alley's fields the packet prints (its other fields — the 街巷长's phone — stay free)."""
_SKIPPED = frozenset({"changed_at", "changed_by"})


def locked_plans(conn: sqlite3.Connection, alley_id: int) -> dict[int, tuple[int, str]]:
    """The locked plans of one alley: {plan id: (year, locked_at)}."""
    rows = conn.execute(
        "SELECT p.id, p.year, f.locked_at FROM plans p JOIN filings f ON f.plan_id = p.id "
        "WHERE p.alley_id = ? AND f.locked_at IS NOT NULL", [alley_id]).fetchall()
    return {plan_id: (year, locked_at) for plan_id, year, locked_at in rows}


def plan_lock(conn: sqlite3.Connection, plan_id: int | None) -> str | None:
    """When plan ``plan_id`` was locked, or None."""
    if plan_id is None:
        return None
    row = conn.execute("SELECT locked_at FROM filings WHERE plan_id = ?", [plan_id]).fetchone()
    return row[0] if row and row[0] else None


def survey_covered(conn: sqlite3.Connection, alley_id: int, survey_id: int | None, surveyed_on: date | str,
                   plans: dict[int, tuple[int, str]]) -> dict[int, str]:
    """The locked plans whose packet prints (or would print) a survey of ``alley_id`` dated
    ``surveyed_on``: those of its year or later, and those whose alley has no other survey old
    enough (their packet falls back to the newest survey)."""
    year = int(str(surveyed_on)[:4])
    out = {}
    for plan_id, (plan_year, locked_at) in plans.items():
        if year <= plan_year:
            out[plan_id] = locked_at
            continue
        older = conn.execute(
            "SELECT 1 FROM surveys WHERE alley_id = ? AND id IS NOT ? AND substr(surveyed_on, 1, 4) <= ? LIMIT 1",
            [alley_id, survey_id, f"{plan_year:04d}"]).fetchone()
        if older is None:
            out[plan_id] = locked_at
    return out


def covering(conn: sqlite3.Connection, record: Any, changed: Iterable[str] | None = None) -> dict[int, str]:
    """The locked plans whose packet ``record`` belongs to: {plan id: locked_at}.

    ``changed`` names the fields a save changes (None: the record is added or removed whole); an
    alley is covered only for the fields the packet prints.
    """
    from core.records import Acceptance, Alley, Filing, Plan, ProgressEntry, Survey

    if isinstance(record, Plan):
        locked = plan_lock(conn, record.id)
        return {record.id: locked} if locked and record.id is not None else {}
    if isinstance(record, (Acceptance, Filing, ProgressEntry)):
        locked = plan_lock(conn, record.plan_id)
        return {record.plan_id: locked} if locked and record.plan_id is not None else {}
    if isinstance(record, Alley):
        if record.id is None or (changed is not None and not ALLEY_FIELDS.intersection(changed)):
            return {}
        return {pid: locked_at for pid, (_, locked_at) in locked_plans(conn, record.id).items()}
    if isinstance(record, Survey):
        if record.alley_id is None:
            return {}
        plans = locked_plans(conn, record.alley_id)
        return survey_covered(conn, record.alley_id, record.id, record.surveyed_on, plans) if plans else {}
    return {}


# ---------------------------------------------------------------------------------- the seal
def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    """The columns of ``table`` a seal covers (all but changed_at/changed_by)."""
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})") if row[1] not in _SKIPPED]


def _rows(conn: sqlite3.Connection, table: str, key: str, ids: Iterable[int], order: str = "id",
          columns: Iterable[str] | None = None, extra: str = "") -> dict[Any, list[tuple[Any, ...]]]:
    """Rows of ``table`` whose ``key`` is one of ``ids``: (``extra`` columns …, the row as JSON
    text made by SQLite). Hashing SQLite's own text of each row keeps sealing and checking 6,000
    locked plans to a tenth of a second (a dict per row in Python took 1.1 s)."""
    shown = ", ".join(columns if columns is not None else _columns(conn, table))
    wanted = sorted(set(ids))
    out: dict[Any, list[tuple[Any, ...]]] = defaultdict(list)
    for start in range(0, len(wanted), 900):
        chunk = wanted[start:start + 900]
        cursor = conn.execute(f"SELECT {key}{extra}, json_array({shown}) FROM {table} WHERE {key} IN "
                              f"({','.join('?' * len(chunk))}) ORDER BY {key}, {order}", chunk)
        for row in cursor:
            out[row[0]].append(row[1:])
    return out


def fingerprints(conn: sqlite3.Connection, plan_ids: Iterable[int]) -> dict[int, str]:
    """The seal of each plan (that still exists): SHA-256 of everything its locked packet holds."""
    plan_ids = sorted(set(plan_ids))
    if not plan_ids:
        return {}
    plans = {pid: rows[0] for pid, rows in _rows(conn, "plans", "id", plan_ids, extra=", alley_id, year").items()}
    alleys = _rows(conn, "alleys", "id", {alley for alley, _, _ in plans.values()}, columns=sorted(ALLEY_FIELDS))
    measures = _rows(conn, "plan_measures", "plan_id", plans, "position")
    progress = _rows(conn, "progress_reports", "plan_id", plans)
    acceptances = _rows(conn, "acceptances", "plan_id", plans)
    filings = _rows(conn, "filings", "plan_id", plans, extra=", id")
    filing_of: dict[Any, int] = {pid: rows[0][0] for pid, rows in filings.items()}
    documents = _rows(conn, "filing_documents", "filing_id", filing_of.values(), "position")
    surveys = _rows(conn, "surveys", "alley_id", alleys, "surveyed_on, id", extra=", id, surveyed_on")
    survey_ids = [s[0] for rows in surveys.values() for s in rows]
    pipes = _rows(conn, "survey_pipes", "survey_id", survey_ids, "position")
    links = _links(conn, survey_ids, filing_of.values())
    out = {}
    for pid, (alley_id, year, plan) in plans.items():
        own = surveys.get(alley_id, [])
        printed = [s for s in own if int(str(s[1])[:4]) <= year] or own
        filing_id = filing_of.get(pid)
        parts = ["alley", *(r[-1] for r in alleys.get(alley_id, [])), "plan", plan,
                 "measures", *(r[-1] for r in measures.get(pid, [])),
                 "progress", *(r[-1] for r in progress.get(pid, [])),
                 "acceptance", *(r[-1] for r in acceptances.get(pid, [])),
                 "filing", *(r[-1] for r in filings.get(pid, [])),
                 "documents", *(r[-1] for r in documents.get(filing_id, [])),
                 "files", *links.get(("filings", filing_id), [])]
        for survey_id, _, text in printed:
            parts += ["survey", text, *(r[-1] for r in pipes.get(survey_id, [])),
                      *links.get(("surveys", survey_id), [])]
        out[pid] = hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()
    return out


def _links(conn: sqlite3.Connection, survey_ids: list[int], filing_ids: Iterable[int]
           ) -> dict[tuple[str, int | None], list[str]]:
    """Files linked to the surveys and filings: (table, id) → their [sha256, caption, position] as JSON."""
    out: dict[tuple[str, int | None], list[str]] = defaultdict(list)
    for table, ids in (("surveys", survey_ids), ("filings", sorted(set(filing_ids)))):
        for start in range(0, len(ids), 900):
            chunk = ids[start:start + 900]
            cursor = conn.execute(
                "SELECT l.owner_id, json_array(a.sha256, l.caption, l.position) FROM attachment_links l "
                "JOIN attachments a ON a.id = l.attachment_id WHERE l.owner_table = ? AND l.owner_id IN "
                f"({','.join('?' * len(chunk))}) ORDER BY l.owner_id, l.position, l.id", [table, *chunk])
            for owner_id, text in cursor:
                out[(table, owner_id)].append(text)
    return out


def reseal(conn: sqlite3.Connection, plan_ids: Iterable[int], *, now: datetime | None = None) -> None:
    """Store the seal of each plan that is locked now, and drop the seal of each that is not."""
    wanted = set(plan_ids)
    if not wanted:
        return
    ordered = sorted(wanted)
    locked: set[int] = set()
    for start in range(0, len(ordered), 900):
        chunk = ordered[start:start + 900]
        locked.update(row[0] for row in conn.execute(
            f"SELECT plan_id FROM filings WHERE locked_at IS NOT NULL AND plan_id IN ({','.join('?' * len(chunk))})",
            chunk))
    stamp = (now or datetime.now()).replace(microsecond=0).isoformat()
    conn.executemany("INSERT OR REPLACE INTO seals (plan_id, sealed_at, sha256) VALUES (?, ?, ?)",
                     [(pid, stamp, digest) for pid, digest in fingerprints(conn, locked).items()])
    gone = wanted - locked
    if gone:
        conn.executemany("DELETE FROM seals WHERE plan_id = ?", [(pid,) for pid in gone])


def unsealed(conn: sqlite3.Connection) -> list[int]:
    """Locked plans without a seal (locked before seals existed, or the seal was removed)."""
    return [row[0] for row in conn.execute(
        "SELECT f.plan_id FROM filings f LEFT JOIN seals s ON s.plan_id = f.plan_id "
        "WHERE f.locked_at IS NOT NULL AND s.plan_id IS NULL ORDER BY f.plan_id")]


def broken(conn: sqlite3.Connection) -> list[tuple[int, str]]:
    """Locked plans whose content no longer matches their seal: [(plan id, sealed at)]."""
    sealed = dict(conn.execute("SELECT plan_id, sha256 FROM seals").fetchall())
    when = dict(conn.execute("SELECT plan_id, sealed_at FROM seals").fetchall())
    now = fingerprints(conn, sealed)
    return [(pid, when[pid]) for pid, digest in sorted(sealed.items()) if now.get(pid) != digest]


__all__ = ["ALLEY_FIELDS", "broken", "covering", "fingerprints", "locked_plans", "plan_lock", "reseal", "survey_covered",
           "unsealed"]
