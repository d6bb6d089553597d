"""Checking a ledger database for damage and tampering (数据库检查, ``alley-ledger doctor``).

Six checks, each reported with what it found in Chinese and the record it concerns:

- ``integrity``: SQLite's own check of the file (``quick_check`` in the short run at opening);
- ``foreign_keys``: every survey, plan, acceptance … belongs to a record that exists;
- ``dates``: no record carries a date outside 1900–2100 (stored before such dates were refused);
- ``audit_chain``: the audit log's hash chain holds (no entry changed or deleted);
- ``seals``: every locked plan's packet is as it was locked or last amended in the program;
- ``attachments``: every stored file matches its SHA-256 (the full run only: it reads every file).

The database is read through a connection of its own that never writes, so a damaged file or one
another program writes to can be checked too.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from core.errors import checker
from core.outputs import is_database
from core.paths import sqlite_uri
from core.store import chain, seals

CHECKS = ("integrity", "foreign_keys", "dates", "audit_chain", "seals", "attachments")
QUICK_CHAIN_ENTRIES = 2000
"""The short run checks the newest entries of the audit log only."""
QUICK_SKIPS = ("seals", "attachments")
"""What the short run at opening leaves to the full one: its work is SQLite's (which lets the
window go on), not the program's own hashing (the seals of 6,000 locked plans: 0.34 s that held
up the window at start)."""
_TABLE_LABELS = {"surveys": "调查摸底", "plans": "改造方案", "progress_reports": "月调度进度", "acceptances": "竣工验收",
                 "filings": "备案归档", "filing_documents": "卷内文件", "plan_measures": "方案措施",
                 "survey_pipes": "管线", "attachment_links": "附件", "problems": "问题", "seals": "封存校验值"}


@dataclass(frozen=True)
class Finding:
    """One problem found: which check, how serious, what, and which record."""

    check: str
    severity: str  # error / warning
    message: str
    record: str = ""


@dataclass
class Report:
    """What :func:`examine` found."""

    db: str
    quick: bool
    findings: list[Finding] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=dict)
    """How many things each check looked at (pages are not counted: 1 for the file)."""
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """Nothing wrong (warnings included)."""
        return not self.findings

    def to_json(self) -> dict[str, Any]:
        """The ``doctor --json`` document."""
        return {"db": self.db, "ok": self.ok, "quick": self.quick, "checked": self.checked,
                "findings": [asdict(f) for f in self.findings], "seconds": round(self.seconds, 2)}

    def text(self) -> str:
        """The report as lines a clerk reads."""
        head = f"数据库检查（{'快速' if self.quick else '完整'}）：{self.db}"
        if self.ok:
            parts = "、".join(f"{_CHECK_LABELS[k]} {v}" for k, v in self.checked.items())
            return f"{head}\n没有发现问题（{parts}）"
        lines = [head, f"发现 {len(self.findings)} 个问题："]
        lines += [f"  [{_CHECK_LABELS.get(f.check, f.check)}] {f.message}" for f in self.findings]
        return "\n".join(lines)


_CHECK_LABELS = {"integrity": "文件完整性", "foreign_keys": "记录关联", "dates": "日期范围", "audit_chain": "操作日志校验链",
                 "seals": "归档封存", "attachments": "附件校验", "file": "文件"}


def examine(path: Path | str, *, quick: bool = False, progress: Callable[[int, str], None] | None = None,
            cancel: Callable[[], bool] | None = None) -> Report:
    """Check the database at ``path``; never writes to it. ``quick`` is the short run at opening:
    SQLite's quick check, references, dates and the newest :data:`QUICK_CHAIN_ENTRIES` entries of
    the chain (:data:`QUICK_SKIPS` are left to the full run)."""
    started = time.perf_counter()
    step = checker(progress, cancel, "检查已取消")
    path = Path(path)
    report = Report(str(path), quick)
    if not path.is_file():
        report.findings.append(Finding("file", "error", f"找不到数据库文件「{path}」"))
        return report
    if not is_database(path):
        report.findings.append(Finding("file", "error", f"「{path.name}」不是 SQLite 数据库文件（文件头已损坏，或根本不是数据库）"))
        return report
    try:
        # sqlite3 itself, not sqlite-utils' Database: the file may be damaged or not ours, so it is
        # read as it is (damaged text too) with plain SELECTs that Table.count()/exists() would wrap.
        conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True, timeout=10)
    except sqlite3.Error as error:
        report.findings.append(Finding("file", "error", f"无法打开数据库：{error}"))
        return report
    conn.text_factory = lambda raw: raw.decode("utf-8", errors="replace")  # damaged text is still read
    try:
        for name, run in (("integrity", _integrity), ("foreign_keys", _foreign_keys), ("dates", _dates),
                          ("audit_chain", _chain), ("seals", _seals), ("attachments", _attachments)):
            if quick and name in QUICK_SKIPS:
                continue
            step(int(100 * CHECKS.index(name) / len(CHECKS)), f"检查{_CHECK_LABELS[name]}")
            try:
                run(conn, report)
            except sqlite3.DatabaseError as error:
                report.findings.append(Finding(name, "error", f"{_CHECK_LABELS[name]}无法检查，数据库已损坏：{error}"))
                if name == "integrity":
                    break
    finally:
        conn.close()
    report.seconds = time.perf_counter() - started
    step(100, "完成")
    return report


def _integrity(conn: sqlite3.Connection, report: Report) -> None:
    rows = [r[0] for r in conn.execute(f"PRAGMA {'quick_check' if report.quick else 'integrity_check'}(20)")]
    report.checked["integrity"] = 1
    if rows != ["ok"]:
        for text in rows:
            report.findings.append(Finding("integrity", "error", f"数据库文件有损坏：{text}"))


def _foreign_keys(conn: sqlite3.Connection, report: Report) -> None:
    rows = conn.execute("PRAGMA foreign_key_check").fetchall()
    report.checked["foreign_keys"] = len(rows)
    for table, rowid, parent, _ in rows[:50]:
        label = _TABLE_LABELS.get(table, table)
        report.findings.append(Finding("foreign_keys", "error",
                                       f"{label}第 {rowid} 行所属的{_TABLE_LABELS.get(parent, parent)}记录不存在",
                                       f"{table}:{rowid}"))
    links = conn.execute("SELECT l.id FROM attachment_links l LEFT JOIN attachments a ON a.id = l.attachment_id "
                         "WHERE a.id IS NULL LIMIT 50").fetchall()
    for (link,) in links:
        report.findings.append(Finding("foreign_keys", "error", f"附件链接 {link} 指向的文件不存在", f"attachment_links:{link}"))


DATE_COLUMNS = {
    "surveys": ("surveyed_on",), "progress_reports": ("reported_on",),
    "plans": ("planned_approved_on", "approved_on", "planned_tender_on", "tender_on", "planned_contract_on",
              "contract_on", "planned_start_on", "start_on", "planned_completion_on", "completion_on", "withdrawn_on"),
    "acceptances": ("accepted_on", "rectified_on", "standard_eval_on", "boutique_eval_on"),
    "filings": ("filed_on", "archived_on", "compiled_on", "checked_on"),
    "problems": ("reported_on", "assigned_on", "handled_on", "feedback_on", "closed_on"),
}
"""The date fields a clerk types, by table (for records stored before dates were bounded)."""


def implausible_dates(conn: sqlite3.Connection, limit: int = 50) -> list[str]:
    """Records whose dates lie outside 1900–2100 (typed as 9999-12-30 before the program refused
    such dates): one line each naming the record, the field and the date."""
    from core.store.mapping import SPEC_BY_TABLE

    found = []
    for table, columns in DATE_COLUMNS.items():
        present = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        spec = SPEC_BY_TABLE.get(table)
        for column in (c for c in columns if c in present):
            for record_id, value in conn.execute(
                    f"SELECT id, {column} FROM {table} WHERE {column} IS NOT NULL AND "
                    f"({column} < '1900-01-01' OR {column} > '2100-12-31') LIMIT ?", [limit]):
                label = spec.model.label if spec else table
                title = spec.model.field_title(column) if spec else column
                found.append(f"{label}（编号 {record_id}）的「{title}」为 {value}")
    return found[:limit]


def _dates(conn: sqlite3.Connection, report: Report) -> None:
    lines = implausible_dates(conn)
    report.checked["dates"] = len(lines)
    for line in lines:
        report.findings.append(Finding("dates", "error", line + "，不在 1900 年至 2100 年之间，请改正"))


def _chain(conn: sqlite3.Connection, report: Report) -> None:
    if "hash" not in {row[1] for row in conn.execute("PRAGMA table_info(audit_log)")}:
        report.findings.append(Finding("audit_chain", "warning", "数据库由旧版程序建立，操作日志还没有校验链（用新版程序打开一次即建立）"))
        return
    since = 0
    if report.quick:
        top = conn.execute("SELECT COALESCE(MAX(id), 0) FROM audit_log").fetchone()[0]
        since = max(0, top - QUICK_CHAIN_ENTRIES)
    checked, breaks = chain.verify(conn, since_id=since)
    report.checked["audit_chain"] = checked
    for item in breaks:
        report.findings.append(Finding("audit_chain", "error", item.message + "（可能有人用其他工具直接改动了数据库）",
                                       f"audit_log:{item.entry_id}"))


def _seals(conn: sqlite3.Connection, report: Report) -> None:
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'seals'").fetchone():
        return
    names = dict(conn.execute("SELECT p.id, a.code || ' ' || a.name || ' ' || p.year || '年' FROM plans p "
                              "JOIN alleys a ON a.id = p.alley_id").fetchall())
    broken = seals.broken(conn)
    missing = seals.unsealed(conn)
    report.checked["seals"] = conn.execute("SELECT COUNT(*) FROM seals").fetchone()[0]
    for plan_id, sealed_at in broken:
        report.findings.append(Finding(
            "seals", "error",
            f"已归档锁定的方案「{names.get(plan_id, plan_id)}」的内容与 {sealed_at.replace('T', ' ')} 封存时不一致："
            "有人绕过程序（用其他工具）改动了案卷中的记录；请对照纸质案卷和备份核查", f"plans:{plan_id}"))
    for plan_id in missing:
        report.findings.append(Finding("seals", "warning", f"已归档锁定的方案「{names.get(plan_id, plan_id)}」没有封存校验值",
                                       f"plans:{plan_id}"))


def _attachments(conn: sqlite3.Connection, report: Report) -> None:
    import hashlib

    count = 0
    for attachment_id, name, digest in conn.execute("SELECT id, file_name, sha256 FROM attachments ORDER BY id").fetchall():
        blob = conn.execute("SELECT data FROM attachments WHERE id = ?", [attachment_id]).fetchone()[0]
        count += 1
        if hashlib.sha256(blob).hexdigest() != digest:
            report.findings.append(Finding("attachments", "error", f"附件「{name}」的内容与校验值不符（文件已损坏或被改动）",
                                           f"attachments:{attachment_id}"))
    report.checked["attachments"] = count


__all__ = ["CHECKS", "Finding", "Report", "examine", "implausible_dates"]
