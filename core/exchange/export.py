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
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError

from core.annual import COLUMNS as LIST_COLUMNS
from core.annual import AnnualList
from core.errors import LedgerError, checker
from core.exchange.columns import COLUMNS, HEADERS
from core.exchange.values import FORMULA_START, apostrophe_kept, guarded
from core.outputs import check_output, write_failure
from core.records import Acceptance, Alley, Plan
from core.store.ledger import gc_paused

if TYPE_CHECKING:
    from core.store import Ledger

WAN_FORMAT = "#,##0.00"
DATE_FORMAT = "yyyy-mm-dd"
_TITLE = {"font_name": "宋体", "font_size": 14, "bold": True}
_HEADER = {"font_name": "宋体", "font_size": 10, "bold": True, "pattern": 1, "bg_color": "#E8E8E8",
           "border": 1, "border_color": "#808080", "align": "center", "valign": "vcenter", "text_wrap": True}
_WRAP_AFTER = 16
"""Text longer than this many characters wraps inside its cell (top-aligned)."""


@dataclass(frozen=True)
class ExportResult:
    """What was written: file, data rows, and the columns beyond the canonical ones."""

    path: str
    rows: int
    extra_columns: list[str]


def ledger_rows(ledger: Ledger) -> tuple[list[list[Any]], list[str]]:
    """The work ledger as rows of Python values (one per alley and programme year, alleys without a
    plan once with the plan columns empty), plus the names of extra columns kept from imports."""
    with gc_paused():  # 40,000 records read and 10,000 rows made, none in a cycle
        return _ledger_rows(ledger)


_KINDS = ("alley", "plan", "acceptance", "filing")


# What the ledger reads of each kind besides the columns it shows: the ids that join the kinds,
# the plans' order and their 改造内容 as written, and the extra columns kept from imports.
_ALLEY_HEAD = ("id", "code", "extra")
_PLAN_HEAD = ("id", "alley_id", "year", "content_text", "extra")
_ACCEPTANCE_HEAD = ("plan_id",)
_CONTENT = -1
"""The place of the 改造内容 column in the ledger's layout: worked out, not read."""


def _ledger_rows(ledger: Ledger) -> tuple[list[list[Any]], list[str]]:
    names = {m.code: m.name for m in ledger.profile().measures}
    # Only the fields the ledger shows are read, as plain values (half the time of whole records).
    shown = {kind: [c.field for c in COLUMNS if c.record == kind and c.field != "measures"] for kind in _KINDS}
    heads = {"alley": _ALLEY_HEAD, "plan": _PLAN_HEAD, "acceptance": (), "filing": ()}
    alley_id, alley_code, alley_extra = range(len(_ALLEY_HEAD))
    plan_id, plan_alley, plan_year, plan_text, plan_extra = range(len(_PLAN_HEAD))
    with ledger.snapshot():  # the four kinds as of one moment
        alley_rows = sorted(ledger.values(Alley, [*_ALLEY_HEAD, *shown["alley"]]), key=itemgetter(alley_code))
        plan_rows = sorted(ledger.values(Plan, [*_PLAN_HEAD, *shown["plan"]]), key=itemgetter(plan_year))
        codes = ledger.child_values(Plan, "measures.code")
        # An acceptance's and a filing's values start after the plan id they are looked up by.
        acceptances = {values[0]: values[len(_ACCEPTANCE_HEAD):]
                       for values in ledger.values(Acceptance, [*_ACCEPTANCE_HEAD, *shown["acceptance"]])}
        filings = {plan: (number,) for plan, number in ledger.filing_numbers().items()}
    plans_by_alley: dict[int, list[tuple[Any, ...]]] = {}
    for values in plan_rows:
        plans_by_alley.setdefault(values[plan_alley], []).append(values)
    # Where each column's value sits: (kind, position in that kind's values); 改造内容 is worked out.
    layout = [(_KINDS.index(c.record), len(heads[c.record]) + shown[c.record].index(c.field))
              if c.field != "measures" else (_CONTENT, 0) for c in COLUMNS]
    blanks = [(None,) * (len(heads[kind]) + len(shown[kind])) for kind in _KINDS]
    extra_names: list[str] = []
    seen: set[str] = set()
    rows = []
    extras = []
    for alley in alley_rows:
        for plan in plans_by_alley.get(alley[alley_id], [None]):
            if plan is None:
                parts = (alley, *blanks[1:])
                content = None
            else:
                parts = (alley, plan, acceptances.get(plan[plan_id], blanks[2]), filings.get(plan[plan_id], blanks[3]))
                # 改造内容 as the ledger said it, word for word; a plan typed in the program by its measures.
                content = plan[plan_text] or "、".join(names.get(code, code) for code in codes.get(plan[plan_id], ()))
            rows.append([parts[kind][i] if kind != _CONTENT else content for kind, i in layout])
            merged: dict[str, Any] = alley[alley_extra]
            if plan is not None and plan[plan_extra]:
                merged = {**merged, **plan[plan_extra]}
            for name in merged:
                if name not in seen:
                    seen.add(name)
                    extra_names.append(name)
            extras.append(merged)
    if extra_names:
        for row, merged in zip(rows, extras, strict=True):
            row += [merged.get(name, "") for name in extra_names]
    return rows, extra_names


def export_ledger(ledger: Ledger, out: Path, *, progress: Callable[[int, str], None] | None = None,
                  cancel: Callable[[], bool] | None = None) -> ExportResult:
    """Write the work ledger to ``out`` (.xlsx or .csv) with the canonical headers of §5 in order."""
    check_target(out)  # before reading the ledger; write_sheet checks again, as other callers need
    settings = ledger.settings()
    county = settings.name if settings else ""
    rows, extra = ledger_rows(ledger)
    headers = list(HEADERS) + extra
    kinds = [c.kind for c in COLUMNS] + ["text"] * len(extra)
    widths = [c.width for c in COLUMNS] + [14] * len(extra)
    write_sheet(out, "工作台账", f"{county}城市背街小巷整治改造提升工作台账", headers, kinds, widths, rows,
                 progress=progress, cancel=cancel)
    return ExportResult(str(out), len(rows), extra)


def export_annual_list(data: AnnualList, out: Path, *, progress: Callable[[int, str], None] | None = None,
                       cancel: Callable[[], bool] | None = None) -> ExportResult:
    """Write the annual project list (the same rows as the printed list) with a totals row; money
    exact, so the rows add up to the totals (the printed list shows each rounded to 0.01 万元)."""
    kinds = [c.value_kind for c in LIST_COLUMNS]
    widths = [6, 14, 12, 12, 22, 9, 9, 7, 30, 12, 12, 11, 11, 22, 16]
    rows = [[row.value(c) if c.kind != "category" else (row.category or "").removesuffix("类") for c in LIST_COLUMNS]
            for row in data.rows]
    kinds_text = f"达标类 {data.standard} 条，精品类 {data.boutique} 条" + (
        f"，未填类别 {data.uncategorised} 条" if data.uncategorised else "")
    totals: list[Any] = ["合计", f"{len(data.rows)} 条", "", "", "", round(data.total_length_m, 1), None, "",
                         kinds_text, data.total_investment_yuan, data.total_subsidy_yuan, "", "", "", ""]
    note = "金额单位：万元" + (f"；年度任务 {data.target} 条，精品任务 {data.boutique_quota} 条" if data.target is not None else "")
    if data.withdrawn:
        note += f"；另有 {data.withdrawn} 个方案已撤销，未列入"
    write_sheet(out, f"{data.year}年清单", data.title, data.headers(), kinds, widths, rows, totals=totals, note=note,
                progress=progress, cancel=cancel)
    return ExportResult(str(out), len(rows), [])


SUFFIXES = (".xlsx", ".csv")
"""The formats an export can be written in, chosen by the output file's suffix."""


def check_target(out: Path) -> None:
    """Refuse, before any work is done, an output an export cannot write: a suffix other than
    :data:`SUFFIXES`, or a folder."""
    if out.suffix.lower() not in SUFFIXES:
        raise LedgerError(f"不能导出为「{out.name}」：文件名应以 .xlsx（Excel 工作簿）或 .csv（逗号分隔文本）结尾")
    check_output(out)


def write_sheet(out: Path, sheet: str, title: str, headers: Sequence[str], kinds: Sequence[str],
                widths: Sequence[float], rows: Iterable[Sequence[Any]], *, totals: Sequence[Any] | None = None,
                note: str = "", progress: Callable[[int, str], None] | None = None,
                cancel: Callable[[], bool] | None = None) -> None:
    """Write one sheet to ``out`` as .xlsx or .csv (by its suffix), whole or not at all: the file
    appears only once it is complete, and a cancel or an error leaves nothing behind."""
    check_target(out)
    rows = list(rows)
    step = checker(progress, cancel, "导出已取消，没有生成文件")
    tmp = out.with_name(out.name + ".part")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        if out.suffix.lower() == ".csv":
            _write_csv(tmp, headers, kinds, rows, totals, step)
        else:
            _write_xlsx(tmp, sheet, title, headers, kinds, widths, rows, totals, note, step)
        tmp.replace(out)
    except FileCreateError as error:
        _drop(tmp)
        cause = error.args[0] if error.args and isinstance(error.args[0], OSError) else OSError(str(error))
        raise write_failure(out, cause) from None
    except OSError as error:
        _drop(tmp)
        raise write_failure(out, error) from None
    except BaseException:
        _drop(tmp)
        raise
    step.report(100, "完成")


def _drop(tmp: Path) -> None:
    with contextlib.suppress(OSError):  # already failing: the first error is the one to report
        tmp.unlink(missing_ok=True)


def _write_xlsx(tmp: Path, sheet: str, title: str, headers: Sequence[str], kinds: Sequence[str],
                widths: Sequence[float], rows: list[Sequence[Any]], totals: Sequence[Any] | None, note: str,
                step: Callable[[int, str], None]) -> None:
    workbook = xlsxwriter.Workbook(str(tmp), {
        "constant_memory": True,  # each row goes to disk as soon as the next one starts
        # Cells hold what the clerk typed: never a formula, link or number made from text.
        "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False,
    })
    try:
        _fill_sheet(workbook, sheet, title, headers, kinds, widths, rows, totals, note, step)
        workbook.close()
    except BaseException:
        if not workbook.fileclosed:
            with contextlib.suppress(Exception):  # already failing: the first error is the one to report
                workbook.close()  # removes its temporary files
        raise


def _fill_sheet(workbook: Any, sheet: str, title: str, headers: Sequence[str], kinds: Sequence[str],
                widths: Sequence[float], rows: list[Sequence[Any]], totals: Sequence[Any] | None, note: str,
                step: Callable[[int, str], None]) -> None:
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
    for n, row in _counted(rows, step, "写入 Excel"):
        cells.write(n + 2, row, kinds)
    if totals is not None:
        cells.write(len(rows) + 2, totals, kinds)


def _counted(rows: list[Sequence[Any]], step: Callable[[int, str], None], text: str) -> Iterator[tuple[int, Sequence[Any]]]:
    """The rows numbered, telling ``step`` the progress (and so checking for a cancel) every 1,000."""
    total = max(len(rows), 1)
    for n, row in enumerate(rows):
        if n % 1000 == 0:
            step(90 * n // total, text)
        yield n, row


def _write_csv(tmp: Path, headers: Sequence[str], kinds: Sequence[str], rows: list[Sequence[Any]],
               totals: Sequence[Any] | None, step: Callable[[int, str], None]) -> None:
    """The header and the rows as CSV: UTF-8 with a byte-order mark and CRLF line ends, as Excel
    expects; money in 万元 exactly (at least two decimals), dates as 2023-06-15.

    A CSV cell has no type, so Excel would evaluate text that begins with =, +, - or @: such text
    (and text that begins with an apostrophe itself) is written after an apostrophe, the usual
    guard, which the import takes off again (:func:`core.exchange.values.unguarded`).
    """
    with tmp.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([guarded(h) for h in headers])
        for _, row in _counted(rows, step, "写入 CSV"):
            writer.writerow([_csv_text(value, kind) for value, kind in zip(row, kinds, strict=True)])
        if totals is not None:
            writer.writerow([_csv_text(value, kind) for value, kind in zip(totals, kinds, strict=True)])


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
        # The shortest text that reads back as the same number, never in exponent form (1e-07).
        return str(int(value)) if value.is_integer() else format(Decimal(repr(value)), "f")
    if isinstance(value, str):
        return guarded(value)
    return str(value)


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
                if value[:1] == "'":
                    value = apostrophe_kept(value)
                if len(value) > _WRAP_AFTER and not value.startswith(FORMULA_START):
                    ws.write_string(r, c, value, self.wrap)
                else:
                    ws.write_string(r, c, value)
            elif isinstance(value, bool):
                ws.write_boolean(r, c, value)
            else:
                ws.write_number(r, c, value)
