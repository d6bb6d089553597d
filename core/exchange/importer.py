"""Importing the work ledger (工作台账导入, domain.md §5): preview first, then one transaction.

:func:`preview_import` reads the file and decides every row's fate — new, updated, unchanged or
rejected (with sheet, Excel row, column and a Chinese reason) — writing nothing. The GUI shows
that preview; :func:`commit_import` then writes it all at once after taking a backup.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from core.backups import default_backup_folder
from core.codes import alley_code, code_prefix, next_sequence
from core.errors import InvalidRecord, LedgerError, Place, checker
from core.exchange.columns import Column
from core.exchange.headers import HeaderMatch, header_key, header_table, match_header
from core.exchange.reader import FormulaWithoutValue, RawSheet, limits, read_sheets
from core.exchange.values import clean_lines, clean_text, normalize_text, parse_date, parse_decimal, unguarded
from core.records import Acceptance, Alley, Filing, Plan, build
from core.store.ledger import gc_paused
from core.store.mapping import replace_fields

MIN_HEADER_MATCHES = 3
_SPLIT = re.compile(r"[、，,；;/\n]+")


@dataclass(frozen=True)
class Rejection:
    """Why a cell (or row) cannot be imported, and where."""

    sheet: str
    row: int
    column: str
    value: str
    reason: str

    def message(self) -> str:
        """e.g. 第12行「竣工日期」无法识别为日期：2023年13月5日"""
        where = f"工作表「{self.sheet}」第{self.row}行" + (f"「{self.column}」" if self.column else "")
        return f"{where}{self.reason}"

    def to_json(self) -> dict[str, Any]:
        return {"sheet": self.sheet, "row": self.row, "column": self.column, "value": self.value,
                "reason": self.reason}


@dataclass
class RowResult:
    """One data row's fate, and the records it would write."""

    sheet: str
    row: int
    status: str  # new / updated / unchanged / rejected
    values: list[Any]
    code: str = ""
    year: int | None = None
    rejections: list[Rejection] = field(default_factory=list)
    records: list[Any] = field(default_factory=list)
    """(kind, record) pairs to save, in order: alley, plan, acceptance, filing."""


@dataclass
class SheetReport:
    name: str
    used: bool
    reason: str


@dataclass
class ImportPreview:
    """What an import would do (or did): row by row, plus the sheets and unknown columns."""

    file: str
    sha256: str
    sheets: list[SheetReport]
    rows: list[RowResult]
    unknown_columns: list[str]
    skipped_rows: int
    headers: dict[str, list[str]] = field(default_factory=dict)
    committed: bool = False
    backup: str | None = None

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def rejections(self) -> list[Rejection]:
        return [j for r in self.rows for j in r.rejections]

    def to_json(self) -> dict[str, Any]:
        """The ``import --json`` document."""
        return {
            "new": self.count("new"), "updated": self.count("updated"), "unchanged": self.count("unchanged"),
            "rejected": self.count("rejected"), "skipped_rows": self.skipped_rows,
            "rejections": [j.to_json() for j in self.rejections], "unknown_columns": self.unknown_columns,
            "sheets": [{"name": s.name, "used": s.used, "reason": s.reason} for s in self.sheets],
            "file": self.file, "sha256": self.sha256, "committed": self.committed, "backup": self.backup,
        }


# ------------------------------------------------------------------------------------------ reading
def _find_header(sheet: RawSheet) -> tuple[int, dict[int, HeaderMatch], dict[int, str], int] | None:
    """(header row index, matched columns, unknown columns, rows the header spans) or None.

    A header cell merged over two rows, or a two-row header (a group title over sub-titles), is
    read by joining the two cells of each column.
    """
    best, best_score = None, (0, 0)
    for r in range(min(len(sheet.rows), limits().header_search_rows)):
        for span in (1, 2):
            texts = _header_texts(sheet, r, span)
            matched = {c: m for c, t in texts.items() if (m := match_header(t))}
            score = (len(matched), -span)  # on a tie, the one-row header nearer the data wins
            if len({m.column.header for m in matched.values()}) >= MIN_HEADER_MATCHES and (
                    best is None or score > best_score):
                unknown = {c: t for c, t in texts.items() if c not in matched and t}
                best, best_score = (r, matched, unknown, span), score
    return best


def _header_texts(sheet: RawSheet, r: int, span: int) -> dict[int, str]:
    width = max((len(row) for row in sheet.rows[r:r + span]), default=0)
    texts = {}
    for c in range(width):
        parts = []
        for rr in range(r, min(r + span, len(sheet.rows))):
            value = sheet.rows[rr][c] if c < len(sheet.rows[rr]) else ""
            value = _merged_value(sheet, rr, c, value)
            text = unguarded(normalize_text(str(value))) if value not in (None, "") else ""
            if text and text not in parts:
                parts.append(text)
        if span == 2 and len(parts) == 2 and match_header(parts[1]):
            texts[c] = parts[1]  # a group title over the real header
        else:
            texts[c] = "".join(parts)
    return texts


def _merged_value(sheet: RawSheet, r: int, c: int, value: Any) -> Any:
    if value not in (None, ""):
        return value
    for top, left, bottom, right in sheet.merged:
        if top <= r <= bottom and left <= c <= right:
            return sheet.rows[top][left]
    return value


def preview_import(ledger: Any, path: Path | str, *, progress: Callable[[int, str], None] | None = None,
                   cancel: Callable[[], bool] | None = None) -> ImportPreview:
    """Read ``path`` and decide each row's fate against ``ledger``; writes nothing."""
    with gc_paused():  # tens of thousands of cells and records, none in a cycle
        return _preview(ledger, Path(path), progress, cancel)


def _preview(ledger: Any, path: Path, progress: Callable[[int, str], None] | None,
             cancel: Callable[[], bool] | None) -> ImportPreview:
    sheets = read_sheets(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    context = _Context(ledger)
    reports, results, unknown_all, headers = [], [], [], {}
    skipped = 0
    for sheet in sheets:
        if sheet.skip:
            reports.append(SheetReport(sheet.name, False, sheet.skip))
            continue
        found = _find_header(sheet)
        if found is None:
            reason = "空表" if not sheet.rows else "没有找到台账表头（街巷名称、所在街道、年度等）"
            reports.append(SheetReport(sheet.name, False, reason))
            continue
        header_row, matched, unknown, span = found
        rows_text = f"第{header_row + 1}行" if span == 1 else f"第{header_row + 1}–{header_row + span}行"
        reports.append(SheetReport(sheet.name, True, f"{rows_text}为表头"))
        headers[sheet.name] = [m.column.header for m in matched.values()]
        for name in unknown.values():
            if name not in unknown_all:
                unknown_all.append(name)
        first = header_row + span
        kept = []
        for offset, row in enumerate(sheet.rows[first:]):
            if _skip(row):
                skipped += 1
            else:
                kept.append((first + offset + 1, row))
        results += context.rows(sheet.name, kept, matched, unknown, progress=progress, cancel=cancel)
    if not any(report.used for report in reports):
        raise LedgerError("文件中没有可导入的台账：" + "；".join(f"工作表「{r.name}」{r.reason}" for r in reports),
                          Place(file=path.name))
    return ImportPreview(path.name, digest, reports, results, unknown_all, skipped, headers)


def _skip(row: list[Any]) -> bool:
    """Blank rows, unit lines and totals rows carry no record."""
    filled = len(row) - row.count(None) - row.count("")
    if not filled:
        return True
    firsts = []
    for value in row:
        if value is not None and value != "":
            firsts.append(normalize_text(str(value)))
            if len(firsts) == 3:
                break
    totals = header_table().totals_words
    if any(cell.replace(" ", "") in totals for cell in firsts):
        return True
    if filled == 1 and firsts[0].startswith(("单位", "金额单位", "填报单位", "填表", "制表")):
        return True
    return False


class _Context:
    """What a preview needs from the ledger, read once."""

    def __init__(self, ledger: Any):
        self.ledger = ledger
        self.profile = ledger.profile()
        self.alleys = {a.code: a for a in ledger.alleys()}
        self.by_name = {(a.name, a.subdistrict): a for a in self.alleys.values()}
        self.plans = {(p.alley_id, p.year): p for p in ledger.plans()}
        self.acceptances = {a.plan_id: a for a in ledger.acceptances()}
        self.filings = {f.plan_id: f for f in ledger.filings()}
        self.locked = {f.plan_id for f in self.filings.values() if f.locked_at}
        settings = ledger.settings()
        self.prefix = code_prefix(settings)
        self.next_seq = next_sequence(self.alleys, self.prefix)
        self.seen: dict[tuple[str, int | None], int] = {}
        self.new_alleys: dict[str, RowResult] = {}
        """The row that inserts each alley new in this file."""
        self.measures = {}
        for m in self.profile.measures:
            for name in (m.code, m.name, m.short):
                if name:
                    self.measures[normalize_text(name)] = m.code

    def rows(self, sheet: str, rows: list[tuple[int, list[Any]]], matched: dict[int, HeaderMatch],
             unknown: dict[int, str], *, progress: Callable[[int, str], None] | None = None,
             cancel: Callable[[], bool] | None = None) -> list[RowResult]:
        """The fate of each (Excel row number, cells) of one sheet, in order.

        Cells are read column by column: a ledger repeats its values down a column (dates,
        categories, sub-districts, units), so each distinct value of a column is parsed once.
        """
        columns = []
        for n, (c, match) in enumerate(matched.items()):
            _check(cancel, progress, 45 * n // max(len(matched), 1), f"读取「{sheet}」")
            cells = [row[c] if c < len(row) else None for _, row in rows]
            column = match.column
            columns.append((c, column.header, (column.record, column.field), self.parse_column(cells, match)))
        results = []
        for i, (excel_row, row) in enumerate(rows):
            if i % 500 == 0:
                _check(cancel, progress, 45 + 45 * i // max(len(rows), 1), f"检查「{sheet}」")
            result = RowResult(sheet, excel_row, "rejected", list(row))
            values: dict[tuple[str, str], Any] = {}
            for c, header, key, parsed in columns:
                value = parsed[i]
                if value.__class__ is _Unreadable:
                    raw = row[c] if c < len(row) else None
                    result.rejections.append(Rejection(sheet, excel_row, header, _shown(raw), value.reason))
                elif value is not None:
                    values[key] = value
            if not result.rejections:
                extra = {name: _cell_text(row[c]) for c, name in unknown.items()
                         if c < len(row) and row[c] not in (None, "")}
                self.decide(result, values, extra)
            if result.rejections:
                result.status = "rejected"
                result.records.clear()
            results.append(result)
        return results

    def parse_column(self, cells: list[Any], match: HeaderMatch) -> list[Any]:
        """Each cell parsed (see :meth:`parse`); a cell that cannot be read gives an :class:`_Unreadable`."""
        known: dict[tuple[type, Any], Any] = {}
        out = []
        for raw in cells:
            key = (raw.__class__, raw)  # the type too: 1, 1.0 and True are equal keys but differ as text
            value = known.get(key, _UNPARSED)
            if value is _UNPARSED:
                try:
                    value = self.parse(raw, match)
                except ValueError as error:
                    value = _Unreadable(str(error))
                known[key] = value
            out.append(value)
        return out

    def parse(self, raw: Any, match: HeaderMatch) -> Any:
        column: Column = match.column
        if isinstance(raw, FormulaWithoutValue):
            raise ValueError(f"是公式（={raw}）但没有保存计算结果；请在 Excel 或 WPS 中打开、保存后再导入")
        if raw is None or (isinstance(raw, str) and raw.strip() == ""):
            return None
        kind = column.kind
        if kind == "date":
            if isinstance(raw, datetime):
                return raw.date()
            return parse_date(raw)
        if kind == "wan":
            table = header_table()
            parsed = parse_decimal(raw, table.money_units)
            if parsed is None:
                return None
            number, unit = parsed
            scale = table.money_units[unit] if unit else match.scale
            yuan = number * scale
            if yuan != yuan.to_integral_value():
                raise ValueError(f"金额 {raw} 折合 {yuan} 元，不是整数元")
            return int(yuan)
        if kind == "metres":
            table = header_table()
            parsed = parse_decimal(raw, table.length_units)
            if parsed is None:
                return None
            number, unit = parsed
            scale = table.length_units[unit.lower()] if unit else match.scale
            return float(number * scale)
        if kind in ("int", "year"):
            parsed = parse_decimal(raw, {"户": 1, "人": 1, "年": 1})
            if parsed is None:
                return None
            number, unit = parsed
            if number != number.to_integral_value():
                raise ValueError(f"「{raw}」应为整数")
            return int(number)
        text = unguarded(clean_lines(raw)) if column.lines and isinstance(raw, str) else _cell_text(raw)
        if kind == "category":
            found = header_table().categories.get(normalize_text(text).replace(" ", ""))
            if found is None:
                raise ValueError(f"类别「{text}」应为达标类或精品类")
            return found
        if kind == "result":
            found = header_table().results.get(normalize_text(text).replace(" ", ""))
            if found is None:
                raise ValueError(f"验收结果「{text}」应为合格或不合格")
            return found
        if column.field == "measures":
            codes = []
            for part in _SPLIT.split(text):
                part = part.strip()
                if not part:
                    continue
                code = self.measures.get(normalize_text(part))
                if code is None:
                    names = "、".join(m.name for m in self.profile.measures)
                    raise ValueError(f"改造内容「{part}」不在措施目录中（可填：{names}）")
                if code not in codes:
                    codes.append(code)
            return tuple(codes)  # shared by every row with the same text: never changed in place
        return text

    def decide(self, result: RowResult, values: dict[tuple[str, str], Any], extra: dict[str, str]) -> None:
        sheet, excel_row = result.sheet, result.row
        fields = {"alley": {}, "plan": {}, "acceptance": {}, "filing": {}}
        for (record, name), value in values.items():
            fields[record][name] = value
        code = fields["alley"].get("code")
        alley = self.alleys.get(code) if code else None
        if alley is None and not code and "name" in fields["alley"] and "subdistrict" in fields["alley"]:
            alley = self.by_name.get((fields["alley"]["name"], fields["alley"]["subdistrict"]))
        year = fields["plan"].get("year")
        key = (alley.code if alley else code or f"{fields['alley'].get('name')}|{fields['alley'].get('subdistrict')}", year)
        if key in self.seen:
            result.rejections.append(Rejection(sheet, excel_row, "", "", f"与第{self.seen[key]}行是同一条街巷同一年度，重复"))
            return
        self.seen[key] = excel_row
        changed = False
        new_alley = None  # an alley new in this file, made or changed by this row
        try:
            if alley is None:
                if "name" not in fields["alley"] or "subdistrict" not in fields["alley"]:
                    missing = "、".join(h for h, f in (("街巷名称", "name"), ("所在街道", "subdistrict"))
                                       if f not in fields["alley"])
                    result.rejections.append(Rejection(sheet, excel_row, missing, "", "新街巷必须填写街巷名称和所在街道"))
                    return
                data = dict(fields["alley"])
                if not code:
                    data["code"] = alley_code(self.prefix, self.next_seq)
                    self.next_seq += 1
                if not year:
                    data["extra"] = extra
                alley = new_alley = build(Alley, data)
                result.records.append(("alley", alley))
                result.status = "new"
                changed = True
            else:
                update = {k: v for k, v in fields["alley"].items() if getattr(alley, k) != v}
                if not year and extra and {**alley.extra, **extra} != alley.extra:
                    update["extra"] = {**alley.extra, **extra}
                if update:
                    alley = build(Alley, {**alley.model_dump(), **update})
                    if alley.id is None:  # new in an earlier row of this file: stored once, as last given
                        new_alley = alley
                    else:
                        result.records.append(("alley", alley))
                    changed = True
            result.code, result.year = alley.code, year
            if year:
                changed |= self.decide_plan(result, alley, year, fields, extra)
        except InvalidRecord as error:
            for detail in error.details:
                result.rejections.append(Rejection(sheet, excel_row, "", "", detail))
            result.records.clear()
            return
        if result.rejections:
            result.records.clear()
            return
        if new_alley is not None:
            self._keep_new_alley(new_alley, result)
        if result.status != "new":
            result.status = "updated" if changed else "unchanged"

    def _keep_new_alley(self, alley: Alley, result: RowResult) -> None:
        """Let later rows (other years) find an alley new in this file, once its row is accepted;
        a later row that changes it changes the one record that will insert it."""
        holder = self.new_alleys.setdefault(alley.code, result)
        holder.records = [(kind, alley if kind == "alley" else record) for kind, record in holder.records]
        self.alleys[alley.code] = alley
        self.by_name[(alley.name, alley.subdistrict)] = alley

    def decide_plan(self, result: RowResult, alley: Alley, year: int, fields: dict, extra: dict) -> bool:
        plan = self.plans.get((alley.id, year)) if alley.id else None
        # An export shows the alley's own kept columns on each of its rows: they stay the alley's.
        extra = {name: value for name, value in extra.items() if alley.extra.get(name) != value}
        data = dict(fields["plan"])
        if "measures" in data:
            data["measures"] = [{"code": c} for c in data["measures"]]
        changed = False
        if plan is None:
            if "category" not in data:
                result.rejections.append(Rejection(result.sheet, result.row, "类别", "", "新的年度方案必须填写类别（达标类/精品类）"))
                return False
            plan = build(Plan, {**data, "extra": extra, "alley_id": alley.id})
            changed = True
            result.status = "new"  # a row is one alley in one year: a new plan is a new row
        else:
            current = plan.model_dump()
            if "measures" in data and [m["code"] for m in data["measures"]] == [m.code for m in plan.measures]:
                data.pop("measures")
            if extra and {**plan.extra, **extra} != plan.extra:
                data["extra"] = {**plan.extra, **extra}
            update = {k: v for k, v in data.items() if current.get(k) != (v if k != "measures" else v)}
            if update:
                if plan.id in self.locked:
                    result.rejections.append(Rejection(result.sheet, result.row, "", "",
                                                       f"{year}年方案已归档锁定，不能通过导入修改；请在程序中作“更正”"))
                    return False
                plan = build(Plan, {**current, **update})
                changed = True
        if changed:
            result.records.append(("plan", plan))
        if fields["acceptance"]:
            acc = self.acceptances.get(plan.id) if plan.id else None
            if acc is not None and plan.id in self.locked and any(
                    getattr(acc, k) != v for k, v in fields["acceptance"].items()):
                result.rejections.append(Rejection(result.sheet, result.row, "", "",
                                                   f"{year}年方案已归档锁定，验收信息不能通过导入修改；请在程序中作“更正”"))
                return False
            if acc is None:
                if "accepted_on" in fields["acceptance"] and "result" in fields["acceptance"]:
                    result.records.append(("acceptance", build(Acceptance, {**fields["acceptance"], "plan_id": plan.id})))
                    changed = True
            else:
                update = {k: v for k, v in fields["acceptance"].items() if getattr(acc, k) != v}
                if update:
                    result.records.append(("acceptance", build(Acceptance, {**acc.model_dump(), **update})))
                    changed = True
        if fields["filing"].get("filing_no"):
            filing = self.filings.get(plan.id) if plan.id else None
            if filing is None:
                result.records.append(("filing", build(Filing, {"filing_no": fields["filing"]["filing_no"], "plan_id": plan.id})))
                changed = True
            elif filing.filing_no != fields["filing"]["filing_no"]:
                if plan.id in self.locked:
                    result.rejections.append(Rejection(result.sheet, result.row, "备案编号", "", "已归档锁定，不能通过导入修改"))
                    return False
                result.records.append(("filing", filing.model_copy(update={"filing_no": fields["filing"]["filing_no"]})))
                changed = True
        return changed


def _cell_text(raw: Any) -> str:
    """A cell as text: 13800001111.0 (a phone typed as a number) becomes 13800001111, dates ISO."""
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, datetime):
        return raw.date().isoformat() if raw.time() == datetime.min.time() else raw.isoformat(sep=" ")
    if isinstance(raw, date):
        return raw.isoformat()
    return unguarded(clean_text(str(raw)))


class _Unreadable:
    """A cell that could not be read, and why (in Chinese)."""

    __slots__ = ("reason",)

    def __init__(self, reason: str):
        self.reason = reason


_UNPARSED = object()


def _check(cancel: Callable[[], bool] | None, progress: Callable[[int, str], None] | None, percent: int,
           text: str) -> None:
    checker(progress, cancel, "导入已取消，没有写入任何数据")(percent, text)


def _shown(raw: Any) -> str:
    text = "" if raw is None else str(raw)
    return text if len(text) <= 60 else text[:60] + "…"


# ------------------------------------------------------------------------------------------ writing
def commit_import(ledger: Any, preview: ImportPreview, *, all_or_nothing: bool = False,
                  backup_dir: Path | None = None) -> ImportPreview:
    """Write the preview's new and updated rows in one transaction, after a backup of the database.

    With ``all_or_nothing`` a preview with any rejected row writes nothing.
    """
    if all_or_nothing and preview.count("rejected"):
        raise LedgerError(f"有 {preview.count('rejected')} 行未通过检查，按“全部或全不”要求未导入任何数据")
    to_write = [r for r in preview.rows if r.status in ("new", "updated")]
    if ledger.path is not None and to_write:
        folder = backup_dir or default_backup_folder(ledger.path)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = folder / f"{ledger.path.stem}-导入前-{stamp}.db"
        n = 1
        while target.exists():  # two imports within one second
            n += 1
            target = folder / f"{ledger.path.stem}-导入前-{stamp}-{n}.db"
        preview.backup = ledger.backup(target)["path"]
    source = f"import {preview.file} sha256={preview.sha256}"
    with ledger.transaction(), gc_paused():
        _write_rows(ledger, to_write, source)
        ledger.note("import", f"导入 {preview.file}：新增 {preview.count('new')}，更新 {preview.count('updated')}，"
                              f"未变 {preview.count('unchanged')}，拒收 {preview.count('rejected')}", source=source)
    preview.committed = True
    return preview


def _write_rows(ledger: Any, rows: list[RowResult], source: str) -> None:
    """Save the rows' records: new ones in bulk, kind by kind (alleys, then plans, then the rest,
    so ids exist before they are referred to), changed ones one by one with their audit diff."""
    by_kind: dict[str, list[tuple[RowResult, Any]]] = {"alley": [], "plan": [], "acceptance": [], "filing": []}
    for row in rows:
        for kind, record in row.records:
            by_kind[kind].append((row, record))
    alley_ids: dict[str, int] = {}
    plan_ids: dict[tuple[str, int | None], int] = {}
    for kind in ("alley", "plan", "acceptance", "filing"):
        new, changed = [], []
        for row, record in by_kind[kind]:
            # Ids the store just gave; the records were validated when the preview built them.
            if kind == "plan" and record.alley_id is None:  # an alley new in this file
                record = replace_fields(record, alley_id=alley_ids[row.code])
            elif kind in ("acceptance", "filing") and record.plan_id is None:
                record = replace_fields(record, plan_id=plan_ids.get((row.code, row.year))
                                        or _plan_id(ledger, row, alley_ids))
            (new if record.id is None else changed).append((row, record))
        stored = ledger.add_many([r for _, r in new], source=source)
        stored += [ledger.save(r, source=source) for _, r in changed]
        for (row, _), record in zip(new + changed, stored, strict=True):
            if kind == "alley":
                alley_ids[record.code] = record.id
            elif kind == "plan":
                plan_ids[(row.code, row.year)] = record.id


def _plan_id(ledger: Any, row: RowResult, alley_ids: dict[str, int]) -> int:
    alley_id = alley_ids.get(row.code) or ledger.alley(row.code).id
    return next(p.id for p in ledger.plans(alley_id=alley_id) if p.year == row.year)


def write_rejects(preview: ImportPreview, out: Path) -> int:
    """Save the rejected rows with a reason column, so the clerk can fix them and import again."""
    from openpyxl import Workbook

    workbook = Workbook()
    ws = workbook.active
    ws.title = "拒收行"
    rejected = [r for r in preview.rows if r.status == "rejected"]
    ws.append(["原工作表", "原行号", "拒收原因"] + [f"第{i + 1}列" for i in range(max((len(r.values) for r in rejected), default=0))])
    for r in rejected:
        reason = "；".join(j.message() for j in r.rejections)
        ws.append([r.sheet, r.row, reason] + [v if not isinstance(v, str) or not v.startswith(("=", "+", "-", "@")) else "'" + v
                                              for v in r.values])
    out.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(out)
    return len(rejected)


__all__ = ["ImportPreview", "Rejection", "RowResult", "commit_import", "header_key", "preview_import",
           "write_rejects"]
