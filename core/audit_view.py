"""The audit log (操作日志) as a clerk reads it: filtered, a page at a time, in Chinese, and to Excel.

Every write leaves one row in ``audit_log`` (who, when, table, record, ``{field: [old, new]}``,
reason, source); a 10,000-alley county has about 80,000. They are read here a page at a time,
newest first, with keyset paging on the row id (``id < last id shown``), so a page costs the same
at the end of the log as at its start. The date range is turned into a range of ids through the
``audit_by_time`` index first, and the kind of record uses ``audit_by_record``; filters without an
index (who, the alley) scan the log in about 20–30 ms.

Each entry is put into words: the table as the record's Chinese name (街巷, 改造方案…), the action as
新增 / 修改 / 删除, and each changed field by its title in the record model, old → new, with money in
万元, alleys by their code and attachments by their file name. Nothing here imports Qt.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from core.money import wan
from core.records import CountySettings
from core.store import queries
from core.store.history import as_inserted
from core.store.mapping import SPEC_BY_TABLE

if TYPE_CHECKING:
    from core.store import Ledger

PAGE_SIZE = 200
"""Entries read at a time (the table asks for more as the clerk scrolls)."""

TABLE_TITLES: dict[str, str] = {
    **{table: spec.model.label for table, spec in SPEC_BY_TABLE.items()},
    "county": "县区设置",
    "attachments": "附件",
    "holidays": "节假日表",
    "ledger": "数据库",
}
"""The Chinese name of each table that leaves audit entries."""

ACTION_TITLES: dict[str, str] = {
    "insert": "新增",
    "update": "修改",
    "delete": "删除",
    "demo": "装入演示数据",
    "import": "导入台账",
    "backup": "备份",
}

_EXTRA_TITLES: dict[str, dict[str, str]] = {
    "attachments": {"file_name": "文件名", "sha256": "校验值(SHA-256)", "size": "大小(字节)"},
    "holidays": {"days": "日期数"},
}
_COMMON_TITLES = {"attachments": "附件", "id": "编号"}
_HIDDEN = {"changed_at", "changed_by", "id"}
EMPTY = "（空）"
SUMMARY_LIMIT = 40
"""Characters of one value in the one-line summary (the details and the export keep it whole)."""


@dataclass(frozen=True)
class AuditFilter:
    """Which entries to show; empty fields do not filter."""

    table: str | None = None
    """The kind of record (``alleys``, ``plans``… or ``ledger`` for imports, backups and demo data)."""
    record: str = ""
    """An alley code (its own entries and those of its surveys, plans, acceptances, filings and
    problems), part of an alley name, or any text of the record key."""
    who: str = ""
    since: date | None = None
    until: date | None = None
    """Inclusive: the whole day."""

    def describe(self) -> str:
        """The filter in words (for the export's title row), e.g. 记录类别：改造方案；日期：2025-01-01 至 2025-12-31."""
        parts = []
        if self.table:
            parts.append(f"记录类别：{TABLE_TITLES.get(self.table, self.table)}")
        if self.record:
            parts.append(f"记录：{self.record}")
        if self.who:
            parts.append(f"操作人：{self.who}")
        if self.since or self.until:
            parts.append(f"日期：{self.since or '最早'} 至 {self.until or '今'}")
        return "；".join(parts) if parts else "全部记录"


class Change(NamedTuple):
    """One changed field: its Chinese title and the old and new values as text (a tuple: a county's
    log holds over a million of them, and tuples are made several times faster than dataclasses)."""

    title: str
    old: str
    new: str

    def text(self, action: str, limit: int | None = None) -> str:
        """``title：old → new`` (only the new value for 新增, the old one for 删除)."""
        def cut(value: str) -> str:
            return value if limit is None or len(value) <= limit else value[:limit] + "…"

        if action == "insert":
            return f"{self.title}：{cut(self.new)}"
        if action == "delete":
            return f"{self.title}：{cut(self.old)}"
        return f"{self.title}：{cut(self.old)} → {cut(self.new)}"


@dataclass(frozen=True)
class AuditLine:
    """One audit entry in words."""

    id: int
    at: str
    """Local time, ``2025-09-26 14:03:12``."""
    who: str
    action: str
    """新增 / 修改 / 删除 / 导入台账 …"""
    kind: str
    """街巷 / 改造方案 / …"""
    record: str
    """The record's key: alley code, or code/year for a plan's records."""
    changes: tuple[Change, ...]
    reason: str
    source: str
    raw_action: str
    table: str
    note: str = ""
    """What an operation that changed no single record did (imports, backups, demo data)."""

    def summary(self, limit: int | None = SUMMARY_LIMIT, sep: str = "；") -> str:
        """The changes in one line (values cut to ``limit`` characters), or the note of an operation."""
        texts = [self.note] if self.note else []
        return sep.join(texts + [c.text(self.raw_action, limit) for c in self.changes])


@dataclass(frozen=True)
class AuditPage:
    """One page of entries, newest first; ``after`` is the cursor for the next page (None: no more)."""

    lines: list[AuditLine]
    after: int | None
    total: int | None = None
    """All entries matching the filter (when counted)."""


def kinds() -> list[tuple[str, str]]:
    """(table, Chinese name) of the kinds of record the log holds, for the filter."""
    return list(TABLE_TITLES.items())


def people(ledger: Ledger) -> list[str]:
    """Everyone who appears in the log, sorted."""
    return queries.audit_people(ledger)


def read_page(ledger: Ledger, flt: AuditFilter, *, after: int | None = None, limit: int = PAGE_SIZE,
              count: bool = False) -> AuditPage:
    """The next ``limit`` entries matching ``flt`` older than entry ``after`` (the newest when None),
    put into words; with ``count`` also how many match in all.
    """
    where, params = queries.audit_where(
        ledger, table=flt.table, record=flt.record, who=flt.who,
        since=flt.since.isoformat() if flt.since else None,
        until=(flt.until + timedelta(days=1)).isoformat() if flt.until else None)
    if where is None:
        return AuditPage([], None, 0 if count else None)
    rows = queries.audit_rows(ledger, where, params, before=after, limit=limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    total = queries.audit_count(ledger, where, params) if count else None
    return AuditPage(_words(ledger, rows), rows[-1][0] if more and rows else None, total)


def iter_lines(ledger: Ledger, flt: AuditFilter, *, chunk: int = 2000) -> Iterator[AuditLine]:
    """Every entry matching ``flt``, newest first, read ``chunk`` at a time."""
    after = None
    while True:
        page = read_page(ledger, flt, after=after, limit=chunk)
        yield from page.lines
        if page.after is None:
            return
        after = page.after


EXPORT_HEADERS = ("序号", "时间", "操作人", "操作", "记录类别", "记录", "修改内容", "原因", "来源")
EXPORT_WIDTHS = (7, 20, 10, 12, 11, 18, 70, 22, 24)


# ---------------------------------------------------------------- wording
def _words(ledger: Ledger, rows: list[Any]) -> list[AuditLine]:
    """Audit rows put into words, with the alleys and plans they mention looked up in two queries."""
    decoded = [(row, json.loads(row[7]) if row[7] else {}) for row in rows]
    # An insert keeps no copy of the record: what was entered is the record's first version, rebuilt
    # from the record and the changes made to it since (core.store.history).
    first = as_inserted(ledger, [(row[0], row[4], row[5]) for row, changes in decoded
                                 if row[3] == "insert" and not changes and row[5] is not None])
    decoded = [(row, {k: [None, v] for k, v in _entered(first[row[0]]).items()} if row[0] in first else changes)
               for row, changes in decoded]
    alley_ids = {x for _, changes in decoded for x in _ids(changes.get("alley_id"))}
    plan_ids = {x for _, changes in decoded for x in _ids(changes.get("plan_id"))}
    codes = ledger.lookup("SELECT id, code FROM alleys WHERE id IN ({})", alley_ids)
    plans = ledger.lookup("SELECT p.id, a.code || '/' || p.year FROM plans p JOIN alleys a ON a.id = p.alley_id "
                    "WHERE p.id IN ({})", plan_ids)
    measures = _measure_names(ledger)
    out = []
    for row, changes in decoded:
        id_, at, who, action, table, _record_id, key, _, reason, source = row
        order = _field_order(table)
        described = []
        for name, pair in sorted(changes.items(), key=lambda item: order.get(item[0], len(order))):
            if name in _HIDDEN:
                continue
            before, after = _pair(pair)
            # a new record has no old values and a deleted one no new ones: only the other is shown
            old = EMPTY if action == "insert" else _value(name, before, codes, plans, measures)
            new = EMPTY if action == "delete" else _value(name, after, codes, plans, measures)
            if name in ("alley_id", "plan_id") and {old, new} <= {EMPTY, key, key.split("/")[0]}:
                continue  # the alley or plan the record belongs to is its key already
            described.append(Change(_title(table, name), old, new))
        note = key if table == "ledger" else ""
        out.append(AuditLine(id_, at.replace("T", " "), who, ACTION_TITLES.get(action, action),
                             TABLE_TITLES.get(table, table), "" if note else key, tuple(described), reason,
                             source_text(source), action, table, note))
    return out


_DEMO = re.compile(r"^demo seed=(\d+)$")
_IMPORT = re.compile(r"^import (.+) sha256=([0-9a-f]{12})[0-9a-f]*$")


def _entered(snapshot: dict[str, Any] | None) -> dict[str, Any]:
    """The fields of a first version that hold something (a new record lists what was entered)."""
    return {k: v for k, v in (snapshot or {}).items() if v}


def source_text(source: str) -> str:
    """Where a change came from, in words: the demo data, an imported file (with the start of its
    SHA-256, to tell two files of one name apart), the program's forms, the command line."""
    if match := _DEMO.match(source):
        return f"演示数据（随机种子 {match.group(1)}）"
    if match := _IMPORT.match(source):
        return f"导入「{match.group(1)}」（SHA-256 {match.group(2)}…）"
    return source


def _pair(value: Any) -> tuple[Any, Any]:
    if isinstance(value, list) and len(value) == 2:
        return value[0], value[1]
    return None, value


def _ids(pair: Any) -> list[int]:
    return [v for v in (pair if isinstance(pair, list) else [pair]) if isinstance(v, int)]


def _measure_names(ledger: Ledger) -> dict[str, str]:
    try:
        return {m.code: m.short or m.name for m in ledger.profile().measures}
    except Exception:  # a broken profile must not stop the log from being read
        return {}


@lru_cache(maxsize=64)
def _model(table: str) -> Any:
    spec = SPEC_BY_TABLE.get(table)
    return spec.model if spec else CountySettings if table == "county" else None


@lru_cache(maxsize=64)
def _field_order(table: str) -> dict[str, int]:
    """Positions of ``table``'s fields as the record's form lists them (the log stores them sorted)."""
    model = _model(table)
    return {name: n for n, name in enumerate(model.model_fields)} if model is not None else {}


@lru_cache(maxsize=4096)
def _title(table: str, name: str) -> str:
    """The Chinese title of field ``name`` of ``table``'s records (money fields without their unit:
    the value says 万元)."""
    special = _EXTRA_TITLES.get(table, {})
    if name in special:
        return special[name]
    model = _model(table)
    title = ""
    if model is not None and name in model.model_fields:
        title = model.model_fields[name].title or ""
    title = title or _COMMON_TITLES.get(name, name)
    if name.endswith("_yuan"):
        title = title.replace("(元)", "").replace("（元）", "")
    return title


def _value(name: str, value: Any, codes: dict[int, str], plans: dict[int, str], measures: dict[str, str]) -> str:
    """One stored value as a clerk reads it."""
    if not value and value is not False and value != 0:  # None, "", [], {}
        return EMPTY
    kind = type(value)
    if kind is str:
        return value.replace("T", " ") if name.endswith("_at") else value
    if kind is bool:
        return "是" if value else "否"
    if kind is int:
        if name == "alley_id":
            return codes.get(value, f"街巷 {value}（已删除）")
        if name == "plan_id":
            return plans.get(value, f"方案 {value}（已删除）")
        if name.endswith("_yuan"):
            return f"{wan(value)} 万元"
        return str(value)
    if isinstance(value, dict):
        if "file_name" in value:
            return _file(value)
        return "；".join(f"{k}：{v}" for k, v in value.items())
    if isinstance(value, list):
        return "、".join(_item(name, item, measures) for item in value)
    return str(value)


def _file(link: dict[str, Any]) -> str:
    """A linked file as the log names it: its name, and its caption in brackets."""
    caption = link.get("caption") or ""
    return str(link["file_name"]) + (f"（{caption}）" if caption else "")


def _item(name: str, item: Any, measures: dict[str, str]) -> str:
    """One element of a list field (a measure, a pipe row, a document, a unit, a target)."""
    if not isinstance(item, dict):
        return str(item)
    if name == "attachments" and "file_name" in item:  # the files a deleted record had
        return _file(item)
    if name == "measures" and "code" in item:
        return measures.get(item["code"]) or str(item["code"])
    if name == "targets" and "year" in item:
        return f"{item['year']}年 {item.get('alleys', '')} 条（精品 {item.get('boutique', 0)} 条）"
    if name == "pipes" and "kind" in item:
        parts = [str(item["kind"])]
        if item.get("year_laid"):
            parts.append(f"{item['year_laid']}年")
        if item.get("condition"):
            parts.append(str(item["condition"]))
        return " ".join(parts)
    for key in ("title", "name", "role", "kind", "code"):
        if item.get(key):
            return str(item[key])
    return json.dumps(item, ensure_ascii=False)
