"""Importing the work ledger (工作台账导入, domain.md §5): preview first, then one transaction.

:func:`preview_import` reads the file and decides every row's fate — new, updated, unchanged or
rejected — writing nothing. Only a row that cannot be placed (no alley name or code, no 街道 for a
new alley, no year for its plan data) is rejected whole; a cell that cannot be read leaves its one
field empty and is listed (``left_out``), as are cells read approximately (a month-only date, 约150米)
and words of 改造内容 that were not recognised. The clerk can correct cells in the preview
(:func:`revise_import`, which works every row's fate out again); :func:`commit_import` then writes
it all at once after taking a backup.

A sheet that names plans and their evaluation results and nothing else (a 公示 list sent back by
the city or the region) updates the evaluations of the plans it names and creates nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from core.backups import backup_before_import, file_sha256
from core.codes import alley_code, code_prefix, next_sequence
from core.errors import Conflict, InvalidRecord, LedgerError, Place, StoreError, checker
from core.exchange.columns import Column
from core.exchange.content import ContentReader, ContentReading
from core.exchange.headers import HeaderMatch, header_key, header_table, is_ignored_header, match_header
from core.exchange.reader import FormulaWithoutValue, RawSheet, limits, read_sheets
from core.exchange.values import (
    clean_lines,
    clean_text,
    guarded,
    is_tidy,
    normalize_text,
    read_date,
    read_number,
    unguarded,
)
from core.outputs import check_output, write_failure
from core.records import Acceptance, Alley, Filing, Plan, build
from core.records.common import CLEAN_TEXT, chinese_messages
from core.store.ledger import gc_paused
from core.store.mapping import compacted, replace_fields
from core.store.seals import ALLEY_FIELDS as PACKET_ALLEY_FIELDS
from core.workflow import acceptance_order

if TYPE_CHECKING:
    from core.store import Ledger

MIN_HEADER_MATCHES = 3
KINDS = ("left_out", "approximate", "unrecognised", "rule")
"""What a warning says of its cell: left out (unreadable, the field stays empty), read approximately,
holding words of 改造内容 that were not recognised (kept word for word, nothing read from them), or
imported as written against a rule the forms keep (an acceptance before the completion: to check)."""
KIND_TEXT = {"rejected": "拒收", "left_out": "留空", "approximate": "约数", "unrecognised": "未识别", "rule": "待核对"}
"""How the preview and the command line name each kind, in Chinese."""
REASON_HEADER = "导入问题"
"""The column a file of rejected rows adds; the import ignores it, so the file imports as it is."""
_IDENTITY = {("alley", "code"), ("alley", "name"), ("alley", "subdistrict"), ("alley", "community"), ("plan", "year")}
_EVALUATION_FIELDS = {"standard_eval_result", "standard_eval_on", "boutique_eval_result", "boutique_eval_on",
                      "evaluation", "evaluation_on"}
_ANY_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
# A sheet named after its sub-district or town (城东街道, 城东街道台账, 大塘镇), not a summary (各街道汇总).
_PLACE_IN_NAME = re.compile(r"^(?![各全总])([\u4e00-\u9fff]{2,8}?(?:街道|镇|乡))(?:工作台账|台账|明细表?|清单|统计表?|表)?$")
_ALLEY_FIELDS = {("alley", f) for f in ("area_type", "start_point", "end_point", "length_m", "red_line_width_m",
                                        "households", "population", "chief", "chief_phone")}
WRITE_SLICE = 5000
"""New records are stored this many at a time (all in the import's one transaction)."""


@dataclass(frozen=True)
class Notice:
    """Why a row is rejected, or what happened to one of its cells, and where.

    ``kind`` is ``rejected`` for a row that cannot be imported, else one of :data:`KINDS`.
    ``col`` is the 0-based column of the cell in its sheet (None for the row as a whole).
    """

    sheet: str
    row: int
    column: str
    value: str
    reason: str
    kind: str = "rejected"
    col: int | None = None

    def message(self) -> str:
        """e.g. 工作表「台账」第12行「竣工日期」无法识别为日期：2023年13月5日"""
        where = f"工作表「{self.sheet}」第{self.row}行" + (f"「{self.column}」" if self.column else "")
        return f"{where}{self.reason}"

    def to_json(self) -> dict[str, Any]:
        data = {"sheet": self.sheet, "row": self.row, "column": self.column, "value": self.value,
                "reason": self.reason}
        if self.kind != "rejected":
            data["kind"] = self.kind
        return data


Rejection = Notice
"""A rejected row's reason (the name the command line's ``rejections`` key has always had)."""


@dataclass(slots=True)
class RowResult:
    """One data row's fate, and the records it would write (slots: an import of 50,000 rows
    keeps 50,000 of them, 30 MB less without a dict each)."""

    sheet: str
    row: int
    status: str  # new / updated / unchanged / rejected
    values: list[Any]
    code: str = ""
    year: int | None = None
    name: str = ""
    """The 街巷名称 of the row (as the file gives it, else the stored alley's)."""
    rejections: list[Notice] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)
    records: list[Any] = field(default_factory=list)
    """(kind, record) pairs to save, in order: alley, plan, acceptance, filing."""

    @property
    def notices(self) -> list[Notice]:
        """Every rejection and warning of the row, in column order."""
        return self.rejections + self.warnings

    @property
    def has_problem(self) -> bool:
        """Rejected, or a cell left out: what a clerk has to look at."""
        return self.status == "rejected" or any(w.kind == "left_out" for w in self.warnings)


@dataclass
class SheetReport:
    name: str
    used: bool
    reason: str
    kind: str = "ledger"
    """``ledger`` (rows are alleys and plans) or ``publicity`` (a 公示 list of evaluation results)."""


@dataclass
class SheetData:
    """What a preview keeps of one sheet it reads, so that corrections can be worked out again
    without reading the file: its header as written, the columns recognised, and its data rows."""

    name: str
    kind: str
    headers: dict[int, str]
    """Each column's header text as the sheet has it (a two-row header joined), by 0-based column."""
    matched: dict[int, HeaderMatch]
    unknown: dict[int, str]
    rows: list[tuple[int, list[Any]]]
    """(Excel row number, cells) of each data row."""
    title: str = ""
    defaults: dict[str, Any] = field(default_factory=dict)
    """Values of columns the sheet lacks, taken from its title (年度) or its name (所在街道)."""


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
    corrections: dict[tuple[str, int, int], Any] = field(default_factory=dict)
    """Cells the clerk corrected in the preview: (sheet, Excel row, 0-based column) → new value."""
    data: list[SheetData] = field(default_factory=list, repr=False)

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def rejections(self) -> list[Notice]:
        return [j for r in self.rows for j in r.rejections]

    @property
    def warnings(self) -> list[Notice]:
        return [w for r in self.rows for w in r.warnings]

    def warning_count(self, kind: str) -> int:
        return sum(1 for r in self.rows for w in r.warnings if w.kind == kind)

    @property
    def writes_anything(self) -> bool:
        """Whether importing would write: a row is new or changes a record."""
        return any(r.status in ("new", "updated") for r in self.rows)

    @property
    def needs_attention(self) -> bool:
        """A row was rejected or a cell left out (``import`` then exits with status 1)."""
        return any(r.has_problem for r in self.rows)

    def to_json(self) -> dict[str, Any]:
        """The ``import --json`` document."""
        return {
            "new": self.count("new"), "updated": self.count("updated"), "unchanged": self.count("unchanged"),
            "rejected": self.count("rejected"), "skipped_rows": self.skipped_rows,
            "rejections": [j.to_json() for j in self.rejections],
            "warnings": [{**w.to_json(), "kind": w.kind} for w in self.warnings],
            "unknown_columns": self.unknown_columns,
            "sheets": [{"name": s.name, "used": s.used, "reason": s.reason, "kind": s.kind} for s in self.sheets],
            "file": self.file, "sha256": self.sha256, "committed": self.committed, "backup": self.backup,
            "corrections": len(self.corrections),
        }


# ------------------------------------------------------------------------------------------ reading
def _find_header(sheet: RawSheet) -> tuple[int, dict[int, HeaderMatch], dict[int, str], int] | None:
    """(header row index, matched columns, every column's header text, rows the header spans) or None.

    A header cell merged over two rows, or a two-row header (a group title over sub-titles), is
    read by joining the two cells of each column.
    """
    best, best_score = None, (0, 0)
    for r in range(min(len(sheet.rows), limits().header_search_rows)):
        for span in (1, 2):
            texts = _header_texts(sheet, r, span)
            matched = {c: m for c, t in texts.items() if (m := match_header(t))}
            score = (len(matched), -span)  # on a tie, the one-row header nearer the data wins
            if _is_header(matched) and (best is None or score > best_score):
                best, best_score = (r, matched, texts, span), score
    return best


def _is_header(matched: dict[int, HeaderMatch]) -> bool:
    """Enough ledger columns for a header: three, or a name and a result (a region's 公示 list may
    have nothing else the program knows)."""
    fields = {m.column.field for m in matched.values()}
    return len(fields) >= MIN_HEADER_MATCHES or ("name" in fields and bool(fields & _EVALUATION_FIELDS))


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


def preview_import(ledger: Ledger, path: Path | str, *, progress: Callable[[int, str], None] | None = None,
                   cancel: Callable[[], bool] | None = None) -> ImportPreview:
    """Read ``path`` and decide each row's fate against ``ledger``; writes nothing."""
    with gc_paused():  # tens of thousands of cells and records, none in a cycle
        path = Path(path)
        sheets = read_sheets(path)
        digest = file_sha256(path)
        reports, data, skipped = _layout(sheets)
        if not any(report.used for report in reports):
            raise LedgerError("文件中没有可导入的台账：" + "；".join(f"工作表「{r.name}」{r.reason}" for r in reports),
                              Place(file=path.name))
        preview = ImportPreview(path.name, digest, reports, [], [], skipped, data=data)
        return _decide(ledger, preview, progress, cancel)


def revise_import(ledger: Ledger, preview: ImportPreview, corrections: dict[tuple[str, int, int], Any], *,
                  progress: Callable[[int, str], None] | None = None,
                  cancel: Callable[[], bool] | None = None) -> ImportPreview:
    """The preview again with cells corrected by the clerk: (sheet, Excel row, 0-based column) →
    value as typed (text is read like the file's cells; an empty text empties the cell).

    Every row's fate is worked out again, since a correction can change others (a name fixed in
    one row makes a later row of the same alley a duplicate, or gives it its alley). The file is
    not read again.
    """
    with gc_paused():
        revised = replace(preview, rows=[], unknown_columns=[], headers={}, committed=False, backup=None,
                          corrections={**preview.corrections, **corrections})
        return _decide(ledger, revised, progress, cancel)


def _layout(sheets: list[RawSheet]) -> tuple[list[SheetReport], list[SheetData], int]:
    """Each sheet's report and, for the sheets that hold a ledger, their header and data rows."""
    reports, data = [], []
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
        header_row, matched, texts, span = found
        first = header_row + span
        said = [f"第{header_row + 1}行为表头" if span == 1 else f"第{header_row + 1}–{header_row + span}行为表头"]
        ignored = {c for c, t in texts.items() if t and is_ignored_header(t)}
        numbering = _numbering_column(sheet.rows[first:], matched)
        if numbering is not None:  # 编号 1, 2, 3 …: the sheet's own row numbers, not alley codes
            del matched[numbering]
            ignored.add(numbering)
            said.append(f"「{texts[numbering]}」列是表格自己的行号，不是街巷编码")
        for c, other in _second_columns(matched).items():  # two columns for one field: the first is read
            said.append(f"「{texts[c]}」与「{texts[other]}」都是{matched[c].column.header}，按「{texts[other]}」读取，"
                        f"「{texts[c]}」随记录另存")
            del matched[c]
        unknown = {c: t for c, t in texts.items() if c not in matched and t and c not in ignored}
        title = " ".join(normalize_text(str(v)) for row in sheet.rows[:header_row] if not _looks_like_header(row)
                         for v in row if v not in (None, ""))
        years = set(_ANY_YEAR.findall(title))
        year = int(years.pop()) if len(years) == 1 else None  # "三年行动（2022—2024年）" names no one year
        kind = _sheet_kind(matched, title)
        fields = {(m.column.record, m.column.field) for m in matched.values()}
        defaults: dict[str, Any] = {}
        if kind == "publicity":
            said.append("这是评定结果名单（公示名单），只更新已有方案的评定结果，不新增街巷或方案")
        plan_data = fields - _IDENTITY - {("plan", "notes")} - _ALLEY_FIELDS
        if year is not None and (plan_data or kind == "publicity"):  # a list of plans, not a list of alleys
            defaults["year"] = year
            said.append(("年度空白的行" if ("plan", "year") in fields else "没有年度列，") + f"年度按标题中的 {year} 年计")
        place = _PLACE_IN_NAME.match(normalize_text(sheet.name).replace(" ", ""))
        if ("alley", "subdistrict") not in fields and place:
            defaults["subdistrict"] = place.group(1)
            said.append(f"没有所在街道列，所在街道按工作表名称计为「{place.group(1)}」")
        reports.append(SheetReport(sheet.name, True, "；".join(said), kind))
        kept = []
        for offset, row in enumerate(sheet.rows[first:]):
            if _skip(row, ignored):
                skipped += 1
            else:
                kept.append((first + offset + 1, row))
        data.append(SheetData(sheet.name, kind, {c: t for c, t in texts.items() if t}, matched, unknown, kept,
                              title, defaults))
    return reports, data, skipped


def _looks_like_header(row: list[Any]) -> bool:
    """A row above the chosen header that is itself header text (the top row of a merged header)."""
    return sum(1 for v in row if match_header(v)) >= 2


def _numbering_column(rows: list[list[Any]], matched: dict[int, HeaderMatch]) -> int | None:
    """The column read as 街巷编码 when it holds the sheet's own row numbers (编号 1, 2, 3 …)."""
    at = next((c for c, m in matched.items() if m.column.field == "code"), None)
    if at is None:
        return None
    numbers = []
    for row in rows:
        value = row[at] if at < len(row) else None
        if value is None or value == "":
            continue
        text = cell_text(value)
        if not text.isdigit() or len(text) > 4:
            return None  # a real code (4501230001) or words: the column is what its header says
        numbers.append(int(text))
    return at if numbers and numbers == list(range(numbers[0], numbers[0] + len(numbers))) else None


def _second_columns(matched: dict[int, HeaderMatch]) -> dict[int, int]:
    """Columns that name a field an earlier column already names: {later column: the first one}."""
    first: dict[tuple[str, str], int] = {}
    later = {}
    for c, m in sorted(matched.items()):
        key = (m.column.record, m.column.field)
        if key in first:
            later[c] = first[key]
        else:
            first[key] = c
    return later


def _sheet_kind(matched: dict[int, HeaderMatch], title: str) -> str:
    """``publicity`` for a list of evaluation results: plans named, their results, and at most what
    describes the alley (length, 社区, 类别) — nothing only a work ledger has (money, dates, units)."""
    keys = {(m.column.record, m.column.field) for m in matched.values()}
    evaluations = {k for k in keys if k[1] in _EVALUATION_FIELDS}
    rest = keys - evaluations - _IDENTITY - _ALLEY_FIELDS - {("plan", "notes"), ("plan", "category")}
    if evaluations and not rest:
        return "publicity"
    if evaluations and any(word in title for word in ("公示", "名单")) and not rest - {("acceptance", "accepted_on")}:
        return "publicity"
    return "ledger"


_FOOTER_TAIL = re.compile(r"^\s*(?:[:：]|$|\s|\d)")


def _skip(row: list[Any], ignored: set[int]) -> bool:
    """Rows that carry no record: blank rows (or rows with only a 序号), unit lines, totals rows,
    and the signature and note lines under a table (填报人：…　审核人：…, 注：…).

    Looks at the first few filled cells only, and at their first characters before anything else:
    it runs on every row of a 10,000-row ledger."""
    firsts: list[str] = []  # the first three filled cells, 序号 included: 合计 often stands there
    first = None  # the first filled cell that is not a 序号
    for c, value in enumerate(row):
        if value is None or value == "":
            continue
        text = value if value.__class__ is str else str(value)
        if len(firsts) < 3:
            firsts.append(text)
        if first is None and c not in ignored:
            first = text
        if first is not None and len(firsts) == 3:
            break
    if first is None:
        return True  # blank, or nothing but the sheet's own numbering
    table = header_table()
    for cell in firsts:
        if any(word in cell for word in table.totals_words) and _is_totals(normalize_text(cell).replace(" ", "")):
            return True
    for cell in {first, firsts[0]}:  # 说明 may stand in the 序号 column, the note beside it
        if cell.lstrip()[:1] not in table.line_starts:
            continue
        text = normalize_text(cell).replace(" ", "")
        if text.startswith(("单位", "金额单位", "填报单位", "填表", "制表")) and _filled_once(row):
            return True
        for word in table.footer_words:
            # 填报人张三 is a signature line; 注 and 说明 need their colon (注：…), or nothing after them.
            if text.startswith(word) and (len(word) >= 3 or _FOOTER_TAIL.match(text[len(word):])):
                return True
    return False


def _is_totals(text: str) -> bool:
    """合计, 合计（共12条）, 合计：2条, 城东街道小计 — but not an alley named 合计巷."""
    for word in header_table().totals_words:
        if text.endswith(word):
            return True
        if text.startswith(word) and (len(text) == len(word) or not "\u4e00" <= text[len(word)] <= "\u9fff"):
            return True
    return False


def _filled_once(row: list[Any]) -> bool:
    """Exactly one cell of the row holds something (a unit line: 单位：万元)."""
    return len(row) - row.count(None) - row.count("") == 1


class _Context:
    """What deciding rows needs from the ledger, read once per preview."""

    def __init__(self, ledger: Ledger, corrections: dict[tuple[str, int, int], Any]):
        self.ledger = ledger
        self.corrections = corrections
        self.profile = ledger.profile()
        self.content = ContentReader(self.profile)
        self.alleys = {a.code: a for a in ledger.alleys()}
        # Names are matched as written apart from full- and half-width forms and spaces: 解放巷（东段）
        # in one ledger is 解放巷(东段) in another.
        self.by_name: dict[tuple[str, str], Alley] = {(_name(a.name), _name(a.subdistrict)): a
                                                      for a in self.alleys.values()}
        self.named: dict[str, list[Alley]] = {}
        for alley in self.alleys.values():
            self.named.setdefault(_name(alley.name), []).append(alley)
        self.plans = {(p.alley_id, p.year): p for p in ledger.plans()}
        self.acceptances = {a.plan_id: a for a in ledger.acceptances()}
        self.filings = {f.plan_id: f for f in ledger.filings()}
        self.locked = {f.plan_id for f in self.filings.values() if f.locked_at}
        self.locked_alleys = {alley_id for (alley_id, _), p in self.plans.items() if p.id in self.locked}
        """Alleys with a filed plan: their printed fields (name, place) need an amendment in the program."""
        settings = ledger.settings()
        self.prefix = code_prefix(settings)
        self.next_seq = next_sequence(self.alleys, self.prefix)
        self.seen: dict[tuple[str, int | None], tuple[str, int]] = {}
        """(alley code, year) → (sheet, Excel row) of the row that gave it."""
        self.new_alleys: dict[str, RowResult] = {}
        """The row that inserts each alley new in this file."""
        self.today = date.today()

    # ---------------------------------------------------------------- one sheet
    def rows(self, data: SheetData, *, step: Callable[[int, str], None]) -> list[RowResult]:
        """The fate of each data row of one sheet, in order.

        Cells are read column by column: a ledger repeats its values down a column (dates,
        categories, sub-districts, units), so each distinct value of a column is parsed once.
        """
        sheet = data.name
        self.title = data.title
        self.column_at = {m.column.field: c for c, m in data.matched.items()}
        fixes: dict[int, list[tuple[int, Any]]] = {}
        for (s, r, c), value in self.corrections.items():
            if s == sheet:
                fixes.setdefault(r, []).append((c, value))
        rows = [(n, _corrected(row, fixes[n]) if n in fixes else row) for n, row in data.rows]
        columns = []
        for i, (c, match) in enumerate(data.matched.items()):
            step(45 * i // max(len(data.matched), 1), f"读取「{sheet}」")
            cells = [row[c] if c < len(row) else None for _, row in rows]
            column = match.column
            columns.append((c, column.header, column.record, column.field, self.parse_column(cells, match)))
        # Each field's column (header, 0-based column), for what a row says about a cell.
        where = {field: (header, c) for c, header, _, field, _ in columns}
        publicity = data.kind == "publicity"
        unknown = list(data.unknown.items())
        alley_defaults = {k: v for k, v in data.defaults.items() if k == "subdistrict"}
        plan_defaults = {k: v for k, v in data.defaults.items() if k == "year"}
        results = []
        for i, (excel_row, row) in enumerate(rows):
            if i % 500 == 0:
                step(45 + 45 * i // max(len(rows), 1), f"检查「{sheet}」")
            result = RowResult(sheet, excel_row, "rejected", row)
            fields: dict[str, dict[str, Any]] = {"alley": dict(alley_defaults), "plan": dict(plan_defaults),
                                                 "acceptance": {}, "filing": {}}
            for c, header, record, name, parsed in columns:
                value = parsed[i]
                if value is None:
                    continue
                kind = value.__class__
                if kind is _Unreadable or kind is _Approximate or kind is ContentReading:
                    value = self._noted(result, value, header, c, row[c], name == "year")
                    if value is _LEFT_OUT:
                        continue
                fields[record][name] = value
            if not result.rejections:
                placed = _Cells(where, row)
                if publicity:
                    self.decide_publicity(result, fields, placed, data)
                else:
                    extra = {name: cell_text(row[c]) for c, name in unknown
                             if c < len(row) and row[c] is not None and row[c] != ""}
                    self.decide(result, fields, placed, extra)
            if result.rejections:
                result.status = "rejected"
                result.records.clear()
            results.append(result)
        return results

    def _noted(self, result: RowResult, value: Any, header: str, c: int, raw: Any, is_year: bool) -> Any:
        """A cell that was not read as it stands: listed on the row, and the value to use (or
        :data:`_LEFT_OUT`)."""
        sheet, excel_row = result.sheet, result.row
        if value.__class__ is _Unreadable:
            if is_year:
                result.rejections.append(Notice(sheet, excel_row, header, _shown(raw),
                                                f"{value.reason}；没有年度，无法确定是哪一年的方案", col=c))
            else:
                result.warnings.append(Notice(sheet, excel_row, header, _shown(raw),
                                              f"{value.reason}；该项留空，其余内容照常导入", "left_out", c))
            return _LEFT_OUT
        if value.__class__ is _Approximate:
            result.warnings.append(Notice(sheet, excel_row, header, _shown(raw), value.note, "approximate", c))
            return value.value
        self._content_notices(result, header, c, raw, value)
        return (clean_lines(unguarded(str(raw))), value)

    def _content_notices(self, result: RowResult, header: str, c: int, raw: Any, reading: ContentReading) -> None:
        for group in reading.declared_groups:
            result.warnings.append(Notice(
                result.sheet, result.row, header, _shown(raw),
                f"“{group}”只写了类别，没有写明是哪几项（{self.content.group_names(group)}）；已按“{group}”记入，"
                "核对方案时会请您补充具体措施", "approximate", c))
        for words in reading.unrecognised:
            result.warnings.append(Notice(
                result.sheet, result.row, header, words,
                f"「{words}」不是措施目录中的措施，也不是常用说法；原文照样保存，没有据此记入措施", "unrecognised", c))

    # ---------------------------------------------------------------- cells
    def parse_column(self, cells: list[Any], match: HeaderMatch) -> list[Any]:
        """Each cell parsed (see :meth:`parse`); a cell that cannot be read gives an :class:`_Unreadable`."""
        if match.column.kind == "text" and not match.column.lines:
            return [_plain_text(raw) for raw in cells]
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
        """One cell as the value of its field: None when blank, an :class:`_Approximate` when read
        approximately, a :class:`ContentReading` for 改造内容; ValueError (Chinese) when unreadable."""
        column: Column = match.column
        if isinstance(raw, FormulaWithoutValue):
            raise ValueError(f"是公式（={raw}）但没有保存计算结果；请在 Excel 或 WPS 中打开、保存后再导入")
        if raw is None or (isinstance(raw, str) and raw.strip() == ""):
            return None
        kind = column.kind
        if kind == "date":
            if isinstance(raw, datetime):
                return raw.date()
            day, note = read_date(unguarded(raw) if isinstance(raw, str) else raw)
            return _Approximate(day, note) if note else day
        if kind in ("wan", "metres", "int", "year"):
            return self._number(raw, match)
        text = unguarded(clean_lines(raw)) if column.lines and isinstance(raw, str) else cell_text(raw)
        if kind == "content":
            return self.content.read(text)
        if kind == "evaluation":  # a 公示 list's 评定结果: its words decide which evaluation (不 达 标)
            return normalize_text(text).replace(" ", "")
        words = {"category": (header_table().categories, "类别「{}」应为达标类或精品类"),
                 "result": (header_table().results, "验收结果「{}」应为合格或不合格"),
                 "standard_eval": (header_table().standard_evals, "达标评定结果「{}」应为达标或不达标"),
                 "boutique_eval": (header_table().boutique_evals, "精品评定结果「{}」应为精品或未评为精品")}.get(kind)
        if words is not None:
            found = words[0].get(normalize_text(text).replace(" ", ""))
            if found is None:
                raise ValueError(words[1].format(text))
            return found
        return text

    def _number(self, raw: Any, match: HeaderMatch) -> Any:
        table = header_table()
        kind = match.column.kind
        units = {"wan": table.money_units, "metres": table.length_units}.get(kind, _COUNT_UNITS)
        parsed = read_number(raw, units)  # type: ignore[arg-type]
        if parsed is None:
            return None
        number, unit, about = parsed
        if kind == "wan":
            scale = table.money_units[unit] if unit else match.scale
            yuan = number * scale
            if yuan != yuan.to_integral_value():
                raise ValueError(f"金额 {raw} 折合 {yuan} 元，不是整数元")
            value: Any = int(yuan)
        elif kind == "metres":
            value = float(number * (table.length_units[unit.lower()] if unit else match.scale))
        else:
            if number != number.to_integral_value():
                raise ValueError(f"「{raw}」应为整数")
            value = int(number)
        return _Approximate(value, f"约数，按 {format(number, 'f')}{unit} 计") if about else value

    # ---------------------------------------------------------------- one row of a ledger
    def decide(self, result: RowResult, fields: dict[str, dict[str, Any]], cells: _Cells,
               extra: dict[str, str]) -> None:
        """The fate of one row of a ledger: ``fields`` are its values by record (alley, plan,
        acceptance, filing) and field; ``extra`` the values of columns the program does not know."""
        sheet, excel_row = result.sheet, result.row
        result.name = fields["alley"].get("name", "")
        code = fields["alley"].get("code")
        year = fields["plan"].get("year")
        alley, why = self._find_alley(fields["alley"])
        if why:
            at = self.column_at.get("name" if "name" not in fields["alley"] else "subdistrict")
            result.rejections.append(Notice(sheet, excel_row, "街巷名称" if "name" not in fields["alley"] else "所在街道",
                                            "", why, col=at))
            return
        if not year and set(fields["plan"]) == {"notes"}:
            fields["alley"]["notes"] = fields["plan"].pop("notes")  # a project library's 备注: the alley's
        if not year and (fields["plan"] or fields["acceptance"] or fields["filing"]):
            given = "、".join(cells.header(f) for k in ("plan", "acceptance", "filing") for f in fields[k])
            result.rejections.append(Notice(sheet, excel_row, "年度", "",
                                            f"没有填写年度，无法确定「{given}」是哪一年的方案",
                                            col=self.column_at.get("year")))
            return
        # One row per alley and year. An alley new in this file is found by later rows once its
        # first row is in (by code, or by name and street), so its code is the key for all of them.
        key = (alley.code if alley else code, year)
        if key[0] is not None and key in self.seen:
            result.rejections.append(Notice(sheet, excel_row, "", "", f"与{self._where(key, sheet)}是同一条街巷同一年度，重复"))
            return
        changed = False
        new_alley = None  # an alley new in this file, made or changed by this row
        writer = _Fields(result, cells)
        if "evaluation" in fields["acceptance"]:
            _resolve_evaluation(fields["acceptance"], writer, self.title)
        try:
            if alley is None:
                if "name" not in fields["alley"] or "subdistrict" not in fields["alley"]:
                    missing = [(h, f) for h, f in (("街巷名称", "name"), ("所在街道", "subdistrict"))
                               if f not in fields["alley"]]
                    result.rejections.append(Notice(sheet, excel_row, "、".join(h for h, _ in missing), "",
                                                    "新街巷必须填写街巷名称和所在街道", col=self.column_at.get(missing[0][1])))
                    return
                data = dict(fields["alley"])
                if not code:
                    data["code"] = alley_code(self.prefix, self.next_seq)
                    self.next_seq += 1
                base = {"extra": extra} if not year else {}
                alley = new_alley = writer.build(Alley, base, data)
                result.records.append(("alley", alley))
                result.status = "new"
                changed = True
            else:
                update = {k: v for k, v in fields["alley"].items() if getattr(alley, k) != v
                          and not (k in _NAMES and _name(getattr(alley, k)) == _name(v))}
                if not year and extra and {**alley.extra, **extra} != alley.extra:
                    update["extra"] = {**alley.extra, **extra}
                frozen = {k: v for k, v in update.items() if k in PACKET_ALLEY_FIELDS}
                if frozen and alley.id in self.locked_alleys:
                    writer.leave_out(frozen, "该街巷有已归档锁定的方案，名称和所在地印在案卷上，不能通过导入修改；请在程序中作“更正”")
                    update = {k: v for k, v in update.items() if k not in frozen}
                if update:
                    built = writer.build(Alley, alley.model_dump(), update)
                    if set(update) - writer.dropped:  # what the record refused is no change
                        alley = built
                        if alley.id is None:  # new in an earlier row of this file: stored once, as last given
                            new_alley = alley
                        else:
                            result.records.append(("alley", alley))
                        changed = True
            result.code, result.year = alley.code, year
            self.seen[(alley.code, year)] = (sheet, excel_row)
            result.name = result.name or alley.name
            if year:
                changed |= self.decide_plan(result, alley, year, fields, extra, writer)
        except InvalidRecord as error:
            for detail in error.details:
                result.rejections.append(Notice(sheet, excel_row, "", "", detail))
            result.records.clear()
            return
        if result.rejections:
            result.records.clear()
            return
        if new_alley is not None:
            self._keep_new_alley(new_alley, result)
        elif alley is not None and alley.id is not None and any(kind == "alley" for kind, _ in result.records):
            self.alleys[alley.code] = alley  # a later row of this alley (another year) starts from this one's change
        if result.status != "new":
            result.status = "updated" if changed else "unchanged"

    def _where(self, key: tuple[Any, Any], sheet: str) -> str:
        """Where the row that first gave ``key`` stands: 第5行, or 工作表「汇总」第5行 on another sheet."""
        first_sheet, first_row = self.seen[key]
        return f"第{first_row}行" if first_sheet == sheet else f"工作表「{first_sheet}」第{first_row}行"

    def _find_alley(self, given: dict[str, Any]) -> tuple[Alley | None, str]:
        """The stored (or new in this file) alley a row names, or None for a new one; or why the
        row cannot be placed."""
        code, name, subdistrict = given.get("code"), given.get("name"), given.get("subdistrict")
        if code:
            return self.alleys.get(code), ""
        if not name:
            return None, "没有街巷名称，也没有街巷编码，无法确定是哪条街巷"
        if subdistrict:
            return self.by_name.get((_name(name), _name(subdistrict))), ""
        same = self.named.get(_name(name), [])
        if len(same) > 1:
            places = "、".join(sorted(a.subdistrict for a in same))
            return None, f"有 {len(same)} 条名为「{name}」的街巷（{places}），请填写所在街道或街巷编码"
        return (same[0] if same else None), ""

    def _keep_new_alley(self, alley: Alley, result: RowResult) -> None:
        """Let later rows (other years) find an alley new in this file, once its row is accepted;
        a later row that changes it changes the one record that will insert it."""
        holder = self.new_alleys.setdefault(alley.code, result)
        holder.records = [(kind, alley if kind == "alley" else record) for kind, record in holder.records]
        known = self.alleys.get(alley.code)
        self.alleys[alley.code] = alley
        self.by_name[(_name(alley.name), _name(alley.subdistrict))] = alley
        named = self.named.setdefault(_name(alley.name), [])
        if known in named:
            named.remove(known)
        named.append(alley)

    def decide_plan(self, result: RowResult, alley: Alley, year: int, fields: dict[str, dict[str, Any]],
                    extra: dict[str, str], writer: _Fields) -> bool:
        plan = self.plans.get((alley.id, year)) if alley.id else None
        # An export shows the alley's own kept columns on each of its rows: they stay the alley's.
        extra = {name: value for name, value in extra.items() if alley.extra.get(name) != value}
        data = dict(fields["plan"])
        content = data.pop("measures", None)
        if content is not None and not _same_content(plan, *content):
            text, reading = content
            data["measures"] = _merged_measures(plan, reading.codes)
            data["content_text"] = "" if reading.exact else text
            data["declared_groups"] = list(reading.declared_groups)
            writer.alias("content_text", "measures")
            writer.alias("declared_groups", "measures")
        if data.get("withdrawn_reason") and "withdrawn_on" not in data and (plan is None or plan.withdrawn_on is None):
            data["withdrawn_on"] = self.today
            result.warnings.append(Notice(result.sheet, result.row, "撤销原因", _shown(data["withdrawn_reason"]),
                                          f"没有撤销日期，按导入当天 {self.today.isoformat()} 记为撤销日期", "approximate",
                                          writer.col("withdrawn_reason")))
        locked = plan is not None and plan.id in self.locked
        changed = False
        if plan is None:
            plan = writer.build(Plan, {"extra": extra, "alley_id": alley.id}, data)
            changed = True
            result.status = "new"  # a row is one alley in one year: a new plan is a new row
        else:
            current = plan.model_dump()
            if extra and {**plan.extra, **extra} != plan.extra:
                data["extra"] = {**plan.extra, **extra}
            update = {k: v for k, v in data.items() if current.get(k) != v}
            if update and locked:
                writer.leave_out(update, f"{year}年方案已归档锁定，不能通过导入修改；请在程序中作“更正”")
                update = {}
            if update:
                built = writer.build(Plan, current, update)
                if set(update) - writer.dropped:
                    plan, changed = built, True
        if changed:
            result.records.append(("plan", plan))
        changed |= self._decide_acceptance(result, plan, year, fields["acceptance"], locked, writer)
        if changed:
            self._check_order(result, plan, writer)
        changed |= self._decide_filing(result, plan, year, fields["filing"], locked, writer)
        return changed

    def _check_order(self, result: RowResult, plan: Plan, writer: _Fields) -> None:
        """The acceptance form's rule (:func:`core.workflow.acceptance_order`: after completion, not
        in the future) on what the row leaves: the ledger's dates are imported as they are, and the
        row says what to check (R9 lists it in 检查结果 too)."""
        accepted_on = next((r.accepted_on for kind, r in result.records if kind == "acceptance"), None)
        if accepted_on is None:
            stored = self.acceptances.get(plan.id) if plan.id else None
            if stored is None:
                return
            accepted_on = stored.accepted_on
        found = acceptance_order(plan, accepted_on, today=self.today)
        if found is not None:
            cell = writer.cell("accepted_on") or writer.cell("completion_on")
            result.warnings.append(Notice(result.sheet, result.row, cell[0] if cell else "验收日期",
                                          _shown(cell[2]) if cell else accepted_on.isoformat(),
                                          f"{found.fact}{'，竣工验收须在竣工之后（R9）' if found.rule else ''}"
                                          "：已照表导入，请核对后改正", "rule", cell[1] if cell else None))

    def _decide_acceptance(self, result: RowResult, plan: Plan, year: int, given: dict[str, Any], locked: bool,
                           writer: _Fields) -> bool:
        if not given:
            return False
        acc = self.acceptances.get(plan.id) if plan.id else None
        if acc is None:
            if "accepted_on" in given and "result" in given:
                result.records.append(("acceptance", writer.build(Acceptance, {"plan_id": plan.id}, given)))
                return True
            missing = "验收日期" if "accepted_on" not in given else "验收结果"
            writer.leave_out(given, f"没有{missing}，竣工验收记录无法建立，{'评定结果须记在验收记录上' if given.keys() & _EVALUATION_FIELDS else '该项未导入'}")
            return False
        update = {k: v for k, v in given.items() if getattr(acc, k) != v}
        if not update:
            return False
        if locked:
            writer.leave_out(update, f"{year}年方案已归档锁定，验收信息不能通过导入修改；请在程序中作“更正”")
            return False
        built = writer.build(Acceptance, acc.model_dump(), update)
        if not set(update) - writer.dropped:
            return False
        result.records.append(("acceptance", built))
        return True

    def _decide_filing(self, result: RowResult, plan: Plan, year: int, given: dict[str, Any], locked: bool,
                       writer: _Fields) -> bool:
        number = given.get("filing_no")
        if not number:
            return False
        filing = self.filings.get(plan.id) if plan.id else None
        if filing is None:
            result.records.append(("filing", build(Filing, {"filing_no": number, "plan_id": plan.id})))
            return True
        if filing.filing_no == number:
            return False
        if locked:
            writer.leave_out(given, "已归档锁定，不能通过导入修改")
            return False
        result.records.append(("filing", filing.model_copy(update={"filing_no": number})))
        return True

    # ---------------------------------------------------------------- one row of a 公示 list
    def decide_publicity(self, result: RowResult, fields: dict[str, dict[str, Any]], cells: _Cells,
                         data: SheetData) -> None:
        """A row of an evaluation list: the evaluation results go onto the plan it names; nothing
        is created, and a name that cannot be found is reported."""
        sheet, excel_row = result.sheet, result.row
        given = fields["alley"]
        result.name = given.get("name", "")
        year = fields["plan"].get("year")
        alley, why = self._find_alley(given)
        if not why and alley is None:
            place = "（" + given["subdistrict"] + "）" if given.get("subdistrict") else ""
            why = (f"找不到街巷编码为「{given['code']}」的街巷" if given.get("code")
                   else f"找不到街巷「{given.get('name')}」{place}；名单只更新已有方案，不新增街巷")
        if why or alley is None:
            result.rejections.append(Notice(sheet, excel_row, "", "", why))
            return
        result.code, result.year, result.name = alley.code, year, result.name or alley.name
        if not year:
            result.rejections.append(Notice(sheet, excel_row, "年度", "", "名单没有年度（表头和标题中都没有），无法确定是哪一年的方案"))
            return
        plan = self.plans.get((alley.id, year)) if alley.id else None
        if plan is None:
            result.rejections.append(Notice(sheet, excel_row, "", "", f"街巷「{alley.name}」没有{year}年的改造方案；名单只更新已有方案"))
            return
        key = (alley.code, year)
        if key in self.seen:
            result.rejections.append(Notice(sheet, excel_row, "", "", f"与{self._where(key, sheet)}是同一条街巷同一年度，重复"))
            return
        self.seen[key] = (sheet, excel_row)
        evaluation = fields["acceptance"]
        writer = _Fields(result, cells)
        _resolve_evaluation(evaluation, writer, data.title)
        if not evaluation:
            result.status = "unchanged"
            return
        acc = self.acceptances.get(plan.id)
        if acc is None:
            result.rejections.append(Notice(sheet, excel_row, "", "",
                                            f"{year}年方案还没有竣工验收记录，评定结果须记在验收记录上；请先录入竣工验收"))
            return
        changed = self._decide_acceptance(result, plan, year, evaluation, plan.id in self.locked, writer)
        result.status = "updated" if changed else "unchanged"


def _resolve_evaluation(given: dict[str, Any], writer: _Fields, title: str) -> None:
    """Turn a list's own 评定结果/评定日期 in ``given`` into the 达标 or 精品 evaluation it is."""
    outcome = given.pop("evaluation", None)
    on = given.pop("evaluation_on", None)
    if outcome is None:
        return
    which = _which_evaluation(outcome, title)
    if which is None:
        writer.leave_out({"evaluation": outcome, "evaluation_on": on},
                         f"「{outcome}」看不出是达标评定还是精品评定；请写“达标/不达标”或“精品/未评为精品”")
        return
    given[f"{which}_eval_result"] = getattr(header_table(), f"{which}_evals")[outcome]
    writer.alias(f"{which}_eval_result", "evaluation")
    if on is not None:
        given[f"{which}_eval_on"] = on
        writer.alias(f"{which}_eval_on", "evaluation_on")


def _which_evaluation(outcome: str, title: str) -> str | None:
    """``standard`` or ``boutique``: which evaluation a 公示 list's result word belongs to."""
    table = header_table()
    in_standard, in_boutique = outcome in table.standard_evals, outcome in table.boutique_evals
    if in_standard and not in_boutique:
        return "standard"
    if in_boutique and not in_standard:
        return "boutique"
    if in_standard and in_boutique:
        if "精品" in title:
            return "boutique"
        if "达标" in title:
            return "standard"
    return None


def _same_content(plan: Plan | None, text: str, reading: ContentReading) -> bool:
    """The ledger says of the plan's 改造内容 what it said before (measures a clerk has added in the
    program since then are not undone by importing the same ledger again)."""
    if plan is None:
        return False
    if reading.exact:
        return not plan.content_text and set(reading.codes) <= {m.code for m in plan.measures}
    return plan.content_text == text


def _merged_measures(plan: Plan | None, codes: Iterable[str]) -> list[dict[str, Any]]:
    """The plan's measures with those ``codes`` names added: an import adds measures, keeping what
    the stored plan has of each (quantity, cost), and never takes one away."""
    kept = [m.model_dump() for m in plan.measures] if plan is not None else []
    have = {m["code"] for m in kept}
    return kept + [{"code": code} for code in codes if code not in have]


class _Fields:
    """Builds records from a row's values, leaving out each value the record refuses.

    A value its field refuses (a negative 户数, a name too long) is left out and listed with the
    record's reason; values that contradict each other (竣工日期 before 开工日期) are all left out.
    A row is rejected only when nothing it gives can be left out to make a valid record.
    """

    def __init__(self, result: RowResult, cells: _Cells):
        self.result = result
        self.cells = cells

    def alias(self, name: str, source: str) -> None:
        """Field ``name`` was read from the cell of field ``source``."""
        self.cells.alias(name, source)

    def cell(self, name: str) -> tuple[str, int, Any] | None:
        return self.cells.get(name)

    def col(self, name: str) -> int | None:
        cell = self.cell(name)
        return cell[1] if cell else None

    def leave_out(self, given: dict[str, Any], reason: str) -> None:
        """List the cells of ``given`` as left out, with ``reason``."""
        seen = set()
        for name in given:
            cell = self.cell(name)
            if cell is None or cell[1] in seen:
                continue
            seen.add(cell[1])
            header, c, raw = cell
            self.result.warnings.append(Notice(self.result.sheet, self.result.row, header, _shown(raw), reason,
                                               "left_out", c))

    def build(self, model: type[BaseModel], base: dict[str, Any], given: dict[str, Any]) -> Any:
        """``model`` from ``base`` with ``given`` on top, leaving out what it refuses; the names
        left out are in :attr:`dropped` afterwards."""
        self.dropped: set[str] = set()
        given = dict(given)
        for _ in range(len(given) + 1):
            try:
                return compacted(model.model_validate({**base, **given}, context=CLEAN_TEXT))
            except ValidationError as error:
                culprits = self._culprits(model, base, given, error)
                if not culprits:
                    label = getattr(model, "label", model.__name__)
                    raise InvalidRecord(f"{label}填写有误", details=chinese_messages(model, error)) from None
                for name, message in culprits.items():
                    self.leave_out({name: given[name]}, f"{message}；该项留空，其余内容照常导入")
                    del given[name]
                    self.dropped.add(name)
        raise AssertionError("unreachable: every pass leaves out at least one value")

    def _culprits(self, model: type[BaseModel], base: dict[str, Any], given: dict[str, Any],
                  error: ValidationError) -> dict[str, str]:
        """The given values to leave out, each with the record's message about it."""
        culprits: dict[str, str] = {}
        whole: list[str] = []
        for item, message in zip(error.errors(include_url=False), chinese_messages(model, error), strict=True):
            loc = item.get("loc", ())
            if loc and loc[0] in given:
                culprits.setdefault(str(loc[0]), message)
            elif not loc:
                whole.append(message)
        if culprits or not whole:
            return culprits
        # A rule about the record as a whole: the values whose leaving out alone mends it.
        for name in given:
            try:
                model.model_validate({**base, **{k: v for k, v in given.items() if k != name}})
            except ValidationError:
                continue
            culprits[name] = "；".join(whole)
        return culprits


def _plain_text(raw: Any) -> str | None:
    """A text cell (names, places, units) as :func:`cell_text` reads it, None when blank; most
    cells need nothing done, and a ledger has hundreds of thousands of them."""
    if raw.__class__ is str and raw and raw[0] != "'" and is_tidy(raw):
        return raw
    return None if raw is None else cell_text(raw) or None


def cell_text(raw: Any) -> str:
    """A cell as text: 13800001111.0 (a phone typed as a number) becomes 13800001111, dates ISO."""
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, datetime):
        return raw.date().isoformat() if raw.time() == datetime.min.time() else raw.isoformat(sep=" ")
    if isinstance(raw, date):
        return raw.isoformat()
    return unguarded(clean_text(str(raw)))


def _name(text: str) -> str:
    """A name as names are compared: full-width folded, no spaces (the name stored stays as written)."""
    return normalize_text(text).replace(" ", "")


def _corrected(row: list[Any], fixes: list[tuple[int, Any]]) -> list[Any]:
    """A copy of ``row`` with the clerk's corrections (0-based column, value) put in."""
    row = list(row)
    for c, value in fixes:
        row.extend([None] * (c + 1 - len(row)))
        row[c] = value
    return row


class _Cells:
    """Where each field of one row stands: its header, column and the cell as the file has it."""

    __slots__ = ("where", "row", "moved")

    def __init__(self, where: dict[str, tuple[str, int]], row: list[Any]):
        self.where = where
        self.row = row
        self.moved: dict[str, str] = {}

    def get(self, name: str) -> tuple[str, int, Any] | None:
        found = self.where.get(self.moved.get(name, name))
        if found is None:
            return None
        header, c = found
        return header, c, self.row[c] if c < len(self.row) else None

    def header(self, name: str) -> str:
        found = self.where.get(self.moved.get(name, name))
        return found[0] if found else name

    def alias(self, name: str, source: str) -> None:
        """Field ``name`` was read from the cell of field ``source``."""
        self.moved[name] = source


class _Unreadable:
    """A cell that could not be read, and why (in Chinese)."""

    __slots__ = ("reason",)

    def __init__(self, reason: str):
        self.reason = reason


class _Approximate:
    """A cell read approximately (a month-only date, 约150米): its value and how it was read."""

    __slots__ = ("value", "note")

    def __init__(self, value: Any, note: str):
        self.value = value
        self.note = note


_UNPARSED = object()
_NAMES = ("name", "subdistrict", "community")
"""Names an import does not change for a full- or half-width bracket or a space."""
_COUNT_UNITS = {"户": 1, "人": 1, "年": 1, "年度": 1, "个": 1}
"""What may follow a whole number in a ledger (120户, 2023年度)."""
_LEFT_OUT = object()


def _decide(ledger: Ledger, preview: ImportPreview, progress: Callable[[int, str], None] | None,
            cancel: Callable[[], bool] | None) -> ImportPreview:
    step = checker(progress, cancel, "导入已取消，没有写入任何数据")
    context = _Context(ledger, preview.corrections)
    for data in preview.data:
        preview.headers[data.name] = [m.column.header for m in data.matched.values()]
        for name in data.unknown.values():
            if name not in preview.unknown_columns:
                preview.unknown_columns.append(name)
        preview.rows += context.rows(data, step=step)
    return preview


def _shown(raw: Any) -> str:
    text = "" if raw is None else cell_text(raw) if not isinstance(raw, str) else raw
    return text if len(text) <= 60 else text[:60] + "…"


# ------------------------------------------------------------------------------------------ writing
def commit_import(ledger: Ledger, preview: ImportPreview, *, all_or_nothing: bool = False,
                  backup_dir: Path | None = None,
                  progress: Callable[[int, str], None] | None = None) -> ImportPreview:
    """Write the preview's new and updated rows in one transaction, after a backup of the database.

    With ``all_or_nothing`` a preview with any rejected row or left-out cell writes nothing. The audit log names
    the file, its SHA-256 and every cell corrected in the preview. ``progress(percent, text)`` is told
    as it goes; there is no cancel: the one transaction finishes or rolls back whole.
    """
    report = checker(progress, None).report
    if all_or_nothing and preview.needs_attention:
        left_out = preview.warning_count("left_out")
        raise LedgerError(f"有 {preview.count('rejected')} 行拒收、{left_out} 个单元格无法读取，"
                          "按“全部或全不”要求未导入任何数据")
    to_write = [r for r in preview.rows if r.status in ("new", "updated")]
    report(5, "备份数据库")
    if ledger.path is not None and to_write:
        if ledger.read_only:
            raise StoreError(ledger.read_only)
        preview.backup = backup_before_import(ledger, backup_dir)
    source = f"import {preview.file} sha256={preview.sha256}"
    summary = (f"导入 {preview.file}：新增 {preview.count('new')}，更新 {preview.count('updated')}，"
               f"未变 {preview.count('unchanged')}，拒收 {preview.count('rejected')}")
    if preview.corrections:
        summary += f"；在预览中更正 {len(preview.corrections)} 处：" + "；".join(
            f"工作表「{s}」第{r}行第{c + 1}列改为「{_shown(v)}」" for (s, r, c), v in sorted(preview.corrections.items()))
    try:
        with ledger.transaction(), gc_paused():
            _write_rows(ledger, to_write, source, lambda done: report(30 + 65 * done // 100, "写入数据库"))
            ledger.note("import", summary, source=source)
    except Conflict as error:
        # Re-checked at commit: a record the preview read was changed since (another window, another
        # import); writing the preview now would undo that change.
        raise Conflict("导入预览之后，数据库中的记录又被修改过，没有导入任何数据；请重新预览后再导入。"
                       + error.message, error.fields, error.stored) from None
    preview.committed = True
    report(100, "完成")
    return preview


def _write_rows(ledger: Ledger, rows: list[RowResult], source: str, done: Callable[[int], None]) -> None:
    """Save the rows' records: new ones in bulk, kind by kind (alleys, then plans, then the rest,
    so ids exist before they are referred to), changed ones one by one with their audit diff;
    ``done(percent)`` after each kind."""
    by_kind: dict[str, list[tuple[RowResult, Any]]] = {"alley": [], "plan": [], "acceptance": [], "filing": []}
    for row in rows:
        for kind, record in row.records:
            by_kind[kind].append((row, record))
    alley_ids: dict[str, int] = {}
    plan_ids: dict[tuple[str, int | None], int] = {}
    for n, kind in enumerate(("alley", "plan", "acceptance", "filing")):
        done(25 * n)
        new: list[tuple[RowResult, Any]] = []
        changed: list[tuple[RowResult, Any]] = []
        for row, record in by_kind[kind]:
            (new if record.id is None else changed).append((row, record))

        def ready(row: RowResult, record: Any, kind: str = kind) -> Any:
            """The record with the ids the store just gave (validated when the preview built it)."""
            if kind == "plan" and record.alley_id is None:  # an alley new in this file
                return replace_fields(record, alley_id=alley_ids[row.code])
            if kind in ("acceptance", "filing") and record.plan_id is None:
                return replace_fields(record, plan_id=plan_ids.get((row.code, row.year))
                                      or _plan_id(ledger, row, alley_ids))
            return record

        if kind == "alley":  # an alley on several rows (one per year) is saved once, as its last row left it
            last = {record.id: i for i, (_, record) in enumerate(changed)}
            changed = [pair for i, pair in enumerate(changed) if last[pair[1].id] == i]
        # In slices, keeping the ids only: copies of 50,000 records at once took 130 MB.
        ids = [stored.id for start in range(0, len(new), WRITE_SLICE)
               for stored in ledger.add_many([ready(*pair) for pair in new[start:start + WRITE_SLICE]], source=source)]
        ids += [ledger.save(ready(*pair), source=source).id for pair in changed]
        for (row, record), record_id in zip(new + changed, ids, strict=True):
            if kind == "alley":
                alley_ids[record.code] = record_id
            elif kind == "plan":
                plan_ids[(row.code, row.year)] = record_id


def _plan_id(ledger: Ledger, row: RowResult, alley_ids: dict[str, int]) -> int | None:
    alley_id = alley_ids.get(row.code) or ledger.alley(row.code).id
    return next(p.id for p in ledger.plans(alley_id=alley_id) if p.year == row.year)


def write_rejects(preview: ImportPreview, out: Path) -> int:
    """Save the rows that need the clerk — rejected, or with a cell left out — under their sheet's
    own header and a column saying why (导入问题), so the file can be fixed and imported again as
    it is. One sheet per sheet of the original file; returns the number of rows saved."""
    from openpyxl import Workbook

    check_output(out)

    workbook = Workbook()
    workbook.remove(workbook.active)
    saved = 0
    by_sheet: dict[str, list[RowResult]] = {}
    for row in preview.rows:
        if row.has_problem:
            by_sheet.setdefault(row.sheet, []).append(row)
    for data in preview.data:
        rows = by_sheet.get(data.name)
        if not rows:
            continue
        ws = workbook.create_sheet(data.name[:31])
        width = max([*data.headers, *(len(r.values) - 1 for r in rows)], default=-1) + 1
        if data.title:  # the year or the kind of list the title gives still counts when it comes back
            ws.append([data.title])
        ws.append([_guard_cell(data.headers.get(c)) for c in range(width)] + [REASON_HEADER])
        for row in rows:
            reason = "；".join(n.message() for n in row.notices if n.kind in ("rejected", "left_out"))
            values = list(row.values) + [None] * (width - len(row.values))
            ws.append([_guard_cell(v) for v in values] + [reason])
            saved += 1
    if not workbook.worksheets:
        ws = workbook.create_sheet("拒收行")
        ws.append([REASON_HEADER])
    tmp = out.with_name(out.name + ".part")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        workbook.save(tmp)
        tmp.replace(out)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        raise write_failure(out, error) from None
    return saved


def _guard_cell(value: Any) -> Any:
    """A cell for openpyxl, which takes text beginning with = for a formula: such text keeps an
    apostrophe in front, which the import takes off again."""
    if isinstance(value, FormulaWithoutValue):
        return guarded("=" + value)
    return guarded(value) if isinstance(value, str) else value


__all__ = ["KINDS", "KIND_TEXT", "ImportPreview", "Notice", "Rejection", "RowResult", "SheetData", "cell_text", "commit_import",
           "header_key", "preview_import", "revise_import", "write_rejects"]
