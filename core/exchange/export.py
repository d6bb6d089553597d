"""Writing the work ledger and the annual project list as real spreadsheets (domain.md §5).

The file's suffix decides the format: ``.xlsx`` (the spreadsheet clerks send upward) or ``.csv``
(for other programs: UTF-8 with a byte-order mark, which Chinese Excel needs to show the text).

Workbooks are written by XlsxWriter in its constant-memory mode, which streams each row to disk, so
10,000 rows are written without holding the whole sheet in memory. Text that begins with =, +, -
or @ is stored as text, never a formula.

XlsxWriter rather than openpyxl for speed: writing the 10,164-row demo ledger (29 columns) took
openpyxl's write-only mode 1.5 s for plain values alone (1.9 s without lxml) and 1.75 s with the
date, money and wrap styles, against 1.0 s for XlsxWriter. openpyxl still reads workbooks in the
tests and writes the small rejected-rows file.
"""

from __future__ import annotations

import contextlib
import csv
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError

from core.errors import Cancelled, LedgerError
from core.exchange.columns import COLUMNS, HEADERS
from core.exchange.values import FORMULA_START, parse_date
from core.printing.annual_columns import COLUMNS as LIST_COLUMNS
from core.records import Acceptance, Alley, Plan
from core.store.ledger import gc_paused

if TYPE_CHECKING:
    from core.printing.annual_list import AnnualList

WAN_FORMAT = "#,##0.00"
DATE_FORMAT = "yyyy-mm-dd"
_TITLE = {"font_name": "宋体", "font_size": 14, "bold": True}
_HEADER = {"font_name": "宋体", "font_size": 10, "bold": True, "pattern": 1, "bg_color": "#E8E8E8",
           "border": 1, "border_color": "#808080", "align": "center", "valign": "vcenter", "text_wrap": True}
_WRAP_AFTER = 16
"""Text longer than this many characters wraps inside its cell (top-aligned)."""


@dataclass(frozen=True)
class _FilingNo:
    """The one filing field the ledger shows (reading whole filings with their documents is slow)."""

    filing_no: str


@dataclass(frozen=True)
class ExportResult:
    """What was written: file, data rows, and the columns beyond the canonical ones."""

    path: str
    rows: int
    extra_columns: list[str]


def ledger_rows(ledger: Any) -> tuple[list[list[Any]], list[str]]:
    """The work ledger as rows of Python values (one per alley and programme year, alleys without a
    plan once with the plan columns empty), plus the names of extra columns kept from imports."""
    with gc_paused():  # 40,000 records read and 10,000 rows made, none in a cycle
        return _ledger_rows(ledger)


_KINDS = ("alley", "plan", "acceptance", "filing")


def _ledger_rows(ledger: Any) -> tuple[list[list[Any]], list[str]]:
    names = {m.code: m.name for m in ledger.profile().measures}
    fields = {kind: [c.field for c in COLUMNS if c.record == kind] for kind in _KINDS}
    # Only the fields the ledger shows are read (half the time of whole records).
    plans_by_alley: dict[int, list[Any]] = {}
    plan_fields = [f for f in fields["plan"] if f != "measures"] + ["alley_id", "extra", "measures.code"]
    for plan in sorted(ledger.all(Plan, fields=plan_fields), key=attrgetter("year")):
        plans_by_alley.setdefault(plan.alley_id, []).append(plan)
    acceptances = {a.plan_id: a for a in ledger.all(Acceptance, fields=[*fields["acceptance"], "plan_id"])}
    filings = {plan_id: _FilingNo(number) for plan_id, number in ledger.filing_numbers().items()}
    alleys = sorted(ledger.all(Alley, fields=[*fields["alley"], "extra"]), key=attrgetter("code"))
    # Each record kind's fields read at once, then laid out in the ledger's column order.
    getters = [_getter(fields[kind]) for kind in _KINDS]
    blanks = [(None,) * len(fields[kind]) for kind in _KINDS]
    layout = [(_KINDS.index(c.record), fields[c.record].index(c.field)) for c in COLUMNS]
    measures_at = next(i for i, c in enumerate(COLUMNS) if c.field == "measures")
    extra_names: list[str] = []
    seen: set[str] = set()
    rows = []
    extras = []
    for alley in alleys:
        for plan in plans_by_alley.get(alley.id, [None]):
            records = (alley, plan, acceptances.get(plan.id) if plan else None, filings.get(plan.id) if plan else None)
            parts = [blank if record is None else get(record)
                     for record, get, blank in zip(records, getters, blanks, strict=True)]
            row = [parts[kind][i] for kind, i in layout]
            if plan is not None:
                row[measures_at] = "、".join(names.get(item.code, item.code) for item in plan.measures)
            merged = {**alley.extra, **plan.extra} if plan is not None and plan.extra else alley.extra
            for name in merged:
                if name not in seen:
                    seen.add(name)
                    extra_names.append(name)
            rows.append(row)
            extras.append(merged)
    if extra_names:
        for row, merged in zip(rows, extras, strict=True):
            row += [merged.get(name, "") for name in extra_names]
    return rows, extra_names


def _getter(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    """A function giving the values of ``names`` of a record, as a tuple."""
    get = attrgetter(*names)
    return get if len(names) > 1 else lambda record: (get(record),)


def export_ledger(ledger: Any, out: Path, *, progress: Callable[[int, str], None] | None = None,
                  cancel: Callable[[], bool] | None = None) -> ExportResult:
    """Write the work ledger to ``out`` (.xlsx or .csv) with the canonical headers of §5 in order."""
    settings = ledger.settings()
    county = settings.name if settings else ""
    rows, extra = ledger_rows(ledger)
    headers = list(HEADERS) + extra
    kinds = [c.kind for c in COLUMNS] + ["text"] * len(extra)
    widths = [c.width for c in COLUMNS] + [14] * len(extra)
    _write_sheet(out, "工作台账", f"{county}城市背街小巷整治改造提升工作台账", headers, kinds, widths, rows,
                 progress=progress, cancel=cancel)
    return ExportResult(str(out), len(rows), extra)


def export_annual_list(data: AnnualList, out: Path, *, progress: Callable[[int, str], None] | None = None,
                       cancel: Callable[[], bool] | None = None) -> ExportResult:
    """Write the annual project list (the same rows as the printed list) with a totals row."""

    headers = [h.format(region=data.region_name) for h, _, _ in LIST_COLUMNS]
    kinds = ["int", "text", "text", "text", "text", "metres", "metres", "text", "text", "wan", "wan",
             "date", "date", "text", "text"]
    widths = [6, 14, 12, 12, 22, 9, 9, 7, 30, 12, 12, 11, 11, 22, 16]
    rows: list[list[Any]] = []
    for row in data.rows:
        values: list[Any] = list(row)
        values[0] = int(values[0])
        for i in (5, 6):
            values[i] = float(values[i]) if values[i] else None
        for i in (9, 10):
            values[i] = Decimal(values[i]) * 10000 if values[i] else None  # back to yuan for _wan_cell
        for i in (11, 12):
            values[i] = parse_date(values[i]) if values[i] else None
        rows.append(values)
    totals: list[Any] = ["合计", f"{len(data.rows)} 条", "", "", "", round(data.total_length_m, 1), None, "",
                         f"达标类 {data.standard} 条，精品类 {data.boutique} 条", data.total_investment_yuan,
                         data.total_subsidy_yuan, "", "", "", ""]
    note = f"金额单位：万元；年度任务 {data.target} 条，精品任务 {data.boutique_quota} 条" if data.target is not None \
        else "金额单位：万元"
    _write_sheet(out, f"{data.year}年清单", data.title, headers, kinds, widths, rows, totals=totals, note=note,
                 progress=progress, cancel=cancel)
    return ExportResult(str(out), len(rows), [])


SUFFIXES = (".xlsx", ".csv")
"""The formats an export can be written in, chosen by the output file's suffix."""


def _write_sheet(out: Path, sheet: str, title: str, headers: Sequence[str], kinds: Sequence[str],
                 widths: Sequence[float], rows: Iterable[Sequence[Any]], *, totals: Sequence[Any] | None = None,
                 note: str = "", progress: Callable[[int, str], None] | None = None,
                 cancel: Callable[[], bool] | None = None) -> None:
    suffix = out.suffix.lower()
    if suffix not in SUFFIXES:
        raise LedgerError(f"不能导出为「{out.name}」：文件名应以 .xlsx（Excel 工作簿）或 .csv（逗号分隔文本）结尾")
    rows = list(rows)
    out.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".csv":
        _write_csv(out, headers, kinds, rows, totals, progress, cancel)
        return
    tmp = out.with_name(out.name + ".part")
    workbook = xlsxwriter.Workbook(str(tmp), {
        "constant_memory": True,  # each row goes to disk as soon as the next one starts
        # Cells hold what the clerk typed: never a formula, link or number made from text.
        "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False,
    })
    try:
        _fill_sheet(workbook, sheet, title, headers, kinds, widths, rows, totals, note, progress, cancel)
        workbook.close()
        tmp.replace(out)
    except (PermissionError, FileCreateError) as error:
        _discard(workbook, tmp)
        cause = error.args[0] if isinstance(error, FileCreateError) and error.args else error
        if isinstance(cause, PermissionError):
            raise LedgerError(f"无法写入「{out}」：文件可能正在 Excel 或 WPS 中打开，请关闭后重试") from None
        raise LedgerError(f"无法写入「{out}」：{getattr(cause, 'strerror', None) or cause}") from None
    except BaseException:
        _discard(workbook, tmp)
        raise
    if progress is not None:
        progress(100, "完成")


def _fill_sheet(workbook: Any, sheet: str, title: str, headers: Sequence[str], kinds: Sequence[str],
                widths: Sequence[float], rows: list[Sequence[Any]], totals: Sequence[Any] | None, note: str,
                progress: Callable[[int, str], None] | None, cancel: Callable[[], bool] | None) -> None:
    ws = workbook.add_worksheet(sheet)
    for i, width in enumerate(widths):
        # A width in characters as stored in the file (7 px each in Calibri 11); set_column would
        # add Excel's 5 px of padding on top.
        ws.set_column_pixels(i, i, round(width * 7))
    ws.freeze_panes(2, 0)
    ws.repeat_rows(0, 1)
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)  # one page wide, as many pages long as it takes
    ws.center_horizontally()
    ws.set_margins(left=0.75, right=0.75, top=1, bottom=1)
    ws.set_header("", {"margin": 0.5})
    ws.set_footer("", {"margin": 0.5})

    ws.write_string(0, 0, title, workbook.add_format(_TITLE))
    if note:
        ws.write_string(0, 1, note)
    header_format = workbook.add_format(_HEADER)
    for c, header in enumerate(headers):
        ws.write_string(1, c, header, header_format)
    cells = _Cells(workbook, ws)
    total = len(rows)
    for n, row in enumerate(rows):
        if n % 1000 == 0:
            if cancel is not None and cancel():
                raise Cancelled("导出已取消，没有生成文件")
            if progress is not None:
                progress(int(90 * n / max(total, 1)), "写入 Excel")
        cells.write(n + 2, row, kinds)
    if totals is not None:
        cells.write(total + 2, totals, kinds)


def _write_csv(out: Path, headers: Sequence[str], kinds: Sequence[str], rows: list[Sequence[Any]],
               totals: Sequence[Any] | None, progress: Callable[[int, str], None] | None,
               cancel: Callable[[], bool] | None) -> None:
    """The header and the rows as CSV: UTF-8 with a byte-order mark and CRLF line ends, as Excel
    expects; money in 万元 exactly (at least two decimals), dates as 2023-06-15.

    A CSV cell has no type, so Excel would evaluate text that begins with =, +, - or @: such text
    is written after an apostrophe (the usual guard), which the import removes again.
    """
    tmp = out.with_name(out.name + ".part")
    try:
        with tmp.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(headers)
            total = len(rows)
            for n, row in enumerate(rows):
                if n % 1000 == 0:
                    if cancel is not None and cancel():
                        raise Cancelled("导出已取消，没有生成文件")
                    if progress is not None:
                        progress(int(90 * n / max(total, 1)), "写入 CSV")
                writer.writerow([_csv_text(value, kind) for value, kind in zip(row, kinds, strict=True)])
            if totals is not None:
                writer.writerow([_csv_text(value, kind) for value, kind in zip(totals, kinds, strict=True)])
        tmp.replace(out)
    except PermissionError:
        tmp.unlink(missing_ok=True)
        raise LedgerError(f"无法写入「{out}」：文件可能正在 Excel 或 WPS 中打开，请关闭后重试") from None
    except OSError as error:
        tmp.unlink(missing_ok=True)
        raise LedgerError(f"无法写入「{out}」：{error.strerror or error}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if progress is not None:
        progress(100, "完成")


_CENT = Decimal("0.01")


def _csv_text(value: Any, kind: str) -> str:
    """One cell of a CSV export (see :func:`_write_csv`)."""
    if value is None or value == "":
        return ""
    if kind == "wan" and not isinstance(value, str):
        wan = Decimal(value) / 10000
        return format(wan.quantize(_CENT) if wan == wan.quantize(_CENT) else wan.normalize(), "f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, str):
        return "'" + value if value.startswith(FORMULA_START) else value
    return str(value)


def _discard(workbook: Any, tmp: Path) -> None:
    """Close a workbook that failed half-way (removing its temporary files) and drop the part file."""
    if not workbook.fileclosed:
        with contextlib.suppress(Exception):  # already failing: the first error is the one to report
            workbook.close()
    with contextlib.suppress(OSError):
        tmp.unlink(missing_ok=True)


class _Cells:
    """Body cells: plain values where no format is needed, else one shared format per kind.

    Money is written in 万元 with two decimals, dates as dates, long text wrapped; text that
    begins with =, +, - or @ is written as a string, so no spreadsheet evaluates it.
    """

    def __init__(self, workbook: Any, ws: Any):
        self.ws = ws
        self.wan = workbook.add_format({"num_format": WAN_FORMAT})
        self.date = workbook.add_format({"num_format": DATE_FORMAT})
        self.wrap = workbook.add_format({"text_wrap": True, "valign": "top"})

    def write(self, r: int, row: Sequence[Any], kinds: Sequence[str]) -> None:
        ws = self.ws
        for c, (value, kind) in enumerate(zip(row, kinds, strict=True)):
            if value is None or value == "":
                continue
            if kind == "wan":
                ws.write_number(r, c, float(Decimal(value) / 10000), self.wan)
            elif isinstance(value, date):
                ws.write_datetime(r, c, value, self.date)
            elif isinstance(value, str):
                if len(value) > _WRAP_AFTER and not value.startswith(FORMULA_START):
                    ws.write_string(r, c, value, self.wrap)
                else:
                    ws.write_string(r, c, value)
            elif isinstance(value, bool):
                ws.write_boolean(r, c, value)
            else:
                ws.write_number(r, c, value)
